#!/usr/bin/env bash
# The real-daemon tier: start private libvirtds (tier.sh), run every
# tests/daemon/*.t transcript and tests/daemon/test_*.sh script against them,
# and tear it all down, keeping the daemon logs in tests/out/ on failure.
#
# Most of the tier's time is spent waiting (guests booting, event windows,
# deadlines), so LVSH_DAEMON_JOBS workers (default: one more than the cores)
# run at once, each with a daemon of its own, taking the next piece of work
# from one queue: each .t file and each script is a piece, long ones first.
# Every piece leaves its daemon as it found it.  Every piece's
# output is printed whole, in a fixed order, with its wall time.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
jobs=${LVSH_DAEMON_JOBS:-$(($(nproc) + 1))}
work=$(mktemp -d /tmp/lvsh-daemon-run.XXXXXX)
dirs=()
rc=0

cleanup() {
    local d i=0
    if [ $rc -ne 0 ]; then
        rm -rf "$top/tests/out/daemon-logs"
        mkdir -p "$top/tests/out/daemon-logs"
    fi
    for d in "${dirs[@]}"; do
        i=$((i + 1))
        if [ $rc -ne 0 ]; then
            "$here/tier.sh" stop "$d" --keep-logs
            cp -r "$d/logs" "$top/tests/out/daemon-logs/$i" 2>/dev/null
            rm -rf "$d"
        else
            "$here/tier.sh" stop "$d"
        fi
    done
    [ $rc -eq 0 ] || echo "daemon logs kept in tests/out/daemon-logs"
    rm -rf "$work"
}
trap cleanup EXIT

start_daemon() {  # start_daemon N: the daemon of worker N
    local d
    d=$(mktemp -d /tmp/lvsh-tier.XXXXXX)
    echo "$d" > "$work/dir.$1"
    "$here/tier.sh" start "$d" > "$work/start.$1" 2>&1 && touch "$work/up.$1"
}

# the first start creates the users and groups libvirtd needs; the others,
# started together, find them there
start_daemon 1
for i in $(seq 2 "$jobs"); do start_daemon "$i" & done
wait
for i in $(seq 1 "$jobs"); do
    [ -s "$work/dir.$i" ] && dirs+=("$(cat "$work/dir.$i")")
    [ -e "$work/up.$i" ] && continue
    cat "$work/start.$i"
    rc=1
done
if [ $rc -ne 0 ]; then
    echo "daemon: 0 passed, 1 failed (a private libvirtd did not start)"
    exit 1
fi
export LVSH_TIER_SH="$here/tier.sh"

# The queue: one line per piece, the long ones first (the order is only a
# schedule: a piece may run on any worker's daemon, after any other piece).
long=(test_rpc_counts.sh test_events.sh test_fleet.sh domain_lifecycle.t test_bounded.sh
    test_guest_restart.sh test_domain_block.sh test_storage.sh test_console.sh net.t)
queue=$work/queue
{
    shopt -s nullglob
    for t in "${long[@]}"; do
        [ -f "$here/$t" ] && echo "$here/$t"
    done
    for t in "$here"/*.t "$here"/test_*.sh; do
        case " ${long[*]} " in *" ${t##*/} "*) ;; *) echo "$t" ;; esac
    done
} > "$queue"
cp "$queue" "$work/order"

take() {  # the next piece, or fail when the queue is empty
    (
        flock 9
        line=$(head -n 1 "$queue")
        [ -n "$line" ] || exit 1
        sed -i 1d "$queue"
        echo "$line"
    ) 9> "$queue.lock"
}

run_piece() {  # run_piece PIECE: its output on stdout, its status
    local piece=$1
    if [ "${piece%.t}" != "$piece" ]; then
        python3 "$top/tests/transcript.py" "$piece"
    elif [ "${piece##*/}" = test_rpc_counts.sh ] && [ -n "${LVSH_PLAIN_BIN:-}" ]; then
        # RPC counts do not depend on how lvsh was built; under libvirt's
        # RPC log a sanitized one-shot lvsh now and then reports the 80-byte
        # error libvirt's RPC client loses when the daemon's hang-up races
        # virConnectClose (tests/lsan.supp says why it is not suppressed)
        LVSH_BIN=$LVSH_PLAIN_BIN bash "$piece"
    else
        bash "$piece"
    fi
}

worker() {  # worker N: take pieces until none is left, on daemon N
    local n=$1 piece name start
    eval "$("$here/tier.sh" env "$(cat "$work/dir.$n")")"
    export LVSH_TIER_DIR LVSH_TIER_SOCK LVSH_TIER_QEMU LVSH_TIER_TEST
    while piece=$(take); do
        name=${piece##*/}
        start=$SECONDS
        run_piece "$piece" > "$work/$name.log" 2>&1
        echo $? > "$work/$name.rc"
        case $name in  # transcript.py says its file's time itself
        *.sh) echo "# tests/daemon/$name: $((SECONDS - start)) s" >> "$work/$name.log" ;;
        esac
    done
}

for i in $(seq 1 "$jobs"); do worker "$i" & done
wait

while read -r piece; do
    name=${piece##*/}
    cat "$work/$name.log"
    [ "$(cat "$work/$name.rc" 2>/dev/null)" = 0 ] || rc=1
done < "$work/order"
exit $rc
