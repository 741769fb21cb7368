Domain lifecycle, save and devices on a real QEMU guest (TCG, 32 MiB, no
disk, no OS) in the private libvirtd.  The guest's name has spaces.

$ lvsh -c "$LVSH_TIER_QEMU" define "$FIXTURES/domain_guest.xml" | sed "s|$FIXTURES|FIXTURES|"
Domain 'lvsh life guest' defined from FIXTURES/domain_guest.xml

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'start "lvsh life guest"; domstate "lvsh life guest" --reason'
Domain 'lvsh life guest' started

running (booted)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json start "lvsh life guest"
! {"error":{"status":1,"code":0,"message":"Domain is already active"}}
? 1
$ lvsh -c "$LVSH_TIER_QEMU" 'suspend "lvsh life guest"; domstate "lvsh life guest" --reason; resume "lvsh life guest"; domstate "lvsh life guest"'
Domain 'lvsh life guest' suspended

paused (user)

Domain 'lvsh life guest' resumed

running

? 0
$ lvsh -c "$LVSH_TIER_QEMU" -r suspend "lvsh life guest"
! error: 'suspend' changes state, but the connection is read-only (-r)

? 1

Save to a file and restore from it (the file lives in /tmp, cleaned at the end).

$ rm -f /tmp/lvsh-life.save; lvsh -c "$LVSH_TIER_QEMU" 'save "lvsh life guest" /tmp/lvsh-life.save; domstate "lvsh life guest" --reason'

Domain 'lvsh life guest' saved to /tmp/lvsh-life.save

shut off (saved)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'restore /tmp/lvsh-life.save --paused; domstate "lvsh life guest"; resume "lvsh life guest"' && rm -f /tmp/lvsh-life.save
Domain restored from /tmp/lvsh-life.save

paused

Domain 'lvsh life guest' resumed

? 0
$ lvsh -c "$LVSH_TIER_QEMU" restore /tmp/lvsh-life-nosuch.save
! error: Failed to restore domain from /tmp/lvsh-life-nosuch.save
! error: .*/tmp/lvsh-life-nosuch.save.* (re)

? 1

Managed save: the next start resumes from it; managedsave-dumpxml shows its XML.

$ lvsh -c "$LVSH_TIER_QEMU" 'managedsave "lvsh life guest"; domstate "lvsh life guest" --reason; managedsave-dumpxml "lvsh life guest" --xpath "string(//name)"'

Domain 'lvsh life guest' state saved by libvirt

shut off (saved)

lvsh life guest

? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json managedsave-remove "lvsh life guest"
{"name":"lvsh life guest","uuid":"[0-9a-f-]{36}","action":"removed"} (re)
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'managedsave-remove "lvsh life guest"; start "lvsh life guest"; domstate "lvsh life guest" --reason'
Domain 'lvsh life guest' has no manage save image; removal skipped
Domain 'lvsh life guest' started

running (booted)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'managedsave "lvsh life guest"; start "lvsh life guest"; domstate "lvsh life guest" --reason'

Domain 'lvsh life guest' state saved by libvirt

Domain 'lvsh life guest' started

running (restored)

? 0

Devices: a USB disk hot-plugs and unplugs without the guest's help; the NIC
changes go to the persistent configuration.

$ rm -f /tmp/lvsh-life-usb.img; qemu-img create -q -f raw /tmp/lvsh-life-usb.img 1M && chmod 666 /tmp/lvsh-life-usb.img
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'attach-disk "lvsh life guest" /tmp/lvsh-life-usb.img sdb --targetbus usb --live; dumpxml "lvsh life guest" --xpath "string(//disk/target/@dev)"'
Disk attached successfully

sdb

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'detach-disk "lvsh life guest" sdb --print-xml'
<disk type="file" device="disk">
      <driver name="qemu" type="raw"/>
      <source file="/tmp/lvsh-life-usb.img" index="1"/>
      <backingStore/>
      <target dev="sdb" bus="usb"/>
      <alias name="usb-disk1"/>
      <address type="usb" bus="0" port="1"/>
    </disk>
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'detach-disk "lvsh life guest" sdb --live; dumpxml "lvsh life guest" --xpath "count(//disk)"'
Disk detached successfully

0

