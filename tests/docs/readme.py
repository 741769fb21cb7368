#!/usr/bin/env python3
"""readme.py README.md: run the examples of the README and compare.

Every ```console block is checked; ```sh blocks (real hosts, make) are not.
In a console block, "$ CMD" runs CMD in bash (stdout and stderr together,
in one scratch directory for the whole file, `lvsh` from PATH) and the lines
up to the next "$ " are its expected output.  A block whose second line is
an interactive prompt ("lvsh HOST# CMD") is a session: its commands are
piped into the first line's lvsh, and the output must be the lines between
the prompts.  Prints the differences and, last, "readme: N examples, all
match" or "readme: N examples, N differ".
"""
import os
import re
import subprocess
import sys
import tempfile

PROMPT = re.compile(r"^lvsh [A-Za-z0-9._\[\]:-]+# ?(.*)$")


def blocks(text):
    """(line number, lines) of every console block."""
    out, cur, start = [], None, 0
    for no, line in enumerate(text.split("\n"), 1):
        if cur is None and line.strip() == "```console":
            cur, start = [], no + 1
        elif cur is not None and line.strip() == "```":
            out.append((start, cur))
            cur = None
        elif cur is not None:
            cur.append(line)
    return out


def cases(start, lines):
    """(line number, shell command, stdin or None, expected lines)."""
    if len(lines) > 1 and lines[0].startswith("$ ") and PROMPT.match(lines[1]):
        cmds = [PROMPT.match(ln).group(1) for ln in lines if PROMPT.match(ln)]
        want = [ln for ln in lines[1:] if not PROMPT.match(ln)]
        return [(start, lines[0][2:], "\n".join(cmds) + "\n", want)]
    out = []
    for i, line in enumerate(lines):
        if line.startswith("$ "):
            out.append((start + i, line[2:], None, []))
        elif out:
            out[-1][3].append(line)
        else:
            raise SystemExit("README.md:%d: output before any '$ ' line" % (start + i))
    return out


def run(cmd, stdin, cwd, env):
    p = subprocess.run(["bash", "-c", "{\n%s\n} 2>&1" % cmd], cwd=cwd, env=env,
                       input=(stdin or "").encode(), stdout=subprocess.PIPE, timeout=60)
    text = p.stdout.decode("utf-8", "replace")
    return text[:-1].split("\n") if text.endswith("\n") else text.split("\n") if text else []


def main(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    env = dict(os.environ, LC_ALL="C.UTF-8")
    for var in ("LIBVIRT_DEFAULT_URI", "LVSH_DEFAULT_URI"):
        env.pop(var, None)
    n = bad = 0
    with tempfile.TemporaryDirectory(prefix="lvsh-readme-") as scratch:
        env["HOME"] = scratch
        env["XDG_STATE_HOME"] = os.path.join(scratch, ".state")
        for start, lines in blocks(text):
            for no, cmd, stdin, want in cases(start, lines):
                n += 1
                got = run(cmd, stdin, scratch, env)
                if got != want:
                    bad += 1
                    print("%s:%d: %s" % (os.path.basename(path), no, cmd))
                    for w, g in zip(want + [None] * len(got), got + [None] * len(want)):
                        if w is None and g is None:
                            break
                        mark = "  " if w == g else "! "
                        print("    %swant: %r\n    %s got: %r" % (mark, w, mark, g))
    print("readme: %d examples, %s" % (n, "%d differ" % bad if bad else "all match"))
    return 1 if bad or not n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
