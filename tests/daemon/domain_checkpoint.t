Checkpoints, backups and the migration knobs of a real QEMU guest (64 MiB,
one 16 MiB qcow2 disk, booted once) on the private libvirtd.  A real
migration needs a second host: only libvirt's refusals are checked.

$ W=$(mktemp -d "$LVSH_TIER_DIR/ckpt.XXXXXX"); echo "$W" > "$LVSH_TIER_DIR/ckpt-dir"; chmod 755 "$W"
> qemu-img create -q -f qcow2 "$W/disk.qcow2" 16M
> sed "s|@DISK@|$W/disk.qcow2|" "$FIXTURES/checkpoint-guest.xml" > "$W/guest.xml"
> lvsh -c "$LVSH_TIER_QEMU" "define $W/guest.xml; start 'ckpt guest'; domstate 'ckpt guest'" | tail -2
running

? 0
$ lvsh -c "$LVSH_TIER_QEMU" "checkpoint-create-as 'ckpt guest' c1; checkpoint-create-as 'ckpt guest' c2 second; checkpoint-list 'ckpt guest' --name; checkpoint-parent 'ckpt guest' c2"
Domain checkpoint c1 created
Domain checkpoint c2 created
c1
c2

c1
? 0
$ "$TESTS/virsh-same" "$LVSH_TIER_QEMU" \
>   "checkpoint-list 'ckpt guest'" "checkpoint-list 'ckpt guest' --parent" "checkpoint-list 'ckpt guest' --tree" \
>   "checkpoint-list 'ckpt guest' --leaves --name" "checkpoint-info 'ckpt guest' c1" "checkpoint-info 'ckpt guest' c2" \
>   "checkpoint-dumpxml 'ckpt guest' c2 --no-domain" "checkpoint-dumpxml 'ckpt guest' c2 --no-domain --size"
8 of 8 same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" checkpoint-dumpxml 'ckpt guest' c2 --size --xpath "string(//disk[@name='vda']/@bitmap)"
c2

? 0

An incremental push backup from c1 into a file, then a pull backup whose
job stays until it is aborted (so backup-dumpxml has a job to show):

$ W=$(cat "$LVSH_TIER_DIR/ckpt-dir"); sed "s|@TARGET@|$W/backup.qcow2|" "$FIXTURES/checkpoint-backup-push.xml" > "$W/push.xml"
> lvsh -c "$LVSH_TIER_QEMU" "backup-begin 'ckpt guest' --backupxml $W/push.xml"
> for i in $(seq 60); do [ -s "$W/backup.qcow2" ] && ! lvsh -q -c "$LVSH_TIER_QEMU" domjobinfo 'ckpt guest' | grep -q Backup && break; sleep 1; done
> qemu-img info -U --output=json "$W/backup.qcow2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["format"])'
Backup started

qcow2
? 0
$ W=$(cat "$LVSH_TIER_DIR/ckpt-dir"); sed -e "s|@SCRATCH@|$W/scratch.qcow2|" -e "s|@PORT@|$((20000 + RANDOM % 20000))|" "$FIXTURES/checkpoint-backup-pull.xml" > "$W/pull.xml"
> lvsh -c "$LVSH_TIER_QEMU" "backup-begin 'ckpt guest' --backupxml $W/pull.xml; backup-dumpxml 'ckpt guest' --xpath 'string(/domainbackup/@mode)'"
> diff <(lvsh -c "$LVSH_TIER_QEMU" "backup-dumpxml 'ckpt guest'") <(virsh -c "$LVSH_TIER_QEMU" "backup-dumpxml 'ckpt guest'") && echo same
> lvsh -q -c "$LVSH_TIER_QEMU" "backup-dumpxml 'ckpt guest' --json" | python3 -c 'import json,sys; print("<domainbackup mode=" in json.load(sys.stdin)["xml"])'
> lvsh -c "$LVSH_TIER_QEMU" "domjobabort 'ckpt guest'"
Backup started

pull

same
True

? 0
$ lvsh -c "$LVSH_TIER_QEMU" "backup-dumpxml 'ckpt guest'"
! error: Domain backup job id not found: no domain backup job present

? 1

Migration settings of the running guest, compared with virsh:

$ lvsh -c "$LVSH_TIER_QEMU" "migrate-setmaxdowntime 'ckpt guest' 700; migrate-getmaxdowntime 'ckpt guest'; migrate-setspeed 'ckpt guest' 100; migrate-getspeed 'ckpt guest'"

700


100

? 0
$ lvsh -c "$LVSH_TIER_QEMU" "migrate-getmaxdowntime 'ckpt guest' --json; migrate-getspeed 'ckpt guest' --json"
{"name":"ckpt guest","uuid":"[0-9a-f-]{36}","downtime_ms":700} (re)
{"name":"ckpt guest","uuid":"[0-9a-f-]{36}","bandwidth_mib_s":100} (re)
? 0
$ for c in "migrate-getmaxdowntime 'ckpt guest'" "migrate-getspeed 'ckpt guest'" "migrate-getspeed 'ckpt guest' --postcopy" \
>          "migrate-compcache 'ckpt guest'" "migrate-postcopy 'ckpt guest'"; do
>   lvsh -c "$LVSH_TIER_QEMU" "$c" > lv.out 2> lv.err; l=$?; virsh -c "$LVSH_TIER_QEMU" "$c" > vs.out 2> vs.err; v=$?
>   diff lv.out vs.out > /dev/null && [ $l = $v ] && [ "$(tail -1 lv.err)" = "$(tail -1 vs.err)" ] && echo "same: $c" || echo "DIFFERENT: $c"
> done
same: migrate-getmaxdowntime 'ckpt guest'
same: migrate-getspeed 'ckpt guest'
same: migrate-getspeed 'ckpt guest' --postcopy
same: migrate-compcache 'ckpt guest'
same: migrate-postcopy 'ckpt guest'
? 0
$ lvsh -c "$LVSH_TIER_QEMU" "migrate 'ckpt guest' qemu+tcp://127.0.0.1:1/system --live"
! error: unable to connect to server at '127.0.0.1:1': .* (re)

? 1
$ lvsh -c "$LVSH_TIER_QEMU" "migrate 'ckpt guest' qemu+tcp://127.0.0.1:1/system --live --p2p --verbose"
! error: failed to migrate domain 'ckpt guest' to 'qemu+tcp://127.0.0.1:1/system'
! error: Unsafe migration: Migration without shared storage is unsafe

? 1
$ lvsh -c "$LVSH_TIER_QEMU" "migrate 'ckpt guest' qemu+tcp://127.0.0.1:1/system --live --p2p --unsafe --dname other --bandwidth 1"
! error: failed to migrate domain 'ckpt guest' to 'qemu+tcp://127.0.0.1:1/system'
! error: .* (re)

? 1

Deleting checkpoints, then cleaning up (the guest is destroyed and
undefined even when a case above failed):

$ lvsh -c "$LVSH_TIER_QEMU" "checkpoint-delete 'ckpt guest' c1; checkpoint-list 'ckpt guest' --parent --name"
Domain checkpoint c1 deleted

c2

? 0
$ lvsh -c "$LVSH_TIER_QEMU" "checkpoint-delete 'ckpt guest' c2 --json"
{"domain":"ckpt guest","name":"c2","action":"deleted"}
? 0
$ lvsh -c "$LVSH_TIER_QEMU" checkpoint-info 'ckpt guest' c1
! error: Domain checkpoint not found: .* (re)

? 1
$ lvsh -q -c "$LVSH_TIER_QEMU" "domjobabort 'ckpt guest'" 2>/dev/null; for c in "checkpoint-delete 'ckpt guest' c1 --metadata" "checkpoint-delete 'ckpt guest' c2 --metadata" "destroy 'ckpt guest'" "undefine 'ckpt guest'"; do lvsh -q -c "$LVSH_TIER_QEMU" "$c" 2>/dev/null; done
> rm -rf "$(cat "$LVSH_TIER_DIR/ckpt-dir")"; lvsh -c "$LVSH_TIER_QEMU" list --all --name | grep -c 'ckpt guest'
0
? 1
