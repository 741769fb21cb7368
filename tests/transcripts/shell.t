CSV is for machines: Python's csv module reads it; raw numbers (bytes), an
empty cell where virsh shows '-', the header always, no blank record at the end.
$ lvsh -c test:///default -o csv pool-list --details | python3 -c 'import csv,sys; r=list(csv.reader(sys.stdin)); print(r[0]); print(r[1][0], r[1][4], r[1][5]); print(len(r))'
['name', 'state', 'autostart', 'persistent', 'capacity', 'allocation', 'available']
default-pool 107374182400 0
2
? 0
$ lvsh -c test:///default -q -o csv 'destroy test; list --all' | python3 -c 'import csv,sys; print(list(csv.reader(sys.stdin)))'
[['id', 'name', 'state'], ['', 'test', 'shut off']]
? 0
$ lvsh -c test:///default -o csv --no-header net-list --all
default,active,no,yes
? 0
A record (dominfo) is two columns: the JSON key and the raw value.
$ lvsh -c test:///default -o csv dominfo test | python3 -c 'import csv,sys; d=dict(csv.reader(sys.stdin)); print(d["field"], d["name"], d["max_memory"], d["used_memory"], repr(d["security_doi"]))'
value test 8589934592 2147483648 ''
? 0
Names with commas and quotes are quoted as CSV wants.
$ lvsh -c test:///default -q -o csv 'destroy test; domrename test "a,b \"c\""; list --all' | python3 -c 'import csv,sys; print(list(csv.reader(sys.stdin))[1][1])'
a,b "c"
? 0

Timing, as virsh -t: the time after each command's output.
$ lvsh -c test:///default -t 'domstate test; domid test'
running

\(Time: [0-9]+\.[0-9]{3} ms\) (re)

1

\(Time: [0-9]+\.[0-9]{3} ms\) (re)

? 0
$ lvsh -c test:///default -t --json domstate test 2>&1 >/dev/null
{"time_ms":[0-9]+\.[0-9]{3}} (re)
? 0

watch: each run appended after a line with the command and the time when
the output is not a terminal; its options come before the command, the
rest is the command's.
$ lvsh -c test:///default watch --interval 0.1 --count 2 list --all
Every 0.1s: list --all  [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} (re)

 Id   Name   State
----------------------
 1    test   running

Every 0.1s: list --all  [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} (re)

 Id   Name   State
----------------------
 1    test   running

? 0
A failing run ends the watch with its status.
$ lvsh -c test:///default watch --count 3 --interval 0.1 domstate nosuch
Every 0.1s: domstate nosuch  [0-9-]+ [0-9:]+ (re)


! error: failed to get domain 'nosuch'
? 1
$ lvsh -c test:///default --json watch --count 1 domstate test
{"watch":"domstate test","time":"[0-9-]+ [0-9:]+"} (re)
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","state":"running","reason":"unknown"}
? 0
$ lvsh watch --interval 0 domstate test
! error: invalid interval '0' (seconds, 0.1 to 86400)

? 2
$ lvsh watch watch list
! error: 'watch' cannot watch itself

? 2

history outside the shell lists the saved history file.
$ mkdir -p st/lvsh && printf 'list\ndomstate test\n' > st/lvsh/history && XDG_STATE_HOME=$PWD/st lvsh history 1
    2  domstate test

? 0
$ XDG_STATE_HOME=$PWD/st lvsh --json history
[{"number":1,"line":"list"},{"number":2,"line":"domstate test"}]
? 0

set: the settings and their values; completion of the values.
$ lvsh 'set pager off; set prompt "%m%# "; set'


output:           table
quiet:            off
pager:            off
timing:           off
prompt:           %m%# 
timeout:          0
connect-timeout:  15

? 0
$ lvsh set timing maybe
! error: 'set timing' takes 'on' or 'off', not 'maybe'

? 2
$ lvsh set colour on

! error: invalid value 'colour' for --name of 'set' (expected one of: output, quiet, pager, timing, prompt, timeout, connect-timeout)
? 2
$ lvsh complete -- set timing ''
off
on
? 0
$ lvsh complete -- shutdown test --mode acpi,
acpi,acpi
acpi,agent
acpi,initctl
acpi,paravirt
acpi,signal
? 0
$ lvsh complete -- watch --count 2 domsta
domstate
domstats
? 0
$ lvsh complete --describe -- domstate --r
--reason	also say why it is in that state
? 0

Did you mean: options, and domain, network and pool names; virsh's hint
for a volume looked up without its pool.
$ lvsh -c test:///default list --alll
! error: command 'list' has no option --alll (did you mean '--all'?)
? 2
$ lvsh -c test:///default destroy tset

! error: failed to get domain 'tset' (did you mean 'test'?)
? 1
$ lvsh -c test:///default net-info defualt
! error: failed to get network 'defualt' (did you mean 'default'?)
! error: Network not found: no network with matching name 'defualt'

? 1
$ lvsh -c test:///default pool-info default-pol
! error: failed to get pool 'default-pol' (did you mean 'default-pool'?)
! error: Storage pool not found: no storage pool with matching name 'default-pol'

? 1
$ lvsh -c test:///default vol-info nosuch
! error: failed to get vol 'nosuch', specifying --pool might help
! error: Storage volume not found: no storage vol with matching path 'nosuch'

? 1
$ lvsh -c test:///default domstate zzzz

! error: failed to get domain 'zzzz'
? 1

The man page: one heading per group, options as --help shows them, the
environment.
$ lvsh man-page | grep -c 'Shell Commands COMMANDS'; lvsh man-page | grep -c '^.SH Shell Commands$'; lvsh man-page | grep -- '-on\\-error\\fR'; lvsh man-page | grep -c -e '^.B LVSH_COMPLETE_TIMEOUT_MS' -e '^.BR LVSH_PAGER'
0
1
\fB\-\-on\-error\fR=\fIPOLICY\fR
Run under the name \fBvirsh\fR (\fBmake install\-virsh\-link\fR installs that symlink; plain \fBmake install\fR never does) or with \fB\-\-virsh\fR, lvsh behaves as virsh 9.0 where the two differ on purpose: a line or script goes on after a failed command and returns the last command's status, usage errors exit 1, parse errors are worded as virsh's, and option values are checked when their command runs.  \fB\-\-on\-error\fR still applies.
2
? 0
