#!/usr/bin/env bash
# test_rpc_counts.sh: every list command costs a constant number of round
# trips whatever the number of objects.
#
# Each listing runs once against a fixture of N=100 and once against
# N=1,000 objects (bench/gen_fixture.py: domains, networks, pools, volumes,
# interfaces, node devices, snapshots) served by a private libvirtd over
# test+unix, and against 100 then 1,000 secrets and network filters in the
# daemon's real drivers.  The RPC calls the client sends are counted from
# libvirt's own client log (the RPC_CLIENT_MSG_TX_QUEUE probe, keepalives
# left out).  "const" listings must send as many calls at both sizes; a
# regression to one call per object fails here.
#
# Columns that libvirt can only give one object at a time ("per K": K calls
# per listed object, checked exactly) are the documented exceptions, each
# said in the command's help too:
#   list --title         the title (virDomainGetMetadata; no bulk form)
#   pool-list --details  sizes (virStoragePoolGetInfo; JSON has them too)
#   vol-list             the path column (virStorageVolGetPath), --details
#                        and JSON add the sizes (virStorageVolGetInfo)
#   snapshot-list        the table's creation time and state (the XML of each);
#                        --tree the parent of each; --name needs neither
#   nodedev-list --tree  the parent of each device
# (each of those, and the independent calls of one command, are made many
# at a time: src/parallel.c; the count is the same, the round trips few).
# Not covered: nwfilter-binding-list and net-port-list (bindings and ports
# need running guests on real bridges; each is one bulk call by design).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
lvsh=${LVSH_BIN:-$top/lvsh}
pass=0
fail=0
dir=$(mktemp -d /tmp/lvsh-rpc.XXXXXX)

# The tier's daemon when run by run.sh (fixtures open private test-driver
# instances; the secrets and filters defined here are undefined on exit),
# else a private one.
cleanup() {
    if [ -n "${qemu:-}" ] && [ -s "$dir/undefine.lvsh" ]; then
        "$lvsh" -q --on-error=continue -c "$qemu" -f "$dir/undefine.lvsh" >/dev/null 2>&1
    fi
    [ -d "$dir/tier" ] && "$here/tier.sh" stop "$dir/tier" >/dev/null 2>&1
    rm -rf "$dir"
}
trap cleanup EXIT
if [ -n "${LVSH_TIER_SOCK:-}" ]; then
    sock=$LVSH_TIER_SOCK
elif "$here/tier.sh" start "$dir/tier" >/dev/null 2>&1; then
    sock=$dir/tier/sock/libvirt-sock
else
    echo "rpc-counts: 0 passed, 1 failed (the private libvirtd did not start)"
    exit 1
fi
qemu="qemu+unix:///system?socket=$sock"
small=100
big=1000
for n in $small $big; do
    python3 "$top/bench/gen_fixture.py" $n "$dir/node-$n.xml"
done
uri_of() { echo "test+unix://$dir/node-$1.xml?socket=$sock"; }

# rpcs URI LINE: the RPC calls lvsh sends to connect and run LINE
rpcs() {
    local log=$dir/rpc.log
    rm -f "$log"
    LIBVIRT_LOG_FILTERS="1:rpc" LIBVIRT_LOG_OUTPUTS="1:file:$log" \
        "$lvsh" -q -c "$1" "$2" >/dev/null 2>"$dir/err" || {
        echo "   (exited $?: $(head -c 200 "$dir/err"))" >&2
        echo -1
        return
    }
    grep 'RPC_CLIENT_MSG_TX_QUEUE' "$log" | grep ' type=0 ' | grep -vc ' prog=1801807216 '
}

# verdict STATUS OK FAIL: count one test by STATUS (0 passes) and print
# "ok OK" (nothing when OK is empty) or "FAIL FAIL"
verdict() {
    if [ "$1" -eq 0 ]; then
        pass=$((pass + 1))
        [ -z "$2" ] || echo "ok $2"
    else
        fail=$((fail + 1))
        echo "FAIL $3"
    fi
}

