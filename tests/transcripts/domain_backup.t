Backups on the test driver: it has no backup jobs, so both commands show
libvirt's own error and exit 1, as virsh does (the real backup runs on the
private libvirtd, tests/daemon/domain_checkpoint.t).

$ for c in "backup-begin test" "backup-dumpxml test" "backup-begin test --reuse-external"; do
>   lvsh -c test:///default "$c" > lv.out 2> lv.err; l=$?; virsh -c test:///default "$c" > vs.out 2> vs.err; v=$?
>   diff lv.out vs.out > /dev/null && [ $l = $v ] && [ "$(tail -1 lv.err)" = "$(tail -1 vs.err)" ] && echo "same: $c" || echo "DIFFERENT: $c"
> done
same: backup-begin test
same: backup-dumpxml test
same: backup-begin test --reuse-external
? 0
$ lvsh -c test:///default backup-begin test
! error: this function is not supported by the connection driver: virDomainBackupBegin

? 1
$ lvsh -c test:///default "backup-begin test --backupxml $FIXTURES/domain_malformed.xml"
! error: .*domain_malformed.xml:\d+:\d+: .* (re)

? 1
$ lvsh -c test:///default "backup-begin nosuch"
! error: failed to get domain 'nosuch'

? 1
$ lvsh -c test:///default "backup-dumpxml test --json"
! {"error":{"status":1,"code":3,"message":"failed to get the backup job XML of domain 'test'","detail":"this function is not supported by the connection driver: virDomainBackupGetXMLDesc"}}
? 1
