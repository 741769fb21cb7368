Fleets at the edges (issue 19): completion of target lists, the names lvsh
shows for a host, and the JSON shapes.  The inventory comes from $LVSH_HOSTS.

$ cat > hosts <<EOF
> kvm[01-03] test://$FIXTURES/fleet-a.xml
> kvm07 test://$FIXTURES/fleet-b.xml
> edge test:///default
> @web: kvm[01-02]
> @db: kvm03
> EOF
? 0

`use`, `on` and `hosts` complete their targets from the inventory: host
names, the ranges its hosts fold into, @groups and @all, and URIs; after a
comma, the next item of the list.

$ LVSH_HOSTS=hosts lvsh complete -- use ''
@all
@db
@web
ch:///system
edge
kvm01
kvm02
kvm03
kvm07
kvm[01-03]
lxc:///system
qemu:///session
qemu:///system
test:///default
vbox:///session
xen:///system
? 0
$ LVSH_HOSTS=hosts lvsh complete -- use kvm
kvm01
kvm02
kvm03
kvm07
kvm[01-03]
? 0
$ LVSH_HOSTS=hosts lvsh complete -- use 'kvm07,@'
kvm07,@all
kvm07,@db
kvm07,@web
? 0
$ LVSH_HOSTS=hosts lvsh complete -- use 'kvm[01-02,7],e'
kvm[01-02,7],edge
? 0
$ LVSH_HOSTS=hosts lvsh complete -- hosts @w
@web
? 0

`on TARGETS COMMAND...`: the targets first, then the command, then that
command's own arguments.

$ LVSH_HOSTS=hosts lvsh complete -- on ed
edge
? 0
$ LVSH_HOSTS=hosts lvsh complete -- on @web domst
domstate
domstats
? 0
$ LVSH_HOSTS=hosts lvsh -c test:///default complete -- on @web domstate --r
--reason
? 0
$ LVSH_HOSTS=hosts lvsh -c test:///default complete -- on edge domstate ''
test
? 0

`-c` of the shell scripts asks for the same list; a URI option (`connect`,
`migrate`'s destination) offers the inventory's hosts, not its groups.

$ LVSH_HOSTS=hosts lvsh complete --kind targets 'edge,kvm0'
edge,kvm01
edge,kvm02
edge,kvm03
edge,kvm07
? 0
$ LVSH_HOSTS=hosts lvsh complete -- connect k
kvm01
kvm02
kvm03
kvm07
? 0
$ LVSH_HOSTS=hosts lvsh -c @web complete -- connect ''
ch:///system
edge
kvm01
kvm02
kvm03
kvm07
lxc:///system
qemu:///session
qemu:///system
test:///default
vbox:///session
xen:///system
? 0

A single -c naming an inventory host is that host alone; lvsh names it by
its name (hosts, where), while libvirt's own answers (uri) are unchanged.
A single -c URI behaves as before.

$ LVSH_HOSTS=hosts lvsh -c edge hosts | sed -E 's/[0-9.]+ ms/N ms/'
 Host   State       Libvirt   Domains      RTT   URI
------------------------------------------------------------------
 edge   connected   9.0.0           1   N ms   test:///default

? 0
$ LVSH_HOSTS=hosts lvsh -c edge 'where test; uri'
 Host   Id   Name   State
-----------------------------
 edge   1    test   running

test:///default

? 0
$ LVSH_HOSTS=hosts lvsh -c test:///default 'where test; uri'
 Host              Id   Name   State
----------------------------------------
 test:///default   1    test   running

test:///default

? 0

connect takes an inventory name too, and the name goes with it; connect URI
forgets it.

$ LVSH_HOSTS=hosts lvsh -c test:///default 'connect edge; where test; connect test:///default; where test'

 Host   Id   Name   State
-----------------------------
 edge   1    test   running


 Host              Id   Name   State
----------------------------------------
 test:///default   1    test   running

? 0
$ LVSH_HOSTS=hosts lvsh -c test:///default --json 'connect edge'
{"uri":"test:///default","readonly":false}
? 0

hosts --json: each host with its URI.

$ LVSH_HOSTS=hosts lvsh -c edge,kvm07 --json hosts | python3 -c 'import json,sys; [print(sorted(h), h["host"], h["uri"].replace(sys.argv[1], "/FIX")) for h in json.load(sys.stdin)]' "$FIXTURES"
['domains', 'host', 'libvirt', 'rtt_ms', 'state', 'uri'] edge test:///default
['domains', 'host', 'libvirt', 'rtt_ms', 'state', 'uri'] kvm07 test:///FIX/fleet-b.xml
? 0

--dry-run never runs the command, on one host either: it prints the host
(by its name when -c named it) and its URI.

$ LVSH_HOSTS=hosts lvsh -c test:///default --dry-run 'destroy test; domstate test'
test:///default	test:///default
test:///default	test:///default
? 0
$ LVSH_HOSTS=hosts lvsh -c edge --dry-run --json destroy test
{"host":"edge","uri":"test:///default"}
? 0
$ LVSH_HOSTS=hosts lvsh -c edge 'domstate test'
running

? 0

Exit statuses: 1 the command failed on some host, 4 some host unreachable,
5 both, each with the summary on stderr.

$ printf 'dead qemu+unix:///system?socket=/nonexistent\n' >> hosts
? 0
$ LVSH_HOSTS=hosts lvsh -c kvm07,edge,dead freecell 2>&1 >/dev/null | tail -2
1 of 3 hosts unreachable: dead
1 of 3 hosts failed: kvm07
? 0
$ LVSH_HOSTS=hosts lvsh -c kvm07,edge,dead freecell
---------------
edge (1)
---------------
Total: 3072 KiB

! kvm07: error: An error occurred, but the cause is unknown
! dead: error: failed to connect to the hypervisor
! dead: error: Failed to connect socket to '/nonexistent': No such file or directory
! 1 of 3 hosts unreachable: dead
! 1 of 3 hosts failed: kvm07
? 5
$ LVSH_HOSTS=hosts lvsh -c kvm07,edge freecell >/dev/null 2>&1
? 1
$ LVSH_HOSTS=hosts lvsh -c edge,dead freecell >/dev/null 2>&1
? 4
$ LVSH_HOSTS=hosts lvsh -c edge,kvm07 hostname >/dev/null 2>&1
? 0
