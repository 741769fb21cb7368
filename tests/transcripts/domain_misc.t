Interface link state and bandwidth, NMI, keys, signals, perf events,
IOThreads, lifecycle actions, launch security and memory devices on the test
driver; script output compared with virsh, refusals show libvirt's error.

$ for c in "domif-getlink test testnet0" "domif-getlink test AA:BB:CC:DD:EE:FF" \
>   "domif-getlink test aa:bb:cc:dd:ee:ff --config" \
>   "domif-setlink test aa:bb:cc:dd:ee:ff down --print-xml" \
>   "domif-setlink test testnet0 up --config --print-xml" \
>   "domiftune test aa:bb:cc:dd:ee:ff" "domiftune test testnet0 --inbound 100,200,300" \
>   "domiftune test testnet0 --outbound 5,,7 --config"; do
>   diff <(lvsh -c test:///default $c) <(virsh -c test:///default $c) >/dev/null || echo "differs: $c"
> done; echo checked
checked
? 0
$ lvsh -c test:///default 'domiftune test testnet0 --inbound 100,200,300,50 --outbound 10; domiftune test testnet0'

inbound.average: 100
inbound.peak   : 200
inbound.burst  : 300
inbound.floor  : 50
outbound.average: 10
outbound.peak  : 0
outbound.burst : 0

? 0
$ lvsh -c test:///default domiftune test testnet0 --json
{"inbound.average":0,"inbound.peak":0,"inbound.burst":0,"inbound.floor":0,"outbound.average":0,"outbound.peak":0,"outbound.burst":0}
? 0
$ lvsh -c test:///default domif-getlink test testnet0 --json
{"interface":"testnet0","state":"up"}
? 0
$ lvsh -c test:///default domif-getlink test vnet9
! error: Interface (dev: vnet9) not found.

? 1
$ lvsh -c test:///default domif-getlink test 11:22:33:44:55:66
! error: Interface (mac: 11:22:33:44:55:66) not found.

? 1
$ lvsh -c test:///default domif-getlink nosuch vnet0
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default domif-setlink test testnet0 sideways
! error: invalid value 'sideways' for --state of 'domif-setlink' (expected one of: up, down)

? 2
$ lvsh -c test:///default domif-setlink test vnet9 down
! error: interface 'vnet9' not found

? 1
$ lvsh -c test:///default domif-setlink test testnet0 down
! error: failed to update the link state of interface 'testnet0'
! error: this function is not supported by the connection driver: virDomainUpdateDeviceFlags

? 1
$ lvsh -c test:///default domiftune test testnet0 --inbound ,,5
! error: either inbound average or floor is mandatory

? 2
$ lvsh -c test:///default domiftune test testnet0 --outbound 0,5
! error: outbound average is mandatory

? 2
$ lvsh -c test:///default domiftune test testnet0 --inbound abc
! error: inbound rate 'abc' is malformed: expected average[,peak[,burst[,floor]]]

? 2
$ lvsh -c test:///default domiftune test vnet9
! error: Unable to get interface parameters
! error: invalid argument: 'vnet9' is not a known interface

? 1
$ for c in "inject-nmi test" "send-key test KEY_A" "send-key test --codeset xt 30 0x1e" \
>   "send-key test --holdtime 50 KEY_LEFTCTRL KEY_LEFTALT KEY_DELETE" \
>   "send-process-signal test 1 kill" "send-process-signal test 1 SIGTERM" \
>   "send-process-signal test 1 15" "set-lifecycle-action test reboot destroy" \
>   "set-lifecycle-action test crash preserve --config" "perf test" \
>   "perf test --enable cmt,mbmt --disable cpu_clock" "iothreadadd test 5" \
>   "iothreadadd test 6 --config"; do
>   diff <(lvsh -c test:///default $c 2>&1; echo $?) <(virsh -c test:///default $c 2>&1; echo $?) >/dev/null || echo "differs: $c"
> done; echo checked
checked
? 0
$ lvsh -c test:///default 'iothreadadd test 5; iothreadpin test 5 1; iothreadset test 5 --poll-max-ns 100; iothreadinfo test; iothreaddel test 5; iothreadinfo test'



 IOThread ID   CPU Affinity
-----------------------------
 5             1


No IOThreads found for the domain
? 0
$ lvsh -c test:///default 'perf test --enable cmt --json; iothreadadd test 5 --json; inject-nmi test --json'
{"cmt":true}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"iothreadadd","iothread":5}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"nmi"}
? 0
$ lvsh -c test:///default send-key test foo
! error: invalid keycode: 'foo'

