#!/usr/bin/env bash
# Fleets against real daemons (issue 19): a private fleet (fleet.sh: fixture
# hosts of 3 to 200 domains, two test:///default hosts, a dead socket, a
# frozen daemon, a blackholed address, two QEMU hosts and one over qemu+ssh)
# and lvsh run in its client's network namespace.  Every fleet result is
# compared with what lvsh prints for that host alone; the bad hosts must
# cost their connect deadline, not more.  Run by tests/daemon/run.sh (it
# needs no LVSH_TIER_* of its own: the fleet is started here).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
T_NAME=fleet
. "$here/lib.sh"   # LVSH, ok, pass and fail
FLEET=$here/fleet.sh
T0=$SECONDS
work=$(mktemp -d /tmp/lvsh-fleet-test.XXXXXX)
F=$work/fleet
# the bad hosts' deadline, and how much longer than it a command may take on
# a busy machine (the point: far less than TCP's ~130 s, and no hang)
DEADLINE=5
SLACK=30


cleanup() {
    if [ -n "${QA:-}" ]; then
        for u in "$QA" "$QB"; do
            virsh -q -c "$u" destroy mig1 > /dev/null 2>&1
            virsh -q -c "$u" undefine mig1 > /dev/null 2>&1
        done
    fi
    "$FLEET" stop "$F" > /dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state \
    XDG_CACHE_HOME=$work/cache LC_ALL=C.UTF-8
unset LIBVIRT_DEFAULT_URI VIRSH_DEFAULT_CONNECT_URI LVSH_DEFAULT_URI
if ! "$FLEET" start "$F" > "$work/start.log" 2>&1; then
    cat "$work/start.log"
    echo "fleet: 0 passed, 1 failed (the fleet did not start)"
    exit 1
fi
echo "# fleet started in $((SECONDS - T0)) s"
eval "$("$FLEET" env "$F")"
export LVSH_HOSTS
RUN=$LVSH_FLEET_RUN

uri_of() {  # uri_of HOST: its URI in the inventory (ranges expanded)
    local line
    line=$(grep -E "^$1 " "$F/hosts" || grep -E "^kvm\[01-03\] " "$F/hosts")
    line=${line#* }
    echo "${line//kvm\[01-03\]/$1}"
}
QA=$(uri_of qa)
QB=$(uri_of qb)

# lv ARGS...: lvsh in the client's namespace; out, err, rc and ms (elapsed)
lv() {
    local t0=${EPOCHREALTIME/./}
    $RUN "$LVSH" "$@" > "$work/out" 2> "$work/err"
    rc=$?
    ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
}
# lv_bg TAG ARGS...: the same in the background (the runs that wait for
# their deadline go together); take TAG waits for it and sets what lv sets
lv_bg() {
    local tag=$1
    shift
    (
        t0=${EPOCHREALTIME/./}
        $RUN "$LVSH" "$@" > "$work/$tag.out" 2> "$work/$tag.err"
        echo $? > "$work/$tag.rc"
        echo $(( (${EPOCHREALTIME/./} - t0) / 1000 )) > "$work/$tag.ms"
    ) &
    echo $! > "$work/$tag.pid"
}
take() {
    local pid
    pid=$(cat "$work/$1.pid")
    while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done
    cp "$work/$1.out" "$work/out"
    cp "$work/$1.err" "$work/err"
    rc=$(cat "$work/$1.rc")
    ms=$(cat "$work/$1.ms")
}

# what waits for the bad hosts' deadline runs meanwhile
lv_bg badlist --connect-timeout $DEADLINE -c kvm01,@bad list --all
lv_bg badjson --connect-timeout $DEADLINE -c kvm01,@bad list --all --json
lv_bg badhosts --connect-timeout $DEADLINE -c kvm01,@bad hosts
lv_bg badwhere --connect-timeout $DEADLINE -c kvm01,frozen where kvm01-00002
# one host at a time (--fanout 1): the blackhole, queued behind kvm01's
# 8 s command, opens meanwhile, so its deadline ends with that command
# instead of 8 s after it (then: 16 s and more)
lv_bg queued --fanout 1 --connect-timeout 8 -c kvm01,blackhole event --all --loop --timeout 8
# routing with hosts that do not answer (a short deadline: the point is
# the status and the message, not the wait)
lv_bg routefound --connect-timeout 2 -c kvm02,frozen,blackhole domstate kvm02-00003
lv_bg routenone --connect-timeout 2 -c kvm02,blackhole domstate nosuch
printf 'use kvm01,frozen\nlist --all\nhosts\n' > "$work/batch"
lv_bg badbatch --on-error=continue --connect-timeout $DEADLINE -f "$work/batch"
# Ctrl-C once the fast host has surely answered (ms: from Ctrl-C to the end)
(
    $RUN "$LVSH" --connect-timeout 300 -c kvm01,frozen,blackhole list --all \
        > "$work/ctrlc.out" 2> "$work/ctrlc.err" &
    pid=$!
    sleep 5
    t0=${EPOCHREALTIME/./}
    kill -INT $pid
    wait $pid
    echo $? > "$work/ctrlc.rc"
    echo $(( (${EPOCHREALTIME/./} - t0) / 1000 )) > "$work/ctrlc.ms"
) &
echo $! > "$work/ctrlc.pid"

# ---- the harness itself: each host answers on its own -----------------
for h in kvm01 kvm02 kvm03 kvm04 kvm05 qa qb ssh1; do
    n=$($RUN virsh -q -c "$(uri_of "$h")" list --all 2>&1 | grep -c .)
    case $h in kvm01) want=3 ;; kvm02) want=20 ;; kvm03) want=200 ;; kvm0[45]) want=1 ;; *) want=0 ;; esac
    ok "harness: virsh lists $want domains on $h (got $n)" test "$n" = "$want"
