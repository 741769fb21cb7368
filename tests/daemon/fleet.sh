#!/usr/bin/env bash
# fleet.sh start DIR | stop DIR | env DIR | run DIR COMMAND...
#
# A fleet of private libvirt hosts for the fleet tests (tests/daemon/
# test_fleet.sh), made of tier.sh daemons (each its own mount and network
# namespace and socket) and written to an inventory, DIR/hosts:
#   kvm[01-03]  three fixture hosts of 3, 20 and 200 domains (test driver,
#               fixtures by bench/gen_fixture.py: kvm01-00000 ...), one daemon
#   kvm04 kvm05 test:///default of two more daemons (both have `test`)
#   dead        a socket nobody listens on (refused at once)
#   frozen      a daemon stopped with SIGSTOP (accepts, never answers)
#   blackhole   127.0.0.9 in the client's network namespace, where iptables
#               drops every packet to it (a connect waits for ever)
#   qa qb       two QEMU daemons with their own host_uuid, sharing one
#               network namespace of their own so that a guest can migrate
#               between them (incoming migrations listen on 127.0.0.2)
#   ssh1        qa again, reached over qemu+ssh through a private sshd on
#               127.0.0.1:2222 of the client's network namespace (own host
#               key, own authorized_keys; the ssh client runs with a config
#               of ours through the URI's command=, so nothing in ~/.ssh or
#               /etc/ssh is read or written)
# The client's network namespace (only loopback, the blackhole and the sshd)
# is where lvsh must run to reach every host: `run DIR lvsh ...`, or the
# prefix that `env` exports as LVSH_FLEET_RUN.  The hosts reached by unix
# socket answer from anywhere.  LVSH_FLEET_QEMU=0 leaves out qa, qb and
# ssh1 (no QEMU: a few seconds less).  `stop` thaws the frozen daemon and
# kills everything in every namespace started here.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tier=$here/tier.sh
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|env|run DIR" >&2; exit 2; }

SSH_PORT=2222
BLACKHOLE=127.0.0.9
# the migration pair's incoming address: libvirt refuses 127.0.0.1 (it
# names the local machine), not the rest of 127.0.0.0/8
MIG_ADDR=127.0.0.2

client_pid() { cat "$dir/client.pid" 2>/dev/null; }
client_ns() { echo "/proc/$(client_pid)/ns/net"; }

# alive PID PATTERN: the process lives and its command line matches
alive() {
    local c
    [ -n "$1" ] && [ -d "/proc/$1" ] || return 1
    c=$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null) || return 1
    # shellcheck disable=SC2053  # a pattern on purpose
    [[ "$c" == $2 ]]
}

netns() {  # netns FILE: a new network namespace, pinned by a sleep whose pid is in FILE
    setsid unshare -n sleep infinity < /dev/null > /dev/null 2>&1 &
    echo $! > "$1"
    for _ in $(seq 1 100); do
        [ "$(readlink "/proc/$!/ns/net")" != "$(readlink /proc/self/ns/net)" ] && break
        sleep 0.05
    done
    nsenter --net="/proc/$!/ns/net" ip link set lo up
}

# The client's network namespace: loopback, the blackhole, the sshd.
start_client() {
    netns "$dir/client.pid"
    nsenter --net="$(client_ns)" iptables -w -A INPUT -d "$BLACKHOLE" -j DROP
}

fixtures() {
    mkdir -p "$dir/fx"
    local n=1 size
    for size in 3 20 200; do
        python3 "$top/bench/gen_fixture.py" "$size" "$dir/fx/kvm0$n.xml" --domains-only \
            --prefix "kvm0$n" --host "$n" --snapshots 0
        n=$((n + 1))
    done
}

# A socket file with no listener behind it: connections are refused.
dead_socket() {
    mkdir -p "$dir/dead"
    python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
        "$dir/dead/libvirt-sock"
}

