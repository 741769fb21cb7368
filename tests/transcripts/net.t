# Networks on the test driver: test:///default and tests/fixtures/net.xml
# (names with spaces, UTF-8, mixed case and great length; a network with no
# bridge).  Script-friendly outputs are compared byte for byte with virsh.

$ lvsh -c test:///default net-list
 Name      State    Autostart   Persistent
--------------------------------------------
 default   active   no          yes

? 0

$ lvsh -c test:///default net-list --all --name
default

? 0

# Every filter combination, after making one network inactive, one
# autostarted and adding a transient one, is the same as virsh's.

$ cat > tnet.xml <<'XML'
> <network>
>   <name>tnet</name>
>   <uuid>cccccccc-0000-4000-8000-0000000000ff</uuid>
>   <bridge name="virbr77"/>
>   <ip address="10.77.0.1" netmask="255.255.255.0"/>
> </network>
> XML
> N=test://$FIXTURES/net.xml
> pre="net-destroy Zeta; net-autostart default; net-create $PWD/tnet.xml;"
> for o in "" --all --inactive --name --uuid "--all --name" "--all --uuid" \
>     --persistent --transient "--persistent --transient" "--all --persistent" \
>     "--all --transient" --autostart --no-autostart "--autostart --no-autostart" \
>     "--all --autostart" "--all --no-autostart" "--inactive --persistent" \
>     "--inactive --no-autostart" "--all --inactive" --table "--all --table" \
>     "--inactive --name" "--transient --uuid"; do
>   if diff <(lvsh -c $N "$pre net-list $o" 2>&1) <(virsh -c $N "$pre net-list $o" 2>&1) >/dev/null
>   then echo "same: net-list $o"; else echo "differs: net-list $o"; fi
> done
same: net-list 
same: net-list --all
same: net-list --inactive
same: net-list --name
same: net-list --uuid
same: net-list --all --name
same: net-list --all --uuid
same: net-list --persistent
same: net-list --transient
same: net-list --persistent --transient
same: net-list --all --persistent
same: net-list --all --transient
same: net-list --autostart
same: net-list --no-autostart
same: net-list --autostart --no-autostart
same: net-list --all --autostart
same: net-list --all --no-autostart
same: net-list --inactive --persistent
same: net-list --inactive --no-autostart
same: net-list --all --inactive
same: net-list --table
same: net-list --all --table
same: net-list --inactive --name
same: net-list --transient --uuid
? 0

$ lvsh -c test://$FIXTURES/net.xml 'net-destroy Zeta; net-autostart default; net-list --all'
Network Zeta destroyed

Network default marked as autostarted

 Name                                                             State      Autostart   Persistent
-----------------------------------------------------------------------------------------------------
 a-very-long-network-name-that-goes-on-and-on-for-quite-a-while   active     no          yes
 default                                                          active     yes         yes
 isolated net                                                     active     no          yes
 passthrough                                                      active     no          yes
 réseau-网络                                                      active     no          yes
 Zeta                                                             inactive   no          yes

? 0

$ lvsh -c test://$FIXTURES/net.xml -q 'net-list --all --name; net-list --uuid'
a-very-long-network-name-that-goes-on-and-on-for-quite-a-while
default
isolated net
passthrough
réseau-网络
Zeta
cccccccc-0000-4000-8000-000000000006
cccccccc-0000-4000-8000-000000000001
cccccccc-0000-4000-8000-000000000002
cccccccc-0000-4000-8000-000000000005
cccccccc-0000-4000-8000-000000000004
cccccccc-0000-4000-8000-000000000003
? 0

$ lvsh -c test://$FIXTURES/net.xml net-list --name --uuid

! error: options --name and --uuid of 'net-list' cannot be used together
? 2

$ lvsh -c test://$FIXTURES/net.xml --json 'net-destroy Zeta; net-list --all'
{"name":"Zeta","uuid":"cccccccc-0000-4000-8000-000000000003","action":"destroyed"}
[{"name":"a-very-long-network-name-that-goes-on-and-on-for-quite-a-while","uuid":"cccccccc-0000-4000-8000-000000000006","active":true,"persistent":true,"autostart":false},{"name":"default","uuid":"cccccccc-0000-4000-8000-000000000001","active":true,"persistent":true,"autostart":false},{"name":"isolated net","uuid":"cccccccc-0000-4000-8000-000000000002","active":true,"persistent":true,"autostart":false},{"name":"passthrough","uuid":"cccccccc-0000-4000-8000-000000000005","active":true,"persistent":true,"autostart":false},{"name":"réseau-网络","uuid":"cccccccc-0000-4000-8000-000000000004","active":true,"persistent":true,"autostart":false},{"name":"Zeta","uuid":"cccccccc-0000-4000-8000-000000000003","active":false,"persistent":true,"autostart":false}]
? 0

