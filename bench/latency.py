#!/usr/bin/env python3
"""latency.py: lvsh against virsh at a real distance (`make bench-latency`).

Two network namespaces of our own, joined by a delay line (bench/delayline.c:
a TUN device in each and a forwarder that holds every packet RTT/2 each
way; this kernel has no netem).  The private libvirtd of the test tier
(tests/daemon/tier.sh, LVSH_TIER_TCP) listens on TCP without auth in one,
with libvirtd's default of 5 calls processed at once per client; lvsh and
virsh run in the other and reach it over test+tcp://, serving a generated
fixture of 1,000 objects (bench/gen_fixture.py).  The addresses exist only
inside those two namespaces.

For each round-trip time (1, 20, 50 ms), one interactive lvsh and one virsh
are connected before timing starts (as in bench.py); each row is the time
from writing the command to reading the end of its output.  RPC counts come
from libvirt's client log (one-shot processes, the connection's own calls
left out).  The floor is the least number of round trips the command needs
when everything that does not depend on an answer goes together, times the
RTT.  Not a timed test: results go to bench/RESULTS.md (its latency part).

  latency.py [--rtt 1,20,50] [--out bench/RESULTS.md]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (Shell, bench_env, LVSH, VIRSH, TIER)

TOP = bench.TOP
DELAYLINE = os.path.join(TOP, "build", "bench", "delayline")
COMPLETE_BENCH = bench.COMPLETE_BENCH
SRV_ADDR, CLI_ADDR, PORT = "10.250.0.1", "10.250.0.2", 16599
N = 1000

# label, lvsh command, virsh command, floor (round trips), why that floor
ROWS = [
    ("list --all", "list --all", "list --all", 1, "one bulk call (states included)"),
    ("list --all --title", "list --all --title", "list --all --title", 2,
     "the listing, then every title together"),
    ("vol-list pool-0000 --details", "vol-list pool-0000 --details",
     "vol-list pool-0000 --details", 3,
     "pool lookup, volume listing, then every path and size together"),
    ("snapshot-list vm-00000", "snapshot-list vm-00000", "snapshot-list vm-00000", 3,
     "domain lookup, snapshot listing, then every XML together"),
    ("snapshot-list vm-00000 --tree", "snapshot-list vm-00000 --tree",
     "snapshot-list vm-00000 --tree", 3,
     "domain lookup, snapshot listing, then every parent together"),
    ("nodedev-list --tree", "nodedev-list --tree", "nodedev-list --tree", 2,
     "the listing, then every parent together"),
    ("pool-list --all --details", "pool-list --all --details", "pool-list --all --details", 2,
     "the four listings together, then every pool's sizes together"),
    ("dominfo vm-00001", "dominfo vm-00001", "dominfo vm-00001", 2,
     "domain lookup, then its eight calls together"),
]


def sh(*argv, check=True, **kw):
    return subprocess.run(list(argv), check=check, **kw)


class Net:
    """The two namespaces and the delay line between them."""

    def __init__(self):
        tag = f"{os.getpid()}"
        self.srv, self.cli = f"lvshlat-srv-{tag}", f"lvshlat-cli-{tag}"
        self.line = None
        for ns in (self.srv, self.cli):
            sh("ip", "netns", "add", ns)
        self.line = subprocess.Popen(
            [DELAYLINE, "500", f"/run/netns/{self.srv}", f"/run/netns/{self.cli}"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self.line.stdout.readline().strip() != "ready":
            raise RuntimeError("the delay line did not start")
        for ns, addr in ((self.srv, SRV_ADDR), (self.cli, CLI_ADDR)):
            sh("ip", "-n", ns, "link", "set", "lo", "up")
            sh("ip", "-n", ns, "addr", "add", f"{addr}/24", "dev", "lat0")
            sh("ip", "-n", ns, "link", "set", "lat0", "up")

    def rtt(self, ms):
        """Make the round trip ms milliseconds from now on."""
        self.line.stdin.write(f"{int(ms * 500)}\n")
        self.line.stdin.flush()
        if self.line.stdout.readline().strip() != "ok":
            raise RuntimeError("the delay line did not take the new delay")

    def client(self, argv):
        return ["ip", "netns", "exec", self.cli] + argv

    def close(self):
        if self.line:
            self.line.stdin.close()
            self.line.wait()
        for ns in (self.srv, self.cli):
            sh("ip", "netns", "del", ns, check=False, stderr=subprocess.DEVNULL)


class Shell(bench.Shell):
    """bench.Shell, run in the client's namespace."""

    def __init__(self, net, tool, uri):
        self.err = tempfile.TemporaryFile()
        self.p = subprocess.Popen(net.client([tool, "-q", "-c", uri]), stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=self.err,
                                  env=bench.bench_env())
        self.time("uri")


