Domain lifecycle on the test driver: create, define, undefine (with
storage), start/stop, autostart, rename, power management.  Domains with
quotes, spaces and UTF-8 come from domain_life.xml and domain_define.xml.

define checks well-formedness first: FILE:LINE:COLUMN, and nothing defined.

$ lvsh --on-error=continue -c test:///default "define '$FIXTURES/domain_malformed.xml'; list --all --name" 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: FIXTURES/domain_malformed.xml:5:3: malformed XML: expected '>'

test

? 0
$ lvsh -c test:///default 'define /nonexistent/dom.xml'

! error: Failed to open file '/nonexistent/dom.xml': No such file or directory
? 1
$ lvsh -c test:///default define "$FIXTURES/domain_invalid.xml" --validate 2>&1 | head -2 | sed "s|$FIXTURES|FIXTURES|"
error: Failed to define domain from FIXTURES/domain_invalid.xml
error: XML document failed to validate against schema: Unable to validate doc against /usr/share/libvirt/schemas/domain.rng
? 0
$ lvsh -c test:///default "define '$FIXTURES/domain_invalid.xml'; list --all --name" | sed "s|$FIXTURES|FIXTURES|"
Domain 'invalid' defined from FIXTURES/domain_invalid.xml

test
invalid

? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" "define '$FIXTURES/domain_define.xml'; list --all --name" | sed "s|$FIXTURES|FIXTURES|"
Domain 'new 'quoted' ünïcode vm' defined from FIXTURES/domain_define.xml

web "one"
db ünïcode 数据库
new 'quoted' ünïcode vm
saved-vm

? 0
$ lvsh -c test:///default --json define "$FIXTURES/domain_define.xml" | sed "s|$FIXTURES|FIXTURES|"
{"name":"new 'quoted' ünïcode vm","uuid":"c0ffee00-0000-4000-8000-000000000001","action":"defined","file":"FIXTURES/domain_define.xml"}
? 0
$ lvsh -c test:///default -r define "$FIXTURES/domain_define.xml"

! error: 'define' changes state, but the connection is read-only (-r)
? 1
$ lvsh -c test:///default define
! error: command 'define' requires option --file
? 2
$ diff <(lvsh -c test:///default define "$FIXTURES/domain_define.xml") <(virsh -c test:///default define "$FIXTURES/domain_define.xml") && echo same
same
? 0

create starts a transient domain; it vanishes when destroyed.

$ lvsh -c test:///default "create '$FIXTURES/domain_define.xml'; list --transient --name; destroy \"new 'quoted' ünïcode vm\"; list --all --name" | sed "s|$FIXTURES|FIXTURES|"
Domain 'new 'quoted' ünïcode vm' created from FIXTURES/domain_define.xml

new 'quoted' ünïcode vm

Domain 'new 'quoted' ünïcode vm' destroyed

test

? 0
$ lvsh -c test:///default create "$FIXTURES/domain_define.xml" --paused 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: Failed to create domain from FIXTURES/domain_define.xml
error: unsupported flags (0x1) in function testDomainCreateXML

? 0
$ lvsh -c test:///default create "$FIXTURES/domain_malformed.xml" 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: FIXTURES/domain_malformed.xml:5:3: malformed XML: expected '>'

? 0
$ lvsh -c test:///default create "$FIXTURES/domain_define.xml" --pass-fds 3,x

! error: malformed --pass-fds '3,x' (expected N,M,...)
? 2
$ lvsh -c test:///default --json create "$FIXTURES/domain_define.xml" | sed "s|$FIXTURES|FIXTURES|"
{"name":"new 'quoted' ünïcode vm","uuid":"c0ffee00-0000-4000-8000-000000000001","action":"created","file":"FIXTURES/domain_define.xml"}
? 0

Stopping and starting.

$ lvsh -c test:///default 'shutdown test; domstate test --reason; start test; reboot test; reset test; domstate test'
Domain 'test' is being shutdown

shut off (shutdown)

Domain 'test' started

Domain 'test' is being rebooted

Domain 'test' was reset

running

? 0
$ lvsh -c test:///default 'shutdown test --mode acpi,agent'

! error: failed to shut down domain 'test'
! error: unsupported flags (0x3) in function testDomainShutdownFlags
? 1
$ lvsh -c test:///default 'shutdown test --mode acpi,teleport'

! error: unknown mode 'teleport' (expected acpi, agent, initctl, signal or paravirt)
? 2
$ lvsh -c test:///default 'reboot test --mode=signal'
Domain 'test' is being rebooted

? 0
$ lvsh -c test:///default 'suspend test; resume test; destroy test; domstate test --reason; destroy test'
Domain 'test' suspended

Domain 'test' resumed

Domain 'test' destroyed

shut off (destroyed)


! error: Failed to destroy domain 'test'
! error: Requested operation is not valid: domain is not running
? 1
$ lvsh -c test:///default 'start test --paused'

! error: Domain is already active
? 1
$ lvsh -c test:///default 'shutdown nosuch'

! error: failed to get domain 'nosuch'
? 1
$ lvsh -c test:///default -r reset test

! error: 'reset' changes state, but the connection is read-only (-r)
? 1
$ lvsh -c test:///default --json 'reset test'
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"reset"}
? 0
$ diff <(lvsh -c test:///default 'destroy test; domrename test t2; autostart t2; start t2; suspend t2; resume t2; reset t2; reboot t2; shutdown t2') <(virsh -c test:///default 'destroy test; domrename test t2; autostart t2; start t2; suspend t2; resume t2; reset t2; reboot t2; shutdown t2') && echo same
same
? 0

Autostart and rename.

$ lvsh -c test:///default 'autostart test; list --autostart --name; autostart --disable test; list --autostart --name'
Domain 'test' marked as autostarted

test

Domain 'test' unmarked as autostarted


? 0
$ lvsh -c test:///default --json autostart --disable test
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"autostart disabled","autostart":false}
? 0
$ lvsh -c test:///default -r autostart test

