The core against a real libvirtd: remote URIs, both drivers.

$ lvsh -c "$LVSH_TIER_QEMU" uri
qemu\+unix:///system\?socket=.*/sock/libvirt-sock (re)

? 0
$ lvsh -c "$LVSH_TIER_TEST" 'list --all; domstate test'
 Id   Name   State
----------------------
 1    test   running

running

? 0
$ lvsh -r -c "$LVSH_TIER_QEMU" 'list --all --name'

? 0
A socket that does not exist: virsh's two lines (libvirt's names the socket), nothing on
stdout.
$ lvsh -c "qemu+unix:///system?socket=$LVSH_TIER_DIR/nosuch-sock" list
! error: failed to connect to the hypervisor
! error: .*nosuch-sock.* (re)
? 1
