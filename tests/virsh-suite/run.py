#!/usr/bin/env python3
"""virsh-suite: lvsh in virsh mode against the installed virsh 9.0.

Each case in cases/*.in runs through both programs the way libvirt's
tests/virshtest.c runs virsh: LANG=C, empty standard input, standard output
and error merged, "## Exit code: N" appended when the status is not 0.
lvsh runs through a symlink named virsh (so argv[0] selects virsh mode).
The two outputs are compared on the fly; nothing expected is stored.

A case file starts with header lines, then the script (passed as one
argument, as virshtest.c passes its .in files):
  #! uri: default | custom    test:///default (the default) or our node
                              fixture tests/fixtures/node.xml
  #! args: WORDS              global options before the script (shell words)
  #! argv: WORDS              no script: these words are the command line
  #! noconnect                no --connect (URI precedence cases)
  #! env: NAME=VALUE          extra environment (repeatable; {dir} is the
                              case directory, {xdg} an XDG_CONFIG_HOME whose
                              libvirt.conf sets uri_default to {uri_default})
  #! filter: TEXT             drop each line containing TEXT (virshtest.c;
                              repeatable)
  #! pending: REASON          known to differ until REASON is fixed: counted
                              apart, reported when it starts passing

One more case, option-order, compares the option order of every command
both have (virsh's help against lvsh's table): it decides which option
each positional word fills.

Environment: LVSH_BIN (default ./lvsh), VIRSH (default /usr/bin/virsh),
CASES (names to run), SHOW_PENDING=1 (also diff the pending cases).  Prints "N passed, N failed".
"""
import difflib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def parse_case(path):
    head = {"uri": "default", "args": [], "argv": None, "env": [], "filter": [],
            "pending": None, "noconnect": False}
    body = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("#!"):
        key, _, val = lines[i][2:].strip().partition(":")
        val = val.strip()
        if key == "uri":
            head["uri"] = val
        elif key == "args":
            head["args"] = shlex.split(val)
        elif key == "argv":
            head["argv"] = shlex.split(val)
        elif key == "env":
            head["env"].append(val)
        elif key == "filter":
            head["filter"].append(val.replace("\\n", "\n"))
        elif key == "pending":
            head["pending"] = val
        elif key == "noconnect":
            head["noconnect"] = True
        i += 1
    body = "\n".join(lines[i:])
    return head, body


def filter_lines(text, needle):
    # as virshtest.c's testFilterLine: from each match to the next newline
    while needle:
        start = text.find(needle)
        if start < 0:
            break
        end = text.find("\n", start + 1)
        text = text[:start] if end < 0 else text[:start] + text[end:]
    return text


def run_one(prog, head, body, workdir):
    uris = {"default": "test:///default",
            "custom": "test://" + os.path.join(TOP, "tests", "fixtures", "node.xml")}
    argv = [prog]
    if not head["noconnect"]:
        argv += ["--connect", uris.get(head["uri"], head["uri"])]
    argv += head["args"]
    argv += head["argv"] if head["argv"] is not None else [body]
    env = {k: v for k, v in os.environ.items()
           if k not in ("LIBVIRT_DEFAULT_URI", "VIRSH_DEFAULT_CONNECT_URI", "LVSH_DEFAULT_URI",
                        "LC_ALL", "LANGUAGE")}
    env["LANG"] = "C"
    env["HOME"] = workdir
    env["XDG_CONFIG_HOME"] = os.path.join(workdir, "config")
    env["XDG_CACHE_HOME"] = os.path.join(workdir, "cache")
    for e in head["env"]:
        name, _, val = e.partition("=")
        env[name] = val.replace("{dir}", workdir)
    # an empty pipe on stdin, as virshtest.c gives (not /dev/null)
    p = subprocess.run(argv, input=b"", stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, env=env, cwd=workdir, timeout=300)
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        out = "%s\n## Exit code: %d\n" % (out, p.returncode)
    for needle in head["filter"]:
        out = filter_lines(out, needle)
    return out


def prepare(workdir):
    # an XDG config with uri_default, for the URI precedence cases
    for kind in ("good", "bad"):
        d = os.path.join(workdir, "xdg-" + kind, "libvirt")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "libvirt.conf"), "w") as f:
            f.write('uri_default = "test:///default?%s_uri"\n' % kind)


