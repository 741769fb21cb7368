#!/usr/bin/env bash
# Bad input against the real drivers of the private libvirtd (the test
# driver cases are in tests/transcripts/badinput.t): malformed and
# wrong-type XML define nothing, unknown objects of every lookup kind fail
# with libvirt's reason, arguments too big for the RPC layer fail one
# command and leave the connection usable, and random command lines built
# from the real command table (read-only, -r) never crash lvsh or the
# daemon.  Run by tests/daemon/run.sh with LVSH_TIER_* exported.
T_NAME=badinput
. "$(dirname "$0")/../tmux/lib.sh"
URI=$LVSH_TIER_QEMU
cd "$T_SCRATCH" || exit 1

# run LINE...: lvsh on the QEMU URI, --on-error=continue; sets $out and $rc
run() {
    out=$("$LVSH" -c "$URI" --on-error=continue "$@" 2>&1)
    rc=$?
}
has() { grep -Fxq -- "$1" <<<"$out"; }  # has LINE: $out holds exactly LINE
state() { "$LVSH" -q -c "$URI" 'secret-list; nodedev-list --all; list --all'; }

before=$(state)

# malformed XML: the first error's line:column, exit 1, nothing defined
printf '<secret ephemeral="no">\n  <usage type="ceph"><name>lvsh bad</name></usage>\n  <description x=>\n</secret>\n' > bad.xml
run secret-define bad.xml
check "malformed secret: exit 1 ($rc)" test $rc = 1
check "malformed secret: line:column of the first error" \
    has "error: bad.xml:3:18: malformed XML: AttValue: \" or ' expected"
printf '<device>\n  <name>lvsh_bad</name>\n  <parent>computer</parent>\n  <capability type="mdev"' > cut.xml
run nodedev-create cut.xml
check "cut nodedev: exit 1 ($rc)" test $rc = 1
check "cut nodedev: where it ends" grep -Eq "^error: cut.xml:4:[0-9]+: malformed XML: " <<<"$out"

# well-formed XML for the wrong object type: libvirt's own error, exit 1
printf "<domain type='qemu'><name>lvsh-wrong</name><memory>32768</memory><os><type>hvm</type></os></domain>" > dom.xml
printf "<network><name>lvsh-wrong</name></network>" > net.xml
for c in "secret-define dom.xml" "secret-define net.xml"; do
    run "$c"
    check "$c: exit 1 ($rc)" test $rc = 1
    check "$c: libvirt says why" grep -Eq "^error: XML error: expecting root element of 'secret', not '(domain|network)'$" <<<"$out"
done
for c in "nodedev-create dom.xml" "nodedev-define net.xml"; do
    run "$c"
    check "$c: exit 1 ($rc)" test $rc = 1
    check "$c: libvirt says why" grep -Eq "^error: XML error: expecting root element of 'device', not '(domain|network)'$" <<<"$out"
done
run iface-define dom.xml
check "iface-define dom.xml: exit 1 ($rc)" test $rc = 1
check "iface-define dom.xml: libvirt's error" grep -Eq "^error: (XML error|this function is not supported)" <<<"$out"
check "nothing was defined by any of it" test "$(state)" = "$before"

# unknown objects, every lookup kind this branch has
run "domstate lvsh-nosuch; domstate 4242; domstate 00000000-0000-4000-8000-000000000042"
check "unknown domains: exit 1 ($rc)" test $rc = 1
check "unknown domain by name" has "error: failed to get domain 'lvsh-nosuch'"
check "unknown domain: virsh's one line" test "$(grep -c 'Domain not found' <<<"$out")" = 0
check "unknown domain by id and uuid" test "$(grep -c '^error: failed to get domain' <<<"$out")" = 3
run "secret-dumpxml 00000000-0000-4000-8000-000000000042; secret-get-value lvsh-no-usage"
check "unknown secrets: exit 1 ($rc)" test $rc = 1
check "unknown secret by uuid" has "error: failed to get secret '00000000-0000-4000-8000-000000000042'"
check "unknown secret by usage: virsh's error (the UUID lookup's)" has "error: uuidstr in virSecretLookupByUUIDString must be a valid UUID"
run "iface-mac lvsh-nosuch0; iface-name 00:00:5e:00:53:42; nodedev-info lvsh_nosuch"
check "unknown interfaces and devices: exit 1 ($rc)" test $rc = 1
check "unknown interface by name" has "error: failed to get interface 'lvsh-nosuch0'"
check "unknown interface by MAC" has "error: failed to get interface '00:00:5e:00:53:42'"
check "unknown node device" has "error: Could not find matching device 'lvsh_nosuch'"

# invalid UTF-8 and NUL in names reach the daemon as bytes, not a crash
printf 'domstate lvsh-\xff\xfe\nsecret-dumpxml caf\xc3\n' > utf.lvsh
run -f utf.lvsh
check "invalid UTF-8 names: exit 1 ($rc)" test $rc = 1
check "invalid UTF-8 names: two lookups failed" test "$(grep -c 'error: failed to get' <<<"$out")" = 2

# names too big for the RPC layer (its strings stop at 4 MiB): that command
# fails, the connection stays usable for the next one
python3 -c "print('domstate ' + 'y' * (5 << 20)); print('domstate ' + 'z' * (1 << 20)); print('uri')" > huge.lvsh
run -f huge.lvsh
check "5 MB name: exit 1 ($rc)" test $rc = 1
check "5 MB name: libvirt's encoding error" has "huge.lvsh:1: error: Unable to encode message payload"
check "1 MB name: looked up and not found" grep -q "^huge.lvsh:2: error: failed to get domain" <<<"$out"
check "connection still usable" grep -q "^qemu+unix:///system" <<<"$out"

# random lines from the real command table, read-only (-r refuses writes):
# every run ends 0, 1 or 2, and the daemon answers afterwards
"$LVSH" help --json > help.json
for seed in 1 2 3; do
    python3 - "$seed" > rnd$seed.lvsh <<'PY'
import json, random, sys
r = random.Random(int(sys.argv[1]))
skip = {"quit", "exit", "cd", "connect"}
cmds = [c for g in json.load(open("help.json"))["groups"] for c in g["commands"]
        if c["name"] not in skip]
values = ["computer", "lo", "eth0", "lvsh-nosuch", "1", "-1", "0", "99999999999999999999",
          "''", '"a b"', "--", "00000000-0000-4000-8000-000000000042", "x" * 300,
          "\xff", "\u00e9", "512M", "string(/)", "//*", "'", '"', "\\\\", ";", "#"]
for _ in range(150):
    c = r.choice(cmds)
    words = [c["name"]]
    for _ in range(r.randrange(5)):
        o = r.choice(c["options"]) if c["options"] and r.random() < 0.8 else None
        if o is None:
            words.append(r.choice(values + ["--json", "--help", "--bogus"]))
            continue
        if o["type"] != "rest" and (not o["positional"] or r.random() < 0.5):
            words.append("--" + o["name"])
        if o["type"] != "bool":
            words.append(r.choice(values + o.get("choices", [])))
    print(" ".join(words))
PY
    "$LVSH" -r -c "$URI" --on-error=continue -f rnd$seed.lvsh > rnd$seed.out 2>&1 < /dev/null
    rc=$?
    check "random commands, seed $seed: exit 0/1/2 (got $rc)" test $rc -le 2
done
check "the daemon still answers" bash -c "'$LVSH' -q -c '$URI' uri > /dev/null"
check "and nothing changed" test "$(state)" = "$before"

tmux_done
