CPU commands on the test driver: cpu-models, cpu-baseline (from loose <cpu>
elements, a domain, host capabilities and domain capabilities), cpu-compare
and the hypervisor variants, which the test driver refuses.

$ diff <(lvsh -c test:///default cpu-models x86_64) <(virsh -c test:///default cpu-models x86_64) && echo same
same
? 0
$ lvsh -c test:///default --json cpu-models i686 | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([d["arch"], len(d["models"]) > 10, "qemu32" in d["models"]]))'
["i686", true, true]
? 0
$ lvsh -c test:///default cpu-models sparc

! error: failed to get CPU model names
! error: this function is not supported by the connection driver: 'sparc' architecture is not supported by CPU driver
? 1
$ lvsh -c test:///default cpu-models
! error: command 'cpu-models' requires option --arch
? 2
$ cd $FIXTURES && "$TESTS/virsh-same" -o test:///default "cpu-baseline host-cpus.xml" "cpu-baseline --features host-cpus.xml"
2 of 2 same
? 0
A loose <cpu> (host-cpu.xml) and domain capabilities (host-domcaps.xml) both give Westmere:
$ cd $FIXTURES && lvsh -c test:///default cpu-baseline host-cpu.xml && lvsh -c test:///default cpu-baseline host-domcaps.xml
<cpu mode='custom' match='exact'>
  <model fallback='forbid'>Westmere</model>
  <vendor>Intel</vendor>
</cpu>

<cpu mode='custom' match='exact'>
  <model fallback='forbid'>Westmere</model>
  <vendor>Intel</vendor>
</cpu>

? 0
$ cd $FIXTURES && lvsh -c test:///default cpu-baseline host-domain-cpu.xml --xpath 'string(//model)'
Nehalem

? 0
$ cd $FIXTURES && lvsh -c test:///default --json cpu-baseline host-cpus.xml --migratable --xpath 'string(/cpu/model)'
! {"error":{"status":1,"code":8,"message":"failed to compute a baseline CPU","detail":"unsupported flags (0x2) in function testConnectBaselineCPU"}}
? 1
$ lvsh -c test:///default capabilities > caps.xml && lvsh -c test:///default cpu-baseline caps.xml

! error: failed to compute a baseline CPU
! error: XML error: Missing CPU model name
? 1
$ lvsh -c test:///default cpu-baseline /dev/null

! error: File '/dev/null' does not contain any <cpu> element or valid domain XML, host capabilities XML, or domain capabilities XML
? 1
$ cd $FIXTURES && lvsh -c test:///default cpu-baseline host-bad.xml

! error: file 'host-bad.xml' is not well-formed XML
? 1
$ lvsh -c test:///default cpu-baseline /nonexistent/cpu.xml

! error: Failed to open file '/nonexistent/cpu.xml': No such file or directory
? 1
$ cd $FIXTURES && lvsh -c test:///default cpu-compare host-cpu.xml

! error: Failed to compare host CPU with host-cpu.xml
! error: this function is not supported by the connection driver: virConnectCompareCPU
? 1
$ cd $FIXTURES && lvsh -c test:///default cpu-compare --error --validate host-domcaps.xml

! error: Failed to compare host CPU with host-domcaps.xml
! error: this function is not supported by the connection driver: virConnectCompareCPU
? 1
$ cd $FIXTURES && lvsh -c test:///default hypervisor-cpu-compare host-cpu.xml --arch x86_64 --virttype kvm

! error: Failed to compare hypervisor CPU with host-cpu.xml
! error: this function is not supported by the connection driver: virConnectCompareHypervisorCPU
? 1
$ cd $FIXTURES && lvsh -c test:///default hypervisor-cpu-baseline host-cpus.xml

! error: failed to compute a baseline CPU
! error: this function is not supported by the connection driver: virConnectBaselineHypervisorCPU
? 1
$ lvsh -c test:///default hypervisor-cpu-baseline --model Westmere --machine q35 --emulator /usr/bin/qemu-system-x86_64

! error: failed to compute a baseline CPU
! error: this function is not supported by the connection driver: virConnectBaselineHypervisorCPU
? 1
$ lvsh -c test:///default hypervisor-cpu-baseline

! error: Either --file or --model must be provided
? 2
$ cd $FIXTURES && lvsh -c test:///default hypervisor-cpu-baseline host-cpu.xml --model Westmere

! error: options --file and --model of 'hypervisor-cpu-baseline' cannot be used together
? 2
