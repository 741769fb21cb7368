# Network filters and bindings on the private libvirtd (the test driver has
# neither).  The binding's port device name is picked per run; it is bound
# to an empty filter, so no firewall rule lands on the host.

$ printf 'PORTDEV=lvshp%04x\nQ=%s\n' $RANDOM "'$LVSH_TIER_QEMU'" > env.sh
> . ./env.sh
> sed "s/@PORTDEV@/$PORTDEV/" $FIXTURES/net-binding.xml > binding.xml
> cp $FIXTURES/net-filter-empty.xml empty.xml; cp $FIXTURES/net-filter-rules.xml rules.xml
> lvsh -c $Q 'nwfilter-define empty.xml --validate; nwfilter-define rules.xml; nwfilter-list'
Network filter lvsh-empty defined from empty.xml

Network filter lvsh filter ü defined from rules.xml

 UUID                                   Name
-------------------------------------------------------
 dddddddd-0000-4000-8000-0000000000b2   lvsh filter ü
 dddddddd-0000-4000-8000-0000000000b1   lvsh-empty

? 0

$ . ./env.sh
> for c in nwfilter-list "nwfilter-dumpxml lvsh-empty" "nwfilter-dumpxml 'lvsh filter ü'" \
>     "nwfilter-dumpxml dddddddd-0000-4000-8000-0000000000b2"; do
>   if diff <(lvsh -c $Q "$c" 2>&1) <(virsh -c $Q "$c" 2>&1) >/dev/null
>   then echo "same: $c"; else echo "differs: $c"; fi
> done
same: nwfilter-list
same: nwfilter-dumpxml lvsh-empty
same: nwfilter-dumpxml 'lvsh filter ü'
same: nwfilter-dumpxml dddddddd-0000-4000-8000-0000000000b2
? 0

$ . ./env.sh; lvsh -c $Q nwfilter-dumpxml 'lvsh filter ü'
<filter name='lvsh filter ü' chain='ipv4' priority='-700'>
  <uuid>dddddddd-0000-4000-8000-0000000000b2</uuid>
  <rule action='accept' direction='out' priority='500'>
    <ip srcipaddr='10.1.2.3'/>
  </rule>
  <filterref filter='lvsh-empty'/>
</filter>

? 0

$ . ./env.sh; lvsh -c $Q nwfilter-dumpxml dddddddd-0000-4000-8000-0000000000b2 --xpath 'string(//ip/@srcipaddr)'
10.1.2.3

? 0

$ . ./env.sh; lvsh -c $Q --json 'nwfilter-list; nwfilter-dumpxml lvsh-empty'
[{"uuid":"dddddddd-0000-4000-8000-0000000000b2","name":"lvsh filter ü"},{"uuid":"dddddddd-0000-4000-8000-0000000000b1","name":"lvsh-empty"}]
{"xml":"<filter name='lvsh-empty' chain='root'>\n  <uuid>dddddddd-0000-4000-8000-0000000000b1</uuid>\n</filter>\n"}
? 0

$ . ./env.sh; lvsh -c $Q -q nwfilter-list
 dddddddd-0000-4000-8000-0000000000b2   lvsh filter ü
 dddddddd-0000-4000-8000-0000000000b1   lvsh-empty
? 0

$ . ./env.sh; lvsh -c $Q nwfilter-define rules.xml --validate 2>&1 | head -2; echo "status ${PIPESTATUS[0]}"
error: Failed to define network filter from rules.xml
error: XML document failed to validate against schema: Unable to validate doc against /usr/share/libvirt/schemas/nwfilter.rng
status 1
? 0

# Defining an existing filter again replaces its rules.

$ . ./env.sh; sed 's/10.1.2.3/10.1.2.9/' rules.xml > rules2.xml
> lvsh -c $Q 'nwfilter-define rules2.xml; nwfilter-dumpxml "lvsh filter ü" --xpath "string(//ip/@srcipaddr)"'
Network filter lvsh filter ü defined from rules2.xml

10.1.2.9

? 0

$ . ./env.sh; printf '<filter name="x">\n  <rule>\n</filter>\n' > bad.xml
> lvsh -c $Q nwfilter-define bad.xml

! error: bad.xml:3:10: malformed XML: Opening and ending tag mismatch: rule line 2 and filter
? 1

