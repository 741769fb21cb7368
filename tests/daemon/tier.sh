#!/usr/bin/env bash
# tier.sh start DIR | stop DIR [--keep-logs] | env DIR
#         kill-daemon DIR | start-daemon DIR | freeze DIR | thaw DIR
#
# A private libvirtd (and virtlogd) for tests: as root, inside `unshare -m -n`
# (its own mount and network namespace, loopback up) with tmpfs over libvirt's
# state directories, so nothing touches the host's libvirt or its network:
# bridges, dnsmasq and any TCP a test makes stay inside the namespace.  Its sockets live in DIR/sock; `env` prints the URIs to export:
#   LVSH_TIER_QEMU  qemu+unix:///system?socket=...  (real drivers, QEMU/TCG)
#   LVSH_TIER_TEST  test+unix:///default?socket=... (test driver, shared)
# `stop` kills every process in the namespace (guests included); the tmpfs
# mounts vanish with it.  With --keep-logs the daemon logs stay in DIR/logs.
# For fault tests: kill-daemon (SIGKILL libvirtd), start-daemon (again, in
# the same namespace and on the same socket), freeze/thaw (SIGSTOP/SIGCONT).
# For fleets (tests/daemon/fleet.sh), set at `start`:
#   LVSH_TIER_DRIVERS=test  the test driver only: no driver module is loaded
#                           (LIBVIRT_DRIVER_DIR is an empty directory), no
#                           virtlogd, no QEMU probe: starts in a fraction of
#                           a second, so a test can run a dozen of them
#   LVSH_TIER_NETNS=PATH    join that network namespace (/proc/PID/ns/net)
#                           instead of a new one (two daemons that migrate
#                           guests between them need a network path)
#   LVSH_TIER_HOST_UUID=U   libvirtd's host_uuid (migration refuses to go
#                           between two daemons with the same one)
#   LVSH_TIER_QEMU_CONF=S   lines added to qemu.conf
set -euo pipefail

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|env DIR" >&2; exit 2; }

ns_of() { readlink "/proc/$1/ns/mnt" 2>/dev/null || true; }

# What libvirtd 9.0 needs on a bare machine: Debian's QEMU driver resolves
# the user *and* the group `libvirt-qemu` at start, before reading qemu.conf
# (libvirt-daemon-system creates them; the tier must not rely on that).
ensure_user() {
    getent group kvm >/dev/null || groupadd --system kvm
    getent group libvirt-qemu >/dev/null || groupadd --system libvirt-qemu
    getent passwd libvirt-qemu >/dev/null ||
        useradd --system --no-create-home --home-dir /var/lib/libvirt \
            --shell /usr/sbin/nologin --gid libvirt-qemu --groups kvm libvirt-qemu
}

