#!/usr/bin/env python3
"""fleet.py: `list --all` over a fleet of 100 hosts at 20 ms (`make bench-fleet`).

The latency bench's two network namespaces and delay line (latency.Net,
bench/delayline.c) hold every packet RTT/2 each way.  In the server's
namespace, 10 private libvirtds (tests/daemon/tier.sh, test driver only,
TCP without auth, one port each) serve 100 hosts: each daemon's shared
test:///default holds 1,000 more domains (defined over its unix socket, and
kept alive by a connection held open), and hosts hNNN are 10 URIs onto each
daemon.  (Fixture files would be parsed again by the daemon for every
connection: 100 parses of 1,000 domains on a 2-core machine measure the
test driver, not the client.)  The client's namespace runs, against every
host:

  - one lvsh process with the inventory's 100 hosts (`lvsh -c @fleet list --all`)
  - `xargs -P 32` of one-shot lvsh, and of one-shot virsh
  - a shell loop of virsh: sampled on the first few hosts and extrapolated
    to 100 (each takes ~20 s at 20 ms: virsh asks each domain's state in a
    call of its own); the output says it is extrapolated
  - one host's `lvsh list --all`, one-shot: the mark (the target is the
    100 hosts within 3 times that)
  - libvirt alone (bench/fleet_floor.c): every host opened at once, the
    same listing call, each domain's name and id read, freed, no output:
    what any client of libvirt pays on this machine; the gap to lvsh is
    lvsh's own
  - 100 hosts of which 5 are blackholed (their port is dropped by iptables in
    the client's namespace: a connect never answers), under lvsh's default
    connect deadline: time, rows printed, exit status (target: the deadline
    plus 2 s, 95 hosts' rows, exit 4)

Addresses exist only inside the two namespaces.  Results go to
bench/RESULTS.md (its fleet part).

  fleet.py [--hosts 100] [--domains 1000] [--daemons 10] [--rtt 20]
           [--virsh-sample 3] [--lvsh-only] [--out bench/RESULTS.md]

--lvsh-only runs the lvsh rows alone (no virsh, no xargs: minutes less) and
prints them; it writes no results.  Every row records the load average of
the machine (1 minute) when it ended: the machine may be shared.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402
import gen_fixture  # noqa: E402
import latency  # noqa: E402

FLOOR = os.path.join(bench.TOP, "build", "bench", "fleet_floor")

SRV_ADDR = latency.SRV_ADDR
PORT0 = 16600        # daemon d listens on PORT0 + d
BH_PORT = 16590        # nothing listens there, and the client drops it
CONNECT_DEADLINE = 15  # lvsh's default --connect-timeout


class Fleet:
    def __init__(self, work, hosts, domains, daemons):
        self.work, self.nhosts, self.ndomains, self.daemons = work, hosts, domains, daemons
        self.tiers, self.holders = [], []
        self.uris = [(f"h{k:03d}", f"test+tcp://{SRV_ADDR}:{PORT0 + (k - 1) % daemons}/default")
                     for k in range(1, hosts + 1)]
        bh = [(f"b{k:03d}", f"test+tcp://{SRV_ADDR}:{BH_PORT}/default")
              for k in range(hosts - 4, hosts + 1)]
        self.inventory = os.path.join(work, "hosts")
        with open(self.inventory, "w") as f:
            for name, uri in self.uris + bh:
                f.write(f"{name} {uri}\n")
            last = hosts - 5
            f.write(f"@fleet: h[001-{hosts:03d}]\n")
            f.write(f"@blackholed: h[001-{last:03d}],b[{last + 1:03d}-{hosts:03d}]\n")

    def define(self, d, sock):
        """N domains into daemon d's test:///default, held open by a virsh."""
        uri = f"test+unix:///default?socket={sock}"
        self.holders.append(subprocess.Popen([bench.VIRSH, "-q", "-c", uri],
                                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                             stderr=subprocess.DEVNULL))
        top = os.path.join(self.work, f"def{d}")
        os.makedirs(top)
        script = os.path.join(top, "define.lvsh")
        with open(script, "w") as f:
            for i in range(self.ndomains):
                path = os.path.join(top, f"{i}.xml")
                with open(path, "w") as x:
                    x.write(gen_fixture.domain(i, 0, f"d{d}", d + 1))
                f.write(f"define {path}\n")
        return subprocess.Popen([bench.LVSH, "-q", "-c", uri, "-f", script],
                                stdout=subprocess.DEVNULL, env=bench.bench_env())

    def start(self, net):
        procs = []
        for d in range(self.daemons):
            tier = os.path.join(self.work, f"d{d}")
            env = dict(os.environ, LVSH_TIER_DRIVERS="test", LVSH_TIER_NETNS=f"/run/netns/{net.srv}",
                       LVSH_TIER_TCP=f"{SRV_ADDR}:{PORT0 + d}")
            procs.append(subprocess.Popen([bench.TIER, "start", tier], env=env))
            self.tiers.append(tier)
        if any(p.wait() != 0 for p in procs):
            raise RuntimeError("a private libvirtd did not start")
        procs = [self.define(d, os.path.join(t, "sock", "libvirt-sock"))
                 for d, t in enumerate(self.tiers)]
        if any(p.wait() != 0 for p in procs):
            raise RuntimeError("defining the domains failed")
        latency.sh(*net.client(["iptables", "-w", "-A", "OUTPUT", "-p", "tcp", "-d", SRV_ADDR,
                                "--dport", str(BH_PORT), "-j", "DROP"]))

    def cpu(self):
        """CPU seconds the daemons have used so far."""
        tick, total = os.sysconf("SC_CLK_TCK"), 0
        for t in self.tiers:
            try:
                pid = open(os.path.join(t, "libvirtd.pid")).read().strip()
                f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                total += int(f[11]) + int(f[12])
            except (OSError, IndexError, ValueError):
                pass
        return total / tick

    def stop(self):
        for h in self.holders:
            h.stdin.close()
            h.wait()
        procs = [subprocess.Popen([bench.TIER, "stop", t], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL) for t in self.tiers]
        for p in procs:
            p.wait()


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_in(net, argv, env, fleet):
    """argv in the client's namespace: (seconds, rc, output lines, client CPU s,
    daemons' CPU s, load average after)."""
    with tempfile.TemporaryFile() as out:
        c0, d0 = children_cpu(), fleet.cpu()
        t0 = time.perf_counter()
        rc = subprocess.run(net.client(argv), stdout=out, stderr=subprocess.DEVNULL,
                            env=env).returncode
        t = time.perf_counter() - t0
        cpu, dcpu = children_cpu() - c0, fleet.cpu() - d0
        out.seek(0)
        lines = out.read().decode(errors="replace").splitlines()
    return t, rc, lines, cpu, dcpu, os.getloadavg()[0]