$ . ./env.sh; printf '<filter name="lvsh-bad" chain="root"><rule action="bogus" direction="out"/></filter>\n' > invalid.xml
> lvsh -c $Q nwfilter-define invalid.xml

! error: Failed to define network filter from invalid.xml
! error: unsupported configuration: unknown rule action attribute value
? 1

$ . ./env.sh; lvsh -c $Q nwfilter-define missing.xml

! error: Failed to open file 'missing.xml': No such file or directory
? 1

# nwfilter-edit

$ . ./env.sh; EDITOR=true lvsh -c $Q nwfilter-edit lvsh-empty
Network filter lvsh-empty XML configuration not changed.

? 0

$ . ./env.sh; printf '#!/bin/sh\nsed -i s/10.1.2.9/10.1.2.4/ "$1"\n' > edit.sh; chmod +x edit.sh
> EDITOR=./edit.sh lvsh -c $Q 'nwfilter-edit "lvsh filter ü"; nwfilter-dumpxml "lvsh filter ü" --xpath "string(//ip/@srcipaddr)"'
Network filter lvsh filter ü XML configuration edited.

10.1.2.4

? 0

$ . ./env.sh; EDITOR=./edit.sh lvsh -c $Q --json nwfilter-edit dddddddd-0000-4000-8000-0000000000b1
{"name":"lvsh-empty","uuid":"dddddddd-0000-4000-8000-0000000000b1","action":"unchanged"}
? 0

$ . ./env.sh; printf '#!/bin/sh\nsed -i "s|</filter>||" "$1"\n' > broken.sh; chmod +x broken.sh
> EDITOR=./broken.sh lvsh -c $Q nwfilter-edit lvsh-empty

! error: edited XML:4:1: malformed XML: Premature end of data in tag filter line 1
? 1

$ . ./env.sh; printf '#!/bin/sh\nsed -i "s|chain=.root.|chain=\\"nonsense\\"|" "$1"\n' > invalid.sh; chmod +x invalid.sh
> EDITOR=./invalid.sh lvsh -c $Q nwfilter-edit lvsh-empty

! error: failed to define network filter 'lvsh-empty' from the edited XML
! error: invalid argument: Invalid chain name 'nonsense'. Please use a chain name called 'root' or any of the following prefixes: mac, vlan, stp, arp, rarp, ipv4, ipv6
? 1

$ . ./env.sh; EDITOR=true lvsh -c $Q nwfilter-edit nosuch

! error: failed to get nwfilter 'nosuch'
! error: Network filter not found: no nwfilter with matching name 'nosuch'
? 1

$ . ./env.sh; diff <(EDITOR=true lvsh -c $Q nwfilter-edit lvsh-empty) <(EDITOR=true virsh -c $Q nwfilter-edit lvsh-empty) && echo same
same
? 0

# Bindings

$ . ./env.sh; lvsh -c $Q 'nwfilter-binding-create binding.xml; nwfilter-binding-list' | sed "s/$PORTDEV/PORT_DEV_/"
Network filter binding on PORT_DEV_ created from binding.xml

 Port Dev    Filter
-------------------------
 PORT_DEV_   lvsh-empty

? 0

$ . ./env.sh
> for c in nwfilter-binding-list "nwfilter-binding-dumpxml $PORTDEV"; do
>   if diff <(lvsh -c $Q "$c" 2>&1) <(virsh -c $Q "$c" 2>&1) >/dev/null
>   then echo "same: ${c/$PORTDEV/PORTDEV}"; else echo "differs: ${c/$PORTDEV/PORTDEV}"; fi
> done
same: nwfilter-binding-list
same: nwfilter-binding-dumpxml PORTDEV
? 0

$ . ./env.sh; lvsh -c $Q nwfilter-binding-dumpxml $PORTDEV | sed "s/$PORTDEV/PORTDEV/"
> lvsh -c $Q nwfilter-binding-dumpxml $PORTDEV --xpath 'string(//filterref/@filter)'
<filterbinding>
  <owner>
    <name>lvsh guest</name>
    <uuid>dddddddd-0000-4000-8000-0000000000f1</uuid>
  </owner>
  <portdev name='PORTDEV'/>
  <mac address='52:54:00:dd:00:a1'/>
  <filterref filter='lvsh-empty'/>
