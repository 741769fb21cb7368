Info and monitoring commands against a real QEMU guest on the private
libvirtd, compared with virsh where the output is script-friendly.

$ virsh -c "$LVSH_TIER_QEMU" -q define "$FIXTURES/domain_info_qemu.xml" && lvsh -c "$LVSH_TIER_QEMU" -q start "lvsh info guest"
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'domstate "lvsh info guest" --reason'
running (booted)

? 0
$ for c in domstate "domstate --reason" domid domuuid vcpucount domblklist "domblklist --details" \
>     domiflist "domblklist --inactive" "vcpucount --maximum"; do
>   diff <(lvsh -c "$LVSH_TIER_QEMU" $c "lvsh info guest") <(virsh -c "$LVSH_TIER_QEMU" $c "lvsh info guest") >/dev/null || echo "differs: $c"
> done; diff <(lvsh -c "$LVSH_TIER_QEMU" dominfo "lvsh info guest" | grep -v '^CPU time') \
>   <(virsh -c "$LVSH_TIER_QEMU" dominfo "lvsh info guest" | grep -v '^CPU time') || echo "differs: dominfo"
> diff <(lvsh -c "$LVSH_TIER_QEMU" list --all) <(virsh -c "$LVSH_TIER_QEMU" list --all) || echo "differs: list"
> echo checked
checked
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'domblklist "lvsh info guest"'
 Target   Source
------------------
 hdc      -

? 0
$ lvsh -c "$LVSH_TIER_QEMU" vcpuinfo "lvsh info guest" | sed -n '1p;3p'
VCPU:           0
State:          running
? 0
$ lvsh -c "$LVSH_TIER_QEMU" dommemstat "lvsh info guest" | grep -c '^rss [0-9]'
1
? 0
The private daemon runs without a cgroup CPU controller: libvirt refuses,
and lvsh shows its error (with one, the parameters print as in virsh).
$ lvsh -c "$LVSH_TIER_QEMU" schedinfo "lvsh info guest" || echo "exit $?"
! error: failed to get the scheduler of domain 'lvsh info guest'
! error: Requested operation is not valid: cgroup CPU controller is not mounted

exit 1
? 0
$ lvsh -c "$LVSH_TIER_QEMU" setmem "lvsh info guest" 16M --live
! error: .* (re)

? 1
$ lvsh -c "$LVSH_TIER_QEMU" 'setmem "lvsh info guest" 24M --config; dominfo "lvsh info guest"' | grep memory
Max memory:     32768 KiB
Used memory:    32768 KiB
? 0
$ lvsh -c "$LVSH_TIER_QEMU" domjobinfo "lvsh info guest"
Job type:         None        

? 0
$ lvsh -c "$LVSH_TIER_QEMU" -q 'suspend "lvsh info guest"; domstate "lvsh info guest" --reason; destroy "lvsh info guest"; domstate "lvsh info guest" --reason; vcpucount "lvsh info guest"'
paused (user)
shut off (destroyed)
maximum      config         1
current      config         1
? 0
$ virsh -c "$LVSH_TIER_QEMU" -q undefine "lvsh info guest" >/dev/null; lvsh -c "$LVSH_TIER_QEMU" dominfo "lvsh info guest"
! error: failed to get domain 'lvsh info guest'

? 1