! error: 'autostart' changes state, but the connection is read-only (-r)
? 1
$ lvsh -c test:///default 'destroy test; domrename test "renamed ü"; list --all --name; domrename "renamed ü" test; domstate test'
Domain 'test' destroyed

Domain successfully renamed

renamed ü

Domain successfully renamed

shut off

? 0
$ lvsh -c test:///default domrename test other

! error: Requested operation is not valid: cannot rename active domain
? 1
$ lvsh -c test:///default --json 'destroy test; domrename test other' | tail -1
{"name":"other","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"renamed","old_name":"test"}
? 0
$ lvsh -c test:///default domrename test
! error: command 'domrename' requires option --new-name
? 2

Guest power management needs a driver (and guest agent) that supports it.

$ lvsh -c test:///default dompmsuspend test mem --duration 10

! error: failed to suspend domain 'test' to mem
! error: this function is not supported by the connection driver: virDomainPMSuspendForDuration
? 1
$ lvsh -c test:///default dompmsuspend test sideways
! error: invalid value 'sideways' for --target of 'dompmsuspend' (expected one of: mem, disk, hybrid)

? 2
$ lvsh -c test:///default dompmsuspend test mem --duration -1

! error: Numeric value '-1' for <duration> option is malformed or out of range
? 2
$ lvsh -c test:///default dompmwakeup test

! error: Domain 'test' could not be woken up
! error: this function is not supported by the connection driver: virDomainPMWakeup
? 1

undefine: a running domain becomes transient, an inactive one goes away.

$ lvsh -c test:///default 'undefine test; list --all --transient --name'
Domain 'test' has been undefined

test

? 0
$ lvsh -c test:///default 'destroy test; undefine test; list --all'
Domain 'test' destroyed

Domain 'test' has been undefined

 Id   Name   State
--------------------

? 0
$ lvsh -c test:///default undefine nosuch

! error: failed to get domain 'nosuch'
? 1
$ lvsh -c test:///default -r undefine test

! error: 'undefine' changes state, but the connection is read-only (-r)
? 1
$ lvsh -c test:///default undefine test --nvram --keep-nvram
! error: options --nvram and --keep-nvram of 'undefine' cannot be used together

? 2
$ lvsh -c test:///default undefine test --storage vda --remove-all-storage
! error: options --storage and --remove-all-storage of 'undefine' cannot be used together

? 2
$ lvsh -c test:///default undefine test --wipe-storage

! error: --wipe-storage requires --storage or --remove-all-storage
? 2
$ lvsh -c test:///default undefine test --delete-storage-volume-snapshots --storage vda

! error: --delete-storage-volume-snapshots requires --remove-all-storage
? 2
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'undefine saved-vm'

! error: Refusing to undefine while domain managed save image exists
? 1
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'undefine saved-vm --managed-save; list --all --name'
Domain 'saved-vm' has been undefined

web "one"
db ünïcode 数据库

? 0

Storage removal: by target or path (--storage), or all of it; disks libvirt
does not manage are left alone with a warning.

$ lvsh -c "test://$FIXTURES/domain_life.xml" 'undefine "db ünïcode 数据库" --storage vda,/pool/db-log.img; list --all --name'
Domain 'db ünïcode 数据库' has been undefined
Volume 'vda'(/pool/db data.img) removed.
Volume 'vdb'(data-pool/db-log.img) removed.

web "one"
saved-vm

? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" --json 'undefine "db ünïcode 数据库" --remove-all-storage'
{"name":"db ünïcode 数据库","uuid":"a2222222-2222-4222-8222-222222222222","action":"undefined","volumes":[{"target":"vda","source":"/pool/db data.img","removed":true},{"target":"vdb","source":"data-pool/db-log.img","removed":true},{"target":"vdc","source":"/elsewhere/unmanaged.img","removed":false,"problem":"storage volume 'vdc'(/elsewhere/unmanaged.img) is not managed by libvirt; remove it manually"}]}
? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'undefine "db ünïcode 数据库" --remove-all-storage --wipe-storage'
Domain 'db ünïcode 数据库' has been undefined

! warning: failed to wipe storage volume 'vda'(/pool/db data.img): this function is not supported by the connection driver: virStorageVolWipe
! warning: failed to wipe storage volume 'vdb'(data-pool/db-log.img): this function is not supported by the connection driver: virStorageVolWipe
! warning: storage volume 'vdc'(/elsewhere/unmanaged.img) is not managed by libvirt; remove it manually
! error: 2 storage volume(s) of domain 'db ünïcode 数据库' could not be removed
? 1
$ lvsh --on-error=continue -c "test://$FIXTURES/domain_life.xml" 'undefine "db ünïcode 数据库" --storage vdz; list --all --name'

web "one"
db ünïcode 数据库
saved-vm

! error: volume 'vdz' was not found in the domain's definition
? 1
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'undefine "web \"one\"" --remove-all-storage'

! error: Storage volume deletion is supported only on stopped domains
? 1

save and restore (the test driver writes a real file), managed save.

$ lvsh -c "test://$FIXTURES/domain_life.xml" 'save "web \"one\"" img.save; domstate "web \"one\"" --reason; restore img.save; domstate "web \"one\"" --reason'; test -s img.save && echo file written

Domain 'web "one"' saved to img.save

shut off (saved)

Domain restored from img.save

running (restored)

file written
? 0
$ lvsh -c test:///default 'save test img.save --running --paused'
! error: options --running and --paused of 'save' cannot be used together

? 2
$ lvsh -c test:///default 'save test img.save --xml nosuch.xml'

! error: Failed to open file 'nosuch.xml': No such file or directory
? 1
$ lvsh -c test:///default "save test img.save --xml '$FIXTURES/domain_malformed.xml'" 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: FIXTURES/domain_malformed.xml:5:3: malformed XML: expected '>'

? 0
$ lvsh -c test:///default 'destroy test; save test img.save'
Domain 'test' destroyed


! error: failed to save domain 'test' to img.save
! error: Requested operation is not valid: domain is not running
? 1
$ lvsh -c test:///default restore /nonexistent/nosuch.save

! error: Failed to restore domain from /nonexistent/nosuch.save
! error: cannot read domain image '/nonexistent/nosuch.save': No such file or directory
? 1
$ lvsh -c test:///default --json 'save test img.save; restore img.save'
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"saved","file":"img.save"}
{"action":"restored","file":"img.save"}
? 0
$ lvsh -c test:///default -r save test img.save

