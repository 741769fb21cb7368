#!/usr/bin/env bash
# TAB in the real REPL: unique prefixes in one TAB, double-TAB listings,
# names that need quoting, positional values, options, files.
T_NAME=complete-repl
. "$(dirname "$0")/lib.sh"
URI="test://$TOP/tests/fixtures/complete.xml"

line_is() { tmux_line_is 'lvsh test# ' "$1"; }  # line_is TEXT: the prompt line
fresh() { tmux_keys C-u; }
ready() {  # the last line on the screen is an empty prompt
    local i
    for ((i = 0; i < 100; i++)); do
        tmux_screen | grep -v '^$' | tail -n 1 | grep -Eq '^lvsh test#$' && return 0
        sleep 0.05
    done
    return 1
}

tmux_start "$LVSH" -c "'$URI'"
check "prompt" tmux_wait '^lvsh test# ?$'

tmux_type "dominf"; tmux_keys Tab
check "a unique command prefix completes in one TAB" line_is "dominfo "
fresh
tmux_type "domstate we"; tmux_keys Tab
check "a positional domain completes without --domain" line_is "domstate web1 "
fresh
tmux_type 'domstate "beta db'; tmux_keys Tab
check "an open double quote is closed" line_is 'domstate "beta db" '
fresh
tmux_type "domstate bet"; tmux_keys Tab
check "the common part of two names is inserted quoted" line_is "domstate 'beta d"
tmux_keys Tab Tab
check "double TAB lists both" tmux_wait '^beta db +beta dc'
tmux_type "c"; tmux_keys Tab
check "the quote is closed on the unique match" line_is "domstate 'beta dc' "
tmux_keys Enter
check "the completed line runs" tmux_wait '^running$'
check "prompt again" ready

tmux_type "domstate it"; tmux_keys Tab
check "a single quote in a name" line_is "domstate 'it'\\''s here' "
tmux_keys Enter
check "and the name resolves" tmux_wait '^shut off$'
check "prompt again" ready
tmux_type 'domstate "say'; tmux_keys Tab
check "a double quote inside double quotes" line_is 'domstate "say \"hi\"" '
fresh
tmux_type "domstate caf"; tmux_keys Tab Tab
check "UTF-8 names sharing bytes, not characters, are listed" tmux_wait '^café-one +cafë-two'
tmux_type "é"; tmux_keys Tab
check "UTF-8 unique completion" line_is "domstate café-one "
fresh
tmux_type "resume "; tmux_keys Tab
check "resume offers only paused domains" line_is "resume 'beta db' "
fresh
tmux_type "start "; tmux_keys Tab Tab
check "start lists only shut-off domains" tmux_wait '^#hashed +cafë-two +it.s here +say "hi" +snapdom'
check "no running domain in that list" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q '^web1'"
fresh
tmux_type "list --al"; tmux_keys Tab
check "option names" line_is "list --all "
tmux_type "; domstate --rea"; tmux_keys Tab
check "after ; a new command's options" line_is "list --all ; domstate --reason "
fresh
tmux_type "domstate -- "; tmux_keys Tab Tab
check "after -- only positional values" tmux_wait '^#hashed +beta db'
fresh
tmux_type "cd /us"; tmux_keys Tab
check "directories complete with a slash and no space" line_is "cd /usr/"
fresh
# the cursor in the middle: complete the first command of two
tmux_type "domstate sn; echo x"
tmux_keys Left Left Left Left Left Left Left Left Tab
# (readline adds no space in the middle of a line)
check "completion in the middle of a line" line_is "domstate snapdom"
fresh
tmux_quit

tmux_done
