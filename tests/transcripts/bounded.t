Deadlines and interruptions that need no daemon: the global --timeout and
--connect-timeout options, the same settings through `set`, and console
--force refused without a terminal (as virsh refuses).  The frozen-daemon
cases are in tests/daemon/test_bounded.sh, the terminal ones in
tests/tmux/test_bounded.sh.

$ lvsh --timeout x list
! error: invalid timeout 'x' (seconds, 0 for none)
? 2
$ lvsh --connect-timeout -1 list
! error: invalid connect timeout '-1' (seconds, 0 for none)
? 2
$ lvsh -c test:///default --json set
{"output":"json","quiet":false,"pager":true,"timing":false,"prompt":"lvsh %m%# ","timeout":0,"connect_timeout":15}
? 0
$ lvsh -c test:///default --json --timeout 5 --connect-timeout 0 'set timeout 7; set connect-timeout 3; set'
{"output":"json","quiet":false,"pager":true,"timing":false,"prompt":"lvsh %m%# ","timeout":7,"connect_timeout":3}
? 0
$ lvsh -q -c test:///default --timeout 5 set
output:           table
quiet:            on
pager:            on
timing:           off
prompt:           lvsh %m%# 
timeout:          5
connect-timeout:  15
? 0
$ lvsh -c test:///default 'set timeout 1.5'
! error: 'set timeout' takes seconds (0 for none), not '1.5'

? 2
$ lvsh -c test:///default 'set connect-timeout -3'
! error: 'set connect-timeout' takes seconds (0 for none), not '-3'

? 2
$ lvsh -c test:///default console test --force </dev/null
! error: cannot run interactive console without a controlling TTY

? 1
$ lvsh -c test:///default --timeout 30 'save test --verbose save.img; restore save.img; domstate test'

Domain 'test' saved to save.img

Domain restored from save.img

running

? 0
$ lvsh -c test:///default 'managedsave test --verbose; domstate test --reason'

Domain 'test' state saved by libvirt

shut off (saved)

? 0
