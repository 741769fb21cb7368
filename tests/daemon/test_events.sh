#!/usr/bin/env bash
# Events from a second client, through the private libvirtd's shared test
# driver (LVSH_TIER_TEST): one lvsh waits for events while virsh changes
# domains, networks and pools.  (The daemon keeps the test driver's state
# only while a client is connected, so changes happen while lvsh listens.)  Checks the JSON lines, virsh-identical
# text, --timestamp, the object filter, one-event mode, Ctrl-C, and a daemon
# that dies during the loop.  Prints "events: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
T_NAME=events
. "$here/lib.sh"   # LVSH, ok, pass and fail
URI=${LVSH_TIER_TEST:?run me through tests/daemon/run.sh}
scratch=$(mktemp -d /tmp/lvsh-events.XXXXXX)


vs() { virsh -q -c "$URI" "$@" >/dev/null; }

# How long a listener waits for the events a test causes.  Generous: on a
# busy machine the virsh calls that cause them take seconds, and a listener
# whose --timeout ends before they do reports too few.
W=${LVSH_EVENT_WINDOW:-15}

# A client is listening once its calls (libvirt's own client log: calls
# and replies, keepalives left out) are all answered and none was sent for
# 2 s: registering is a run of calls, then it waits.  A fixed sleep was too
# short on a busy machine: events came before the callbacks were in place.
wait_listening() {  # wait_listening LOG
    local log=$1 calls replies now last="" since=$SECONDS start=$SECONDS
    while [ $((SECONDS - start)) -lt 120 ]; do
        calls=$(grep 'RPC_CLIENT_MSG_TX_QUEUE' "$log" 2>/dev/null | grep ' type=0 ' |
            grep -vc ' prog=1801807216 ')
        replies=$(grep 'RPC_CLIENT_MSG_RX' "$log" 2>/dev/null | grep ' type=1 ' |
            grep -vc ' prog=1801807216 ')
        now="$calls/$replies"
        [ "$now" = "$last" ] || since=$SECONDS
        last=$now
        if [ "$calls" -gt 0 ] && [ "$calls" = "$replies" ] && [ $((SECONDS - since)) -ge 2 ]; then
            return 0
        fi
        sleep 0.2
    done
    echo "# a listener never settled: $now calls/replies in $log" >&2
}

# Start a waiting lvsh in the background; return once it listens.
listen() {  # listen OUTFILE ARGS...
    local out=$1
    shift
    LIBVIRT_LOG_FILTERS=1:rpc LIBVIRT_LOG_OUTPUTS="1:file:$out.rpc" \
        "$LVSH" -c "$URI" "$@" >"$out" 2>"$out.err" &
    echo $! >"$out.pid"
    wait_listening "$out.rpc"
}

finish() { wait "$(cat "$1.pid")"; echo $? >"$1.rc"; }

# ---- every family as JSON lines, from another client -------------------
listen "$scratch/all.json" --json events --loop --timeout $W
vs destroy test
vs start test
vs suspend test
vs resume test
vs net-destroy default
vs net-start default
vs pool-refresh default-pool
finish "$scratch/all.json"

check_all_json() {
    python3 - "$scratch/all.json" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
recs = [json.loads(l) for l in lines]          # every line is one JSON object
events, summary = recs[:-1], recs[-1]
got = [(e["family"], e["event"], e["name"], e["details"].get("event"),
        e["details"].get("detail")) for e in events]
want = [("domain", "lifecycle", "test", "Stopped", "Destroyed"),
        ("domain", "lifecycle", "test", "Started", "Booted"),
        ("domain", "lifecycle", "test", "Suspended", "Paused"),
        ("domain", "lifecycle", "test", "Resumed", "Unpaused"),
        ("network", "lifecycle", "default", "Stopped", None),
        ("network", "lifecycle", "default", "Started", None),
        ("pool", "refresh", "default-pool", None, None)]
assert got == want, got
assert all(len(e["uuid"]) == 36 and e["timestamp"].endswith("Z") for e in events)
assert summary == {"events_received": 7, "end": "timeout"}, summary
PY
}
ok "events --json: one object per event, decoded, then the count" check_all_json
ok "events --json exits 0 at the timeout" test "$(cat "$scratch/all.json.rc")" = 0
ok "events warns (as JSON) about the family the test driver lacks" \
    grep -q '^{"warning":"secret events are not available' "$scratch/all.json.err"