done
ok "harness: the dead socket refuses" bash -c "! $RUN virsh -q -c '$(uri_of dead)' uri 2>/dev/null"
ok "harness: the frozen daemon is stopped" \
    test "$(cut -d' ' -f3 "/proc/$(cat "$F/frozen/libvirtd.pid")/stat")" = T
ok "harness: the blackhole drops (no answer in 2 s, not refused)" \
    bash -c "$RUN timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.9/16509' 2>/dev/null; test \$? = 124"
ok "harness: qa and qb have their own host UUIDs" \
    test "$(virsh -q -c "$QA" capabilities | grep -m1 -o '<uuid>.*a</uuid>')$(
            virsh -q -c "$QB" capabilities | grep -m1 -o '<uuid>.*b</uuid>')" = \
         "<uuid>5a1e0000-0000-4000-8000-00000000000a</uuid><uuid>5a1e0000-0000-4000-8000-00000000000b</uuid>"
ok "harness: ssh1 is qa over ssh" \
    test "$($RUN virsh -q -c "$(uri_of ssh1)" capabilities | grep -m1 '<uuid>')" = \
         "$(virsh -q -c "$QA" capabilities | grep -m1 '<uuid>')"

# the guest to migrate boots meanwhile
{ virsh -q -c "$QA" define "$top/tests/fixtures/fleet-guest.xml" &&
    virsh -q -c "$QA" start mig1; } > "$work/guest.log" 2>&1 &
guest=$!

# ---- list --all over several hosts: a Host column ----------------------
# one host's rows as the fleet prints them: "HOST ID NAME STATE..."
alone_rows() {
    $RUN "$LVSH" -c "$(uri_of "$1")" list --all | tail -n +3 | grep . |
        sed "s/^/$1 /" | tr -s ' ' | sed 's/ $//'
}
lv -c @good list --all
ok "list over @good: exit 0" test "$rc" = 0
ok "list over @good: Host column first" grep -Eq '^ Host +Id +Name +State *$' "$work/out"
tail -n +3 "$work/out" | grep . | sed 's/^ *//' | tr -s ' ' | sed 's/ $//' > "$work/rows"
for h in kvm01 kvm02 kvm03 kvm04 kvm05; do
    alone_rows "$h" > "$work/alone"
    ok "list over @good: $h's rows are its own listing ($(wc -l < "$work/alone"))" \
        diff <(grep "^$h " "$work/rows") "$work/alone"
