`list` on the test driver and the fixtures: every filter, byte-identical
with virsh 9.0 for the same driver state.

$ lvsh -c test:///default list
 Id   Name   State
----------------------
 1    test   running

? 0
$ N="test://$FIXTURES/node.xml"; F="test://$FIXTURES/domain_info.xml"
> for uri in "$N" "$F"; do
>   for o in "" --all --inactive --state-running --state-paused --state-shutoff \
>       --state-other --persistent --transient --autostart --no-autostart \
>       --with-managed-save --without-managed-save --with-snapshot --without-snapshot \
>       --with-checkpoint --without-checkpoint "--all --name" "--all --uuid" "--all --id" \
>       "--all --table" "--all --title" "--all --managed-save" "--all --name --uuid --id" \
>       "--all --uuid --name" "--id --name" "--persistent --transient" \
>       "--all --autostart --no-autostart" "--inactive --state-running" \
>       "--inactive --state-running --state-shutoff" "--state-paused --state-running" \
>       "--all --title --managed-save" "--all --with-managed-save --without-managed-save" \
>       "--name --title"; do
>     diff <(lvsh -c "$uri" list $o 2>&1) <(virsh -c "$uri" list $o 2>&1) >/dev/null \
>       || echo "differs: $uri list $o"
>   done
> done; echo checked
checked
? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" list --all --name
db server
日本語-ドメイン
tmp-transient
an-extremely-long-domain-name-used-to-check-that-columns-grow-0123456789-abcdefghij
off with spaces
saved-one

? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" list --all --managed-save --title
 Id   Name                                                                                  State      Title
--------------------------------------------------------------------------------------------------------------------------
 1    db server                                                                             running    Database, primary
 2    日本語-ドメイン                                                                       paused     
 3    tmp-transient                                                                         running    
 -    an-extremely-long-domain-name-used-to-check-that-columns-grow-0123456789-abcdefghij   shut off   
 -    off with spaces                                                                       shut off   
 -    saved-one                                                                             saved      

? 0
$ lvsh -c "test://$FIXTURES/domain_info.xml" list --all --json
[{"name":"db server","uuid":"d1000000-0000-4000-8000-000000000001","id":1,"state":"running","reason":"unknown","persistent":true,"autostart":false,"managed_save":false},{"name":"日本語-ドメイン","uuid":"d1000000-0000-4000-8000-000000000002","id":2,"state":"paused","reason":"unknown","persistent":true,"autostart":false,"managed_save":false},{"name":"tmp-transient","uuid":"d1000000-0000-4000-8000-000000000005","id":3,"state":"running","reason":"unknown","persistent":false,"autostart":false,"managed_save":false},{"name":"an-extremely-long-domain-name-used-to-check-that-columns-grow-0123456789-abcdefghij","uuid":"d1000000-0000-4000-8000-000000000006","id":null,"state":"shut off","reason":"unknown","persistent":true,"autostart":false,"managed_save":false},{"name":"off with spaces","uuid":"d1000000-0000-4000-8000-000000000003","id":null,"state":"shut off","reason":"unknown","persistent":true,"autostart":false,"managed_save":false},{"name":"saved-one","uuid":"d1000000-0000-4000-8000-000000000004","id":null,"state":"shut off","reason":"unknown","persistent":true,"autostart":false,"managed_save":true}]
? 0
$ lvsh -c test:///default -q 'destroy test; list --all --json'
[{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","id":null,"state":"shut off","reason":"destroyed","persistent":true,"autostart":false,"managed_save":false}]
? 0
$ lvsh -c test:///default 'destroy test; list --state-shutoff --uuid'
Domain 'test' destroyed

6695eb01-f6a4-8304-79aa-97f2502e193f

? 0
$ lvsh -c test:///default list --table --name
! error: options --table and --name of 'list' cannot be used together

? 2
$ lvsh -c test:///default list --bogus
! error: command 'list' has no option --bogus
? 2