write_config() {
    mkdir -p "$dir/sock" "$dir/conf" "$dir/logs"
    chmod 755 "$dir" "$dir/sock"
    cat > "$dir/conf/libvirtd.conf" <<CONF
unix_sock_dir = "$dir/sock"
unix_sock_rw_perms = "0777"
unix_sock_ro_perms = "0777"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_outputs = "3:file:$dir/logs/libvirtd.log"
keepalive_interval = 5
keepalive_count = 5
max_clients = 200
max_anonymous_clients = 200
max_workers = 20
max_client_requests = ${LVSH_TIER_MAX_REQUESTS:-50}
CONF
    if [ -n "${LVSH_TIER_HOST_UUID:-}" ]; then
        echo "host_uuid = \"$LVSH_TIER_HOST_UUID\"" >> "$dir/conf/libvirtd.conf"
    fi
    # what `start-daemon` must start the same way again
    echo "${LVSH_TIER_DRIVERS:-all}" > "$dir/conf/drivers"
    mkdir -p "$dir/conf/no-drivers"
    # LVSH_TIER_TCP=ADDR:PORT: also listen on TCP without auth (the latency
    # bench runs this in a network namespace of its own)
    if [ -n "${LVSH_TIER_TCP:-}" ]; then
        cat >> "$dir/conf/libvirtd.conf" <<CONF
listen_tcp = 1
listen_tls = 0
auth_tcp = "none"
listen_addr = "${LVSH_TIER_TCP%:*}"
tcp_port = "${LVSH_TIER_TCP##*:}"
CONF
    fi
    cat > "$dir/conf/qemu.conf" <<CONF
security_driver = "none"
cgroup_controllers = [ ]
namespaces = [ ]
stdio_handler = "file"
remember_owner = 0
# QEMU runs as root in the private namespace: as libvirt-qemu it cannot open
# the host's /dev/kvm (0600 root), while the capability probe can, and the
# mismatch made libvirtd re-probe QEMU (~40 s) on every domain define.
user = "root"
group = "root"
${LVSH_TIER_QEMU_CONF:-}
CONF
    cat > "$dir/conf/virtlogd.conf" <<CONF
log_outputs = "3:file:$dir/logs/virtlogd.log"
CONF
    # what runs inside the new mount namespace
    cat > "$dir/inner.sh" <<INNER
#!/usr/bin/env bash
set -e
ip link set lo up
for d in /etc/libvirt /var/lib/libvirt /run/libvirt /var/cache/libvirt /var/log/libvirt; do
    mkdir -p "\$d"
    mount -t tmpfs -o mode=755 tmpfs "\$d"
done
mkdir -p /etc/libvirt/qemu /var/lib/libvirt/qemu /var/lib/libvirt/images /var/log/libvirt/qemu
cp "$dir/conf/qemu.conf" /etc/libvirt/qemu.conf
cp "$dir/conf/virtlogd.conf" /etc/libvirt/virtlogd.conf
[ "\$(cat "$dir/conf/drivers")" = test ] ||
    virtlogd --daemon --config /etc/libvirt/virtlogd.conf --pid-file "$dir/virtlogd.pid"
"$dir/libvirtd.sh"
exec sleep infinity
INNER
    chmod +x "$dir/inner.sh"
    # libvirtd itself, for inner.sh and start-daemon alike
    cat > "$dir/libvirtd.sh" <<DAEMON
#!/bin/sh
[ "\$(cat "$dir/conf/drivers")" != test ] || export LIBVIRT_DRIVER_DIR="$dir/conf/no-drivers"
exec libvirtd --daemon ${LVSH_TIER_TCP:+--listen} --config "$dir/conf/libvirtd.conf" --pid-file "$dir/libvirtd.pid"
DAEMON
    chmod +x "$dir/libvirtd.sh"
}

# Wait (generously: QEMU's capability probe is slow on a busy machine) until
# the daemon answers on its socket with both drivers; fail as soon as it died.
wait_answering() {
    local sock="$dir/sock/libvirt-sock" pid seen="" i
    for i in $(seq 1 1200); do
        if [ -S "$sock" ] &&
            { [ "$(cat "$dir/conf/drivers")" = test ] ||
                virsh -q -c "qemu+unix:///system?socket=$sock" uri >/dev/null 2>&1; } &&
            virsh -q -c "test+unix:///default?socket=$sock" uri >/dev/null 2>&1; then
            return 0
        fi
        # inner.sh gone: the mounts or a daemon failed (set -e); or the
        # daemon wrote its pid and died (e.g. a driver failed to initialise:
        # it then removes its pid file too)
        [ -d "/proc/$(cat "$dir/anchor.pid")" ] || return 1
        pid=$(cat "$dir/libvirtd.pid" 2>/dev/null || true)
        if [ -n "$pid" ]; then
            seen=$pid
        elif [ -n "$seen" ]; then
            pid=$seen
        fi
        if [ -n "$pid" ] && [ ! -d "/proc/$pid" ]; then
            return 1
        fi
        sleep 0.1
    done
    return 1
}

start() {
    [ "$(id -u)" = 0 ] || { echo "tier: the private libvirtd needs root" >&2; exit 1; }
    ensure_user
    mkdir -p "$dir"
    write_config
    local net=(unshare -m -n)
    [ -z "${LVSH_TIER_NETNS:-}" ] || net=(nsenter "--net=$LVSH_TIER_NETNS" unshare -m)
    setsid "${net[@]}" --propagation private "$dir/inner.sh" \
        > "$dir/logs/inner.out" 2>&1 < /dev/null &
    echo $! > "$dir/anchor.pid"
    if ! wait_answering; then
        echo "tier: libvirtd did not come up; its log:" >&2
        cat "$dir/logs/inner.out" >&2 || true
        tail -n 40 "$dir/logs/libvirtd.log" >&2 || true
        stop_all
        exit 1
    fi
    # the anchor's namespace is how stop finds every process we started
    ns_of "$(cat "$dir/anchor.pid")" > "$dir/ns"
}

