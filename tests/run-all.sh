#!/usr/bin/env bash
# run-all.sh: every test tier of lvsh.  Each tier prints lines ending in
# "N passed, N failed"; this script adds them up and prints the total last.
#   LVSH_BIN   the binary under test (default ./lvsh)
#   UNIT_DIR   where the unit test binaries are (default build/tests)
#   FUZZ_DIR   where the fuzz harnesses are (default build/fuzz)
#   TIERS      which tiers to run (default: lint unit fuzz transcripts virsh-suite tmux
#              asan; the asan tier runs the daemon tier, with lvsh under the
#              sanitizers: TIERS=daemon runs it with the plain build)
# As root the whole run happens in a network namespace of its own with only
# loopback up, so no test can reach off the machine even by mistake (the
# hermetic lint tier says which test would have tried).
set -u
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && [ -z "${LVSH_HERMETIC:-}" ] && command -v unshare >/dev/null; then
    export LVSH_HERMETIC=1
    exec unshare -n -- bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
export LVSH_BIN=${LVSH_BIN:-$PWD/lvsh}
UNIT_DIR=${UNIT_DIR:-$PWD/build/tests}
FUZZ_DIR=${FUZZ_DIR:-$PWD/build/fuzz}
TIERS=${TIERS:-lint unit fuzz transcripts virsh-suite tmux asan}
mkdir -p tests/out
total_pass=0
total_fail=0

# Add the counts of a tier's "N passed, N failed" lines.
tally() {
    local log=$1 p f
    read -r p f < <(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" |
        awk '{p+=$1; f+=$3} END {print p+0, f+0}')
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
}

run_tier() {
    local name=$1; shift
    local log=tests/out/$name.log start=$SECONDS
    echo "== $name"
    "$@" > "$log" 2>&1
    local rc=$?
    # per-file times ("# FILE: N s") stay in the log only
    grep -Ev '^ok |^# [^ ]+: [0-9.]+ s$' "$log" | tail -n 200
    if ! grep -Eq '[0-9]+ passed, [0-9]+ failed' "$log"; then
        echo "$name: 0 passed, 1 failed (the tier did not report; exit $rc)" | tee -a "$log"
    elif [ $rc -ne 0 ] && ! grep -Eq '[0-9]+ passed, [1-9][0-9]* failed' "$log"; then
        echo "$name: 0 passed, 1 failed (the tier exited $rc)" | tee -a "$log"
    fi
    tally "$log"
    echo "== $name: $((SECONDS - start)) s"
}

for tier in $TIERS; do
    case $tier in
    lint)
        run_tier lint python3 tests/lint/hermetic.py ;;
    unit)
        run_tier unit tests/unit/run.sh "$UNIT_DIR" ;;
    fuzz)
        run_tier fuzz tests/fuzz/run.sh "$FUZZ_DIR" ;;
    transcripts)
        # the files are independent: one per core at a time
        LVSH_TEST_JOBS=${LVSH_TEST_JOBS:-$(nproc)} \
            run_tier transcripts python3 tests/transcript.py tests/transcripts/*.t ;;
    virsh-suite)
        run_tier virsh-suite python3 tests/virsh-suite/run.py ;;
    tmux)
        run_tier tmux tests/tmux/run.sh ;;
    daemon)
        run_tier daemon tests/daemon/run.sh ;;
    asan)
        run_tier asan tests/asan.sh ;;
    *)
        echo "unknown tier $tier"; total_fail=$((total_fail + 1)) ;;
    esac
done

echo "== all tiers: $SECONDS s"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
