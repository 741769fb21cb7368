Graphical displays and console terminals: domdisplay, vncdisplay and
ttyconsole read the live domain XML the way virsh does, so their output is
compared byte for byte (stdout and exit status) with virsh 9.0 on the test
driver and on a fixture with vnc, spice and rdp displays (ports, TLS ports,
listen addresses as attributes and sub-elements, IPv6, wildcards, unix
sockets, passwords).

$ F="test://$FIXTURES/domain_display.xml"
> for uri in test:///default "$F"; do
>   virsh -c "$uri" list --all --name | sed '/^$/d' | while read -r d; do
>     for c in domdisplay "domdisplay --include-password" "domdisplay --all" \
>         "domdisplay --all --include-password" "domdisplay --type vnc" \
>         "domdisplay --type spice --include-password" "domdisplay --type rdp" \
>         "domdisplay --type dbus" vncdisplay ttyconsole; do
>       a=$(lvsh -c "$uri" $c "$d" 2>/dev/null; echo "rc=$?")
>       b=$(virsh -c "$uri" $c "$d" 2>/dev/null; echo "rc=$?")
>       [ "$a" = "$b" ] || echo "differs: $uri $c $d"
>     done
>   done
> done; echo checked
checked
? 0
$ lvsh -c "test://$FIXTURES/domain_display.xml" domdisplay 'vnc pw'
vnc://192.0.2.10:1
? 0
$ lvsh -c "test://$FIXTURES/domain_display.xml" domdisplay --include-password 'vnc pw'
vnc://:s3cret@192.0.2.10:1
? 0
$ lvsh -c "test://$FIXTURES/domain_display.xml" domdisplay --all --include-password 'spice·tls'
vnc://localhost:5
spice://[::1]:5930?tls-port=5931&password=pa ss
rdp://198.51.100.4:3389

? 0
$ lvsh -c "test://$FIXTURES/domain_display.xml" domdisplay --type spice 'subelement listen'
spice://[2001:db8::5]:5910
? 0
$ lvsh -c "test://$FIXTURES/domain_display.xml" domdisplay socket
vnc+unix:///run/vnc.sock
? 0
$ lvsh -c "test://$FIXTURES/domain_display.xml" 'vncdisplay "vnc pw"; vncdisplay spice·tls'
192.0.2.10:1

:5

? 0
$ lvsh -c "test://$FIXTURES/domain_display.xml" --json domdisplay --all 'spice·tls'
[{"type":"vnc","uri":"vnc://localhost:5"},{"type":"spice","uri":"spice://[::1]:5930?tls-port=5931"},{"type":"rdp","uri":"rdp://198.51.100.4:3389"}]
? 0
$ lvsh -c "test://$FIXTURES/domain_display.xml" vncdisplay --json 'vnc pw'
{"address":"192.0.2.10","display":1,"port":5901}
? 0

Absent displays and consoles: virsh's messages and exit 1 (ttyconsole
fails without a message, as virsh does).

$ lvsh -c "test://$FIXTURES/domain_display.xml" domdisplay 'no display'
! error: No graphical display found

? 1
$ lvsh -c "test://$FIXTURES/domain_display.xml" domdisplay --type foo 'vnc pw'
! error: No graphical display with type 'foo' found

? 1
$ lvsh -c "test://$FIXTURES/domain_display.xml" vncdisplay socket
! error: Failed to get VNC port. Is this domain using VNC?

? 1
$ lvsh -c test:///default ttyconsole test

? 1
$ lvsh -c "test://$FIXTURES/domain_display.xml" -f /dev/stdin <<'EOF2'
> destroy 'vnc pw'
> domdisplay 'vnc pw'
> EOF2
Domain 'vnc pw' destroyed
! /dev/stdin:2: error: Domain is not running
? 1
$ lvsh -c test:///default 'destroy test; vncdisplay test'
Domain 'test' destroyed

! error: Domain is not running

? 1
$ lvsh -c test:///default domdisplay nosuch
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default domdisplay --all --type vnc test
! error: options --all and --type of 'domdisplay' cannot be used together

? 2
$ lvsh -c test:///default vncdisplay test --bogus
! error: command 'vncdisplay' has no option --bogus
? 2
