dumpxml and edit on the test driver.  Editors are small scripts, so the
edit loop runs for real; without a terminal (setsid) a bad edit fails
instead of asking again.

$ diff <(lvsh -c test:///default dumpxml test) <(virsh -c test:///default dumpxml test) && echo same
same
? 0
$ diff <(lvsh -c test:///default dumpxml test --inactive --security-info --migratable) <(virsh -c test:///default dumpxml test --inactive --security-info --migratable) && echo same
same
? 0
$ diff <(lvsh -c "test://$FIXTURES/domain_life.xml" dumpxml 'db ünïcode 数据库') <(virsh -c "test://$FIXTURES/domain_life.xml" dumpxml 'db ünïcode 数据库') && echo same
same
? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'dumpxml "web \"one\"" --xpath //name'
<name>web "one"</name>

? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'dumpxml "web \"one\"" --xpath "string(//interface[2]/mac/@address)"'
52:54:00:aa:00:02

? 0
$ lvsh -c test:///default 'dumpxml test --xpath //target/@dev'
 dev="vda"
 dev="testnet0"

? 0
$ lvsh -c test:///default --json 'dumpxml test --xpath //target/@dev'
{"xpath":"//target/@dev","results":[" dev=\"vda\""," dev=\"testnet0\""]}
? 0
$ lvsh -c test:///default --json dumpxml test | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["xml"].splitlines()[1]))'
"  <name>test</name>"
? 0
$ lvsh -c test:///default dumpxml nosuch

! error: failed to get domain 'nosuch'
? 1
$ lvsh -c test:///default -r dumpxml test --xpath 'string(//name)'
test

? 0
$ lvsh -c test:///default dumpxml test --update-cpu

! error: failed to get the XML of domain 'test'
! error: unsupported flags (0x4) in function testDomainGetXMLDesc
? 1

edit: a changed file is defined, an unchanged one changes nothing.

$ printf '#!/bin/sh\nsed -i "s,<memory unit=.KiB.>8388608,<memory unit=\\"KiB\\">4194304," "$1"\n' > mem.sh && chmod +x mem.sh && EDITOR=$PWD/mem.sh lvsh -c test:///default 'edit test; dumpxml test --inactive --xpath //memory'
Domain 'test' XML configuration edited.

<memory unit="KiB">4194304</memory>

? 0
$ EDITOR=true lvsh -c test:///default 'edit test'
Domain 'test' XML configuration not changed.

? 0
$ VISUAL=true EDITOR=false lvsh -c test:///default --json 'edit test'
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"unchanged"}
? 0
$ EDITOR=false lvsh -c test:///default 'edit test'

! error: the editor 'false' failed
? 1
$ printf '#!/bin/sh\nsed -i "s,<name>test</name>,<name>test ü \\"2\\"</name>," "$1"\n' > ren.sh && chmod +x ren.sh && EDITOR=$PWD/ren.sh lvsh -c test:///default 'edit test'

! error: failed to define the edited domain
! error: operation failed: domain 'test' is already defined with uuid 6695eb01-f6a4-8304-79aa-97f2502e193f
? 1
$ printf '#!/bin/sh\nsed -i "s,</name>,," "$1"\n' > bad.sh && chmod +x bad.sh && EDITOR=$PWD/bad.sh setsid lvsh -c test:///default 'edit test'

! error: edited XML:31:10: malformed XML: Opening and ending tag mismatch: name line 2 and domain
? 1
$ printf '#!/bin/sh\nsed -i "s,<os>,<os><bogus/>," "$1"\n' > inval.sh && chmod +x inval.sh && EDITOR=$PWD/inval.sh setsid lvsh -c test:///default 'edit test'

! error: failed to define the edited domain
! error: XML document failed to validate against schema: Unable to validate doc against /usr/share/libvirt/schemas/domain.rng
! Expecting an element type, got nothing
! Extra element os in interleave
! Element domain failed to validate content
!
? 1
$ printf '#!/bin/sh\nsed -i "s,<os>,<os><bogus/>," "$1"\n' > inval.sh && chmod +x inval.sh && EDITOR=$PWD/inval.sh setsid lvsh -c test:///default 'edit test --skip-validate; dumpxml test --inactive --xpath "count(//bogus)"'
Domain 'test' XML configuration edited.

0

? 0
$ EDITOR=true lvsh -c test:///default edit nosuch

! error: failed to get domain 'nosuch'
? 1
$ EDITOR=true lvsh -c test:///default -r edit test

! error: 'edit' changes state, but the connection is read-only (-r)
? 1
