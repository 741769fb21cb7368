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
! error: interface (dev: vnet9) not found
? 1
$ lvsh -c test:///default domif-getlink test 11:22:33:44:55:66
! error: interface (mac: 11:22:33:44:55:66) not found
? 1
$ lvsh -c test:///default domif-getlink nosuch vnet0
! error: failed to get domain 'nosuch'
! error: Domain not found (re)
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
! error: failed to get the parameters of interface 'vnet9'
! error: invalid argument: 'vnet9' is not a known interface

? 1
