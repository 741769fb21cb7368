#!/bin/sh
# run.sh DIR: the fuzz tier.  Derives the seed corpus from the transcripts
# and fixtures (seeds.py), then runs every harness in DIR (built with gcc as
# plain drivers: the seeds, then LVSH_FUZZ_ITERS mutations each, a few
# seconds in all).  Each prints "NAME: N passed, N failed".
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-build/fuzz}
seeds=$(mktemp -d /tmp/lvsh-fuzz-seeds.XXXXXX)
trap 'rm -rf "$seeds"' EXIT
python3 "$here/seeds.py" "$seeds" || exit 1
rc=0
for t in "$dir"/fuzz_*; do
    [ -x "$t" ] || continue
    kind=$(python3 "$here/seeds.py" --kind "$(basename "$t")")
    ${LVSH_WRAPPER:-} "$t" "$seeds/$kind" || rc=1
done
exit $rc
