# lib.sh: drive lvsh in a real terminal with tmux (sourced by test_*.sh).
#   tmux_start CMD...      start CMD in a fresh 120x40 session
#   tmux_keys KEYS...      tmux send-keys (use "Enter", "C-c", "Tab", ...)
#   tmux_type TEXT         type TEXT literally
#   tmux_wait REGEX [SECS] wait until the screen matches (grep -E)
#   tmux_screen            print the screen
#   tmux_quit [DESC]       type quit and check the shell exits with status 0
#   tmux_line_is PROMPT TEXT  the line after PROMPT reads TEXT before the cursor
#   lvsh_bin_dir           a directory whose only command is lvsh (for PATH)
#   ok COND-DESC / check   counting helpers; tmux_done prints the counts
#   TOP, LVSH              the checkout, the lvsh under test ($LVSH_BIN)
set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LVSH=${LVSH_BIN:-$TOP/lvsh}
TMUX_BASE="lvsh-test-$$"
TMUX_N=0
TMUX_SOCK="$TMUX_BASE-0"
TMUX_SESSION=t
T_PASS=0
T_FAIL=0
T_NAME=${T_NAME:-tmux}
T_SCRATCH=$(mktemp -d /tmp/lvsh-tmux.XXXXXX)
export HOME=$T_SCRATCH XDG_STATE_HOME=$T_SCRATCH/state XDG_CONFIG_HOME=$T_SCRATCH/config \
    XDG_CACHE_HOME=$T_SCRATCH/cache LC_ALL=C.UTF-8 TERM=xterm
unset LIBVIRT_DEFAULT_URI VIRSH_DEFAULT_CONNECT_URI LVSH_DEFAULT_URI PAGER LVSH_PAGER VISUAL EDITOR

tmux_cmd() { tmux -L "$TMUX_SOCK" "$@" 2>/dev/null; }

tmux_start() {  # each start gets its own server, so a dying one cannot interfere
    tmux_cmd kill-server || true
    TMUX_N=$((TMUX_N + 1))
    TMUX_SOCK="$TMUX_BASE-$TMUX_N"
    tmux_cmd -f /dev/null new-session -d -s "$TMUX_SESSION" -x 120 -y 40 \
        "env HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' LC_ALL=C.UTF-8 TERM=xterm $*; echo \"[exited \$?]\"; sleep 30"
}

tmux_keys() { tmux_cmd send-keys -t "$TMUX_SESSION" "$@"; }
tmux_type() { tmux_cmd send-keys -t "$TMUX_SESSION" -l "$1"; }
tmux_screen() { tmux_cmd capture-pane -p -t "$TMUX_SESSION"; }
# the screen and what scrolled off it (a guest that clears the screen can
# wipe a line before a slow poll sees it)
tmux_history() { tmux_cmd capture-pane -p -S - -t "$TMUX_SESSION"; }
tmux_wait_history() { TMUX_CAPTURE=tmux_history tmux_wait "$@"; }

# tmux_wait REGEX [SECS]: until the screen shows it.  SECS is scaled by
# LVSH_WAIT_SCALE (default 4) and measured on the clock, not in polls, so a
# busy machine stretches the wait instead of failing the test.
tmux_wait() {
    local re=$1 secs=${2:-10} end
    end=$(( ${EPOCHREALTIME/./} + secs * ${LVSH_WAIT_SCALE:-4} * 1000000 ))
    while :; do
        ${TMUX_CAPTURE:-tmux_screen} | grep -Eq -- "$re" && return 0
        if [ "${EPOCHREALTIME/./}" -ge "$end" ]; then
            # said even when unchecked: a wait that never matches costs its
            # whole timeout on every run
            echo "# $T_NAME: gave up waiting for /$re/" >&2
            return 1
        fi
        sleep 0.05
    done
}

tmux_quit() {
    tmux_type "quit"
    tmux_keys Enter
    check "${1:-quit}" tmux_wait '^\[exited 0\]$'
}

# The line being edited, marked at the cursor: "@" is typed (and erased) so
# a trailing space shows, since tmux trims the ends of lines.
tmux_line_is() {
    local prompt=$1 want=$2 got i
    tmux_type "@"
    for ((i = 0; i < 60; i++)); do
        got=$(tmux_screen | grep -F "$prompt" | tail -n 1)
        got=${got#*"$prompt"}
        [ "${got%%@*}" = "$want" ] && break
        sleep 0.05
    done
    tmux_keys BSpace
    [ "${got%%@*}" = "$want" ] || { echo "    line: '$got', want '$want@'"; return 1; }
}

lvsh_bin_dir() {  # removed with the scratch directory by tmux_done
    mkdir -p "$T_SCRATCH/bin"
    ln -sf "$LVSH" "$T_SCRATCH/bin/lvsh"
    echo "$T_SCRATCH/bin"
}

check() {  # check DESCRIPTION COMMAND...
    local desc=$1; shift
    if "$@"; then
        T_PASS=$((T_PASS + 1))
    else
        T_FAIL=$((T_FAIL + 1))
        echo "not ok $T_NAME: $desc"
        echo "--- screen:"
        tmux_screen | sed 's/^/    /'
    fi
}

tmux_done() {
    tmux_cmd kill-server 2>/dev/null || true
    rm -rf "$T_SCRATCH"
    echo "$T_NAME: $T_PASS passed, $T_FAIL failed"
    [ "$T_FAIL" -eq 0 ]
}