def rpc_count(net, argv):
    return bench.rpc_count(net.client(argv))


def rpcs_of(net, tool, uri, cmd):
    return rpc_count(net, [tool, "-c", uri, cmd]) - rpc_count(net, [tool, "-c", uri, "uri"])


def fails(net, tool, uri, cmd):
    p = subprocess.run(net.client([tool, "-q", "-c", uri, cmd]), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=bench.bench_env())
    return p.returncode != 0


def timed(shell, cmd, reps, slow):
    """Samples (ms): up to reps, but one only when a run takes over slow s."""
    out = []
    for _ in range(reps):
        out.append(shell.time(cmd) * 1000)
        if out[-1] > slow * 1000:
            break
    return out


def oneshot(net, argv):
    t0 = time.perf_counter()
    subprocess.run(net.client(argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=bench.bench_env())
    return (time.perf_counter() - t0) * 1000


def cold_tab(net, uri, stem="tab-"):
    """complete_bench's first TAB on a fresh connection (ms), or None."""
    if not os.access(COMPLETE_BENCH, os.X_OK):
        return None
    out = subprocess.run(net.client([COMPLETE_BENCH, uri, "1", stem, stem + "99999"]),
                         capture_output=True, text=True, env=bench.bench_env()).stdout
    m = re.search(r"cold TAB 'start '\s+([\d.]+) ms", out)
    return float(m.group(1)) if m else None


def define_default(net, uri, n):
    """n domains in the daemon's shared test:///default: what completion
    lists (a fixture file would be parsed again by every new connection)."""
    work = tempfile.mkdtemp(prefix="lvsh-latency-tab-")
    script = bench.define_script(work, n)
    sh(*net.client([bench.LVSH, "-q", "-c", uri, "-f", script]), stdout=subprocess.DEVNULL,
       env=bench.bench_env())
    subprocess.run(["rm", "-rf", work])


def measure(net, uri, tab_uri, small_uri, rtts, reps):
    results = {}   # (label, rtt) -> (lvsh samples, virsh samples)
    counts, broken = {}, {}
    for rtt in rtts:
        net.rtt(rtt)
        print(f"RTT {rtt} ms:", flush=True)
        lsh, vsh = Shell(net, bench.LVSH, uri), Shell(net, bench.VIRSH, uri)
        try:
            for label, lcmd, vcmd, _, _ in ROWS:
                lsh.time(lcmd)   # warm up
                lt = timed(lsh, lcmd, reps, 60)
                vt = timed(vsh, vcmd, reps, 3)
                results[(label, rtt)] = (lt, vt)
                print(f"  {label:<32} lvsh {min(lt):9.1f} ms   virsh {min(vt):9.1f} ms",
                      flush=True)
        finally:
            lsh.close()
            vsh.close()
        lt = [oneshot(net, [bench.LVSH, "-c", tab_uri, "complete", "--", "domstate", ""])
              for _ in range(reps)]
        vt = [oneshot(net, [bench.VIRSH, "-c", tab_uri, "complete", "--", "domstate",
                            "--domain", ""]) for _ in range(reps)]
        results[("complete domstate <TAB>, one process", rtt)] = (lt, vt)
        tab = [cold_tab(net, tab_uri) for _ in range(reps)]
        if all(t is not None for t in tab):
            results[("cold TAB in the shell", rtt)] = (tab, None)
        few = [cold_tab(net, small_uri, "vm-") for _ in range(reps)]
        if all(t is not None for t in few):
            results[("cold TAB in the shell, 20 domains", rtt)] = (few, None)
        print(f"  one-process TAB: lvsh {min(lt):.1f} ms, virsh {min(vt):.1f} ms; "
              f"cold TAB in the shell {tab}", flush=True)
    net.rtt(rtts[0])
    for label, lcmd, vcmd, _, _ in ROWS:
        counts[label] = (rpcs_of(net, bench.LVSH, uri, lcmd),
                         rpcs_of(net, bench.VIRSH, uri, vcmd))
        broken[label] = fails(net, bench.VIRSH, uri, vcmd)
    label = "complete domstate <TAB>, one process"
    counts[label] = (rpc_count(net, [bench.LVSH, "-c", tab_uri, "complete", "--", "domstate",
                                     ""]),
                     rpc_count(net, [bench.VIRSH, "-c", tab_uri, "complete", "--", "domstate",
                                     "--domain", ""]))
    return results, counts, broken


def fmt_ms(v):
    return f"{v / 1000:.2f} s" if v >= 1000 else f"{v:.0f} ms" if v >= 10 else f"{v:.1f} ms"


def markdown(results, counts, broken, rtts):
    floors = {r[0]: (r[3], r[4]) for r in ROWS}
    floors["complete domstate <TAB>, one process"] = (
        None, "what the bash/zsh/fish scripts pay per TAB: start, connect, one listing "
        "(1,000 domains of test:///default)")
    floors["cold TAB in the shell"] = (
        1, "listing and event registration together; the reply of 1,000 names (about "
        "36 KB) takes TCP's slow start two more round trips")
    floors["cold TAB in the shell, 20 domains"] = (1, "the same on a 20-domain fixture")
    labels = [r[0] for r in ROWS] + ["complete domstate <TAB>, one process",
                                      "cold TAB in the shell",
                                      "cold TAB in the shell, 20 domains"]
    head = "| command | RPCs lvsh / virsh | floor |"
    rule = "|---|---:|---|"
    for rtt in rtts:
        head += f" lvsh {rtt} ms | virsh {rtt} ms | virsh/lvsh |"
        rule += "---:|---:|---:|"
    lines = [head, rule]
    for label in labels:
        if not any((label, rtt) in results for rtt in rtts):
            continue
        lr, vr = counts.get(label, ("", ""))
        rpcs = f"{lr} / {vr}" if lr != "" else "(in process)"
        rts, why = floors[label]
        floor = f"{rts} RT: {why}" if rts else why
        row = f"| `{label}` | {rpcs} | {floor} |"
        for rtt in rtts:
            lt, vt = results.get((label, rtt), (None, None))
            if lt is None:
                row += " | | |"
                continue
            lm = min(lt)
            lcell = fmt_ms(lm) + (f" ({rts * rtt} ms)" if rts else "")
            if vt is None:
                row += f" {lcell} | | |"
            elif broken.get(label):
                row += f" {lcell} | (fails: {fmt_ms(min(vt))}) | |"
            else:
                row += f" {lcell} | {fmt_ms(min(vt))} | **{min(vt) / lm:.1f}** |"
        lines.append(row)
    return "\n".join(lines)


def verdicts(results, broken):
    """The issue's targets at 20 ms."""
    out = []
    per_object = ["list --all --title", "vol-list pool-0000 --details",
                  "snapshot-list vm-00000", "snapshot-list vm-00000 --tree",
                  "nodedev-list --tree", "pool-list --all --details"]
    for label in per_object:
        lt, vt = results.get((label, 20), (None, None))
        if not lt:
            continue
        lm, vm = min(lt), min(vt)
        ok = lm < 2000 and (broken.get(label) or vm / lm >= 10)
        ratio = "virsh fails" if broken.get(label) else f"{vm / lm:.1f}x faster than virsh"
        out.append(f"- {'met' if ok else '**missed**'}: `{label}` at 20 ms: {fmt_ms(lm)} "
                   f"(target under 2 s), {ratio} (target 10x)")
    lt, _ = results.get(("dominfo vm-00001", 20), (None, None))
    if lt:
        ok = min(lt) < 70
        out.append(f"- {'met' if ok else '**missed**'}: `dominfo` at 20 ms: {fmt_ms(min(lt))} "
                   f"(target under 3 round trips, ~70 ms)")
    for label in ("cold TAB in the shell, 20 domains", "cold TAB in the shell"):
        lt, _ = results.get((label, 20), (None, None))
        if lt:
            ok = min(lt) < 2 * 20
            out.append(f"- {'met' if ok else '**missed**'}: {label} at 20 ms: "
                       f"{fmt_ms(min(lt))} (target one round trip)")
    return "\n".join(out)


BEGIN, END = "<!-- latency: bench/latency.py -->", "<!-- /latency -->"


def write(path, text, begin=BEGIN, end=END):
    """Replace the part of path between begin and end (or add it)."""
    old = open(path).read() if os.path.exists(path) else ""
    block = f"{begin}\n{text}{end}\n"
    if begin in old and end in old:
        new = old[:old.index(begin)] + block + old[old.index(end) + len(end) + 1:]
    else:
        new = old.rstrip("\n") + "\n\n" + block
    with open(path, "w") as f:
        f.write(new)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtt", default="1,20,50", help="round-trip times, ms")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", default=None, help="write the results into this Markdown file")
    args = ap.parse_args()
    rtts = [float(x) if "." in x else int(x) for x in args.rtt.split(",")]
    work = tempfile.mkdtemp(prefix="lvsh-latency-")
    tier = os.path.join(work, "tier")
    fixture = os.path.join(work, f"node-{N}.xml")
    sh(sys.executable, os.path.join(HERE, "gen_fixture.py"), str(N), fixture)
    small = os.path.join(work, "node-20.xml")   # a small listing for the cold TAB
    sh(sys.executable, os.path.join(HERE, "gen_fixture.py"), "20", small, "--domains-only")
    uri = f"test+tcp://{SRV_ADDR}:{PORT}{fixture}"
    net = Net()
    try:
        env = dict(os.environ, LVSH_TIER_TCP=f"{SRV_ADDR}:{PORT}", LVSH_TIER_MAX_REQUESTS="5",
                   LVSH_TIER_NETNS=f"/run/netns/{net.srv}")
        sh("ip", "netns", "exec", net.srv, bench.TIER, "start", tier, env=env)
        net.rtt(rtts[0])
        tab_uri = f"test+tcp://{SRV_ADDR}:{PORT}/default"
        holder = Shell(net, bench.LVSH, tab_uri)   # keeps the shared instance alive
        define_default(net, tab_uri, N)
        results, counts, broken = measure(net, uri, tab_uri, f"test+tcp://{SRV_ADDR}:{PORT}"
                                          f"{small}", rtts, args.reps)
        holder.close()
    finally:
        sh(bench.TIER, "stop", tier, check=False)
        net.close()
        subprocess.run(["rm", "-rf", work])
    text = ("## At a distance\n\n"
            f"Produced by `make bench-latency` (bench/latency.py).  Machine: {bench.machine()}."
            "\n\nlvsh and virsh in one network namespace, a private libvirtd (test driver, "
            f"N={N}: 1,000 domains, volumes in one pool, snapshots of one domain, node "
            "devices; 100 pools) on TCP in another, joined by a delay line "
            "(bench/delayline.c) holding each packet RTT/2 each way; the daemon processes "
            "5 calls of a client at once (its default).  One connected interactive shell "
            "each; times are the minimum of up to 3 runs (virsh: one run when it takes over "
            "3 s).  RPCs: calls each client sends for the command.  Floor: the least number "
            "of dependent round trips (RT), and what it costs at that RTT beside each lvsh "
            "time.  `cold TAB in the shell`: the completion engine's first TAB on a "
            "connection (bench/complete_bench.c, 1,000 domains), events registered and "
            "names listed together.\n\n"
            + markdown(results, counts, broken, rtts) + "\n\nTargets (at 20 ms):\n\n"
            + verdicts(results, broken) + "\n\n")
    print(text)
    if args.out:
        write(args.out, text)


if __name__ == "__main__":
    main()
