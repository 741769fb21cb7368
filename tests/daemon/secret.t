Secrets through the private libvirtd (the test driver has none).  Each case
cleans up what it defines; listings are compared with virsh's.

$ cat > vol.xml <<'X'
> <secret ephemeral='no' private='no'>
>   <uuid>5ec2e700-0000-4000-8000-00000000000a</uuid>
>   <description>disk key of a volume with a tricky path</description>
>   <usage type='volume'><volume>/var/lib/libvirt/images/lvsh tést ü.img</volume></usage>
> </secret>
> X
> cat > ceph.xml <<'X'
> <secret ephemeral='yes' private='yes'>
>   <uuid>5ec2e700-0000-4000-8000-00000000000b</uuid>
>   <usage type='ceph'><name>client.lvsh secret</name></usage>
> </secret>
> X
> printf '<secret><usage type="tls"><name>lvsh-tls</name></usage></secret>' > tls.xml
> lvsh -c "$LVSH_TIER_QEMU" 'secret-define vol.xml; secret-define --validate ceph.xml'
Secret 5ec2e700-0000-4000-8000-00000000000a created

Secret 5ec2e700-0000-4000-8000-00000000000b created

? 0
$ lvsh -c "$LVSH_TIER_QEMU" secret-define tls.xml
Secret [0-9a-f-]{36} created (re)

? 0
$ U=$LVSH_TIER_QEMU; for f in '' --ephemeral --no-ephemeral --private --no-private '--ephemeral --no-private' '--private --no-private'; do diff <(lvsh -c "$U" secret-list $f) <(virsh -c "$U" secret-list $f) || echo "differs: $f"; done; echo done
done
? 0
$ lvsh -q -c "$LVSH_TIER_QEMU" secret-list | grep 5ec2e700
 5ec2e700-0000-4000-8000-00000000000a   volume /var/lib/libvirt/images/lvsh tést ü.img
 5ec2e700-0000-4000-8000-00000000000b   ceph client.lvsh secret
? 0
$ lvsh -c "$LVSH_TIER_QEMU" secret-list --ephemeral --json | python3 -c 'import json,sys; print(json.dumps([s for s in json.load(sys.stdin) if s["uuid"].startswith("5ec2e700")]))'
[{"uuid": "5ec2e700-0000-4000-8000-00000000000b", "usage_type": "ceph", "usage_id": "client.lvsh secret"}]
? 0

A secret argument is a UUID or a usage id of any type.

$ lvsh -c "$LVSH_TIER_QEMU" 'secret-dumpxml "/var/lib/libvirt/images/lvsh tést ü.img"'
<secret ephemeral='no' private='no'>
  <uuid>5ec2e700-0000-4000-8000-00000000000a</uuid>
  <description>disk key of a volume with a tricky path</description>
  <usage type='volume'>
    <volume>/var/lib/libvirt/images/lvsh tést ü.img</volume>
  </usage>
</secret>

? 0
$ lvsh -c "$LVSH_TIER_QEMU" 'secret-dumpxml "client.lvsh secret" --xpath string(/secret/uuid); secret-dumpxml lvsh-tls --xpath string(//usage/@type)'
5ec2e700-0000-4000-8000-00000000000b

tls

? 0
$ diff <(lvsh -c "$LVSH_TIER_QEMU" secret-dumpxml 5ec2e700-0000-4000-8000-00000000000a) <(virsh -c "$LVSH_TIER_QEMU" secret-dumpxml 5ec2e700-0000-4000-8000-00000000000a) && echo same
same
? 0
$ lvsh -c "$LVSH_TIER_QEMU" secret-dumpxml no-such-usage

! error: failed to get secret 'no-such-usage'
! error: uuidstr in virSecretLookupByUUIDString must be a valid UUID
? 1

Values: from a base64 file (its newline is fine), back in base64 or raw, byte
for byte as virsh prints them.

$ S=5ec2e700-0000-4000-8000-00000000000a; echo 'czNjcjN0LXZhbHVl' > v.b64
> lvsh -c "$LVSH_TIER_QEMU" "secret-set-value $S --file v.b64; secret-get-value $S; secret-get-value --plain $S"
Secret value set

czNjcjN0LXZhbHVl
s3cr3t-value
? 0
$ S=5ec2e700-0000-4000-8000-00000000000a; for q in '' -q; do for p in '' --plain; do cmp <(lvsh $q -c "$LVSH_TIER_QEMU" secret-get-value $p $S) <(virsh $q -c "$LVSH_TIER_QEMU" secret-get-value $p $S) || echo "differs: $q $p"; done; done; echo done
done
? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json secret-get-value '/var/lib/libvirt/images/lvsh tést ü.img'
{"uuid":"5ec2e700-0000-4000-8000-00000000000a","usage_type":"volume","usage_id":"/var/lib/libvirt/images/lvsh tést ü.img","value":"czNjcjN0LXZhbHVl","encoding":"base64"}
? 0

Raw bytes from a file with --plain, NUL and newline included.

$ S=5ec2e700-0000-4000-8000-00000000000a; printf 'a\000b\nc' > raw.bin
> lvsh -q -c "$LVSH_TIER_QEMU" "secret-set-value $S --file raw.bin --plain; secret-get-value --plain $S" | od -An -c
   a  \0   b  \n   c