def timed(net, script, env, fleet):
    """A shell script: (seconds, rc, lines out, client CPU, daemons' CPU, load)."""
    t, rc, lines, cpu, dcpu, load = run_in(net, ["sh", "-c", script], env, fleet)
    return t, rc, len(lines), cpu, dcpu, load


def rows_of(net, argv, env, fleet):
    """A table command: as timed, with data rows (header and blank lines out)."""
    t, rc, lines, cpu, dcpu, load = run_in(net, argv, env, fleet)
    return t, rc, len([x for x in lines[2:] if x.strip()]), cpu, dcpu, load


def fmt(t):
    return f"{t:.2f} s" if t < 100 else f"{t:.0f} s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hosts", type=int, default=100)
    ap.add_argument("--domains", type=int, default=1000)
    ap.add_argument("--daemons", type=int, default=10)
    ap.add_argument("--rtt", type=float, default=20)
    ap.add_argument("--virsh-sample", type=int, default=3,
                    help="hosts the serial virsh loop runs on (then extrapolated)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--lvsh-only", action="store_true",
                    help="the lvsh rows only (no virsh, no xargs), results not written")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    H, N = args.hosts, args.domains
    work = tempfile.mkdtemp(prefix="lvsh-fleet-bench-")
    os.chmod(work, 0o755)
    fleet = Fleet(work, H, N, args.daemons)
    env = bench.bench_env({"LVSH_HOSTS": fleet.inventory, "HOME": work,
                           "XDG_CONFIG_HOME": os.path.join(work, "config")})
    uris = os.path.join(work, "uris")
    with open(uris, "w") as f:
        f.write("".join(u + "\n" for _, u in fleet.uris))
    res = {}
    net = latency.Net()
    try:
        fleet.start(net)
        net.rtt(args.rtt)
        L, V = bench.LVSH, bench.VIRSH
        one = fleet.uris[0][1]
        print(f"{H} hosts x {N} domains on {args.daemons} daemons, RTT {args.rtt} ms", flush=True)

        def best(argv):
            runs = [rows_of(net, argv, env, fleet) for _ in range(args.reps)]
            return min(runs)

        res["one"] = best([L, "-c", one, "list", "--all"])
        print(f"  one host, lvsh one-shot: {fmt(res['one'][0])} ({res['one'][2]} rows, "
              f"load {res['one'][5]:.1f})", flush=True)
        if res["one"][2] != N + 1:   # and test:///default's own `test`
            raise RuntimeError(f"one host lists {res['one'][2]} domains, not {N + 1}")
        res["fleet"] = best([L, "-c", "@fleet", "list", "--all"])
        print(f"  lvsh -c @fleet list --all: {fmt(res['fleet'][0])}, {res['fleet'][2]} rows, "
              f"exit {res['fleet'][1]} (load {res['fleet'][5]:.1f})", flush=True)
        res["fleet100"] = best([L, "--fanout", str(H), "-c", "@fleet", "list", "--all"])
        print(f"  the same, --fanout {H}: {fmt(res['fleet100'][0])} "
              f"(load {res['fleet100'][5]:.1f})", flush=True)
        res["floor"] = min(timed(net, f"{FLOOR} {' '.join(u for _, u in fleet.uris)}", env,
                                 fleet) for _ in range(args.reps))
        print(f"  libvirt alone (fleet_floor): {fmt(res['floor'][0])} "
              f"(load {res['floor'][5]:.1f})", flush=True)
        if args.lvsh_only:
            lvsh_rows(net, env, fleet, res, H, L)
            return
        res["xargs_lvsh"] = timed(net, f"xargs -P 32 -I@ {L} -c @ list --all < {uris}", env,
                                  fleet)
        print(f"  xargs -P 32 lvsh: {fmt(res['xargs_lvsh'][0])}", flush=True)
        res["virsh_one"] = rows_of(net, [V, "-c", one, "list", "--all"], env, fleet)
        print(f"  one host, virsh one-shot: {fmt(res['virsh_one'][0])}", flush=True)
        S = min(args.virsh_sample, H)
        sample = " ".join(f"'{u}'" for _, u in fleet.uris[:S])
        t, rc, lines, cpu, dcpu, load = timed(net, f"for u in {sample}; do {V} -c \"$u\" "
                                              "list --all; done", env, fleet)
        res["virsh_loop"] = (t * H / S, rc, lines, cpu * H / S, dcpu * H / S, S, t, load)
        print(f"  virsh loop: {fmt(t)} for {S} hosts, {fmt(t * H / S)} for {H} (extrapolated)",
              flush=True)
        res["xargs_virsh"] = timed(net, f"xargs -P 32 -I@ {V} -c @ list --all < {uris}", env,
                                   fleet)
        print(f"  xargs -P 32 virsh: {fmt(res['xargs_virsh'][0])}", flush=True)
        blackholed(net, env, fleet, res, H, L)
    finally:
        fleet.stop()
        net.close()
        subprocess.run(["rm", "-rf", work])
    text = report(res, args, H, N)
    print(text)
    if args.out:
        latency.write(args.out, text, "<!-- fleet: bench/fleet.py -->", "<!-- /fleet -->")


