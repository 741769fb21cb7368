#!/usr/bin/env bash
# bench/complete.sh [N]: TAB latency with N (10000) domains over a remote
# connection: a generated test-driver fixture served by a private libvirtd
# (tests/daemon/tier.sh, needs root).  Prints the in-process TAB latency,
# cold and warm (bench/complete_bench.c), and the cost of one
# `lvsh complete` process, which is what the bash/zsh/fish scripts pay.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10000}
build=${BUILD:-build}
make -C "$top" --no-print-directory lvsh "$build/bench/complete_bench" >/dev/null
dir=$(mktemp -d /tmp/lvsh-bench.XXXXXX)
trap '"$top/tests/daemon/tier.sh" stop "$dir/tier"; rm -rf "$dir"' EXIT

# the fixture: N domains, every third one shut off
{
    echo '<node><cpu><mhz>2400</mhz><model>i686</model><active>4</active><nodes>1</nodes>'
    echo '<sockets>1</sockets><cores>4</cores><threads>1</threads></cpu><memory>8388608</memory>'
    for ((i = 0; i < n; i++)); do
        printf '<domain type="test" xmlns:test="http://libvirt.org/schemas/domain/test/1.0">'
        printf '<name>dom-%05d</name><memory>65536</memory><vcpu>1</vcpu>' "$i"
        printf '<os><type arch="i686">hvm</type></os><test:runstate>%d</test:runstate></domain>\n' \
            $((i % 3 == 0 ? 5 : 1))
    done
    echo '</node>'
} > "$dir/hosts.xml"

"$top/tests/daemon/tier.sh" start "$dir/tier"
uri="test+unix://$dir/hosts.xml?socket=$dir/tier/sock/libvirt-sock"
echo "$n domains over $uri"
echo "-- one process, repeated TABs (the REPL)"
"$top/$build/bench/complete_bench" "$uri" 50
echo "-- one 'lvsh complete' process per TAB (the shell scripts)"
for i in 1 2 3; do
    t0=$(date +%s%N)
    cnt=$("$top/lvsh" -c "$uri" complete -- start '' | wc -l)
    t1=$(date +%s%N)
    printf "lvsh complete -- start ''          %7.2f ms  (%d candidates)\n" \
        "$(echo "($t1 - $t0) / 1000000" | bc -l)" "$cnt"
done
