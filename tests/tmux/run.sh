#!/usr/bin/env bash
# run.sh: every tests/tmux/test_*.sh (each prints "NAME: N passed, N failed").
here=$(cd "$(dirname "$0")" && pwd)
rc=0
for t in "$here"/test_*.sh; do
    [ -f "$t" ] || continue
    bash "$t" || rc=1
done
exit $rc
