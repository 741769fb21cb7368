#!/usr/bin/env python3
"""gen_fixture.py N OUT.xml [--domains-only] [--prefix P] [--host K] [--snapshots S]:
a test-driver node for the listing benchmarks, the round-trip test
(tests/daemon/test_rpc_counts.sh) and the fleets (tests/daemon/fleet.sh,
bench/fleet.py): N domains (a
third shut off, one in ten paused, one in four with a title), N networks
(a third inactive), N/10 pools (the first holds all N volumes, so vol-list
of pool-0000 lists N), N host interfaces (half inactive) and N node
devices (PCI devices under `computer`).  --domains-only leaves out all but
the domains, so that a daemon opens a 10,000-domain fixture quickly.
Domains are named P-00000... (P is vm by default) with UUIDs that hold K
(0 by default), so that the hosts of a fleet each have their own; the
first domain has S snapshots (min(N, 1000) by default)."""
import argparse

TEST_NS = "http://libvirt.org/schemas/domain/test/1.0"


def snapshot(v, prefix):
    parent = f"<parent><name>snap-{(v - 1) // 4:05d}</name></parent>" if v else ""
    return (f"<test:domainsnapshot><name>snap-{v:05d}</name><state>running</state>"
            f"<creationTime>{1700000000 + v}</creationTime><active>0</active>{parent}"
            f'<domain type="test"><name>{prefix}-00000</name><memory>131072</memory>'
            f'<vcpu>1</vcpu><os><type arch="i686">hvm</type></os></domain>'
            f"</test:domainsnapshot>")


def domain(i, nsnaps, prefix="vm", host=0):
    state = ""
    if i % 3 == 2:
        state = "<test:runstate>5</test:runstate>"
        if i % 7 == 0:
            state += "<test:hasmanagedsave>true</test:hasmanagedsave>"
    elif i % 10 == 1:
        state = "<test:runstate>3</test:runstate>"
    title = f"<title>guest {i} title</title>" if i % 4 == 0 else ""
    return (f'<domain type="test" xmlns:test="{TEST_NS}"><name>{prefix}-{i:05d}</name>'
            f'<uuid>{host:08d}-0000-4000-8000-{i:012d}</uuid>{title}'
            f'<memory unit="KiB">131072</memory><vcpu>1</vcpu>'
            f'<os><type arch="i686">hvm</type></os>{state}'
            + "".join(snapshot(v, prefix) for v in range(nsnaps if i == 0 else 0)) + "</domain>")


def network(i):
    return (f'<network><name>net-{i:05d}</name><uuid>10000000-0000-4000-8000-{i:012d}</uuid>'
            f'<bridge name="vb{i}"/></network>')


def volume(i, v):
    path = f"/pools/p{i}/vol-{i}-{v:05d}.img"
    return (f'<volume type="file"><name>vol-{i}-{v:05d}.img</name>'
            f'<key>{path}</key><capacity unit="MiB">{v + 1}</capacity>'
            f'<allocation unit="MiB">1</allocation><target><path>{path}</path></target>'
            f'</volume>')


def pool(i, nvols):
    vols = "".join(volume(i, v) for v in range(nvols))
    return (f'<pool type="dir"><name>pool-{i:04d}</name>'
            f'<uuid>20000000-0000-4000-8000-{i:012d}</uuid>'
            f'<capacity unit="GiB">100</capacity><allocation unit="GiB">1</allocation>'
            f'<available unit="GiB">99</available>'
            f'<target><path>/pools/p{i}</path></target>{vols}</pool>')


def interface(i):
    mode = "onboot" if i % 2 == 0 else "none"
    return (f'<interface type="ethernet" name="eth{i}"><start mode="{mode}"/>'
            f'<mac address="52:54:01:{i >> 16 & 255:02x}:{i >> 8 & 255:02x}:{i & 255:02x}"/>'
            f'</interface>')


def nodedev(i):
    bus, slot = i // 32, i % 32
    return (f'<device><name>pci_0000_{bus:02x}_{slot:02x}_0_{i}</name><parent>computer</parent>'
            f'<capability type="pci"><domain>0</domain><bus>{bus}</bus><slot>{slot}</slot>'
            f'<function>0</function><product id="0x0001">Bench device {i}</product>'
            f'<vendor id="0x1234">Bench</vendor></capability></device>')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--domains-only", action="store_true")
    ap.add_argument("--prefix", default="vm")
    ap.add_argument("--host", type=int, default=0)
    ap.add_argument("--snapshots", type=int, default=None)
    args = ap.parse_args()
    n = args.n
    rest = 0 if args.domains_only else n
    nsnaps = min(n, 1000) if args.snapshots is None else args.snapshots
    with open(args.out, "w") as f:
        f.write('<?xml version="1.0"?>\n<node>\n<cpu><mhz>2400</mhz><model>i686</model>'
                '<active>4</active><nodes>1</nodes><sockets>1</sockets><cores>2</cores>'
                '<threads>2</threads></cpu><memory>67108864</memory>\n')
        for i in range(n):
            f.write(domain(i, nsnaps, args.prefix, args.host) + "\n")
        for i in range(rest):
            f.write(network(i) + "\n")
        for i in range(max(1, rest // 10) if rest else 0):
            f.write(pool(i, rest if i == 0 else 0) + "\n")
        for i in range(rest):
            f.write(interface(i) + "\n")
        for i in range(rest):
            f.write(nodedev(i) + "\n")
        f.write("</node>\n")


if __name__ == "__main__":
    main()
