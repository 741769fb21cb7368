Node devices on the test driver: test:///default and tests/fixtures/secdev.xml.
virsh 9.0 cannot list them here at all (it passes a filter the test driver
refuses); lvsh asks again without it and filters itself.

$ virsh -c test:///default nodedev-list 2>&1 | grep -c 'unsupported flags'
1
? 0
$ lvsh -c test:///default nodedev-list
computer
scsi_host1
scsi_host11
scsi_host2

? 0
$ lvsh -c test:///default 'nodedev-list --all; nodedev-list --inactive'
computer
scsi_host1
scsi_host11
scsi_host2


? 0
$ lvsh -c test:///default --json nodedev-list --cap fc_host
[{"name":"scsi_host1"},{"name":"scsi_host11"},{"name":"scsi_host2"}]
? 0
$ lvsh -c test:///default 'nodedev-list --cap system,vports; nodedev-list --cap pci'
computer
scsi_host1
scsi_host2


? 0

Every capability name is accepted; a wrong one is refused with the list.

$ for c in system pci usb_device usb net scsi_host scsi_target scsi storage fc_host vports scsi_generic drm mdev_types mdev ccw css vdpa ap_card ap_queue ap_matrix vpd; do lvsh -q -c "test://$FIXTURES/secdev.xml" nodedev-list --all --cap $c | sed "s/^/$c: /"; done
system: computer
pci: pci_0000_00_02_0
pci: pci_0000_00_03_0
usb_device: usb_usb1
net: net_eth0_52_54_00_00_00_01
scsi_host: scsi_host5
storage: block_vda
fc_host: scsi_host5
vports: scsi_host5
? 0
$ lvsh -c test:///default nodedev-list --cap pci,gpu
! error: invalid capability type 'gpu' (expected one of: system, pci, usb_device, usb, net, scsi_host, scsi_target, scsi, storage, fc_host, vports, scsi_generic, drm, mdev_types, mdev, ccw, css, vdpa, ap_card, ap_queue, ap_matrix, vpd)

? 2
$ lvsh -c test:///default nodedev-list --cap ,
! error: --cap needs at least one capability name

? 2
$ lvsh -c test:///default nodedev-list --all --inactive
! error: options --all and --inactive of 'nodedev-list' cannot be used together

? 2
$ lvsh -c test:///default nodedev-list --tree --cap pci
! error: --tree cannot be combined with --cap or --inactive

? 2

The tree, in virsh's layout.

$ lvsh -c test:///default nodedev-list --tree
computer
  |
  +- scsi_host1
  |   |
  |   +- scsi_host11
  |     
  +- scsi_host2
    

? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" nodedev-list --tree --all
computer
  |
  +- pci_0000_00_02_0
  |   |
  |   +- net_eth0_52_54_00_00_00_01
  |     
  +- pci_0000_00_03_0
  |   |
  |   +- block_vda
  |     
  +- scsi_host5
  +- usb_usb1
    

? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" --json nodedev-list --tree
[{"name":"block_vda","parent":"pci_0000_00_03_0"},{"name":"computer","parent":null},{"name":"net_eth0_52_54_00_00_00_01","parent":"pci_0000_00_02_0"},{"name":"pci_0000_00_02_0","parent":"computer"},{"name":"pci_0000_00_03_0","parent":"computer"},{"name":"scsi_host5","parent":"computer"},{"name":"usb_usb1","parent":"computer"}]
? 0

nodedev-info: the test driver cannot say whether a device is persistent
(virsh prints "yes" there for a failed call); lvsh says it does not know.

$ lvsh -c test:///default 'nodedev-info computer; nodedev-info scsi_host11'
Name:           computer
Parent:         
Active:         yes
Persistent:     unknown
Autostart:      no autostart

Name:           scsi_host11
Parent:         scsi_host1
Active:         yes
Persistent:     unknown
Autostart:      no autostart

? 0
$ lvsh -c test:///default --json nodedev-info scsi_host1
{"name":"scsi_host1","parent":"computer","active":true,"persistent":null,"autostart":null}
? 0
$ lvsh -c test:///default nodedev-info nosuch
! error: Could not find matching device 'nosuch'
! error: Node device not found: no node device with matching name 'nosuch'

? 1

nodedev-dumpxml, with --xpath.

