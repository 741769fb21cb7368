#!/usr/bin/env bash
# A real QEMU guest (TCG, 32 MiB, no disk) across a libvirtd restart: lvsh
# still sees it running once libvirtd has reconnected to QEMU; then the
# tier's teardown with a guest left running leaves no qemu behind.
# Uses a tier of its own (the restart and the teardown are the test).
T_NAME=guest-restart
. "$(dirname "$0")/lib.sh"        # qemu_guest_xml
. "$(dirname "$0")/../tmux/lib.sh"  # check and the counts
TIER=$(cd "$(dirname "$0")" && pwd)/tier.sh
DIR=$(mktemp -d /tmp/lvsh-tier.XXXXXX)
# names unique to this run, so pgrep cannot see other tiers' guests
G1=lvsh-restart-$$
G2=lvsh-leftover-$$

cleanup() { "$TIER" stop "$DIR" >/dev/null 2>&1; rm -rf "$T_SCRATCH/xml"; }
trap cleanup EXIT

qemu_pid() { pgrep -f "guest=$1," | head -n 1; }

if ! "$TIER" start "$DIR"; then
    echo "$T_NAME: 0 passed, 1 failed (the private libvirtd did not start)"
    exit 1
fi
eval "$("$TIER" env "$DIR")"
URI=$LVSH_TIER_QEMU
mkdir -p "$T_SCRATCH/xml"
qemu_guest_xml "$G1" 32 > "$T_SCRATCH/xml/g1.xml"
qemu_guest_xml "$G2" 32 > "$T_SCRATCH/xml/g2.xml"

# lvsh has no `define` in this branch's command set: virsh defines, lvsh runs
check "define (virsh)" virsh -q -c "$URI" define "$T_SCRATCH/xml/g1.xml"
out=$("$LVSH" -c "$URI" "start $G1; domstate $G1 --reason" 2>&1)
check "start: $out" grep -q "^running (booted)$" <<<"$out"
pid=$(qemu_pid "$G1")
check "a qemu process runs the guest" test -n "$pid"

"$TIER" kill-daemon "$DIR"
check "qemu outlives libvirtd" test -d "/proc/$pid"
out=$("$LVSH" -c "$URI" domstate "$G1" 2>&1)
check "with the daemon gone, a command fails: $out" grep -q "error: failed to connect" <<<"$out"
check "daemon back" "$TIER" start-daemon "$DIR"

# libvirtd reconnects to QEMU's monitor; the guest is the same process
out=$("$LVSH" -c "$URI" "domstate $G1 --reason; list --name; dominfo $G1" 2>&1)
check "still running after the restart: $out" grep -q "^running (booted)$" <<<"$out"
check "listed as running" grep -qx "$G1" <<<"$out"
check "dominfo shows it running" grep -Eq "^State: +running$" <<<"$out"
check "same qemu process ($pid)" test "$(qemu_pid "$G1")" = "$pid"

out=$("$LVSH" -c "$URI" "suspend $G1; domstate $G1; resume $G1; domstate $G1" 2>&1)
check "suspend and resume after the restart: $out" \
    test "$(grep -E '^(running|paused)$' <<<"$out" | tr '\n' ' ')" = "paused running "
out=$("$LVSH" -c "$URI" "destroy $G1; domstate $G1" 2>&1)
check "destroy: $out" grep -q "^shut off$" <<<"$out"
for _ in $(seq 1 50); do [ -z "$(qemu_pid "$G1")" ] && break; sleep 0.1; done
check "destroy ended the qemu process" test -z "$(qemu_pid "$G1")"
check "undefine (virsh)" virsh -q -c "$URI" undefine "$G1"
out=$("$LVSH" -c "$URI" domstate "$G1" 2>&1)
check "gone after undefine" grep -q "error: failed to get domain '$G1'" <<<"$out"

# a guest left running, as a failing test would: the teardown must kill it
check "define the leftover (virsh)" virsh -q -c "$URI" define "$T_SCRATCH/xml/g2.xml"
out=$("$LVSH" -c "$URI" start "$G2" 2>&1)
check "leftover started: $out" test -n "$(qemu_pid "$G2")"
ns=$(cat "$DIR/ns")
before=""
for p in /proc/[0-9]*; do
    [ "$(readlink "$p/ns/mnt" 2>/dev/null)" = "$ns" ] && before="$before ${p#/proc/}"
done
"$TIER" stop "$DIR"
check "no qemu left after the tier's stop" test -z "$(qemu_pid "$G2")"
# the same PIDs, still in that namespace (its number may already be reused
# by another tier, so a fresh scan would not prove anything)
left=""
for p in $before; do
    [ "$(readlink "/proc/$p/ns/mnt" 2>/dev/null)" = "$ns" ] && left="$left $p"
done
check "the tier had processes (libvirtd, virtlogd, qemu):$before" test "$(wc -w <<<"$before")" -ge 3
check "none of them is left:$left" test -z "$left"
check "the tier's directory is gone" test ! -e "$DIR"

tmux_done
