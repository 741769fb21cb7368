Fleets on test-driver hosts, no daemon (issue 19): an inventory whose hosts
are fixtures (fleet-a.xml: web1 running, db1 shut off; fleet-b.xml: web2
running, its own db1), the default test host, a range of two hosts whose
files do not exist (they cannot be opened: unreachable) and a dead unix
socket.  Many daemons, ssh and frozen hosts are in the daemon tier.

$ mkdir -p .config/lvsh && cat > .config/lvsh/hosts <<EOF
> # the test fleet
> node[1-2] test://$FIXTURES/fleet-[1-2].xml
> a test://$FIXTURES/fleet-a.xml   # web1, db1
> b test://$FIXTURES/fleet-b.xml
> def test:///default
> dead qemu+unix:///system?socket=/nonexistent
> @ab: a b
> @live: @ab def
> EOF
> printf 'bad line here\n@all: a\na test:///default\n' > broken
? 0

(URI columns are squeezed where a fixture's path sets their width: the
checkout may be anywhere.)

The inventory is $XDG_CONFIG_HOME/lvsh/hosts, or $LVSH_HOSTS; a bad line is
named by file and line and the other hosts still serve.

$ LVSH_HOSTS=broken lvsh -c @all,def --dry-run list
a	test:///default
def	def
! warning: broken:1: expected 'NAME URI' or '@GROUP: MEMBER...'
! warning: broken:2: '@all' is every host and cannot be defined
? 0
$ LVSH_HOSTS=nosuch lvsh -c a,def --dry-run list
a	a
def	def
! warning: cannot read inventory 'nosuch': No such file or directory
? 0
$ lvsh -c 'node[1-2],@ab' --dry-run list | sed "s|$FIXTURES|/FIX|"
node1	test:///FIX/fleet-1.xml
node2	test:///FIX/fleet-2.xml
a	test:///FIX/fleet-a.xml
b	test:///FIX/fleet-b.xml
? 0

A table gains a first column Host; -c takes groups, lists and repeats.

$ lvsh -c @ab list --all
 Host   Id   Name   State
------------------------------
 a      1    web1   running
 a      -    db1    shut off
 b      1    web2   running
 b      -    db1    shut off

? 0
$ lvsh -c a -c b,def list
 Host   Id   Name   State
-----------------------------
 a      1    web1   running
 b      1    web2   running
 def    1    test   running

? 0
$ lvsh -c a,b -o csv list --all
host,id,name,state
a,1,web1,running
a,,db1,shut off
b,1,web2,running
b,,db1,shut off
? 0
$ lvsh -c a,b -q list --all
 a   1   web1   running
 a   -   db1    shut off
 b   1   web2   running
 b   -   db1    shut off
? 0

A single -c of one inventory host is that host alone, as -c URI: no Host column.

$ lvsh -c a list --all
 Id   Name   State
-----------------------
 1    web1   running
 -    db1    shut off

? 0

One JSON document per host, on its own line, holding today's document; a
host that failed gets an error document with a reason.

