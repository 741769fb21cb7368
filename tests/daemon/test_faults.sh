#!/usr/bin/env bash
# Faults against the private libvirtd: the daemon killed under an open REPL,
# under a running batch, frozen with keepalive on.  Run by tests/daemon/run.sh
# with LVSH_TIER_* exported.
T_NAME=faults
. "$(dirname "$0")/../tmux/lib.sh"
TIER=$LVSH_TIER_SH
DIR=$LVSH_TIER_DIR
URI=$LVSH_TIER_TEST

# 1. The REPL survives the daemon's death, says so once, and reconnects.
tmux_start "$LVSH" -c "'$URI'"
check "prompt" tmux_wait '^lvsh [a-z0-9.-]+# ?$'
tmux_type "domstate test"; tmux_keys Enter
check "connected" tmux_wait '^running$'
"$TIER" kill-daemon "$DIR"
check "loss reported at the prompt" tmux_wait 'lost: end of file' 10
check "reported once" test "$(tmux_screen | grep -c 'connection to .* lost')" = 1
tmux_type "domstate test"; tmux_keys Enter
check "command fails while the daemon is down" tmux_wait "error: failed to connect to"
"$TIER" start-daemon "$DIR"
tmux_keys C-l
tmux_type "domstate test"; tmux_keys Enter
check "next command reconnects" tmux_wait '^running$' 10
tmux_type "quit"; tmux_keys Enter
check "shell still exits normally" tmux_wait '^\[exited 0\]$'

# wait_for FILE REGEX: until lvsh's output shows it (no fixed sleeps: under
# valgrind lvsh takes seconds to start)
wait_for() {
    for _ in $(seq 1 600); do grep -Eq "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
    return 1
}
log=$T_SCRATCH/fault.out

# 2. A batch fed through a pipe: the command after the loss fails with exit 1.
: > "$log"
{ echo "domstate test"; wait_for "$log" '^running$'; "$TIER" kill-daemon "$DIR"
  echo "domstate test"; echo "echo not-reached"; } | "$LVSH" -c "$URI" > "$log" 2>&1
rc=$?
out=$(cat "$log")
check "batch: exit 1 after the loss (got $rc)" test $rc = 1
check "batch: clear error" grep -q "<stdin>:2: error: failed to connect to" <<<"$out"
check "batch: stopped there" bash -c "! grep -q not-reached <<<'$out'"
"$TIER" start-daemon "$DIR"

# 3. Keepalive: a frozen daemon is noticed within interval * (count + 1).
: > "$log"
{ echo "domstate test"; wait_for "$log" '^running$'; "$TIER" freeze "$DIR"
  date +%s > "$T_SCRATCH/frozen"; echo "domstate test"; } |
    timeout 60 "$LVSH" -k 1 -K 2 -c "$URI" > "$log" 2>&1
rc=$?
took=$(( $(date +%s) - $(cat "$T_SCRATCH/frozen" 2>/dev/null || echo 0) ))
out=$(cat "$log")
"$TIER" thaw "$DIR"
check "keepalive: the frozen daemon fails the command (rc $rc)" test $rc = 1
check "keepalive: noticed in ${took}s (< 10s)" test "$took" -lt 10
check "keepalive: says why" grep -Eq "error: .*(keepalive|closed|connection)" <<<"$out"
check "after SIGCONT the daemon answers again" bash -c "'$LVSH' -c '$URI' domstate test | grep -q running"

tmux_done
