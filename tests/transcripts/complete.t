Completion for scripts: `lvsh complete -- WORDS...` prints the candidates for the
last word, unquoted, one per line.  node.xml is the shared fixture; complete.xml
has names that need quoting and snapshots.  Prefixes are chosen so that commands
added by other families do not change the answers.

Command names, and options not given yet.
$ lvsh -c "test://$FIXTURES/node.xml" complete -- dominf
dominfo
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- comp
complete
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- list --a
--all
--autostart
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- list --all --a
--autostart
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate web1 ''
--help
--json
--reason
? 0

Positional values without naming the option, filtered by state.
$ lvsh -c "test://$FIXTURES/node.xml" complete -- start ''
a-very-long-domain-name-that-goes-on-and-on-to-test-column-widths-0123456789
café-ünïcode-虚拟机
saved-vm
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- suspend ''
scratch-transient
web1
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- resume ''
beta db
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- destroy ''
beta db
scratch-transient
web1
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate b
beta db
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate café
café-ünïcode-虚拟机
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate --reason a
a-very-long-domain-name-that-goes-on-and-on-to-test-column-widths-0123456789
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate --domain ''
a-very-long-domain-name-that-goes-on-and-on-to-test-column-widths-0123456789
beta db
café-ünïcode-虚拟机
saved-vm
scratch-transient
web1
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate --domain=s
--domain=saved-vm
--domain=scratch-transient
? 0

After -- only positional values; after ; a new command.
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate -- -
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate -- w
web1
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- domstate -- web1 ''
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- list --all ';' resume ''
beta db
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- list --all ';' comp
complete
? 0

Static values: choices, groups, capability lists, URIs, events, files.
$ lvsh -c "test://$FIXTURES/node.xml" complete -- set ''
connect-timeout
output
pager
prompt
quiet
timeout
timing
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- help netw
network
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete -- help compl
complete
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete --kind nodedev-capability pci,s
pci,scsi
pci,scsi_generic
pci,scsi_host
pci,scsi_target
pci,storage
pci,system
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete --kind uri qemu
qemu:///session
qemu:///system
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete --kind event block
block-job
block-job-2
block-threshold
? 0
$ lvsh -c test:///default complete -- cd /us
/usr/
? 0

Every family the test driver has.
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind network ''
default
isolated net
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind network-active ''
default
isolated net
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind pool ''
backup
default-pool
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind pool-active ''
backup
default-pool
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind interface ''
eth0
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind nodedev ''
pci_0000_00_02_0
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind volume --arg default-pool ''
disk one.img
ünïcode.qcow2
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind volume /var/lib/libvirt/images/d
/var/lib/libvirt/images/disk one.img
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind domain-disk --arg web1 ''
hdc
vda
? 0
$ lvsh -c "test://$FIXTURES/node.xml" complete --kind domain-interface --arg web1 52
52:54:00:aa:00:01
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete --kind snapshot --arg snapdom ''
before upgrade
clean
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete --kind snapshot --arg nosuch ''
? 0

Checkpoint names, of the domain given (by option or position), for every
command that names one:

$ lvsh -q -c test:///default 'checkpoint-create-as test c1; checkpoint-create-as test d2; complete --kind checkpoint --arg test ""; complete -- checkpoint-info test ""; complete -- checkpoint-list test --from d; complete -- checkpoint-delete --domain test c'
c1
d2
c1
d2
d2
c1
? 0
$ lvsh -c test:///default complete --kind checkpoint --arg nosuch ''
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete --kind interface-inactive ''
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete --kind domain-persistent say
say "hi"
? 0

Names that need quoting are printed raw: the shell quotes them.
$ lvsh -c "test://$FIXTURES/complete.xml" complete -- domstate ''
#hashed
beta db
beta dc
café-one
cafë-two
it's here
say "hi"
snapdom
web1
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete -- start it
it's here
? 0
$ lvsh -c "test://$FIXTURES/complete.xml" complete --json -- domstate b
["beta db","beta dc"]
? 0

Families the test driver lacks, and connections that fail: no candidates,
no noise, still the static ones.
$ lvsh -c test:///default complete --kind secret ''
? 0
$ lvsh -c test:///default complete --kind nwfilter ''
? 0
$ lvsh -c test:///nosuch/file.xml complete -- resume ''
--domain
--help
--json
? 0
$ lvsh -c test:///nosuch/file.xml complete -- dominf
dominfo
? 0

Under -r, commands that write are not offered.
$ lvsh -c test:///default complete -- sta
start
? 0
$ lvsh -r -c test:///default complete -- sta
? 0

Bad use.
$ lvsh -c test:///default complete --kind nosuch ''
! error: invalid value 'nosuch' for --kind of 'complete' (expected one of: none, file, dir, choices, command, group-or-command, domain, domain-active, domain-inactive, domain-running, domain-paused, domain-persistent, snapshot, checkpoint, domain-disk, domain-interface, network, network-active, network-inactive, network-port, pool, pool-active, pool-inactive, volume, secret, nwfilter, nwfilter-binding, interface, interface-active, interface-inactive, nodedev, nodedev-capability, uri, event, setting-value, shutdown-mode, targets)
? 2
$ lvsh -c test:///default complete --arg web1 -- start ''
! error: option --arg of 'complete' needs --kind
? 2
$ lvsh -c test:///default complete -- frobnicate ''
? 0
$ lvsh -c test:///default 'complete -- domstate ""; complete -- dominf'
test
dominfo
? 0
