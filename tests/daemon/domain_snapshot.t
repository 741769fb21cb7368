Snapshots of a real QEMU guest (32 MiB, no disk) on the private libvirtd.
With no disk, internal and disk-only snapshots are refused by libvirt (its
message is shown); an external memory snapshot works.

$ virsh -q -c "$LVSH_TIER_QEMU" "define $FIXTURES/snapshot-guest.xml; start 'snap guest'" >/dev/null; lvsh -c "$LVSH_TIER_QEMU" domstate 'snap guest'
running

? 0
$ lvsh -c "$LVSH_TIER_QEMU" snapshot-create-as 'snap guest' s1
! error: unsupported configuration: internal and full system snapshots require all disks to be selected for snapshot

? 1
$ lvsh -c "$LVSH_TIER_QEMU" snapshot-create-as 'snap guest' s1 --disk-only
! error: unsupported configuration: nothing selected for snapshot

? 1
$ lvsh -c "$LVSH_TIER_QEMU" snapshot-create-as 'snap guest' --no-metadata
! error: unsupported configuration: internal and full system snapshots require all disks to be selected for snapshot

? 1
$ lvsh -c "$LVSH_TIER_QEMU" "snapshot-create-as 'snap guest' 'mem 1' 'with memory' --memspec $LVSH_TIER_DIR/mem1.img; domstate 'snap guest'; snapshot-list 'snap guest' --name; snapshot-current 'snap guest' --name"
Domain snapshot mem 1 created
running

mem 1

mem 1
? 0
$ "$TESTS/virsh-same" "$LVSH_TIER_QEMU" \
>   "snapshot-list 'snap guest'" "snapshot-list 'snap guest' --parent" "snapshot-list 'snap guest' --tree" \
>   "snapshot-list 'snap guest' --external --name" "snapshot-list 'snap guest' --internal --name" \
>   "snapshot-list 'snap guest' --active --name" "snapshot-info 'snap guest' --current" \
>   "snapshot-dumpxml 'snap guest' 'mem 1'" "snapshot-current 'snap guest' --name"
9 of 9 same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" snapshot-info 'snap guest' 'mem 1'
Name:           mem 1
Domain:         snap guest
Current:        yes
State:          running
Location:       external
Parent:         -
Children:       0
Descendants:    0
Metadata:       yes

? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json snapshot-list 'snap guest'
\[\{"name":"mem 1","creation_time":\d+,"state":"running","parent":null,"location":"external","description":"with memory"\}\] (re)
? 0
$ lvsh -c "$LVSH_TIER_QEMU" snapshot-revert 'snap guest' 'mem 1'
! error: failed to revert domain 'snap guest' to snapshot 'mem 1'
! error: unsupported configuration: revert to external snapshot not supported yet

? 1
$ lvsh -c "$LVSH_TIER_QEMU" snapshot-delete 'snap guest' --current
! error: failed to delete snapshot 'mem 1' of domain 'snap guest'
! error: .* (re)

? 1
$ lvsh -c "$LVSH_TIER_QEMU" "snapshot-delete 'snap guest' 'mem 1' --metadata; snapshot-list 'snap guest' --name; snapshot-current 'snap guest'"
Domain snapshot mem 1 deleted



! error: domain 'snap guest' has no current snapshot
? 1
$ lvsh -c "$LVSH_TIER_QEMU" "snapshot-create-as 'snap guest' m2 --memspec file=$LVSH_TIER_DIR/mem2.img,snapshot=external --halt; domstate 'snap guest'"
Domain snapshot m2 created
shut off

? 0
A snapshot taken before --halt stopped the guest captured it running:

$ lvsh -c "$LVSH_TIER_QEMU" "snapshot-list 'snap guest' --inactive --name; snapshot-list 'snap guest' --active --name"

m2

? 0
$ virsh -q -c "$LVSH_TIER_QEMU" "snapshot-delete 'snap guest' m2 --metadata; undefine 'snap guest'" >/dev/null; echo cleaned
cleaned
? 0