# ---- text identical to virsh's, for each family command ----------------
for fam in "event --all" "net-event --event lifecycle" "pool-event --event lifecycle"; do
    name=${fam%% *}
    # shellcheck disable=SC2086
    listen "$scratch/$name.lvsh" $fam --loop --timeout $W
    # shellcheck disable=SC2086
    LIBVIRT_LOG_FILTERS=1:rpc LIBVIRT_LOG_OUTPUTS="1:file:$scratch/$name.virsh.rpc" \
        virsh -c "$URI" $fam --loop --timeout $W >"$scratch/$name.virsh" 2>&1 &
    vpid=$!
    wait_listening "$scratch/$name.virsh.rpc"
    vs destroy test
    vs start test
    vs net-destroy default
    vs net-start default
    vs pool-destroy default-pool
    vs pool-start default-pool
    vs pool-refresh default-pool
    finish "$scratch/$name.lvsh"
    wait $vpid
    # virsh's stderr is in its file: libvirt's own log lines (a keepalive
    # warning on a busy machine) are not part of the comparison
    ok "$name text is virsh's" diff "$scratch/$name.lvsh" \
        <(grep -Ev '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.+]+: [0-9]+: (info|warning|error) : ' \
            "$scratch/$name.virsh")
done
ok "pool-event saw the pool stop" \
    grep -qx "event 'lifecycle' for storage pool default-pool: Stopped" "$scratch/pool-event.lvsh"

# ---- --timestamp, object filter by name and pool by target path ---------
listen "$scratch/filter.txt" event test --all --loop --timeout $((W + 6)) --timestamp
listen "$scratch/nofilter.txt" event --all --loop --timeout $((W + 3))
listen "$scratch/path.txt" pool-event --pool /default-pool/ --event refresh --loop --timeout $W
vs define /dev/stdin <<'XML'
<domain type='test'><name>other ünï</name><memory>8192</memory>
<os><type>hvm</type></os></domain>
XML
vs start 'other ünï'
vs destroy 'other ünï'
vs destroy test
vs start test
vs pool-refresh default-pool
finish "$scratch/filter.txt"
finish "$scratch/nofilter.txt"
finish "$scratch/path.txt"
ts='[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}\+0000'
ok "--timestamp prefixes virsh's timestamp" \
    grep -Eqx "$ts: event 'lifecycle' for domain 'test': Stopped Destroyed" "$scratch/filter.txt"
ok "the domain filter keeps other domains' events out" \
    grep -qx "events received: 2" "$scratch/filter.txt"
ok "without the filter they arrive, UTF-8 name intact" \
    grep -qx "event 'lifecycle' for domain 'other ünï': Started Booted" "$scratch/nofilter.txt"
ok "a pool found by its target path gets its refresh event" \
    grep -qx "event 'refresh' for storage pool default-pool" "$scratch/path.txt"

# ---- without --loop: the first event ends the wait ---------------------
listen "$scratch/once.txt" event --all --timeout 60
vs 'suspend test; resume test'
finish "$scratch/once.txt"
ok "without --loop one event is printed" \
    test "$(cat "$scratch/once.txt")" = "event 'lifecycle' for domain 'test': Suspended Paused
events received: 1"

# ---- Ctrl-C ends the loop cleanly --------------------------------------
listen "$scratch/int.txt" events --loop
kill -INT "$(cat "$scratch/int.txt.pid")"
finish "$scratch/int.txt"
ok "Ctrl-C: 'event loop interrupted' and the count" \
    test "$(cat "$scratch/int.txt")" = "event loop interrupted
events received: 0"
# as every interrupted command (issue 15): status 130 and "error: interrupted"
ok "Ctrl-C: exit status 130" test "$(cat "$scratch/int.txt.rc")" = 130
ok "Ctrl-C: says so on stderr" grep -qx "error: interrupted" "$scratch/int.txt.err"

# ---- the daemon dies during the loop: an error, not a hang -------------
dir2=$(mktemp -d /tmp/lvsh-tier2.XXXXXX)
if "$here/tier.sh" start "$dir2" >/dev/null 2>&1; then
    uri2="test+unix:///default?socket=$dir2/sock/libvirt-sock"
    LIBVIRT_LOG_FILTERS=1:rpc LIBVIRT_LOG_OUTPUTS="1:file:$scratch/lost.rpc" \
        "$LVSH" -c "$uri2" event --all --loop >"$scratch/lost.txt" 2>&1 &
    lpid=$!
    wait_listening "$scratch/lost.rpc"
    "$here/tier.sh" stop "$dir2" >/dev/null 2>&1
    for _ in $(seq 1 600); do kill -0 $lpid 2>/dev/null || break; sleep 0.1; done
    if kill -0 $lpid 2>/dev/null; then
        kill $lpid
        echo "lvsh still waiting 60s after the daemon died" >>"$scratch/lost.txt"
    fi
    wait $lpid
    rc=$?
    ok "losing the daemon ends the loop with status 1" test $rc = 1
    ok "losing the daemon is reported" grep -Eq \
        "^error: event loop ended after 0 events: connection to '.*' lost" "$scratch/lost.txt"
else
    ok "a second private libvirtd starts" false
fi
rm -rf "$dir2"

if [ $fail -ne 0 ]; then
    for f in "$scratch"/*; do case $f in *.rpc) continue ;; esac; echo "--- $f"; cat "$f"; done
fi
rm -rf "$scratch"
echo "events: $pass passed, $fail failed"
[ $fail -eq 0 ]
