Guest-agent commands on the test driver.  The test driver answers
domfsfreeze, domfsthaw, domfstrim and set-user-password (its guest has the
mount points / and /boot); their output is compared with virsh 9.0 byte for
byte.  The other agent calls it refuses: lvsh shows libvirt's own error and
exits 1, as virsh does.

$ cd "$(mktemp -d)"; printf 'ssh-ed25519 AAAA one\n\n# comment\nssh-rsa BBBB two\n' > keys
> for c in "domfsfreeze test" "domfsfreeze test /" "domfsfreeze test --mountpoint / --mountpoint /boot" \
>     "domfsthaw test" "domfsthaw test /boot" "domfstrim test" "domfstrim test --minimum 4096" \
>     "set-user-password test root pw" "set-user-password test root '\$6\$x' --encrypted" \
>     "get-user-sshkeys test root" "set-user-sshkeys test root --file keys" \
>     "guest-agent-timeout test --timeout 5" "guestinfo test" "guestinfo test --os --disk" \
>     "guestvcpus test" "guestvcpus test --cpulist 1 --disable" "qemu-agent-command test '{}'"; do
>   a=$(eval lvsh -c test:///default "$c" 2>/dev/null; echo "rc=$?")
>   b=$(eval virsh -c test:///default "$c" 2>/dev/null; echo "rc=$?")
>   [ "$a" = "$b" ] || echo "differs: $c"
> done; echo checked
checked
? 0
$ lvsh -c test:///default 'domfsfreeze test; domfsthaw test /boot; domfsthaw test; domfstrim test'
Froze 2 filesystem(s)

Thawed 1 filesystem(s)

Thawed 1 filesystem(s)


? 0
$ lvsh -c test:///default --json 'domfsfreeze test /; domfsthaw test; domfstrim test --mountpoint /'
{"frozen":1}
{"thawed":1}
{"trimmed":true}
? 0
$ lvsh -c test:///default domfsfreeze test /nowhere
! error: Unable to freeze filesystems
! error: Requested operation is not valid: mount point not found: /nowhere

? 1
$ lvsh -c test:///default domfstrim test --mountpoint /x
! error: Unable to invoke fstrim
! error: Requested operation is not valid: mount point not found: /x

? 1
$ lvsh -c test:///default domfstrim test --minimum -1
! error: Numeric value '-1' for <minimum> option is malformed or out of range

? 2
$ lvsh -r -c test:///default domfsfreeze test
! error: 'domfsfreeze' changes state, but the connection is read-only (-r)

? 1

set-user-password: virsh's message has no newline of its own, so no blank
line follows it; -q drops it; the password never shows in an error.

$ lvsh -c test:///default set-user-password test root hunter2
Password set successfully for root in test
? 0
$ lvsh -c test:///default --json set-user-password test --user root --password hunter2 --encrypted
{"user":"root","domain":"test"}
? 0
$ lvsh -q -c test:///default set-user-password test root hunter2
? 0
$ lvsh -c test:///default set-user-password nosuch root hunter2 2>&1 | grep -c hunter2
0
? 1
$ lvsh -c test:///default set-user-password test root ''
! error: option --password of 'set-user-password' needs a non-empty value

? 2

What the test driver refuses: libvirt's error, exit 1.

$ lvsh -c test:///default get-user-sshkeys test root
! error: this function is not supported by the connection driver: virDomainAuthorizedSSHKeysGet

? 1
$ cd "$(mktemp -d)"; printf 'ssh-ed25519 AAAA one\n' > keys; lvsh -c test:///default set-user-sshkeys test root --file keys --remove
! error: failed to set the SSH keys of user 'root'
! error: this function is not supported by the connection driver: virDomainAuthorizedSSHKeysSet

? 1
$ lvsh -c test:///default guest-agent-timeout test
! error: this function is not supported by the connection driver: virDomainAgentSetResponseTimeout

? 1
$ lvsh -c test:///default guestinfo test --user --os --timezone --hostname --filesystem --disk --interface
! error: this function is not supported by the connection driver: virDomainGetGuestInfo

? 1
$ lvsh -c test:///default guestvcpus test
! error: this function is not supported by the connection driver: virDomainGetGuestVcpus

? 1
$ lvsh -c test:///default guestvcpus test --cpulist 0-1 --enable
! error: failed to change the guest vCPUs of domain 'test'
! error: this function is not supported by the connection driver: virDomainSetGuestVcpus

? 1
$ lvsh -c test:///default qemu-agent-command test --block '{"execute":"guest-ping"}'
! error: this function is not supported by the connection driver: virDomainQemuAgentCommand

? 1

Option checks made before the guest is asked, with virsh's messages.

$ lvsh -c test:///default set-user-sshkeys test root
! error: Option --file is required

? 1
$ lvsh -c test:///default set-user-sshkeys test root --remove
! error: Option --file is required by option --remove

? 1
$ cd "$(mktemp -d)"; : > empty; lvsh -c test:///default set-user-sshkeys test root --file empty
! error: File empty contains no keys

? 1
$ lvsh -c test:///default set-user-sshkeys test root --reset --remove
! error: options --reset and --remove of 'set-user-sshkeys' cannot be used together

? 2
$ lvsh -c test:///default guestvcpus test --enable
! error: Option --cpulist is required by option --enable

? 1
$ lvsh -c test:///default guestvcpus test --cpulist 1
! error: One of options --enable or --disable is required by option --cpulist

? 1
$ lvsh -c test:///default qemu-agent-command test --timeout 0 x
! error: timeout must be positive

? 1
$ lvsh -c test:///default qemu-agent-command test --async --block x
! error: timeout, async and block options are exclusive

? 1
$ lvsh -c test:///default qemu-agent-command test
! error: command 'qemu-agent-command' requires option --cmd
? 2
$ lvsh -c test:///default domfsfreeze nosuch
! error: failed to get domain 'nosuch'

? 1
