Host, node and CPU commands against the private libvirtd: the QEMU driver's
own node statistics, capabilities, CPU models, baseline and comparison,
domain capabilities, keepalive on a remote connection, and a storage pool
looked up by its target path.

$ diff <(lvsh -c "$LVSH_TIER_QEMU" 'nodeinfo; nodecpumap; nodecpumap --pretty; cpu-models x86_64; maxvcpus; maxvcpus --type qemu') <(virsh -c "$LVSH_TIER_QEMU" 'nodeinfo; nodecpumap; nodecpumap --pretty; cpu-models x86_64; maxvcpus; maxvcpus --type qemu') && echo same
same
? 0
$ diff <(lvsh -c "$LVSH_TIER_QEMU" 'domcapabilities; pool-capabilities; version --daemon') <(virsh -c "$LVSH_TIER_QEMU" 'domcapabilities; pool-capabilities; version --daemon') && echo same
same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" domcapabilities --xpath 'string(/domainCapabilities/domain)'
(kvm|qemu) (re)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" domcapabilities --virttype nosuch

! error: failed to get emulator capabilities
! error: invalid argument: unknown virttype: nosuch
? 1
$ lvsh -c "$LVSH_TIER_QEMU" nodememstats
total\ \ :\s+\d+ KiB (re)
free\ \ \ :\s+\d+ KiB (re)
buffers:\s+\d+ KiB (re)
cached\ :\s+\d+ KiB (re)

? 0
$ diff <(lvsh -c "$LVSH_TIER_QEMU" nodememstats 0 | sed 's/[0-9]* KiB/N KiB/') <(virsh -c "$LVSH_TIER_QEMU" nodememstats 0 | sed 's/[0-9]* KiB/N KiB/') && echo same
same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json nodememstats | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([sorted(d), d["free"] <= d["total"]]))'
[["buffers", "cached", "free", "total"], true]
? 0
$ lvsh -c "$LVSH_TIER_QEMU" nodecpustats
user:\s+\d+ (re)
system:\s+\d+ (re)
idle:\s+\d+ (re)
iowait:\s+\d+ (re)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" nodecpustats --cpu 0 --percent
usage:\s+\d+\.\d% (re)
user:\s+\d+\.\d% (re)
system:\s+\d+\.\d% (re)
idle:\s+\d+\.\d% (re)
iowait:\s+\d+\.\d% (re)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json nodecpustats --percent | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([sorted(d), 0 <= d["usage"] <= 100]))'
[["idle", "iowait", "system", "usage", "user"], true]
? 0
$ diff <(lvsh -c "$LVSH_TIER_QEMU" node-memory-tune | sed 's/ [0-9]*$/ N/') <(virsh -c "$LVSH_TIER_QEMU" node-memory-tune | sed 's/ [0-9]*$/ N/') && echo same
same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json node-memory-tune | python3 -c 'import json,sys; print(json.dumps(sorted(json.load(sys.stdin))))'
["shm_full_scans", "shm_merge_across_nodes", "shm_pages_shared", "shm_pages_sharing", "shm_pages_to_scan", "shm_pages_unshared", "shm_pages_volatile", "shm_sleep_millisecs"]
? 0
$ lvsh -c "$LVSH_TIER_QEMU" nodesevinfo

! error: Unable to get host SEV information
! error: Operation not supported: QEMU does not support SEV guest
? 1
$ lvsh -c "$LVSH_TIER_QEMU" freecell --all
\ \ \ \ 0:\s+\d+ KiB (re)
--------------------
Total:\s+\d+ KiB (re)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" freepages --cellno 0 --pagesize 4
4KiB: \d+ (re)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" capabilities > caps.xml && lvsh -c "$LVSH_TIER_QEMU" cpu-compare caps.xml
CPU described in caps.xml is identical to host CPU

? 0
$ lvsh -c "$LVSH_TIER_QEMU" capabilities > caps.xml && diff <(lvsh -c "$LVSH_TIER_QEMU" cpu-baseline caps.xml) <(virsh -c "$LVSH_TIER_QEMU" cpu-baseline caps.xml) && echo same
same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" capabilities > caps.xml && lvsh -c "$LVSH_TIER_QEMU" cpu-baseline caps.xml --features --xpath 'count(//feature) > 0'
true

