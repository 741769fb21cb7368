change-media and update-memory-device edit one device of the domain's XML and
hand it back to libvirt; each case was compared with virsh 9.0 (the test
driver has no device updates, so the changes themselves show libvirt's error).
media_domain.xml has a CD drive with media and two memory devices.

Eject prints the drive's new XML; the old source's whitespace stays, as virsh leaves it.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; change-media media hdc --eject --print-xml"
Domain 'media' defined from .*/media_domain.xml (re)

<disk type="file" device="cdrom">
      
      <target dev="hdc" bus="ide"/>
      <readonly/>
      <address type="drive" controller="0" bus="1" target="0" unit="0"/>
    </disk>
? 0

A drive is named by its target or its media's path; --update replaces the media.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; change-media media /isos/old.iso /isos/new.iso --update --print-xml"
Domain 'media' defined from .*/media_domain.xml (re)

<disk type="file" device="cdrom">
      
      <source file="/isos/new.iso"/>
      <target dev="hdc" bus="ide"/>
      <readonly/>
      <address type="drive" controller="0" bus="1" target="0" unit="0"/>
    </disk>
? 0

--block makes the new media a block device.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; change-media media hdc /dev/sr0 --block --print-xml"
Domain 'media' defined from .*/media_domain.xml (re)

<disk type="block" device="cdrom">
      
      <source dev="/dev/sr0"/>
      <target dev="hdc" bus="ide"/>
      <readonly/>
      <address type="drive" controller="0" bus="1" target="0" unit="0"/>
    </disk>
? 0

--insert refuses a drive that has media.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; change-media media hdc /isos/new.iso --insert"
Domain 'media' defined from .*/media_domain.xml (re)


! error: The disk device 'hdc' already has media
? 1

Only CD and floppy drives have media.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; change-media test vda --eject"
Domain 'media' defined from .*/media_domain.xml (re)


! error: No disk found whose source path or target is vda
? 1

The test driver cannot update devices: virsh's line and libvirt's.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; change-media media hdc /isos/new.iso --config"
Domain 'media' defined from .*/media_domain.xml (re)


! error: Failed to complete action update on media
! error: this function is not supported by the connection driver: virDomainUpdateDeviceFlags
? 1

update-memory-device needs --alias or --node when there are several.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; update-memory-device media --print-xml"
Domain 'media' defined from .*/media_domain.xml (re)


! error: multiple memory devices found, use --alias or --node to select one
? 1

--requested-size is in KiB, rounded up from bytes.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; update-memory-device media --node 0 --requested-size 1500b --print-xml"
Domain 'media' defined from .*/media_domain.xml (re)

<memory model="virtio-mem">
      <target>
        <size unit="KiB">1048576</size>
        <node>0</node>
        <block unit="KiB">2048</block>
        <requested unit="KiB">2</requested>
      </target>
      <alias name="ua-virtiomem0"/>
    </memory>
? 0

Only a virtio-mem device has a requested size.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; update-memory-device media --alias ua-dimm0 --requested-size 1G"
Domain 'media' defined from .*/media_domain.xml (re)


! error: virtio-mem device is missing <requested/>
? 1

No such device.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; update-memory-device media --alias nosuch"
Domain 'media' defined from .*/media_domain.xml (re)


! error: no memory device found
? 1

The update itself: libvirt's message only, as virsh.
$ lvsh -c test:///default "define $FIXTURES/media_domain.xml; update-memory-device media --alias ua-virtiomem0 --requested-size 1G --live"
Domain 'media' defined from .*/media_domain.xml (re)


! error: this function is not supported by the connection driver: virDomainUpdateDeviceFlags
? 1

Options that exclude each other, in virsh's words and order in virsh mode.
$ lvsh --virsh -c test:///default 'change-media test hdc x --update --eject'
! error: Options --eject and --update are mutually exclusive

? 1
$ lvsh --virsh -c test:///default 'update-memory-device test --alias a --node 0'
! error: Options --node and --alias are mutually exclusive

? 1
