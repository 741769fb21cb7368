#!/usr/bin/env bash
# The sanitizer tier of make check: the unit, fuzz and daemon tiers with lvsh
# built under AddressSanitizer + UBSan (make check-asan; that target alone
# runs the transcript and tmux tiers under the sanitizers too, which would
# triple their time here: a sanitized lvsh takes 3x the CPU to start and exit).
# Prints the failures, each part's wall time and one "asan: N passed, N
# failed" line.
cd "$(dirname "$0")/.."
log=tests/out/asan-run.log
mkdir -p tests/out
start=$SECONDS
make --no-print-directory -s check-asan-build > "$log" 2>&1
echo "== asan build: $((SECONDS - start)) s"
TIERS="unit fuzz daemon" make --no-print-directory -s check-asan >> "$log" 2>&1
rc=$?
grep -E '^(not ok|FAIL|==[0-9]+==|SUMMARY|.*runtime error)' "$log" | head -n 60
grep -E '^== [a-z-]+: [0-9]+ s$' "$log" | sed 's/^== /== asan /'
last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
if [ -z "$last" ]; then
    tail -n 30 "$log"
    echo "asan: 0 passed, 1 failed (the sanitizer build or run broke; exit $rc)"
    exit 1
fi
echo "asan: $last"
exit $rc
