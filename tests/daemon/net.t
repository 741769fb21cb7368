# Networks on a real network driver (the private libvirtd).  A started
# network makes a real bridge in the daemon's own network namespace (`ip`
# below runs there): its name and subnet are picked per run (env.sh), and the
# last case removes whatever is left even when an earlier case failed.

$ printf 'ip() { nsenter --net --target "$(cat "$LVSH_TIER_DIR/anchor.pid")" ip "$@"; }\n' > netns.sh
> . ./netns.sh
> for i in $(seq 1 50); do
>   NET=$((RANDOM % 100 + 100)); BR=lvsh$(printf %04x $RANDOM)
>   ip -4 addr | grep -q "10\.213\.$NET\." || ip link show $BR >/dev/null 2>&1 || break
> done
> { printf 'BR=%s\nNET=%s\nQ=%s\n' $BR $NET "'$LVSH_TIER_QEMU'"; cat netns.sh; } > env.sh
> sed -e "s/@BRIDGE@/$BR/g" -e "s/@NET@/$NET/g" $FIXTURES/net-isolated.xml > iso.xml
> cp $FIXTURES/net-port.xml port.xml
> . ./env.sh; lvsh -c $Q 'net-define iso.xml; net-list --all'
Network lvsh isolated é defined from iso.xml

 Name              State      Autostart   Persistent
------------------------------------------------------
 lvsh isolated é   inactive   no          yes

? 0

$ . ./env.sh
> for c in "net-list" "net-list --all" "net-list --inactive --name" "net-list --all --uuid" \
>     "net-list --persistent --all" "net-list --transient --all" "net-list --no-autostart --all" \
>     "net-info 'lvsh isolated é'" "net-uuid 'lvsh isolated é'" \
>     "net-name dddddddd-0000-4000-8000-000000000001" \
>     "net-dumpxml 'lvsh isolated é'" "net-dumpxml --inactive 'lvsh isolated é'"; do
>   if diff <(lvsh -c $Q "$c" 2>&1) <(virsh -c $Q "$c" 2>&1) >/dev/null
>   then echo "same: $c"; else echo "differs: $c"; fi
> done
same: net-list
same: net-list --all
same: net-list --inactive --name
same: net-list --all --uuid
same: net-list --persistent --all
same: net-list --transient --all
same: net-list --no-autostart --all
same: net-info 'lvsh isolated é'
same: net-uuid 'lvsh isolated é'
same: net-name dddddddd-0000-4000-8000-000000000001
same: net-dumpxml 'lvsh isolated é'
same: net-dumpxml --inactive 'lvsh isolated é'
? 0

$ . ./env.sh; lvsh -c $Q net-info dddddddd-0000-4000-8000-000000000001 | sed "s/$BR/BRIDGE/"
Name:           lvsh isolated é
UUID:           dddddddd-0000-4000-8000-000000000001
Active:         no
Persistent:     yes
Autostart:      no
Bridge:         BRIDGE

? 0

# net-update on an inactive network: the definition changes.

