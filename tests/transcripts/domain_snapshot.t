Snapshots on the test driver.  Creation times come from fixtures redefined
with fixed <creationTime>s, shown in UTC; the script-friendly outputs are
compared byte for byte with virsh 9.0 on the same driver state; the views
snapshots share with checkpoints (one tree core) are listed once, in
fixtures/tree-views.

Redefining snapshot metadata from XML files (UTF-8 and a space in names):

$ export TZ=UTC; lvsh -c test:///default "snapshot-create test $FIXTURES/snapshot-root.xml --redefine; snapshot-create test $FIXTURES/snapshot-child.xml --redefine --current; snapshot-list test --parent"
Domain snapshot base image created from '/.*/snapshot-root.xml' (re)
Domain snapshot après mise à jour created from '/.*/snapshot-child.xml' (re)
 Name                Creation Time               State     Parent
-----------------------------------------------------------------------
 après mise à jour   2023-11-14 23:13:20 +0000   running   base image
 base image          2023-11-14 22:13:20 +0000   shutoff   

? 0
$ export TZ=UTC; S="snapshot-create test $FIXTURES/snapshot-root.xml --redefine; snapshot-create test $FIXTURES/snapshot-child.xml --redefine --current"
> sed "s/KIND/snapshot/g; s/ROOT/'base image'/g" "$FIXTURES/tree-views" | "$TESTS/virsh-same" -s "$S" test:///default - \
>   "snapshot-list test --current --tree" "snapshot-list test --inactive" "snapshot-list test --active --name" \
>   "snapshot-list test --internal" "snapshot-list test --external" "snapshot-list test --metadata --name" \
>   "snapshot-info test --current" "snapshot-current test --name" "snapshot-parent test --current" \
>   "snapshot-current test" "snapshot-current test 'base image'; snapshot-current test --name" \
>   "snapshot-revert test 'base image'; domstate test" "snapshot-delete test --current --children; snapshot-list test"
27 of 27 same
? 0

A deeper tree made with snapshot-create-as (names sort case-insensitively;
--topological keeps parents first):

$ S='snapshot-create-as test B; snapshot-create-as test a; snapshot-create-as test c; snapshot-current test B; snapshot-create-as test d; snapshot-create-as test E; snapshot-current test a; snapshot-create-as test f; snapshot-current test B; snapshot-create-as test "g h"'
> "$TESTS/virsh-same" -s "$S" test:///default \
>   "snapshot-list test --tree" "snapshot-list test --name" "snapshot-list test --topological --tree" \
>   "snapshot-list test --from B --tree" "snapshot-list test --from B --descendants --name" \
>   "snapshot-list test --current --descendants --name" "snapshot-list test --leaves --name" \
>   "snapshot-delete test a; snapshot-list test --tree" "snapshot-delete test d --children; snapshot-list test --tree"
9 of 9 same
? 0
$ lvsh -c test:///default 'snapshot-create-as test B; snapshot-create-as test a; snapshot-create-as test c; snapshot-current test B; snapshot-create-as test d; snapshot-create-as test E; snapshot-current test a; snapshot-create-as test f; snapshot-current test B; snapshot-create-as test "g h"; snapshot-list test --tree' | tail -n +11
B
  |
  +- a
  |   |
  |   +- c
  |   +- f
  |     
  +- d
  |   |
  |   +- E
  |     
  +- g h
    

? 0

Messages: "created" and "set as current" end without virsh's blank line,
as virsh prints them; -q drops them:

$ lvsh -c test:///default 'snapshot-create-as test s1 "first one"; snapshot-create-as test s2; snapshot-current test s1; snapshot-current test --name; snapshot-parent test s2; snapshot-delete test s2'
Domain snapshot s1 created
Domain snapshot s2 created
Snapshot s1 set as current
s1
s1
Domain snapshot s2 deleted

? 0
$ lvsh -q -c test:///default 'snapshot-create-as test s1; snapshot-list test; snapshot-current test --name'
 s1   20\d\d-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}   running (re)
s1
? 0

--print-xml: escaping, --memspec, repeated --diskspec and positional specs,
",," for a literal comma; identical to virsh:

$ lvsh -c test:///default "snapshot-create-as test --name \"a'b<c>&d\\\"e\" --description 'x,y' --print-xml --memspec /tmp/m,,x,snapshot=external --diskspec vda,snapshot=external,driver=qcow2,file=/a,,b --diskspec vdb,stype=block,file=/dev/x vdc"
<domainsnapshot>
  <name>a&apos;b&lt;c&gt;&amp;d&quot;e</name>
  <description>x,y</description>
  <memory snapshot='external' file='/tmp/m,x'/>
  <disks>
    <disk name='vda' snapshot='external'>
      <driver type='qcow2'/>
      <source file='/a,b'/>
    </disk>
    <disk name='vdb' type='block'>
      <source dev='/dev/x'/>
    </disk>
    <disk name='vdc'/>
  </disks>
</domainsnapshot>


? 0
$ "$TESTS/virsh-same" test:///default \
>   "snapshot-create-as test s3 desc --print-xml vda vdb,snapshot=no" "snapshot-create-as test --print-xml --memspec file=/m" \
>   "snapshot-create-as test --print-xml"
3 of 3 same
? 0
$ lvsh -c test:///default snapshot-create-as test --memspec relative/path
! error: cannot parse --memspec 'relative/path' (expected [file=]/path[,snapshot=type])

? 2
$ lvsh -c test:///default snapshot-create-as test --print-xml --diskspec vda,stype=tape
! error: cannot parse --diskspec 'vda,stype=tape' (expected disk[,snapshot=type][,driver=type][,stype=file|block][,file=name])

? 2
$ lvsh -c test:///default snapshot-create-as test x --diskspec
! error: option --diskspec of 'snapshot-create-as' needs a value
? 2

JSON:

$ TZ=UTC lvsh --json -c test:///default "snapshot-create test $FIXTURES/snapshot-root.xml --redefine; snapshot-create test $FIXTURES/snapshot-child.xml --redefine --current; snapshot-list test; snapshot-info test --current; snapshot-list test --tree; snapshot-parent test --current; snapshot-current test --name"
{"domain":"test","name":"base image","action":"created"}
{"domain":"test","name":"après mise à jour","action":"created"}
[{"name":"après mise à jour","creation_time":1700003600,"state":"running","parent":"base image","location":"internal","description":null},{"name":"base image","creation_time":1700000000,"state":"shutoff","parent":null,"location":"internal","description":"the first one"}]
{"name":"après mise à jour","domain":"test","current":true,"state":"running","location":"internal","parent":"base image","children":0,"descendants":0,"metadata":true}
[{"name":"base image","children":[{"name":"après mise à jour","children":[]}]}]
{"domain":"test","name":"après mise à jour","parent":"base image"}
{"domain":"test","name":"après mise à jour"}
? 0
$ lvsh -c test:///default --json 'snapshot-create-as test s1; snapshot-list test --name'
{"domain":"test","name":"s1","action":"created"}
\[\{"name":"s1","creation_time":\d+,"state":"running","parent":null,"location":"internal","description":null\}\] (re)
? 0

XPath on snapshot XML:

$ lvsh -c test:///default "snapshot-create test $FIXTURES/snapshot-root.xml --redefine; snapshot-dumpxml test 'base image' --xpath 'string(/domainsnapshot/description)'"
Domain snapshot base image created from '/.*/snapshot-root.xml' (re)
the first one

? 0

Editing: unchanged leaves it alone; a changed description is redefined:

$ EDITOR=true lvsh -c test:///default 'snapshot-create-as test s1 old; snapshot-edit test s1'
Domain snapshot s1 created
Snapshot s1 XML configuration not changed.

? 0
$ EDITOR="sed -i s/old/new/" lvsh -c test:///default 'snapshot-create-as test s1 old; snapshot-edit test --current; snapshot-dumpxml test s1 --xpath "string(//description)"'
Domain snapshot s1 created
Snapshot s1 edited.

new

? 0
A rename (--rename, or an edit that changes the name) drops the old
metadata, which the test driver refuses; libvirt's error is shown and the
clone is left behind.  --clone keeps both (ed.sh renames s1 to s2):