! error: 'save' changes state, but the connection is read-only (-r)
? 1
$ lvsh -c test:///default 'save test img.save; restore img.save --paused'

Domain 'test' saved to img.save


! error: Failed to restore domain from img.save
! error: unsupported flags (0x4) in function testDomainRestoreFlags
? 1
$ lvsh -c test:///default 'managedsave test; managedsave-remove test; managedsave-remove test'

Domain 'test' state saved by libvirt

Removed managedsave image for domain 'test'
Domain 'test' has no manage save image; removal skipped
? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'list --all --managed-save; managedsave "web \"one\""; list --all --with-managed-save --name; start "web \"one\""; domstate "web \"one\"" --reason'
 Id   Name                State
------------------------------------
 1    web "one"           running
 -    db ünïcode 数据库   shut off
 -    saved-vm            saved


Domain 'web "one"' state saved by libvirt

saved-vm
web "one"

Domain 'web "one"' started

running (booted)

? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" --json 'managedsave-remove saved-vm'
{"name":"saved-vm","uuid":"a3333333-3333-4333-8333-333333333333","action":"removed"}
? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" 'managedsave-dumpxml saved-vm'

! error: this function is not supported by the connection driver: virDomainManagedSaveGetXMLDesc
? 1
$ lvsh -c "test://$FIXTURES/domain_life.xml" "managedsave-define saved-vm '$FIXTURES/domain_define.xml'"

! error: Failed to update saved-vm XML configuration
! error: this function is not supported by the connection driver: virDomainManagedSaveDefineXML
? 1
$ lvsh -c "test://$FIXTURES/domain_life.xml" "managedsave-define saved-vm '$FIXTURES/domain_malformed.xml'" 2>&1 | sed "s|$FIXTURES|FIXTURES|"
error: FIXTURES/domain_malformed.xml:5:3: malformed XML: expected '>'

? 0
$ lvsh -c "test://$FIXTURES/domain_life.xml" "managedsave-define saved-vm x.xml --running --paused"
! error: options --running and --paused of 'managedsave-define' cannot be used together

? 2
$ EDITOR=true lvsh -c "test://$FIXTURES/domain_life.xml" 'managedsave-edit saved-vm'

! error: this function is not supported by the connection driver: virDomainManagedSaveGetXMLDesc
? 1
$ lvsh -c test:///default -r managedsave test

! error: 'managedsave' changes state, but the connection is read-only (-r)
? 1
