#!/usr/bin/env bash
# Completion against the private libvirtd: the families the test driver
# lacks (secrets with usage ids, nwfilters), a change made by another
# client reaching the REPL's cache through a lifecycle event, and a daemon
# that stops answering: TAB gives up quickly and the prompt stays alive.
T_NAME=complete-daemon
. "$(dirname "$0")/../tmux/lib.sh"
Q=$LVSH_TIER_QEMU
T=$LVSH_TIER_TEST
W=$(mktemp -d /tmp/lvsh-cmpl.XXXXXX)

same() {  # same GOT WANT
    [ "$1" = "$2" ] && return 0
    echo "    got:  $1"
    echo "    want: $2"
    return 1
}

# secrets: UUIDs and usage ids
cat > "$W/sec.xml" <<X
<secret ephemeral='no' private='yes'><uuid>6c1d7f7e-1111-4222-8333-0123456789ab</uuid>
<usage type='ceph'><name>lvsh cmpl ceph</name></usage></secret>
X
uuid=6c1d7f7e-1111-4222-8333-0123456789ab
check "a secret is defined" virsh -q -c "$Q" secret-define "$W/sec.xml"
check "secrets by uuid and usage id" same \
    "$("$LVSH" -c "$Q" complete --kind secret '' | grep -e "$uuid" -e 'lvsh cmpl')" \
    "$(printf '%s\n%s' "$uuid" 'lvsh cmpl ceph')"
check "a usage-id prefix" same "$("$LVSH" -c "$Q" complete --kind secret 'lvsh c')" "lvsh cmpl ceph"
virsh -q -c "$Q" secret-undefine "$uuid" >/dev/null

# network filters
cat > "$W/nwf.xml" <<X
<filter name='lvsh cmpl filter' chain='root'><rule action='accept' direction='in'><all/></rule></filter>
X
virsh -q -c "$Q" nwfilter-define "$W/nwf.xml" >/dev/null
check "nwfilters" same "$("$LVSH" -c "$Q" complete --kind nwfilter 'lvsh c')" "lvsh cmpl filter"
virsh -q -c "$Q" nwfilter-undefine 'lvsh cmpl filter' >/dev/null
check "nwfilter bindings list without error" "$LVSH" -c "$Q" complete --kind nwfilter-binding ''
check "-r connects read-only" same "$("$LVSH" -r -c "$Q" complete --kind network 'defa')" ""

# another client defines a domain: the REPL's cached listing follows the event
tmux_start "LVSH_COMPLETE_TIMEOUT_MS=700" "$LVSH" -c "'$T'"
check "REPL prompt" tmux_wait '^lvsh [a-z0-9.-]+# ?$'
tmux_type "domstate te"; tmux_keys Tab
check "the shared test domain" tmux_wait '# domstate test ?$'
tmux_keys C-u
tmux_type "domstate lvsh-cm"; tmux_keys Tab
sleep 0.3
check "no such domain yet" tmux_wait '# domstate lvsh-cm$'
tmux_keys C-u
cat > "$W/dom.xml" <<X
<domain type='test'><name>lvsh-cmpl-new</name><memory>65536</memory>
<os><type arch='i686'>hvm</type></os></domain>
X
virsh -q -c "$T" define "$W/dom.xml" >/dev/null
sleep 0.3
tmux_type "domstate lvsh-cm"; tmux_keys Tab
check "a domain defined elsewhere completes at once" tmux_wait '# domstate lvsh-cmpl-new ?$'
tmux_keys C-u
virsh -q -c "$T" undefine lvsh-cmpl-new >/dev/null
sleep 0.3
tmux_type "domstate lvsh-cm"; tmux_keys Tab
sleep 0.3
check "and disappears when undefined elsewhere" tmux_wait '# domstate lvsh-cm$'
tmux_keys C-u

# the daemon stops answering: TAB gives up after the timeout
pid=$(cat "$LVSH_TIER_DIR/libvirtd.pid")
kill -STOP "$pid"
start=$(date +%s%N)
tmux_type "resume lv"; tmux_keys Tab
tmux_type "x"
check "the prompt takes keys while the daemon hangs" tmux_wait '# resume lvx$' 3
tmux_keys C-u
tmux_type "echo alive"; tmux_keys Enter
check "and runs commands" tmux_wait '^alive$' 3
elapsed=$((($(date +%s%N) - start) / 1000000))
check "within the completion timeout (${elapsed} ms)" [ "$elapsed" -lt 2500 ]
kill -CONT "$pid"
tmux_type "domstate te"; tmux_keys Tab
check "completion works again after the daemon resumes" tmux_wait '# domstate test ?$' 5
tmux_keys C-u
tmux_type "quit"; tmux_keys Enter
check "quit" tmux_wait '^\[exited 0\]$'

rm -rf "$W"
tmux_done
