#!/usr/bin/env bash
# A secret typed at the no-echo prompt of the interactive shell, against the
# private libvirtd: the value is set and read back, and it never shows on the
# screen, in the history file or in the daemon's logs; the lines that set
# values never enter the history.
T_NAME=secret-prompt
. "$(dirname "$0")/../tmux/lib.sh"
: "${LVSH_TIER_QEMU:?run me from tests/daemon/run.sh}"

UUID=5ec2e700-0000-4000-8000-0000000000c1
USAGE="/var/lib/libvirt/images/lvsh prompt.img"
VALUE='Pr0mpt-S3cret-9f2c'
VALUE_B64=$(printf %s "$VALUE" | base64)
CLI_VALUE='cli-S3cret-77aa'
CLI_B64=$(printf %s "$CLI_VALUE" | base64)
hist=$XDG_STATE_HOME/lvsh/history

cat > "$T_SCRATCH/s.xml" <<XML
<secret ephemeral='no' private='no'>
  <uuid>$UUID</uuid>
  <usage type='volume'><volume>$USAGE</volume></usage>
</secret>
XML
check "secret defined" "$LVSH" -q -c "$LVSH_TIER_QEMU" secret-define "$T_SCRATCH/s.xml"

tmux_start "$LVSH" -c "'$LVSH_TIER_QEMU'"
check "prompt" tmux_wait '^lvsh [a-z0-9.-]+# ?$' 10

tmux_type "secret-list"
tmux_keys Enter
check "the secret is listed" tmux_wait "$UUID"

tmux_type "secret-set-value '$USAGE' --interactive"
tmux_keys Enter
check "asks for the value" tmux_wait 'Enter new value for secret:'
tmux_type "$VALUE"
tmux_keys Enter
check "value set" tmux_wait '^Secret value set$'
check "the typed value was not echoed" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -S - -t t | grep -qF -- '$VALUE'"

tmux_type "secret-set-value $UUID --base64 $CLI_B64"
tmux_keys Enter
check "command-line value warns" tmux_wait 'warning: a secret value on the command line'
tmux_type "echo after-set"
tmux_keys Enter
check "shell goes on" tmux_wait '^after-set$'
check "only the line typed shows the base64" test "$(tmux_cmd capture-pane -p -S - -t t | grep -cF -- "$CLI_B64")" = 1

# set it back from the prompt, then read it in the same shell
tmux_type "secret-set-value $UUID --interactive"
tmux_keys Enter
# the first prompt is still on screen: wait for a second one, or the value
# is typed before echo is off (lvsh under valgrind takes that long)
wait_second_prompt() {
    for _ in $(seq 1 200); do
        [ "$(tmux_screen | grep -c 'Enter new value for secret:')" -ge 2 ] && return 0
        sleep 0.05
    done
    return 1
}
check "asks again" wait_second_prompt
tmux_type "$VALUE"
tmux_keys Enter
sleep 0.5
check "nothing typed at the prompt shows" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -S - -t t | grep -qF -- '$VALUE'"
tmux_type "secret-get-value --plain $UUID"
tmux_keys Enter
check "get-value shows it" tmux_wait "^$VALUE\$"
tmux_type "quit"
tmux_keys Enter
check "quit" tmux_wait '^\[exited 0\]$'

check "value readable from a one-shot" test "$("$LVSH" -q -c "$LVSH_TIER_QEMU" secret-get-value "$USAGE")" = "$VALUE_B64"
check "history file written" test -f "$hist"
check "history keeps ordinary lines" grep -qx 'secret-list' "$hist"
check "history has no set-value line" bash -c "! grep -q 'secret-set-value' '$hist'"
check "history never holds the value" bash -c "! grep -qF -- '$VALUE' '$hist'"
check "history never holds the base64" bash -c "! grep -qF -- '$CLI_B64' '$hist'"
check "daemon logs never hold the values" bash -c "! grep -rqF -e '$VALUE' -e '$CLI_VALUE' -e '$CLI_B64' '${LVSH_TIER_DIR:-/nonexistent}/logs' 2>/dev/null"

# a one-shot set from a file says nothing about the value either
printf %s "$VALUE_B64" > "$T_SCRATCH/v.b64"
out=$("$LVSH" -c "$LVSH_TIER_QEMU" secret-set-value "$UUID" --file "$T_SCRATCH/v.b64" 2>&1)
check "set from a file" test "$out" = "Secret value set"
check "undefined by usage id" "$LVSH" -q -c "$LVSH_TIER_QEMU" secret-undefine "$USAGE"
check "gone" bash -c "! '$LVSH' -q -c '$LVSH_TIER_QEMU' secret-dumpxml $UUID 2>/dev/null"

tmux_done
