Core behaviour on the test driver: modes, errors, exit statuses.

$ lvsh -c test:///default list --all
 Id   Name   State
----------------------
 1    test   running

? 0
$ lvsh -c test:///default -q list --all
 1   test   running
? 0
$ lvsh -c test:///default 'domid test; domuuid test'
1

6695eb01-f6a4-8304-79aa-97f2502e193f

? 0
$ lvsh -c test:///default lsit
! error: unknown command 'lsit' (did you mean 'list'?)
? 2
$ lvsh -c test:///default list --foo
! error: command 'list' has no option --foo
? 2
$ lvsh -c test:///default domstate
! error: command 'domstate' requires option --domain
? 2
$ lvsh -c test:///default 'echo "open'
! error: unterminated double quote at column 6
? 2
$ lvsh -c test:///default -r destroy test
! error: 'destroy' changes state, but the connection is read-only (-r)

? 1
echo matches virsh's, byte for byte, in every mode.
$ for args in "--shell 'a b' \"c'd\" '\$x' plain" "--xml '<a&b>' '\"q\"'" "--split a,,b,c" "--split 'a b' c,d" "-- --shell" "'' x"; do eval "cmp <(lvsh echo $args) <(virsh echo $args)" || echo "differs: $args"; done; echo compared
compared
? 0
$ lvsh echo --shell --split a
! error: options --shell and --split of 'echo' cannot be used together

? 2
A 1 MB line through stdin.
$ python3 -c 'print("echo " + "x" * 1048576)' | lvsh | wc -c
1048577
? 0