def blackholed(net, env, fleet, res, H, L):
    res["blackholed"] = rows_of(net, [L, "-c", "@blackholed", "list", "--all"], env, fleet)
    print(f"  5 of {H} blackholed: {fmt(res['blackholed'][0])}, {res['blackholed'][2]} rows, "
          f"exit {res['blackholed'][1]} (load {res['blackholed'][5]:.1f})", flush=True)
    res["blackholed100"] = rows_of(net, [L, "--fanout", str(H), "-c", "@blackholed", "list",
                                         "--all"], env, fleet)
    print(f"  the same, --fanout {H}: {fmt(res['blackholed100'][0])} "
          f"(load {res['blackholed100'][5]:.1f})", flush=True)


def lvsh_rows(net, env, fleet, res, H, L):
    """--lvsh-only: the rest of the lvsh rows, printed with their load."""
    blackholed(net, env, fleet, res, H, L)
    one, fl = res["one"][0], res["fleet"][0]
    print(f"  {H} hosts against one: {fl / one:.1f}x (target 3x; libvirt alone "
          f"{res['floor'][0] / one:.1f}x); blackholed: "
          f"{res['blackholed'][0] - CONNECT_DEADLINE:.1f} s past the deadline (target 2 s)",
          flush=True)


def report(res, args, H, N):
    one = res["one"][0]
    fl, fl_rc, fl_rows = res["fleet"][:3]
    bt, b_rc, b_rows = res["blackholed"][:3]
    vl = res["virsh_loop"]
    xl, xv = res["xargs_lvsh"], res["xargs_virsh"]
    rows = [
        ("one host: `lvsh -c HOST list --all` (one-shot)", res["one"], None),
        (f"**one lvsh: `lvsh -c @fleet list --all`** ({H} connections, fanout 32)",
         res["fleet"], None),
        (f"one lvsh, `--fanout {H}`", res["fleet100"], None),
        (f"libvirt alone: {H} connections at once, the same call, no output "
         "(bench/fleet_floor.c)", res["floor"][:2] + ("",) + res["floor"][3:], None),
        ("`xargs -P 32` of one-shot lvsh", xl[:2] + (xl[2] - 3 * H,) + xl[3:], None),
        ("one host: `virsh -c HOST list --all` (one-shot)", res["virsh_one"], None),
        (f"shell loop of virsh (**extrapolated** from {vl[5]} hosts: {fmt(vl[6])})",
         vl[:2] + ("",) + vl[3:5] + (vl[7],), None),
        ("`xargs -P 32` of one-shot virsh", xv[:2] + (xv[2] - 3 * H,) + xv[3:], None),
        (f"one lvsh, 5 of {H} hosts blackholed", res["blackholed"], None),
        (f"one lvsh, 5 of {H} hosts blackholed, `--fanout {H}`", res["blackholed100"], None),
    ]
    lines = ["| what | time | rows | exit | CPU client | CPU daemons | load |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for label, (t, rc, r, cpu, dcpu, load), _ in rows:
        lines.append(f"| {label} | {fmt(t)} | {r} | {rc} | {cpu:.2f} s | {dcpu:.2f} s "
                     f"| {load:.1f} |")
    want_rows = (H - 5) * (N + 1)
    verdict = [
        f"- {'met' if fl <= 3 * one else '**missed**'}: {H} hosts in one lvsh within 3x of one "
        f"host's `list --all` at the same latency: {fmt(fl)} against {fmt(one)} "
        f"({fl / one:.1f}x); libvirt alone, with no output, takes {fmt(res['floor'][0])} "
        f"({res['floor'][0] / one:.1f}x): lvsh's own part is {fmt(max(fl - res['floor'][0], 0))}",
        f"- {'met' if bt <= CONNECT_DEADLINE + 2 else '**missed**'}: with 5 of {H} hosts "
        f"blackholed, done within the connect deadline ({CONNECT_DEADLINE} s) plus 2 s: {fmt(bt)}",
        f"- {'met' if b_rows == want_rows else '**missed**'}: {H - 5} hosts' rows printed: "
        f"{b_rows} of {want_rows}",
        f"- {'met' if b_rc == 4 else '**missed**'}: exit status 4: {b_rc}",
        f"- one lvsh used {res['fleet'][3]:.2f} s of CPU in its {fmt(fl)} (the daemons "
        f"{res['fleet'][4]:.2f} s): the rest of the time it waited, for answers or for a core "
        f"(load average {os.getloadavg()[0]:.1f} at the end)",
        f"- blackholed: {bt - CONNECT_DEADLINE:.1f} s past the deadline with the default fanout, "
        f"{res['blackholed100'][0] - CONNECT_DEADLINE:.1f} s with `--fanout {H}`",
        f"- one lvsh against `xargs -P 32 virsh`: {xv[0] / fl:.0f}x faster; "
        f"against the virsh loop: {vl[0] / fl:.0f}x",
    ]
    return ("## A fleet\n\n"
            f"Produced by `make bench-fleet` (bench/fleet.py).  Machine: {bench.machine()}.\n\n"
            f"`list --all` over {H} hosts of {N} domains each (and test:///default's own), "
            f"{H // args.daemons} URIs onto each of "
            f"{args.daemons} private libvirtds on TCP in one network namespace, the client "
            f"in another, {args.rtt:g} ms round trip added by the delay line of the latency "
            f"bench.  lvsh times are the best of {args.reps} runs; the others are one run.  "
            "Rows: data rows printed (headers left out).  The serial virsh loop is run on "
            f"{vl[5]} hosts only and multiplied by {H}/{vl[5]}.  CPU: the seconds of CPU the "
            "client processes and the daemons used during the run (the machine has "
            f"{os.cpu_count()} cores).  Load: the machine's load average (1 minute) when the "
            "row ended; the machine is shared, and other work slows every row.\n\n"
            + "\n".join(lines) + "\n\nTargets:\n\n" + "\n".join(verdict) + "\n\n")


if __name__ == "__main__":
    main()
