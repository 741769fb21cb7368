#!/usr/bin/env bash
# The interactive shell's comforts: welcome line, lvshrc, prompt escapes,
# history (ignoreboth, `history N`), the pager, timing, watch and Ctrl-C.
T_NAME=shell
. "$(dirname "$0")/lib.sh"

# a pager that records what it was given, then shows it
fake=$T_SCRATCH/fakepager
cat > "$fake" <<EOS
#!/bin/sh
cat > "$T_SCRATCH/paged"
echo "[paged \$(wc -l < "$T_SCRATCH/paged") lines]"
EOS
chmod +x "$fake"

# --- welcome, default prompt, rc file --------------------------------------
mkdir -p "$T_SCRATCH/config/lvsh"
printf 'set prompt "rc %%m %%?%%# "\necho from-rc\nnosuchcmd\n' > "$T_SCRATCH/config/lvsh/lvshrc"
tmux_start env XDG_CONFIG_HOME="$T_SCRATCH/config" LVSH_PAGER="$fake" "$LVSH" -c test:///default
check "rc file runs before the prompt" tmux_wait '^from-rc$'
check "an error in the rc file names its line" tmux_wait 'lvshrc:3: error: unknown command'
check "welcome line" tmux_wait "^lvsh [0-9.]+ on test:///default: 'help' lists the commands, 'quit' leaves\.$"
check "the rc file's prompt" tmux_wait '^rc test 0# ?$'
tmux_type "domstate nosuch"
tmux_keys Enter
check "%? shows the last status" tmux_wait '^rc test 1# ?$'
tmux_type "set prompt ''"
tmux_keys Enter
check "empty prompt format: the default, host short" tmux_wait '^lvsh test# ?$'

# --- history: ignoreboth and `history N` -------------------------------------
for l in "echo one" "echo one" " echo secret-space" "echo two"; do
    tmux_type "$l"
    tmux_keys Enter
done
tmux_type "history 3"
tmux_keys Enter
check "history lists the last lines, numbered" tmux_wait '^ +[0-9]+  echo two$'
check "a repeated line is kept once" \
    bash -c "[ \$(tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -c '^ *[0-9]*  echo one\$') -eq 1 ]"
check "a line starting with a blank is not kept" \
    bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q '[0-9]  *echo secret-space'"
tmux_keys C-l

# --- the pager ----------------------------------------------------------------
tmux_type "help"
tmux_keys Enter
check "long output goes through the pager" tmux_wait '^\[paged [0-9]+ lines\]$'
check "the pager got the whole help" grep -q "Shell Commands (help keyword 'shell')" "$T_SCRATCH/paged"
rm -f "$T_SCRATCH/paged"
tmux_type "domstate test"
tmux_keys Enter
check "short output is not paged" tmux_wait '^running$'
check "no pager for short output" test ! -e "$T_SCRATCH/paged"
tmux_type "set pager off"
tmux_keys Enter
tmux_type "help"
tmux_keys Enter
check "set pager off prints directly" tmux_wait "help keyword 'shell'"
check "no pager after set pager off" test ! -e "$T_SCRATCH/paged"
tmux_keys C-l
tmux_type "set pager on"
tmux_keys Enter
tmux_type "set output json"
tmux_keys Enter
tmux_type "help domstate"
tmux_keys Enter
check "set output json leaves help as text" tmux_wait '^    domstate - '

# --- timing -------------------------------------------------------------------
tmux_type "set output table"
tmux_keys Enter
tmux_type "set timing on"
tmux_keys Enter
tmux_type "domstate test"
tmux_keys Enter
check "set timing on: time after the command" tmux_wait '^\(Time: [0-9]+\.[0-9]{3} ms\)$'
tmux_type "set timing off"
tmux_keys Enter

# --- watch: redrawn in place, Ctrl-C ends it -----------------------------------
tmux_keys C-l
tmux_type "watch --interval 0.2 list --all"
tmux_keys Enter
check "watch shows its header" tmux_wait '^Every 0.2s: list --all  [0-9-]+ [0-9:]+$'
sleep 1
check "watch redraws in place (one header on screen)" \
    bash -c "[ \$(tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -c '^Every ') -eq 1 ]"
check "the watched output" tmux_wait '^ 1    test   running'
tmux_keys C-c
sleep 0.3
tmux_type "echo after-watch"
tmux_keys Enter
check "Ctrl-C ends watch, the shell goes on" tmux_wait '^after-watch$'
tmux_quit
hist=$XDG_STATE_HOME/lvsh/history
check "the history file has no blank-prefixed line" bash -c "! grep -q secret-space '$hist'"
check "the history file has the repeat once" test "$(grep -cx 'echo one' "$hist")" = 1

# --- -n skips the rc file, -q the welcome; -t; read-only prompt ----------------
tmux_start env XDG_CONFIG_HOME="$T_SCRATCH/config" "$LVSH" -n -q -t -r -c test:///default
check "-n: default read-only prompt" tmux_wait '^lvsh test> ?$'
check "-n: the rc file did not run" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q from-rc"
check "-q: no welcome" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q 'lists the commands'"
tmux_type "domstate test"
tmux_keys Enter
check "-t: time after the command" tmux_wait '^\(Time: [0-9]+\.[0-9]{3} ms\)$'
tmux_type "set outp"; tmux_keys Tab; tmux_type "j"; tmux_keys Tab Enter
tmux_type "set"; tmux_keys Enter
check "TAB completes set's values in the shell" tmux_wait '"output": "json"'
tmux_keys C-d
check "Ctrl-D leaves" tmux_wait '^\[exited 0\]$'

# --- one-shot at a terminal pages too; to a pipe never --------------------------
tmux_start env LVSH_PAGER="$fake" "$LVSH" help
check "one-shot to a terminal is paged" tmux_wait '^\[paged [0-9]+ lines\]$'
rm -f "$T_SCRATCH/paged"
cat > "$T_SCRATCH/pipe.sh" <<EOS
export LVSH_PAGER='$fake'
'$LVSH' help | wc -l
'$LVSH' -c test:///default --json 'help; list' | tail -c 20
EOS
tmux_start bash "$T_SCRATCH/pipe.sh"
check "one-shot to a pipe is not paged" tmux_wait '^[0-9]{3,}$'
check "JSON to a pipe is not paged" tmux_wait 'save":false}]$'
check "the pager never ran for a pipe" test ! -e "$T_SCRATCH/paged"

tmux_done