$ . ./env.sh; N="lvsh isolated é"
> lvsh -c $Q --on-error=continue "net-update '$N' add ip-dhcp-host \"<host mac='52:54:00:dd:00:02' name='web2' ip='10.213.$NET.11'/>\" --config
> net-update '$N' modify ip-dhcp-host \"<host mac='52:54:00:dd:00:01' name='web1' ip='10.213.$NET.12'/>\"
> net-update '$N' add-first dns-host \"<host ip='10.213.$NET.51'><hostname>cache</hostname></host>\" --current
> net-update '$N' add-last dns-txt \"<txt name='example' value='hello world'/>\"
> net-update '$N' add dns-srv \"<srv service='ldap' protocol='tcp' domain='example.org' target='ldap.example.org' port='389' priority='10' weight='5'/>\"
> net-update '$N' add portgroup \"<portgroup name='engineering' default='yes'/>\"
> net-update '$N' modify portgroup \"<portgroup name='engineering'><bandwidth><inbound average='1000'/></bandwidth></portgroup>\"
> net-update '$N' add ip-dhcp-range \"<range start='10.213.$NET.200' end='10.213.$NET.210'/>\" --parent-index 0
> net-update '$N' delete ip-dhcp-range \"<range start='10.213.$NET.100' end='10.213.$NET.199'/>\"
> net-update '$N' delete dns-host \"<host ip='10.213.$NET.50'/>\""
> lvsh -c $Q net-dumpxml --inactive "$N" | sed -e "s/$BR/BRIDGE/" -e "s/10\.213\.$NET\./10.213.NET./g" -e '/<uuid>/d' -e '/<mac address/d'
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
Updated network lvsh isolated é persistent config
<network>
  <name>lvsh isolated é</name>
  <bridge name='BRIDGE' stp='on' delay='0'/>
  <dns>
    <txt name='example' value='hello world'/>
    <srv service='ldap' protocol='tcp' domain='example.org' target='ldap.example.org' port='389' priority='10' weight='5'/>
    <host ip='10.213.NET.51'>
      <hostname>cache</hostname>
    </host>
  </dns>
  <ip address='10.213.NET.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.213.NET.200' end='10.213.NET.210'/>
      <host mac='52:54:00:dd:00:01' name='web1' ip='10.213.NET.12'/>
      <host mac='52:54:00:dd:00:02' name='web2' ip='10.213.NET.11'/>
    </dhcp>
  </ip>
  <portgroup name='engineering'>
    <bandwidth>
      <inbound average='1000'/>
    </bandwidth>
  </portgroup>
</network>

? 0

$ . ./env.sh
> printf "<host mac='52:54:00:dd:00:02'/>\n" > host.xml
> lvsh -c $Q --json "net-update 'lvsh isolated é' delete ip-dhcp-host host.xml --config"
> lvsh -c $Q net-dumpxml --inactive "lvsh isolated é" --xpath 'count(//dhcp/host)'
{"name":"lvsh isolated é","uuid":"dddddddd-0000-4000-8000-000000000001","command":"delete","section":"ip-dhcp-host","affected":"persistent config"}
1

? 0

$ . ./env.sh
> for c in "modify bridge \"<bridge name='x'/>\"" "modify domain \"<domain name='example.org'/>\"" \
>     "modify ip \"<ip address='10.213.$NET.2'/>\"" "modify forward \"<forward mode='nat'/>\"" \
>     "add forward-pf \"<pf dev='eth0'/>\"" "modify ip-dhcp-range \"<range start='10.213.$NET.200' end='10.213.$NET.201'/>\"" \
>     "add ip-dhcp-host \"<host mac='52:54:00:dd:00:09' ip='10.213.$NET.9'/>\" --live"; do
>   lvsh -c $Q "net-update 'lvsh isolated é' $c" 2>&1 | sed "s/10\.213\.$NET\./10.213.NET./g"; echo "status ${PIPESTATUS[0]}"
> done
error: failed to update network 'lvsh isolated é'
error: Operation not supported: can't update 'bridge' section of network 'lvsh isolated é'

status 1
error: failed to update network 'lvsh isolated é'
error: Operation not supported: can't update 'domain' section of network 'lvsh isolated é'

status 1
error: failed to update network 'lvsh isolated é'
error: Operation not supported: can't update 'ip' section of network 'lvsh isolated é'

status 1
error: failed to update network 'lvsh isolated é'
error: Operation not supported: can't update 'forward' section of network 'lvsh isolated é'

status 1
error: failed to update network 'lvsh isolated é'
error: Operation not supported: can't update 'forward pf' section of network 'lvsh isolated é'

status 1
error: failed to update network 'lvsh isolated é'
error: Operation not supported: dhcp ranges cannot be modified, only added or deleted

status 1
error: failed to update network 'lvsh isolated é'
error: Requested operation is not valid: network is not running

status 1
? 0

# net-edit on the real driver.

$ . ./env.sh; EDITOR=true lvsh -c $Q net-edit 'lvsh isolated é'
Network lvsh isolated é XML configuration not changed.

? 0

$ . ./env.sh
> printf '#!/bin/sh\nsed -i "s|<hostname>db</hostname>|<hostname>db-edited</hostname>|; s|<hostname>cache</hostname>|<hostname>cache-edited</hostname>|" "$1"\n' > edit.sh
> chmod +x edit.sh
> EDITOR=./edit.sh lvsh -c $Q net-edit 'lvsh isolated é' &&
> lvsh -c $Q net-dumpxml --inactive 'lvsh isolated é' --xpath '//hostname/text()'
Network lvsh isolated é XML configuration edited.

