#!/usr/bin/env bash
# A uri_aliases name of libvirt.conf is a host (issue 19): alone it behaves
# byte for byte as the URI it stands for; in a target list lvsh names the
# host by the alias (Host column, JSON "host", summaries) and shows the URI
# libvirt opened where a URI is shown.  Root's libvirt client reads
# /etc/libvirt/libvirt.conf: the script runs itself again in a mount
# namespace of its own with a tmpfs there, so nothing outside changes and
# nothing is left to remove.  Needs the tier's daemon (LVSH_TIER_TEST) and
# tmux (the prompt, and TAB inside `on ALIAS ...`).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
LVSH=${LVSH_BIN:-$top/lvsh}
T=$LVSH_TIER_TEST
if [ -z "${LVSH_ALIAS_NS:-}" ]; then
    LVSH_ALIAS_NS=1 exec unshare -m --propagation private bash "$0" "$@"
fi
T_NAME=uri-alias
. "$here/lib.sh"           # ok, pass and fail
. "$here/../tmux/lib.sh"   # a scratch HOME, check (the screen's), tmux_*
work=$T_SCRATCH
unset LVSH_HOSTS

lv() {  # lv ARGS...: out, err and rc
    "$LVSH" "$@" > "$work/out" 2> "$work/err"
    rc=$?
}

mount -t tmpfs -o mode=755 tmpfs /etc/libvirt
printf 'uri_aliases = [\n  "myalias=%s",\n]\n' "$T" > /etc/libvirt/libvirt.conf
# the other host: a fixture of the client's own test driver (web1, db1)
A="test://$top/tests/fixtures/fleet-a.xml"

ok "harness: libvirt resolves the alias" test "$(virsh -c myalias uri 2>&1)" = "$T"

# ---- alone: byte for byte the URI's behaviour ---------------------------
for args in "list --all" "list --all --json" "dumpxml test" "domstate nosuch"; do
    # shellcheck disable=SC2086  # the words on purpose
    "$LVSH" -c "$T" $args > "$work/want.out" 2> "$work/want.err"
    want=$?
    # shellcheck disable=SC2086
    lv -c myalias $args
    ok "alone: '$args' as with its URI (exit $rc, want $want)" \
        test "$rc" = "$want" -a "$(cat "$work/out")" = "$(cat "$work/want.out")" -a \
        "$(cat "$work/err")" = "$(cat "$work/want.err")"
done
# hosts_row NAME: NAME's row of `hosts` as "NAME STATE DOMAINS URI"
hosts_row() { awk -v h="$1" '$1 == h {print $1, $2, $4, $NF}' "$work/out"; }
lv -c myalias hosts
ok "alone: hosts names the alias and shows the URI opened" \
    test "$(hosts_row myalias)" = "myalias connected 1 $T"

# ---- in a target list: the host is the alias ----------------------------
lv -c "myalias,$A" list --all
ok "list --all: exit 0" test "$rc" = 0
ok "list --all: the alias's row" grep -Eq '^ myalias +1 +test +running *$' "$work/out"
ok "list --all: the other host's rows" test "$(grep -c "^ ${A//./\\.} " "$work/out")" = 2
lv -c "myalias,$A" list --all --json
ok "list --all --json: host the alias, uri the URI opened" \
    python3 -c 'import json, sys
d = json.loads(open(sys.argv[1]).readline())
sys.exit(not (d["host"] == "myalias" and d["uri"] == sys.argv[2] and d["result"][0]["name"] == "test"))' \
    "$work/out" "$T"
lv -c "myalias,$A" hosts
ok "hosts: the alias, connected, its URI" test "$(hosts_row myalias)" = "myalias connected 1 $T"
lv -c "myalias,$A" where test
ok "where: found on the alias" test "$(tail -n +3 "$work/out" | awk 'NF {print $1}')" = myalias
lv -c "myalias,$A" --json where test
ok "where --json: host and uri" grep -qF "\"host\":\"myalias\",\"id\":1,\"name\":\"test\",\"state\":\"running\",\"uri\":\"$T\"" \
    "$work/out"
lv -c "myalias,$A" domstate test
ok "routing: runs on the alias, named" \
    test "$(grep -v -e '^-*$' -e '^$' "$work/out" | paste -sd,)" = "myalias (1),running"
lv -c "$A" domstate test@myalias
ok "NAME@alias outside the targets is a name, not a host (exit $rc)" test "$rc" = 1
lv -c "myalias,$A" domstate web1@myalias
ok "NAME@alias in the targets: asked there (exit $rc)" \
    test "$rc" = 1 -a "$(head -n 1 "$work/err")" = "myalias: error: failed to get domain 'web1'"
lv -c "myalias,$A" --dry-run list
ok "--dry-run: the alias as written (nothing opened)" \
    test "$(head -n 1 "$work/out")" = "$(printf 'myalias\tmyalias')"
printf '[\n  "myalias=test+unix:///default?socket=%s/none",\n]\n' "$work" |
    sed '1s/^/uri_aliases = /' > /etc/libvirt/libvirt.conf
lv -c "myalias,$A" list --all
ok "an alias that does not answer: exit 4, named in the summary" \
    test "$rc" = 4 -a "$(tail -n 1 "$work/err")" = "1 of 2 hosts unreachable: myalias"


# ---- the shell: the prompt names the alias; TAB after `on ALIAS` --------
printf 'uri_aliases = [\n  "myalias=%s",\n]\n' "$T" > /etc/libvirt/libvirt.conf
tmux_start "$LVSH" -c myalias
check "the prompt names the alias" tmux_wait '^lvsh myalias# ?$'
tmux_quit
tmux_start "LVSH_COMPLETE_TIMEOUT_MS=5000" "$LVSH" -c "'$A'"
check "a prompt" tmux_wait '# ?$'
tmux_type "domstate te"; tmux_keys Tab
sleep 0.3
check "the session's host has no 'te...'" tmux_wait '# domstate te$'
tmux_keys C-u
tmux_type "on myalias domstate te"; tmux_keys Tab
check "'on myalias domstate te<TAB>': the alias's host's domain" \
    tmux_wait '# on myalias domstate test ?$'
tmux_keys C-u
tmux_type "on myalias domstate we"; tmux_keys Tab
sleep 0.3
check "and not the session's web1" tmux_wait '# on myalias domstate we$'
tmux_keys C-u
tmux_quit
T_PASS=$((T_PASS + pass))   # ok's count joins check's
T_FAIL=$((T_FAIL + fail))
tmux_done