done
ok "list over @good: 225 rows" test "$(wc -l < "$work/rows")" = 225

# ---- --json: one line per host, its result today's single-host document -
cat > "$work/json_check.py" <<'EOF'
import json, subprocess, sys
run, lvsh, hosts_file, cmd = sys.argv[1].split(), sys.argv[2], sys.argv[3], sys.argv[4:]
uris = {}
for line in open(hosts_file):
    w = line.split()
    if len(w) == 2 and not w[0].startswith(("#", "@")):
        if w[0].startswith("kvm["):
            for i in (1, 2, 3):
                uris[f"kvm0{i}"] = w[1].replace("kvm[01-03]", f"kvm0{i}")
        else:
            uris[w[0]] = w[1]
bad = 0
seen = []
for line in open("/dev/stdin"):
    doc = json.loads(line)
    seen.append(doc["host"])
    alone = subprocess.run(run + [lvsh, "-c", uris[doc["host"]]] + cmd, capture_output=True,
                           text=True).stdout
    if doc.get("uri") != uris[doc["host"]] or doc.get("result") != json.loads(alone):
        print(f"{doc['host']}: differs from its own output", file=sys.stderr)
        bad += 1
print(",".join(seen))
sys.exit(1 if bad else 0)
EOF
lv -c @good list --all --json
ok "--json over @good: exit 0" test "$rc" = 0
ok "--json over @good: five lines, each host's result as it alone prints it" \
    test "$(python3 "$work/json_check.py" "$RUN" "$LVSH" "$F/hosts" list --all --json \
        < "$work/out")" = "kvm01,kvm02,kvm03,kvm04,kvm05"

# ---- dead, frozen and blackholed hosts: partial results, exit 4 ---------
take badlist
echo "# kvm01 + dead, frozen, blackhole: ${ms} ms (deadline ${DEADLINE} s)"
ok "bad hosts: exit 4 (got $rc)" test "$rc" = 4
ok "bad hosts: within the deadline + ${SLACK} s (${ms} ms)" test "$ms" -lt $(( (DEADLINE + SLACK) * 1000 ))
ok "bad hosts: took the deadline, the frozen one was waited for" test "$ms" -ge $(( DEADLINE * 1000 - 100 ))
alone_rows kvm01 > "$work/alone"
ok "bad hosts: kvm01's rows all printed" \
    diff <(tail -n +3 "$work/out" | grep . | sed 's/^ *//' | tr -s ' ' | sed 's/ $//') "$work/alone"
ok "bad hosts: summary names the unreachable one" grep -q "1 of 4 hosts unreachable: dead" "$work/err"
ok "bad hosts: summary names the timed out ones" \
    grep -Eq "2 of 4 hosts timed out: (frozen,blackhole|blackhole,frozen)" "$work/err"

take badjson
ok "bad hosts --json: exit 4" test "$rc" = 4
cat > "$work/reasons.py" <<'EOF'
import json, sys
out = []
for line in open(sys.argv[1]):
    d = json.loads(line)
    out.append(f"{d['host']}={d['error']['reason'] if 'error' in d else 'ok:%d' % len(d['result'])}")
print(" ".join(out))
EOF
ok "bad hosts --json: reasons unreachable, timeout, timeout" test \
    "$(python3 "$work/reasons.py" "$work/out")" = "kvm01=ok:3 dead=unreachable frozen=timeout blackhole=timeout"