cache-edited

? 0

$ . ./env.sh
> printf '#!/bin/sh\nsed -i "s|</ip>||" "$1"\n' > broken.sh
> chmod +x broken.sh
> EDITOR=./broken.sh lvsh -c $Q net-edit 'lvsh isolated é'

! error: edited XML:24:11: malformed XML: Opening and ending tag mismatch: ip line 13 and network
? 1

# Autostart.

$ . ./env.sh
> lvsh -c $Q 'net-autostart "lvsh isolated é"; net-list --all --autostart --name; net-info "lvsh isolated é"' | grep -v Bridge
> diff <(lvsh -c $Q net-list --all) <(virsh -c $Q net-list --all) && echo same
> lvsh -c $Q -q 'net-autostart --disable "lvsh isolated é"; net-list --all --autostart --name'
Network lvsh isolated é marked as autostarted

lvsh isolated é

Name:           lvsh isolated é
UUID:           dddddddd-0000-4000-8000-000000000001
Active:         no
Persistent:     yes
Autostart:      yes

same
? 0

# Start it for real (dnsmasq serves it), update it live, plug a port in,
# read its leases, stop it: the bridge goes away.

$ . ./env.sh
> lvsh -c $Q 'net-start "lvsh isolated é"; net-list'
> ip link show $BR >/dev/null && echo "bridge is up"
> lvsh -c $Q net-info "lvsh isolated é" | grep -E '^(Active|Bridge)' | sed "s/$BR/BRIDGE/"
Network lvsh isolated é started

 Name              State    Autostart   Persistent
----------------------------------------------------
 lvsh isolated é   active   no          yes

bridge is up
Active:         yes
Bridge:         BRIDGE
? 0

$ . ./env.sh
> lvsh -c $Q net-start "lvsh isolated é"

! error: Failed to start network lvsh isolated é
! error: Requested operation is not valid: network is already active
? 1

$ . ./env.sh; N="lvsh isolated é"
> lvsh -c $Q "net-update '$N' add ip-dhcp-host \"<host mac='52:54:00:dd:00:03' name='web3' ip='10.213.$NET.13'/>\" --live --config
> net-update '$N' add ip-dhcp-host \"<host mac='52:54:00:dd:00:04' name='web4' ip='10.213.$NET.14'/>\"
> net-update '$N' add dns-txt \"<txt name='live' value='only'/>\" --live"
> echo "live: $(lvsh -c $Q -q net-dumpxml "$N" --xpath 'count(//dhcp/host)'), config: $(lvsh -c $Q -q net-dumpxml --inactive "$N" --xpath 'count(//dhcp/host)')"
> echo "live: $(lvsh -c $Q -q net-dumpxml "$N" --xpath 'count(//txt)'), config: $(lvsh -c $Q -q net-dumpxml --inactive "$N" --xpath 'count(//txt)')"
Updated network lvsh isolated é persistent config and live state
Updated network lvsh isolated é live state
Updated network lvsh isolated é live state
live: 3, config: 2
live: 2, config: 1
? 0

$ . ./env.sh; lvsh -c $Q "net-port-create 'lvsh isolated é' port.xml; net-port-list 'lvsh isolated é'"
> lvsh -c $Q -q net-port-list --uuid "lvsh isolated é"
> diff <(lvsh -c $Q net-port-list "lvsh isolated é") <(virsh -c $Q net-port-list "lvsh isolated é") && echo same
> diff <(lvsh -c $Q net-port-list --uuid "lvsh isolated é") <(virsh -c $Q net-port-list --uuid "lvsh isolated é") && echo same
Network port dddddddd-0000-4000-8000-0000000000a1 created from port.xml

 UUID
---------------------------------------
 dddddddd-0000-4000-8000-0000000000a1

dddddddd-0000-4000-8000-0000000000a1
same
same
? 0

