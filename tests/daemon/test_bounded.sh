#!/usr/bin/env bash
# Ctrl-C against a frozen private libvirtd (SIGSTOP): whatever the command
# waits for, the prompt comes back with "error: interrupted", and after
# SIGCONT the next command works on a fresh connection.  Also --timeout,
# a batch (exit 130), the secret prompt, keepalive at an edited line, and a
# console whose daemon froze.  Run by tests/daemon/run.sh (LVSH_TIER_*).
T_NAME=bounded-daemon
. "$(dirname "$0")/../tmux/lib.sh"
TIER=$LVSH_TIER_SH
DIR=$LVSH_TIER_DIR
URI=$LVSH_TIER_TEST
P='# ?$'
# Ctrl-C must answer within about a second; the bound is generous for a
# loaded machine (and valgrind), the measurements are printed.
BOUND_MS=${LVSH_CTRL_C_BOUND_MS:-8000}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
thaw() { "$TIER" thaw "$DIR"; }
trap thaw EXIT

# ctrl_c_bounded NAME: a second into a frozen call, Ctrl-C; the error must
# come within BOUND_MS
ctrl_c_bounded() {
    local name=$1 t0 ms
    sleep 1
    t0=$(now_ms)
    tmux_keys C-c
    check "$name: interrupted" tmux_wait '^error: interrupted$' 20
    ms=$(( $(now_ms) - t0 ))
    echo "# $name: Ctrl-C to error in ${ms} ms"
    check "$name: within ${BOUND_MS} ms (${ms} ms)" test "$ms" -lt "$BOUND_MS"
}

# interrupt NAME COMMAND: freeze, run COMMAND, Ctrl-C, time the prompt's
# return, thaw, and check the next command works.
n=0
interrupt() {
    local name=$1 cmd=$2
    n=$((n + 1))
    tmux_keys C-l
    "$TIER" freeze "$DIR"
    [ -n "$cmd" ] && { tmux_type "$cmd"; tmux_keys Enter; }
    ctrl_c_bounded "$name"
    check "$name: prompt back" tmux_wait "^lvsh .*$P"
    thaw
    tmux_keys C-l
    tmux_type "echo next$n; domstate test"; tmux_keys Enter
    check "$name: next command works" tmux_wait '^running$' 20
}

tmux_start "$LVSH" -c "'$URI'"
check "prompt" tmux_wait "$P" 10
tmux_type "vol-create-as default-pool bounded.img 1M"; tmux_keys Enter
check "a volume to download" tmux_wait "Vol bounded.img created" 10
interrupt list "list"
interrupt dominfo "dominfo test"
interrupt domstats "domstats"
interrupt vol-download "vol-download --pool default-pool bounded.img $T_SCRATCH/out.img"
# an event loop that is already waiting when the daemon stops
tmux_keys C-l
tmux_type "event --all --loop"; tmux_keys Enter
sleep 1
interrupt "event --loop" ""

# --timeout, set in the REPL
tmux_keys C-l
tmux_type "set timeout 2"; tmux_keys Enter
"$TIER" freeze "$DIR"
t0=$(now_ms)
tmux_type "list"; tmux_keys Enter
check "timeout: fails" tmux_wait '^error: timed out after 2 s$' 20
ms=$(( $(now_ms) - t0 ))
echo "# set timeout 2: failed after ${ms} ms"
check "timeout: not before 2 s (${ms} ms)" test "$ms" -ge 2000
thaw
tmux_type "set timeout 0"; tmux_keys Enter
tmux_type "domstate test"; tmux_keys Enter
check "timeout: next command works" tmux_wait '^running$' 20

# keepalive notices a frozen daemon at the prompt; the edited line survives
tmux_start "$LVSH" -k 1 -K 2 -c "'$URI'"
check "keepalive: prompt" tmux_wait "$P" 10
tmux_type "domstate test"; tmux_keys Enter
check "keepalive: connected" tmux_wait '^running$' 10
"$TIER" freeze "$DIR"
tmux_type "domst"
check "keepalive: loss reported" tmux_wait 'lost: keepalive timeout' 20
check "keepalive: the typed text is still there" tmux_wait "# domst$"
thaw
tmux_type "ate test"; tmux_keys Enter
check "keepalive: the line runs on a fresh connection" tmux_wait '^running$' 20

