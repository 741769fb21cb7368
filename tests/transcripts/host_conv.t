Conversions and images on the test driver: native config conversion (the
test driver refuses it), the XML inside saved state images (a fixture
image written by the test driver's save), pool source discovery and
interface change transactions (never left open: the test driver would leak
the unfinished one).

$ cp $FIXTURES/host-cpu.xml native.args && lvsh -c test:///default domxml-from-native qemu-argv native.args

! error: failed to convert the qemu-argv configuration to domain XML
! error: this function is not supported by the connection driver: virConnectDomainXMLFromNative
? 1
$ lvsh -c test:///default domxml-from-native qemu-argv missing.args

! error: Failed to open file 'missing.args': No such file or directory
? 1
$ lvsh -c test:///default domxml-to-native qemu-argv --domain test

! error: this function is not supported by the connection driver: virConnectDomainXMLToNative
? 1
$ cp $FIXTURES/host-domain-cpu.xml dom.xml && lvsh -c test:///default domxml-to-native qemu-argv dom.xml

! error: this function is not supported by the connection driver: virConnectDomainXMLToNative
? 1
$ lvsh -c test:///default domxml-to-native qemu-argv --domain nosuch

! error: failed to get domain 'nosuch'
? 1
$ lvsh -c test:///default domxml-to-native qemu-argv

! error: one of --domain or --xml is required
? 2
$ printf '<domain>' > broken.xml && lvsh -c test:///default domxml-to-native qemu-argv --xml broken.xml

! error: broken.xml:1:9: malformed XML: Premature end of data in tag domain line 1
? 1
$ cp $FIXTURES/host-saved.img saved.img && diff <(lvsh -c test:///default save-image-dumpxml saved.img) <(virsh -c test:///default save-image-dumpxml saved.img) && echo same
same
? 0
$ cp $FIXTURES/host-saved.img saved.img && lvsh -c test:///default save-image-dumpxml saved.img --security-info --xpath 'string(/domain/name)'
test

? 0
$ cp $FIXTURES/host-saved.img saved.img && lvsh -c test:///default --json save-image-dumpxml saved.img --xpath 'string(/domain/vcpu)'
{"xpath":"string(/domain/vcpu)","results":["2"]}
? 0
$ lvsh -c test:///default save-image-dumpxml /nonexistent/nosuch.img

! error: cannot read domain image '/nonexistent/nosuch.img': No such file or directory
? 1
$ cp $FIXTURES/host-saved.img saved.img && lvsh -c test:///default save-image-dumpxml saved.img | sed 's/<vcpu placement=.static.>2/<vcpu placement="static">1/' > new.xml && lvsh -c test:///default 'save-image-define saved.img new.xml --running; save-image-dumpxml saved.img --xpath "string(//vcpu)"'
State file saved.img updated.

1

? 0
$ cp $FIXTURES/host-saved.img saved.img && lvsh -c test:///default -q save-image-define saved.img broken.xml
! error: broken.xml:1:9: malformed XML: Premature end of data in tag domain line 1
? 1
$ printf '<domain>' > broken.xml && lvsh -c test:///default save-image-define saved.img broken.xml

! error: broken.xml:1:9: malformed XML: Premature end of data in tag domain line 1
? 1
$ lvsh -c test:///default save-image-define saved.img new.xml --running --paused

! error: options --running and --paused of 'save-image-define' cannot be used together
? 2
$ lvsh -c test:///default -r save-image-define saved.img new.xml

! error: 'save-image-define' changes state, but the connection is read-only (-r)
? 1
$ cp $FIXTURES/host-saved.img saved.img && EDITOR="sed -i s/2097152/1048576/" lvsh -c test:///default 'save-image-edit saved.img; save-image-dumpxml saved.img --xpath "string(//currentMemory)"'
State file saved.img edited.

1048576

? 0
$ cp $FIXTURES/host-saved.img saved.img && EDITOR=true lvsh -c test:///default save-image-edit saved.img
Saved image saved.img XML configuration not changed.

? 0
$ cp $FIXTURES/host-saved.img saved.img && EDITOR=true lvsh -c test:///default save-image-edit saved.img --paused
State file saved.img edited.

? 0
$ diff <(lvsh -c test:///default find-storage-pool-sources logical) <(virsh -c test:///default find-storage-pool-sources logical) && echo same
same
? 0
$ lvsh -c test:///default find-storage-pool-sources netfs

! error: Failed to find any netfs pool sources
! error: invalid argument: hostname must be specified for netfs sources
? 1
$ cp $FIXTURES/host-srcspec.xml . && lvsh -c test:///default find-storage-pool-sources netfs host-srcspec.xml
<sources>
  <source>
    <host name='storage host'/>
    <dir path='/testshare'/>
    <format type='nfs'/>
  </source>
</sources>

? 0
$ diff <(lvsh -c test:///default 'find-storage-pool-sources-as logical --host h; find-storage-pool-sources-as netfs myhost 2049') <(virsh -c test:///default 'find-storage-pool-sources-as logical --host h; find-storage-pool-sources-as netfs myhost 2049') && echo same
same
? 0
$ lvsh -c test:///default find-storage-pool-sources-as netfs --host "storage host ünïcode" --initiator iqn.2024-01.org.example:x --xpath 'string(//host/@name)'
storage host ünïcode

? 0
$ lvsh -c test:///default find-storage-pool-sources-as netfs --port 22

! error: --port needs --host
? 2
$ lvsh -c test:///default --json find-storage-pool-sources logical --xpath '//name/text()'
{"xpath":"//name/text()","results":["testvg1","testvg2"]}
? 0
$ lvsh -c test:///default find-storage-pool-sources iscsi

! error: Failed to find any iscsi pool sources
! error: this function is not supported by the connection driver: pool type 'iscsi' does not support source discovery
? 1
$ lvsh -c test:///default find-storage-pool-sources nosuchtype

! error: Failed to find any nosuchtype pool sources
! error: this function is not supported by the connection driver: pool type 'nosuchtype' does not support source discovery
? 1
$ lvsh -c test:///default 'iface-begin; iface-rollback; iface-begin; iface-commit'
Network config change transaction started

Network config change transaction rolled back

Network config change transaction started

Network config change transaction committed

? 0
$ lvsh -c test:///default --on-error=continue 'iface-begin; iface-begin; iface-rollback'
Network config change transaction started


Network config change transaction rolled back

! error: Failed to begin network config change transaction
! error: Requested operation is not valid: there is another transaction running.
? 1
$ lvsh -c test:///default iface-commit

! error: Failed to commit network config change transaction
! error: Requested operation is not valid: no transaction running, nothing to be committed.
? 1
$ lvsh -c test:///default -q --json 'iface-begin; iface-rollback'
{"transaction":"interface","action":"started"}
{"transaction":"interface","action":"rolled back"}
? 0
$ lvsh -c test:///default -r iface-begin

! error: 'iface-begin' changes state, but the connection is read-only (-r)
? 1