$ . ./env.sh
> lvsh -c $Q net-port-dumpxml "lvsh isolated é" dddddddd-0000-4000-8000-0000000000a1 | sed "s/$BR/BRIDGE/"
> lvsh -c $Q net-port-dumpxml "lvsh isolated é" dddddddd-0000-4000-8000-0000000000a1 --xpath 'string(//owner/name)'
> diff <(lvsh -c $Q net-port-dumpxml "lvsh isolated é" dddddddd-0000-4000-8000-0000000000a1) <(virsh -c $Q net-port-dumpxml "lvsh isolated é" dddddddd-0000-4000-8000-0000000000a1) && echo same
<networkport>
  <uuid>dddddddd-0000-4000-8000-0000000000a1</uuid>
  <owner>
    <name>lvsh guest</name>
    <uuid>dddddddd-0000-4000-8000-0000000000f1</uuid>
  </owner>
  <mac address='52:54:00:dd:00:a1'/>
  <plug type='network' bridge='BRIDGE'/>
</networkport>

lvsh guest

same
? 0

$ . ./env.sh; lvsh -c $Q --json 'net-port-list "lvsh isolated é"'
[{"uuid":"dddddddd-0000-4000-8000-0000000000a1","network":"lvsh isolated é"}]
? 0

$ . ./env.sh; lvsh -c $Q "net-port-create 'lvsh isolated é' port.xml"

! error: failed to create a port on network 'lvsh isolated é' from 'port.xml'
! error: network port Network port with UUID dddddddd-0000-4000-8000-0000000000a1 already exists exists already
? 1

$ . ./env.sh; lvsh -c $Q 'net-port-delete "lvsh isolated é" dddddddd-0000-4000-8000-0000000000a1; net-port-list "lvsh isolated é"'
Network port dddddddd-0000-4000-8000-0000000000a1 deleted

 UUID
-------

? 0

$ . ./env.sh; lvsh -c $Q --json "net-port-create 'lvsh isolated é' port.xml; net-port-delete 'lvsh isolated é' dddddddd-0000-4000-8000-0000000000a1"
{"uuid":"dddddddd-0000-4000-8000-0000000000a1","network":"lvsh isolated é","action":"created"}
{"uuid":"dddddddd-0000-4000-8000-0000000000a1","network":"lvsh isolated é","action":"deleted"}
? 0

$ . ./env.sh; lvsh -c $Q net-port-delete "lvsh isolated é" dddddddd-0000-4000-8000-0000000000a1

! error: failed to get network port 'dddddddd-0000-4000-8000-0000000000a1'
! error: network port not found: Network port with UUID dddddddd-0000-4000-8000-0000000000a1 does not exist
? 1

$ . ./env.sh; lvsh -c $Q net-port-dumpxml "lvsh isolated é" not-a-uuid

! error: failed to get network port 'not-a-uuid'
! error: uuidstr in virNetworkPortLookupByUUIDString must be a valid UUID
? 1

$ . ./env.sh; printf '<networkport><owner><name>x</name></owner>\n' > port-bad.xml
> lvsh -c $Q net-port-create "lvsh isolated é" port-bad.xml

! error: port-bad.xml:2:1: malformed XML: Premature end of data in tag networkport line 1
? 1

$ . ./env.sh; lvsh -c $Q net-dhcp-leases "lvsh isolated é"
> diff <(lvsh -c $Q net-dhcp-leases "lvsh isolated é") <(virsh -c $Q net-dhcp-leases "lvsh isolated é") && echo same
 Expiry Time   MAC address   Protocol   IP address   Hostname   Client ID or DUID
-----------------------------------------------------------------------------------

same
? 0

# Leases as dnsmasq's helper records them, in the daemon's own state dir.