? 0
$ lvsh -c "$LVSH_TIER_QEMU" domcapabilities > domcaps.xml && lvsh -c "$LVSH_TIER_QEMU" hypervisor-cpu-compare domcaps.xml
CPU described in domcaps.xml is identical to the CPU provided by hypervisor on the host

? 0
$ lvsh -c "$LVSH_TIER_QEMU" domcapabilities > domcaps.xml && diff <(lvsh -c "$LVSH_TIER_QEMU" 'hypervisor-cpu-baseline domcaps.xml; hypervisor-cpu-baseline --model qemu64 --migratable') <(virsh -c "$LVSH_TIER_QEMU" 'hypervisor-cpu-baseline domcaps.xml; hypervisor-cpu-baseline --model qemu64 --migratable') && echo same
same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" domcapabilities > domcaps.xml && diff <(lvsh -c "$LVSH_TIER_QEMU" cpu-compare domcaps.xml; echo "status $?") <(virsh -c "$LVSH_TIER_QEMU" cpu-compare domcaps.xml; echo "status $?") && echo same
same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" domcapabilities > domcaps.xml && lvsh -c "$LVSH_TIER_QEMU" cpu-baseline domcaps.xml --xpath 'string(/cpu/model)'
[A-Za-z0-9_-]+ (re)

? 0
$ cp $FIXTURES/host-domain-cpu.xml dom.xml && lvsh -c "$LVSH_TIER_QEMU" hypervisor-cpu-compare dom.xml --error

! error: Failed to compare hypervisor CPU with dom.xml
! error: the CPU is incompatible with host CPU: host CPU vendor does not match required CPU vendor Intel
? 1
$ lvsh -c "$LVSH_TIER_QEMU" cpu-models sparc

! error: failed to get CPU model names
! error: this function is not supported by the connection driver: 'sparc' architecture is not supported by CPU driver
? 1
$ printf '<domain type="qemu"><name>native ünï</name><memory>65536</memory><os><type arch="x86_64">hvm</type></os></domain>' > native.xml && lvsh -c "$LVSH_TIER_QEMU" domxml-to-native qemu-argv native.xml | grep -o -- "-name 'guest=native ünï[^']*'"
-name 'guest=native ünï,debug-threads=on'
? 0
$ printf 'qemu-system-x86_64 -m 64\n' > native.args && lvsh -c "$LVSH_TIER_QEMU" domxml-from-native qemu-argv native.args

! error: failed to convert the qemu-argv configuration to domain XML
! error: this function is not supported by the connection driver: virConnectDomainXMLFromNative
? 1
$ lvsh -c "$LVSH_TIER_QEMU" 'keepalive --interval 2 --count 3; keepalive; conn-info' | grep -E 'Interval|Count|Keepalive|Alive|Driver'
Keepalive set: interval 2 s, count 3
Interval:       2
Count:          3
Driver:             QEMU
Alive:              yes
Keepalive interval: 2
Keepalive count:    3
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'keepalive --interval 0; keepalive'
Keepalive disabled

Interval:       0
Count:          6
Enabled:        no

? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json conn-info | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([d["driver"], d["alive"], d["secure"], d["daemon_version"] is not None]))'
["QEMU", true, true, true]
? 0
$ lvsh -c "$LVSH_TIER_QEMU" find-storage-pool-sources-as iscsi --host 127.0.0.1 --port 1 >/dev/null 2>&1; echo "status $?"
status 1
? 0
$ d=$(mktemp -d /tmp/lvsh-host-pool.XXXXXX) && virsh -q -c "$LVSH_TIER_QEMU" pool-create-as 'host pool ünï' dir --target "$d" && lvsh -c "$LVSH_TIER_QEMU" pool-event --pool "$d/" --event refresh --timeout 1; virsh -q -c "$LVSH_TIER_QEMU" pool-destroy 'host pool ünï' >/dev/null; rmdir "$d"
event loop timed out
events received: 0

? 0
$ lvsh -c "$LVSH_TIER_QEMU" pool-event --pool /nonexistent/pool/dir --all

! error: failed to get pool '/nonexistent/pool/dir'
! error: Storage pool not found: no storage pool with matching name '/nonexistent/pool/dir'
? 1
$ lvsh -c "$LVSH_TIER_QEMU" 'iface-begin; iface-rollback'

! error: Failed to begin network config change transaction
! error: this function is not supported by the connection driver: virInterfaceChangeBegin
? 1
