Block jobs, blockresize, dump, screenshot and dirty rate on the test driver.
The test driver has no block jobs and no resize: libvirt's own error, exit 1,
the same as virsh.

$ diff <(lvsh -c test:///default blockresize test hda 1G 2>&1) <(virsh -c test:///default blockresize test hda 1G 2>&1) && echo same
same
? 0
$ lvsh -c test:///default blockresize test hda 1G
! error: Failed to resize block device 'hda'
! error: this function is not supported by the connection driver: virDomainBlockResize

? 1
$ lvsh -c test:///default blockresize test hda 12X
! error: Scaled numeric value '12X' for <size> option is malformed or out of range
! error: invalid argument: unknown suffix 'X'

? 2
$ lvsh -c test:///default blockresize nosuch hda 1G
! error: failed to get domain 'nosuch'

? 1
$ for c in "blockpull test hda" "blockcommit test hda" "blockjob test hda" "blockjob test hda --raw" "blockcopy test hda --dest /tmp/y"; do diff <(lvsh -c test:///default $c 2>&1) <(virsh -c test:///default $c 2>&1) || echo "$c differs"; done; echo done
done
? 0
$ lvsh -c test:///default blockpull test hda --wait
! error: this function is not supported by the connection driver: virDomainBlockPull

? 1
$ lvsh -c test:///default blockpull test hda --verbose
! error: Option --wait is required by option --verbose

? 1
$ lvsh -c test:///default blockcommit test hda --async
! error: --async requires at least one of --timeout, --wait, --pivot, or --keep-overlay

? 1
$ lvsh -c test:///default blockcommit test hda --pivot --keep-overlay
! error: options --pivot and --keep-overlay of 'blockcommit' cannot be used together

? 2
$ lvsh -c test:///default blockcopy test hda
! error: need either --dest or --xml

? 1
$ lvsh -c test:///default blockcopy test hda --verbose --dest /tmp/y
! error: --verbose requires at least one of --timeout, --wait, --pivot, or --finish

? 1
$ diff <(lvsh -c test:///default blockcopy test hda /tmp/y --print-xml) <(virsh -c test:///default blockcopy test hda /tmp/y --print-xml) && echo same
same
? 0
$ lvsh -c test:///default blockcopy test hda /dev/sdz --blockdev --format raw --print-xml
<disk type='block'>
  <source dev='/dev/sdz'/>
  <driver type='raw'/>
</disk>

? 0
$ lvsh -c test:///default --json blockcopy test hda /tmp/y --print-xml
{"xml":"<disk type='file'>\n  <source file='/tmp/y'/>\n</disk>\n"}
? 0
$ lvsh -c test:///default blockjob test hda --abort --info
! error: options --info and --abort of 'blockjob' cannot be used together

? 2
$ lvsh -c test:///default --json blockjob test hda
! {"error":{"status":1,"code":0,"message":"this function is not supported by the connection driver: virDomainGetBlockJobInfo"}}
? 1
$ lvsh -c test:///default -r blockjob test hda --abort
! error: 'blockjob' changes state, but the connection is read-only (-r)

? 1

Dump: the test driver writes a small file; --memory-only it refuses.

$ d=$(mktemp -d); lvsh -c test:///default dump test $d/core | sed "s|$d|DIR|"; test -s $d/core && echo written; rm -rf $d

Domain 'test' dumped to DIR/core

written
? 0
$ lvsh -c test:///default dump test /tmp/lvsh-nocore --memory-only
! error: Failed to core dump domain 'test' to /tmp/lvsh-nocore
! error: unsupported flags (0x10) in function testDomainCoreDumpWithFormat

? 1
$ lvsh -c test:///default dump test /tmp/lvsh-nocore --format elf
! error: --format only works with --memory-only

? 1
$ lvsh -c test:///default dump test /tmp/lvsh-nocore --memory-only --format xz
! error: invalid value 'xz' for --format of 'dump' (expected one of: kdump-zlib, kdump-lzo, kdump-snappy, win-dmp, elf)

? 2
$ d=$(mktemp -d); lvsh -c test:///default --json dump test $d/core | sed "s|$d|DIR|"; rm -rf $d
{"name":"test","uuid":"6695eb01-f6a4-8304-79aa-97f2502e193f","action":"dumped","file":"DIR/core"}
? 0

Screenshot: the test driver sends a PNG; the same bytes as virsh's.

$ d=$(mktemp -d); cd $d && lvsh -c test:///default screenshot test --file a.png && virsh -q -c test:///default screenshot test --file b.png && cmp a.png b.png && echo same; cd /; rm -rf $d
Screenshot saved to a.png, with type of image/png
same
? 0
$ d=$(mktemp -d); cd $d && lvsh -c test:///default screenshot test && ls | sed 's/[0-9]/N/g'; cd /; rm -rf $d
Screenshot saved to test-[0-9-]+:[0-9]+:[0-9]+\.png, with type of image/png (re)
test-NNNN-NN-NN-NN:NN:NN.png
? 0
$ lvsh -c test:///default screenshot test --file /nonexistent/dir/x.png
! error: cannot create file /nonexistent/dir/x.png: No such file or directory

? 1
$ lvsh -c test:///default domdirtyrate-calc test
! error: this function is not supported by the connection driver: virDomainStartDirtyRateCalc

? 1
$ lvsh -c test:///default domdirtyrate-calc test --mode bogus
! error: invalid value 'bogus' for --mode of 'domdirtyrate-calc' (expected one of: page-sampling, dirty-bitmap, dirty-ring)

? 2
