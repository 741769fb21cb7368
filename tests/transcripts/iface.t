Host interfaces on the test driver: test:///default and tests/fixtures/secdev.xml
(an active/inactive mix, a bridge, a bond, names with spaces, UTF-8, length).

Listings agree with virsh byte for byte.

$ diff <(lvsh -c test:///default 'iface-list; iface-list --all; iface-list --inactive') <(virsh -c test:///default 'iface-list; iface-list --all; iface-list --inactive') && echo same
same
? 0
$ F="test://$FIXTURES/secdev.xml"; C='iface-destroy eth1; iface-destroy "uplink wan"; iface-list; iface-list --inactive; iface-list --all'; diff <(lvsh -q -c "$F" "$C" 2>&1) <(virsh -q -c "$F" "$C" 2>&1) && echo same
same
? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" 'iface-destroy eth1; iface-destroy réseau-ü; iface-list --all'
Interface eth1 destroyed

Interface réseau-ü destroyed

 Name                                                     State      MAC Address
----------------------------------------------------------------------------------------
 an-interface-with-a-rather-long-name-for-column-widths   active     52:54:00:00:00:08
 bond0                                                    active     
 br0                                                      active     
 eth0                                                     active     52:54:00:00:00:01
 eth1                                                     inactive   52:54:00:00:00:02
 réseau-ü                                                 inactive   52:54:00:00:00:07
 uplink wan                                               active     52:54:00:00:00:06

? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" --json 'iface-destroy eth1; iface-list --inactive'
{"name":"eth1","mac":"52:54:00:00:00:02","action":"destroyed"}
[{"name":"eth1","state":"inactive","mac":"52:54:00:00:00:02"}]
? 0
$ lvsh -c test:///default 'iface-list --all --inactive'
! error: options --all and --inactive of 'iface-list' cannot be used together

? 2

Name and MAC, either way round: lvsh accepts a name or a MAC everywhere.

$ lvsh -c test:///default 'iface-name aa:bb:cc:dd:ee:ff; iface-mac eth1; iface-mac aa:bb:cc:dd:ee:ff; iface-name eth1'
eth1

aa:bb:cc:dd:ee:ff

aa:bb:cc:dd:ee:ff

eth1

? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" 'iface-mac "uplink wan"; iface-mac réseau-ü'
52:54:00:00:00:06

52:54:00:00:00:07

? 0
$ lvsh -c test:///default --json iface-mac eth1
{"name":"eth1","mac":"aa:bb:cc:dd:ee:ff"}
? 0
$ lvsh -c test:///default iface-name 00:11:22:33:44:55
! error: failed to get interface '00:11:22:33:44:55'
! error: Interface not found: no interface with matching mac '00:11:22:33:44:55'

? 1
$ lvsh -c test:///default iface-mac nosuch
! error: failed to get interface 'nosuch'
! error: Interface not found: no interface with matching name 'nosuch'

? 1
$ lvsh -c test:///default iface-mac
! error: command 'iface-mac' requires option --interface
? 2

XML, with --xpath; the test driver keeps no separate inactive definition and
says so.

$ diff <(lvsh -c test:///default iface-dumpxml eth1) <(virsh -c test:///default iface-dumpxml eth1) && echo same
same
? 0
$ lvsh -c test:///default iface-dumpxml aa:bb:cc:dd:ee:ff --xpath 'string(//ip/@address)'
192.168.0.5

? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" iface-dumpxml br0 --xpath '//bridge/interface/@name' --wrap
<nodes name="eth2"/>

? 0
$ lvsh -c test:///default iface-dumpxml --inactive eth1
! error: failed to get the XML of interface 'eth1'
! error: unsupported flags (0x1) in function testInterfaceGetXMLDesc

? 1

Define, start, destroy, undefine.

$ cat > eth9.xml <<'X'
> <interface type='ethernet' name='eth9'>
>   <mac address='52:54:00:99:99:99'/>
>   <protocol family='ipv4'><dhcp/></protocol>
> </interface>
> X
> lvsh -c test:///default "iface-define eth9.xml; iface-list --inactive; iface-start 52:54:00:99:99:99; iface-list; iface-destroy eth9; iface-undefine eth9; iface-list --all"
Interface eth9 defined from eth9.xml

 Name   State      MAC Address
--------------------------------------
 eth9   inactive   52:54:00:99:99:99

Interface eth9 started

 Name   State    MAC Address
------------------------------------
 eth1   active   aa:bb:cc:dd:ee:ff
 eth9   active   52:54:00:99:99:99

Interface eth9 destroyed

Interface eth9 undefined

 Name   State    MAC Address
------------------------------------
 eth1   active   aa:bb:cc:dd:ee:ff

? 0
$ lvsh -c test:///default iface-start eth1
! error: Failed to start interface eth1
! error: Requested operation is not valid

? 1
$ printf '<interface type="ethernet" name="bad"><mac' > bad.xml; lvsh -c test:///default iface-define bad.xml
! error: bad.xml:1:(\d+): .* (re)

? 1
$ lvsh -c test:///default iface-define nosuch.xml
! error: Failed to open file 'nosuch.xml': No such file or directory

? 1
$ echo '<interface type="ethernet"/>' > noname.xml; lvsh -c test:///default iface-define noname.xml
! error: Failed to define interface from noname.xml
! error: XML error: interface has no name (re)

? 1
$ lvsh -c test:///default -r iface-destroy eth1
! error: 'iface-destroy' changes state, but the connection is read-only (-r)

? 1

iface-edit runs $EDITOR on the definition and defines the result.

$ printf '#!/bin/sh\nsed -i "s/1492/9000/" "$1"\n' > ed.sh; chmod +x ed.sh
> EDITOR=./ed.sh lvsh -c test:///default 'iface-edit eth1; iface-dumpxml eth1 --xpath string(//mtu/@size)'
Interface eth1 XML configuration edited.

9000

? 0
$ EDITOR=true lvsh -c test:///default iface-edit aa:bb:cc:dd:ee:ff
Interface eth1 XML configuration not changed.

? 0
$ printf '#!/bin/sh\nsed -i "s/<mtu/<<mtu/" "$1"\n' > broken.sh; chmod +x broken.sh
> EDITOR=./broken.sh lvsh -c test:///default iface-edit eth1
! error: edited XML:(.*) (re)

? 1
$ EDITOR=false lvsh -c test:///default iface-edit eth1
! error: the editor 'false' failed

? 1

iface-bridge moves the MAC into a port of the new bridge, which takes over the
IP configuration; iface-unbridge undoes it.

$ lvsh -c test:///default 'iface-bridge eth1 br0 --delay 5; iface-dumpxml br0'
Created bridge br0 with attached device eth1
Bridge interface br0 started

<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <mtu size='1492'/>
  <protocol family='ipv4'>
    <ip address='192.168.0.5' prefix='24'/>
    <route gateway='192.168.0.1'/>
  </protocol>
  <bridge stp='on' delay='5'>
    <interface type='ethernet' name='eth1'>
      <mac address='aa:bb:cc:dd:ee:ff'/>
    </interface>
  </bridge>
</interface>

? 0
$ lvsh -c test:///default --json 'iface-bridge eth1 br1 --no-stp --no-start; iface-dumpxml br1 --xpath //bridge; iface-list --inactive'
{"bridge":"br1","interface":"eth1","action":"bridged","started":false}
{"xpath":"//bridge","results":["<bridge stp=\"off\">\n  <interface type=\"ethernet\" name=\"eth1\">\n    <mac address=\"aa:bb:cc:dd:ee:ff\"/>\n  </interface>\n</bridge>"]}
[{"name":"br1","state":"inactive","mac":null}]
? 0
$ lvsh -c test:///default 'iface-bridge eth1 br0 --no-start; iface-destroy eth1; iface-undefine eth1; iface-unbridge br0; iface-list --all; iface-dumpxml eth1'
Created bridge br0 with attached device eth1

Interface eth1 destroyed

Interface eth1 undefined

Device eth1 un-attached from bridge br0
Interface eth1 started

 Name   State    MAC Address
------------------------------------
 eth1   active   aa:bb:cc:dd:ee:ff

<interface type='ethernet' name='eth1'>
  <start mode='onboot'/>
  <mtu size='1492'/>
  <protocol family='ipv4'>
    <ip address='192.168.0.5' prefix='24'/>
    <route gateway='192.168.0.1'/>
  </protocol>
  <mac address='aa:bb:cc:dd:ee:ff'/>
</interface>

? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" 'iface-unbridge br0 --no-start; iface-list --all'
Device eth2 un-attached from bridge br0

 Name                                                     State      MAC Address
----------------------------------------------------------------------------------------
 an-interface-with-a-rather-long-name-for-column-widths   active     52:54:00:00:00:08
 bond0                                                    active     
 eth0                                                     active     52:54:00:00:00:01
 eth1                                                     active     52:54:00:00:00:02
 eth2                                                     inactive   52:54:00:00:00:03
 réseau-ü                                                 active     52:54:00:00:00:07
 uplink wan                                               active     52:54:00:00:00:06

? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" 'iface-bridge bond0 br7 --no-start; iface-dumpxml br7'
Created bridge br7 with attached device bond0

<interface type='bridge' name='br7'>
  <start mode='onboot'/>
  <bridge stp='on' delay='0'>
    <interface type='bond' name='bond0'>
      <bond mode='active-backup'>
        <interface type='ethernet' name='eth3'>
          <mac address='52:54:00:00:00:04'/>
        </interface>
        <interface type='ethernet' name='eth4'>
          <mac address='52:54:00:00:00:05'/>
        </interface>
      </bond>
    </interface>
  </bridge>
</interface>

? 0
$ lvsh -c "test://$FIXTURES/secdev.xml" iface-bridge br0 br9
! error: interface 'br0' is already a bridge

? 1
$ lvsh -c "test://$FIXTURES/secdev.xml" iface-bridge eth0 eth1
! error: an interface named 'eth1' already exists

? 1
$ lvsh -c "test://$FIXTURES/secdev.xml" iface-unbridge eth0
! error: interface 'eth0' is not a bridge

? 1
$ lvsh -c "test://$FIXTURES/secdev.xml" iface-bridge nosuch br9
! error: failed to get interface 'nosuch'
! error: Interface not found: no interface with matching name 'nosuch'

? 1
$ lvsh -c test:///default iface-bridge eth1 br0 --delay -3
! error: Numeric value '-3' for <delay> option is malformed or out of range

? 2
