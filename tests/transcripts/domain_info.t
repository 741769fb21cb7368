Identity and state of one domain: compared byte for byte with virsh 9.0 on
the test driver and the fixtures (CPU time is a clock in the test driver,
so dominfo drops that line on both sides).

$ N="test://$FIXTURES/node.xml"; F="test://$FIXTURES/domain_info.xml"
> for uri in test:///default "$N" "$F"; do
>   virsh -c "$uri" list --all --name | sed '/^$/d' | while read -r d; do
>     for c in domstate "domstate --reason" domid domuuid vcpucount \
>         "vcpucount --maximum" "vcpucount --config" "vcpucount --current" \
>         domblklist "domblklist --details" "domblklist --inactive" domiflist \
>         "domiflist --inactive"; do
>       diff <(lvsh -c "$uri" $c "$d" 2>/dev/null; echo "exit $?") \
>         <(virsh -c "$uri" $c "$d" 2>/dev/null; echo "exit $?") || echo "differs: $uri $c $d"
>     done
>     diff <(lvsh -c "$uri" dominfo "$d" | grep -v '^CPU time') \
>          <(virsh -c "$uri" dominfo "$d" | grep -v '^CPU time') >/dev/null \
>       || echo "differs: $uri dominfo $d"
>   done
>   for u in $(virsh -c "$uri" list --all --uuid); do
>     diff <(lvsh -c "$uri" domname "$u") <(virsh -c "$uri" domname "$u") >/dev/null \
>       || echo "differs: $uri domname $u"
>   done
> done; echo checked
checked
? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" 'domstate "db server" --reason; domid "db server"; domuuid 日本語-ドメイン; domname d1000000-0000-4000-8000-000000000003'
running (unknown)

1

d1000000-0000-4000-8000-000000000002

off with spaces

? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" dominfo "off with spaces" | grep -v '^CPU time'
Id:             -
Name:           off with spaces
UUID:           d1000000-0000-4000-8000-000000000003
OS Type:        linux
State:          shut off
CPU(s):         2
Max memory:     262144 KiB
Used memory:    262144 KiB
Persistent:     yes
Autostart:      disable
Managed save:   no
Security model: testSecurity
Security DOI:   

? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" -q dominfo saved-one --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([d["id"], d["state"], d["max_memory"], d["managed_save"]]))'
[null, "shut off", 268435456, true]
? 0
$ lvsh -c test:///default 'destroy test; domstate test --reason; domid test'
Domain 'test' destroyed

shut off (destroyed)

-

? 0
$ lvsh -c test:///default domstate test --json
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","state":"running","reason":"unknown"}
? 0
$ lvsh -c test:///default dominfo nosuch
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default domid
! error: command 'domid' requires option --domain
? 2
$ lvsh -c test:///default 'vcpucount test; setvcpus test 1; vcpucount test --live; vcpucount test --maximum --config'
maximum      config         2
maximum      live           2
current      config         2
current      live           2


1

2

? 0
$ lvsh -c test:///default vcpucount test --maximum --active
! error: options --maximum and --active of 'vcpucount' cannot be used together

? 2
$ lvsh -c test:///default vcpucount test --guest
! error: failed to get the vCPU count of domain 'test'
! error: unsupported flags (0x8) in function testDomainGetVcpusFlags

? 1
$ lvsh -c test:///default vcpucount test --json
{"maximum_config":2,"maximum_live":2,"current_config":2,"current_live":2}
? 0
$ lvsh -c test:///default 'vcpuinfo test --pretty' | grep -v 'CPU time'
VCPU:           0
CPU:            15
State:          running
CPU Affinity:   0-7 (out of 8)

VCPU:           1
CPU:            15
State:          running
CPU Affinity:   0-7 (out of 8)

? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" 'vcpuinfo "off with spaces"'
VCPU:           0
CPU:            N/A
State:          N/A
CPU time:       N/A
CPU Affinity:   yyyy----

VCPU:           1
CPU:            N/A
State:          N/A
CPU time:       N/A
CPU Affinity:   yyyy----

? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" 'vcpupin "db server"; emulatorpin "db server"'
 VCPU   CPU Affinity
----------------------
 0      1
 1      2-3
 2      0-3
 3      0-3

emulator: CPU Affinity
----------------------------------
       *: 0-3

? 0
$ lvsh -c test:///default 'vcpupin test 0 1-3,^2; vcpupin test 1 r; vcpupin test; vcpupin test --vcpu 0; emulatorpin test 2,4; emulatorpin test'


 VCPU   CPU Affinity
----------------------
 0      1,3
 1      0-7

 VCPU   CPU Affinity
----------------------
 0      1,3


emulator: CPU Affinity
----------------------------------
       *: 2,4

? 0
$ lvsh -c test:///default vcpupin test 0 9
! error: CPU 9 in cpulist '9' exceed the maxcpu 8

? 2
$ lvsh -c test:///default vcpupin test 0 3-1
! error: Invalid cpulist '3-1'
! error: invalid argument: Failed to parse bitmap '3-1'

? 2
$ lvsh -c test:///default vcpupin test --cpulist 1
! error: vcpupin needs --vcpu to pin

? 2
$ lvsh -c test:///default iothreadinfo test
No IOThreads found for the domain
? 0
$ lvsh -c test:///default setvcpu test 1 --disable
! error: failed to change vCPUs '1' of domain 'test'
! error: this function is not supported by the connection driver: virDomainSetVcpu

? 1
$ lvsh -c test:///default setvcpus test 1 --guest
! error: failed to set the vCPU count of domain 'test'
! error: unsupported flags (0x8) in function testDomainSetVcpusFlags

? 1
$ lvsh -c test:///default setvcpus test 0
! error: Numeric value '0' for <count> option is malformed or out of range

? 2
$ lvsh -c test:///default -r setvcpus test 1
! error: 'setvcpus' changes state, but the connection is read-only (-r)

? 1
$ lvsh -c test:///default domcontrol test
ok

? 0