$ . ./env.sh
> cat > leases.json <<JSON
> [
>   { "ip-address": "10.213.$NET.150", "mac-address": "52:54:00:dd:00:a1",
>     "hostname": "guest-one", "client-id": "01:52:54:00:dd:00:a1", "expiry-time": 1900000000 },
>   { "ip-address": "10.213.$NET.151", "mac-address": "52:54:00:DD:00:05", "expiry-time": 1900000100 },
>   { "ip-address": "10.213.$NET.152", "mac-address": "52:54:00:dd:00:02", "expiry-time": 1900000200 }
> ]
> JSON
> nsenter --mount --target "$(cat "$LVSH_TIER_DIR/anchor.pid")" cp "$PWD/leases.json" /var/lib/libvirt/dnsmasq/$BR.status
> TZ=UTC lvsh -c $Q net-dhcp-leases "lvsh isolated é" | sed "s/10\.213\.$NET\./10.213.NET./g"
> TZ=UTC lvsh -c $Q -q net-dhcp-leases "lvsh isolated é" --mac 52:54:00:dd:00:02 | sed "s/10\.213\.$NET\./10.213.NET./g"
> for m in "" "--mac 52:54:00:dd:00:a1" "--mac 52:54:00:00:00:00"; do
>   diff <(lvsh -c $Q net-dhcp-leases "lvsh isolated é" $m) <(virsh -c $Q net-dhcp-leases "lvsh isolated é" $m) && echo "same:$m"
> done
 Expiry Time           MAC address         Protocol   IP address          Hostname    Client ID or DUID
------------------------------------------------------------------------------------------------------------
 2030-03-17 17:50:00   52:54:00:dd:00:02   ipv4       10.213.NET.152/24   -           -
 2030-03-17 17:48:20   52:54:00:DD:00:05   ipv4       10.213.NET.151/24   -           -
 2030-03-17 17:46:40   52:54:00:dd:00:a1   ipv4       10.213.NET.150/24   guest-one   01:52:54:00:dd:00:a1

 2030-03-17 17:50:00   52:54:00:dd:00:02   ipv4   10.213.NET.152/24   -   -
same:
same:--mac 52:54:00:dd:00:a1
same:--mac 52:54:00:00:00:00
? 0

$ . ./env.sh; lvsh -c $Q --json net-dhcp-leases "lvsh isolated é" --mac 52:54:00:dd:00:a1 | sed -e "s/10\.213\.$NET\./10.213.NET./g" -e "s/$BR/BRIDGE/"
[{"iface":"BRIDGE","mac":"52:54:00:dd:00:a1","expiry_time":1900000000,"protocol":"ipv4","iaid":null,"ip_address":"10.213.NET.150","prefix":24,"hostname":"guest-one","client_id":"01:52:54:00:dd:00:a1"}]
? 0

$ . ./env.sh; lvsh -c $Q 'net-destroy "lvsh isolated é"; net-list --all'
> ip link show $BR >/dev/null 2>&1 || echo "bridge is gone"
Network lvsh isolated é destroyed

 Name              State      Autostart   Persistent
------------------------------------------------------
 lvsh isolated é   inactive   no          yes

bridge is gone
? 0

$ . ./env.sh; lvsh -c $Q 'net-port-list "lvsh isolated é"'

! error: Requested operation is not valid: network 'lvsh isolated é' is not active
? 1

$ . ./env.sh; lvsh -c $Q 'net-undefine "lvsh isolated é"; net-list --all --name'
Network lvsh isolated é has been undefined


? 0

# A transient network lives from net-create to net-destroy.

$ . ./env.sh; lvsh -c $Q 'net-create iso.xml; net-list --transient --name; net-destroy "lvsh isolated é"; net-list --all --name'
> ip link show $BR >/dev/null 2>&1 || echo "bridge is gone"
Network lvsh isolated é created from iso.xml

lvsh isolated é

Network lvsh isolated é destroyed


bridge is gone
? 0

$ . ./env.sh; lvsh -c $Q 'net-define iso.xml --validate; net-undefine dddddddd-0000-4000-8000-000000000001'
Network lvsh isolated é defined from iso.xml

Network dddddddd-0000-4000-8000-000000000001 has been undefined

? 0

$ . ./env.sh; sed 's/<bridge /<bridge bogus="1" /' iso.xml > invalid.xml
> lvsh -c $Q net-define invalid.xml --validate 2>&1 | head -2 | cut -c1-60
> echo "status ${PIPESTATUS[0]}"
error: Failed to define network from invalid.xml
error: XML document failed to validate against schema: Unabl
status 1
? 0

# Whatever happened above, nothing stays on the host.

$ . ./env.sh
> lvsh -c $Q -q --on-error=continue 'net-destroy "lvsh isolated é"; net-undefine "lvsh isolated é"' >/dev/null 2>&1
> ip link show $BR >/dev/null 2>&1 && ip link del $BR
> ip link show $BR >/dev/null 2>&1 || echo clean
clean
? 0
