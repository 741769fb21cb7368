Event commands on the test driver.  Its events come only from the same
process, so these cases cover names, options, filters, timeouts and refusals;
tests/daemon/test_events.sh has events arriving from a second client.

$ diff <(lvsh -c test:///default 'event --list; net-event --list; pool-event --list; nodedev-event --list; secret-event --list') <(virsh -c test:///default 'event --list; net-event --list; pool-event --list; nodedev-event --list; secret-event --list') && echo same
same
? 0
$ lvsh -c test:///default event --list | wc -l
28
? 0
$ lvsh -c test:///default --json pool-event --list
[{"family":"pool","event":"lifecycle"},{"family":"pool","event":"refresh"}]
? 0
$ lvsh -c test:///default events --list
domain   lifecycle
domain   reboot
domain   rtc-change
domain   watchdog
domain   io-error
domain   graphics
domain   io-error-reason
domain   control-error
domain   block-job
domain   disk-change
domain   tray-change
domain   pm-wakeup
domain   pm-suspend
domain   balloon-change
domain   pm-suspend-disk
domain   device-removed
domain   block-job-2
domain   tunable
domain   agent-lifecycle
domain   device-added
domain   migration-iteration
domain   job-completed
domain   device-removal-failed
domain   metadata-change
domain   block-threshold
domain   memory-failure
domain   memory-device-size-change
network  lifecycle
pool     lifecycle
pool     refresh
nodedev  lifecycle
nodedev  update
secret   lifecycle
secret   value-changed

? 0
$ lvsh -c test:///default events --list --family pool
pool     lifecycle
pool     refresh

? 0
$ lvsh -c test:///default --json events --list --event lifecycle 
[{"family":"domain","event":"lifecycle"},{"family":"network","event":"lifecycle"},{"family":"pool","event":"lifecycle"},{"family":"nodedev","event":"lifecycle"},{"family":"secret","event":"lifecycle"}]
? 0
$ lvsh -c test:///default event --all --timeout 1
event loop timed out
events received: 0

? 1
$ lvsh -c test:///default event test lifecycle --timeout 1 --timestamp
event loop timed out
events received: 0

? 1
$ lvsh -c test:///default --json event --event reboot --loop --timeout 1
{"events_received":0,"end":"timeout"}
? 1
$ lvsh -c test:///default net-event --network default --all --loop --timeout 1
event loop timed out
events received: 0

? 1
$ lvsh -c test:///default pool-event --pool default-pool --event refresh --timeout 1
event loop timed out
events received: 0

? 1
$ lvsh -c test:///default nodedev-event --all --timeout 1
event loop timed out
events received: 0

? 1
$ lvsh -c test:///default secret-event --all --timeout 1

! error: failed to register secret event 'lifecycle'
! error: this function is not supported by the connection driver: virConnectSecretEventRegisterAny
? 1
$ lvsh -c test:///default --json secret-event --event value-changed --timeout 1
! {"error":{"status":1,"code":3,"message":"failed to register secret event 'value-changed'","detail":"this function is not supported by the connection driver: virConnectSecretEventRegisterAny"}}
? 1
$ lvsh -c test:///default events --timeout 1
event loop timed out
events received: 0

! warning: secret events are not available: this function is not supported by the connection driver: virConnectSecretEventRegisterAny
? 1
$ lvsh -c test:///default --json events --family network --timeout 1
{"events_received":0,"end":"timeout"}
? 1
$ lvsh -c test:///default events --event refresh --timeout 1
event loop timed out
events received: 0

? 1
$ lvsh -c test:///default events --family secret --timeout 1

! error: failed to register secret event 'lifecycle'
! error: this function is not supported by the connection driver: virConnectSecretEventRegisterAny
? 1
$ lvsh -c test:///default events --family network --event refresh

! error: the network family has no event 'refresh'
? 2
$ lvsh -c test:///default event

! error: one of --list, --all or --event NAME is required
? 2
$ lvsh -c test:///default event --event explode
! error: invalid value 'explode' for --event of 'event' (expected one of: lifecycle, reboot, rtc-change, watchdog, io-error, graphics, io-error-reason, control-error, block-job, disk-change, tray-change, pm-wakeup, pm-suspend, balloon-change, pm-suspend-disk, device-removed, block-job-2, tunable, agent-lifecycle, device-added, migration-iteration, job-completed, device-removal-failed, metadata-change, block-threshold, memory-failure, memory-device-size-change)

? 2
$ lvsh -c test:///default event --all --event lifecycle
! error: options --event and --all of 'event' cannot be used together

? 2
$ lvsh -c test:///default event --all --timeout 0

! error: Numeric value '0' for <timeout> option is malformed or out of range
? 2
$ lvsh -c test:///default event nosuch --all

! error: failed to get domain 'nosuch'
? 1
$ lvsh -c test:///default net-event --network nosuch --all

! error: failed to get network 'nosuch'
! error: Network not found: no network with matching name 'nosuch'
? 1
$ lvsh -c test:///default pool-event --pool /no/such/path --all

! error: failed to get pool '/no/such/path'
! error: Storage pool not found: no storage pool with matching name '/no/such/path'
? 1
$ lvsh -c "test://$FIXTURES/node.xml" pool-event --pool /srv/backup/ --all --timeout 1
event loop timed out
events received: 0

? 1
$ lvsh -c test:///default nodedev-event --device nosuch --all

! error: Could not find matching device 'nosuch'
! error: Node device not found: no node device with matching name 'nosuch'
? 1