# A batch: Ctrl-C (SIGINT) stops it with status 130.
log=$T_SCRATCH/batch.out
"$TIER" freeze "$DIR"
{ echo "domstate test"; echo "list"; echo "echo not-reached"; sleep 30; } |
    "$LVSH" -c "$URI" > "$log" 2>&1 &
batch=$!   # the pipeline's last process: lvsh
sleep 1.5
t0=$(now_ms)
kill -INT "$batch"
for _ in $(seq 1 400); do grep -q 'interrupted' "$log" && break; sleep 0.05; done
ms=$(( $(now_ms) - t0 ))
thaw
wait "$batch" 2>/dev/null
echo "# batch: SIGINT to error in ${ms} ms"
check "batch: interrupted ($(cat "$log"))" grep -q '^<stdin>:1: error: interrupted$' "$log"
check "batch: stopped there" bash -c "! grep -q not-reached '$log'"

# One-shot: exit status 130.
"$TIER" freeze "$DIR"
"$LVSH" -c "$URI" list > "$log" 2>&1 &
one=$!
sleep 1.5
t0=$(now_ms)
kill -INT "$one"
wait "$one"
rc=$?
ms=$(( $(now_ms) - t0 ))
thaw
echo "# one-shot: SIGINT to exit in ${ms} ms"
check "one-shot: status 130 (got $rc)" test "$rc" = 130
check "one-shot: says interrupted" grep -q '^error: interrupted$' "$log"

# The secret prompt: Ctrl-C says interrupted.
QURI=$LVSH_TIER_QEMU
cat > "$T_SCRATCH/secret.xml" <<'X'
<secret ephemeral='no' private='yes'>
  <uuid>0b5d6c0e-7a44-4bcd-9f1e-2d5b9d1f0a15</uuid>
  <usage type='volume'><volume>/bounded/secret</volume></usage>
</secret>
X
virsh -q -c "$QURI" secret-define "$T_SCRATCH/secret.xml" >/dev/null
tmux_start "$LVSH" -c "'$QURI'"
check "secret: prompt" tmux_wait "$P" 10
tmux_type "secret-set-value 0b5d6c0e-7a44-4bcd-9f1e-2d5b9d1f0a15 --interactive"; tmux_keys Enter
check "secret: asks" tmux_wait 'Enter new value for secret:' 10
tmux_keys C-c
check "secret: Ctrl-C says interrupted" tmux_wait '^error: interrupted$' 10
check "secret: not 'no terminal'" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q 'no terminal'"
check "secret: one prompt after it" test "$(tmux_screen | grep -c '^lvsh [^ ]*#')" = 2
virsh -q -c "$QURI" secret-undefine 0b5d6c0e-7a44-4bcd-9f1e-2d5b9d1f0a15 >/dev/null

# console: the daemon freezes under a running console; ^] leaves raw mode
# at once, and Ctrl-C gives up on the stream's close.
G='bounded guest'
sed "s|<name>snap guest</name>|<name>$G</name>|" "$TOP/tests/fixtures/snapshot-guest.xml" \
    > "$T_SCRATCH/guest.xml"
virsh -q -c "$QURI" "define '$T_SCRATCH/guest.xml'" >/dev/null
virsh -q -c "$QURI" "start '$G'" >/dev/null
tmux_start "$LVSH" -c "'$QURI'"
check "console: prompt" tmux_wait "$P" 10
tmux_type "console '$G'"; tmux_keys Enter
check "console: attached" tmux_wait "^Connected to domain '$G'" 10
tmux_wait 'SeaBIOS' 20
"$TIER" freeze "$DIR"
tmux_keys 'C-]'
ctrl_c_bounded console
thaw
tmux_keys C-l
tmux_type "domstate '$G'"; tmux_keys Enter
check "console: next command works, the line echoed once" tmux_wait "^lvsh .*# domstate '$G'$" 20
check "console: running" tmux_wait '^running$' 20
virsh -q -c "$QURI" "destroy '$G'" >/dev/null 2>&1
virsh -q -c "$QURI" "undefine '$G'" >/dev/null 2>&1
tmux_done
