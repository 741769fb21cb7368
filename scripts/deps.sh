#!/bin/sh
# deps.sh build|check: make sure Debian has what lvsh needs to build (and to
# run its test tiers).  As root it installs what is missing with apt-get;
# otherwise it prints the exact command and fails.
set -eu

BUILD="gcc make autoconf automake pkg-config libvirt-dev libxml2-dev libjansson-dev libreadline-dev"
CHECK="libvirt-clients libvirt-daemon qemu-system-x86 qemu-utils dnsmasq-base iptables iproute2 tmux python3 valgrind util-linux procps zsh fish bash-completion jq man-db openssh-server"

case "${1:-build}" in
    build) want="$BUILD" ;;
    check) want="$BUILD $CHECK" ;;
    *) echo "usage: $0 build|check" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" != 0 ]; then
    echo "lvsh: missing packages:$missing" >&2
    echo "lvsh: install them with: sudo apt-get update && sudo $cmd" >&2
    exit 1
fi
echo "lvsh: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# the package lists may be stale or absent on a fresh machine
apt-get update -qq >/dev/null || true
# Packages must not start services: the fleet tests run an sshd of their own
# on loopback in a namespace, and the machine gets no sshd listening because
# the tests needed the program.  policy-rc.d (exit 101) is Debian's switch.
policy=/usr/sbin/policy-rc.d
if [ ! -e $policy ]; then
    printf '#!/bin/sh\nexit 101\n' > $policy
    chmod 755 $policy
    trap 'rm -f $policy' EXIT
fi
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