? 0
$ lvsh -q -c "$LVSH_TIER_QEMU" secret-get-value 5ec2e700-0000-4000-8000-00000000000a
YQBiCmM=
? 0
$ lvsh -c "$LVSH_TIER_QEMU" --json secret-get-value --plain 5ec2e700-0000-4000-8000-00000000000a
! {"error":{"status":1,"code":0,"message":"the value of secret '5ec2e700-0000-4000-8000-00000000000a' is binary: JSON carries it only in base64 (drop --plain)"}}
? 1

On the command line only with --base64, and with a warning that does not
repeat the value.

$ lvsh -c "$LVSH_TIER_QEMU" 'secret-set-value lvsh-tls --base64 dGxzLWtleQ==; secret-get-value --plain lvsh-tls'
! warning: a secret value on the command line is visible to other users of this host; prefer --file or --interactive
Secret value set

tls-key
? 0

Bad input never echoes the value.

$ printf 'not base64 at all!' > bad.b64; lvsh -c "$LVSH_TIER_QEMU" secret-set-value lvsh-tls --file bad.b64
! error: the secret value is not valid base64 (use --plain for a file holding the raw value)

? 1
$ lvsh -c "$LVSH_TIER_QEMU" secret-set-value lvsh-tls --base64 'sup3r$ecret!'
! warning: a secret value on the command line is visible to other users of this host; prefer --file or --interactive
! error: the secret value is not valid base64

? 1
$ lvsh -c "$LVSH_TIER_QEMU" secret-set-value lvsh-tls
! error: secret-set-value needs the value: give --file, --interactive or --base64

? 2
$ lvsh -c "$LVSH_TIER_QEMU" secret-set-value lvsh-tls --file v.b64 --base64 dGxzLWtleQ==
! error: options --file and --base64 of 'secret-set-value' cannot be used together

? 2
$ lvsh -c "$LVSH_TIER_QEMU" secret-set-value lvsh-tls --interactive --plain
! error: options --interactive and --plain of 'secret-set-value' cannot be used together

? 2
$ lvsh -c "$LVSH_TIER_QEMU" secret-set-value lvsh-tls --file nosuch.b64
! error: Failed to open file 'nosuch.b64': No such file or directory

? 1
$ setsid -w lvsh -c "$LVSH_TIER_QEMU" secret-set-value lvsh-tls --interactive < /dev/null
! error: cannot read the secret value: there is no terminal

? 1
$ lvsh -r -c "$LVSH_TIER_QEMU" secret-set-value lvsh-tls --file v.b64
! error: 'secret-set-value' changes state, but the connection is read-only (-r)

? 1
$ lvsh -c "$LVSH_TIER_QEMU" secret-set-value no-such-usage --file v.b64

! error: failed to get secret 'no-such-usage'
! error: uuidstr in virSecretLookupByUUIDString must be a valid UUID
? 1

A private secret keeps its value; one without a value says so.

$ lvsh -c "$LVSH_TIER_QEMU" "secret-set-value 'client.lvsh secret' --file v.b64; secret-get-value 'client.lvsh secret'"
Secret value set

! error: failed to get the value of secret 'client.lvsh secret'
! error: Invalid secret: secret is private

? 1
$ printf '<secret><usage type="iscsi"><target>lvsh-iscsi</target></usage></secret>' > iscsi.xml
> lvsh -q -c "$LVSH_TIER_QEMU" 'secret-define iscsi.xml; secret-get-value lvsh-iscsi'
! error: failed to get the value of secret 'lvsh-iscsi'
! error: Secret not found: secret '[0-9a-f-]{36}' does not have a value (re)
? 1

Define errors.

$ printf '<secret><usage type="volume"><volume>/x' > broken.xml; lvsh -c "$LVSH_TIER_QEMU" secret-define broken.xml
! error: broken.xml:1:(\d+): .* (re)

? 1
$ printf '<secret><usage type="bogus"/></secret>' > bogus.xml; lvsh -c "$LVSH_TIER_QEMU" secret-define bogus.xml
! error: failed to define a secret from 'bogus.xml'
! error: (.*)bogus(.*) (re)

? 1

Undefine by usage id or UUID; the value goes with the secret.

$ lvsh -c "$LVSH_TIER_QEMU" 'secret-undefine "/var/lib/libvirt/images/lvsh tést ü.img"; secret-undefine 5ec2e700-0000-4000-8000-00000000000b; secret-undefine lvsh-tls; secret-undefine lvsh-iscsi'
Secret 5ec2e700-0000-4000-8000-00000000000a deleted

Secret 5ec2e700-0000-4000-8000-00000000000b deleted

Secret [0-9a-f-]{36} deleted (re)

Secret [0-9a-f-]{36} deleted (re)

? 0
$ lvsh -c "$LVSH_TIER_QEMU" secret-get-value 5ec2e700-0000-4000-8000-00000000000a

! error: failed to get secret '5ec2e700-0000-4000-8000-00000000000a'
! error: Secret not found: no secret with matching uuid '5ec2e700-0000-4000-8000-00000000000a'
? 1
$ lvsh -q -c "$LVSH_TIER_QEMU" secret-list | grep -c 5ec2e700
0
? 1
