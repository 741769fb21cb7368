#!/usr/bin/env bash
# The interactive terminal: prompt, commands, history file, Ctrl-C, Ctrl-D.
T_NAME=repl
. "$(dirname "$0")/lib.sh"

tmux_start "$LVSH" -c test:///default
check "prompt shows the driver" tmux_wait 'lvsh test# ?$'

tmux_type "domstate test"
tmux_keys Enter
check "a command runs" tmux_wait '^running$'

tmux_type "list --all"
tmux_keys Enter
check "table output" tmux_wait '^ 1    test   running'

# Ctrl-C at the prompt drops the line being typed
tmux_type "this line is abandoned"
tmux_keys C-c
sleep 0.3
tmux_type "echo after-ctrl-c"
tmux_keys Enter
check "Ctrl-C clears the line" tmux_wait '^after-ctrl-c$'
check "abandoned text never ran" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q 'unknown command'"

# Ctrl-C during a running command ends it and returns to the prompt
tmux_type "event --all --loop"
tmux_keys Enter
sleep 1
tmux_keys C-c
check "Ctrl-C interrupts the running command" tmux_wait 'event loop interrupted'
tmux_type "echo back-at-prompt"
tmux_keys Enter
check "the shell takes the next command" tmux_wait '^back-at-prompt$'

# history: Up recalls the last line
tmux_keys Up
check "Up recalls history" tmux_wait '# echo back-at-prompt$'
tmux_keys C-u
tmux_quit "quit leaves the shell"
hist=$XDG_STATE_HOME/lvsh/history
check "history file exists" test -f "$hist"
check "history file is 0600" test "$(stat -c %a "$hist" 2>/dev/null)" = 600
check "history has the commands" grep -qx 'domstate test' "$hist"

# read-only prompt ends in '>' and Ctrl-D leaves
tmux_start "$LVSH" -r -c test:///default
check "read-only prompt" tmux_wait 'lvsh test> ?$'
tmux_type "destroy test"
tmux_keys Enter
check "writes refused under -r" tmux_wait "read-only"
tmux_keys C-d
check "Ctrl-D leaves the shell" tmux_wait '^\[exited 0\]$'

tmux_done
