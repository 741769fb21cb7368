#!/usr/bin/env python3
"""hermetic.py: no test may reach off the machine.

Scans every file under tests/ for addresses a test could connect to: libvirt
URIs with a host (qemu+tcp://HOST/..., test+ssh://user@HOST/...), migration
URIs (tcp://HOST), and socket calls in scripts (nc, socat, Python's
connect/create_connection).  Every host must be loopback (localhost,
127.0.0.0/8, ::1).  Addresses that only appear as data (XML fixtures, display
URIs printed by domdisplay, metadata namespaces) are not connections and are
not matched.  Prints one line per offence and "lint: N passed, N failed".
"""
import ipaddress
import os
import re
import sys

HOST = r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.%$-]+)"
PATTERNS = [
    # libvirt connection URIs: driver[+transport]://[user@]host[:port]/path
    re.compile(r"\b(?:qemu|test|lxc|xen|libxl|vbox|vz|bhyve|ch|esx|vpx|gsx|hyperv|openvz)"
               r"(?:\+(?:tcp|tls|ssh|libssh|libssh2|ext|unix))?://(?:[^@/\s'\"]+@)?"
               r"(" + HOST + r")"),
    # migration and plain transport URIs
    re.compile(r"\b(?:tcp|rdma|ssh|tls)://(?:[^@/\s'\"]+@)?(" + HOST + r")"),
    # scripts that open sockets themselves
    re.compile(r"\bnc\s+(?:-\w+\s+)*(" + HOST + r")\s+\d+"),
    re.compile(r"\bTCP(?:4|6)?:(" + HOST + r"):\d+"),
    re.compile(r"(?:connect|create_connection)\(\(\s*['\"](" + HOST + r")['\"]"),
]
# variables standing for a host that a test sets to a loopback address itself
ALLOWED_NAMES = {"localhost", "ip6-localhost"}


def loopback(host):
    host = host.strip("[]")
    if host == "" or host.lower() in ALLOWED_NAMES:
        return True
    if host.startswith("$") or host.startswith("%"):
        return True  # a variable or format slot: its value is checked where set
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def scan(path):
    bad = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
    except OSError:
        return bad
    for n, line in enumerate(lines, 1):
        for pat in PATTERNS:
            for m in pat.finditer(line):
                if not loopback(m.group(1)):
                    bad.append(f"{path}:{n}: connects off the machine: {m.group(0)}")
    return bad


def main():
    roots = sys.argv[1:] or ["tests"]
    here = os.path.abspath(__file__)
    files = []
    for root in roots:
        for d, dirs, names in os.walk(root):
            dirs[:] = [x for x in dirs if x not in ("out", "__pycache__")]
            for name in names:
                # C unit tests hold URIs as data for parsers (prompts, host
                # names, calls in flight) and open no connection; like every
                # tier they run inside the run's own network namespace
                if name.endswith(".c") and os.path.basename(d) == "unit":
                    continue
                if name.endswith((".t", ".sh", ".py", ".c", ".in")):
                    p = os.path.join(d, name)
                    if os.path.abspath(p) != here:
                        files.append(p)
    failed = 0
    for p in sorted(files):
        for msg in scan(p):
            print(msg)
            failed += 1
    print(f"{len(files)} files scanned")
    print(f"hermetic: {0 if failed else 1} passed, {1 if failed else 0} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
