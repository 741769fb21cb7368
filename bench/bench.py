#!/usr/bin/env python3
"""bench.py: lvsh against virsh 9.0, same run, same connection type.

Starts the private libvirtd of the test tier (tests/daemon/tier.sh) and
serves generated test-driver fixtures over it (test+unix:///FIXTURE?socket=).
Reports ratios (virsh time / lvsh time: above 1 means lvsh is faster),
with absolute milliseconds for context.  Not a timed test: `make bench`.

  bench.py [--quick] [--out bench/RESULTS.md]
"""
import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
LVSH = os.environ.get("LVSH_BIN", os.path.join(TOP, "lvsh"))
VIRSH = shutil.which("virsh") or "/usr/bin/virsh"
TIER = os.path.join(TOP, "tests", "daemon", "tier.sh")


def run(argv, stdin_data=None):
    """Run argv, output discarded; return (seconds, peak RSS in KiB, status)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    p = subprocess.run(argv, input=stdin_data, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, env=bench_env())
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if p.returncode != 0:
        sys.stderr.write(f"warning: {' '.join(argv)[:120]} exited {p.returncode}: "
                         f"{p.stderr.decode(errors='replace')[:300]}\n")
    return took, max(after, before), p.returncode


def bench_env():
    env = dict(os.environ)
    env.pop("LIBVIRT_DEFAULT_URI", None)
    env["LC_ALL"] = "C.UTF-8"
    return env


def best_of(argv, reps, stdin_data=None):
    return min(run(argv, stdin_data)[0] for _ in range(reps))


def per_listing(tool, uri, cmd, k, reps):
    """Cost of one listing after connecting: (time of `uri` + k listings - time
    of `uri` alone) / k, each the best of reps runs."""
    t1 = best_of([tool, "-q", "-c", uri, "uri"], reps)
    tk = best_of([tool, "-q", "-c", uri, "; ".join(["uri"] + [cmd] * k)], reps)
    return max(tk - t1, 1e-6) / k


def peak_rss(argv):
    """Peak RSS (KiB) of one run, measured in a fresh child process."""
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code] + argv, capture_output=True, text=True,
                         env=bench_env())
    return int(out.stdout.strip() or 0)


class Table:
    def __init__(self):
        self.rows = []

    def add(self, what, lvsh_s, virsh_s, note=""):
        ratio = virsh_s / lvsh_s if lvsh_s > 0 else float("inf")
        self.rows.append((what, lvsh_s * 1000, virsh_s * 1000, ratio, note))
        print(f"  {what:<48} lvsh {lvsh_s * 1000:9.2f} ms  virsh {virsh_s * 1000:9.2f} ms"
              f"  x{ratio:7.2f}  {note}", flush=True)

    def markdown(self):
        lines = ["| measurement | lvsh (ms) | virsh (ms) | virsh/lvsh | note |",
                 "|---|---:|---:|---:|---|"]
        for what, l, v, r, note in self.rows:
            lines.append(f"| {what} | {l:.2f} | {v:.2f} | {r:.2f} | {note} |")
        return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="N up to 1,000 and fewer repetitions")
    ap.add_argument("--out", default=None, help="write the Markdown table here")
    args = ap.parse_args()
    sizes = [100, 1000] if args.quick else [100, 1000, 10000]
    reps = 2 if args.quick else 3
    table = Table()
    work = tempfile.mkdtemp(prefix="lvsh-bench-")
    tier = os.path.join(work, "tier")
    subprocess.run([TIER, "start", tier], check=True)
    sock = os.path.join(tier, "sock", "libvirt-sock")
    try:
        fixtures = {}
        for n in sizes:
            path = os.path.join(work, f"node-{n}.xml")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_fixture.py"), str(n), path],
                           check=True)
            fixtures[n] = f"test+unix://{path}?socket={sock}"

        print("Domain listings over test+unix (per listing, after connecting):")
        for n in sizes:
            uri = fixtures[n]
            k = 5 if n >= 10000 else 20
            for opts in ("--all", "--all --name", "--all --uuid", "--all --table",
                         "--all --title"):
                l = per_listing(LVSH, uri, f"list {opts}", k, reps)
                v = per_listing(VIRSH, uri, f"list {opts}", k, reps)
                table.add(f"list {opts}, N={n}", l, v)
            l = per_listing(LVSH, uri, "list --all", k, reps)
            v = per_listing(VIRSH, uri, "list --all --name", k, reps)
            table.add(f"lvsh list --all vs virsh list --all --name, N={n}", l, v,
                      "target: ratio >= 0.67 (within 1.5x of one bulk RPC)")

        n = 1000 if 1000 in fixtures else sizes[-1]
        print(f"Other listings, N={n}:")
        for cmd in ("net-list --all", "pool-list --all", "vol-list pool-0000",
                    "pool-list --all --details", "vol-list pool-0000 --details"):
            probe = subprocess.run([LVSH, "-c", fixtures[n], "help", cmd.split()[0]],
                                   capture_output=True)
            if probe.returncode != 0:
                print(f"  {cmd}: not in this lvsh build, skipped")
                continue
            l = per_listing(LVSH, fixtures[n], cmd, 10, reps)
            v = per_listing(VIRSH, fixtures[n], cmd, 10, reps)
            table.add(f"{cmd}, N={n}", l, v)

        print("A 10,000-command batch (domstate, dominfo):")
        names = [f"vm-{i:05d}" for i in range(1000)]
        script = "".join(f"domstate {nm}\ndominfo {nm}\n" for nm in names * 5).encode()
        uri = fixtures[n]
        l = min(run([LVSH, "-q", "-c", uri, "-f", "-"], script)[0] for _ in range(reps))
        v = min(run([VIRSH, "-q", "-c", uri], script)[0] for _ in range(reps))
        table.add("batch: 10,000 commands on stdin", l, v)

        print("Start-up, one-shot `list` on test:///default (30 runs):")
        lt = [run([LVSH, "-c", "test:///default", "list"])[0] for _ in range(30)]
        vt = [run([VIRSH, "-c", "test:///default", "list"])[0] for _ in range(30)]
        table.add("start-up, minimum", min(lt), min(vt))
        table.add("start-up, median", statistics.median(lt), statistics.median(vt))

        big = sizes[-1]
        lr = peak_rss([LVSH, "-c", fixtures[big], "list", "--all"])
        vr = peak_rss([VIRSH, "-c", fixtures[big], "list", "--all"])
        print(f"Peak RSS of list --all, N={big}: lvsh {lr} KiB, virsh {vr} KiB")
        table.rows.append((f"peak RSS (KiB) of list --all, N={big}", lr, vr,
                           vr / lr if lr else 0, "KiB, not ms"))
    finally:
        subprocess.run([TIER, "stop", tier])
        shutil.rmtree(work, ignore_errors=True)

    if args.out:
        with open(args.out, "w") as f:
            f.write("# Benchmark results\n\n")
            f.write(f"Machine: {platform.node()}, {os.cpu_count()} cores, "
                    f"{platform.platform()}; virsh {subprocess.run([VIRSH, '-v'], capture_output=True, text=True).stdout.strip()}; "
                    f"date {time.strftime('%Y-%m-%d')}.\n\n")
            f.write("Produced by `make bench` (bench/bench.py). Times are the best of "
                    f"{reps} runs; listing rows are the cost of one listing after connecting "
                    "over `test+unix://FIXTURE?socket=...` (the test driver behind a private "
                    "libvirtd). The ratio is virsh's time over lvsh's: above 1, lvsh is faster.\n\n")
            f.write(table.markdown() + "\n")


if __name__ == "__main__":
    main()
