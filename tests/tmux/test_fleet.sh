#!/usr/bin/env bash
# Fleets at a terminal: `use` in the shell, TAB over every host's names, and
# the confirmation a write on several hosts asks for.
T_NAME=fleet
. "$(dirname "$0")/lib.sh"
mkdir -p "$XDG_CONFIG_HOME/lvsh"
cat > "$XDG_CONFIG_HOME/lvsh/hosts" <<HOSTS
a test://$TOP/tests/fixtures/fleet-a.xml
b test://$TOP/tests/fixtures/fleet-b.xml
@ab: a b
HOSTS

tmux_start "$LVSH" -c test:///default
check "prompt" tmux_wait '# ?$'
tmux_type "use "; tmux_keys Tab Tab
check "use TAB lists the inventory's hosts and groups" tmux_wait '^@ab +a +ch:///system' && tmux_wait '^@all +b +lxc:///system'
tmux_type "@a"; tmux_keys Tab Tab
check "use @a TAB lists the groups" tmux_wait '^@ab +@all *$'
tmux_type "b,"; tmux_keys Tab Tab
check "after a comma, the next item" tmux_wait '^@ab,@all +@ab,ch:///system' && tmux_wait '^@ab,a +@ab,lxc:///system'
tmux_keys C-u
tmux_type "use @ab"; tmux_keys Enter
check "use opens every host" tmux_wait '^ b +test:///.*fleet-b.xml +connected'
tmux_type "domstate we"; tmux_keys Tab; sleep 0.3; tmux_keys Tab Tab
check "TAB lists the names of every host" tmux_wait 'web1 +web2'
tmux_keys C-u
tmux_type "define $TOP/tests/fixtures/domain_define.xml"; tmux_keys Enter
check "a write on two hosts asks first" tmux_wait "run 'define' on 2 hosts: a,b\\? \\[y/N\\]"
tmux_type "n"; tmux_keys Enter
check "no is no" tmux_wait 'error: not run: not confirmed'
tmux_type "define $TOP/tests/fixtures/domain_define.xml"; tmux_keys Enter
check "asked again" tmux_wait "2 hosts: a,b\\? \\[y/N\\] *$"
tmux_type "y"; tmux_keys Enter
check "yes runs it on both" tmux_wait '^a,b \(2\)'
tmux_type "destroy web1"; tmux_keys Enter
check "a write routed to one host does not ask" tmux_wait "Domain 'web1' destroyed"

# -c with a group: the prompt names it, and TAB needs no `use` first
tmux_start "$LVSH" -c @ab
check "the prompt names the targets" tmux_wait 'lvsh @ab# ?$'
tmux_type "list"; tmux_keys Enter
check "list on both hosts" tmux_wait '^ b +1 +web2 +running'
tmux_type "start d"; tmux_keys Tab
check "TAB completes a name of either host" tmux_wait 'lvsh @ab# start db1 ?$'

# --yes: a write on several hosts runs at once, without asking
tmux_start "$LVSH" --yes -c @ab
check "prompt with --yes" tmux_wait '^lvsh @ab# ?$'
tmux_type "undefine db1"; tmux_keys Enter
check "refused: db1 is on both hosts" tmux_wait "domain 'db1' is on 2 hosts: a,b"
tmux_type "define $TOP/tests/fixtures/domain_define.xml"; tmux_keys Enter
check "--yes: no question, run on both" tmux_wait '^a,b \(2\)'
check "--yes: nothing asked" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q 'y/N'"

# -c NAME of one inventory host: the prompt and the welcome line name it,
# not its URI; connect NAME too; connect URI goes back to the URI's host
tmux_start "$LVSH" -c a
check "the welcome line names the host" tmux_wait "^lvsh [0-9.]+ on a: "
check "the prompt names the host" tmux_wait '^lvsh a# ?$'
tmux_type "connect b"; tmux_keys Enter
check "connect NAME: the prompt names it" tmux_wait '^lvsh b# ?$'
tmux_type "connect test:///default"; tmux_keys Enter
check "connect URI: the URI's host" tmux_wait '^lvsh test# ?$'
tmux_type "use @ab,test:///default"; tmux_keys Enter
check "use with a URI among the targets: shortened in the prompt" tmux_wait '^lvsh @ab,test# ?$'
tmux_done