$ diff <(lvsh -c test:///default nodedev-dumpxml scsi_host1) <(virsh -c test:///default nodedev-dumpxml scsi_host1) && echo same
same
? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" 'nodedev-dumpxml block_vda --xpath string(//size); nodedev-dumpxml scsi_host5 --xpath //wwpn/text()'
10737418240

1000000054545454

? 0

nodedev-create makes an NPIV vHBA on an FC host; nodedev-destroy removes it.

$ cat > vhba.xml <<'X'
> <device>
>   <parent>scsi_host1</parent>
>   <capability type='scsi_host'>
>     <capability type='fc_host'>
>       <wwnn>2000000012341299</wwnn>
>       <wwpn>1000000012341299</wwpn>
>     </capability>
>   </capability>
> </device>
> X
> lvsh -c test:///default 'nodedev-create vhba.xml; nodedev-list --cap fc_host; nodedev-list --tree; nodedev-destroy scsi_host12; nodedev-list'
Node device scsi_host12 created from vhba.xml

scsi_host1
scsi_host11
scsi_host12
scsi_host2

computer
  |
  +- scsi_host1
  |   |
  |   +- scsi_host11
  |   +- scsi_host12
  |     
  +- scsi_host2
    

Destroyed node device 'scsi_host12'

computer
scsi_host1
scsi_host11
scsi_host2

? 0
$ lvsh -c test:///default --json nodedev-create vhba.xml
{"name":"scsi_host12","action":"created","file":"vhba.xml"}
? 0
$ printf '<device><parent>x</parent' > bad.xml; lvsh -c test:///default nodedev-create bad.xml
! error: bad.xml:1:(\d+): .* (re)

? 1
$ lvsh -c test:///default nodedev-create nosuch.xml
! error: Failed to open file 'nosuch.xml': No such file or directory

? 1
$ lvsh -c test:///default -r nodedev-create vhba.xml
! error: 'nodedev-create' changes state, but the connection is read-only (-r)

? 1

What the test driver does not model, it refuses; lvsh shows libvirt's words.

$ lvsh -c test:///default nodedev-define vhba.xml
! error: Failed to define node device from 'vhba.xml'
! error: this function is not supported by the connection driver: virNodeDeviceDefineXML

? 1
$ lvsh -c test:///default nodedev-undefine scsi_host1
! error: Failed to undefine node device 'scsi_host1'
! error: this function is not supported by the connection driver: virNodeDeviceUndefine

? 1
$ lvsh -c test:///default nodedev-start scsi_host1
! error: Failed to start device scsi_host1
! error: this function is not supported by the connection driver: virNodeDeviceCreate

? 1
$ lvsh -c test:///default 'nodedev-autostart scsi_host1'
! error: failed to mark device scsi_host1 as autostarted
! error: this function is not supported by the connection driver: virNodeDeviceSetAutostart

? 1
$ lvsh -c test:///default 'nodedev-autostart --disable scsi_host1'
! error: failed to unmark device scsi_host1 as autostarted
! error: this function is not supported by the connection driver: virNodeDeviceSetAutostart

? 1
$ lvsh -c test:///default nodedev-detach scsi_host1
! error: Failed to detach device scsi_host1
! error: this function is not supported by the connection driver: virNodeDeviceDettach

? 1
$ lvsh -c test:///default nodedev-detach scsi_host1 --driver vfio
! error: Failed to detach device scsi_host1
! error: this function is not supported by the connection driver: virNodeDeviceDetachFlags

? 1
$ lvsh -c test:///default nodedev-reattach scsi_host1
! error: Failed to re-attach device scsi_host1
! error: this function is not supported by the connection driver: virNodeDeviceReAttach

? 1
$ lvsh -c test:///default nodedev-reset scsi_host1
! error: Failed to reset device scsi_host1
! error: this function is not supported by the connection driver: virNodeDeviceReset

? 1
$ lvsh -c test:///default nodedev-destroy nosuch
! error: Could not find matching device 'nosuch'
! error: Node device not found: no node device with matching name 'nosuch'

? 1

A "wwnn,wwpn" pair is tried as a SCSI host first, then as a name.

$ lvsh -c test:///default nodedev-info 2000000012341234,1000000012341234
! error: Could not find matching device '2000000012341234,1000000012341234'
! error: Node device not found: no node device with matching name '2000000012341234,1000000012341234'

? 1
