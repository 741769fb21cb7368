#!/usr/bin/env bash
# make check-valgrind: the unit, transcript, tmux and daemon tiers with every
# lvsh process (and unit test binary) under memcheck.  An lvsh wrapper
# script goes in as LVSH_BIN, so the tmux and daemon scripts run lvsh under
# valgrind too, not only the transcripts.  Each process logs to
# tests/out/valgrind/PID.log; with -q a log holds only errors (invalid
# accesses, uninitialised values, definite leaks), so any non-empty log
# fails the run even when the test that started the process ignored its
# exit status.  Prints one "valgrind: N passed, N failed" line last.
#   LVSH_BIN  the binary under test (default ./lvsh)
#   UNIT_DIR  the unit test binaries (default build/tests)
#   TIERS     default "unit transcripts tmux daemon"
set -u
cd "$(dirname "$0")/.."
top=$PWD
bin=${LVSH_BIN:-$top/lvsh}
unit_dir=${UNIT_DIR:-$top/build/tests}
tiers=${TIERS:-unit transcripts tmux daemon}
logs=$top/tests/out/valgrind
rm -rf "$logs"
mkdir -p "$logs"

vg="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite"
vg="$vg --errors-for-leak-kinds=definite --track-origins=yes --num-callers=30"
vg="$vg --suppressions=$top/tests/valgrind.supp --log-file=$logs/%p.log"

wrapper=$top/tests/out/lvsh-valgrind
printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$vg" "$bin" > "$wrapper"
chmod +x "$wrapper"

start=$(date +%s)
other=""
for t in $tiers; do [ "$t" = unit ] || other="$other $t"; done
rc=0
out=$top/tests/out/valgrind-run.log
: > "$out"
if [[ " $tiers " == *" unit "* ]]; then
    LVSH_WRAPPER="$vg" UNIT_DIR="$unit_dir" TIERS=unit tests/run-all.sh >> "$out" 2>&1 || rc=1
fi
if [ -n "$other" ]; then
    # valgrind makes each lvsh start take about a second: longer timeouts
    LVSH_BIN=$wrapper LVSH_WRAPPER="" LVSH_TEST_TIMEOUT=${LVSH_TEST_TIMEOUT:-600} \
        TIERS="$other" tests/run-all.sh >> "$out" 2>&1 || rc=1
fi
grep -Ev '^(ok |[0-9]+ passed, [0-9]+ failed$)' "$out"

# the tiers' counts, plus one check per process log: empty means clean
read -r pass fail < <(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" |
    awk '{p+=$1; f+=$3} END {print p+0, f+0}')
bad=0
nlogs=0
for l in "$logs"/*.log; do
    [ -e "$l" ] || continue
    nlogs=$((nlogs + 1))
    if [ -s "$l" ]; then
        bad=$((bad + 1))
        [ $bad -le 5 ] && { echo "--- valgrind errors in $(basename "$l"):"; head -n 60 "$l"; }
    fi
done
echo "valgrind: $nlogs processes checked, $bad with errors, $(( $(date +%s) - start ))s"
[ $bad -eq 0 ] && pass=$((pass + 1)) || fail=$((fail + 1))
echo "valgrind: $pass passed, $fail failed"
[ $rc -eq 0 ] && [ "$fail" -eq 0 ]
