#!/usr/bin/env bash
# Secrets never reach the history file, even on a line that does not parse
# (a stray quote cuts the command holding the secret) or names an unknown
# command (a mistyped secret one).
T_NAME=secret-history
. "$(dirname "$0")/lib.sh"
hist=$XDG_STATE_HOME/lvsh/history

tmux_start "$LVSH" -c test:///default
check "prompt" tmux_wait 'lvsh test# ?$'
tmux_type "echo kept-line"
tmux_keys Enter
check "a plain line runs" tmux_wait '^kept-line$'
tmux_type "echo x; secret-set-value relsec --base64 UExBSU5TRUNSRVQ= '"
tmux_keys Enter
check "the stray quote is reported" tmux_wait 'unterminated single quote'
tmux_type "echo x; secret-set-valeu relsec --base64=UExBSU5TRUNSRVQ="
tmux_keys Enter
check "a mistyped secret command is reported" tmux_wait "unknown command 'secret-set-valeu'"
tmux_quit
check "history keeps the plain line" grep -qx 'echo kept-line' "$hist"
check "history holds no secret" bash -c "! grep -q UExB '$hist'"

tmux_done