</filterbinding>

lvsh-empty

? 0

$ . ./env.sh; lvsh -c $Q --json 'nwfilter-binding-list' | sed "s/$PORTDEV/PORTDEV/"
[{"portdev":"PORTDEV","filter":"lvsh-empty"}]
? 0

$ . ./env.sh; lvsh -c $Q nwfilter-binding-create binding.xml 2>&1 | sed "s/$PORTDEV/PORTDEV/"; echo "status ${PIPESTATUS[0]}"
error: failed to create a network filter binding from 'binding.xml'
error: operation failed: binding 'PORTDEV' already exists

status 1
? 0

$ . ./env.sh; printf '<filterbinding>\n<portdev name="x"/>\n' > binding-bad.xml
> lvsh -c $Q nwfilter-binding-create binding-bad.xml

! error: binding-bad.xml:3:1: malformed XML: Premature end of data in tag filterbinding line 1
? 1

$ . ./env.sh; lvsh -c $Q 'nwfilter-binding-delete nosuch'

! error: failed to get nwfilter binding 'nosuch'
! error: Network filter binding not found: no nwfilter binding for port dev 'nosuch'
? 1

$ . ./env.sh; lvsh -c $Q 'nwfilter-binding-dumpxml nosuch'

! error: failed to get nwfilter binding 'nosuch'
! error: Network filter binding not found: no nwfilter binding for port dev 'nosuch'
? 1

$ . ./env.sh; lvsh -c $Q --json "nwfilter-binding-delete $PORTDEV; nwfilter-binding-create binding.xml" | sed "s/$PORTDEV/PORTDEV/"
{"portdev":"PORTDEV","filter":"lvsh-empty","action":"deleted"}
{"portdev":"PORTDEV","filter":"lvsh-empty","action":"created"}
? 0

$ . ./env.sh; lvsh -c $Q "nwfilter-binding-delete $PORTDEV; nwfilter-binding-list" | sed "s/$PORTDEV/PORTDEV/"
Network filter binding on PORTDEV deleted

 Port Dev   Filter
--------------------

? 0

# libvirt accepts a binding to a filter that does not exist yet.

$ . ./env.sh; sed "s/lvsh-empty/lvsh-nosuch/" binding.xml > binding-nosuch.xml
> lvsh -c $Q 'nwfilter-binding-create binding-nosuch.xml; nwfilter-binding-list; nwfilter-binding-delete '$PORTDEV | sed "s/$PORTDEV/PORT_DEV_/"
Network filter binding on PORT_DEV_ created from binding-nosuch.xml

 Port Dev    Filter
--------------------------
 PORT_DEV_   lvsh-nosuch

Network filter binding on PORT_DEV_ deleted

? 0

# Undefining

$ . ./env.sh; lvsh -c $Q 'nwfilter-undefine lvsh-empty'
Network filter lvsh-empty undefined

? 0

$ . ./env.sh; lvsh -c $Q --json 'nwfilter-undefine "lvsh filter ü"'
{"name":"lvsh filter ü","uuid":"dddddddd-0000-4000-8000-0000000000b2","action":"undefined"}
? 0

$ . ./env.sh; lvsh -c $Q 'nwfilter-undefine lvsh-empty; nwfilter-list'

! error: failed to get nwfilter 'lvsh-empty'
! error: Network filter not found: no nwfilter with matching name 'lvsh-empty'
? 1

$ . ./env.sh; lvsh -c $Q 'nwfilter-undefine lvsh-empty'

! error: failed to get nwfilter 'lvsh-empty'
! error: Network filter not found: no nwfilter with matching name 'lvsh-empty'
? 1

$ . ./env.sh; lvsh -c $Q -r 'nwfilter-define empty.xml'

! error: 'nwfilter-define' changes state, but the connection is read-only (-r)
? 1

# Whatever happened above, nothing stays behind.

$ . ./env.sh
> lvsh -c $Q --on-error=continue "nwfilter-binding-delete $PORTDEV; nwfilter-undefine 'lvsh filter ü'; nwfilter-undefine lvsh-empty" >/dev/null 2>&1
> lvsh -c $Q -q 'nwfilter-list; nwfilter-binding-list'; echo clean
clean
? 0