$ lvsh -c test://$FIXTURES/net.xml net-list --json --name
[{"name":"a-very-long-network-name-that-goes-on-and-on-for-quite-a-while","uuid":"cccccccc-0000-4000-8000-000000000006","active":true,"persistent":true,"autostart":false},{"name":"default","uuid":"cccccccc-0000-4000-8000-000000000001","active":true,"persistent":true,"autostart":false},{"name":"isolated net","uuid":"cccccccc-0000-4000-8000-000000000002","active":true,"persistent":true,"autostart":false},{"name":"passthrough","uuid":"cccccccc-0000-4000-8000-000000000005","active":true,"persistent":true,"autostart":false},{"name":"réseau-网络","uuid":"cccccccc-0000-4000-8000-000000000004","active":true,"persistent":true,"autostart":false},{"name":"Zeta","uuid":"cccccccc-0000-4000-8000-000000000003","active":true,"persistent":true,"autostart":false}]
? 0

# net-info, net-uuid, net-name

$ N=test://$FIXTURES/net.xml
> for c in "net-info default" "net-info 'isolated net'" "net-info passthrough" \
>     "net-info cccccccc-0000-4000-8000-000000000004" "net-uuid 'réseau-网络'" \
>     "net-name cccccccc-0000-4000-8000-000000000004" "net-uuid Zeta" \
>     "net-destroy Zeta; net-info Zeta"; do
>   if diff <(lvsh -c $N "$c" 2>&1) <(virsh -c $N "$c" 2>&1) >/dev/null
>   then echo "same: $c"; else echo "differs: $c"; fi
> done
same: net-info default
same: net-info 'isolated net'
same: net-info passthrough
same: net-info cccccccc-0000-4000-8000-000000000004
same: net-uuid 'réseau-网络'
same: net-name cccccccc-0000-4000-8000-000000000004
same: net-uuid Zeta
same: net-destroy Zeta; net-info Zeta
? 0

$ lvsh -c test://$FIXTURES/net.xml 'net-info passthrough; net-info "réseau-网络"'
Name:           passthrough
UUID:           cccccccc-0000-4000-8000-000000000005
Active:         yes
Persistent:     yes
Autostart:      no

Name:           réseau-网络
UUID:           cccccccc-0000-4000-8000-000000000004
Active:         yes
Persistent:     yes
Autostart:      no
Bridge:         virbr4

? 0

$ lvsh -c test://$FIXTURES/net.xml --json 'net-info default; net-uuid Zeta; net-name cccccccc-0000-4000-8000-000000000002'
{"name":"default","uuid":"cccccccc-0000-4000-8000-000000000001","active":true,"persistent":true,"autostart":false,"bridge":"virbr0"}
{"name":"Zeta","uuid":"cccccccc-0000-4000-8000-000000000003"}
{"name":"isolated net","uuid":"cccccccc-0000-4000-8000-000000000002"}
? 0

$ lvsh -c test://$FIXTURES/net.xml 'net-uuid "isolated net"; net-name cccccccc-0000-4000-8000-000000000006'
cccccccc-0000-4000-8000-000000000002

a-very-long-network-name-that-goes-on-and-on-for-quite-a-while

? 0

$ lvsh -c test://$FIXTURES/net.xml net-info nosuch

! error: failed to get network 'nosuch'
! error: Network not found: no network with matching name 'nosuch'
? 1

$ lvsh -c test:///default net-name 00000000-0000-0000-0000-000000000000

! error: failed to get network '00000000-0000-0000-0000-000000000000'
! error: Network not found: no network with matching name '00000000-0000-0000-0000-000000000000'
? 1

$ lvsh -c test:///default net-info
! error: command 'net-info' requires option --network
? 2

# net-dumpxml

$ lvsh -c test:///default net-dumpxml default
<network>
  <name>default</name>
  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>
  <forward mode='nat'/>
  <bridge name='virbr0' stp='on' delay='0'/>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.122.2' end='192.168.122.254'/>
    </dhcp>
  </ip>
</network>

? 0