? 0
$ lvsh -c "$LVSH_TIER_QEMU" "attach-device \"lvsh life guest\" \"$FIXTURES/domain_guest_usbdisk.xml\" --live; dumpxml \"lvsh life guest\" --xpath \"string(//disk/target/@dev)\"; detach-device \"lvsh life guest\" \"$FIXTURES/domain_guest_usbdisk.xml\" --live; dumpxml \"lvsh life guest\" --xpath \"count(//disk)\""
Device attached successfully

sdc

Device detached successfully

0

? 0
$ lvsh -c "$LVSH_TIER_QEMU" detach-disk "lvsh life guest" sdb
! error: No disk found whose source path or target is sdb

? 1
$ lvsh -c "$LVSH_TIER_QEMU" "attach-device \"lvsh life guest\" \"$FIXTURES/domain_guest_nic.xml\" --config; dumpxml \"lvsh life guest\" --inactive --xpath \"string(//interface/mac/@address)\"; dumpxml \"lvsh life guest\" --xpath \"count(//interface)\""
Device attached successfully

52:54:00:4c:56:01

0

? 0
$ lvsh -c "$LVSH_TIER_QEMU" "update-device \"lvsh life guest\" \"$FIXTURES/domain_guest_nic_down.xml\" --config; dumpxml \"lvsh life guest\" --inactive --xpath \"string(//interface/link/@state)\""
Device updated successfully

down

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'attach-interface "lvsh life guest" network default --config --mac 52:54:00:4c:56:02 --model virtio; detach-interface "lvsh life guest" network --config'
Interface attached successfully

! error: Domain has 2 interfaces. Please specify which one to detach using --mac
! error: Failed to detach interface

? 1
$ lvsh -c "$LVSH_TIER_QEMU" "detach-interface \"lvsh life guest\" network --config --mac 52:54:00:4C:56:02; detach-device \"lvsh life guest\" \"$FIXTURES/domain_guest_nic.xml\" --config; dumpxml \"lvsh life guest\" --inactive --xpath \"count(//interface)\""
Interface detached successfully

Device detached successfully

0

? 0

Shutdown and reboot only ask (no OS answers here); reset and destroy act.

$ lvsh -c "$LVSH_TIER_QEMU" 'shutdown "lvsh life guest" --mode acpi; reboot "lvsh life guest" --mode acpi; reset "lvsh life guest"; domstate "lvsh life guest"'
Domain 'lvsh life guest' is being shutdown

Domain 'lvsh life guest' is being rebooted

Domain 'lvsh life guest' was reset

running

? 0
$ lvsh -c "$LVSH_TIER_QEMU" shutdown "lvsh life guest" --mode bogus
! error: unknown mode 'bogus' (expected acpi, agent, initctl, signal or paravirt)

? 2
$ lvsh -c "$LVSH_TIER_QEMU" 'destroy "lvsh life guest" --graceful; domstate "lvsh life guest" --reason'
Domain 'lvsh life guest' destroyed

shut off (destroyed)

? 0

Autostart, rename, edit, and a transient guest.

$ lvsh -c "$LVSH_TIER_QEMU" 'autostart "lvsh life guest"; list --all --autostart --name; autostart --disable "lvsh life guest"'
Domain 'lvsh life guest' marked as autostarted

lvsh life guest

Domain 'lvsh life guest' unmarked as autostarted

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'domrename "lvsh life guest" "lvsh life renamed"; domrename "lvsh life renamed" "lvsh life guest"'
Domain successfully renamed

Domain successfully renamed

? 0
$ printf '#!/bin/sh\nsed -i "s,<memory unit=.KiB.>32768,<memory unit=\\"KiB\\">65536," "$1"\n' > ed.sh && chmod +x ed.sh
> EDITOR=$PWD/ed.sh lvsh -c "$LVSH_TIER_QEMU" 'edit "lvsh life guest"; dominfo "lvsh life guest"' | grep -E 'edited|Max memory'
Domain 'lvsh life guest' XML configuration edited.
Max memory:     65536 KiB
? 0
$ EDITOR=true lvsh -c "$LVSH_TIER_QEMU" edit "lvsh life guest"
Domain 'lvsh life guest' XML configuration not changed.