def help_order(virsh, lvsh):
    """The option order of every command both have: virsh's help (one virsh
    process, the help commands on its standard input) against lvsh's
    table.  The order decides which option a positional word fills."""
    env = dict(os.environ, LANG="C")
    lj = json.loads(subprocess.run([lvsh, "help", "--json"], stdout=subprocess.PIPE,
                                   env=env, check=True).stdout)
    cmds = {c["name"]: [o["name"] for o in c["options"]]
            for g in lj["groups"] for c in g["commands"]}
    names = sorted(cmds)
    script = "".join("echo '@@ %s'\nhelp %s\n" % (n, n) for n in names)
    out = subprocess.run([virsh, "-c", "test:///default"], input=script.encode(),
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                         timeout=300).stdout.decode("utf-8", "replace")
    vopts, cur, section = {}, None, None
    for line in out.split("\n"):
        m = re.search(r"@@ (\S+)$", line)
        if m:
            cur, section = m.group(1), None
            vopts[cur] = []
            continue
        t = line.strip()
        if t in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"):
            section = t
        elif section == "OPTIONS" and cur and t:
            m = re.match(r"\[?--([\w-]+)|<(\w+)>", t)
            if m:
                vopts[cur].append(m.group(1) or m.group(2))
    problems = []
    compared = sum(1 for n in names if vopts.get(n))
    if compared < 200:   # virsh's help was not read: fail, do not pass vacuously
        problems.append("only %d commands' help read from virsh" % compared)
    for n in names:
        if not vopts.get(n):
            continue
        both = [o for o in vopts[n] if o in cmds[n]]
        mine = [o for o in cmds[n] if o in vopts[n]]
        if both != mine:
            problems.append("%s: virsh %s, lvsh %s" % (n, " ".join(both), " ".join(mine)))
    return problems


def show_diff(outs):
    for line in difflib.unified_diff(outs[0].splitlines(), outs[1].splitlines(),
                                     "virsh", "lvsh --virsh", lineterm="", n=2):
        print("    " + line)


def main():
    lvsh = os.path.abspath(os.environ.get("LVSH_BIN") or os.path.join(TOP, "lvsh"))
    virsh = os.environ.get("VIRSH", "/usr/bin/virsh")
    if not os.access(virsh, os.X_OK):
        print("virsh-suite: no %s to compare with: 0 passed, 0 failed" % virsh)
        return 0
    names = sorted(f[:-3] for f in os.listdir(os.path.join(HERE, "cases")) if f.endswith(".in"))
    only = os.environ.get("CASES")
    if only:
        names = [n for n in names if n in only.split()]
    passed = failed = 0
    pending_fail, pending_pass = [], []
    with tempfile.TemporaryDirectory(prefix="lvsh-virsh-suite-") as tmp:
        link = os.path.join(tmp, "bin", "virsh")
        os.makedirs(os.path.dirname(link))
        os.symlink(lvsh, link)
        for name in names:
            head, body = parse_case(os.path.join(HERE, "cases", name + ".in"))
            outs = []
            for who, prog in (("virsh", virsh), ("lvsh", link)):
                wd = os.path.join(tmp, name + "-" + who)
                os.makedirs(wd)
                prepare(wd)
                outs.append(run_one(prog, head, body, wd))
            same = outs[0] == outs[1]
            if head["pending"]:
                (pending_pass if same else pending_fail).append(name)
                print("%s %s (pending: %s)" % ("ok" if same else "differs", name, head["pending"]))
                if not same and os.environ.get("SHOW_PENDING"):
                    show_diff(outs)
                continue
            if same:
                passed += 1
                print("ok %s" % name)
                continue
            failed += 1
            print("FAIL %s" % name)
            show_diff(outs)
    if not only or "option-order" in only.split():
        problems = help_order(virsh, lvsh)
        if problems:
            failed += 1
            print("FAIL option-order")
            for p in problems:
                print("    " + p)
        else:
            passed += 1
            print("ok option-order")
    if pending_fail:
        print("pending, still different: %s" % " ".join(pending_fail))
    if pending_pass:
        print("pending but now identical (drop the marker): %s" % " ".join(pending_pass))
    # pending cases are known differences, counted apart as skipped
    print("virsh-suite: %d passed, %d failed, %d skipped" % (passed, failed,
                                                            len(pending_fail) + len(pending_pass)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
