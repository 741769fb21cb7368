#!/usr/bin/env python3
"""Derive the fuzz corpus from the transcripts and fixtures.

seeds.py OUTDIR      write OUTDIR/lines (command lines of the transcripts),
                     OUTDIR/xml (an XPath line, then a fixture's XML) and
                     OUTDIR/render (a selector byte, then output lines of
                     the transcripts cut by 0x1f), one seed per file
seeds.py --kind NAME the subdirectory harness NAME reads
"""
import glob
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KINDS = {"fuzz_dispatch": "lines", "test_fuzz_lines": "lines", "fuzz_xml": "xml",
         "fuzz_render": "render"}
GLOBAL_WITH_ARG = {"-c", "--connect", "-o", "--output", "-f", "--file", "-k", "-K",
                   "-e", "--keepalive-interval", "--keepalive-count", "--escape"}
MAX_SEEDS = 400


def transcript_cases():
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "transcripts", "*.t"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ "):
                out = []
                for nxt in lines[i + 1:]:
                    if nxt.startswith("? ") or nxt.startswith("$ "):
                        break
                    out.append(nxt)
                yield line[2:], out


def command_line(shell):
    """The lvsh command line of a transcript's shell line, or None."""
    start = shell.find("lvsh ")
    if start < 0:
        return None
    try:
        words = shlex.split(shell[start + 5:].split("|")[0].split(";")[0])
    except ValueError:
        return None
    i = 0
    while i < len(words) and words[i].startswith("-"):
        i += 2 if words[i] in GLOBAL_WITH_ARG else 1
    rest = words[i:]
    if not rest or any("$" in w for w in rest):
        return None
    return rest[0] if len(rest) == 1 else shlex.join(rest)


def write(outdir, kind, seeds):
    d = os.path.join(outdir, kind)
    os.makedirs(d, exist_ok=True)
    for old in os.listdir(d):
        os.unlink(os.path.join(d, old))
    for n, s in enumerate(seeds[:MAX_SEEDS]):
        with open(os.path.join(d, "%04d" % n), "wb") as f:
            f.write(s)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--kind":
        print(KINDS.get(sys.argv[2], "lines"))
        return
    outdir = sys.argv[1]
    lines, xpaths, outputs = [], ["string(/domain/name)", "//disk/target/@dev"], []
    for shell, out in transcript_cases():
        cmd = command_line(shell)
        if cmd and cmd.encode() not in lines:
            lines.append(cmd.encode())
            try:
                words = shlex.split(cmd)
            except ValueError:
                words = []
            for k, w in enumerate(words[:-1]):
                if w == "--xpath" and words[k + 1] not in xpaths:
                    xpaths.append(words[k + 1])
        body = [o for o in out if not o.startswith("! ")]
        if body:
            outputs.append(bytes([len(outputs) % 256]) + "\x1f".join(body[:24]).encode())
    xml = []
    fixtures = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.xml")))
    for n, path in enumerate(fixtures):
        with open(path, "rb") as f:
            doc = f.read()
        if len(doc) <= 16384:
            xml.append(xpaths[n % len(xpaths)].encode() + b"\n" + doc)
    xml += [x.encode() + b"\n" for x in xpaths]   # on the harness's own domain
    write(outdir, "lines", lines)
    write(outdir, "xml", xml)
    write(outdir, "render", outputs)


if __name__ == "__main__":
    main()
