Node commands on the test driver (and the fixture host of node.xml):
nodeinfo, nodecpumap, nodecpustats, nodememstats, node-memory-tune,
nodesevinfo, freecell, freepages, allocpages, nodesuspend.  What the test
driver does not implement must show libvirt's own error and exit 1.

$ diff <(lvsh -c test:///default 'nodeinfo; nodecpumap; nodecpumap --pretty') <(virsh -c test:///default 'nodeinfo; nodecpumap; nodecpumap --pretty') && echo same
same
? 0
$ lvsh -c "test://$FIXTURES/node.xml" nodeinfo
CPU model:           i686
CPU(s):              4
CPU frequency:       2400 MHz
CPU socket(s):       1
Core(s) per socket:  2
Thread(s) per core:  2
NUMA cell(s):        1
Memory size:         8388608 KiB

? 0
$ lvsh -c test:///default --json nodeinfo
{"model":"i686","cpus":16,"mhz":1400,"sockets":2,"cores":2,"threads":2,"cells":2,"memory":3221225472}
? 0
$ lvsh -c test:///default --json nodecpumap
{"present":8,"online":3,"map":[0,2,4]}
? 0
$ diff <(lvsh -c test:///default 'nodecpustats; nodecpustats --cpu 1; nodecpustats 2') <(virsh -c test:///default 'nodecpustats; nodecpustats --cpu 1; nodecpustats 2') && echo same
same
? 0
$ diff <(lvsh -c test:///default 'nodecpustats --percent') <(virsh -c test:///default 'nodecpustats --percent') && echo same
same
? 0
$ lvsh -c test:///default --json nodecpustats
{"user":9797400000,"system":34678723400000,"idle":87264900000,"iowait":763600000}
? 0
$ lvsh -c test:///default --json nodecpustats --percent
{"usage":null,"user":null,"system":null,"idle":null,"iowait":null}
? 0
$ lvsh -c test:///default nodecpustats --cpu -1

! error: Numeric value '-1' for <cpu> option is malformed or out of range
? 2
$ lvsh -c test:///default nodememstats

! error: Unable to get number of memory stats
! error: this function is not supported by the connection driver: virNodeGetMemoryStats
? 1
$ lvsh -c test:///default nodememstats --cell 0

! error: Unable to get number of memory stats
! error: this function is not supported by the connection driver: virNodeGetMemoryStats
? 1
$ lvsh -c test:///default node-memory-tune

! error: Unable to get number of memory parameters
! error: this function is not supported by the connection driver: virNodeGetMemoryParameters
? 1
$ lvsh -c test:///default node-memory-tune --shm-pages-to-scan 200

! error: unable to change the node's memory parameters
! error: this function is not supported by the connection driver: virNodeSetMemoryParameters
? 1
$ lvsh -c test:///default -r node-memory-tune --shm-sleep-millisecs 10

! error: 'node-memory-tune' changes state, but the connection is read-only (-r)
? 1
$ lvsh -c test:///default node-memory-tune --shm-merge-across-nodes 2

! error: Numeric value '2' for <shm-merge-across-nodes> option is malformed or out of range
? 2
$ lvsh -c test:///default nodesevinfo

! error: Unable to get host SEV information
! error: this function is not supported by the connection driver: virNodeGetSEVInfo
? 1
$ diff <(lvsh -c test:///default 'freecell; freecell --cellno 1; freecell 0; freecell --all') <(virsh -c test:///default 'freecell; freecell --cellno 1; freecell 0; freecell --all') && echo same
same
? 0
$ lvsh -c test:///default --json 'freecell; freecell --cellno 1; freecell --all'
{"total":3145728}
{"cell":1,"free":4194304}
{"cells":[{"cell":0,"free":2097152},{"cell":1,"free":4194304}],"total":6291456}
? 0
$ lvsh -c test:///default freecell --cellno 7

! error: failed to get the free memory of cell 7
! error: invalid argument: Range exceeds available cells
? 1
$ lvsh -c test:///default freecell --all --cellno 1

! error: options --all and --cellno of 'freecell' cannot be used together
? 2
$ diff <(lvsh -c test:///default 'freepages --all; freepages --pagesize 2M --all; freepages --cellno 0 --pagesize 4; freepages 1 1G') <(virsh -c test:///default 'freepages --all; freepages --pagesize 2M --all; freepages --cellno 0 --pagesize 4; freepages 1 1G') && echo same
same
? 0
$ lvsh -c test:///default 'freepages; freepages --cellno 1'
Node 0:
4KiB: 19
8KiB: 45
2048KiB: 97
1048576KiB: 201

Node 1:
4KiB: 19
8KiB: 45
2048KiB: 97
1048576KiB: 201


4KiB: 19
8KiB: 45
2048KiB: 97
1048576KiB: 201

? 0
$ lvsh -c test:///default --json 'freepages --pagesize 2048; freepages 0 4'
[{"cell":0,"pages":[{"size":2097152,"free":19}]},{"cell":1,"pages":[{"size":2097152,"free":19}]}]
[{"size":4096,"free":19}]
? 0
$ lvsh -c test:///default freepages --pagesize lots

! error: Scaled numeric value 'lots' for <pagesize> option is malformed or out of range
? 2
$ lvsh -c test:///default allocpages 2M 3

! error: this function is not supported by the connection driver: virNodeAllocPages
? 1
$ lvsh -c test:///default allocpages --pagesize 1G --pagecount 1 --cellno 0 --add

! error: this function is not supported by the connection driver: virNodeAllocPages
? 1
$ lvsh -c test:///default allocpages 2M
! error: command 'allocpages' requires option --pagecount
? 2
$ lvsh -c test:///default -r allocpages 2M 3

! error: 'allocpages' changes state, but the connection is read-only (-r)
? 1
$ lvsh -c test:///default nodesuspend mem 60

! error: the host was not suspended
! error: this function is not supported by the connection driver: virNodeSuspendForDuration
? 1
$ lvsh -c test:///default nodesuspend sleep 60

! error: invalid value 'sleep' for --target of 'nodesuspend' (expected one of: mem, disk, hybrid)
? 2
$ lvsh -c test:///default -r nodesuspend disk 0

! error: 'nodesuspend' changes state, but the connection is read-only (-r)
? 1
