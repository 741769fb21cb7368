Device commands on the test driver.  The test driver cannot hot-plug, so
attach/detach show libvirt's own refusal there (the daemon tier attaches
for real); --print-xml output is compared with virsh byte for byte.

$ "$TESTS/virsh-same" -o test:///default \
>   "attach-disk test /dev/sdz vdb --print-xml --driver qemu --subdriver qcow2 --cache none --io native --type cdrom --mode readonly --targetbus virtio --serial ab --wwn 5000c50015ea71ac --alias ua-x --rawio --address pci:0000.00.0a.0 --iothread 1" \
>   "attach-disk test /tmp/x.img vdb --print-xml --sourcetype block --mode shareable" \
>   "attach-disk test vol vdc --print-xml --source-protocol nbd --source-host-name h:10809 --sourcetype network" \
>   "attach-disk test vol vdc --print-xml --source-protocol nbd --source-host-transport unix --source-host-socket /s" \
>   "attach-disk test '' vdc --print-xml --type cdrom" \
>   "attach-disk test /tmp/x vdc --print-xml --address ccw:0.0.1" \
>   "attach-disk test /tmp/x sdc --print-xml --address scsi:0.0.1" \
>   "attach-disk test /tmp/x sdc --print-xml --address usb:0.1" \
>   "attach-disk test /tmp/x vdc --print-xml --address pci:0000.00.0a.0 --multifunction"
9 of 9 same
? 0
$ "$TESTS/virsh-same" -o test:///default \
>   "attach-interface test bridge br0 --print-xml --target vnet9 --mac 52:54:00:11:22:33 --script /bin/true --model virtio --alias ua-n --inbound 100,200,300,400 --outbound 10" \
>   "attach-interface test direct eth0 --print-xml" \
>   "attach-interface test hostdev 0000:00:1f.6 --print-xml --managed" \
>   "attach-interface test vhostuser /tmp/sock --print-xml --source-mode server" \
>   "attach-interface test network default --print-xml --inbound 100,,,50" \
>   "attach-interface test network default --print-xml --outbound 5,6,7"
6 of 6 same
? 0

The XML of a device to detach is libvirt's own, as virsh prints it (virsh
adds no blank line after it, so blank lines are not compared).

