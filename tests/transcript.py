#!/usr/bin/env python3
"""Transcript tests: commands in, expected stdout, stderr and exit status out.

A .t file holds cases.  A case starts with a line "$ COMMAND" (further
"> " lines continue the command, joined by newlines) and ends with a line
"? STATUS".  Between them, lines starting with "! " (or a lone "!") are
expected stderr and all other lines expected stdout, in order.  A line
ending in " (re)" is a Python regular expression for the whole line.
Lines outside cases are comments.  Commands run in bash, in a scratch
directory per file, with `lvsh` on PATH meaning the binary under test and
$FIXTURES the fixture directory.  When a command asks for JSON (--json,
-o json) and is not a pipeline, every line of its stdout and stderr must
parse as JSON.

Usage: transcript.py FILE.t...   Prints one line per case and, last,
"transcripts: N passed, N failed".
"""
import json
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# generous: a slow or loaded machine must not fail a case; a hung one still ends
TIMEOUT = int(os.environ.get("LVSH_TEST_TIMEOUT", "300"))


class Case:
    def __init__(self, path, line, cmd):
        self.path, self.line, self.cmd = path, line, cmd
        self.out, self.err, self.status = [], [], 0


def parse(path):
    cases, cur = [], None
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for no, text in enumerate(lines, 1):
        if cur is None:
            if text.startswith("$ "):
                cur = Case(path, no, text[2:])
            continue
        if text.startswith("> ") and not cur.out and not cur.err:
            cur.cmd += "\n" + text[2:]
        elif re.fullmatch(r"\? -?\d+", text):
            cur.status = int(text[2:])
            cases.append(cur)
            cur = None
        elif text == "!" or text.startswith("! "):
            cur.err.append(text[2:])
        else:
            cur.out.append(text)
    if cur is not None:
        raise SystemExit(f"{path}:{cur.line}: case has no '? STATUS' line")
    return cases


def line_matches(want, got):
    if want.endswith(" (re)"):
        try:
            return re.fullmatch(want[:-5], got) is not None
        except re.error:
            return False
    return want == got


def lines_match(want, got):
    return len(want) == len(got) and all(line_matches(w, g) for w, g in zip(want, got))


def wants_json(cmd):
    """lvsh was asked for JSON and its output is what the case sees (no pipe)."""
    if re.search(r"\|(?!\|)", cmd.replace("||", "")):
        return False
    return re.search(r"(--json\b|-o\s*json\b|--output[= ]json\b)", cmd) is not None


def check_json(text):
    for ln in text.splitlines():
        if ln.strip():
            try:
                json.loads(ln)
            except ValueError as e:
                return f"not JSON: {ln[:200]!r} ({e})"
    return None


def split_lines(data):
    text = data.decode("utf-8", errors="surrogateescape")
    out = text.split("\n")
    if out and out[-1] == "":
        out.pop()
    return out, text


def run_case(case, env, cwd):
    try:
        p = subprocess.run(["bash", "-c", case.cmd], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"timed out after {TIMEOUT}s"
    out, out_text = split_lines(p.stdout)
    err, err_text = split_lines(p.stderr)
    problems = []
    if p.returncode != case.status:
        problems.append(f"exit status {p.returncode}, expected {case.status}")
    if not lines_match(case.out, out):
        problems.append("stdout differs:\n" + diff(case.out, out))
    if not lines_match(case.err, err):
        problems.append("stderr differs:\n" + diff(case.err, err))
    if wants_json(case.cmd):
        for name, text in (("stdout", out_text), ("stderr", err_text)):
            bad = check_json(text)
            if bad:
                problems.append(f"{name} {bad}")
    return "\n".join(problems) or None


def diff(want, got):
    rows = []
    for i in range(max(len(want), len(got))):
        w = want[i] if i < len(want) else "<none>"
        g = got[i] if i < len(got) else "<none>"
        mark = "  " if i < len(want) and i < len(got) and line_matches(w, g) else "! "
        rows.append(f"    {mark}want: {w!r}\n    {mark} got: {g!r}")
    return "\n".join(rows[:60])


def test_env(scratch):
    env = dict(os.environ)
    lvsh = os.environ.get("LVSH_BIN") or os.path.join(os.path.dirname(HERE), "lvsh")
    bindir = os.path.join(scratch, ".bin")
    os.makedirs(bindir, exist_ok=True)
    wrapper = os.environ.get("LVSH_WRAPPER", "")
    with open(os.path.join(bindir, "lvsh"), "w") as f:
        f.write(f'#!/bin/sh\nexec {wrapper} "{lvsh}" "$@"\n')
    os.chmod(os.path.join(bindir, "lvsh"), 0o755)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env["FIXTURES"] = os.path.join(HERE, "fixtures")
    env["TESTS"] = HERE
    env["HOME"] = scratch
    # nothing a person or an earlier run left may steer a case: a fresh home,
    # fresh XDG directories, none of the user's URIs, pagers or settings
    for var, sub in (("XDG_STATE_HOME", ".state"), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_RUNTIME_DIR", ".run")):
        env[var] = os.path.join(scratch, sub)
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    env.setdefault("LC_ALL", "C.UTF-8")
    for var in ("LIBVIRT_DEFAULT_URI", "VIRSH_DEFAULT_CONNECT_URI", "VISUAL", "EDITOR",
                "PAGER", "LESS", "VIRSH_LOG_FILE", "VIRSH_DEBUG", "LIBVIRT_DEBUG"):
        env.pop(var, None)
    keep = ("LVSH_BIN", "LVSH_WRAPPER", "LVSH_SANITIZER", "LVSH_HERMETIC", "LVSH_TEST_TIMEOUT",
            "LVSH_TIER_", "LVSH_EVENT_WINDOW", "LVSH_WAIT_SCALE")
    for var in [v for v in env if v.startswith("LVSH_") and not v.startswith(keep)]:
        env.pop(var)
    return env


def run_file(path):
    """Run one .t file's cases in order in a scratch home of its own; return
    (passed, failed, report)."""
    passed = failed = 0
    report = []
    start = time.monotonic()
    scratch = tempfile.mkdtemp(prefix="lvsh-t-")
    try:
        env = test_env(scratch)
        for case in parse(path):
            problem = run_case(case, env, scratch)
            label = f"{os.path.relpath(path)}:{case.line}: {case.cmd.splitlines()[0][:90]}"
            if problem:
                failed += 1
                report.append(f"FAIL {label}\n{problem}")
            else:
                passed += 1
                if os.environ.get("VERBOSE"):
                    report.append(f"ok   {label}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    # where the tier's time goes (a comment line: tiers sum "N passed" lines)
    report.append(f"# {os.path.relpath(path)}: {time.monotonic() - start:.1f} s")
    return passed, failed, report


def main(paths):
    # Files are independent (each its own home), so LVSH_TEST_JOBS of them
    # may run at once; a file's cases always run in order.
    jobs = max(1, int(os.environ.get("LVSH_TEST_JOBS", "1")))
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for p, f, report in pool.map(run_file, paths):
            passed += p
            failed += f
            for line in report:
                print(line, flush=True)
    print(f"transcripts: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
