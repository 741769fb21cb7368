lxc-enter-namespace runs a program in an LXC guest's namespaces through
libvirt-lxc.  The test driver has no namespaces to open: libvirt's message is
shown alone, as virsh shows it (compared with virsh 9.0).
$ lvsh -c test:///default 'lxc-enter-namespace test -- /bin/true'
! error: this function is not supported by the connection driver: virDomainLxcOpenNamespace

? 1
$ lvsh -c test:///default 'lxc-enter-namespace test --noseclabel --cmd /bin/sh -c true'
! error: this function is not supported by the connection driver: virDomainLxcOpenNamespace

? 1
$ lvsh -c test:///default 'lxc-enter-namespace nosuch /bin/true'
! error: failed to get domain 'nosuch'

? 1
$ lvsh --virsh -c test:///default 'lxc-enter-namespace test'
! error: command 'lxc-enter-namespace' requires <cmd> option
? 1
Running a program in a guest changes it: refused on a read-only connection.
$ lvsh -r -c test:///default 'lxc-enter-namespace test /bin/true'
! error: 'lxc-enter-namespace' changes state, but the connection is read-only (-r)

? 1