$ for c in "detach-interface test network --print-xml" "detach-interface test network --mac AA:BB:CC:DD:EE:FF --print-xml" "detach-disk test vda --print-xml" "detach-disk test /guest/diskimage1 --print-xml"; do diff -B <(lvsh -c test:///default "$c") <(virsh -c test:///default "$c") >/dev/null && echo same || echo "differs: $c"; done
same
same
same
same
? 0

Values are escaped, where virsh 9 would write broken XML.

$ lvsh -c test:///default "attach-disk test '/pool/a <b> & \"c\" ü.img' vdb --serial 'S<1>&' --print-xml"
<disk type='file'>
  <source file='/pool/a &lt;b&gt; &amp; &quot;c&quot; ü.img'/>
  <target dev='vdb'/>
  <serial>S&lt;1&gt;&amp;</serial>
</disk>

? 0
$ lvsh -c test:///default "attach-disk test \"it's.img\" vdb --print-xml" | python3 -c 'import sys, xml.dom.minidom as m; print(m.parseString(sys.stdin.read()).getElementsByTagName("source")[0].getAttribute("file"))'
it's.img
? 0
$ lvsh -c test:///default "attach-interface test network \"net 'x'\" --model 'a<b' --print-xml"
<interface type='network'>
  <source network='net &apos;x&apos;'/>
  <model type='a&lt;b'/>
</interface>

? 0
$ lvsh -c test:///default --json 'attach-interface test network default --print-xml'
{"xml":"<interface type='network'>\n  <source network='default'/>\n</interface>\n"}
? 0

Bad input.

$ lvsh -c test:///default attach-disk test /tmp/x vdc --print-xml --address pci:zz

! error: Invalid address.
? 2
$ lvsh -c test:///default attach-disk test /tmp/x vdc --print-xml --address floppy:0

! error: Invalid address.
? 2

Addresses read as virsh reads them: any one separator after the type and
after each number (ide:1:2:5, pci:0000.00.05.0), the target's prefix decides
which kinds fit (vd: pci or ccw, sd: scsi, usb or sata, hd: ide).
$ lvsh -c test:///default attach-disk test /img hdb --print-xml --address ide:1:2:5
<disk type='file'>
  <source file='/img'/>
  <target dev='hdb'/>
  <address type='drive' controller='1' bus='2' unit='5'/>
</disk>

? 0
$ lvsh -c test:///default attach-disk test /img vdb --print-xml --address pci:12:34:56:78
<disk type='file'>
  <source file='/img'/>
  <target dev='vdb'/>
  <address type='pci' domain='0x0012' bus='0x34' slot='0x56' function='0x78'/>
</disk>

? 0
$ lvsh -c test:///default attach-disk test /img sdb --print-xml --address usb:12:34
<disk type='file'>
  <source file='/img'/>
  <target dev='sdb'/>
  <address type='usb' bus='12' port='34'/>
</disk>

? 0
$ lvsh -c test:///default attach-disk test /img vdb --print-xml --address ccw:fe.0.0001
<disk type='file'>
  <source file='/img'/>
  <target dev='vdb'/>
  <address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/>
</disk>

? 0
$ lvsh -c test:///default attach-disk test /img vdb --print-xml --address ide:1:2:5

! error: expecting a pci:0000.00.00.00 or ccw:00.0.0000 address.
? 2
$ lvsh -c test:///default attach-disk test /img sdb --print-xml --address pci:0.0.5.0

! error: expecting a scsi:00.00.00 or usb:00.00 or sata:00.00.00 address.
? 2
$ lvsh -c test:///default attach-disk test /img hdb --print-xml --address sata:0:0:1

! error: expecting an ide:00.00.00 address.
? 2
$ lvsh -c test:///default attach-disk test vol1 vdb --print-xml --source-protocol nbd --source-host-name host1:1234 --source-host-transport tcp
<disk type='network'>
  <source protocol='nbd' name='vol1'>
    <host transport='tcp' name='host1' port='1234'/>
  </source>
  <target dev='vdb'/>
</disk>

? 0
$ lvsh -c test:///default attach-disk test /tmp/x vdc --print-xml --sourcetype network

! error: --sourcetype network needs --source-protocol
? 2
$ lvsh -c test:///default attach-disk test /tmp/x vdc --print-xml --source-host-name h

! error: the --source-host-* options need --source-protocol
? 2
$ lvsh -c test:///default attach-disk test /tmp/x vdc --print-xml --source-protocol nbd --source-host-name h --source-host-socket /s
! error: options --source-host-name and --source-host-socket of 'attach-disk' cannot be used together

? 2
$ lvsh -c test:///default attach-disk test /tmp/x vdc --print-xml --mode writable
! error: invalid value 'writable' for --mode of 'attach-disk' (expected one of: readonly, shareable)

? 2
$ lvsh -c test:///default attach-disk test /tmp/x vdc --live --current
! error: options --current and --live of 'attach-disk' cannot be used together

? 2
$ lvsh -c test:///default attach-interface test user x --print-xml
! error: invalid value 'user' for --type of 'attach-interface' (expected one of: network, bridge, direct, hostdev, vhostuser)

? 2
$ lvsh -c test:///default attach-interface test network default --print-xml --inbound 1,2,3,4,5

! error: rate '1,2,3,4,5' has too many fields
? 2
$ lvsh -c test:///default attach-interface test network default --print-xml --inbound ,,,

! error: either inbound average or floor is mandatory
? 2
$ lvsh -c test:///default attach-interface test network default --print-xml --inbound 5,x

! error: field 'peak' of rate '5,x' is malformed
? 2
$ lvsh -c test:///default attach-interface test network default --print-xml --outbound 5,6,7,8

! error: outbound floor is not supported
? 2
$ lvsh -c test:///default attach-interface test network default --print-xml --source-mode server

! error: --source-mode only applies to vhostuser interfaces
? 2
$ lvsh -c test:///default attach-interface test vhostuser /s --print-xml

! error: source-mode is mandatory
? 2
$ lvsh -c test:///default attach-interface test hostdev 00:1f --print-xml

! error: cannot parse PCI address '00:1f' (expected DDDD:BB:SS.F)
? 2
$ lvsh -c test:///default detach-interface test bridge

! error: No interface found whose type is bridge
! error: Failed to detach interface
? 1
$ lvsh -c test:///default detach-interface test network --mac 52:54:00:00:00:09

! error: No interface with MAC address 52:54:00:00:00:09 was found
! error: Failed to detach interface
? 1
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'detach-interface "web \"one\"" network'

! error: Domain has 2 interfaces. Please specify which one to detach using --mac
! error: Failed to detach interface
? 1
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'detach-interface "web \"one\"" network --mac 52:54:00:AA:00:02 --print-xml'
<interface type="network">
      <mac address="52:54:00:aa:00:02"/>
      <source network="default"/>
      <target dev="testnet1"/>
    </interface>
? 0
$ lvsh -c test:///default detach-disk test vdz

! error: No disk found whose source path or target is vdz
? 1
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'detach-disk "db ünïcode 数据库" "/pool/db data.img" --config --print-xml'
<disk type="file" device="disk">
      <source file="/pool/db data.img"/>
      <target dev="vda" bus="virtio"/>
    </disk>
? 0

The test driver refuses hot-plug: libvirt's own error, exit 1.

$ lvsh -c test:///default attach-disk test /tmp/x vdc --live

! error: Failed to attach disk
! error: this function is not supported by the connection driver: virDomainAttachDeviceFlags
? 1
$ lvsh -c test:///default attach-interface test network default --config

! error: Failed to attach interface
! error: this function is not supported by the connection driver: virDomainAttachDeviceFlags
? 1
$ lvsh -c test:///default detach-disk test vda

! error: Failed to detach disk
! error: this function is not supported by the connection driver: virDomainDetachDeviceFlags
? 1
$ lvsh -c test:///default detach-interface test network --persistent

! error: Failed to detach interface
! error: this function is not supported by the connection driver: virDomainDetachDeviceFlags
? 1
$ lvsh -c test:///default "attach-device test '$FIXTURES/domain_guest_nic.xml'" 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: Failed to attach device from FIXTURES/domain_guest_nic.xml
error: this function is not supported by the connection driver: virDomainAttachDeviceFlags

? 0
$ lvsh -c test:///default "detach-device test '$FIXTURES/domain_guest_nic.xml' --config" 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: Failed to detach device from FIXTURES/domain_guest_nic.xml
error: this function is not supported by the connection driver: virDomainDetachDeviceFlags

? 0
$ lvsh -c test:///default "update-device test '$FIXTURES/domain_guest_nic_down.xml' --force" 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: Failed to update device from FIXTURES/domain_guest_nic_down.xml
error: this function is not supported by the connection driver: virDomainUpdateDeviceFlags

? 0
$ lvsh -c test:///default "attach-device test '$FIXTURES/domain_malformed.xml'" 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: FIXTURES/domain_malformed.xml:5:3: malformed XML: expected '>'

? 0
$ lvsh -c test:///default attach-device test /nonexistent.xml

! error: Failed to open file '/nonexistent.xml': No such file or directory
? 1
$ lvsh -c test:///default detach-device-alias test net0 --live

! error: Failed to detach device with alias net0
! error: this function is not supported by the connection driver: virDomainDetachDeviceAlias
? 1
$ lvsh -c test:///default detach-device-alias test net0 --persistent
! error: command 'detach-device-alias' has no option --persistent
? 2
$ lvsh -c test:///default -r attach-device test /nonexistent.xml

! error: 'attach-device' changes state, but the connection is read-only (-r)
? 1
$ lvsh -c test:///default -r detach-disk test vda

! error: 'detach-disk' changes state, but the connection is read-only (-r)
? 1
