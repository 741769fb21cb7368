Migration on the test driver: it implements none of the migration calls, so
every command shows libvirt's own error and exits 1, as virsh does.  (The
running-guest values are tested on the private libvirtd, tests/daemon.)

$ for c in "migrate-getmaxdowntime test" "migrate-setmaxdowntime test 100" "migrate-compcache test" \
>          "migrate-compcache test --size 1000" "migrate-getspeed test" "migrate-getspeed test --postcopy" \
>          "migrate-setspeed test 10" "migrate-setspeed test 10 --postcopy" "migrate-postcopy test"; do
>   lvsh -c test:///default "$c" > lv.out 2> lv.err; l=$?; virsh -c test:///default "$c" > vs.out 2> vs.err; v=$?
>   diff lv.out vs.out > /dev/null && [ $l = $v ] && [ "$(tail -1 lv.err)" = "$(tail -1 vs.err)" ] && echo "same: $c" || echo "DIFFERENT: $c"
> done
same: migrate-getmaxdowntime test
same: migrate-setmaxdowntime test 100
same: migrate-compcache test
same: migrate-compcache test --size 1000
same: migrate-getspeed test
same: migrate-getspeed test --postcopy
same: migrate-setspeed test 10
same: migrate-setspeed test 10 --postcopy
same: migrate-postcopy test
? 0

A peer-to-peer migration is refused by the source (virsh 9.0 itself hangs on this
about one time in three: its migration thread races the failure, so it is not run here):

$ lvsh -c test:///default migrate test qemu+tcp://127.0.0.1:1/system --p2p --live
! error: failed to migrate domain 'test' to 'qemu+tcp://127.0.0.1:1/system'
! error: argument unsupported: p2p migration is not supported by the source host

? 1
$ lvsh -c test:///default migrate-getspeed test
! error: this function is not supported by the connection driver: virDomainMigrateGetMaxSpeed

? 1

A normal migration connects from the client to the destination first:

$ lvsh -c test:///default 'migrate test qemu+tcp://127.0.0.1:1/system'
! error: unable to connect to server at '127.0.0.1:1': .* (re)

? 1
$ lvsh -c test:///default 'migrate test test:///default --live --verbose --json'
! {"error":{"status":1,"code":3,"message":"failed to migrate domain 'test' to 'test:///default'","detail":"this function is not supported by the connection driver: virDomainMigrate3"}}
? 1
$ lvsh -c test:///default 'migrate test test:///default --p2p --dname x --migrateuri tcp://127.0.0.1:1 --migrate-disks vda,vdb --bandwidth 10 --comp-methods mt,xbzrle --xml /nonexistent.xml'
! error: .*/nonexistent.xml.* (re)

? 1

Bad input: options that need others, bad values, missing objects:

$ lvsh -c test:///default 'migrate test qemu:///x --offline --timeout 5'
! error: migrate: unexpected timeout for offline migration

? 2
$ lvsh -c test:///default 'migrate test qemu:///x --timeout-postcopy'
! error: option --postcopy is required by option --timeout-postcopy

? 2
$ lvsh -c test:///default 'migrate test qemu:///x --live --offline'
! error: options --live and --offline of 'migrate' cannot be used together

? 2
$ lvsh -c test:///default 'migrate test'
! error: .*desturi.* (re)
? 2
$ lvsh -c test:///default 'migrate nosuch qemu:///x'
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default 'migrate-setmaxdowntime test 0'
! error: migrate: invalid downtime

? 1
$ lvsh -c test:///default 'migrate-setspeed test -1'
! error: .*bandwidth.* (re)

? 2
$ lvsh -r -c test:///default 'migrate-setspeed test 1'
! error: .*read-only.* (re)

? 1
