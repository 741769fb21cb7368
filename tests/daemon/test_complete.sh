#!/usr/bin/env bash
# Completion against the private libvirtd: the families the test driver
# lacks (secrets with usage ids, nwfilters), a change made by another
# client reaching the REPL's cache through a lifecycle event, and a daemon
# that stops answering: TAB gives up quickly and the prompt stays alive.
# On a URI that is not local (the ext transport through a relay), the REPL
# connects in the background at start, and the first TAB lists at once.
T_NAME=complete-daemon
. "$(dirname "$0")/../tmux/lib.sh"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
LVSH=${LVSH_BIN:-$TOP/lvsh}
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
check "REPL prompt" tmux_wait '^lvsh [^ ]*# ?$'
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
# TAB gives up after LVSH_COMPLETE_TIMEOUT_MS (700) instead of waiting for
# keepalive (25 s) or for ever; the bound is loose so a busy machine passes
check "well within keepalive's 25 s (${elapsed} ms)" [ "$elapsed" -lt 15000 ]
kill -CONT "$pid"
tmux_type "domstate te"; tmux_keys Tab
check "completion works again after the daemon resumes" tmux_wait '# domstate test ?$' 5
tmux_keys C-u
tmux_type "quit"; tmux_keys Enter
check "quit" tmux_wait '^\[exited 0\]$'

# a remote transport: ext, through a relay to the daemon's socket
cat > "$W/relay" <<X
#!/usr/bin/env python3
import os, socket, selectors
s = socket.socket(socket.AF_UNIX)
s.connect("$LVSH_TIER_SOCK")
sel = selectors.DefaultSelector()
sel.register(0, selectors.EVENT_READ)
sel.register(s, selectors.EVENT_READ)
while True:
    for key, _ in sel.select():
        d = os.read(0, 65536) if key.fileobj == 0 else s.recv(65536)
        if not d:
            raise SystemExit
        os.write(1, d) if key.fileobj == s else s.sendall(d)
X
chmod +x "$W/relay"
R="test+ext:///default?command=$W/relay"
tx() { grep 'RPC_CLIENT_MSG_TX_QUEUE' "$W/rpc.log" 2>/dev/null | grep ' type=0 ' | grep -vc ' prog=1801807216 '; }
opened() { grep 'RPC_CLIENT_MSG_TX_QUEUE' "$W/rpc.log" 2>/dev/null | grep -q ' proc=1 type=0 '; }
wait_opened() { for _ in $(seq 1 200); do opened && return 0; sleep 0.05; done; return 1; }
tmux_start "LIBVIRT_LOG_FILTERS=1:rpc" "LIBVIRT_LOG_OUTPUTS=1:file:$W/rpc.log" "$LVSH" -c "'$R'"
check "REPL prompt on a remote URI" tmux_wait '^lvsh [^ ]*# ?$'
check "it connects before any command or TAB" wait_opened
sleep 0.5   # the connect's last calls (features, keepalive)
before=$(tx)
tmux_type "domstate te"; tmux_keys Tab
check "the first TAB completes the remote domain" tmux_wait '# domstate test ?$'
after=$(tx)
check "that TAB cost the listing and the event registration ($before, $after)" \
    [ $((after - before)) -eq 2 ]
tmux_keys C-u
tmux_type "domstate test"; tmux_keys Enter
check "the command uses the same connection" tmux_wait '^running$'
check "which it did not open again" [ "$(grep 'RPC_CLIENT_MSG_TX_QUEUE' "$W/rpc.log" | grep -c ' proc=1 type=0 ')" = 1 ]
tmux_type "quit"; tmux_keys Enter
check "quit" tmux_wait '^\[exited 0\]$'

rm -rf "$W"
tmux_done
