Bad input on the test driver: it never crashes, never half-applies, and
says where the problem is.  Exit 1 for a failed command, 2 for a command
used wrongly; never a signal (a crash would show as 128+N).

Malformed XML: the first error's line and column, nothing defined (the
listing afterwards is the test driver's default one).

$ printf '<interface type="ethernet" name="e9">\n  <mac address=52:54:00:00:00:09/>\n</interface>\n' > bad.xml
> lvsh -c test:///default -q --on-error=continue 'iface-define bad.xml; iface-list --all'
! error: bad.xml:2:16: malformed XML: AttValue: " or ' expected
 eth1   active   aa:bb:cc:dd:ee:ff
? 1
$ printf '<device>\n  <name>x</name>\n  <parent>scsi_host11</parent>\n' > cut.xml
> lvsh -c test:///default --on-error=continue 'nodedev-create cut.xml; nodedev-list'
! error: cut.xml:4:1: malformed XML: Premature end of data in tag device line 1

computer
scsi_host1
scsi_host11
scsi_host2

? 1
$ printf '' > empty.xml; printf ' \n\n' > blank.xml; lvsh -c test:///default --on-error=continue 'iface-define empty.xml; iface-define blank.xml'
! error: empty.xml: empty XML document
! error: blank.xml:3:1: malformed XML: Start tag expected, '<' not found


? 1

A NUL byte would cut the document libvirt sees: refused, with its place.
$ printf '<interface type="ethernet" name="e9">\n  <mac address="52:54:00:00:00:09"/>\000junk</interface>\n' > nul.xml
> lvsh -c test:///default -q --on-error=continue 'iface-define nul.xml; iface-list --all'
! error: nul.xml:2:37: malformed XML: NUL byte
 eth1   active   aa:bb:cc:dd:ee:ff
? 1

Invalid UTF-8 inside XML is libxml2's encoding error, with its place.
$ printf '<interface type="ethernet" name="e\xff9">\n</interface>\n' > utf.xml; lvsh -c test:///default iface-define utf.xml
! error: utf.xml:1:35: malformed XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0x39 0x22 0x3E

? 1

Elements nested 100,000 deep: libxml2's depth limit, not a stack overflow.
$ python3 -c "print('<a>' * 100000 + '</a>' * 100000)" > deep.xml; lvsh -c test:///default iface-define deep.xml
! error: deep.xml:1:\d+: malformed XML: Excessive depth in document: 256 .* (re)

? 1

Well-formed XML for the wrong object type: libvirt's error, nothing defined.
$ printf '<network><name>lvsh-net</name></network>' > net.xml
> lvsh -c test:///default -q --on-error=continue 'iface-define net.xml; iface-list --all'
! error: Failed to define interface from net.xml
! error: XML error: expecting root element of 'interface', not 'network'
 eth1   active   aa:bb:cc:dd:ee:ff
? 1
$ printf "<domain type='test'><name>lvsh-dom</name><memory>8192</memory><os><type>hvm</type></os></domain>" > dom.xml
> lvsh -c test:///default -q --on-error=continue 'nodedev-create dom.xml; iface-define dom.xml; nodedev-list; list --all --name'
! error: Failed to create node device from dom.xml
! error: XML error: expecting root element of 'device', not 'domain'
! error: Failed to define interface from dom.xml
! error: XML error: expecting root element of 'interface', not 'domain'
computer
scsi_host1
scsi_host11
scsi_host2
test
? 1

Unknown objects, for every lookup kind: domains by name, id and UUID,
interfaces by name and MAC, node devices by name (secrets: the daemon tier).

$ lvsh -c test:///default --on-error=continue 'domstate nosuch; domname 99; domid 00000000-0000-0000-0000-000000000000; iface-mac nosuch; iface-name 00:00:00:00:00:01; nodedev-info nosuch'
! error: failed to get domain 'nosuch'
! error: failed to get domain '99'
! error: failed to get domain '00000000-0000-0000-0000-000000000000'
! error: failed to get interface 'nosuch'
! error: Interface not found: no interface with matching name 'nosuch'
! error: failed to get interface '00:00:00:00:00:01'
! error: Interface not found: no interface with matching mac '00:00:00:00:00:01'
! error: Could not find matching device 'nosuch'
! error: Node device not found: no node device with matching name 'nosuch'