$ printf '#!/bin/sh\nsed -i "s/<name>s1</<name>s2</" "$1"\n' > ed.sh; chmod +x ed.sh
> for edit in "snapshot-edit test s1 --rename" "snapshot-edit test s1"; do
>   EDITOR=./ed.sh lvsh -c test:///default "snapshot-create-as test s1; $edit"; echo "status $?"
> done
Domain snapshot s1 created
! error: failed to clean up snapshot 's1'
! error: unsupported flags (0x2) in function testDomainSnapshotDelete

status 1
Domain snapshot s1 created
! error: failed to clean up snapshot 's2'
! error: unsupported flags (0x2) in function testDomainSnapshotDelete

status 1
? 0
$ EDITOR=./ed.sh lvsh -c test:///default 'snapshot-create-as test s1; snapshot-edit test s1 --clone; snapshot-list test --name'
Domain snapshot s1 created
Snapshot s1 cloned to s2.

s1
s2

? 0
$ printf '#!/bin/sh\nsed -i "s/<state>/<state/" "$1"\n' > ed.sh; chmod +x ed.sh; EDITOR=./ed.sh lvsh -c test:///default 'snapshot-create-as test s1; snapshot-edit test s1'
Domain snapshot s1 created
! error: snapshot.xml:3:16: malformed XML: error parsing attribute name

? 1

Errors: missing objects, wrong options, malformed files, and what the
test driver refuses (libvirt's own message):

$ lvsh -c test:///default snapshot-info test nosuch
! error: Domain snapshot not found: no domain snapshot with matching name 'nosuch'

? 1
$ lvsh -c test:///default snapshot-list nosuch
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default snapshot-info test
! error: --snapshotname or --current is required

? 2
$ lvsh -c test:///default snapshot-revert test --current
! error: failed to get the current snapshot of domain 'test'
! error: Domain snapshot not found: the domain does not have a current snapshot

? 1
$ lvsh -c test:///default snapshot-current test
! error: domain 'test' has no current snapshot

? 1
$ lvsh -c test:///default 'snapshot-create-as test s1; snapshot-parent test s1'
Domain snapshot s1 created
! error: snapshot 's1' has no parent

? 1
$ lvsh -c test:///default snapshot-list test --tree --name
! error: options --tree and --name of 'snapshot-list' cannot be used together

? 2
$ lvsh -c test:///default snapshot-list test --tree --leaves
! error: options --tree and --leaves of 'snapshot-list' cannot be used together

? 2
$ lvsh -c test:///default snapshot-list test --descendants
! error: --descendants needs --from or --current

? 2
$ lvsh -c test:///default snapshot-delete test s1 --current
! error: options --snapshotname and --current of 'snapshot-delete' cannot be used together

? 2
$ lvsh -c test:///default snapshot-dumpxml test
! error: command 'snapshot-dumpxml' requires option --snapshotname
? 2
$ lvsh -c test:///default 'snapshot-create-as test s1; snapshot-create-as test s1'
Domain snapshot s1 created
! error: operation failed: domain moment s1 already exists

? 1
$ lvsh -c test:///default snapshot-create-as test --disk-only
! error: unsupported flags (0x10) in function testDomainSnapshotCreateXML

? 1
$ lvsh -c test:///default 'snapshot-create-as test s1; snapshot-delete test s1 --metadata'
Domain snapshot s1 created
! error: failed to delete snapshot 's1' of domain 'test'
! error: unsupported flags (0x2) in function testDomainSnapshotDelete

? 1
$ printf '<domainsnapshot>\n  <name>x</name>\n  <oops>\n</domainsnapshot>\n' > bad.xml; lvsh -c test:///default snapshot-create test bad.xml
! error: bad.xml:4:18: malformed XML: Opening and ending tag mismatch: oops line 3 and domainsnapshot

? 1
$ lvsh -c test:///default snapshot-create test /nonexistent.xml
! error: Failed to open file '/nonexistent.xml': No such file or directory

? 1
$ lvsh -r -c test:///default snapshot-create-as test s1
! error: 'snapshot-create-as' changes state, but the connection is read-only (-r)

? 1
$ lvsh -r -c test:///default snapshot-current test s1
! error: 'snapshot-current' changes state, but the connection is read-only (-r)

? 1
