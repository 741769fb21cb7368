# lib.sh: what the daemon tier's scripts share (sourced by test_*.sh, which
# run.sh runs with LVSH_TIER_* exported).
#   check WHAT CMD...    run CMD (its output kept in $work/check.out), print
#                        "ok WHAT" or "FAIL WHAT" and the output; counts in
#                        pass and fail
#   ok WHAT CMD...       run CMD quietly; count it in pass and fail; on failure
#                        print "not ok T_NAME: WHAT" and the start of $work/out
#                        and $work/err (what the script's last lvsh wrote)
#   l ARGS...            lvsh on $URI
#   qemu_guest_xml NAME MIB [DEVICES]  a TCG guest with no OS and a serial
#                        console, no video, no balloon; DEVICES is more XML
#                        for <devices>
LVSH=${LVSH_BIN:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/lvsh}
pass=0
fail=0

check() {
    local what=$1; shift
    if "$@" >"$work/check.out" 2>&1; then
        pass=$((pass + 1))
        echo "ok $what"
    else
        fail=$((fail + 1))
        echo "FAIL $what"
        sed 's/^/    /' "$work/check.out" | head -20
    fi
}

ok() {
    local what=$1; shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "not ok ${T_NAME:+$T_NAME: }$what"
        for f in out err; do
            [ -s "${work:-}/$f" ] && { echo "--- $f:"; head -n 30 "$work/$f" | sed 's/^/    /'; }
        done
    fi
    return 0
}

l() { "$LVSH" -c "$URI" "$@"; }

qemu_guest_xml() {
    cat <<XML
<domain type='qemu'>
  <name>$1</name>
  <memory unit='MiB'>$2</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>${3:+
$3}
    <serial type='pty'/>
    <console type='pty'/>
    <video><model type='none'/></video>
    <memballoon model='none'/>
  </devices>
</domain>
XML
}
