Batch mode (-f FILE, -f -, piped stdin), one-shot forms and JSON documents.

A script that fails on line 3 stops there with that command's status.
$ printf 'domstate test\n\ndomstate nosuch\necho never\n' > s.lvsh; lvsh -c test:///default -f s.lvsh
running
! s.lvsh:3: error: failed to get domain 'nosuch'
? 1
$ printf 'domstate test\n\ndomstate nosuch\necho went-on\nlist --bogus\necho end\n' > s.lvsh; lvsh -c test:///default --on-error=continue -f s.lvsh
running
went-on
end
! s.lvsh:3: error: failed to get domain 'nosuch'
! s.lvsh:5: error: command 'list' has no option --bogus
? 1
$ printf 'list --bogus\ndomstate nosuch\n' | lvsh -c test:///default --on-error=continue -f -
! <stdin>:1: error: command 'list' has no option --bogus
! <stdin>:2: error: failed to get domain 'nosuch'
? 2
$ printf 'destroy test\ndomstate test --reason\n' | lvsh -c test:///default
Domain 'test' destroyed
shut off (destroyed)
? 0
Comments, CRLF line ends, multi-line quotes and continuations.
$ printf '# a comment\r\necho "two\nlines" # trailing\r\necho a \\\n  b\r\n' | lvsh -c test:///default
two
lines
a b
? 0
$ printf 'echo ok\necho "never closed\n' | lvsh -c test:///default
ok
! <stdin>:2: error: unterminated double quote at column 6
? 2
Random bytes as a script never crash.
$ head -c 4096 /dev/urandom > junk.bin; lvsh -c test:///default --on-error=continue -f junk.bin >/dev/null 2>&1; test $? -le 2 && echo survived
survived
? 0
One-shot: argv needs no re-quoting; one string is split on ';'.
$ lvsh -c test:///default echo 'a b' "c;d"
a b c;d
? 0
$ lvsh -c test:///default 'echo one; echo "two; three"'
one
two; three
? 0
$ lvsh -c test:///default 'domstate nosuch; echo not-reached'
! error: failed to get domain 'nosuch'

? 1
JSON: one document per line, errors as JSON objects on stderr.
$ lvsh -c test:///default --json 'domstate test; domid test; echo hi'
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","state":"running","reason":"unknown"}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","id":1}
{"text":"hi","words":["hi"]}
? 0
$ lvsh -c test:///default --json domstate nosuch
! \{"error":\{"status":1,"code":42,"message":"failed to get domain 'nosuch'","detail":"Domain not found.*"\}\} (re)
? 1
$ printf 'list --bogus\n' | lvsh -c test:///default --json
! {"error":{"status":2,"code":0,"message":"command 'list' has no option --bogus","file":"<stdin>","line":1}}
? 2
$ lvsh -c test:///default 'set output json; domid test; domid test --json; set output table; domid test'

{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","id":1}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","id":1}
1

? 0
$ lvsh -c test:///default -o csv list --all
id,name,state
1,test,running
? 0
One table of format names: `set output` takes what -o takes ("text" too).
$ lvsh -c test:///default -o text 'domid test; set output csv; list; set output text; domid test; set output yaml'
1


id,name,state
1,test,running
1


! error: unknown output format 'yaml' (table, json, csv, vertical)
? 2
Global options.
$ lvsh --output yaml list
! error: unknown output format 'yaml' (table, json, csv, vertical)
? 2
$ lvsh --bogus
! error: unknown option '--bogus' (see lvsh --help)
? 2
$ lvsh --on-error=maybe list
! error: --on-error takes 'stop' or 'continue', not 'maybe'
? 2
$ lvsh -v
0.1.0
? 0
$ LVSH_DEFAULT_URI=test:///default lvsh uri
test:///default

? 0
$ lvsh -c test:///nonexistent/file.xml list
! error: failed to connect to the hypervisor
! error: .* (re)
? 1
