#!/usr/bin/env bash
# The edit loop at a real terminal (src/edit.c): when the edited XML is
# refused, the error is shown and "Try again?" asks as virsh 9.0 does:
# y edits the last attempt again, n gives up (without repeating the error),
# f defines the same text again, i (edit only) drops validation, ? lists them.
T_NAME=edit
. "$(dirname "$0")/lib.sh"
PROMPT='lvsh test# ?$'
S=$T_SCRATCH

count() { tmux_history | grep -c -- "$1"; }
# wait_count REGEX N: until N lines (screen and scrollback) match
wait_count() {
    local i
    for i in $(seq 200); do [ "$(count "$1")" -ge "$2" ] && return 0; sleep 0.2; done
    return 1
}

# An editor that breaks the document on its first run and, run again on
# that attempt, mends it and makes a real change (a counter file says which;
# it keeps what it was given in twice.sh.inN).
cat > "$S/twice.sh" <<'X'
#!/bin/sh
n=$(cat "$0.n" 2>/dev/null || echo 0); echo $((n + 1)) > "$0.n"; cp "$1" "$0.in$n"
if [ "$n" = 0 ]; then echo '<broken' >> "$1"; else sed -i '$d' "$1"; sed -i "s,stp='on',stp='off'," "$1"; fi
X
# An editor that adds an element the domain schema does not know.
cat > "$S/bogus.sh" <<'X'
#!/bin/sh
sed -i 's,<os>,<os><bogus/>,' "$1"
X
chmod +x "$S/twice.sh" "$S/bogus.sh"

# 1. net-edit: malformed XML asks, with no 'i'; ? lists the answers; y edits
# the broken attempt again (the editor sees it) and the mended one is defined.
tmux_start env EDITOR="$S/twice.sh" "$LVSH" -c test:///default
check "net: prompt" tmux_wait "$PROMPT" 10
tmux_type "net-edit default"; tmux_keys Enter
check "net: the error is shown" tmux_wait '^error: edited XML:.*malformed XML' 10
check "net: asks without i" tmux_wait 'Try again\? \[y,n,f,\?\]: ?$' 10
tmux_type "?"; tmux_keys Enter
check "net: ? lists the answers" tmux_wait '^f - define the same text again$' 10
check "net: no i in the list" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q '^i - '"
tmux_type "y"; tmux_keys Enter
check "net: defined after editing again" tmux_wait '^Network default XML configuration edited\.$' 10
check "net: the editor ran twice" test "$(cat "$S/twice.sh.n")" = 2
check "net: y opened the broken attempt, not the original" grep -q '^<broken$' "$S/twice.sh.in1"

# 2. edit: a schema error asks with 'i'; f tries the same text again (and
# fails again), i defines it without validation.
tmux_start env EDITOR="$S/bogus.sh" "$LVSH" -c test:///default
check "edit: prompt" tmux_wait "$PROMPT" 10
tmux_type "edit test"; tmux_keys Enter
check "edit: asks with i" tmux_wait 'Try again\? \[y,n,i,f,\?\]: ?$' 10
check "edit: the error first" tmux_wait '^error: failed to define the edited domain$' 10
tmux_type "f"; tmux_keys Enter
check "edit: f fails again and asks again" wait_count '^Try again' 2
sleep 0.3
check "edit: the error twice after f" test "$(count '^error: failed to define the edited domain$')" = 2
tmux_type "i"; tmux_keys Enter
check "edit: i defines without validation" tmux_wait '^Domain .test. XML configuration edited\.$' 10

# 3. n gives up: the command fails and the error it showed is not repeated.
tmux_type "edit test"; tmux_keys Enter
check "n: asks" tmux_wait 'Try again\? \[y,n,i,f,\?\]: ?$' 10
before=$(count '^error: failed to define the edited domain$')
tmux_type "n"; tmux_keys Enter
check "n: back at the prompt" tmux_wait "^$PROMPT" 10
sleep 0.3
check "n: no second error" test "$(count '^error: failed to define the edited domain$')" = "$before"

# 4. snapshot-edit and checkpoint-edit use the same loop.
tmux_start env EDITOR="$S/twice.sh" "$LVSH" -c test:///default
check "snapshot: prompt" tmux_wait "$PROMPT" 10
rm -f "$S/twice.sh.n"
tmux_type "snapshot-create-as test s1; snapshot-edit test s1"; tmux_keys Enter
check "snapshot: asks" tmux_wait 'Try again\? \[y,n,f,\?\]: ?$' 10
tmux_type "n"; tmux_keys Enter
check "snapshot: gives up" tmux_wait "^$PROMPT" 10
tmux_start env EDITOR="$S/twice.sh" "$LVSH" -c test:///default
check "checkpoint: prompt" tmux_wait "$PROMPT" 10
rm -f "$S/twice.sh.n"
tmux_type "checkpoint-create-as test c1; checkpoint-edit test c1"; tmux_keys Enter
check "checkpoint: asks" tmux_wait 'Try again\? \[y,n,f,\?\]: ?$' 10
tmux_type "y"; tmux_keys Enter
# (the mended attempt is the original again: nothing to define)
check "checkpoint: y, then unchanged" tmux_wait '^Checkpoint c1 XML configuration not changed\.$' 10

tmux_done