$ lvsh -c @ab,def --json domstate test@def
{"host":"def","uri":"test:///default","result":{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","state":"running","reason":"unknown"}}
? 0
$ lvsh -c @ab,def --json list | sed "s|$FIXTURES|/FIX|"
{"host":"a","uri":"test:///FIX/fleet-a.xml","result":[{"name":"web1","uuid":"a1a1a1a1-0000-4000-8000-000000000001","id":1,"state":"running","reason":"unknown","persistent":true,"autostart":false,"managed_save":false}]}
{"host":"b","uri":"test:///FIX/fleet-b.xml","result":[{"name":"web2","uuid":"b2b2b2b2-0000-4000-8000-000000000001","id":1,"state":"running","reason":"unknown","persistent":true,"autostart":false,"managed_save":false}]}
{"host":"def","uri":"test:///default","result":[{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","id":1,"state":"running","reason":"unknown","persistent":true,"autostart":false,"managed_save":false}]}
? 0
$ lvsh -c a,dead --json list 2>&1 >/dev/null
{"summary":"1 of 2 hosts unreachable: dead"}
? 4
$ lvsh -c a,dead --json list 2>/dev/null | sed "s|$FIXTURES|/FIX|"
{"host":"a","uri":"test:///FIX/fleet-a.xml","result":[{"name":"web1","uuid":"a1a1a1a1-0000-4000-8000-000000000001","id":1,"state":"running","reason":"unknown","persistent":true,"autostart":false,"managed_save":false}]}
{"host":"dead","uri":"qemu+unix:///system?socket=/nonexistent","error":{"reason":"unreachable","message":"failed to connect to the hypervisor","detail":"Failed to connect socket to '/nonexistent': No such file or directory"}}
? 0

Identical text is printed once under the folded set of hosts that gave it;
--by-host prefixes every line with its host instead.

$ lvsh -c @live nodeinfo
---------------
a,b (2)
---------------
CPU model:           i686
CPU(s):              2
CPU frequency:       2400 MHz
CPU socket(s):       1
Core(s) per socket:  2
Thread(s) per core:  1
NUMA cell(s):        1
Memory size:         4194304 KiB
---------------
def (1)
---------------
CPU model:           i686
CPU(s):              16
CPU frequency:       1400 MHz
CPU socket(s):       2
Core(s) per socket:  2
Thread(s) per core:  2
NUMA cell(s):        2
Memory size:         3145728 KiB

? 0
$ lvsh -c @live --by-host nodeinfo
a: CPU model:           i686
a: CPU(s):              2
a: CPU frequency:       2400 MHz
a: CPU socket(s):       1
a: Core(s) per socket:  2
a: Thread(s) per core:  1
a: NUMA cell(s):        1
a: Memory size:         4194304 KiB
b: CPU model:           i686
b: CPU(s):              2
b: CPU frequency:       2400 MHz
b: CPU socket(s):       1
b: Core(s) per socket:  2
b: Thread(s) per core:  1
b: NUMA cell(s):        1
b: Memory size:         4194304 KiB
def: CPU model:           i686
def: CPU(s):              16
def: CPU frequency:       1400 MHz
def: CPU socket(s):       2
def: Core(s) per socket:  2
def: Thread(s) per core:  2
def: NUMA cell(s):        2
def: Memory size:         3145728 KiB

? 0

A host that cannot be reached is named on stderr with a summary, and does
not stop the others: exit 4; a command that fails on some host exits 1; both 5.

$ lvsh -c 'node[1-2],a' list 2>&1 >/dev/null | sed "s|$FIXTURES|/FIX|"
node1: error: failed to connect to the hypervisor
node1: error: XML error: failed to parse xml document '/FIX/fleet-1.xml'
node2: error: failed to connect to the hypervisor
node2: error: XML error: failed to parse xml document '/FIX/fleet-2.xml'
2 of 3 hosts unreachable: node[1-2]
? 0
$ lvsh -c 'node[1-2],a' list 2>/dev/null
 Host   Id   Name   State
-----------------------------
 a      1    web1   running

? 4
$ lvsh -c a,dead list
 Host   Id   Name   State
-----------------------------
 a      1    web1   running

! dead: error: failed to connect to the hypervisor
! dead: error: Failed to connect socket to '/nonexistent': No such file or directory
! 1 of 2 hosts unreachable: dead
? 4

A host that accepts the connection and never answers costs its connect
deadline, not everyone's time: it is reported as timed out.

$ python3 -c 'import socket,time; s=socket.socket(socket.AF_UNIX); s.bind("hang.sock"); s.listen(8); time.sleep(60)' & for i in $(seq 100); do [ -S hang.sock ] && break; sleep 0.1; done
> lvsh --connect-timeout 1 -c "a,qemu+unix:///system?socket=$PWD/hang.sock" list 2>&1 | sed "s|$PWD|DIR|g"; echo "status ${PIPESTATUS[0]}"; kill %1
 Host   Id   Name   State
-----------------------------
 a      1    web1   running
qemu+unix:///system?socket=DIR/hang.sock: error: failed to connect to the hypervisor
qemu+unix:///system?socket=DIR/hang.sock: error: timed out after 1 s connecting to 'qemu+unix:///system?socket=DIR/hang.sock'
1 of 2 hosts timed out: qemu+unix:///system?socket=DIR/hang.sock

status 4
? 0
$ lvsh -c @live domid web2
---------------
b (1)
---------------
1

? 0
$ lvsh -c @live,dead domid web2
---------------
b (1)
---------------
1

! 1 of 4 hosts unreachable: dead
? 4
$ lvsh -c @live,dead domstate web1@a
---------------
a (1)
---------------
running

? 0
$ lvsh -c @live 'start web1'

! a: error: Domain is already active
! 1 of 1 host failed: a
? 1
$ lvsh -c @live,dead 'dominfo nosuch@def'

! def: error: failed to get domain 'nosuch'
! 1 of 1 host failed: def
? 1

A command that names one object runs on the one host that has it; when
several have it, it is refused, naming them; NAME@HOST picks one, also
outside a fleet.  Not found is said only once every host has answered.

$ lvsh -c @live domstate web2
---------------
b (1)
---------------
running

? 0
$ lvsh -c @live domstate db1
! error: domain 'db1' is on 2 hosts: a,b (name one as db1@HOST)
? 1
$ lvsh -c @live 'start db1@b; domstate db1@b; domstate db1@a'
---------------
b (1)
---------------
Domain 'db1' started

---------------
b (1)
---------------
running

---------------
a (1)
---------------
shut off

? 0
$ lvsh -c test:///default domstate web1@a
---------------
a (1)
---------------
running

? 0
$ lvsh -c @live domstate nosuch
! error: failed to get domain 'nosuch': not on any of 3 hosts
? 1

"Not found" is said only after every host has answered: a host that did not
answer may have it (exit 4).  Found on one host while another did not
answer, it runs there, and the summary names the silent host (exit 4, 5
when the command failed too).

$ lvsh -c @live,dead domstate nosuch
! error: domain 'nosuch' not found on the 3 hosts that answered; 1 did not answer: dead
? 4
$ lvsh -c @live,dead domstate web2
---------------
b (1)
---------------
running

! 1 of 4 hosts unreachable: dead
? 4
$ set -o pipefail; lvsh -c @live,dead --json domstate web2 | sed "s|$FIXTURES|/FIX|"
{"host":"b","uri":"test:///FIX/fleet-b.xml","result":{"name":"web2","uuid":"b2b2b2b2-0000-4000-8000-000000000001","state":"running","reason":"unknown"}}
! {"summary":"1 of 4 hosts unreachable: dead"}
? 4
$ lvsh -c @live net-info default
---------------
def (1)
---------------
Name:           default
UUID:           dd8fe884-6c02-601e-7551-cca97df1c5df
Active:         yes
Persistent:     yes
Autostart:      no
Bridge:         virbr0

? 0

--dry-run prints the hosts a command would run on; a write on several hosts
asks first at a terminal only (--yes skips asking).

$ lvsh -c @live --dry-run start db1@a | sed "s|$FIXTURES|/FIX|"
a	test:///FIX/fleet-a.xml
? 0
$ lvsh -c @ab --dry-run --json destroy web1 | sed "s|$FIXTURES|/FIX|"
{"host":"a","uri":"test:///FIX/fleet-a.xml"}
? 0
$ lvsh -c @ab --yes "define $FIXTURES/domain_define.xml" | sed "s|$FIXTURES|/FIX|"
---------------
a,b (2)
---------------
Domain 'new 'quoted' ünïcode vm' defined from /FIX/domain_define.xml

? 0
$ lvsh -r -c @ab 'destroy web1'
! error: 'destroy' changes state, but the connection is read-only (-r)
? 1

Usage errors: an unknown group, an empty name, a bad range, a bad --fanout.

$ lvsh -c @nosuch list
! error: unknown group '@nosuch'
? 2
$ lvsh -c a,,b list
! error: empty host name in the target list
? 2
$ lvsh -c 'k[3-1]' list
! error: descending range '[3-1]'
? 2
$ lvsh --fanout 0 -c a,b list
! error: invalid fanout '0' (1 to 10000 hosts at once)
? 2
$ lvsh --fanout 1 -c @live list
 Host   Id   Name   State
-----------------------------
 a      1    web1   running
 b      1    web2   running
 def    1    test   running

? 0

In the shell: use sets the hosts (opened in parallel, kept open), on runs one
command elsewhere, hosts shows each host's state, where finds domains.

$ set -o pipefail; lvsh -c test:///default "use @ab,dead" | sed -E "s|$FIXTURES|/FIX|; s/  +/  /g; s/^-+$/--/"
 Host  URI  State
--
 a  test:///FIX/fleet-a.xml  connected
 b  test:///FIX/fleet-b.xml  connected
 dead  qemu+unix:///system?socket=/nonexistent  unreachable

! warning: dead: unreachable: Failed to connect socket to '/nonexistent': No such file or directory
? 4
$ lvsh -c test:///default 'use @ab; list --all; connect test:///default; list' | sed -E "s|$FIXTURES|/FIX|; 1,4{s/  +/  /g; s/^-+$/--/}"
 Host  URI  State
--
 a  test:///FIX/fleet-a.xml  connected
 b  test:///FIX/fleet-b.xml  connected

 Host   Id   Name   State
------------------------------
 a      1    web1   running
 a      -    db1    shut off
 b      1    web2   running
 b      -    db1    shut off


 Id   Name   State
----------------------
 1    test   running

? 0
$ lvsh -c test:///default 'on a,b list; list'
 Host   Id   Name   State
-----------------------------
 a      1    web1   running
 b      1    web2   running

 Id   Name   State
----------------------
 1    test   running

? 0
$ lvsh -c test:///default 'on @ab,dead domstate web1'
---------------
a (1)
---------------
running

! 1 of 3 hosts unreachable: dead
? 4
$ lvsh -c test:///default 'on @ab help'
! error: 'help' does not talk to a host
? 2
$ lvsh -c test:///default 'on @ab nosuchcmd'
! error: unknown command 'nosuchcmd' (try 'help')
? 2
$ set -o pipefail; lvsh -c @live,dead hosts | sed -E "s/[0-9.]* ms/N ms/; s|$FIXTURES|/FIX|; s/^-+$/--/"
 Host   State         Libvirt   Domains      RTT   URI
--
 a      connected     9.0.0           2   N ms   test:///FIX/fleet-a.xml
 b      connected     9.0.0           2   N ms   test:///FIX/fleet-b.xml
 def    connected     9.0.0           1   N ms   test:///default
 dead   unreachable   -               -        -   qemu+unix:///system?socket=/nonexistent

! warning: dead: unreachable: Failed to connect socket to '/nonexistent': No such file or directory
? 4
$ lvsh -c @live,dead --json hosts | python3 -c 'import json,sys; [print(h["host"], h["state"], h["libvirt"] is not None, h["domains"], h["uri"].replace(sys.argv[1], "/FIX")) for h in json.load(sys.stdin)]' "$FIXTURES"
a connected True 2 test:///FIX/fleet-a.xml
b connected True 2 test:///FIX/fleet-b.xml
def connected True 1 test:///default
dead unreachable False None qemu+unix:///system?socket=/nonexistent
! {"warning":"dead: unreachable: Failed to connect socket to '/nonexistent': No such file or directory"}
? 0
$ lvsh -c test:///default 'hosts @ab' | sed -E "s/[0-9.]* ms/N ms/; s|$FIXTURES|/FIX|; s/^-+$/--/"
 Host   State       Libvirt   Domains      RTT   URI
--
 a      connected   9.0.0           2   N ms   test:///FIX/fleet-a.xml
 b      connected   9.0.0           2   N ms   test:///FIX/fleet-b.xml

? 0
$ lvsh -c @live,dead 'where db*'
 Host   Id   Name   State
------------------------------
 a      -    db1    shut off
 b      -    db1    shut off

! warning: dead: unreachable: Failed to connect socket to '/nonexistent': No such file or directory
? 4
$ lvsh -c @live 'where a1a1a1a1-0000-4000-8000-000000000002; where web?'
 Host   Id   Name   State
------------------------------
 a      -    db1    shut off

 Host   Id   Name   State
-----------------------------
 a      1    web1   running
 b      1    web2   running

? 0
$ lvsh -c @live --json where test
[{"host":"def","id":1,"name":"test","state":"running","uri":"test:///default"}]
? 0

The URI is for machines: CSV has it too, the text forms name the host only.
$ lvsh -c @live -o csv where test
host,id,name,state,uri
def,1,test,running,test:///default
? 0
$ lvsh -c @live -o vertical where test
Host  : def
Id    : 1
Name  : test
State : running

? 0
$ lvsh -c @live where nothing

! error: no domain matches 'nothing' on 3 hosts
? 1

migrate DOMAIN HOST: the destination may be an inventory host (its URI is
used); the source is the host that has the domain, or NAME@HOST.  The test
driver cannot migrate: the error shows the URI and the host it ran on.

$ lvsh -c @ab migrate web1 b 2>&1 | sed "s|$FIXTURES|/FIX|"
a: error: failed to migrate domain 'web1' to 'test:///FIX/fleet-b.xml'
a: error: this function is not supported by the connection driver: virDomainMigrate3
1 of 1 host failed: a

? 0
$ lvsh -c @ab --dry-run migrate web1 b --p2p | sed "s|$FIXTURES|/FIX|"
a	test:///FIX/fleet-a.xml
? 0
$ lvsh -c test:///default migrate test@def b 2>&1 | sed "s|$FIXTURES|/FIX|"
def: error: failed to migrate domain 'test' to 'test:///FIX/fleet-b.xml'
def: error: this function is not supported by the connection driver: virDomainMigrate3
1 of 1 host failed: def

? 0

Event loops run on every host at once; their lines name the host, and each
host's end is its own document.

$ lvsh -c @ab --json event --all --loop --timeout 1 | sed "s|$FIXTURES|/FIX|"
{"host":"a","uri":"test:///FIX/fleet-a.xml","result":{"events_received":0,"end":"timeout"}}
{"host":"b","uri":"test:///FIX/fleet-b.xml","result":{"events_received":0,"end":"timeout"}}
! {"summary":"2 of 2 hosts failed: a,b"}
? 0
$ lvsh -c @ab --by-host event --all --loop --timeout 1
a: event loop timed out
a: events received: 0
b: event loop timed out
b: events received: 0

! 2 of 2 hosts failed: a,b
? 1

Completion offers the names of every host of the session, each once.

$ lvsh -c @live complete -- dominfo ''
db1
test
web1
web2
? 0
$ lvsh -c @live complete -- start ''
db1
? 0

Inside `on TARGETS COMMAND ...` the names come from the hosts of TARGETS, not
from the session's; a target list that does not resolve offers none.

$ lvsh -c a complete -- on b domstate ''
db1
web2
? 0
$ lvsh -c def complete -- on @ab,dead domstate w
web1
web2
? 0
$ lvsh -c @ab complete -- on def domstate ''
test
? 0
$ lvsh -c a complete -- on @nosuch domstate w
? 0

The example inventory of docs/ parses without a warning.

$ LVSH_HOSTS=$TESTS/../docs/hosts.example lvsh -c @web,edge2 --dry-run list | cut -f1
kvm01
kvm02
kvm03
kvm07
edge2
? 0
$ LVSH_HOSTS=$TESTS/../docs/hosts.example lvsh -c @all --dry-run list | wc -l
15
? 0

