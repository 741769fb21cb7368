Messages and errors as virsh 9.0 words them (scripts parse them).  Each case
was compared byte for byte with virsh on the same URI.

Action messages name the domain, network or pool as typed (start names it).
$ lvsh -c test:///default 'destroy 1; start 6695eb01-f6a4-8304-79aa-97f2502e193f'
Domain '1' destroyed

Domain 'test' started

? 0
$ lvsh -c test:///default 'suspend 6695eb01-f6a4-8304-79aa-97f2502e193f; resume 1; autostart 1; reboot 1'
Domain '6695eb01-f6a4-8304-79aa-97f2502e193f' suspended

Domain '1' resumed

Domain '1' marked as autostarted

Domain '1' is being rebooted

? 0
$ lvsh -c test:///default 'shutdown 6695eb01-f6a4-8304-79aa-97f2502e193f; undefine 6695eb01-f6a4-8304-79aa-97f2502e193f'
Domain '6695eb01-f6a4-8304-79aa-97f2502e193f' is being shutdown

Domain '6695eb01-f6a4-8304-79aa-97f2502e193f' has been undefined

? 0
$ lvsh -c test:///default 'net-destroy dd8fe884-6c02-601e-7551-cca97df1c5df; pool-destroy dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566'
Network dd8fe884-6c02-601e-7551-cca97df1c5df destroyed

Pool dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566 destroyed

? 0
$ lvsh -c test:///default --json destroy 1
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"destroyed"}
? 0

managedsave, save and dump start with virsh's empty line; -q drops it with the message.
$ lvsh -c test:///default 'managedsave 1; managedsave-remove test; managedsave-remove test'

Domain '1' state saved by libvirt

Removed managedsave image for domain 'test'
Domain 'test' has no manage save image; removal skipped
? 0
$ lvsh -c test:///default 'save 1 saved.img; restore saved.img'

Domain '1' saved to saved.img

Domain restored from saved.img

? 0
$ lvsh -q -c test:///default 'dump 1 core.img'
? 0

schedinfo prints the scheduler before a refused change.
$ lvsh -c test:///default schedinfo 1 --set j=k
Scheduler      : fair

! error: invalid scheduler option: j
? 1
$ lvsh -c test:///default schedinfo 1 --set weight=x
Scheduler      : fair

! error: invalid argument: Invalid value for field 'weight': expected unsigned int
? 1

desc and net-update print no blank line after; without a title -q prints nothing.
$ lvsh -c test:///default 'desc 1 --title; desc 1 --title web; desc 1 --title'
No title for domain: test
Domain title updated successfully
web
? 0
$ lvsh -q -c test:///default desc 1 --title
? 0
$ lvsh -c test:///default net-update default add ip-dhcp-host "<host mac='00:11:22:33:44:55' ip='192.168.122.5'/>"
Updated network default live state
? 0

domtime and domif-*link: the blank line only after a failure or a change.
$ lvsh -c test:///default 'domtime 1 --pretty; domtime 1 --sync'
Time: 1989-11-17 15:32:00

? 0
$ lvsh -c test:///default domif-getlink 1 eth1
! error: Interface (dev: eth1) not found.

? 1

