#!/usr/bin/env bash
# The sanitizer tier of make check: the unit, transcript and daemon tiers
# again, with lvsh built under AddressSanitizer + UBSan (make check-asan).
# Prints the failures and one "asan: N passed, N failed" line.
cd "$(dirname "$0")/.."
log=tests/out/asan-run.log
mkdir -p tests/out
TIERS="unit transcripts daemon" make --no-print-directory -s check-asan > "$log" 2>&1
rc=$?
grep -E '^(not ok|FAIL|==[0-9]+==|SUMMARY|.*runtime error)' "$log" | head -n 60
last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
if [ -z "$last" ]; then
    tail -n 30 "$log"
    echo "asan: 0 passed, 1 failed (the sanitizer build or run broke; exit $rc)"
    exit 1
fi
echo "asan: $last"
exit $rc
