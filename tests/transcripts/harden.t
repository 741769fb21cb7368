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
Commands before the NUL on the same line still run, none after it.
$ printf 'echo before; echo "x\0y"; echo after\n' | lvsh -c test:///default
before
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
$ head -c 120000000 /dev/zero | tr '\0' x | (ulimit -v 150000; MALLOC_ARENA_MAX=1 lvsh -c test:///default -f -)
! error: cannot read '<stdin>': Cannot allocate memory
? 1