test_daemon() {  # test_daemon NAME: a test-driver-only daemon in DIR/NAME
    LVSH_TIER_DRIVERS="test" "$tier" start "$dir/$1" > "$dir/logs/$1.start" 2>&1
}

# qa and qb start at once, in a network namespace pinned by a sleep of ours
qemu_daemon() {  # qemu_daemon NAME UUID-SUFFIX
    local conf="migration_address = \"$MIG_ADDR\"
migration_host = \"$MIG_ADDR\""
    LVSH_TIER_NETNS="/proc/$(cat "$dir/pair.pid")/ns/net" \
        LVSH_TIER_HOST_UUID="5a1e0000-0000-4000-8000-00000000000$2" LVSH_TIER_QEMU_CONF="$conf" \
        "$tier" start "$dir/$1" > "$dir/logs/$1.start" 2>&1
}

# sshd in the client's network namespace and a mount namespace of its own,
# where /run is a tmpfs (its privilege separation directory) and
# /run/libvirt is qa's socket directory: a qemu+ssh URI of /system with no
# socket= reaches qa through virt-ssh-helper, as on a real host.  There
# root's shell is /bin/sh: the machine's may read rc files that take
# seconds (bash reads ~/.bashrc under sshd).
start_sshd() {
    local s=$dir/ssh
    mkdir -p "$s"
    chmod 755 "$s"
    ssh-keygen -q -t ed25519 -N '' -C lvsh-fleet-host -f "$s/host_key"
    ssh-keygen -q -t ed25519 -N '' -C lvsh-fleet-client -f "$s/id"
    cp "$s/id.pub" "$s/authorized_keys"
    cat > "$s/sshd_config" <<EOF
ListenAddress 127.0.0.1:$SSH_PORT
HostKey $s/host_key
AuthorizedKeysFile $s/authorized_keys
PidFile $s/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
LogLevel ERROR
EOF
    cat > "$s/ssh_config" <<EOF
Host *
  IdentityFile $s/id
  IdentitiesOnly yes
  UserKnownHostsFile $s/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking no
  BatchMode yes
  LogLevel ERROR
EOF
    printf '#!/bin/sh\nexec ssh -F %s/ssh_config "$@"\n' "$s" > "$s/ssh"
    cat > "$s/sshd.sh" <<EOF
#!/bin/sh
set -e
mount -t tmpfs -o mode=755 tmpfs /run
mkdir -p /run/sshd /run/libvirt
mount --bind "$dir/qa/sock" /run/libvirt
sed 's|^\(root:[^:]*:0:0:[^:]*:[^:]*:\).*|\1/bin/sh|' /etc/passwd > "$s/passwd"
mount --bind "$s/passwd" /etc/passwd
exec /usr/sbin/sshd -D -e -f "$s/sshd_config"
EOF
    chmod +x "$s/ssh" "$s/sshd.sh"
    setsid nsenter --net="$(client_ns)" unshare -m --propagation private "$s/sshd.sh" \
        > "$dir/logs/sshd.log" 2>&1 < /dev/null &
    echo $! > "$s/anchor.pid"
    # up when it answers ssh (generous: a busy machine)
    for _ in $(seq 1 600); do
        if nsenter --net="$(client_ns)" "$s/ssh" -p "$SSH_PORT" root@127.0.0.1 true \
            > /dev/null 2>&1; then
            return 0
        fi
        alive "$(cat "$s/anchor.pid")" "*sshd*" || return 1
        sleep 0.1
    done
    return 1
}