Lookups: one line for a domain (libvirt's is dropped), libvirt's for the others,
virsh's hints for volumes and node devices.
$ lvsh -c test:///default domstate nosuch
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default vol-info nosuch
! error: failed to get vol 'nosuch', specifying --pool might help
! error: Storage volume not found: no storage vol with matching path 'nosuch'

? 1
$ lvsh -c test:///default vol-create-from default-pool /nonexistent.xml nosuch
! error: failed to get vol 'nosuch', specifying --inputpool might help
! error: Storage volume not found: no storage vol with matching path 'nosuch'

? 1
$ lvsh -c test:///default nodedev-dumpxml nosuch
! error: Could not find matching device 'nosuch'
! error: Node device not found: no node device with matching name 'nosuch'

? 1
$ lvsh -c test:///default secret-dumpxml nosuch
! error: failed to get secret 'nosuch'
! error: uuidstr in virSecretLookupByUUIDString must be a valid UUID

? 1
$ lvsh -c test:///default pool-info /nonexistent
! error: failed to get pool '/nonexistent'
! error: Storage pool not found: no storage pool with matching name '/nonexistent'

? 1

Where virsh adds nothing of its own, only libvirt's line (JSON keeps both).
$ lvsh -c test:///default snapshot-info 1 nosuch
! error: Domain snapshot not found: no domain snapshot with matching name 'nosuch'

? 1
$ lvsh -c test:///default checkpoint-dumpxml 1 nosuch
! error: Domain checkpoint not found: no domain checkpoint with matching name 'nosuch'

? 1
$ lvsh -c test:///default --json snapshot-info 1 nosuch
! {"error":{"status":1,"code":72,"message":"failed to get snapshot 'nosuch' of domain 'test'","detail":"Domain snapshot not found: no domain snapshot with matching name 'nosuch'"}}
? 1
$ lvsh -c test:///default domjobinfo 1
! error: this function is not supported by the connection driver: virDomainGetJobInfo

? 1
$ lvsh -c test:///default domjobinfo 1 --completed
! error: Optional flags or --rawstats are not supported by the daemon
! error: this function is not supported by the connection driver: virDomainGetJobStats

? 1
$ lvsh -c test:///default 'secret-list; nwfilter-list'
! error: Failed to count secrets
! error: this function is not supported by the connection driver: virConnectNumOfSecrets

? 1
$ lvsh -c test:///default nwfilter-list
! error: Failed to count network filters
! error: this function is not supported by the connection driver: virConnectNumOfNWFilters

? 1
$ lvsh -c test:///default 'setmaxmem 1 1048576; resume 1'
! error: Unable to change MaxMemorySize
! error: Requested operation is not valid: cannot resize the maximum memory on an active domain

? 1
$ lvsh -c test:///default --on-error=continue 'resume 1; domifstat 1 vnet0; blkdeviotune 1 x; memtune nosuch'
! error: Failed to resume domain '1'
! error: internal error: domain 'test' not paused

! error: Failed to get interface stats 1 vnet0
! error: invalid argument: 'vnet0' is not a known interface

! error: Unable to get block I/O throttle parameters
! error: invalid argument: disk 'x' was not found in the domain config

! error: failed to get domain 'nosuch'

? 1

Malformed numbers: virsh's words (exit 2 stays lvsh's usage status), and the
blank line virsh prints after them.
$ lvsh -c test:///default 'setmem 1 x'
! error: Scaled numeric value 'x' for <size> option is malformed or out of range

? 2
$ lvsh -c test:///default iothreadadd 1 abc
! error: Numeric value 'abc' for <id> option is malformed or out of range

? 2
$ lvsh -c test:///default event --all --timeout 2147484
! error: Numeric value '2147484' for <timeout> option is malformed or out of range

? 2

Other usage errors print nothing on stdout.
$ lvsh -c test:///default domstate test --bogus | od -c | head -1
0000000
! error: command 'domstate' has no option --bogus
? 0

A wait that sees no event exits 1, as virsh.
$ lvsh -c test:///default event --all --timeout 1
event loop timed out
events received: 0

? 1

A failed connection: virsh's two lines, nothing on stdout.
$ lvsh -c test:///nonexistent/node.xml list | od -c
0000000
! error: failed to connect to the hypervisor
! error: XML error: failed to parse xml document '/nonexistent/node.xml'
? 0

The default URI (no -c) is connected by the first command that needs it, as
virsh: its failure is that command's, with the one-shot blank line.
$ LIBVIRT_DEFAULT_URI=test:///nonexistent/node.xml lvsh list | od -c
0000000  \n
0000001
! error: failed to connect to the hypervisor
! error: XML error: failed to parse xml document '/nonexistent/node.xml'
? 0

In virsh mode a URI named with -c is connected before anything runs: its
failure runs nothing, not even a command that needs no connection.
$ lvsh --virsh -c test:///nonexistent/node.xml 'echo hi'
! error: failed to connect to the hypervisor
! error: XML error: failed to parse xml document '/nonexistent/node.xml'
? 1

freecell on a host without NUMA cells prints virsh's zero total.
$ printf '<node><cpu><mhz>100</mhz></cpu><memory>1024</memory></node>\n' > bare.xml; lvsh -c "test://$PWD/bare.xml" freecell --all
--------------------
Total:          0 KiB

? 0

start checks the state first, as virsh; --pass-fds hands descriptors to the guest.
$ lvsh -c test:///default start test
! error: Domain is already active

? 1
$ lvsh -c test:///default 'destroy test; start test --pass-fds 0'
Domain 'test' destroyed

Domain 'test' started

? 0
$ lvsh -c test:///default 'destroy test; start test --pass-fds 0,x'
Domain 'test' destroyed

! error: Unable to parse FD number '0,x'

? 2

destroy --remove-logs (a QEMU flag: the test driver refuses it).
$ lvsh -c test:///default destroy 1 --remove-logs
! error: Failed to destroy domain '1'
! error: unsupported flags (0x2) in function testDomainDestroyFlags

? 1

