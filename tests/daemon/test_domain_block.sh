#!/usr/bin/env bash
# Block jobs, blockresize, dump, screenshot and dirty rate on a real QEMU
# guest (TCG, 64 MiB, no OS) with a small qcow2 disk in a temporary
# directory.  External --disk-only snapshots make the backing chains that
# blockpull and blockcommit work on.  One guest boot; everything is removed
# at the end, whatever failed.
set -u
. "$(dirname "$0")/lib.sh"
URI=${LVSH_TIER_QEMU:?run me from tests/daemon/run.sh}
work=$(mktemp -d /tmp/lvsh-block.XXXXXX)
chmod 755 "$work"
dom="lvsh blk guest"

cleanup() {
    "$LVSH" -c "$URI" -q destroy "$dom" >/dev/null 2>&1
    "$LVSH" -c "$URI" -q undefine "$dom" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

v() { virsh -c "$URI" "$@"; }
# stdout of an lvsh command equals the text given (printf escapes)
out_is() { local want=$1; shift; diff <(printf "$want") <(l "$@"); }
same() { diff <(l "$@" 2>&1) <(v "$@" 2>&1); }
# the backing file qemu-img sees for an image (in use: -U)
backing() { qemu-img info -U --output=json "$1" | python3 -c \
    'import json,sys; print(json.load(sys.stdin).get("backing-filename", "none"))'; }
source_of() { l domblklist "$dom" | awk '$1 == "vda" { print $2 }'; }

qemu-img create -q -f qcow2 "$work/base.qcow2" 16M
qemu_guest_xml "$dom" 64 "    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$work/base.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>" >"$work/guest.xml"

check "define the guest" l define "$work/guest.xml"
check "start the guest" l start "$dom"

# ---- blockresize ----------------------------------------------------------
check "blockresize 20M: virsh's message, no blank line" \
    out_is "Block device 'vda' is resized\n" blockresize "$dom" vda 20M
check "the image is 20 MiB" bash -c "qemu-img info -U --output=json '$work/base.qcow2' |
    grep -q '\"virtual-size\": 20971520'"
check "blockresize by byte count (not KiB-aligned) same as virsh's refusal" \
    same blockresize "$dom" vda 20971521
check "blockresize of a missing disk same as virsh" same blockresize "$dom" vdz 1M

# ---- blockjob with no job ---------------------------------------------------
check "blockjob without a job same as virsh" same blockjob "$dom" vda
check "blockjob --raw without a job same as virsh" same blockjob "$dom" vda --raw
check "blockjob --json without a job" out_is '{"path":"vda","job":null}\n' --json blockjob "$dom" vda

# ---- blockpull: a snapshot overlay, pulled into the top --------------------
snap() { l -q snapshot-create-as "$dom" "$1" --disk-only --no-metadata \
    --diskspec "vda,file=$work/$1.qcow2"; }
check "snapshot s1 makes an overlay" snap s1
check "s1 is backed by base" bash -c "[ \"\$(qemu-img info -U --output=json '$work/s1.qcow2' | grep -c base.qcow2)\" -ge 1 ]"
check "blockpull --wait: Pull complete" out_is "\nPull complete\n" blockpull "$dom" vda --wait --verbose
check "s1 has no backing file after the pull" bash -c "[ \"\$(qemu-img info -U --output=json '$work/s1.qcow2' | grep -c backing-filename)\" = 0 ]"

# ---- blockcommit: non-active (--top), then active with --pivot -------------
check "snapshot s2" snap s2
check "snapshot s3" snap s3
check "blockcommit --top s2 --wait: Commit complete" \
    out_is "\nCommit complete\n" blockcommit "$dom" vda --top "$work/s2.qcow2" --wait
check "s3 is now backed by s1" bash -c "qemu-img info -U '$work/s3.qcow2' | grep -q 's1.qcow2'"
check "blockcommit --active --wait: synchronized" \
    out_is "\nNow in synchronized phase\n" blockcommit "$dom" vda --active --wait
check "blockjob --raw during the job same as virsh" same blockjob "$dom" vda --raw
check "blockjob --info shows the active commit" \
    bash -c "'$LVSH' -c '$URI' blockjob '$dom' vda --info | grep -qx 'Active Block Commit: \[100 %\]'"
check "blockjob --bandwidth 2 sets the limit" l blockjob "$dom" vda --bandwidth 2
# virsh draws the job line on stderr; lvsh prints it as the first line of data
check "blockjob shows the limit as virsh does" \
    bash -c "diff <('$LVSH' -c '$URI' blockjob '$dom' vda | tail -n +2) <(virsh -c '$URI' blockjob '$dom' vda 2>/dev/null)"
check "blockjob --json" bash -c "'$LVSH' -c '$URI' --json blockjob '$dom' vda |
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"job\"]==\"Active Block Commit\" and d[\"bandwidth\"]==2097152, d'"
check "blockjob --pivot concludes it" l blockjob "$dom" vda --pivot
check "the disk is s1 again" bash -c "[ \"\$('$LVSH' -c '$URI' domblklist '$dom' | awk '\$1==\"vda\"{print \$2}')\" = '$work/s1.qcow2' ]"

# ---- blockcopy -------------------------------------------------------------
check "blockcopy of a persistent domain needs --transient-job (libvirt's error)" \
    same blockcopy "$dom" vda "$work/nope.qcow2" --wait
check "blockcopy --finish: Successfully copied" \
    out_is "\nSuccessfully copied\n" blockcopy "$dom" vda "$work/copy.qcow2" --transient-job --finish
check "the copy exists" test -s "$work/copy.qcow2"
check "blockcopy --wait: mirroring" \
    out_is "\nNow in mirroring phase\n" blockcopy "$dom" vda "$work/mirror.qcow2" --transient-job --wait
check "blockjob --raw of the copy same as virsh" same blockjob "$dom" vda --raw
check "blockjob --abort ends the mirror" l blockjob "$dom" vda --abort
check "no job left" out_is "No current block job for vda\n" blockjob "$dom" vda
check "blockcopy --print-xml same as virsh" same blockcopy "$dom" vda "$work/x.qcow2" --format qcow2 --print-xml
check "blockcopy started without --wait" \
    out_is "Block Copy started\n" blockcopy "$dom" vda "$work/async.qcow2" --transient-job --bandwidth 1 --bytes
check "blockjob --abort --async" l blockjob "$dom" vda --abort --async
sleep 1
check "blockcopy throttled to 1 byte/s: --timeout aborts it, exit 1" \
    bash -c "'$LVSH' -c '$URI' blockcopy '$dom' vda '$work/slow.qcow2' --transient-job --bandwidth 1 --bytes --timeout 1 >'$work/slow.out'; [ \$? = 1 ] && grep -qx 'Copy aborted' '$work/slow.out'"
check "no job after the timeout" out_is "No current block job for vda\n" blockjob "$dom" vda

# ---- dump, screenshot, dirty rate ---------------------------------------------
check "dump --memory-only writes an ELF core" \
    out_is "\nDomain '$dom' dumped to $work/mem.core\n\n" dump "$dom" "$work/mem.core" --memory-only
check "the core is ELF" bash -c "head -c 4 '$work/mem.core' | grep -q ELF"
check "dump --json" bash -c "'$LVSH' -c '$URI' --json dump '$dom' '$work/mem2.core' --memory-only --format elf |
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"action\"]==\"dumped\", d'"
check "screenshot without graphics: libvirt's error as virsh" same screenshot "$dom" --file "$work/s.png"
check "screenshot left no file" test ! -e "$work/s.png"
# one measurement at a time: lvsh's, then (after it ends) virsh's
dirty_l=$(l domdirtyrate-calc "$dom" --seconds 1 2>&1); sleep 2.5
dirty_v=$(v domdirtyrate-calc "$dom" --seconds 1 2>&1); sleep 2.5
check "domdirtyrate-calc same as virsh" test "$dirty_l" = "$dirty_v"

echo "domain_block: $pass passed, $fail failed"
[ "$fail" = 0 ]
