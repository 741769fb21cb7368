Connection commands on the test driver: uri, hostname, version, sysinfo,
capabilities, domcapabilities, pool-capabilities, maxvcpus, keepalive,
conn-info.  Script-friendly output is compared byte for byte with virsh.

$ diff <(lvsh -c test:///default 'uri; hostname; version; version --daemon') <(virsh -c test:///default 'uri; hostname; version; version --daemon') && echo same
same
? 0
$ lvsh -c test:///default --json version --daemon
{"compiled":{"major":9,"minor":0,"micro":0,"text":"9.0.0"},"library":{"major":9,"minor":0,"micro":0,"text":"9.0.0"},"type":"TEST","hypervisor":{"major":0,"minor":0,"micro":2,"text":"0.0.2"},"daemon":{"major":9,"minor":0,"micro":0,"text":"9.0.0"}}
? 0
$ diff <(lvsh -c test:///default sysinfo) <(virsh -c test:///default sysinfo) && echo same
same
? 0
$ lvsh -c test:///default sysinfo --xpath "//bios/entry[@name='vendor']/text()"
LENOVO

? 0
$ lvsh -c test:///default --json sysinfo --xpath "string(//bios/entry[@name='date'])"
{"xpath":"string(//bios/entry[@name='date'])","results":["05/07/2014"]}
? 0
$ diff <(lvsh -c test:///default capabilities) <(virsh -c test:///default capabilities) && echo same
same
? 0
$ lvsh -c test:///default capabilities --xpath '//host/cpu/pages/@size' --wrap
<nodes size="1048576"/>

? 0
$ lvsh -c "test://$FIXTURES/node.xml" capabilities --xpath 'string(//host/topology/cells/@num)'
0

? 0
$ lvsh -c test:///default domcapabilities

! error: failed to get emulator capabilities
! error: this function is not supported by the connection driver: virConnectGetDomainCapabilities
? 1
$ lvsh -c test:///default domcapabilities --virttype kvm --arch x86_64 --machine q35 --emulatorbin /usr/bin/qemu-system-x86_64

! error: failed to get emulator capabilities
! error: this function is not supported by the connection driver: virConnectGetDomainCapabilities
? 1
$ lvsh -c test:///default pool-capabilities

! error: failed to get storage pool capabilities
! error: this function is not supported by the connection driver: virConnectGetStoragePoolCapabilities
? 1
$ diff <(lvsh -c test:///default 'maxvcpus; maxvcpus --type test') <(virsh -c test:///default 'maxvcpus; maxvcpus --type test') && echo same
same
? 0
$ lvsh -c test:///default --json maxvcpus
{"maxvcpus":32}
? 0
$ lvsh -c test:///default maxvcpus --type nosuchtype
32

? 0
$ lvsh -c test:///default keepalive
Interval:       5
Count:          6
Enabled:        yes

? 0
$ lvsh -c test:///default -k 0 --json keepalive
{"interval":0,"count":6,"enabled":false}
? 0
$ lvsh -c test:///default keepalive --interval 10

! error: failed to set keepalive on 'test:///default'
! error: this function is not supported by the connection driver: virConnectSetKeepAlive
? 1
$ lvsh -c test:///default keepalive --interval 99999

! error: Numeric value '99999' for <interval> option is malformed or out of range
? 2
$ lvsh -c test:///default keepalive --count many

! error: Numeric value 'many' for <count> option is malformed or out of range
? 2
$ lvsh -c test:///default conn-info
URI:                test:///default
Hostname:           vm
Driver:             TEST
Library version:    9.0.0
Daemon version:     9.0.0
Hypervisor version: 0.0.2
Secure:             yes
Encrypted:          no
Alive:              yes
Read-only:          no
Security model:     testSecurity
Security DOI:       0
Keepalive interval: 5
Keepalive count:    6

? 0
$ lvsh -c test:///default -r -k 7 -K 2 conn-info
URI:                test:///default
Hostname:           vm
Driver:             TEST
Library version:    9.0.0
Daemon version:     9.0.0
Hypervisor version: 0.0.2
Secure:             yes
Encrypted:          no
Alive:              yes
Read-only:          yes
Security model:     testSecurity
Security DOI:       0
Keepalive interval: 7
Keepalive count:    2

? 0
$ lvsh -c test:///default --json conn-info
{"uri":"test:///default","hostname":"vm","driver":"TEST","library_version":"9.0.0","daemon_version":"9.0.0","hypervisor_version":"0.0.2","secure":true,"encrypted":false,"alive":true,"readonly":false,"security_model":"testSecurity","security_doi":"0","keepalive_interval":5,"keepalive_count":6}
? 0
$ lvsh -c test:///default uri extra
! error: unexpected argument 'extra' for command 'uri'
? 2
