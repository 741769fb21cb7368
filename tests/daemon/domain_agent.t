Displays, console and guest-agent commands on a real QEMU guest (TCG,
32 MiB, no OS, VNC on 127.0.0.1 with an automatic port, a serial console,
no guest agent channel) in the private libvirtd.  The display and console
answers are compared byte for byte with virsh 9.0 (the VNC port and the pty
depend on the host, so literal lines are regular expressions).

$ lvsh -c "$LVSH_TIER_QEMU" "define '$FIXTURES/domain_agent_guest.xml'; start 'lvsh agent guest'" | sed "s|$FIXTURES|FIXTURES|"
Domain 'lvsh agent guest' defined from FIXTURES/domain_agent_guest.xml

Domain 'lvsh agent guest' started

? 0
$ for c in domdisplay "domdisplay --all" "domdisplay --include-password" "domdisplay --type vnc" \
>     "domdisplay --type spice" vncdisplay ttyconsole; do
>   a=$(lvsh -c "$LVSH_TIER_QEMU" $c 'lvsh agent guest' 2>/dev/null; echo "rc=$?")
>   b=$(virsh -c "$LVSH_TIER_QEMU" $c 'lvsh agent guest' 2>/dev/null; echo "rc=$?")
>   [ "$a" = "$b" ] || echo "differs: $c"
> done; echo checked
checked
? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'domdisplay "lvsh agent guest"; vncdisplay "lvsh agent guest"; ttyconsole "lvsh agent guest"'
vnc://127\.0\.0\.1:\d+ (re)
127\.0\.0\.1:\d+ (re)

/dev/pts/\d+ (re)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json vncdisplay "lvsh agent guest"
\{"address":"127\.0\.0\.1","display":\d+,"port":59\d\d\} (re)
? 0

Without a guest agent channel every agent command shows libvirt's error and
exits 1 (setting the agent timeout needs no agent and succeeds).

$ cd "$(mktemp -d)"; printf 'ssh-ed25519 AAAA one\n' > keys
> for c in domfsfreeze domfsthaw domfstrim "get-user-sshkeys --user root" \
>     "set-user-sshkeys --user root --file keys" "set-user-password --user root --password pw" \
>     guestinfo "guestinfo --os --hostname" guestvcpus "guestvcpus --cpulist 0 --enable" \
>     "qemu-agent-command --cmd {\"execute\":\"guest-ping\"}"; do
>   lvsh -c "$LVSH_TIER_QEMU" $c 'lvsh agent guest' 2>&1 | grep -c 'QEMU guest agent is not configured'
>   echo "rc=${PIPESTATUS[0]}"
> done | sort | uniq -c
     11 1
     11 rc=1
? 0
$ lvsh -c "$LVSH_TIER_QEMU" guestinfo 'lvsh agent guest'
! error: argument unsupported: QEMU guest agent is not configured

? 1
$ lvsh -c "$LVSH_TIER_QEMU" domfsfreeze 'lvsh agent guest'
! error: Unable to freeze filesystems
! error: argument unsupported: QEMU guest agent is not configured

? 1
$ lvsh -c "$LVSH_TIER_QEMU" qemu-agent-command 'lvsh agent guest' --timeout 5 '{"execute":"guest-ping"}'
! error: argument unsupported: QEMU guest agent is not configured

? 1
$ lvsh -c "$LVSH_TIER_QEMU" guest-agent-timeout 'lvsh agent guest' --timeout 5

? 0

A guest that is not running has no display.

$ lvsh -c "$LVSH_TIER_QEMU" 'destroy "lvsh agent guest"'
Domain 'lvsh agent guest' destroyed

? 0
$ lvsh -c "$LVSH_TIER_QEMU" domdisplay 'lvsh agent guest'
! error: Domain is not running

? 1
$ lvsh -c "$LVSH_TIER_QEMU" undefine 'lvsh agent guest'
Domain 'lvsh agent guest' has been undefined

? 0