# a session's hosts (use): each command tries the frozen host again
take badbatch
ok "use with a frozen host: exit 4 (got $rc)" test "$rc" = 4
ok "use with a frozen host: kvm01's rows" grep -Eq '^ kvm01 +- +kvm01-00002 +shut off' "$work/out"
ok "use with a frozen host: hosts says so" grep -Eq '^ frozen +timed out ' "$work/out"
ok "use with a frozen host: three deadlines, not more (${ms} ms)" \
    test "$ms" -lt $(( (3 * DEADLINE + SLACK) * 1000 ))

# ---- Ctrl-C stops waiting for every host -------------------------------
take ctrlc
echo "# Ctrl-C while waiting for two hosts: ended in ${ms} ms"
ok "Ctrl-C: exit 130 (got $rc)" test "$rc" = 130
ok "Ctrl-C: ends at once, not after the 300 s deadline (${ms} ms)" test "$ms" -lt $(( SLACK * 1000 ))
ok "Ctrl-C: says so" grep -qx "error: interrupted" "$work/err"
ok "Ctrl-C: kvm01's rows printed" grep -Eq '^ kvm01 +- +kvm01-00002 +shut off' "$work/out"

# ---- exit 1 and 5: the command fails on some host ----------------------
# the test driver has no node memory statistics, QEMU's has
lv -c kvm04,qa nodememstats
ok "failed on one host: exit 1 (got $rc)" test "$rc" = 1
ok "failed on one host: the other's answer printed" grep -q '^total' "$work/out"
lv --connect-timeout $DEADLINE -c kvm04,qa,dead nodememstats
ok "failed on one host and one unreachable: exit 5 (got $rc)" test "$rc" = 5

# ---- hosts: each host's state ------------------------------------------
take badhosts
ok "hosts: exit 4" test "$rc" = 4
ok "hosts: kvm01 connected with 3 domains" grep -Eq '^ kvm01 +connected +[0-9.]+ +3 ' "$work/out"
ok "hosts: dead unreachable" grep -Eq '^ dead +unreachable ' "$work/out"
ok "hosts: frozen and blackhole timed out" \
    test "$(grep -Ec '^ (frozen|blackhole) +timed out ' "$work/out")" = 2

# ---- where: by name, glob and UUID on every host -----------------------
lv -c @good where kvm02-00003
ok "where NAME: the one host" test "$(tail -n +3 "$work/out" | awk 'NF {print $1}')" = kvm02
lv -c @good where 'kvm0*-00001'
ok "where GLOB: the three fixture hosts" \
    test "$(tail -n +3 "$work/out" | awk 'NF {print $1}' | paste -sd,)" = kvm01,kvm02,kvm03
lv -c @good where 00000003-0000-4000-8000-000000000007
ok "where UUID: kvm03's kvm03-00007" grep -Eq '^ kvm03 +[0-9]+ +kvm03-00007 ' "$work/out"
lv -c @good where test
ok "where: a name on two hosts gives both" \
    test "$(tail -n +3 "$work/out" | awk 'NF {print $1}' | paste -sd,)" = kvm04,kvm05
take queued
ok "fanout 1: kvm01's command ran its 8 s" grep -q "^events received: 0" "$work/out"
ok "fanout 1: the blackhole timed out (exit 5: kvm01's loop timed out too; got $rc)" \
    test "$rc" = 5
ok "fanout 1: the queued blackhole's deadline ran beside kvm01's command (${ms} ms, < 14 s)" \
    test "$ms" -lt 14000
take badwhere
ok "where with a frozen host: found, exit 4" test "$rc" = 4
ok "where with a frozen host: the row" grep -Eq '^ kvm01 +- +kvm01-00002 +shut off' "$work/out"
lv -c @good where nosuch
ok "where: nothing found, exit 1" test "$rc" = 1