$ N=test://$FIXTURES/net.xml
> diff <(lvsh -c $N "net-dumpxml 'réseau-网络'") <(virsh -c $N "net-dumpxml 'réseau-网络'") && echo same
same
? 0

$ lvsh -c test://$FIXTURES/net.xml net-dumpxml default --xpath 'string(//bridge/@name)'
virbr0

? 0

$ lvsh -c test://$FIXTURES/net.xml net-dumpxml default --xpath '//dhcp/*' --wrap
<nodes>
  <range start="192.168.122.100" end="192.168.122.199"/>
  <host mac="52:54:00:aa:00:01" name="web1" ip="192.168.122.10"/>
</nodes>

? 0

$ lvsh -c test://$FIXTURES/net.xml net-dumpxml 'isolated net' --json
{"xml":"<network>\n  <name>isolated net</name>\n  <uuid>cccccccc-0000-4000-8000-000000000002</uuid>\n  <bridge name='virbr9' stp='on' delay='0'/>\n  <ip address='10.9.0.1' netmask='255.255.255.0'>\n  </ip>\n</network>\n"}
? 0

$ lvsh -c test://$FIXTURES/net.xml net-dumpxml --inactive default

! error: failed to get the XML of network 'default'
! error: unsupported flags (0x1) in function testNetworkGetXMLDesc
? 1

# Life cycle: define, start, autostart, destroy, undefine, create, of the
# network tnet.xml written above.  The messages are virsh's.

