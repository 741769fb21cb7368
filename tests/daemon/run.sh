#!/usr/bin/env bash
# The real-daemon tier: start a private libvirtd (tier.sh), run every
# tests/daemon/*.t transcript and tests/daemon/test_*.sh script against it,
# and tear it all down, keeping the daemon logs in tests/out/ on failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
dir=$(mktemp -d /tmp/lvsh-tier.XXXXXX)
rc=0

cleanup() {
    if [ $rc -ne 0 ]; then
        "$here/tier.sh" stop "$dir" --keep-logs
        rm -rf "$top/tests/out/daemon-logs"
        mkdir -p "$top/tests/out"
        cp -r "$dir/logs" "$top/tests/out/daemon-logs" 2>/dev/null
        rm -rf "$dir"
        echo "daemon logs kept in tests/out/daemon-logs"
    else
        "$here/tier.sh" stop "$dir"
    fi
}
trap cleanup EXIT

if ! "$here/tier.sh" start "$dir"; then
    rc=1
    echo "daemon: 0 passed, 1 failed (the private libvirtd did not start)"
    exit 1
fi
eval "$("$here/tier.sh" env "$dir")"
export LVSH_TIER_DIR LVSH_TIER_SOCK LVSH_TIER_QEMU LVSH_TIER_TEST
export LVSH_TIER_SH="$here/tier.sh"

shopt -s nullglob
transcripts=("$here"/*.t)
if [ ${#transcripts[@]} -gt 0 ]; then
    # one file at a time: they share the daemon's objects
    LVSH_TEST_JOBS=1 python3 "$top/tests/transcript.py" "${transcripts[@]}" || rc=1
fi
for t in "$here"/test_*.sh; do
    # RPC counts do not depend on how lvsh was built; the plain daemon tier
    # checks them, the sanitizer re-run need not spend minutes on them again
    if [ -n "${LVSH_SANITIZER:-}" ] && [ "${t##*/}" = test_rpc_counts.sh ]; then
        continue
    fi
    bash "$t" || rc=1
done
exit $rc
