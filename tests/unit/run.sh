#!/bin/sh
# run.sh DIR: run every unit test binary in DIR (each prints its own counts).
dir=${1:-build/tests}
rc=0
for t in "$dir"/test_*; do
    [ -x "$t" ] || continue
    ${LVSH_WRAPPER:-} "$t" || rc=1
done
exit $rc