# ---- a command naming one domain runs where it lives; NAME@HOST --------
lv -c @good dominfo kvm02-00003
$RUN "$LVSH" -c "$(uri_of kvm02)" dominfo kvm02-00003 > "$work/alone"
# (the test driver's CPU time goes on with the clock)
ok "routing: dominfo runs on the host that has the domain" \
    diff <(grep -v -e '^-*$' -e '^kvm02 (1)$' -e '^CPU time' "$work/out") \
         <(grep -v -e '^$' -e '^CPU time' "$work/alone")
lv -c @good dominfo test
ok "routing: a name on two hosts is refused (exit 1)" test "$rc" = 1
ok "routing: the refusal names both hosts" grep -q "kvm\[04-05\]" "$work/err"
lv -c @good domstate test@kvm05
ok "NAME@HOST: runs there" test "$(grep -v -e '^-*$' -e '^$' "$work/out" | paste -sd,)" = "kvm05 (1),running"

# ---- routing while some host does not answer: exit 4, the hosts named --
lv -c kvm01,dead dominfo kvm01-00002
ok "routing, a host unreachable: exit 4 (got $rc)" test "$rc" = 4
ok "routing, a host unreachable: ran on the host that has it" grep -qx "Name: *kvm01-00002" "$work/out"
ok "routing, a host unreachable: the summary names it" grep -qx "1 of 2 hosts unreachable: dead" "$work/err"
lv -c kvm04,dead domjobabort test
ok "routing, a host unreachable and the command failed: exit 5 (got $rc)" test "$rc" = 5
ok "routing, a host unreachable and the command failed: both said" \
    test "$(grep -c -e '^kvm04: error: ' -e '^1 of 2 hosts unreachable: dead$' "$work/err")" = 2
lv -c kvm01,dead dominfo nosuch
ok "routing, not found while a host did not answer: exit 4 (got $rc)" test "$rc" = 4
ok "routing, not found while a host did not answer: no plain 'not found'" grep -qx \
    "error: domain 'nosuch' not found on the 1 host that answered; 1 did not answer: dead" "$work/err"
take routefound
ok "routing, hosts timed out: exit 4 (got $rc)" test "$rc" = 4
ok "routing, hosts timed out: ran where it is" \
    test "$(grep -v -e '^-*$' -e '^$' "$work/out" | paste -sd,)" = "kvm02 (1),running"
ok "routing, hosts timed out: the summary names them" \
    grep -qx "2 of 3 hosts timed out: frozen,blackhole" "$work/err"
take routenone
ok "routing, not found while the blackhole timed out: exit 4 (got $rc)" test "$rc" = 4
ok "routing, not found while the blackhole timed out: named" grep -qx \
    "error: domain 'nosuch' not found on the 1 host that answered; 1 did not answer: blackhole" \
    "$work/err"

# ---- completion inside `on TARGETS`: the names of TARGETS' hosts --------
lv -c kvm04 complete -- domstate ''
ok "completion: the session's own host offers its domain" test "$(cat "$work/out")" = test
lv -c kvm04 complete -- on kvm01 domstate ''
ok "completion: 'on kvm01 domstate <TAB>' offers kvm01's domains, not the session's" \
    test "$(paste -sd, "$work/out")" = kvm01-00000,kvm01-00001,kvm01-00002
lv -c kvm01,kvm04 complete -- on kvm02 domstate kvm02-0000
ok "completion: in a fleet, 'on kvm02' offers kvm02's alone" \
    test "$(paste -sd, "$work/out")" = "$(seq -f 'kvm02-%05g' 0 9 | paste -sd,)"
# a test-driver file host's state lives in its connection: kvm01-00002,
# started on the session's open connection, is offered no more by `start`
# (a new connection would offer it: it is shut off in the file)
lv -c kvm04 complete -- on kvm01 start kvm
ok "completion: 'on kvm01 start <TAB>' offers its shut off domain" test "$(cat "$work/out")" = kvm01-00002
printf 'use kvm01,kvm04\nstart kvm01-00002\ncomplete -- on kvm01 start kvm\ncomplete -- on kvm01,kvm02 domstate kvm0\n' \
    > "$work/batch2"