# A pin is a live process of ours in the namespace: the anchor (sleep
# infinity), else libvirtd or virtlogd started with our files.  While a pin
# lives the namespace lives, and no other namespace can get its inode number.
# Those are reused at once (unshare -m twice in a row gets the same one), so
# killing "every process in namespace N" without a live pin could hit another
# tier's libvirtd and guests.
is_ours() {  # is_ours PID PATTERN: alive, and its command line matches
    local cmd
    [ -n "$1" ] && [ -d "/proc/$1" ] || return 1
    cmd=$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null) || return 1
    [[ "$cmd" == $2 ]] || return 1
    [ ! -s "$dir/ns" ] || [ "$(ns_of "$1")" = "$(cat "$dir/ns")" ]
}

find_pin() {
    local a l v
    a=$(cat "$dir/anchor.pid" 2>/dev/null || true)
    l=$(cat "$dir/libvirtd.pid" 2>/dev/null || true)
    v=$(cat "$dir/virtlogd.pid" 2>/dev/null || true)
    if is_ours "$a" "sleep infinity " || is_ours "$a" "*$dir/inner.sh*"; then echo "$a"
    elif is_ours "$l" "libvirtd *$dir/conf/libvirtd.conf*"; then echo "$l"
    elif is_ours "$v" "virtlogd *$dir/virtlogd.pid*"; then echo "$v"
    fi
}

# PIDs in the pin's namespace, the pin left out (-ef: no fork per PID)
ns_members() {
    local pin=$1 p out=""
    for p in /proc/[0-9]*; do
        [ "${p#/proc/}" != "$pin" ] && [ "$p/ns/mnt" -ef "/proc/$pin/ns/mnt" ] && out="$out ${p#/proc/}"
    done
    echo "$out"
}

kill_wait() {  # kill_wait SIG PID...: signal, then wait up to 3 s
    local sig=$1 p alive
    shift
    # shellcheck disable=SC2068
    kill -s "$sig" $@ 2>/dev/null || true
    for _ in $(seq 1 30); do
        alive=0
        for p in "$@"; do [ -d "/proc/$p" ] && [ "$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null)" != Z ] && alive=1; done
        [ $alive = 0 ] && return 0
        sleep 0.1
    done
}

stop_all() {
    local pin pids round
    for round in 1 2 3; do
        pin=$(find_pin)
        [ -n "$pin" ] || break
        if [ "${keep_logs:-0}" = 1 ]; then
            nsenter --mount --net --target "$pin" cp -r /var/log/libvirt/qemu "$dir/logs/" 2>/dev/null || true
            keep_logs=0
        fi
        # everything but the pin first, so the namespace stays pinned
        for sig in TERM KILL; do
            pids=$(ns_members "$pin")
            [ -z "$pids" ] && break
            # shellcheck disable=SC2086
            kill_wait $sig $pids
        done
        kill_wait KILL "$pin"
    done
}

daemon_pid() { cat "$dir/libvirtd.pid" 2>/dev/null; }

case $cmd in
start) start ;;
kill-daemon)
    pid=$(daemon_pid)
    kill -KILL "$pid"
    while [ -d "/proc/$pid" ]; do sleep 0.05; done
    rm -f "$dir/sock/libvirt-sock" "$dir/sock/libvirt-sock-ro" "$dir/sock/libvirt-admin-sock" ;;
start-daemon)
    nsenter --mount --net --target "$(cat "$dir/anchor.pid")" "$dir/libvirtd.sh"
    wait_answering ;;
freeze) kill -STOP "$(daemon_pid)" ;;
thaw) kill -CONT "$(daemon_pid)" ;;
stop)
    keep_logs=0
    [ "${3:-}" = "--keep-logs" ] && keep_logs=1
    stop_all
    if [ $keep_logs = 0 ]; then rm -rf "$dir"; fi ;;
env)
    echo "export LVSH_TIER_DIR='$dir'"
    echo "export LVSH_TIER_SOCK='$dir/sock/libvirt-sock'"
    echo "export LVSH_TIER_QEMU='qemu+unix:///system?socket=$dir/sock/libvirt-sock'"
    echo "export LVSH_TIER_TEST='test+unix:///default?socket=$dir/sock/libvirt-sock'" ;;
*) echo "usage: $0 start|stop|env|kill-daemon|start-daemon|freeze|thaw DIR" >&2; exit 2 ;;
esac