? 1
$ lvsh -c test:///default --json nodedev-dumpxml nosuch
! {"error":{"status":1,"code":(\d+),"message":"Could not find matching device 'nosuch'","detail":"Node device not found: no node device with matching name 'nosuch'"}} (re)
? 1

Unterminated quotes and unknown options are usage errors (exit 2), in
every mode.  A line is parsed whole before any of it runs, as virsh does:
the commands before a bad quote on the same line do not run.

$ lvsh -c test:///default "echo before; echo 'never"
! error: unterminated single quote at column 19
? 2
$ printf 'echo one\necho "two\n' > q.lvsh; lvsh -c test:///default -f q.lvsh
one
! q.lvsh:2: error: unterminated double quote at column 6
? 2
$ printf 'echo one\necho "two\n' | lvsh -c test:///default
one
! <stdin>:2: error: unterminated double quote at column 6
? 2
$ printf 'domstate test --no-such-option\necho never\n' | lvsh -c test:///default
! <stdin>:1: error: command 'domstate' has no option --no-such-option
? 2
$ lvsh -c test:///default domstate test --no-such-option
! error: command 'domstate' has no option --no-such-option
? 2
$ lvsh -c test:///default --json 'domstate test --reason=x'
! {"error":{"status":2,"code":0,"message":"option --reason of 'domstate' takes no value"}}
? 2

A 1 MB line, through -f and through stdin: handled whole.

$ python3 -c "print('echo ' + 'x' * 1048576)" > big.lvsh; lvsh -c test:///default -f big.lvsh | wc -c
1048577
? 0
$ python3 -c "print('echo ' + 'x' * 1048576)" | lvsh -c test:///default | wc -c
1048577
? 0
$ python3 -c "print('domstate ' + 'y' * 1048576)" | lvsh -c test:///default 2>&1 | cut -c1-40
<stdin>:1: error: failed to get domain '
? 0
$ python3 -c "print('echo \"' + 'z' * 1048576)" | lvsh -c test:///default; echo "status $?"
! <stdin>:1: error: unterminated double quote at column 6
status 2
? 0
$ python3 -c "print('echo ' + 'wwwwwww ' * 131072)" | lvsh -c test:///default | wc -c
1048576
? 0

Very long option values (100 KB; more would pass the kernel's limit on one
argument, the 1 MB cases above go through scripts).

$ lvsh -c test:///default domstate --domain "$(head -c 100000 /dev/zero | tr '\0' a)" 2>&1 | cut -c1-40
error: failed to get domain 'aaaaaaaaaaa

? 0
$ lvsh -c test:///default iface-dumpxml eth1 --xpath "string(//mac/@address)$(head -c 100000 /dev/zero | tr '\0' ' ')"
aa:bb:cc:dd:ee:ff

? 0
$ lvsh -c test:///default iface-dumpxml eth1 --xpath "$(python3 -c "print('(' * 50000 + '1' + ')' * 50000)")" 2>&1 | cut -c1-44
error: invalid XPath expression '(((((((((((

? 0
$ lvsh -c "test:///$(head -c 100000 /dev/zero | tr '\0' d)" list 2>&1 | cut -c1-40
error: failed to connect to the hypervis
error: XML error: failed to parse xml do
? 0

NUL bytes in a script separate words; they never cut a line short.

$ printf 'echo a\000b\necho c\000\000d e\n' | lvsh -c test:///default
a b
c d e
? 0
$ printf 'echo a\000b\n' > nul.lvsh; printf 'domstate\000test\n' >> nul.lvsh; lvsh -c test:///default -f nul.lvsh
a b
running
? 0

Invalid UTF-8 in names and arguments: passed through as bytes in text,
escaped in JSON, never a crash.