? 2
$ lvsh -c test:///default send-key test --codeset xt KEY_A
! error: invalid keycode: 'KEY_A'

? 2
$ lvsh -c test:///default send-key test --codeset nosuch 1
! error: invalid value 'nosuch' for --codeset of 'send-key' .* (re)

? 2
$ lvsh -c test:///default send-process-signal test 1 foo
! error: malformed signal name: foo

? 2
$ lvsh -c test:///default send-process-signal test 2 kill
! error: failed to send signal kill to process 2 of domain 'test'
! error: invalid argument: only sending a signal to pid 1 is supported

? 1
$ lvsh -c test:///default perf test --enable nosuch
! error: failed to change the perf events of domain 'test'
! error: argument unsupported: parameter 'nosuch' not supported

? 1
$ lvsh -c test:///default set-lifecycle-action test reboot foo
! error: invalid value 'foo' for --action of 'set-lifecycle-action' .* (re)

? 2
$ lvsh -c test:///default domlaunchsecinfo test
! error: Unable to get launch security parameters
! error: unsupported flags (0x4) in function testDomainGetLaunchSecurityInfo

? 1
$ lvsh -c test:///default domsetlaunchsecstate test --secrethdr /etc/hostname --secret /etc/hostname
! error: failed to set the launch security state of domain 'test'
! error: this function is not supported by the connection driver: virDomainSetLaunchSecurityState

? 1
$ lvsh -c test:///default domsetlaunchsecstate test --secrethdr /nonexistent --secret /etc/hostname
! error: .* (re)

? 1
$ lvsh -c test:///default iothreadadd test 0
! error: Numeric value '0' for <id> option is malformed or out of range

? 2
$ lvsh -c test:///default iothreadset test 5
! error: nothing to set: give --poll-max-ns, --poll-grow, --poll-shrink, --thread-pool-min or --thread-pool-max

? 2
$ lvsh -c test:///default iothreaddel test 7
! error: invalid argument: cannot find IOThread '7' in iothreadids list

? 1
$ lvsh -c test:///default iothreadpin test 7 0
! error: invalid argument: iothreadid 7 not found

? 1
$ lvsh -r -c test:///default inject-nmi test
! error: .* (re)

? 1

The QEMU-only commands: the test driver refuses them with libvirt's error.

$ lvsh -c test:///default qemu-monitor-command test '{"execute":"query-status"}'
! error: failed to run monitor command '{"execute":"query-status"}' on domain 'test'
! error: this function is not supported by the connection driver: virDomainQemuMonitorCommandWithFiles

? 1
$ lvsh -c test:///default qemu-monitor-command test --hmp --pretty info status
! error: .* (re)

? 2
$ lvsh -c test:///default qemu-monitor-command test --pass-fds 3,x info
! error: malformed --pass-fds '3,x' (expected N,M,...)

? 2
$ lvsh -c test:///default qemu-monitor-event --timeout 1
! error: failed to listen for QEMU monitor events
! error: this function is not supported by the connection driver: virConnectDomainQemuMonitorEventRegister

? 1
$ lvsh -c test:///default qemu-monitor-event --domain nosuch
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default qemu-attach 1
! error: Failed to attach to pid 1
! error: this function is not supported by the connection driver: virDomainQemuAttach

? 1
