Checkpoints on the test driver.  Creation times come from fixtures redefined
with fixed <creationTime>s, shown in UTC; the script-friendly outputs are
compared byte for byte with virsh 9.0 on the same driver state; the views
snapshots share with checkpoints (one tree core) are listed once, in
fixtures/tree-views.

$ export TZ=UTC; lvsh -c test:///default "checkpoint-create test $FIXTURES/checkpoint-root.xml --redefine; checkpoint-create test $FIXTURES/checkpoint-child.xml --redefine; checkpoint-list test --parent"
Domain checkpoint base.1 created from '/.*/checkpoint-root.xml' (re)
Domain checkpoint incr_2 created from '/.*/checkpoint-child.xml' (re)
 Name     Creation Time               Parent
----------------------------------------------
 base.1   2023-11-14 22:13:20 +0000   
 incr_2   2023-11-14 23:13:20 +0000   base.1

? 0
$ export TZ=UTC; S="checkpoint-create test $FIXTURES/checkpoint-root.xml --redefine; checkpoint-create test $FIXTURES/checkpoint-child.xml --redefine"
> sed "s/KIND/checkpoint/g; s/ROOT/base.1/g" "$FIXTURES/tree-views" | "$TESTS/virsh-same" -s "$S" test:///default - \
>   "checkpoint-info test incr_2" "checkpoint-parent test incr_2" "checkpoint-dumpxml test incr_2 --no-domain" \
>   "checkpoint-delete test base.1 --children; checkpoint-list test" \
>   "checkpoint-delete test incr_2 --metadata; checkpoint-list test --name"
19 of 19 same
? 0

A deeper tree made with checkpoint-create-as (each new checkpoint is a child
of the newest; names sort case-insensitively):

$ S='checkpoint-create-as test b; checkpoint-create-as test A; checkpoint-create-as test c; checkpoint-create-as test D'
> "$TESTS/virsh-same" -s "$S" test:///default \
>   "checkpoint-list test --tree" "checkpoint-list test --name" "checkpoint-list test --topological --name" \
>   "checkpoint-list test --from A --descendants --name" "checkpoint-list test --from A --name" \
>   "checkpoint-list test --from A --tree" "checkpoint-delete test A; checkpoint-list test --tree" \
>   "checkpoint-info test A"
8 of 8 same
? 0
$ lvsh -c test:///default 'checkpoint-create-as test b; checkpoint-create-as test A; checkpoint-create-as test c; checkpoint-list test --tree; checkpoint-parent test c; checkpoint-delete test A'
Domain checkpoint b created
Domain checkpoint A created
Domain checkpoint c created
b
  |
  +- A
      |
      +- c
        

A
Domain checkpoint A deleted

? 0

--print-xml escapes names and descriptions, ",," is a literal comma:

$ lvsh -c test:///default "checkpoint-create-as test \"a'b<c>&d\" --description 'x,y' --print-xml --diskspec vda,checkpoint=bitmap,bitmap=b,,1 vdb,checkpoint=no"
<domaincheckpoint>
  <name>a&apos;b&lt;c&gt;&amp;d</name>
  <description>x,y</description>
  <disks>
    <disk name='vda' checkpoint='bitmap' bitmap='b,1'/>
    <disk name='vdb' checkpoint='no'/>
  </disks>
</domaincheckpoint>


? 0
$ diff <(lvsh -c test:///default "checkpoint-create-as test c1 desc --print-xml vda") <(virsh -c test:///default "checkpoint-create-as test c1 desc --print-xml vda") && echo same
same
? 0
$ lvsh -c test:///default 'checkpoint-create-as test --print-xml --diskspec vda,what=1'
! error: cannot parse --diskspec 'vda,what=1' (expected disk[,checkpoint=type][,bitmap=name])

? 2

JSON forms (sizes and times as numbers, a root's parent is null):

$ lvsh -q -c test:///default "checkpoint-create test $FIXTURES/checkpoint-root.xml --redefine; checkpoint-create test $FIXTURES/checkpoint-child.xml --redefine; checkpoint-list test --json; checkpoint-list test --tree --json; checkpoint-info test incr_2 --json; checkpoint-parent test incr_2 --json; checkpoint-delete test incr_2 --json"
[{"name":"base.1","creation_time":1700000000,"parent":null,"description":"the first one"},{"name":"incr_2","creation_time":1700003600,"parent":"base.1","description":null}]
[{"name":"base.1","children":[{"name":"incr_2","children":[]}]}]
{"name":"incr_2","domain":"test","parent":"base.1","children":0,"descendants":0}
{"domain":"test","name":"incr_2","parent":"base.1"}
{"domain":"test","name":"incr_2","action":"deleted"}
? 0

$ lvsh -q -c test:///default "checkpoint-create test $FIXTURES/checkpoint-root.xml --redefine; checkpoint-create test $FIXTURES/checkpoint-child.xml --redefine; checkpoint-dumpxml test incr_2 --xpath 'string(//parent/name)'"
base.1
? 0

Errors: missing domain or checkpoint, a root's parent, a duplicate,
malformed XML, exclusive options, read-only connections:

$ lvsh -c test:///default checkpoint-list nosuch
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default checkpoint-info test nosuch
! error: Domain checkpoint not found: no domain checkpoint with matching name 'nosuch'

? 1
$ lvsh -c test:///default 'checkpoint-create-as test c1; checkpoint-parent test c1'
Domain checkpoint c1 created
! error: checkpoint 'c1' has no parent

? 1
$ lvsh -c test:///default 'checkpoint-create-as test c1; checkpoint-create-as test c1'
Domain checkpoint c1 created
! error: operation failed: domain moment c1 already exists

? 1
$ lvsh -c test:///default "checkpoint-create test $FIXTURES/domain_malformed.xml"
! error: .*domain_malformed.xml:\d+:\d+: .* (re)

? 1
$ lvsh -c test:///default 'checkpoint-list test --parent --roots'
! error: .*parent.*roots.* (re)

? 2
$ lvsh -c test:///default 'checkpoint-dumpxml test'
! error: --checkpointname is required

? 2
$ lvsh -r -c test:///default 'checkpoint-create-as test c1'
! error: .*read-only.* (re)

? 1
$ lvsh -c test:///default 'checkpoint-delete test c1 --children --children-only'
! error: .*children.*children-only.* (re)

? 2
