#!/usr/bin/env bash
# run.sh: every tests/tmux/test_*.sh (each prints "NAME: N passed, N failed").
# The scripts are independent (each its own tmux servers and scratch home)
# and mostly wait on a screen, so LVSH_TEST_JOBS of them run at once; each
# one's output is printed whole, in order.
here=$(cd "$(dirname "$0")" && pwd)
jobs=${LVSH_TEST_JOBS:-$(nproc)}
out=$(mktemp -d /tmp/lvsh-tmux-run.XXXXXX)
trap 'rm -rf "$out"' EXIT
scripts=("$here"/test_*.sh)
[ -f "${scripts[0]}" ] || exit 0
printf '%s\n' "${scripts[@]}" |
    xargs -P "$jobs" -I{} sh -c 'bash "$1" > "$2/$(basename "$1").log" 2>&1; echo $? > "$2/$(basename "$1").rc"' _ {} "$out"
rc=0
for t in "${scripts[@]}"; do
    name=$(basename "$t")
    cat "$out/$name.log"
    [ "$(cat "$out/$name.rc" 2>/dev/null)" = 0 ] || rc=1
done
exit $rc
