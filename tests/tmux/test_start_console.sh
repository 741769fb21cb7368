#!/usr/bin/env bash
# start --console and create --console at a real terminal.  The test driver
# has no consoles: as virsh 9.0, the domain is started, the banner is shown,
# then libvirt's refusal alone; start fails, create keeps its status 0.
T_NAME=start_console
. "$(dirname "$0")/lib.sh"
XML=$(mktemp /tmp/lvsh-start-console.XXXXXX)
"$LVSH" -q -c test:///default dumpxml test | sed "s|<name>test</name>|<name>tr</name>|; /<uuid>/d" >"$XML"

tmux_start env PS1="'sh\$ '" HISTFILE=/dev/null bash --norc --noprofile
tmux_wait '^sh\$ ?$'
tmux_type "'$LVSH' -c test:///default 'destroy test; start test --console'; echo status=\$?"
tmux_keys Enter
check "started first" tmux_wait "^Domain 'test' started$" 10
check "then the banner" tmux_wait "^Connected to domain 'test'$"
check "escape character" tmux_wait '^Escape character is \^\] \(Ctrl \+ \]\)$'
check "libvirt's refusal alone" \
    tmux_wait '^error: this function is not supported by the connection driver: virDomainOpenConsole$'
check "start fails" tmux_wait '^status=1$'
tmux_type "clear"; tmux_keys Enter
tmux_wait '^sh\$ ?$'
tmux_type "'$LVSH' -c test:///default 'create $XML --console'; echo status=\$?"
tmux_keys Enter
check "created" tmux_wait "^Domain 'tr' created from $XML$" 10
check "banner" tmux_wait "^Connected to domain 'tr'$"
check "create keeps status 0" tmux_wait '^status=0$'
check "no error line for create" sh -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t '$TMUX_SESSION' | grep -q '^error:'"
rm -f "$XML"
tmux_done
