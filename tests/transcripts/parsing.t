Parsing as virsh 9.0 parses: the whole line before anything runs, every
non-bool option filled positionally in table order, virsh's old option
spellings (aliases).

A bad option or an unknown command later in the line runs nothing.

$ lvsh -c test:///default 'destroy test; domstate test --bogus'
! error: command 'domstate' has no option --bogus
? 2
$ lvsh -c test:///default 'destroy test; nosuchcommand'
! error: unknown command 'nosuchcommand' (try 'help')
? 2
$ lvsh -c test:///default 'destroy test; domstate test'
Domain 'test' destroyed

shut off

? 0

Positional words fill the options in virsh's order.

$ lvsh -c test:///default -q pool-define-as guest_images dir - - - - /guest_images --print-xml
<pool type='dir'>
  <name>guest_images</name>
  <source>
    <host name='-'/>
    <dir path='-'/>
    <device path='-'/>
    <name>-</name>
  </source>
  <target>
    <path>/guest_images</path>
  </target>
</pool>
? 0
$ lvsh -c test:///default -q 'domtime test 1234567890 --json'
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"time set","seconds":1234567890,"nseconds":0}
? 0
$ lvsh -c test:///default domstate test extra
! error: unexpected argument 'extra' for command 'domstate'
? 2
$ lvsh -c test:///default domstate test --domain test
! error: option --domain was given more than once to 'domstate'
? 2
$ lvsh -c test:///default 'schedinfo test j=k' 2>&1 >/dev/null
error: invalid scheduler option: j
? 1

Options virsh fills only by name stay named (--xpath, schedinfo's --weight).

$ lvsh -c test:///default 'net-dumpxml default /network/name'
! error: unexpected argument '/network/name' for command 'net-dumpxml'
? 2

Aliases: accepted, hidden from help and completion.

$ lvsh -c test:///default -q 'echo --str hello; echo --hi; echo a --hi b'
hello
hello
a hello b
? 0
$ lvsh -c test:///default -q 'setmem test --kilobytes 1048576; dommemstat test' | grep actual
actual 1048576
? 0
$ lvsh -c test:///default 'echo --hi=x'
! error: option --hi of 'echo' takes no value
? 2
$ lvsh -c test:///default 'setmem test --size 1 --kilobytes 2'
! error: option --size was given more than once to 'setmem'
? 2
$ lvsh -c test:///default 'nodedev-destroy --name nosuch' 2>&1 | head -1
error: Could not find matching device 'nosuch'
? 0
$ lvsh help setmem | grep -c kilobytes
0
? 1
$ lvsh -c test:///default complete -- blkdeviotune test vda --total_ | wc -l
0
? 0

Global options virsh's scripts use.

$ lvsh -x0 list
! error: unknown option '-x' (see lvsh --help)
? 2
$ lvsh -d0 -c test:///default echo hi
hi
! echo: string(argv): hi
? 0
-d 0 (debug) traces what the parser made of each command on stderr, before
any runs, as virsh's debug level does; secrets are masked; -d 1 and up add
nothing (lvsh reports warnings and errors at every level).
$ lvsh -d 0 -c test:///default 'domstate test --reason; setmem test 1G --config' 2>&1 >/dev/null
domstate: domain(optdata): test
domstate: reason(bool): (none)
setmem: domain(optdata): test
setmem: size(number): 1G
setmem: config(bool): (none)
? 0
$ lvsh -d 0 -c test:///default secret-set-value 0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f --base64 c2VjcmV0 2>&1 >/dev/null | head -2
secret-set-value: secret(optdata): 0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f
secret-set-value: base64(string): ***
? 0
$ lvsh -d 1 -c test:///default domstate test
running

? 0
$ lvsh -d x echo hi
! error: option -d takes a number from 0 to 4
? 2
$ lvsh --version=long | head -1
lvsh 0.1.0
? 0
$ LIBVIRT_DEFAULT_URI=test:///default?bad VIRSH_DEFAULT_CONNECT_URI=test:///default?good lvsh 'uri; connect; uri'
test:///default?good


test:///default?good

? 0
$ VIRSH_DEFAULT_CONNECT_URI=test:///default?bad lvsh -c test:///default?good uri
test:///default?good

? 0
$ lvsh -l log.txt -c test:///default 'domstate nosuch' >/dev/null 2>&1; sed 's/^\[[^]]*\]/[stamp]/' log.txt
[stamp] ERROR failed to get domain 'nosuch'
[stamp] ERROR Domain not found
? 0

virsh mode (--virsh, or the binary run as virsh): a line goes on after a
failure and its status is the last command's; usage errors exit 1 with
virsh's words.

$ lvsh --virsh -q -c test:///default 'domstate nosuch; echo last' 2>/dev/null
last
? 0
$ lvsh --virsh -c test:///default 'destroy test; domstate test --bogus'
! error: command 'domstate' doesn't support option --bogus
? 1
$ lvsh --virsh -c test:///default 'echo a; nosuch'
! error: unknown command: 'nosuch'
? 1
$ lvsh --virsh -c test:///default 'domstate test extra'
! error: unexpected data 'extra'
? 1
$ lvsh --virsh -x
! error: unsupported option '-x'. See --help.
? 1
$ lvsh --virsh -c test:///default 'setmem test abc' 2>&1
error: Scaled numeric value 'abc' for <size> option is malformed or out of range

? 1

The tokenizer follows virsh: backslash-newline joins inside double quotes,
a quoted or escaped '#' first word comments out its command, a final
backslash escapes nothing.

$ lvsh -c test:///default "$(printf 'echo \"a\\\nb\"')"
ab
? 0
$ lvsh -c test:///default '\# x;echo y'
y
? 0
$ lvsh -c test:///default "'#x' y; echo z"
z
? 0
$ lvsh -c test:///default 'echo a\'
! error: dangling \ at column 7
? 2
$ lvsh --virsh -c test:///default 'echo a\'
! error: dangling \
? 1
$ lvsh --virsh -c test:///default 'echo "a'
! error: missing "
? 1

Completion reads aliases as the options they spell.

$ lvsh -c test:///default complete -- setmem --kilobytes 5 ''
test
? 0
$ lvsh -c test:///default complete -- domif-getlink test --persistent '' | head -1
aa:bb:cc:dd:ee:ff
? 0
