#!/usr/bin/env bash
# Interruptions in a real terminal, without a daemon: the prompt is drawn
# once after Ctrl-C ends a command, Ctrl-Z + fg gives the line back in raw
# mode, and a listener that accepts and never answers fails -c within
# --connect-timeout (one-shot and in the REPL, where Ctrl-C also ends it).
T_NAME=bounded
. "$(dirname "$0")/lib.sh"
PROMPT='lvsh test# ?$'

count_prompts() { tmux_screen | grep -c 'lvsh test#'; }

# 1. Ctrl-C ends an event loop; one prompt follows, not two.
tmux_start env PS1="'sh\$ '" HISTFILE=/dev/null bash --norc --noprofile
tmux_wait '^sh\$ ?$'
tmux_type "'$LVSH' -c test:///default"; tmux_keys Enter
check "prompt" tmux_wait "$PROMPT" 10
tmux_type "event --all --loop"; tmux_keys Enter
sleep 0.5
tmux_keys C-c
check "event loop ends on Ctrl-C" tmux_wait '^events received: 0$'
check "the next prompt" tmux_wait "^$PROMPT"
sleep 0.5
check "drawn once ($(count_prompts) prompts on screen, want 2)" test "$(count_prompts)" = 2

# 2. Ctrl-Z at the prompt, then fg: the line comes back and raw mode too
# (typed text appears once, not echoed by the terminal as well).
tmux_type "dom"
tmux_keys C-z
check "Ctrl-Z stops lvsh" tmux_wait 'Stopped'
tmux_type "fg"; tmux_keys Enter
check "fg redraws the edited line" tmux_wait "^lvsh test# dom$"
tmux_type "state test"
check "typed once after fg" tmux_wait "^lvsh test# domstate test$"
tmux_keys Enter
check "the command runs" tmux_wait '^running$'
tmux_type "quit"; tmux_keys Enter
check "exits" tmux_wait '^sh\$ ?$'

# 3. Ctrl-C in the editor belongs to the editor: lvsh waits for it.
cat > "$T_SCRATCH/ed.sh" <<'X'
#!/bin/sh
trap '' INT
echo editor-running
sleep 2
echo editor-done
X
chmod +x "$T_SCRATCH/ed.sh"
tmux_start env EDITOR="$T_SCRATCH/ed.sh" "$LVSH" -c test:///default
check "editor: prompt" tmux_wait "$PROMPT" 10
tmux_type "edit test"; tmux_keys Enter
check "editor: runs" tmux_wait '^editor-running$' 10
tmux_keys C-c
check "editor: finishes" tmux_wait 'editor-done$' 10
# (the `sh -c` that runs $EDITOR may still say it failed: that is its own Ctrl-C)
check "editor: prompt after the editor" tmux_wait "^$PROMPT" 10
check "editor: no interruption reported" bash -c "! tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q interrupted"

# 4. A listener that accepts and never speaks.
port_file=$T_SCRATCH/port
python3 - "$port_file" <<'PY' &
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(s.getsockname()[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
held = []
s.settimeout(120)
try:
    while True:
        held.append(s.accept()[0])
except Exception:
    pass
PY
listener=$!
for _ in $(seq 1 200); do [ -s "$port_file" ] && break; sleep 0.05; done
URI="qemu+tcp://127.0.0.1:$(cat "$port_file")/system"

start=$(date +%s%N)
out=$("$LVSH" --connect-timeout 2 -c "$URI" list 2>&1)
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "# connect deadline 2 s: failed after ${ms} ms"
check "-c fails on the silent listener (rc $rc)" test $rc = 1
check "within the deadline and slack (${ms} ms)" test $ms -lt 15000
check "virsh's first line" grep -q "^error: failed to connect to the hypervisor$" <<<"$out"
check "says it timed out, naming the URI" grep -q "^error: timed out after 2 s connecting to '$URI'$" <<<"$out"

# In the REPL: set connect-timeout, then Ctrl-C before the deadline.
tmux_start "$LVSH" -c test:///default
check "repl prompt" tmux_wait "$PROMPT" 10
tmux_type "set connect-timeout 100"; tmux_keys Enter
tmux_type "connect $URI"; tmux_keys Enter
sleep 1
start=$(date +%s%N)
tmux_keys C-c
check "Ctrl-C ends the connect" tmux_wait '^error: interrupted$' 10
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "# Ctrl-C during connect: ${ms} ms"
check "Ctrl-C answered within 5 s (${ms} ms)" test $ms -lt 5000
check "prompt back" tmux_wait "^$PROMPT"
tmux_type "domstate test"; tmux_keys Enter
check "the old connection still works" tmux_wait '^running$'
kill "$listener" 2>/dev/null
wait "$listener" 2>/dev/null
tmux_done