lv -f "$work/batch2"
ok "completion: 'on' reuses the session's open connection to the host" \
    test "$(grep -c '^kvm01-00002$' "$work/out")" = 1
ok "completion: 'on' over a used host and another: both hosts' names" \
    test "$(grep -c '^kvm0[12]-000' "$work/out")" = 23
lv -c kvm04 complete -- on @nosuch domstate kvm
ok "completion: an unresolvable target list offers no names (exit $rc)" \
    test "$rc" = 0 -a ! -s "$work/out"
lv --connect-timeout 2 -c kvm04 complete -- on kvm01,dead,blackhole domstate kvm
ok "completion: hosts that do not answer give nothing, the others their names" \
    test "$(paste -sd, "$work/out")" = kvm01-00000,kvm01-00001,kvm01-00002
ok "completion: the blackhole cost its connect deadline, not more (${ms} ms)" \
    test "$ms" -lt $(( (2 + SLACK) * 1000 ))

# ---- a host over qemu+ssh ----------------------------------------------
lv -c kvm01,ssh1 list --all
ok "qemu+ssh: exit 0" test "$rc" = 0
lv -c kvm01,ssh1 hosts
ok "qemu+ssh: connected" grep -Eq '^ ssh1 +connected +9\.' "$work/out"

# ---- a live migration between the two QEMU hosts -----------------------
wait $guest
ok "migration: the guest started on qa" test $? = 0
lv -c @qemu,ssh1 where mig1
ok "migration: mig1 runs on qa (and ssh1, the same daemon)" \
    test "$(tail -n +3 "$work/out" | awk 'NF {print $1 "=" $4}' | paste -sd,)" = "qa=running,ssh1=running"
t0=$SECONDS
lv -c "$QA" migrate mig1 "$QB" --live --persistent --undefinesource
echo "# live migration qa -> qb by URI: $((SECONDS - t0)) s"
ok "migration: qa to qb by URI (exit $rc)" test "$rc" = 0
lv -c @qemu where mig1
ok "migration: mig1 now runs on qb only" \
    test "$(tail -n +3 "$work/out" | awk 'NF {print $1 "=" $4}' | paste -sd,)" = "qb=running"
# by inventory names: the domain is found where it lives, the destination
# host's name becomes its URI
t0=$SECONDS
lv -c @qemu migrate mig1 qa --live --persistent --undefinesource
echo "# live migration qb -> qa by host names: $((SECONDS - t0)) s"
ok "migration: 'migrate mig1 qa' from where it runs (exit $rc)" test "$rc" = 0
lv -c @qemu,ssh1 where mig1
ok "migration: mig1 back on qa (and ssh1)" \
    test "$(tail -n +3 "$work/out" | awk 'NF {print $1 "=" $4}' | paste -sd,)" = "qa=running,ssh1=running"
lv -c @qemu,ssh1 migrate mig1 qb --live
ok "migration: a domain on two hosts is refused (exit $rc)" test "$rc" = 1
ok "migration: the refusal names them" grep -q "qa,ssh1" "$work/err"
t0=$SECONDS
lv -c @qemu,ssh1 migrate mig1@ssh1 qb --live --persistent --undefinesource
echo "# live migration ssh1 (qa over ssh) -> qb, NAME@HOST: $((SECONDS - t0)) s"
ok "migration: mig1@ssh1 to qb, the source over qemu+ssh (exit $rc)" test "$rc" = 0
lv -c @qemu,ssh1 where mig1
ok "migration: mig1 on qb only" \
    test "$(tail -n +3 "$work/out" | awk 'NF {print $1 "=" $4}' | paste -sd,)" = "qb=running"

echo "# fleet tests: $((SECONDS - T0)) s"
echo "fleet: $pass passed, $fail failed"
[ "$fail" = 0 ]
