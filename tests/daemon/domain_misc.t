Interface link state, NMI, keys, IOThreads, perf, lifecycle actions and the
QEMU monitor on a real QEMU guest (TCG, 32 MiB, user-mode NIC, no OS) in the
private libvirtd; script output compared with virsh's.

$ lvsh -c "$LVSH_TIER_QEMU" -q define "$FIXTURES/domain_misc.xml" && lvsh -c "$LVSH_TIER_QEMU" -q 'set-lifecycle-action "lvsh misc guest ü" crash preserve --config; set-lifecycle-action "lvsh misc guest ü" poweroff restart --config' && lvsh -c "$LVSH_TIER_QEMU" dumpxml "lvsh misc guest ü" --xpath '//on_crash|//on_poweroff'
<on_poweroff>restart</on_poweroff>
<on_crash>preserve</on_crash>

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'domif-setlink "lvsh misc guest ü" 52:54:00:4c:56:01 down --config; domif-getlink "lvsh misc guest ü" 52:54:00:4c:56:01 --config; domif-setlink "lvsh misc guest ü" 52:54:00:4c:56:01 up'
Device updated successfully

52:54:00:4c:56:01 down
Device updated successfully

? 0
$ lvsh -c "$LVSH_TIER_QEMU" -q start "lvsh misc guest ü"
? 0
$ G="lvsh misc guest ü"; for c in "--return-value {\"execute\":\"query-status\"}" \
>   "--pretty --return-value {\"execute\":\"query-name\"}" "--hmp info status" \
>   "--hmp info name"; do
>   diff <(lvsh -c "$LVSH_TIER_QEMU" qemu-monitor-command "$G" $c) \
>        <(virsh -c "$LVSH_TIER_QEMU" qemu-monitor-command "$G" $c) || echo "differs: $c"
> done; lvsh -c "$LVSH_TIER_QEMU" qemu-monitor-command "$G" --return-value '{"execute":"query-status"}'
{"status":"running","singlestep":false,"running":true}
? 0
$ lvsh -c "$LVSH_TIER_QEMU" qemu-monitor-command "lvsh misc guest ü" --hmp info status
VM status: running.* (re)


? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json qemu-monitor-command "lvsh misc guest ü" --return-value '{"execute":"query-name"}'
{"name":"lvsh misc guest ü"}
? 0
QEMU's error reply is printed as it is, as virsh does; --return-value has none.

$ lvsh -c "$LVSH_TIER_QEMU" qemu-monitor-command "lvsh misc guest ü" '{"execute":"no-such-command"}'
\{"id":"libvirt-[0-9]+","error":\{"class":"CommandNotFound","desc":"The command no-such-command has not been found"\}\} (re)
? 0
$ lvsh -c "$LVSH_TIER_QEMU" qemu-monitor-command "lvsh misc guest ü" --return-value '{"execute":"no-such-command"}'
! error: 'return' key not found in QMP result
? 1

A second client suspends the guest while qemu-monitor-event waits.

$ (sleep 3; lvsh -c "$LVSH_TIER_QEMU" -q suspend "lvsh misc guest ü") & lvsh -c "$LVSH_TIER_QEMU" qemu-monitor-event --domain "lvsh misc guest ü" --event STOP --timeout 60; wait
event STOP at [0-9]+\.[0-9]{6} for domain 'lvsh misc guest ü': <null> (re)
events received: 1

? 0
$ (sleep 3; lvsh -c "$LVSH_TIER_QEMU" -q resume "lvsh misc guest ü") & lvsh -c "$LVSH_TIER_QEMU" --json qemu-monitor-event --regex --no-case --event '^resu' --timeout 60; wait
\{"event":"RESUME","domain":"lvsh misc guest ü","time":[0-9.]+,"details":null\} (re)
{"events_received":1,"end":"done"}
? 0
$ lvsh -c "$LVSH_TIER_QEMU" qemu-monitor-event --event NO_SUCH_EVENT --loop --timeout 1
event loop timed out
events received: 0

? 1
$ G="lvsh misc guest ü"; for c in "inject-nmi" "send-key --keycode KEY_A" \
>   "send-key --codeset xt --holdtime 20 --keycode 30" "domif-getlink --interface 52:54:00:4c:56:01" \
>   "domiftune --interface 52:54:00:4c:56:01" "perf"; do
>   diff <(lvsh -c "$LVSH_TIER_QEMU" $c --domain "$G" 2>&1; echo $?) \
>        <(virsh -c "$LVSH_TIER_QEMU" $c --domain "$G" 2>&1; echo $?) || echo "differs: $c"
> done; echo checked
checked
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'domif-setlink "lvsh misc guest ü" 52:54:00:4c:56:01 down; domif-getlink "lvsh misc guest ü" 52:54:00:4c:56:01; domif-getlink "lvsh misc guest ü" 52:54:00:4c:56:01 --config'
Device updated successfully

52:54:00:4c:56:01 down
52:54:00:4c:56:01 up
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'iothreadadd "lvsh misc guest ü" 3; iothreadpin "lvsh misc guest ü" 3 0; iothreadinfo "lvsh misc guest ü"; iothreaddel "lvsh misc guest ü" 3; iothreadinfo "lvsh misc guest ü"'


 IOThread ID   CPU Affinity
-----------------------------
 3             0


No IOThreads found for the domain
? 0
$ lvsh -c "$LVSH_TIER_QEMU" iothreaddel "lvsh misc guest ü" 3
! error: invalid argument: .* (re)

? 1
$ lvsh -c "$LVSH_TIER_QEMU" --json perf "lvsh misc guest ü" --enable cpu_clock --live
{"cpu_clock":true}
? 0
$ lvsh -c "$LVSH_TIER_QEMU" send-process-signal "lvsh misc guest ü" 1 kill
! error: failed to send signal kill to process 1 of domain 'lvsh misc guest ü'
! error: .* (re)

? 1
$ lvsh -c "$LVSH_TIER_QEMU" -q 'destroy "lvsh misc guest ü"; undefine "lvsh misc guest ü"'
? 0
