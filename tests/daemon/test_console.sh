#!/usr/bin/env bash
# console on a real QEMU guest of the private libvirtd, in a real terminal:
# banner, guest output (SeaBIOS on the serial port), escape (default and -e),
# Ctrl-C going to the guest, the guest going away, signals, and the
# terminal being sane afterwards every time.  Needs LVSH_TIER_QEMU (run.sh).
T_NAME=console
. "$(dirname "$0")/../tmux/lib.sh"
URI=$LVSH_TIER_QEMU
G='console guest'

# The guest: 32 MiB, no disk; SeaBIOS prints on the serial console and,
# finding nothing to boot, reboots every second, so output keeps coming.
sed "s|<name>snap guest</name>|<name>$G</name>|" "$TOP/tests/fixtures/snapshot-guest.xml" \
    > "$T_SCRATCH/guest.xml"
virsh -q -c "$URI" "define '$T_SCRATCH/guest.xml'" >/dev/null
guest_start() { virsh -q -c "$URI" "start '$G'" >/dev/null; }
guest_start

# A plain shell in tmux; each console runs from it and reports its status.
tmux_start env PS1='sh$ ' HISTFILE=/dev/null bash --norc --noprofile
tmux_wait '^sh\$ ?$'
n=0
console() {  # console [LVSH OPTIONS]: attach from the shell, print rc=N=K after
    n=$((n + 1))
    tmux_type "clear; echo start=$n; $LVSH $* -c '$URI' console '$G'; echo rc=\$?=$n"
    tmux_keys Enter
    tmux_wait "^start=$n\$"   # the screen is this console's from here on
}
sane() {  # the terminal is back in cooked mode with echo, the shell answers
    tmux_type "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)\$' | tr '\\n' ' '; echo =sane$n"
    tmux_keys Enter
    tmux_wait "^isig icanon echo =sane$n\$"
}
lvsh_pid() {  # the lvsh this test started: pane's sh -> bash -> lvsh
    local sh bash
    sh=$(tmux_cmd display -p -t t '#{pane_pid}')
    bash=$(pgrep -P "$sh" -x bash)
    for _ in $(seq 1 50); do
        pgrep -P "$bash" -x lvsh && return
        sleep 0.1
    done
}

console
check "banner names the domain" tmux_wait_history "^Connected to domain 'console guest'"
check "banner shows the escape" tmux_wait_history '^Escape character is \^\] \(Ctrl \+ \]\)'
check "guest output arrives" tmux_wait 'SeaBIOS' 20
tmux_keys C-c
sleep 0.5
check "Ctrl-C goes to the guest, not to lvsh" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q '^rc='"
tmux_keys 'C-]'
check "^] detaches with status 0" tmux_wait "rc=0=$n\$"
check "terminal sane after ^]" sane

console -e '^X'
check "-e changes the escape shown" tmux_wait_history '^Escape character is \^X \(Ctrl \+ X\)'
tmux_wait 'SeaBIOS' 20
tmux_keys 'C-]'
sleep 0.5
check "^] is just a byte under -e ^X" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q 'rc=.*=$n'"
tmux_keys C-x
check "^X detaches with status 0" tmux_wait "rc=0=$n\$"
check "terminal sane after ^X" sane

console
tmux_wait 'SeaBIOS' 20
virsh -q -c "$URI" "destroy '$G'" >/dev/null
check "guest gone ends the console" tmux_wait "rc=0=$n\$" 10
check "terminal sane after the guest went away" sane
guest_start

console
tmux_wait 'SeaBIOS' 20
kill -INT "$(lvsh_pid)"
check "SIGINT ends the console with an error" tmux_wait "console of domain 'console guest' was interrupted"
check "status 130 after SIGINT" tmux_wait "rc=130=$n\$"
check "terminal sane after SIGINT" sane

console
tmux_wait 'SeaBIOS' 20
kill -TERM "$(lvsh_pid)"
check "SIGTERM still kills lvsh" tmux_wait "rc=143=$n\$"
check "terminal sane after SIGTERM" sane

console -q
tmux_wait 'SeaBIOS' 20
check "-q drops the banner" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q '^Connected'"
tmux_keys 'C-]'
check "-q console detaches" tmux_wait "rc=0=$n\$"

# Without a terminal: stdin goes to the console, the output to stdout, and
# the escape byte in the input ends the session.
out=$( { sleep 3; printf 'typed\035'; } | timeout 30 "$LVSH" -c "$URI" console "$G" 2>&1)
rc=$?
check "relay without a terminal: status 0" test "$rc" = 0
check "relay without a terminal: banner" grep -q "^Connected to domain 'console guest'" <<<"$out"
check "relay without a terminal: guest output" grep -q 'SeaBIOS' <<<"$out"

out=$("$LVSH" -c "$URI" console "$G" --devname nosuch </dev/null 2>&1)
check "unknown device: libvirt's error" grep -q "error: failed to open the console of domain 'console guest'" <<<"$out"
virsh -q -c "$URI" "destroy '$G'" >/dev/null
out=$("$LVSH" -c "$URI" console "$G" </dev/null 2>&1)
check "shut off guest refused" grep -q "error: domain 'console guest' is not running" <<<"$out"
out=$("$LVSH" -e '^' -c "$URI" console "$G" </dev/null 2>&1)
check "bad escape refused" grep -q "invalid console escape sequence" <<<"$out"
virsh -q -c "$URI" "undefine '$G'" >/dev/null

tmux_done