inventory() {
    local t=test+unix://
    {
        echo "# the private fleet of tests/daemon/fleet.sh"
        echo "kvm[01-03] $t$dir/fx/kvm[01-03].xml?socket=$dir/d1/sock/libvirt-sock"
        echo "kvm04 $t/default?socket=$dir/d2/sock/libvirt-sock"
        echo "kvm05 $t/default?socket=$dir/d3/sock/libvirt-sock"
        echo "dead $t/default?socket=$dir/dead/libvirt-sock"
        echo "frozen $t/default?socket=$dir/frozen/sock/libvirt-sock"
        echo "blackhole test+tcp://$BLACKHOLE/default"
        echo "@good: kvm[01-05]"
        echo "@bad: dead,frozen,blackhole"
        if [ "${LVSH_FLEET_QEMU:-1}" != 0 ]; then
            echo "qa qemu+unix:///system?socket=$dir/qa/sock/libvirt-sock"
            echo "qb qemu+unix:///system?socket=$dir/qb/sock/libvirt-sock"
            echo "ssh1 qemu+ssh://root@127.0.0.1:$SSH_PORT/system?command=$dir/ssh/ssh"
            echo "@qemu: qa,qb"
        fi
    } > "$dir/hosts"
}

start() {
    [ "$(id -u)" = 0 ] || { echo "fleet: needs root (namespaces)" >&2; exit 1; }
    mkdir -p "$dir/logs"
    chmod 755 "$dir"
    start_client
    fixtures
    dead_socket
    # the daemons start in parallel: a few seconds, not a minute
    local pids=() names=(d1 d2 d3 frozen) n p failed=""
    for n in "${names[@]}"; do
        test_daemon "$n" &
        pids+=($!)
    done
    if [ "${LVSH_FLEET_QEMU:-1}" != 0 ]; then
        netns "$dir/pair.pid"
        qemu_daemon qa a &
        pids+=($!)
        qemu_daemon qb b &
        pids+=($!)
        names+=(qa qb)
        # its socket directory is made at once; the socket comes later
        for _ in $(seq 1 100); do [ -d "$dir/qa/sock" ] && break; sleep 0.05; done
        start_sshd &
        pids+=($!)
        names+=(sshd)
    fi
    for p in "${!pids[@]}"; do
        wait "${pids[$p]}" || failed="$failed ${names[$p]}"
    done
    if [ -n "$failed" ]; then
        echo "fleet: did not start:$failed" >&2
        tail -n 20 "$dir"/logs/*.start "$dir/logs/sshd.log" >&2 2>/dev/null || true
        stop_all
        exit 1
    fi
    "$tier" freeze "$dir/frozen"
    inventory
}

stop_all() {
    local s=$dir/ssh pin p
    if [ -d "$dir/frozen" ]; then "$tier" thaw "$dir/frozen" 2>/dev/null || true; fi
    # sshd and the sessions it started (its mount namespace) first
    pin=$(cat "$s/anchor.pid" 2>/dev/null || true)
    if alive "$pin" "*sshd*$s/sshd_config*"; then
        for p in /proc/[0-9]*; do
            [ "${p#/proc/}" != "$pin" ] && [ "$p/ns/mnt" -ef "/proc/$pin/ns/mnt" ] &&
                kill -KILL "${p#/proc/}" 2>/dev/null
        done
        kill -KILL "$pin" 2>/dev/null || true
    fi
    # every daemon at once (each stop waits for its processes to go)
    for n in qb qa d1 d2 d3 frozen; do
        if [ -d "$dir/$n" ]; then "$tier" stop "$dir/$n" > /dev/null 2>&1 & fi
    done
    wait
    for p in "$(client_pid)" "$(cat "$dir/pair.pid" 2>/dev/null)"; do
        if alive "$p" "sleep infinity "; then kill -KILL "$p"; fi
    done
}

case $cmd in
start) start ;;
stop)
    stop_all
    rm -rf "$dir" ;;
env)
    echo "export LVSH_FLEET_DIR='$dir'"
    echo "export LVSH_HOSTS='$dir/hosts'"
    echo "export LVSH_FLEET_RUN='nsenter --net=$(client_ns)'" ;;
run)
    shift 2
    exec nsenter --net="$(client_ns)" "$@" ;;
*) echo "usage: $0 start|stop|env|run DIR" >&2; exit 2 ;;
esac