$ printf 'echo t\xffst\n' | lvsh -c test:///default | od -An -c
   t 377   s   t  \n
? 0
$ printf 'domstate t\xffst\n' | lvsh -c test:///default --json
! {"error":{"status":1,"code":42,"message":"failed to get domain 't\\xffst' (did you mean 'test'?)","detail":"Domain not found","file":"<stdin>","line":1}}
? 1
$ lvsh -c test:///default --json "list --foo$(printf '\xfe\xc3')"
! {"error":{"status":2,"code":0,"message":"command 'list' has no option --foo\\xfe\\xc3"}}
? 2
$ lvsh -c test:///default "$(printf 'nodedev-info \xc3\x28')"
! error: Could not find matching device '.\(' (re)
! error: Node device not found: no node device with matching name .* (re)

? 1
$ lvsh -c test:///default "$(printf '\xed\xa0\x80cmd')"
! error: unknown command .* (re)
? 2

Quotes nested 12 levels deep (each level escapes the one inside): one
level comes off, the rest is the argument, byte for byte.

$ cat > nest.py <<'X'
> import sys
> w = "it's"
> for _ in range(12):
>     inner = w
>     w = '"' + w.replace('\\', '\\\\').replace('"', '\\"') + '"'
> sys.stdout.write(inner if sys.argv[1] == "want" else "echo " + w + "\n")
> X
> python3 nest.py line > nest.lvsh; python3 nest.py want > want.txt; echo >> want.txt
> lvsh -c test:///default -f nest.lvsh > got.txt; echo "status $?"; cmp got.txt want.txt && wc -c < want.txt
status 0
4099
? 0
$ python3 -c "print('echo ' + ''.join(\"'a'\\\"b\\\"\" for _ in range(50000)))" | lvsh -c test:///default | wc -c
100001
? 0
$ python3 -c "print('echo ' + '\\\\' * 100000)" | lvsh -c test:///default | wc -c
50001
? 0

A script with CRLF line ends runs as if it had LF ones.

$ printf 'echo one\r\ndomstate test --reason\r\n\r\n# comment\r\necho "two"\r\n' > crlf.lvsh; lvsh -c test:///default -f crlf.lvsh
one
running (unknown)
two
? 0
$ printf '<interface type="ethernet" name="crlf0">\r\n  <mac address="52:54:00:00:00:0c"/>\r\n</interface>\r\n' > crlf.xml
> printf 'iface-define crlf.xml\r\niface-list --all\r\n' | lvsh -c test:///default -q
 crlf0   inactive   52:54:00:00:00:0c
 eth1    active     aa:bb:cc:dd:ee:ff
? 0

Random bytes as a script, several fixed seeds: each run ends with 0, 1 or
2, never a signal, and within the time limit.

$ for seed in 1 2 3 4 5 6; do
>   python3 -c "import random,sys; r=random.Random($seed); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(32768)))" > r$seed.bin
>   lvsh -c test:///default --on-error=continue -f r$seed.bin > /dev/null 2>&1; echo "seed $seed: $?"
> done | grep -Ev ': [012]$'; echo checked
checked
? 0
$ for seed in 11 12 13 14; do
>   python3 -c "import random,sys; r=random.Random($seed); t=['echo','\'','\"','\\\\',';','#',' ','\n','\r','\t','--','=','\xff','é','x','--json','help']; sys.stdout.buffer.write(b''.join(r.choice(t).encode('utf-8','surrogateescape') for _ in range(20000)))" > s$seed.bin
>   lvsh -c test:///default --on-error=continue < s$seed.bin > /dev/null 2>&1; echo "seed $seed: $?"
> done | grep -Ev ': [012]$'; echo checked
checked
? 0

A script that cannot be read is an error, not an empty script.

$ mkdir d; lvsh -c test:///default -f d; echo "status $?"; lvsh -c test:///default < d; echo "status $?"
! error: cannot read 'd': Is a directory
status 1
! error: cannot read '<stdin>': Is a directory
status 1
? 0
