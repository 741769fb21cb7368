Storage volumes on the test driver (tests/fixtures/storage.xml: volumes
with spaces, UTF-8 and long names).  Script-friendly outputs are compared
byte for byte with virsh 9.0.

Listings and information, against virsh.
$ for c in "vol-list images" "vol-list images --details" "vol-list vg0 --details" "vol-list 'backup pool'" "vol-info 'disk one.img' --pool images" "vol-info 'ünïcode.qcow2' --pool images --bytes" "vol-info '/dev/vg0/lv root'" "vol-info vg0/lv-root-key --bytes" "vol-path 'lv root' --pool vg0" "vol-path vg0/lv-root-key" "vol-key '/dev/vg0/lv root'" "vol-key Zeta.iso --pool images" "vol-name vg0/lv-root-key" "vol-name '/var/lib/lvsh/images/ünïcode.qcow2'" "vol-pool '/dev/vg0/lv root'" "vol-pool '/var/lib/lvsh/images/Zeta.iso' --uuid" "vol-dumpxml Zeta.iso --pool images" "vol-dumpxml '/dev/vg0/lv root'"; do diff <(lvsh -c test://$FIXTURES/storage.xml "$c") <(virsh -c test://$FIXTURES/storage.xml "$c") || echo "differs: $c"; done; echo done
done
? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-list images --details
 Name                                                          Path                                                                               Type   Capacity     Allocation
----------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
 a-volume-with-a-rather-long-name-to-stretch-the-columns.img   /var/lib/lvsh/images/a-volume-with-a-rather-long-name-to-stretch-the-columns.img   file   2.00 TiB     0.00 B
 disk one.img                                                  /var/lib/lvsh/images/disk one.img                                                  file   10.00 GiB    2.00 GiB
 Zeta.iso                                                      /var/lib/lvsh/images/Zeta.iso                                                      file   1.18 MiB     1.18 MiB
 ünïcode.qcow2                                                 /var/lib/lvsh/images/ünïcode.qcow2                                                 file   512.00 MiB   196.00 KiB

? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-list /var/lib/lvsh/images
 Name                                                          Path
-------------------------------------------------------------------------------------------------------------------------------------------------
 a-volume-with-a-rather-long-name-to-stretch-the-columns.img   /var/lib/lvsh/images/a-volume-with-a-rather-long-name-to-stretch-the-columns.img
 disk one.img                                                  /var/lib/lvsh/images/disk one.img
 Zeta.iso                                                      /var/lib/lvsh/images/Zeta.iso
 ünïcode.qcow2                                                 /var/lib/lvsh/images/ünïcode.qcow2

? 0
$ lvsh -c test://$FIXTURES/storage.xml --json vol-list vg0
[{"name":"lv root","path":"/dev/vg0/lv root","type":"block","capacity":21474836480,"allocation":21474836480}]
? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-info "ünïcode.qcow2" --pool images
Name:           ünïcode.qcow2
Type:           file
Capacity:       512.00 MiB
Allocation:     196.00 KiB

? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-info --json "disk one.img" --pool images
{"name":"disk one.img","type":"file","capacity":10737418240,"allocation":2147483648}
? 0
$ lvsh -c test://$FIXTURES/storage.xml 'vol-path --json Zeta.iso --pool images'
{"name":"Zeta.iso","key":"/var/lib/lvsh/images/Zeta.iso","path":"/var/lib/lvsh/images/Zeta.iso"}
? 0
$ lvsh -c test://$FIXTURES/storage.xml 'vol-pool --json /var/lib/lvsh/images/Zeta.iso'
{"name":"images","uuid":"cccccccc-0000-4000-8000-000000000001"}
? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-dumpxml 'disk one.img' --pool images --xpath 'string(/volume/capacity)'
10737418240

? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-info nosuch.img --pool images

! error: failed to get vol 'nosuch.img'
! error: Storage volume not found: no storage vol with matching path 'nosuch.img'
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-info 'disk one.img' --pool nosuch

! error: failed to get pool 'nosuch'
! error: Storage pool not found: no storage pool with matching name 'nosuch'
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-info 'disk one.img'

! error: failed to get vol 'disk one.img', specifying --pool might help
! error: Storage volume not found: no storage vol with matching path 'disk one.img'
? 1
$ lvsh -c test://$FIXTURES/storage.xml 'pool-destroy vg0; vol-list vg0'
Pool vg0 destroyed


! error: failed to list the volumes of pool 'vg0'
! error: Requested operation is not valid: storage pool is not active
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-info --physical Zeta.iso --pool images

! error: failed to get information of volume 'Zeta.iso'
! error: this function is not supported by the connection driver: virStorageVolGetInfoFlags
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-name
! error: command 'vol-name' requires option --vol
? 2

vol-create-as: sizes with suffixes, formats and backing volumes, as virsh writes them.
$ for c in "images v1 1G" "images v1 1G --allocation 10M --format qcow2 --backing-vol 'disk one.img' --backing-vol-format raw" "images v1 1G --backing-vol '/dev/vg0/lv root'" "images v1 1G --format raw --prealloc-metadata" "images v1 1500 --allocation 1KiB" "images 'ü v' 2TB --format vmdk" "vg0 lv2 512MiB --backing-vol vg0/lv-root-key"; do diff <(lvsh -c test://$FIXTURES/storage.xml "vol-create-as $c --print-xml") <(virsh -c test://$FIXTURES/storage.xml "vol-create-as $c --print-xml") || echo "differs: $c"; done; echo done
done
? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-create-as images 'a <b> & c' 1G --format qcow2 --print-xml
<volume>
  <name>a &lt;b&gt; &amp; c</name>
  <capacity>1073741824</capacity>
  <target>
    <format type='qcow2'/>
  </target>
</volume>

? 0
$ lvsh -c test://$FIXTURES/storage.xml 'vol-create-as images new.qcow2 2G --format qcow2; vol-create-as images new.raw 1M --allocation 0; vol-list images --details; vol-info new.raw --pool images --bytes'
Vol new.qcow2 created

Vol new.raw created

 Name                                                          Path                                                                               Type   Capacity     Allocation
----------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
 a-volume-with-a-rather-long-name-to-stretch-the-columns.img   /var/lib/lvsh/images/a-volume-with-a-rather-long-name-to-stretch-the-columns.img   file   2.00 TiB     0.00 B
 disk one.img                                                  /var/lib/lvsh/images/disk one.img                                                  file   10.00 GiB    2.00 GiB
 new.qcow2                                                     /var/lib/lvsh/images/new.qcow2                                                     file   2.00 GiB     2.00 GiB
 new.raw                                                       /var/lib/lvsh/images/new.raw                                                       file   1.00 MiB     0.00 B
 Zeta.iso                                                      /var/lib/lvsh/images/Zeta.iso                                                      file   1.18 MiB     1.18 MiB
 ünïcode.qcow2                                                 /var/lib/lvsh/images/ünïcode.qcow2                                                 file   512.00 MiB   196.00 KiB

Name:           new.raw
Type:           file
Capacity:       1048576 bytes
Allocation:     0 bytes

? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-create-as images big 1X

! error: Scaled numeric value '1X' for <capacity> option is malformed or out of range
! error: invalid argument: unknown suffix 'X'
? 2
$ lvsh -c test://$FIXTURES/storage.xml vol-create-as images big -- -1G

! error: Scaled numeric value '-1G' for <capacity> option is malformed or out of range
? 2
$ lvsh -c test://$FIXTURES/storage.xml vol-create-as images "disk one.img" 1G

! error: failed to create volume 'disk one.img'
! error: operation failed: storage vol already exists
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-create-as images x 1G --backing-vol nosuch

! error: failed to get vol 'nosuch'
! error: Storage volume not found: no storage vol with matching path 'nosuch'
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-create-as nosuch x 1G

! error: failed to get pool 'nosuch'
! error: Storage pool not found: no storage pool with matching name 'nosuch'
? 1

vol-create and vol-create-from with XML files.
$ printf '<volume><name>from xml</name><capacity unit="M">5</capacity></volume>\n' > v.xml; lvsh -c test://$FIXTURES/storage.xml 'vol-create images v.xml; vol-info "from xml" --pool images'
Vol from xml created from v.xml

Name:           from xml
Type:           file
Capacity:       5.00 MiB
Allocation:     5.00 MiB

? 0
$ printf '<volume><name>copy</name><capacity unit="G">10</capacity></volume>\n' > c.xml; lvsh -c test://$FIXTURES/storage.xml 'vol-create-from images c.xml "disk one.img" --inputpool images; vol-info copy --pool images'
Vol copy created from input vol disk one.img

Name:           copy
Type:           file
Capacity:       10.00 GiB
Allocation:     10.00 GiB

? 0
The test driver looks for the input volume in the target pool, as with virsh.
$ diff <(lvsh -c test://$FIXTURES/storage.xml 'vol-create-from "backup pool" c.xml "disk one.img" --inputpool images' 2>&1 | tail -1) <(virsh -c test://$FIXTURES/storage.xml 'vol-create-from "backup pool" c.xml "disk one.img" --inputpool images' 2>&1 | tail -1) && echo same error
same error
? 0
$ printf '<volume><name>x</name>\n' > bad.xml; lvsh -c test://$FIXTURES/storage.xml vol-create images bad.xml

! error: bad.xml:2:1: malformed XML: Premature end of data in tag volume line 1
? 1
$ printf '<volume><capacity>1</capacity></volume>\n' > noname.xml; lvsh -c test://$FIXTURES/storage.xml vol-create images noname.xml

! error: Failed to create vol from noname.xml
! error: XML error: missing volume name element
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-create-from images c.xml nosuch --inputpool images

! error: failed to get vol 'nosuch'
! error: Storage volume not found: no storage vol with matching path 'nosuch'
? 1

vol-clone: the XML it sends matches virsh's; the clone lands in the same pool.
$ for c in "'disk one.img' 'new <x>' --pool images" "'/dev/vg0/lv root' copy"; do diff <(lvsh -c test://$FIXTURES/storage.xml "vol-clone $c --print-xml") <(virsh -c test://$FIXTURES/storage.xml "vol-clone $c --print-xml") || echo "differs: $c"; done; echo done
done
? 0
$ lvsh -c test://$FIXTURES/storage.xml 'vol-clone "ünïcode.qcow2" "clone of ünïcode.qcow2" --pool images; vol-list images; vol-pool "/var/lib/lvsh/images/clone of ünïcode.qcow2"'
Vol clone of ünïcode.qcow2 cloned from ünïcode.qcow2

 Name                                                          Path
-------------------------------------------------------------------------------------------------------------------------------------------------
 a-volume-with-a-rather-long-name-to-stretch-the-columns.img   /var/lib/lvsh/images/a-volume-with-a-rather-long-name-to-stretch-the-columns.img
 clone of ünïcode.qcow2                                        /var/lib/lvsh/images/clone of ünïcode.qcow2
 disk one.img                                                  /var/lib/lvsh/images/disk one.img
 Zeta.iso                                                      /var/lib/lvsh/images/Zeta.iso
 ünïcode.qcow2                                                 /var/lib/lvsh/images/ünïcode.qcow2

images

? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-clone Zeta.iso 'disk one.img' --pool images

! error: failed to clone volume 'Zeta.iso' as 'disk one.img'
! error: operation failed: storage vol already exists
? 1
$ lvsh -c test://$FIXTURES/storage.xml 'vol-clone Zeta.iso "Zeta copy.iso" --pool /var/lib/lvsh/images; vol-key "Zeta copy.iso" --pool images'
Vol Zeta copy.iso cloned from Zeta.iso

/var/lib/lvsh/images/Zeta copy.iso

? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-clone Zeta.iso x --pool images --print-xml --xpath 'string(/volume/name)'
x

? 0

vol-delete, vol-wipe, vol-resize: the test driver only deletes; the others show libvirt's refusal.
$ lvsh -c test://$FIXTURES/storage.xml 'vol-delete "disk one.img" --pool images; vol-list images'
Vol disk one.img deleted

 Name                                                          Path
-------------------------------------------------------------------------------------------------------------------------------------------------
 a-volume-with-a-rather-long-name-to-stretch-the-columns.img   /var/lib/lvsh/images/a-volume-with-a-rather-long-name-to-stretch-the-columns.img
 Zeta.iso                                                      /var/lib/lvsh/images/Zeta.iso
 ünïcode.qcow2                                                 /var/lib/lvsh/images/ünïcode.qcow2

? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-delete nosuch --pool images

! error: failed to get vol 'nosuch'
! error: Storage volume not found: no storage vol with matching path 'nosuch'
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-wipe Zeta.iso --pool images

! error: failed to wipe volume 'Zeta.iso'
! error: this function is not supported by the connection driver: virStorageVolWipe
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-wipe Zeta.iso --pool images --algorithm shred

! error: invalid value 'shred' for --algorithm of 'vol-wipe' (expected one of: zero, nnsa, dod, bsi, gutmann, schneier, pfitzner7, pfitzner33, random, trim)
? 2
$ lvsh -c test://$FIXTURES/storage.xml vol-resize Zeta.iso 2G --pool images

! error: failed to change the size of volume 'Zeta.iso' to 2G
! error: this function is not supported by the connection driver: virStorageVolResize
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-resize Zeta.iso -1M --pool images

! error: a negative size needs --shrink
? 2
$ lvsh -c test://$FIXTURES/storage.xml vol-resize --pool images Zeta.iso --shrink -- -1M

! error: failed to change the size of volume 'Zeta.iso' to -1M
! error: this function is not supported by the connection driver: virStorageVolResize
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-resize Zeta.iso 1Q --pool images

! error: malformed size '1Q'
? 2
$ lvsh -c test://$FIXTURES/storage.xml -r vol-delete Zeta.iso --pool images

! error: 'vol-delete' changes state, but the connection is read-only (-r)
? 1

vol-upload and vol-download: the test driver has no streams; nothing is left behind.
$ printf 'data' > up.bin; lvsh -c test://$FIXTURES/storage.xml vol-upload Zeta.iso up.bin --pool images

! error: cannot upload to volume 'Zeta.iso'
! error: this function is not supported by the connection driver: virStorageVolUpload
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-download Zeta.iso down.bin --pool images; test -e down.bin && echo left behind || echo no file

no file
! error: cannot download from volume 'Zeta.iso'
! error: this function is not supported by the connection driver: virStorageVolDownload
? 0
$ lvsh -c test://$FIXTURES/storage.xml vol-upload Zeta.iso /no/such/file --pool images

! error: cannot open '/no/such/file': No such file or directory
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-download Zeta.iso /no/such/dir/file --pool images

! error: cannot create '/no/such/dir/file': No such file or directory
? 1
$ lvsh -c test://$FIXTURES/storage.xml vol-upload Zeta.iso up.bin --pool images --offset 1Z

! error: Scaled numeric value '1Z' for <offset> option is malformed or out of range
! error: invalid argument: unknown suffix 'Z'
? 2