# check SMALL_URI BIG_URI LINE EXPECT [OBJECTS_ADDED]
#   EXPECT: const, or per:K with K calls per object (OBJECTS_ADDED more at big)
check() {
    local a b want delta what=$3
    a=$(rpcs "$1" "$3")
    b=$(rpcs "$2" "$3")
    case $4 in
    const) want=$a ;;
    per:*) want=$((a + ${4#per:} * $5)) ;;
    esac
    delta=$((b - a))
    [ "$a" -ge 0 ] && [ "$b" -ge 0 ] && [ "$b" -eq "$want" ]
    verdict $? "$what: $a calls at N=$small, $b at N=$big ($4)" \
        "$what: $a calls at N=$small, $b at N=$big (+$delta), expected $4 (${want} at N=$big)"
}

S=$(uri_of $small)
B=$(uri_of $big)
more=$((big - small))
pools_more=$((big / 10 - small / 10))

for line in "list" "list --all" "list --inactive" "list --all --name" "list --all --uuid" \
    "list --all --id" "list --all --table" "list --all --managed-save" "list --all --json" \
    "list --persistent" "list --transient --all" "list --autostart --all" \
    "list --no-autostart --all" "list --with-snapshot --all" "list --without-snapshot --all" \
    "list --state-running" "list --state-shutoff --name" "list --state-paused --uuid" \
    "list --with-managed-save --all" "list --without-managed-save --all --name" \
    "net-list" "net-list --all" "net-list --inactive" "net-list --all --name" \
    "net-list --all --uuid" "net-list --persistent" "net-list --autostart" \
    "net-list --all --json" \
    "pool-list" "pool-list --all" "pool-list --all --name" "pool-list --all --uuid" \
    "pool-list --type dir" \
    "iface-list" "iface-list --all" "iface-list --inactive" "iface-list --all --json" \
    "nodedev-list" "nodedev-list --all" "nodedev-list --cap pci" "nodedev-list --json" \
    "snapshot-list vm-00000 --name" "snapshot-list vm-00000 --roots --name" \
    "snapshot-list vm-00000 --leaves --name" \
    "complete -- domstate ''" "complete -- net-info ''" "complete -- vol-info --pool pool-0000 ''" \
    "dominfo vm-00001" "domstate vm-00001"; do
    check "$S" "$B" "$line" const
done

check "$S" "$B" "list --all --title" per:1 $more
check "$S" "$B" "pool-list --all --details" per:1 $pools_more
check "$S" "$B" "pool-list --all --json" per:1 $pools_more
check "$S" "$B" "vol-list pool-0000" per:1 $more
check "$S" "$B" "vol-list pool-0000 --details" per:2 $more
check "$S" "$B" "vol-list pool-0000 --json" per:2 $more
check "$S" "$B" "snapshot-list vm-00000" per:1 $more
check "$S" "$B" "snapshot-list vm-00000 --parent" per:1 $more
check "$S" "$B" "snapshot-list vm-00000 --tree" per:1 $more
check "$S" "$B" "nodedev-list --tree" per:1 $more

# One-shot and -f runs do not register a close callback (two round trips
# a process that exits does not need); the REPL does (tests/daemon/
# test_faults.sh sees the reason of a loss there).  dominfo is its lookup
# and eight calls.
procs() {   # procs URI ARGS...: the procedure numbers lvsh calls
    local log=$dir/procs.log
    rm -f "$log"
    LIBVIRT_LOG_FILTERS="1:rpc" LIBVIRT_LOG_OUTPUTS="1:file:$log" \
        "$lvsh" -q -c "$@" >/dev/null 2>&1
    grep 'RPC_CLIENT_MSG_TX_QUEUE' "$log" | grep ' type=0 ' | grep -v ' prog=1801807216 ' |
        grep -o ' proc=[0-9]*' | tr -d ' '
}
printf 'domstate vm-00001\ndominfo vm-00001\n' > "$dir/pair.lvsh"
for run in "one-shot:domstate vm-00001" "-f:-f $dir/pair.lvsh"; do
    # shellcheck disable=SC2086
    p=$(procs "$S" ${run#*:})
    [ -n "$p" ] && ! grep -Eq '^proc=(360|361)$' <<<"$p"
    verdict $? "${run%%:*}: no close-callback calls" \
        "${run%%:*}: close callback registered (or no calls): $(echo $p)"
done
a=$(procs "$S" "domstate vm-00001" | wc -l)
b=$(procs "$S" "dominfo vm-00001" | wc -l)
[ $((b - a)) -eq 7 ]
verdict $? "dominfo: the lookup and 8 calls ($b calls in all, domstate $a)" \
    "dominfo: $b calls in all, domstate $a; expected 7 more (8 calls, not 1)"

# secrets and network filters come from the daemon's real drivers: define
# 100, count, define 900 more, count again
define() {   # define FROM TO: secrets and filters FROM..TO-1, in one lvsh -f
    local i script=$dir/define.lvsh
    : > "$script"
    for ((i = $1; i < $2; i++)); do
        printf "<secret ephemeral='no' private='no'><uuid>30000000-0000-4000-8000-%012d</uuid>%s\n" \
            $i "<usage type='volume'><volume>/rpc/v$i.img</volume></usage></secret>" \
            > "$dir/s$i.xml"
        printf "<filter name='rpc-%05d' chain='ipv4'><rule action='accept' direction='out'%s\n" \
            $i " priority='500'><ip srcipaddr='10.0.$((i / 250)).$((i % 250))'/></rule></filter>" \
            > "$dir/f$i.xml"
        echo "secret-define $dir/s$i.xml" >> "$script"
        echo "nwfilter-define $dir/f$i.xml" >> "$script"
        printf 'secret-undefine 30000000-0000-4000-8000-%012d\nnwfilter-undefine rpc-%05d\n' \
            $i $i >> "$dir/undefine.lvsh"
    done
    "$lvsh" -q -c "$qemu" -f "$script" >/dev/null
}
real_lines=("secret-list" "secret-list --json" "secret-list --ephemeral" "nwfilter-list"
            "nwfilter-list --json")
define 0 $small
declare -A at_small
for line in "${real_lines[@]}"; do
    at_small[$line]=$(rpcs "$qemu" "$line")
done
define $small $big
for line in "${real_lines[@]}"; do
    b=$(rpcs "$qemu" "$line")
    a=${at_small[$line]}
    [ "$a" -ge 0 ] && [ "$a" -eq "$b" ]
    verdict $? "$line: $a calls at N=$small, $b at N=$big (const, real driver)" \
        "$line: $a calls at N=$small, $b at N=$big, expected const (real driver)"
done
# the listings counted did list the objects
count_lines() {   # count_lines URI LINE PATTERN WANT
    local n
    n=$("$lvsh" -q -c "$1" "$2" 2>/dev/null | grep -c -- "$3")
    [ "$n" = "$4" ]
    verdict $? "" "$2 lists $n objects matching '$3', not $4"
}
count_lines "$B" "list --all --name" "^vm-" $big
count_lines "$B" "net-list --all --name" "^net-" $big
count_lines "$B" "vol-list pool-0000" "vol-0-" $big
count_lines "$B" "iface-list --all" " eth" $big
count_lines "$B" "nodedev-list" "^pci_" $big
count_lines "$B" "snapshot-list vm-00000 --name" "^snap-" $big
count_lines "$qemu" "secret-list" "30000000-" $big
count_lines "$qemu" "nwfilter-list" "rpc-" $big

echo "rpc-counts: $pass passed, $fail failed"
[ $fail -eq 0 ]
