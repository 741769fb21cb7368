Nothing lost, nothing leaked: NUL bytes, batch reading, write errors, secrets,
terminal escapes, -r, downloads (issue 16).

A NUL byte inside '...', "..." or after a backslash is refused with the line
and column; the command holding it does not run (test stays running).  A bare
NUL between words still separates them (badinput.t).
$ printf "destroy 'test\0-staging'\necho \"a\0b\"\necho a\\\\\0b\ndomstate test\n" > nul.lvsh; lvsh -c test:///default --on-error=continue -f nul.lvsh
running
! nul.lvsh:1: error: NUL byte in the line at column 14
! nul.lvsh:2: error: NUL byte in the line at column 8
! nul.lvsh:3: error: NUL byte in the line at column 8
? 2
A line is parsed whole before any of it runs: nothing on a line with a NUL runs.
$ printf 'echo before; echo "x\0y"; echo after\n' | lvsh -c test:///default
! <stdin>:1: error: NUL byte in the line at column 21
? 2
A quoted block of 40,000 lines is read in linear time (it took 27 s when
each new line rescanned the whole block); CPU seconds, with a wide margin.
$ { echo 'echo "'; yes line | head -n 40000; echo '" | x'; } > big.lvsh; TIMEFORMAT=%U; t=$( { time lvsh -c test:///default -f big.lvsh > out.txt; } 2>&1 ); wc -l < out.txt; awk -v t="$t" 'BEGIN { exit !(t < 5) }' && echo fast
40002
fast
? 0
A CRLF script with a backslash continuation joins the lines.
$ printf 'echo one \\\r\n  two\r\necho three\r\n' | lvsh -c test:///default
one two
three
? 0
A line that cannot be read for lack of memory is an error, not the end of
the script.
(ASan's shadow memory does not fit under ulimit -v: the ASan tier says so.)
$ if [ "${LVSH_SANITIZER:-}" = asan ]; then echo "not run under ASan"; exit 0; fi; head -c 120000000 /dev/zero | tr '\0' x | (ulimit -v 150000; MALLOC_ARENA_MAX=1 lvsh -c test:///default -f - 2>&1; echo "exit $?") | tr '\n' ' '; echo
(error: cannot read '<stdin>': Cannot allocate memory exit 1 |not run under ASan) (re)
? 0

Write errors: output that cannot be written fails the command with the cause;
a closed stdout is held on /dev/null read-only, so it fails too (and never
becomes libvirt's socket); a reader that goes away ends a loop quietly.
$ lvsh -c test:///default dumpxml test > /dev/full
! error: cannot write the output: No space left on device
? 1
$ lvsh -c test:///default --json dominfo test > /dev/full
! {"error":{"status":1,"code":0,"message":"cannot write the output: No space left on device"}}
? 1
$ printf 'domstate test\necho never\n' | lvsh -c test:///default --on-error=continue -f - > /dev/full
! <stdin>:1: error: cannot write the output: No space left on device
? 1
$ lvsh --version > /dev/full
! error: cannot write the output: No space left on device
? 1
$ lvsh -c test:///default list >&-
! error: cannot write the output: Bad file descriptor
? 1
$ timeout 60 lvsh -c test:///default event --all --loop | true; echo "status ${PIPESTATUS[0]}"
status 1
? 0
$ lvsh -c test:///default 'list --name; list --name' | head -c 0; echo "status ${PIPESTATUS[0]}"
status 1
? 0

At a terminal (script gives one), object data never reaches it raw: titles,
names in list --name, complete, info and error messages are escaped as in
tables.  Through a pipe the bytes stay as virsh prints them.
$ printf "destroy test\ndomrename test 'e\033[31m'\ndesc 'e\033[31m' --title 'a\033]0;pwned\007b\rc\tq\302\233x'\ndesc 'e\033[31m' --title\nlist --name --all\ncomplete -- start ''\ndomstate 'x\033[2J'\n" > esc.lvsh; script -qec "lvsh -c test:///default --on-error=continue -f esc.lvsh" /dev/null | tr -d '\r'
Domain 'test' destroyed
Domain successfully renamed
Domain title updated successfully
a\x1b]0;pwned\x07b\x0dc	q\xc2\x9bx
e\x1b[31m
e\x1b[31m
esc.lvsh:7: error: failed to get domain 'x\x1b[2J'
? 0
$ lvsh -c test:///default --on-error=continue -f esc.lvsh 2>&1 | tr -cd '\033' | wc -c
4
? 0

Secrets: the process arguments lose a secret's value before lvsh connects
(here to a socket that accepts and never answers, so lvsh waits in connect
while its /proc/PID/cmdline is read), in both one-shot forms.
$ printf 'import socket, sys, time\ns = socket.socket(socket.AF_UNIX)\ns.bind(sys.argv[1])\ns.listen(4)\nkeep = []\nwhile True:\n    keep.append(s.accept())\n    open(sys.argv[1] + ".acc", "a").write("x")\n' > hold.py; python3 hold.py l.sock & py=$!; for i in $(seq 600); do [ -e l.sock ] && break; sleep 0.1; done; lvsh -c "test+unix:///default?socket=$PWD/l.sock" secret-set-value relsec --base64=U0VDUkVU 2>/dev/null & p1=$!; for i in $(seq 600); do [ -s l.sock.acc ] && break; sleep 0.1; done; tr '\0' ' ' < /proc/$p1/cmdline | grep -c 'secret-set-value relsec --base64= *$'; lvsh -c "test+unix:///default?socket=$PWD/l.sock" 'secret-set-value relsec --base64 U0VDUkVU' 2>/dev/null & p2=$!; for i in $(seq 600); do [ "$(cat l.sock.acc)" = xx ] && break; sleep 0.1; done; tr '\0' '\n' < /proc/$p2/cmdline | grep -c U0VD; kill $p1 $p2 $py; wait
1
0
? 0
No error message quotes a value that could be a secret (every non-bool option
takes a word in order, as in virsh: the stray one comes after them).
$ lvsh -c test:///default secret-set-value relsec f b U0VDUkVU
! error: unexpected argument for command 'secret-set-value' (not shown: the command takes a secret)
? 2

-r decides from the options, before connecting (the URI below cannot even be
opened) or starting an editor, whether a command would write.
$ for c in "desc test --edit" "desc test --title new" "metadata test http://x.org/ --set <a/>" "blkiotune test --weight 100" "memtune test --hard-limit 1G" "schedinfo test --set cpu_shares=5" "vcpupin test 0 1" "emulatorpin test 0" "domtime test --sync" "perf test --enable cmt" "numatune test --nodeset 0" "domiftune test vnet0 --inbound 10" "blkdeviotune test vda --total-iops-sec 5" "snapshot-current test s1" "node-memory-tune --shm-pages-to-scan 5" "dommemstat test --period 5" "migrate-compcache test --size 1"; do EDITOR="touch edited" lvsh -r -c test:///no/such/file.xml "$c" 2>&1; done | sort | uniq -c; test -e edited || echo no editor ran
     17 
      1 error: 'blkdeviotune' changes state, but the connection is read-only (-r)
      1 error: 'blkiotune' changes state, but the connection is read-only (-r)
      2 error: 'desc' changes state, but the connection is read-only (-r)
      1 error: 'domiftune' changes state, but the connection is read-only (-r)
      1 error: 'dommemstat' changes state, but the connection is read-only (-r)
      1 error: 'domtime' changes state, but the connection is read-only (-r)
      1 error: 'emulatorpin' changes state, but the connection is read-only (-r)
      1 error: 'memtune' changes state, but the connection is read-only (-r)
      1 error: 'metadata' changes state, but the connection is read-only (-r)
      1 error: 'migrate-compcache' changes state, but the connection is read-only (-r)
      1 error: 'node-memory-tune' changes state, but the connection is read-only (-r)
      1 error: 'numatune' changes state, but the connection is read-only (-r)
      1 error: 'perf' changes state, but the connection is read-only (-r)
      1 error: 'schedinfo' changes state, but the connection is read-only (-r)
      1 error: 'snapshot-current' changes state, but the connection is read-only (-r)
      1 error: 'vcpupin' changes state, but the connection is read-only (-r)
no editor ran
? 0
Their reading forms still work under -r.
$ lvsh -r -c test:///default 'desc test --title; vcpupin test --vcpu 0; schedinfo test' 2>&1 | head -3
No title for domain: test
 VCPU   CPU Affinity
----------------------
? 0

A negative size is refused, blanks before the sign too (virsh: Malformed size).
$ lvsh -c test:///default vol-create-as default-pool neg ' -1'

! error: Scaled numeric value ' -1' for <capacity> option is malformed or out of range
? 2

Downloads write a temporary file next to the target and rename it when
complete: a failed download leaves the old file as it was, and no partial
or temporary file (the test driver has no streams, so it fails).
$ mkdir dl && cd dl && echo old > down.bin; lvsh -c test://$FIXTURES/storage.xml vol-download Zeta.iso down.bin --pool images 2>/dev/null; cat down.bin; ls -A

old
down.bin
? 0
A screenshot replaces an existing file whole, keeping its mode; to a device
it is written in place.
$ mkdir shot && cd shot && echo old > shot.png; chmod 640 shot.png; lvsh -c test:///default screenshot test --file shot.png; stat -c %a shot.png; head -c 4 shot.png | od -An -c; ls -A; lvsh -c test:///default screenshot test --file /dev/null
Screenshot saved to shot.png, with type of image/png
640
 211   P   N   G
shot.png
Screenshot saved to /dev/null, with type of image/png
? 0

Found by the fuzz tier: an XPath expression in invalid UTF-8 that selects
nothing printed "error: (null)"; now it selects nothing, as any other.
$ lvsh -c test:///default dumpxml test --xpath "$(printf '/h\245\217\320\234')"; echo "status $?"

status 0
? 0
