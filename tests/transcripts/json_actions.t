Under --json every action command prints one object naming the object and
what was done ("action"), plus the values it set: never only {"message"},
never nothing.  One representative command or more per family; the text
output of the same commands stays virsh's.

Domain settings: the new size in bytes, the vCPU count, the tuning changes.
$ lvsh -c test:///default --json 'setmem test 512M; setmaxmem test 2G --config; setvcpus test 1 --config; memtune test --hard-limit 2G --soft-limit -1; blkiotune test --weight 300; vcpupin test 0 0; desc test --title "Front web"; metadata test http://example.org/x --key x --set "<a/>"; domtime test --time 1000'
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"memory set","memory":536870912}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"max memory set","max_memory":2147483648}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"vcpus set","vcpus":1}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"tuned","changed":{"hard_limit":2147483648,"soft_limit":null}}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"tuned","changed":{"weight":300}}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"pinned","vcpu":0,"cpulist":"0"}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"updated","title":"Front web"}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"modified","uri":"http://example.org/x"}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"time set","seconds":1000,"nseconds":0}
? 0

The text of those commands is unchanged (virsh prints nothing for most).
$ S='setmem test 512M; setvcpus test 1 --config; memtune test --hard-limit 2G; pool-autostart default-pool; vol-create-as default-pool "new one.img" 1G; vol-delete "new one.img" --pool default-pool; net-autostart default --disable'; diff <(lvsh -c test:///default "$S") <(virsh -c test:///default "$S") && echo same
same
? 0

Pools: name and uuid; autostart says the new value.
$ lvsh -c test:///default --json 'pool-define-as tmp dir --target /tmp/lvsh-x; pool-build tmp; pool-start tmp; pool-autostart tmp; pool-refresh tmp; pool-destroy tmp; pool-undefine tmp'
{"name":"tmp","uuid":"[0-9a-f-]{36}","action":"defined"} (re)
{"name":"tmp","uuid":"[0-9a-f-]{36}","action":"built"} (re)
{"name":"tmp","uuid":"[0-9a-f-]{36}","action":"started"} (re)
{"name":"tmp","uuid":"[0-9a-f-]{36}","action":"autostart enabled","autostart":true} (re)
{"name":"tmp","uuid":"[0-9a-f-]{36}","action":"refreshed"} (re)
{"name":"tmp","uuid":"[0-9a-f-]{36}","action":"destroyed"} (re)
{"name":"tmp","uuid":"[0-9a-f-]{36}","action":"undefined"} (re)
? 0

Volumes: name and key; a clone names its source.
$ lvsh -c test:///default --json 'vol-create-as default-pool "new one.img" 1G; vol-clone "new one.img" copy.img --pool default-pool; vol-delete "new one.img" --pool default-pool'
{"name":"new one.img","key":"/default-pool/new one.img","action":"created"}
{"name":"copy.img","key":"/default-pool/copy.img","action":"cloned","source":{"name":"new one.img","key":"/default-pool/new one.img"}}
{"name":"new one.img","key":"/default-pool/new one.img","action":"deleted"}
? 0

Networks, domains, node devices and pools share one autostart shape.
$ lvsh -c test:///default --json 'net-autostart default; net-autostart default --disable; autostart test --disable'
{"name":"default","uuid":"dd8fe884-6c02-601e-7551-cca97df1c5df","action":"autostart enabled","autostart":true}
{"name":"default","uuid":"dd8fe884-6c02-601e-7551-cca97df1c5df","action":"autostart disabled","autostart":false}
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"autostart disabled","autostart":false}
? 0

Interfaces (and their transactions), node devices.
$ cp $FIXTURES/docs-iface.xml $FIXTURES/docs-vhba.xml . && lvsh -c test:///default --json 'iface-begin; iface-define docs-iface.xml; iface-commit; nodedev-create docs-vhba.xml'
{"transaction":"interface","action":"started"}
{"name":"eth9","mac":"52:54:00:99:99:99","action":"defined","file":"docs-iface.xml"}
{"transaction":"interface","action":"committed"}
{"name":"scsi_host12","action":"created","file":"docs-vhba.xml"}
? 0

Every family says the same past participle for the same change (node devices
said "destroy" before).
$ cp $FIXTURES/docs-vhba.xml . && lvsh -c test:///default --json 'nodedev-create docs-vhba.xml; nodedev-destroy scsi_host12; iface-destroy eth1; iface-start eth1; net-destroy default; net-start default'
{"name":"scsi_host12","action":"created","file":"docs-vhba.xml"}
{"name":"scsi_host12","action":"destroyed"}
{"name":"eth1","mac":"aa:bb:cc:dd:ee:ff","action":"destroyed"}
{"name":"eth1","mac":"aa:bb:cc:dd:ee:ff","action":"started"}
{"name":"default","uuid":"dd8fe884-6c02-601e-7551-cca97df1c5df","action":"destroyed"}
{"name":"default","uuid":"dd8fe884-6c02-601e-7551-cca97df1c5df","action":"started"}
? 0

Edits that change nothing say so.
$ EDITOR=true lvsh -c test:///default --json 'snapshot-create-as test s1; snapshot-edit test s1; pool-edit default-pool; iface-edit eth1'
{"domain":"test","name":"s1","action":"created"}
{"domain":"test","name":"s1","action":"unchanged"}
{"name":"default-pool","uuid":"dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566","action":"unchanged"}
{"name":"eth1","mac":"aa:bb:cc:dd:ee:ff","action":"unchanged"}
? 0

A saved state file is named by its file.
$ lvsh -c test:///default 'dumpxml test' > s.xml && lvsh -c test:///default --json 'save test s.img; save-image-define s.img s.xml'
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"saved","file":"s.img"}
{"file":"s.img","action":"updated"}
? 0

A failed action prints its error on stderr and nothing on stdout.
$ lvsh -c test:///default --json 'vol-delete nosuch --pool default-pool'
! {"error":{"status":1,"code":50,"message":"failed to get vol 'nosuch'","detail":"Storage volume not found: no storage vol with matching path 'nosuch'"}}
? 1

Warnings stay JSON on stderr.
$ lvsh -c test:///default --json 'echo --err careful'
{"text":"careful","words":["careful"]}
! {"warning":"careful"}
? 0

A user's string that is not UTF-8 keeps the document's shape (escaped), as
every other string does.
$ lvsh -c test:///default --json "set-user-password test "$'\xff'"bob secret"
{"user":"\\xffbob","domain":"test"}
? 0