dom-fd-associate (libvirt 9.0's virDomainFDAssociate; the test driver has none).
$ lvsh -c test:///default dom-fd-associate test --name grp --pass-fds 0
! error: this function is not supported by the connection driver: virDomainFDAssociate

? 1
$ lvsh -c test:///default --json dom-fd-associate test grp 0
! {"error":{"status":1,"code":3,"message":"failed to associate descriptors with domain 'test'","detail":"this function is not supported by the connection driver: virDomainFDAssociate"}}
? 1
$ lvsh -c test:///default dom-fd-associate test grp a
! error: Unable to parse FD number 'a'

? 2
$ lvsh -c test:///default dom-fd-associate nosuch grp 0
! error: failed to get domain 'nosuch'

? 1

attach-disk and attach-interface --print-xml need no existing domain, as virsh.
$ lvsh -c test:///default attach-disk nosuch /img vdb --print-xml && lvsh -c test:///default attach-disk nosuch /tmp/x vdc --print-xml
<disk type='file'>
  <source file='/img'/>
  <target dev='vdb'/>
</disk>

<disk type='file'>
  <source file='/tmp/x'/>
  <target dev='vdc'/>
</disk>

? 0
$ lvsh -c test:///default attach-interface nosuch network default --print-xml
<interface type='network'>
  <source network='default'/>
</interface>

? 0

echo --err writes an error line (the command still succeeds) and keeps the
one-shot blank line on stdout; echo alone ends with its words.
$ lvsh -c test:///default 'echo --err to-stderr; echo to-stdout'

to-stdout
! error: to-stderr
? 0

complete ends with the one-shot blank line only in virsh mode (the shell
scripts read every line of lvsh's).
$ lvsh --virsh -c "test://$FIXTURES/node.xml" complete -- domstat
domstate
domstats

? 0

A size with an unknown suffix or too large adds libvirt's own line, as virsh;
a malformed number does not.
$ lvsh -c test:///default 'setmaxmem test 7QB --config'
! error: Scaled numeric value '7QB' for <size> option is malformed or out of range
! error: invalid argument: unknown suffix 'QB'

? 2
$ lvsh -c test:///default 'setmaxmem test 16e --config'
! error: Scaled numeric value '16e' for <size> option is malformed or out of range
! error: numerical overflow: value too large: 16e

? 2
$ lvsh -c test:///default 'setmaxmem test -1 --config'
! error: Scaled numeric value '-1' for <size> option is malformed or out of range

? 2

cpu-stats checks its CPU range itself, in virsh's words; a count past the
host's CPUs is said on stdout.
$ lvsh -c test:///default 'cpu-stats test --start -2'
! error: Invalid value for start CPU

? 1
$ lvsh -c test:///default 'cpu-stats test --count -1'
! error: Invalid value for number of CPUs to show

? 1
$ lvsh -c test:///default 'cpu-stats test --start 5'
! error: Start CPU 5 is out of range (min: 0, max: 1)

? 1
$ lvsh -c test:///default 'cpu-stats test --start 1 --count 5' | sed 's/[0-9.]* seconds/N seconds/'
Only 2 CPUs available to show
CPU1:
	cpu_time            N seconds
	vcpu_time           N seconds

? 0
$ lvsh -c test:///default 'cpu-stats test --count 0'

? 0

Every missing required option is named, one line each, as virsh.
$ lvsh -c test:///default attach-disk
! error: command 'attach-disk' requires option --domain
! error: command 'attach-disk' requires option --source
! error: command 'attach-disk' requires option --target
? 2
$ lvsh --virsh -c test:///default 'send-process-signal'
! error: command 'send-process-signal' requires <domain> option
! error: command 'send-process-signal' requires <pid> option
! error: command 'send-process-signal' requires <signame> option
? 1

start --console and create --console need a terminal, as virsh: the domain
starts, then the error; create keeps its status 0.
$ lvsh -c test:///default 'destroy test; start test --console; domstate test' </dev/null
Domain 'test' destroyed

Domain 'test' started

! error: Cannot run interactive console without a controlling TTY
? 1
$ lvsh -q -c test:///default dumpxml test | sed 's|<name>test</name>|<name>tr</name>|; /<uuid>/d' > tr.xml; lvsh -c test:///default 'create tr.xml --console; domstate tr' </dev/null
Domain 'tr' created from tr.xml

running

! error: Cannot run interactive console without a controlling TTY
? 0

A file that cannot be opened or read: virsh's words, whichever command reads it.
$ mkdir -p adir; "$TESTS/virsh-same" test:///default "cpu-compare missing.xml" "hypervisor-cpu-compare missing.xml" "define missing.xml" "attach-device test missing.xml" "net-define adir" "domxml-from-native qemu-argv adir"
6 of 6 same
? 0

A malformed CPU list: virsh's line, then libvirt's; a list that selects no
CPU or one past the host's says only virsh's (status 2 stays lvsh's usage status).
$ "$TESTS/virsh-same" test:///default "vcpupin test 0 abc" "emulatorpin test abc" "iothreadpin test 1 0,,1" "vcpupin test 0 ^0" "emulatorpin test 0-1,^1,^0" "vcpupin test 0 8" "vcpupin test 0 ' 0 , 1 '"
7 of 7 same
? 0
$ lvsh -c test:///default 'vcpupin test 0 abc'
! error: Invalid cpulist 'abc'
! error: invalid argument: Failed to parse bitmap 'abc'

? 2
$ lvsh -c test:///default --json emulatorpin test 1-0
! {"error":{"status":2,"code":0,"message":"Invalid cpulist '1-0'","detail":"invalid argument: Failed to parse bitmap '1-0'"}}
? 2

detach-interface says why nothing matched, then (unless --print-xml) that the
detach failed, as virsh; --print-xml ends without a blank line, as virsh.
$ "$TESTS/virsh-same" test:///default "detach-interface test network --mac 52:54:00:00:00:99" "detach-interface test bridge --mac aa:bb:cc:dd:ee:ff" "detach-interface test network --mac 52:54:00:00:00:99 --print-xml" "detach-interface test bridge --print-xml" "detach-interface test network --print-xml" "detach-disk test vda --print-xml" "detach-disk test vda --config" "detach-device test $FIXTURES/domain_guest_nic.xml --config"
8 of 8 same
? 0
$ "$TESTS/virsh-same" "test://$FIXTURES/domain_life.xml" 'detach-interface "web \"one\"" network' 'detach-interface "web \"one\"" network --print-xml'
2 of 2 same
? 0
$ lvsh -c test:///default detach-interface test network --mac 52:54:00:00:00:99
! error: No interface with MAC address 52:54:00:00:00:99 was found
! error: Failed to detach interface

? 1
$ lvsh -c test:///default --json detach-interface test bridge
! {"error":{"status":1,"code":0,"message":"No interface found whose type is bridge","detail":"Failed to detach interface"}}
? 1

Failures of commands that make an object from a file, of node device and
interface actions, in virsh's words; where virsh adds nothing of its own
(iothread changes, migration tuning, block threshold, allocpages), only
libvirt's line.
$ lvsh -q -c test:///default dumpxml test > dom.xml; lvsh -q -c test:///default net-dumpxml default > netd.xml; "$TESTS/virsh-same" test:///default \
>   "define netd.xml" \
>   "create netd.xml" \
>   "net-define dom.xml" \
>   "net-create dom.xml" \
>   "pool-define dom.xml" \
>   "pool-create dom.xml" \
>   "nodedev-define dom.xml" \
>   "nodedev-create dom.xml" \
>   "iface-define dom.xml" \
>   "nwfilter-define dom.xml" \
>   "vol-create default-pool dom.xml" \
>   "nodedev-start computer" \
>   "nodedev-undefine computer" \
>   "nodedev-detach computer" \
>   "nodedev-reattach computer" \
>   "nodedev-reset computer" \
>   "nodedev-autostart computer" \
>   "nodedev-autostart computer --disable" \
>   "iface-start eth1" \
>   "iface-destroy eth1; iface-destroy eth1" \
>   "iface-begin; iface-begin" \
>   "iface-commit" \
>   "iface-rollback" \
>   "qemu-attach 1" \
>   "iothreadadd test 5; iothreadadd test 5" \
>   "iothreadpin test 9 0" \
>   "iothreaddel test 9" \
>   "iothreadset test 9 --poll-max-ns 5" \
>   "domblkthreshold test vda 1" \
>   "migrate-setmaxdowntime test 1" \
>   "migrate-setspeed test 1" \
>   "allocpages 1 1"
32 of 32 same
? 0

More of virsh's words: a snapshot command without a snapshot, setvcpu without
--enable or --disable, CPU files, save-image-define and managedsave-define
failures; domxml-to-native's failure is libvirt's line alone.
$ lvsh -q -c test:///default dumpxml test > dom.xml; echo '<a/>' > a.xml; "$TESTS/virsh-same" test:///default \
>   "snapshot-info test" "snapshot-revert test" "setvcpu test 1" "cpu-compare a.xml" \
>   "hypervisor-cpu-baseline" "save-image-define x dom.xml" "managedsave-define test dom.xml" \
>   "domxml-to-native qemu-argv dom.xml"
8 of 8 same
? 0
