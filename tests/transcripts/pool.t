Storage pools on the test driver (tests/fixtures/storage.xml: pools with
spaces, UTF-8 and long names, several types).  Script-friendly outputs are
compared byte for byte with virsh 9.0.

Listings: every filter combination gives what virsh gives.
$ for o in "" "--all" "--inactive" "--details" "--all --details" "--name" "--uuid" "--name --uuid" "--all --name" "--type dir" "--type logical,netfs" "--type dir --details" "--persistent" "--transient" "--autostart" "--no-autostart" "--all --persistent --no-autostart --details"; do diff <(lvsh -c test://$FIXTURES/storage.xml pool-list $o) <(virsh -c test://$FIXTURES/storage.xml pool-list $o) || echo "differs: $o"; done; echo done
done
? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-list --all --details
 Name                                          State     Autostart   Persistent   Capacity     Allocation   Available
------------------------------------------------------------------------------------------------------------------------
 a-storage-pool-with-a-very-long-name-indeed   running   no          yes          100.00 GiB   0.00 B       100.00 GiB
 backup pool                                   running   no          yes          100.00 GiB   0.00 B       100.00 GiB
 images                                        running   no          yes          100.00 GiB   2.00 GiB     98.00 GiB
 vg0                                           running   no          yes          100.00 GiB   20.00 GiB    80.00 GiB
 データ                                        running   no          yes          100.00 GiB   0.00 B       100.00 GiB

? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-list --name --uuid
cccccccc-0000-4000-8000-000000000005 a-storage-pool-with-a-very-long-name-indeed
cccccccc-0000-4000-8000-000000000002 backup pool         
cccccccc-0000-4000-8000-000000000001 images              
cccccccc-0000-4000-8000-000000000004 vg0                 
cccccccc-0000-4000-8000-000000000003 データ           

? 0
$ lvsh -c test://$FIXTURES/storage.xml 'pool-destroy vg0; pool-define-as spare dir --target /srv/spare; pool-create-as tmp dir --target /srv/tmp; pool-autostart images; pool-list --all --details; pool-list --inactive --name; pool-list --transient; pool-list --autostart --name; pool-list --type logical --all'
Pool vg0 destroyed

Pool spare defined

Pool tmp created

Pool images marked as autostarted

 Name                                          State      Autostart   Persistent   Capacity     Allocation   Available
-------------------------------------------------------------------------------------------------------------------------
 a-storage-pool-with-a-very-long-name-indeed   running    no          yes          100.00 GiB   0.00 B       100.00 GiB
 backup pool                                   running    no          yes          100.00 GiB   0.00 B       100.00 GiB
 images                                        running    yes         yes          100.00 GiB   2.00 GiB     98.00 GiB
 spare                                         inactive   no          yes          -            -            -
 tmp                                           running    no          no           100.00 GiB   0.00 B       100.00 GiB
 vg0                                           inactive   no          yes          -            -            -
 データ                                        running    no          yes          100.00 GiB   0.00 B       100.00 GiB

spare               
vg0                 

 Name   State    Autostart
----------------------------
 tmp    active   no

images              

 Name   State      Autostart
------------------------------
 vg0    inactive   no

? 0
Filters that also touch inactive and transient pools, against virsh in one session each.
$ for o in "--all" "--inactive" "--all --details" "--transient --all" "--persistent --inactive" "--autostart --all" "--no-autostart --all --name"; do S='pool-destroy vg0; pool-define-as spare dir --target /srv/spare; pool-create-as tmp dir --target /srv/tmp; pool-autostart images; pool-list '"$o"; diff <(lvsh -c test://$FIXTURES/storage.xml "$S" | tail -n +9 | sed '/^Pool /d') <(virsh -c test://$FIXTURES/storage.xml "$S" | tail -n +9 | sed '/^Pool /d') >/dev/null || echo "differs: $o"; done; echo done
done
? 0
$ lvsh -c test://$FIXTURES/storage.xml --json pool-list --all
[{"name":"a-storage-pool-with-a-very-long-name-indeed","uuid":"cccccccc-0000-4000-8000-000000000005","state":"running","active":true,"persistent":true,"autostart":false,"capacity":107374182400,"allocation":0,"available":107374182400},{"name":"backup pool","uuid":"cccccccc-0000-4000-8000-000000000002","state":"running","active":true,"persistent":true,"autostart":false,"capacity":107374182400,"allocation":0,"available":107374182400},{"name":"images","uuid":"cccccccc-0000-4000-8000-000000000001","state":"running","active":true,"persistent":true,"autostart":false,"capacity":107374182400,"allocation":2148918919,"available":105225263481},{"name":"vg0","uuid":"cccccccc-0000-4000-8000-000000000004","state":"running","active":true,"persistent":true,"autostart":false,"capacity":107374182400,"allocation":21474836480,"available":85899345920},{"name":"データ","uuid":"cccccccc-0000-4000-8000-000000000003","state":"running","active":true,"persistent":true,"autostart":false,"capacity":107374182400,"allocation":0,"available":107374182400}]
? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-list --type bogus

! error: invalid pool type 'bogus'
? 2
$ lvsh -c test://$FIXTURES/storage.xml pool-list --details --name

! error: options --details and --name of 'pool-list' cannot be used together
? 2
$ lvsh -c test://$FIXTURES/storage.xml pool-list --persistent --transient

! error: options --persistent and --transient of 'pool-list' cannot be used together
? 2

pool-info, pool-uuid, pool-name: by name, UUID or target path.
$ for c in "pool-info images" "pool-info 'backup pool' --bytes" "pool-info データ" "pool-info cccccccc-0000-4000-8000-000000000004" "pool-uuid vg0" "pool-name cccccccc-0000-4000-8000-000000000002"; do diff <(lvsh -c test://$FIXTURES/storage.xml "$c") <(virsh -c test://$FIXTURES/storage.xml "$c") || echo "differs: $c"; done; echo done
done
? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-info images
Name:           images
UUID:           cccccccc-0000-4000-8000-000000000001
State:          running
Persistent:     yes
Autostart:      no
Capacity:       100.00 GiB
Allocation:     2.00 GiB
Available:      98.00 GiB

? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-info '/srv/backup pool/' --bytes
Name:           backup pool
UUID:           cccccccc-0000-4000-8000-000000000002
State:          running
Persistent:     yes
Autostart:      no
Capacity:       107374182400
Allocation:     0
Available:      107374182400

? 0
$ lvsh -c test://$FIXTURES/storage.xml --json pool-info images
{"name":"images","uuid":"cccccccc-0000-4000-8000-000000000001","state":"running","persistent":true,"autostart":false,"capacity":107374182400,"allocation":2148918919,"available":105225263481}
? 0
$ lvsh -c test://$FIXTURES/storage.xml 'pool-destroy vg0; pool-info vg0'
Pool vg0 destroyed

Name:           vg0
UUID:           cccccccc-0000-4000-8000-000000000004
State:          inactive
Persistent:     yes
Autostart:      no

? 0
$ lvsh -c test://$FIXTURES/storage.xml 'pool-uuid /var/lib/lvsh/images; pool-name a-storage-pool-with-a-very-long-name-indeed'
cccccccc-0000-4000-8000-000000000001

a-storage-pool-with-a-very-long-name-indeed

? 0
$ lvsh -c test://$FIXTURES/storage.xml --json pool-uuid データ
{"name":"データ","uuid":"cccccccc-0000-4000-8000-000000000003"}
? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-info nosuch

! error: failed to get pool 'nosuch'
! error: Storage pool not found: no storage pool with matching name 'nosuch'
? 1
$ lvsh -c test://$FIXTURES/storage.xml pool-uuid /no/such/path

! error: failed to get pool '/no/such/path'
! error: Storage pool not found: no storage pool with matching name '/no/such/path'
? 1
$ lvsh -c test://$FIXTURES/storage.xml pool-info
! error: command 'pool-info' requires option --pool
? 2

pool-dumpxml, with --inactive and --xpath.
$ diff <(lvsh -c test://$FIXTURES/storage.xml pool-dumpxml vg0) <(virsh -c test://$FIXTURES/storage.xml pool-dumpxml vg0) && echo same
same
? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-dumpxml 'backup pool' --xpath 'string(/pool/target/path)'
/srv/backup pool

? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-dumpxml images --xpath '/pool/source' --wrap
<nodes>
  <source>
  </source>
</nodes>

? 0
$ lvsh -c test://$FIXTURES/storage.xml pool-dumpxml images --inactive

! error: failed to get the XML of pool 'images'
! error: unsupported flags (0x1) in function testStoragePoolGetXMLDesc
? 1

Lifecycle: build, start, refresh, autostart, destroy, delete, undefine.
$ lvsh -c test://$FIXTURES/storage.xml 'pool-define-as new dir --target /srv/new; pool-build new; pool-start new; pool-refresh new; pool-autostart new; pool-info new; pool-autostart new --disable; pool-destroy new; pool-delete new; pool-undefine new; pool-list --all --name'
Pool new defined

Pool new built

Pool new started

Pool new refreshed

Pool new marked as autostarted

Name:           new
UUID:           [0-9a-f-]{36} (re)
State:          running
Persistent:     yes
Autostart:      yes
Capacity:       100.00 GiB
Allocation:     0.00 B
Available:      100.00 GiB

Pool new unmarked as autostarted

Pool new destroyed

Pool new deleted

Pool new has been undefined

a-storage-pool-with-a-very-long-name-indeed
backup pool         
images              
vg0                 
データ           

? 0
$ lvsh -c test://$FIXTURES/storage.xml -q 'pool-destroy images; pool-start images; pool-list'
 a-storage-pool-with-a-very-long-name-indeed   active   no
 backup pool                                   active   no
 images                                        active   no
 vg0                                           active   no
 データ                                        active   no
? 0
$ lvsh -c test://$FIXTURES/storage.xml 'pool-start images'

! error: Failed to start pool images
! error: Requested operation is not valid: storage pool 'images' is active
? 1
$ lvsh -c test://$FIXTURES/storage.xml 'pool-undefine images'

! error: Failed to undefine pool images
! error: Requested operation is not valid: storage pool 'images' is active
? 1
$ lvsh -c test://$FIXTURES/storage.xml 'pool-build images --overwrite --no-overwrite'

! error: options --overwrite and --no-overwrite of 'pool-build' cannot be used together
? 2
$ lvsh -c test://$FIXTURES/storage.xml 'pool-build images --overwrite'

! error: Failed to build pool images
! error: unsupported flags (0x8) in function testStoragePoolBuild
? 1
$ lvsh -c test://$FIXTURES/storage.xml --json 'pool-refresh images'
{"name":"images","uuid":"cccccccc-0000-4000-8000-000000000001","action":"refreshed"}
? 0
$ lvsh -c test://$FIXTURES/storage.xml -r 'pool-destroy images'

! error: 'pool-destroy' changes state, but the connection is read-only (-r)
? 1

pool-define and pool-create from files, including bad XML.
$ printf '<pool type="dir"><name>from file</name><target><path>/srv/ff</path></target></pool>\n' > p.xml; lvsh -c test://$FIXTURES/storage.xml 'pool-define p.xml; pool-list --all --name; pool-dumpxml "from file" --xpath "string(/pool/name)"'
Pool from file defined from p.xml

a-storage-pool-with-a-very-long-name-indeed
backup pool         
from file           
images              
vg0                 
データ           

from file

? 0
$ printf '<pool type="dir"><name>created</name><target><path>/srv/cc</path></target></pool>\n' > c.xml; lvsh -c test://$FIXTURES/storage.xml 'pool-create c.xml; pool-list --transient'
Pool created created from c.xml

 Name      State    Autostart
-------------------------------
 created   active   no

? 0
$ printf '<pool type="dir"><name>broken</name>\n' > bad.xml; lvsh -c test://$FIXTURES/storage.xml pool-define bad.xml

! error: bad.xml:2:1: malformed XML: Premature end of data in tag pool line 1
? 1
$ printf '<pool type="nonsense"><name>x</name></pool>\n' > odd.xml; lvsh -c test://$FIXTURES/storage.xml pool-define odd.xml

! error: Failed to define pool from odd.xml
! error: XML error: Invalid value for attribute 'type' in element 'pool': 'nonsense'.
? 1
$ lvsh -c test://$FIXTURES/storage.xml pool-define /no/such/file.xml

! error: Failed to open file '/no/such/file.xml': No such file or directory
? 1
$ printf '<pool type="dir"><name>stdin pool</name><target><path>/srv/si</path></target></pool>\n' | lvsh -c test://$FIXTURES/storage.xml 'pool-define -; pool-list --inactive'
Pool stdin pool defined from -

 Name         State      Autostart
------------------------------------
 stdin pool   inactive   no

? 0

pool-define-as and pool-create-as: the XML matches virsh's for every source option.
$ for c in "p1 netfs --source-host h1 --source-path /exp --source-format nfs --target /mnt/x --source-protocol-ver 3" "p2 iscsi --source-host h --source-dev d --source-name n --auth-type chap --auth-username u --secret-usage su --source-initiator iqn.x" "p3 scsi --adapter-name host0" "p4 scsi --adapter-wwnn a --adapter-wwpn b --adapter-parent p" "p5 scsi --adapter-wwnn a --adapter-wwpn b --adapter-parent-wwnn c --adapter-parent-wwpn d --adapter-parent-fabric-wwn f" "p5 scsi --adapter-wwnn a --adapter-wwpn b --adapter-parent-fabric-wwn f" "p5 scsi --adapter-name h --adapter-wwnn a --adapter-wwpn b" "p6 rbd --source-host h:6789 --source-name rbd --auth-type ceph --auth-username admin --secret-uuid 11111111-1111-4111-8111-111111111111" "p7 logical --source-dev /dev/sdb --source-name vg --source-format lvm2 --target /dev/vg" "p8 dir" "p9 iscsi --auth-type chap" "p9 scsi --adapter-wwnn a" "p9 iscsi-direct --source-initiator iqn.y --source-host h" "'名前 with space' dir --target '/srv/名前'"; do diff <(lvsh -c test:///default "pool-define-as $c --print-xml") <(virsh -c test:///default "pool-define-as $c --print-xml") || echo "differs: $c"; diff <(lvsh -c test:///default "pool-create-as $c --print-xml") <(virsh -c test:///default "pool-create-as $c --print-xml") || echo "differs: $c"; done; echo done
done
? 0
$ lvsh -c test:///default pool-define-as 'a <&> b' dir --target "/srv/it's" --print-xml
<pool type='dir'>
  <name>a &lt;&amp;&gt; b</name>
  <target>
    <path>/srv/it&apos;s</path>
  </target>
</pool>

? 0
$ lvsh -c test:///default pool-define-as p1 netfs --source-host nfs1 --source-path /export --target /mnt/p1 --print-xml --xpath 'string(//host/@name)'
nfs1

? 0
$ lvsh -c test:///default 'pool-define-as named dir --target /srv/named; pool-create-as running dir --target /srv/running; pool-list --all'
Pool named defined

Pool running created

 Name           State      Autostart
--------------------------------------
 default-pool   active     no
 named          inactive   no
 running        active     no

? 0
$ lvsh -c test:///default 'pool-create-as built dir --target /srv/b --build'

! error: failed to create pool 'built'
! error: unsupported flags (0x1) in function testStoragePoolCreateXML
? 1
$ lvsh -c test:///default pool-define-as x bogus

! error: invalid value 'bogus' for --type of 'pool-define-as' (expected one of: dir, fs, netfs, logical, disk, iscsi, iscsi-direct, scsi, mpath, rbd, sheepdog, gluster, zfs, vstorage)
? 2
$ lvsh -c test:///default pool-define-as x iscsi --secret-usage a --secret-uuid b

! error: options --secret-usage and --secret-uuid of 'pool-define-as' cannot be used together
? 2
$ lvsh -c test:///default pool-create-as x dir --overwrite --no-overwrite

! error: options --overwrite and --no-overwrite of 'pool-create-as' cannot be used together
? 2
$ lvsh -c test:///default pool-define-as default-pool dir --target /tmp/x

! error: failed to define pool 'default-pool'
! error: operation failed: pool 'default-pool' already exists with uuid dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566
? 1

pool-edit through $EDITOR: a change, no change, and a broken edit.
$ EDITOR="sed -i s,/var/lib/lvsh/images,/srv/edited," lvsh -c test://$FIXTURES/storage.xml 'pool-destroy images; pool-edit images; pool-dumpxml images --xpath "string(//target/path)"'
Pool images destroyed

Pool images XML configuration edited.

/srv/edited

? 0
$ EDITOR=true lvsh -c test://$FIXTURES/storage.xml pool-edit images
Pool images XML configuration not changed.

? 0
$ EDITOR="sed -i s,/pool,/pol," lvsh -c test://$FIXTURES/storage.xml pool-edit images

! error: edited XML:12:7: malformed XML: Opening and ending tag mismatch: pool line 1 and pol
? 1
$ EDITOR=false lvsh -c test://$FIXTURES/storage.xml pool-edit images

! error: the editor 'false' failed
? 1

pool-capabilities: the test driver has none (the daemon tier compares them with virsh).
$ lvsh -c test:///default pool-capabilities

! error: failed to get storage pool capabilities
! error: this function is not supported by the connection driver: virConnectGetStoragePoolCapabilities
? 1