? 0
$ sed 's/lvsh life guest/lvsh life transient/' "$FIXTURES/domain_guest.xml" > t.xml
> lvsh -c "$LVSH_TIER_QEMU" 'create t.xml --paused --autodestroy; domstate "lvsh life transient"'
Domain 'lvsh life transient' created from t.xml

paused

? 0
The creating connection has closed: autodestroy removes the domain (give it a moment).
$ for i in $(seq 50); do lvsh -c "$LVSH_TIER_QEMU" domstate "lvsh life transient" >/dev/null 2>&1 || break; sleep 0.2; done; lvsh -c "$LVSH_TIER_QEMU" domstate "lvsh life transient"
! error: failed to get domain 'lvsh life transient'

? 1
$ lvsh -c "$LVSH_TIER_QEMU" 'create t.xml; destroy "lvsh life transient"'
Domain 'lvsh life transient' created from t.xml

Domain 'lvsh life transient' destroyed

? 0

The XML inside a managed save image: managedsave-edit with an unchanged file
changes nothing.  (managedsave-define is not run here: with libvirt 9.0's
QEMU driver the call never returns and wedges the daemon, for virsh too.)

$ lvsh -c "$LVSH_TIER_QEMU" 'start "lvsh life guest"; managedsave "lvsh life guest"'
Domain 'lvsh life guest' started


Domain 'lvsh life guest' state saved by libvirt

? 0
$ EDITOR=true lvsh -c "$LVSH_TIER_QEMU" 'managedsave-edit "lvsh life guest"'
Managed save image of Domain 'lvsh life guest' XML configuration not changed.

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'start "lvsh life guest"; domstate "lvsh life guest" --reason; destroy "lvsh life guest"'
Domain 'lvsh life guest' started

running (restored)

Domain 'lvsh life guest' destroyed

? 0

Undefine with a managed save image needs --managed-save; --storage deletes
(and --wipe-storage wipes) the volumes behind the disks it names.  A pool is
set up with virsh for it.  (Each define costs this daemon a QEMU probe, so
the guest is not defined again.)

$ lvsh -c "$LVSH_TIER_QEMU" 'start "lvsh life guest"; managedsave "lvsh life guest"; undefine "lvsh life guest"'
Domain 'lvsh life guest' started


Domain 'lvsh life guest' state saved by libvirt


! error: Refusing to undefine while domain managed save image exists
? 1
$ rm -rf /tmp/lvsh-life-pool; mkdir -p /tmp/lvsh-life-pool
> virsh -q -c "$LVSH_TIER_QEMU" pool-create-as lvsh-life-pool dir --target /tmp/lvsh-life-pool >/dev/null
> virsh -q -c "$LVSH_TIER_QEMU" vol-create-as lvsh-life-pool 'disk a.img' 1M >/dev/null
> virsh -q -c "$LVSH_TIER_QEMU" vol-create-as lvsh-life-pool disk-b.img 1M >/dev/null
> lvsh -c "$LVSH_TIER_QEMU" 'attach-disk "lvsh life guest" "/tmp/lvsh-life-pool/disk a.img" vdb --config; attach-disk "lvsh life guest" /tmp/lvsh-life-pool/disk-b.img vdc --config'
Disk attached successfully

Disk attached successfully

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'undefine "lvsh life guest" --managed-save --storage vdz'
! error: volume 'vdz' was not found in the domain's definition

? 1
$ lvsh -c "$LVSH_TIER_QEMU" --json 'undefine "lvsh life guest" --managed-save --storage "/tmp/lvsh-life-pool/disk a.img" --wipe-storage'
{"name":"lvsh life guest","uuid":"[0-9a-f-]{36}","action":"undefined","volumes":\[{"target":"vdb","source":"/tmp/lvsh-life-pool/disk a.img","removed":true}\]} (re)
? 0
$ ls /tmp/lvsh-life-pool; virsh -q -c "$LVSH_TIER_QEMU" pool-destroy lvsh-life-pool >/dev/null; rm -rf /tmp/lvsh-life-pool /tmp/lvsh-life-usb.img
disk-b.img
? 0
$ lvsh -c "$LVSH_TIER_QEMU" domstate "lvsh life guest"
! error: failed to get domain 'lvsh life guest'

? 1
