Devices, statistics, metadata and resource tuning on the test driver and
the domain_info fixture; refusals of the test driver show libvirt's error.

$ F="test://$FIXTURES/domain_info.xml"; for d in "db server" 日本語-ドメイン "off with spaces"; do
>   for c in domblklist "domblklist --details" domiflist "domblkinfo --all" domblkerror; do
>     diff <(lvsh -c "$F" $c "$d" 2>/dev/null) <(virsh -c "$F" $c "$d" 2>/dev/null) >/dev/null || echo "differs: $c $d"
>   done
> done; for c in "domblkinfo test vda" "domblkinfo test --all --human" dommemstat "domifaddr test" \
>   "domifaddr test --full --source arp" "domfsinfo test" memtune "blkiotune test" \
>   "blkdeviotune test vda" numatune "schedinfo test" "cpu-stats test --total"; do
>   set -- $c; [ $# = 1 ] && set -- $1 test
>   diff <(lvsh -c test:///default "$@" | grep -v _time) <(virsh -c test:///default "$@" | grep -v _time) >/dev/null || echo "differs: $*"
> done; echo checked
checked
? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" domblklist "db server" --details
 Type      Device   Target   Source
--------------------------------------------------------------
 file      disk     vda      /var/lib/images/db server.qcow2
 block     disk     vdb      /dev/mapper/data
 volume    disk     vdc      logs.img
 network   disk     vdd      export1
 file      cdrom    sda      -

? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" 'domiflist "db server"; domblkinfo "db server" vdb --human'
 Interface   Type      Source    Model    MAC
-------------------------------------------------------------
 testnet0    bridge    br0       virtio   52:54:00:d1:00:01
 testnet1    network   default   e1000    52:54:00:d1:00:02
 testnet2    user      -         -        52:54:00:d1:00:03

Capacity:       1023.995 GiB
Allocation:     1.000 TiB
Physical:       1.000 TiB

? 0
$ lvsh -c test:///default domblkinfo test
! error: command 'domblkinfo' needs a device or --all

? 2
$ lvsh -c test:///default domblkinfo test nosuch
! error: failed to get the block info of disk 'nosuch'
! error: invalid argument: invalid path nosuch not assigned to domain

? 1
$ lvsh -c test:///default domblkstat test vda --human | sed 's/[0-9][0-9]*$/N/'
Device: vda
 number of read operations:      N
 number of bytes read:           N
 number of write operations:     N
 number of bytes written:        N
 error count:                    N

? 0
$ lvsh -c test:///default domblkstat test
! error: Failed to get block stats test 
! error: Operation not supported: summary statistics are not supported yet

? 1
$ lvsh -c test:///default domifstat test vnet0
! error: Failed to get interface stats test vnet0
! error: invalid argument: 'vnet0' is not a known interface

? 1
$ lvsh -c test:///default domifstat test testnet0 | sed 's/[0-9][0-9]*$/N/'
testnet0 rx_bytes N
testnet0 rx_packets N
testnet0 rx_errs N
testnet0 rx_drop N
testnet0 tx_bytes N
testnet0 tx_packets N
testnet0 tx_errs N
testnet0 tx_drop N

? 0
$ lvsh -c test:///default domblkerror test
vda: unspecified error

? 0
$ lvsh -c test:///default 'dommemstat test --period 5'

? 0
$ lvsh -c test:///default domifaddr test --source dhcp
! error: invalid value 'dhcp' for --source of 'domifaddr' (expected one of: lease, agent, arp)

? 2
$ lvsh -c test:///default 'desc test; desc test --new-desc hello   world; desc test; desc test --title --new-desc "My title"; list --title'
No description for domain: test
Domain description updated successfully
hello world
Domain title updated successfully
 Id   Name   State     Title
---------------------------------
 1    test   running   My title

? 0
$ lvsh -c test:///default 'metadata test http://example.org/x --key ex --set "<app v=\"1\"/>"; metadata test http://example.org/x; metadata test http://example.org/x --remove'
Metadata modified

<app v="1"/>

Metadata removed

? 0
$ lvsh -c test:///default metadata test http://example.org/x
! error: metadata not found: Requested metadata element is not present

? 1
$ lvsh -c test:///default metadata test http://example.org/x --set "<app/>"
! error: metadata needs --key (a namespace prefix) to set an element

? 2
$ lvsh -c test:///default metadata test http://example.org/x --key ex --set "<app"
! error: --set:1:5: malformed XML: Couldn't find end of Start Tag app line 1

? 1
$ lvsh -c test:///default 'domtime test; domtime test --pretty; domhostname test'
Time: 627319920
Time: 1989-11-17 15:32:00
testhost

? 0
$ lvsh -c test:///default domjobinfo test
! error: this function is not supported by the connection driver: virDomainGetJobInfo

? 1
$ lvsh -c test:///default domjobabort test
! error: this function is not supported by the connection driver: virDomainAbortJob

? 1
$ lvsh -c test:///default domhostname test --source agent
! error: failed to get the host name of domain 'test'
! error: unsupported flags (0x2) in function testDomainGetHostname

? 1
$ lvsh -c test:///default 'setmem test 1G; dominfo test' | grep memory
Max memory:     8388608 KiB
Used memory:    1048576 KiB
? 0
$ lvsh -c test:///default setmem test 10X
! error: Scaled numeric value '10X' for <size> option is malformed or out of range
! error: invalid argument: unknown suffix 'X'

? 2
$ lvsh -c test:///default setmaxmem test 4G
! error: Unable to change MaxMemorySize
! error: Requested operation is not valid: cannot resize the maximum memory on an active domain

? 1
$ lvsh -c test:///default 'destroy test; setmaxmem test 4GiB; setmem test 1048576 --config; dominfo test' | grep memory
Max memory:     4194304 KiB
Used memory:    1048576 KiB
? 0
$ lvsh -c test:///default 'memtune test --hard-limit 1G; memtune test --json'

{"hard_limit":1073741824,"soft_limit":null,"swap_hard_limit":null}
? 0
$ lvsh -c test:///default memtune test --soft-limit lots
! error: option --soft-limit of 'memtune' expects a size like 512M, or -1 for unlimited, not 'lots'

? 2
$ lvsh -c test:///default 'schedinfo test --set weight=100; schedinfo test --set nope=1'
! error: invalid scheduler option: nope
Scheduler      : fair
weight         : 50

Scheduler      : fair

? 1
$ lvsh -c test:///default 'numatune test --mode interleave --nodeset 0; numatune test'

numa_mode      : interleave
numa_nodeset   : 0

? 0
$ lvsh -c test:///default numatune test --mode sideways
! error: invalid NUMA mode 'sideways' (strict, preferred, interleave, restrictive or a number)

? 2
$ lvsh -c test:///default 'blkiotune test --weight 500; blkiotune test' | grep '^weight'
weight         : 500
? 0
$ lvsh -c test:///default domblkthreshold test vda 1G
! error: this function is not supported by the connection driver: virDomainSetBlockThreshold

? 1
$ lvsh -c test:///default cpu-stats test --start 1 --count 1 | sed 's/[0-9.]* seconds/N seconds/'
CPU1:
	cpu_time            N seconds
	vcpu_time           N seconds

? 0