$ cmds="net-define tnet.xml; net-list --all; net-start tnet; net-autostart tnet; net-info tnet; net-autostart --disable tnet; net-destroy tnet; net-undefine tnet; net-create tnet.xml; net-list --transient; net-destroy tnet; net-list --all --name"
> diff <(lvsh -c test:///default "$cmds" 2>&1) <(virsh -c test:///default "$cmds" 2>&1) && echo same
same
? 0

$ lvsh -c test:///default 'net-define tnet.xml; net-start tnet; net-autostart tnet; net-info tnet; net-autostart --disable tnet; net-destroy tnet; net-undefine tnet; net-create tnet.xml; net-list --transient'
Network tnet defined from tnet.xml

Network tnet started

Network tnet marked as autostarted

Name:           tnet
UUID:           cccccccc-0000-4000-8000-0000000000ff
Active:         yes
Persistent:     yes
Autostart:      yes
Bridge:         virbr77

Network tnet unmarked as autostarted

Network tnet destroyed

Network tnet has been undefined

Network tnet created from tnet.xml

 Name   State    Autostart   Persistent
-----------------------------------------
 tnet   active   no          no

? 0

$ lvsh -c test:///default --json 'net-define tnet.xml; net-start tnet; net-autostart tnet; net-autostart tnet --disable; net-destroy tnet; net-undefine tnet; net-create tnet.xml'
{"name":"tnet","uuid":"cccccccc-0000-4000-8000-0000000000ff","action":"defined"}
{"name":"tnet","uuid":"cccccccc-0000-4000-8000-0000000000ff","action":"started"}
{"name":"tnet","uuid":"cccccccc-0000-4000-8000-0000000000ff","action":"autostart enabled","autostart":true}
{"name":"tnet","uuid":"cccccccc-0000-4000-8000-0000000000ff","action":"autostart disabled","autostart":false}
{"name":"tnet","uuid":"cccccccc-0000-4000-8000-0000000000ff","action":"destroyed"}
{"name":"tnet","uuid":"cccccccc-0000-4000-8000-0000000000ff","action":"undefined"}
{"name":"tnet","uuid":"cccccccc-0000-4000-8000-0000000000ff","action":"created"}
? 0

$ lvsh -c test:///default -q 'net-define tnet.xml; net-start tnet; net-uuid tnet'
cccccccc-0000-4000-8000-0000000000ff
? 0

$ lvsh -c test:///default 'net-define tnet.xml; net-define tnet.xml --validate; net-list --all --name'
Network tnet defined from tnet.xml

Network tnet defined from tnet.xml

default
tnet

? 0

$ lvsh -c test:///default net-start default

! error: Failed to start network default
! error: Requested operation is not valid: Network 'default' is already running
? 1

$ lvsh -c test:///default 'net-create tnet.xml; net-undefine tnet'
Network tnet created from tnet.xml


! error: Failed to undefine network tnet
! error: Requested operation is not valid: Network 'tnet' is still running
? 1

$ lvsh -c test:///default 'net-define tnet.xml; net-destroy tnet'
Network tnet defined from tnet.xml

Network tnet destroyed

? 0

$ lvsh -c test:///default net-undefine nosuch

! error: failed to get network 'nosuch'
! error: Network not found: no network with matching name 'nosuch'
? 1

$ lvsh -c test:///default -r net-define tnet.xml

! error: 'net-define' changes state, but the connection is read-only (-r)
? 1

# Bad XML is caught before it reaches libvirt, with line and column.

$ printf '<network>\n  <name>bad</name>\n  <bridge name="x">\n</network>\n' > bad.xml
> lvsh -c test:///default net-define bad.xml

! error: bad.xml:4:11: malformed XML: Opening and ending tag mismatch: bridge line 3 and network
? 1

$ lvsh -c test:///default net-create nosuch.xml

! error: Failed to open file 'nosuch.xml': No such file or directory
? 1

$ printf '<network><name>bad</name><forward mode="nonsense"/></network>\n' > invalid.xml
> lvsh -c test:///default net-define invalid.xml

! error: Failed to define network from invalid.xml
! error: unsupported configuration: unknown forwarding type 'nonsense'
? 1

$ lvsh -c test:///default net-define
! error: command 'net-define' requires option --file
? 2

# net-update: every command, sections the test driver implements, the
# element inline or from a file, --config/--live/--current.

$ lvsh -c test://$FIXTURES/net.xml "net-update default add ip-dhcp-host \"<host mac='52:54:00:00:00:09' name='x' ip='192.168.122.9'/>\"; net-update default add-first ip-dhcp-host \"<host mac='52:54:00:00:00:08' name='y' ip='192.168.122.8'/>\" --live; net-update default modify ip-dhcp-host \"<host mac='52:54:00:aa:00:01' name='web1' ip='192.168.122.11'/>\" --current; net-update default delete ip-dhcp-host \"<host mac='52:54:00:00:00:09'/>\"; net-dumpxml default --xpath '//dhcp/host'"
Updated network default live state
Updated network default live state
Updated network default live state
Updated network default live state
<host mac="52:54:00:00:00:08" name="y" ip="192.168.122.8"/>
<host mac="52:54:00:aa:00:01" name="web1" ip="192.168.122.11"/>

? 0

$ printf "<host mac='52:54:00:00:00:07' ip='192.168.122.7'/>\n" > host.xml
> lvsh -c test://$FIXTURES/net.xml 'net-update default add-last ip-dhcp-host host.xml --config; net-dumpxml default --xpath "//dhcp/host[last()]"'
Updated network default persistent config
<host mac="52:54:00:aa:00:01" name="web1" ip="192.168.122.10"/>

? 0

$ lvsh -c test://$FIXTURES/net.xml "net-update default add ip-dhcp-range \"<range start='192.168.122.200' end='192.168.122.210'/>\" --parent-index 0; net-update default add dns-txt \"<txt name='t2' value='v2'/>\"; net-update default add-first dns-srv \"<srv service='sip' protocol='udp' domain='example.org' target='sip.example.org' port='5060' priority='10' weight='5'/>\"; net-update default delete dns-host \"<host ip='192.168.122.50'/>\"; net-update default add portgroup \"<portgroup name='sales'/>\"; net-update default modify portgroup \"<portgroup name='sales'><vlan><tag id='42'/></vlan></portgroup>\"; net-dumpxml default"
Updated network default live state
Updated network default live state
Updated network default live state
Updated network default live state
Updated network default live state
Updated network default live state
<network>
  <name>default</name>
  <uuid>cccccccc-0000-4000-8000-000000000001</uuid>
  <forward mode='nat'/>
  <bridge name='virbr0' stp='on' delay='0'/>
  <mac address='52:54:00:0a:00:01'/>
  <dns>
    <txt name='example' value='hello'/>
    <txt name='t2' value='v2'/>
    <srv service='sip' protocol='udp' domain='example.org' target='sip.example.org' port='5060' priority='10' weight='5'/>
  </dns>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.122.100' end='192.168.122.199'/>
      <range start='192.168.122.200' end='192.168.122.210'/>
      <host mac='52:54:00:aa:00:01' name='web1' ip='192.168.122.10'/>
    </dhcp>
  </ip>
  <portgroup name='engineering' default='yes'>
  </portgroup>
  <portgroup name='sales'>
    <vlan>
      <tag id='42'/>
    </vlan>
  </portgroup>
</network>

? 0

$ lvsh -c test://$FIXTURES/net.xml "net-destroy Zeta; net-update Zeta add dns-host \"<host ip='10.3.0.9'><hostname>z</hostname></host>\"; net-update Zeta add dns-host \"<host ip='10.3.0.8'><hostname>y</hostname></host>\" --config --live"
Network Zeta destroyed

Updated network Zeta persistent config

! error: failed to update network 'Zeta'
! error: Requested operation is not valid: network is not running
? 1

$ lvsh -c test://$FIXTURES/net.xml --json "net-update default delete portgroup \"<portgroup name='engineering'/>\" --config"
{"name":"default","uuid":"cccccccc-0000-4000-8000-000000000001","command":"delete","section":"portgroup","affected":"persistent config"}
? 0

$ lvsh -c test://$FIXTURES/net.xml "net-update Zeta add forward-interface \"<interface dev='eth1'/>\""

! error: failed to update network 'Zeta'
! error: XML error: multiple forwarding interfaces specified for network 'Zeta', only one is supported
? 1

$ lvsh -c test://$FIXTURES/net.xml "net-update default add ip-dhcp-range \"<range start='192.168.122.200' end='192.168.122.210'/>\" --parent-index 3"

! error: failed to update network 'default'
! error: Requested operation is not valid: couldn't update dhcp host entry - no <ip> element found at index 3 in network 'default'
? 1

$ lvsh -c test://$FIXTURES/net.xml "net-update default delete ip-dhcp-host \"<host mac='52:54:00:00:00:99'/>\""

! error: failed to update network 'default'
! error: Requested operation is not valid: couldn't locate a matching dhcp host entry in network 'default'
? 1

$ lvsh -c test://$FIXTURES/net.xml "net-update nosuch add dns-txt \"<txt name='a' value='b'/>\""

! error: failed to get network 'nosuch'
! error: Network not found: no network with matching name 'nosuch'
? 1

$ lvsh -c test://$FIXTURES/net.xml "net-update default bogus dns-txt '<txt/>'"

! error: invalid value 'bogus' for --command of 'net-update' (expected one of: add, add-last, add-first, delete, modify)
? 2

$ lvsh -c test://$FIXTURES/net.xml "net-update default add dns-bogus '<txt/>'"

! error: invalid value 'dns-bogus' for --section of 'net-update' (expected one of: bridge, domain, ip, ip-dhcp-host, ip-dhcp-range, forward, forward-interface, forward-pf, portgroup, dns-host, dns-txt, dns-srv)
? 2

$ lvsh -c test://$FIXTURES/net.xml "net-update default add dns-txt '<txt name=\"a\"'"

! error: xml:1:14: malformed XML: attributes construct error
? 1

$ lvsh -c test://$FIXTURES/net.xml "net-update default add dns-txt missing.xml"

! error: Failed to open file 'missing.xml': No such file or directory
? 1

$ lvsh -c test://$FIXTURES/net.xml "net-update default add dns-txt '<txt/>' --current --config"

! error: options --current and --config of 'net-update' cannot be used together
? 2

$ lvsh -c test://$FIXTURES/net.xml "net-update default add dns-txt '<txt/>' --parent-index -2"

! error: Numeric value '-2' for <parent-index> option is malformed or out of range
? 2

# net-edit: an unchanged file changes nothing; an edit is defined; a broken
# edit is refused with its line and column.

$ EDITOR=true lvsh -c test://$FIXTURES/net.xml 'net-edit default'
Network default XML configuration not changed.

? 0

$ printf '#!/bin/sh\nsed -i s/virbr3/virbr33/ "$1"\n' > rebridge.sh
> printf '#!/bin/sh\nsed -i "s|</network>||" "$1"\n' > truncate.sh
> printf '#!/bin/sh\nsed -i "s|<name>Zeta|<name>Ze/ta|" "$1"\n' > invalid.sh
> chmod +x rebridge.sh truncate.sh invalid.sh
> EDITOR=./rebridge.sh lvsh -c test://$FIXTURES/net.xml 'net-destroy Zeta; net-edit Zeta; net-info Zeta'
Network Zeta destroyed

Network Zeta XML configuration edited.

Name:           Zeta
UUID:           cccccccc-0000-4000-8000-000000000003
Active:         no
Persistent:     yes
Autostart:      no
Bridge:         virbr33

? 0

$ EDITOR=./rebridge.sh lvsh -c test://$FIXTURES/net.xml --json 'net-edit Zeta'
{"name":"Zeta","uuid":"cccccccc-0000-4000-8000-000000000003","action":"edited"}
? 0

$ N=test://$FIXTURES/net.xml
> diff <(EDITOR=./rebridge.sh lvsh -c $N 'net-destroy Zeta; net-edit Zeta; net-list --all' 2>&1) \
>      <(EDITOR=./rebridge.sh virsh -c $N 'net-destroy Zeta; net-edit Zeta; net-list --all' 2>&1) && echo same
same
? 0

$ EDITOR=./truncate.sh lvsh -c test://$FIXTURES/net.xml 'net-edit Zeta'

! error: edited XML:11:1: malformed XML: Premature end of data in tag network line 1
? 1

$ EDITOR=./invalid.sh lvsh -c test://$FIXTURES/net.xml 'net-edit Zeta'

! error: failed to define network 'Zeta' from the edited XML
! error: invalid char in name: /
? 1

$ EDITOR=false lvsh -c test://$FIXTURES/net.xml 'net-edit Zeta'

! error: the editor 'false' failed
? 1

$ EDITOR=true lvsh -c test://$FIXTURES/net.xml 'net-edit nosuch'

! error: failed to get network 'nosuch'
! error: Network not found: no network with matching name 'nosuch'
? 1

$ N=test://$FIXTURES/net.xml
> diff <(EDITOR=true lvsh -c $N net-edit default 2>&1) <(EDITOR=true virsh -c $N net-edit default 2>&1) && echo same
same
? 0

# What the test driver does not implement is libvirt's error, exit 1.

$ lvsh -c test:///default net-dhcp-leases default

! error: Failed to get leases info for default
! error: this function is not supported by the connection driver: virNetworkGetDHCPLeases
? 1

$ lvsh -c test:///default net-dhcp-leases default --mac 52:54:00:00:00:01 --json
! {"error":{"status":1,"code":3,"message":"Failed to get leases info for default","detail":"this function is not supported by the connection driver: virNetworkGetDHCPLeases"}}
? 1

$ lvsh -c test:///default net-port-list default

! error: this function is not supported by the connection driver: virNetworkListAllPorts
? 1

$ lvsh -c test:///default net-port-dumpxml default 0b1f6c8e-7a5d-4f3e-9c2b-1a2b3c4d5e6f

! error: failed to get network port '0b1f6c8e-7a5d-4f3e-9c2b-1a2b3c4d5e6f'
! error: this function is not supported by the connection driver: virNetworkPortLookupByUUID
? 1

$ lvsh -c test:///default net-port-list default --uuid --table

! error: options --table and --uuid of 'net-port-list' cannot be used together
? 2

$ lvsh -c test:///default nwfilter-list

! error: Failed to count network filters
! error: this function is not supported by the connection driver: virConnectNumOfNWFilters
? 1

$ lvsh -c test:///default nwfilter-binding-list --json
! {"error":{"status":1,"code":3,"message":"Failed to list network filter bindings","detail":"this function is not supported by the connection driver: virConnectListAllNWFilterBindings"}}
? 1

$ lvsh -c test:///default nwfilter-dumpxml nosuch

! error: failed to get nwfilter 'nosuch'
! error: this function is not supported by the connection driver: virNWFilterLookupByName
? 1

# Other output formats and script files.

$ lvsh -c test://$FIXTURES/net.xml -o csv 'net-destroy Zeta; net-list --all'
Network Zeta destroyed
name,state,autostart,persistent
a-very-long-network-name-that-goes-on-and-on-for-quite-a-while,active,no,yes
default,active,no,yes
isolated net,active,no,yes
passthrough,active,no,yes
réseau-网络,active,no,yes
Zeta,inactive,no,yes
? 0

$ printf 'net-list --all --name\nnet-info "isolated net"\nnwfilter-list\nnet-uuid default\n' > script.lvsh
> lvsh -c test://$FIXTURES/net.xml -f script.lvsh
a-very-long-network-name-that-goes-on-and-on-for-quite-a-while
default
isolated net
passthrough
réseau-网络
Zeta
Name:           isolated net
UUID:           cccccccc-0000-4000-8000-000000000002
Active:         yes
Persistent:     yes
Autostart:      no
Bridge:         virbr9
! script.lvsh:3: error: Failed to count network filters
! script.lvsh:3: error: this function is not supported by the connection driver: virConnectNumOfNWFilters
? 1
