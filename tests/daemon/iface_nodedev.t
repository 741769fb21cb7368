Interfaces and node devices of the real host, through the private libvirtd
(udev backends): every listing agrees with virsh's on the same daemon.
Nothing here changes the host: state-changing commands are only tried where
the driver refuses them or the object does not exist.  Other tests on this
host may add or remove network devices (bridges, taps) at any moment, so a
comparison is tried up to three times before it counts as a difference.

$ cat > same.sh <<'X'
> same() {  # same LVSH-ARGS... : lvsh and virsh print the same, in 3 tries
>     for _ in 1 2 3; do
>         diff <(lvsh -c "$LVSH_TIER_QEMU" "$@" 2>&1) <(virsh -c "$LVSH_TIER_QEMU" "$@" 2>&1) >/dev/null && return 0
>         sleep 1
>     done
>     echo "differs: $*"
> }
> X
? 0

$ . ./same.sh; for c in 'iface-list' 'iface-list --all' 'iface-list --inactive'; do same $c; done; echo done
done
? 0
$ . ./same.sh; for i in $(virsh -q -c "$LVSH_TIER_QEMU" iface-list --all | awk '{print $1}'); do same "iface-dumpxml $i; iface-mac $i; iface-dumpxml --inactive $i"; m=$(virsh -q -c "$LVSH_TIER_QEMU" iface-mac "$i" 2>/dev/null) && same iface-name "$m"; done; echo done
done
? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json iface-list --all | python3 -c 'import json,sys; l=json.load(sys.stdin); print(json.dumps([len(l) > 0, all(set(x) == {"name","state","mac"} for x in l)]))'
[true, true]
? 0
$ lvsh -c "$LVSH_TIER_QEMU" iface-mac nosuch0
! error: failed to get interface 'nosuch0'
! error: Interface not found: couldn't find interface named 'nosuch0'

? 1
$ printf "<interface type='ethernet' name='lvshtest0'><mac address='52:54:00:12:34:56'/></interface>" > x.xml; lvsh -c "$LVSH_TIER_QEMU" iface-define x.xml
! error: Failed to define interface from x.xml
! error: this function is not supported by the connection driver: virInterfaceDefineXML

? 1
$ lvsh -c "$LVSH_TIER_QEMU" iface-bridge nosuch0 br9
! error: failed to get interface 'nosuch0'
! error: Interface not found: couldn't find interface named 'nosuch0'

? 1

Node devices: flat, filtered and tree listings, info and XML.

$ . ./same.sh; for c in 'nodedev-list' 'nodedev-list --all' 'nodedev-list --inactive' 'nodedev-list --tree' 'nodedev-list --tree --all' 'nodedev-list --cap pci' 'nodedev-list --cap net,storage' 'nodedev-list --cap system,usb_device,usb,scsi_host,scsi_target,scsi,fc_host,vports,scsi_generic,drm,mdev_types,mdev,ccw,css,vdpa,ap_card,ap_queue,ap_matrix,vpd'; do same $c; done; echo done
done
? 0
$ . ./same.sh; for d in $(virsh -q -c "$LVSH_TIER_QEMU" nodedev-list); do same "nodedev-info $d; nodedev-dumpxml $d"; done; echo done
done
? 0
$ lvsh -c "$LVSH_TIER_QEMU" nodedev-dumpxml computer --xpath 'name(/*)'
device

? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json nodedev-list --tree | python3 -c 'import json,sys; l=json.load(sys.stdin); print(json.dumps([x["name"] for x in l if x["parent"] is None]))'
["computer"]
? 0
$ lvsh -c "$LVSH_TIER_QEMU" nodedev-info nosuch
! error: Could not find matching device 'nosuch'
! error: Node device not found: no node device with matching name 'nosuch'

? 1
$ lvsh -c "$LVSH_TIER_QEMU" nodedev-reset nosuch
! error: Could not find matching device 'nosuch'
! error: Node device not found: no node device with matching name 'nosuch'

? 1
$ lvsh -c "$LVSH_TIER_QEMU" nodedev-destroy computer
! error: Failed to destroy node device 'computer'
! error: unsupported configuration: Unsupported device type

? 1
$ lvsh -c "$LVSH_TIER_QEMU" nodedev-autostart computer
! error: failed to mark device computer as autostarted
! error: Operation not supported: Unsupported device type

? 1
