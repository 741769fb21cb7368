#!/usr/bin/env python3
"""gen_fixture.py N OUT.xml: a test-driver node with N domains (a third shut
off, one in ten paused, some with titles), N networks, N/10 pools and N
volumes spread over them, for the listing benchmarks."""
import sys
from xml.sax.saxutils import escape

TEST_NS = "http://libvirt.org/schemas/domain/test/1.0"


def domain(i):
    state = ""
    if i % 3 == 2:
        state = "<test:runstate>5</test:runstate>"
    elif i % 10 == 1:
        state = "<test:runstate>3</test:runstate>"
    title = f"<title>guest {i} title</title>" if i % 4 == 0 else ""
    return (f'<domain type="test" xmlns:test="{TEST_NS}"><name>vm-{i:05d}</name>'
            f'<uuid>00000000-0000-4000-8000-{i:012d}</uuid>{title}'
            f'<memory unit="KiB">131072</memory><vcpu>1</vcpu>'
            f'<os><type arch="i686">hvm</type></os>{state}</domain>')


def network(i):
    return (f'<network><name>net-{i:05d}</name><uuid>10000000-0000-4000-8000-{i:012d}</uuid>'
            f'<bridge name="vb{i}"/></network>')


def pool(i, nvols):
    vols = "".join(
        f'<volume type="file"><name>vol-{i}-{v}.img</name>'
        f'<key>/pools/p{i}/vol-{i}-{v}.img</key><capacity unit="MiB">{v + 1}</capacity>'
        f'<allocation unit="MiB">1</allocation>'
        f'<target><path>/pools/p{i}/vol-{i}-{v}.img</path></target></volume>'
        for v in range(nvols))
    return (f'<pool type="dir"><name>pool-{i:04d}</name>'
            f'<uuid>20000000-0000-4000-8000-{i:012d}</uuid>'
            f'<capacity unit="GiB">100</capacity><allocation unit="GiB">1</allocation>'
            f'<available unit="GiB">99</available>'
            f'<target><path>/pools/p{i}</path></target>{vols}</pool>')


def main():
    n = int(sys.argv[1])
    npools = max(1, n // 10)
    with open(sys.argv[2], "w") as f:
        f.write('<?xml version="1.0"?>\n<node>\n<cpu><mhz>2400</mhz><model>i686</model>'
                '<active>4</active><nodes>1</nodes><sockets>1</sockets><cores>2</cores>'
                '<threads>2</threads></cpu><memory>67108864</memory>\n')
        for i in range(n):
            f.write(domain(i) + "\n")
        for i in range(n):
            f.write(network(i) + "\n")
        for i in range(npools):
            f.write(pool(i, n // npools) + "\n")
        f.write("</node>\n")


if __name__ == "__main__":
    main()
