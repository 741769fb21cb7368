Help comes from the command table: every command has it, as text and JSON.

$ lvsh help --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(all(c["summary"] and c["description"] for g in d["groups"] for c in g["commands"]))'
True
? 0
Each command's text help is checked in process by the unit tier
(tests/unit/test_cmdtab.c); here a few through the binary, both ways:

$ for c in list domstate vol-upload secret-set-value; do lvsh $c --help | grep -c '^  SYNOPSIS'; lvsh help $c --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])'; done
1
list
1
domstate
1
vol-upload
1
secret-set-value
? 0
$ lvsh help domstate
  NAME
    domstate - print a domain's state

  SYNOPSIS
    domstate [--domain] <domain> [--reason]

  DESCRIPTION
    Print the state of a domain (running, paused, shut off, ...); with --reason, the reason for it in parentheses.

  OPTIONS
    --domain <domain>        domain name, id or uuid
    --reason                 also say why it is in that state


? 0
$ lvsh help shell | head -2
 Shell Commands (help keyword 'shell'):
    cd                             change the current directory
? 0
$ lvsh help domstae
! error: no command or group 'domstae' (did you mean 'domstate'?)

? 2
$ lvsh help quit --json
{"name":"quit","aliases":["exit"],"group":"shell","summary":"leave the shell","description":"End the interactive session or the script.","synopsis":"quit","options":[],"exclusive":[],"flags":{"connection":false,"writes":false,"xml":false}}
? 0
$ lvsh exit --help | head -5
  NAME
    quit - leave the shell

  ALIASES
    exit
? 0
The committed manual page is what the command table generates (make docs).
$ lvsh man-page | diff - "$TESTS/../docs/lvsh.1" && echo same
same
? 0
Every listed command has a section in the page.
$ test "$(lvsh man-page | grep -c '^\.SS ')" = "$(lvsh help --json | python3 -c 'import json,sys; print(sum(len(g["commands"]) for g in json.load(sys.stdin)["groups"]))')" && echo all
all
? 0
$ lvsh help backup
 Backup (help keyword 'backup'):
    backup-begin                   start a backup of a running domain
    backup-dumpxml                 print the XML of a domain's backup job


? 0
$ lvsh help virsh | head -2
 Shell Commands (help keyword 'virsh'):
    cd                             change the current directory
? 0
$ lvsh help events | head -2
 Events (help keyword 'events'):
    event                          wait for domain events
? 0
