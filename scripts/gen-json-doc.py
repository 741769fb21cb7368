#!/usr/bin/env python3
"""gen-json-doc.py: write docs/json.md, the JSON reference of lvsh.

Every command that `lvsh help --json` lists gets a section, grouped like
help.  Its shape comes from real runs of the invocations listed in
docs/json-examples.txt against libvirt's test driver; a command the test
driver cannot run is described from its handler's source (cmds/*.c) and
marked as not exampled.  The output is deterministic: values that differ
between two runs, and keys the examples file masks, are shown as
<varies>.  `make docs` runs this; tests/transcripts/docs.t diffs a fresh
run against the committed page.

Usage: gen-json-doc.py [--lvsh PATH] [--examples FILE] > docs/json.md
"""
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
MARK = "@@lvsh-json-doc@@"
MAX_ITEMS = 3        # array elements shown in an example
MAX_STRING = 300     # characters of a string shown in an example


class Example:
    def __init__(self, lineno, fixture, setup, line, error, masks):
        self.lineno, self.fixture, self.setup = lineno, fixture, setup
        self.line, self.error, self.masks = line, error, masks
        self.cmd = shlex.split(line, comments=True)[0] if line else ""
        self.docs, self.stderr, self.problem = [], [], None

    def shell(self):
        """The command line a reader can paste (from the repository root)."""
        words = self.setup + [self.line]
        uri = ("test:///default" if not self.fixture
               else '"test://$PWD/tests/fixtures/%s"' % self.fixture)
        text = "; ".join(words)
        return "lvsh -c %s --json %s" % (uri, shlex.quote(text))


def parse_examples(path):
    """The examples file: one lvsh line per example.  '+ LINE' runs LINE
    first in the same process; '! LINE' is expected to fail; '@FILE' makes
    the following examples use tests/fixtures/FILE ('@default' goes back);
    ' #mask a,b' at the end shows those keys' values as <varies>."""
    out, setup, fixture = [], [], None
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            text = raw.rstrip("\n")
            if not text.strip() or text.startswith("#"):
                continue
            if text.startswith("@"):
                fixture = None if text[1:].strip() == "default" else text[1:].strip()
                continue
            if text.startswith("+ "):
                setup.append(text[2:].strip())
                continue
            error = text.startswith("! ")
            if error:
                text = text[2:]
            masks = []
            m = re.search(r"\s+#mask\s+(\S+)\s*$", text)
            if m:
                masks = m.group(1).split(",")
                text = text[:m.start()]
            out.append(Example(no, fixture, setup, text.strip(), error, masks))
            setup = []
    return out


def lvsh_env():
    """No editor to wait for, one locale, no default URI."""
    env = dict(os.environ, EDITOR="false", VISUAL="false", LC_ALL="C.UTF-8")
    for var in ("LIBVIRT_DEFAULT_URI", "LVSH_DEFAULT_URI"):
        env.pop(var, None)
    return env


def run_lvsh(lvsh, uri, text, cwd):
    p = subprocess.run([lvsh, "-c", uri, "--json", text], cwd=cwd, capture_output=True,
                       stdin=subprocess.DEVNULL, timeout=60, env=lvsh_env())
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def run_example(lvsh, ex):
    """Run setup, a marker and the example in one process; the JSON
    documents after the marker are the example's."""
    with tempfile.TemporaryDirectory(prefix="lvsh-json-") as scratch:
        # tests/fixtures/... as from the repository root; files written stay here
        os.symlink(os.path.join(ROOT, "tests"), os.path.join(scratch, "tests"))
        uri = "test://" + os.path.join(FIXTURES, ex.fixture) if ex.fixture else "test:///default"
        text = "; ".join(ex.setup + ["echo " + MARK, ex.line])
        rc, out, err = run_lvsh(lvsh, uri, text, scratch)
    lines = [ln.replace(ROOT, "$PWD") for ln in out.splitlines()]
    marks = [i for i, ln in enumerate(lines) if MARK in ln]
    if not marks:
        return None, None, "the setup failed: " + err.strip()
    if (rc != 0) != ex.error:
        return None, None, "exit status %d: %s" % (rc, err.strip())
    docs = []
    for ln in lines[marks[0] + 1:]:
        try:
            docs.append(json.loads(ln))
        except ValueError:
            return None, None, "not JSON: " + ln[:80]
    errs = [ln.replace(ROOT, "$PWD") for ln in err.splitlines()]
    return docs, errs, None


VARIES = "@@varies@@"


def mask(a, b, keys):
    """a with the leaves that differ from b, or sit under a masked key, replaced."""
    if isinstance(a, dict) and isinstance(b, dict):
        return {k: (masked_leaf(v) if k in keys
                    else mask(v, b.get(k), keys) if k in b else v) for k, v in a.items()}
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [mask(x, y, keys) for x, y in zip(a, b)]
    if a != b:
        return masked_leaf(a)
    return a


def masked_leaf(v):
    """v with every leaf replaced: a masked key may hold a whole structure."""
    if isinstance(v, dict):
        return {k: masked_leaf(x) for k, x in v.items()}
    if isinstance(v, list):
        return [masked_leaf(x) for x in v]
    return VARIES + type_name(v)


def type_name(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    return "array" if isinstance(v, list) else "object"


def run_all(lvsh, examples):
    """Each example twice (in parallel): what differs is masked."""
    jobs = [(ex, k) for ex in examples for k in range(2)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        res = list(pool.map(lambda j: run_example(lvsh, j[0]), jobs))
    for i, ex in enumerate(examples):
        (d1, e1, p1), (d2, _, p2) = res[2 * i], res[2 * i + 1]
        ex.problem = p1 or p2
        if ex.problem:
            continue
        if len(d1) != len(d2):
            d2 = d1
        ex.docs = [mask(a, b, set(ex.masks)) for a, b in zip(d1, d2)]
        ex.stderr = e1
        if ex.error:
            ex.stderr = [json.dumps(mask(json.loads(ln), json.loads(ln), set(ex.masks)),
                                    ensure_ascii=False, separators=(",", ":"))
                         if ln.startswith("{") else ln for ln in e1]


# ---- shapes ---------------------------------------------------------------

def leaf_type(v):
    if isinstance(v, str) and v.startswith(VARIES):
        return v[len(VARIES):]
    return type_name(v)


def walk(v, path, acc, seen):
    """Collect path -> set of types for every key in v, and how many
    objects each path (or, for a key, its parent) was seen in."""
    acc.setdefault(path, set()).add(leaf_type(v))
    seen[path] = seen.get(path, 0) + 1
    if isinstance(v, dict):
        for k, x in v.items():
            walk(x, (path + "." if path else "") + k, acc, seen)
    elif isinstance(v, list):
        for x in v:
            walk(x, path + "[]", acc, seen)


def parent(path):
    return path.rpartition(".")[0] if "." in path else ("[]" if path.startswith("[]") else "")


def shape_of(docs):
    """One line for the top level and a key list, from example documents."""
    acc, seen = {}, {}
    for d in docs:
        walk(d, "", acc, seen)
    # a key absent from some of the objects it could be in is optional
    optional = {k for k in acc if k and not k.endswith("[]")
                and seen[k] < seen.get(parent(k), 0)}
    tops = acc.pop("", set())
    items = acc.get("[]", set())
    if tops == {"array"} and items <= {"object"}:
        top = "an array of objects, one per row" if items else "an array (empty in the example)"
        acc.pop("[]", None)
        acc = {k[3:]: t for k, t in acc.items() if k.startswith("[].")} or acc
        optional = {k[3:] for k in optional if k.startswith("[].")}
    elif tops == {"array"}:
        top = "an array of %s" % " or ".join(sorted(items)) if items else "an array"
        acc.pop("[]", None)
    else:
        top = "an object" if tops == {"object"} else " or ".join(sorted(tops))
    for path in [k for k in acc if k.endswith("[]")]:
        up = path[:-2]
        if acc.get(up) == {"array"}:
            acc[up] = {"array of %ss" % t for t in acc.pop(path)}
    keys = [(k, " or ".join(order_types(t)) + (" (not always present)" if k in optional else ""))
            for k, t in acc.items()]
    return top, keys


def order_types(types):
    if len(types) > 1:
        types = types - {"null"} | ({"null"} if "null" in types else set())
    order = ["string", "number", "boolean", "object", "array", "array of objects",
             "array of strings", "array of numbers", "null"]
    return sorted(types, key=lambda t: order.index(t) if t in order else 99)


# ---- the handler's source, for commands without an example ---------------

def load_sources():
    srcs = {}
    for name in sorted(os.listdir(os.path.join(ROOT, "cmds"))):
        if name.endswith(".c"):
            with open(os.path.join(ROOT, "cmds", name), encoding="utf-8") as f:
                srcs[name] = f.read()
    return srcs


def find_handler(srcs, cmd):
    pat = re.compile(r'\.name\s*=\s*"%s",(?:(?!\n\};).)*?\.handler\s*=\s*(\w+)'
                     % re.escape(cmd), re.S)
    for name, text in srcs.items():
        m = pat.search(text)
        if m:
            return name, m.group(1)
    return None, None


def functions(srcs):
    """name -> (file, body) of every function in cmds/*.c."""
    out = {}
    for name, text in srcs.items():
        for m in re.finditer(r"^[a-z][^\n;=]*?\b(\w+)\([^;{]*\)\s*\n\{\n(.*?)^\}", text,
                             re.S | re.M):
            out.setdefault(m.group(1), []).append((name, m.group(2)))
    return out


def handler_code(funcs, fname, fn, depth=3):
    """The handler and the functions of cmds/ it calls (its own file first)."""
    seen, todo, code = set(), [fn], []
    for _ in range(depth):
        nxt = []
        for f in todo:
            if f in seen or f not in funcs:
                continue
            seen.add(f)
            defs = funcs[f]
            body = next((b for n, b in defs if n == fname), defs[0][1])
            code.append(body)
            nxt += re.findall(r"\b(\w+)\(", body)
            nxt += re.findall(r",\s*(\w+)\)", body)   # a function handed on (dtree_run)
        todo = nxt
    return "\n".join(code)


def source_shape(srcs, cmd):
    fname, fn = find_handler(srcs, cmd)
    if not fn:
        return None, None
    code = handler_code(functions(srcs), fname, fn)
    cols = []
    for block in re.findall(r'struct out_col \w+\[\] = \{(.*?)\};', code, re.S):
        cols += re.findall(r'\{\s*"[^"]*"\s*,\s*"([^"]+)"', block)
    cols += re.findall(r'out_table_col\(\s*\w+\s*,\s*[^,]+,\s*"([^"]+)"', code)
    fields = re.findall(r'out_field\w*\(\s*\w+\s*,\s*[^,]+,\s*"([^"]+)"', code)
    sets = re.findall(r'out_json_set\(\s*\w+\s*,\s*"([^"]+)"', code)
    objs = re.findall(r'json_object_set(?:_new)?\(\s*\w+\s*,\s*"([^"]+)"', code)
    packs = []
    for fmt, rest in re.findall(r'json_pack\(\s*"([^"]*)"\s*,([^;]*)', code):
        lits = re.findall(r'"([A-Za-z_][\w-]*)"', rest)
        packs += lits[::2] if fmt.count("s:") * 2 == len(lits) else \
            [x for x in lits if "_" in x or x.islower()][:fmt.count("s:")]
    keys = uniq(sets + packs + objs)
    parts = []
    if keys and re.search(r"\bout_json(_set)?\(", code):
        what = "an array of objects, one per row," if cols else "an object"
        parts.append("%s with the keys %s" % (what, keylist(keys)))
    elif cols:
        parts.append("an array of objects, one per row, with the keys %s" % keylist(cols))
    elif fields:
        parts.append("an object with the keys %s" % keylist(fields))
    if parts and re.search(r'json_object_set(_new)?\(\s*\w+\s*,\s*[^",\s]', code):
        parts[-1] += ", plus keys named after libvirt's typed parameters"
    if "out_xml(" in code or "target_xml(" in code:
        parts.append('`{"xml": "..."}` (or the XPath form with `--xpath`)')
    acts = re.search(r"\b(act_done|act_report|act_from_file|edit_redefine)\(", code)
    if acts and parts and parts[0].startswith("an object with the keys "):
        # the keys found are the ones set beside the identity
        parts[0] = ("the object's identity (`name`, `uuid`, ...) with `action` and " +
                    parts[0][len("an object with "):])
    elif acts and not parts:
        parts.append("the object's identity (`name`, `uuid`, ...) with `action`")
    if "out_info(" in code and not parts:
        parts.append('`{"message": "..."}` (the informational message)')
    if re.search(r"\bout_text\(", code) and not parts:
        parts.append('`{"text": "..."}`')
    return "cmds/" + fname, parts


def keylist(keys):
    return ", ".join("`%s`" % k for k in uniq(keys))


def uniq(xs):
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


# ---- rendering -------------------------------------------------------------

def shorten(v):
    if isinstance(v, dict):
        return {k: shorten(x) for k, x in v.items()}
    if isinstance(v, list):
        return [shorten(x) for x in v[:MAX_ITEMS]]
    if isinstance(v, str) and len(v) > MAX_STRING and not v.startswith(VARIES):
        return v[:MAX_STRING] + "…"
    return v


def pretty(doc):
    text = json.dumps(shorten(doc), indent=2, ensure_ascii=False)
    text = re.sub(r'"%s(\w+)"' % re.escape(VARIES), r"<\1, varies>", text)
    return text


def console_run(out, shown, p):
    """A console block: the commands shown, then what the finished process p
    printed (stderr lines marked) and its exit status."""
    out.append("```console")
    out += ["$ " + c for c in shown]
    out += p.stdout.decode().splitlines()
    out += [ln + "    # on stderr" for ln in p.stderr.decode().splitlines()]
    out.append("$ echo $?")
    out.append(str(p.returncode))
    out.append("```")
    out.append("")


def render_example(ex, out):
    out.append("```console")
    out.append("$ " + ex.shell())
    out.append("```")
    for d in ex.docs:
        out.append("```json")
        out.append(pretty(d))
        out.append("```")
        if isinstance(d, list) and len(d) > MAX_ITEMS:
            out.append("(%d more elements not shown)" % (len(d) - MAX_ITEMS))
    if not ex.docs and not ex.stderr:
        out.append("(no JSON output: the command succeeded silently)")
    if ex.stderr:
        out.append("On stderr:")
        out.append("```json")
        out += ex.stderr
        out.append("```")
    out.append("")


def render_command(c, examples, srcs, out):
    name = c["name"]
    out.append("### %s" % name)
    out.append("")
    aliases = ", ".join(c.get("aliases") or [])
    out.append("%s.%s" % (c["summary"][0].upper() + c["summary"][1:],
                          " Aliases: %s." % aliases if aliases else ""))
    out.append("")
    good = [e for e in examples if not e.error and not e.problem]
    bad = [e for e in examples if e.error and not e.problem]
    groups = {}
    for e in good:
        for d in e.docs:
            # documents of one kind: same type and, for objects, same first key
            kind = (type_name(d), next(iter(d), None) if isinstance(d, dict) else None)
            groups.setdefault(kind, []).append((e, d))
    for kind, pairs in groups.items():
        top, keys = shape_of([d for _, d in pairs])
        if len(groups) == 1:
            out.append("Output: %s." % top)
        else:
            lines = uniq(["`%s`" % e.line for e, _ in pairs])
            out.append("Output of %s: %s." % (", ".join(lines), top))
        if keys:
            out.append("")
            out += ["- `%s`: %s" % (k, t) for k, t in keys]
        out.append("")
    if not groups and good:
        out.append("Output: nothing on success (exit status 0); errors as described above.")
        out.append("")
    elif not groups:
        fname, parts = source_shape(srcs, name)
        out.append("*Not exampled*: no example runs it successfully on the test driver (which lacks "
                   "the API, or the command needs an editor or a terminal).")
        if parts:
            out.append("From its handler (%s), the output is %s." % (fname, "; or ".join(parts)))
        elif fname:
            out.append("From its handler (%s), it prints nothing on success." % fname)
        out.append("")
    for ex in good + bad:
        render_example(ex, out)


INTRO = """\
# lvsh JSON output

<!-- Generated by scripts/gen-json-doc.py (make docs) from `lvsh help --json`,
     docs/json-examples.txt and real runs against libvirt's test driver: do not edit. -->

Every lvsh command takes `--json` (or the global `--json`, `-o json`, or `set output json`
for a session). This page gives the JSON shape of every command and of errors, with
examples from real runs against `test:///default`, or against the test driver loaded with
`tests/fixtures/node.xml` where `test:///default` lacks the objects. The examples are
regenerated and compared by the test suite (`tests/transcripts/docs.t`), so they match
what this version of lvsh prints.

## General rules

- **One document per command, one per line.** In one-shot mode (`lvsh --json 'cmd1; cmd2'`),
  in batch mode (`-f FILE`, or a pipe on stdin) and interactively, each command that has
  something to say prints exactly one JSON document followed by a newline, so the output
  of a script is JSON Lines. On a terminal the document is indented; into a pipe or file it
  is one compact line. The examples below are indented for reading.
- **Tables become arrays of objects**: one object per row, with a fixed key per column
  (`list`, `net-list`, `vol-list`, ...). An empty listing is `[]`.
- **Records become objects**: the "Label: value" lines of `dominfo`, `pool-info`, ...
  become one object with a key per label.
- **XML becomes `{"xml": "..."}`**: the document as one string. With `--xpath EXPR` it is
  `{"xpath": EXPR, "results": [...]}`, one string per node or value selected, plus
  `"wrapped"` (the `<nodes>` element) with `--wrap`.
- **Actions name the object and the action**: every command that changes something
  (`start`, `net-destroy`, `pool-build`, `vol-delete`, `setmem`, `secret-define`, ...) prints
  one object with the object's identity (`name` and `uuid`; `name` and `key` for volumes;
  `name` and `mac` for interfaces; `name` for node devices; `uuid`, `usage_type` and
  `usage_id` for secrets; `domain` and `name` for snapshots), `"action"`, what was done,
  and the values it set (`"memory"` in bytes, `"autostart": true`, `"changed"` for the
  tuning commands, ...). The action is a past participle, the same word in every family:
  `defined`, `created`, `started`, `destroyed`, `undefined`, `deleted`, `built`,
  `refreshed`, `suspended`, `resumed`, `reset`, `detached`, `re-attached`,
  `autostart enabled`, `autostart disabled`, `edited`, `cloned`, `wiped`, `resized`,
  `value set`, or a phrase ending in one (`"memory set"`, `"job aborted"`). Edits that
  change nothing say `"action": "unchanged"`. Commands whose examples print only `{"message": "..."}`:
  %(message_only)s; commands whose examples print nothing: %(silent)s.
- **Numbers are numbers, sizes are bytes**: `"capacity": 107374182400`, never
  `"100.00 GiB"`; times say their unit in the key (`cpu_time_ns`, `state_time_ms`).
  Booleans are `true`/`false`; a value libvirt does not report is `null`.
- **Strings are UTF-8**: names with spaces or any script come through as they are; bytes
  that are not valid UTF-8 are escaped, so every document parses.
- **Errors go to stderr** as one document, and the exit status is 1 (the command failed)
  or 2 (it was used wrongly). Nothing is printed on stdout for the failed command.

Values that differ between runs (clocks, CPU times, the host's name) are shown as
`<number, varies>` or `<string, varies>`; arrays longer than %(max)d elements and strings
longer than %(maxs)d characters are shortened in the examples.

## Errors

```json
{"error": {"status": 1, "code": 42, "message": "...", "detail": "...", "file": "...", "line": 2}}
```

- `status`: the exit status the error causes: 1 a command failed, 2 a command was used
  wrongly (unknown command or option, missing argument, bad value).
- `code`: libvirt's error code (`virErrorNumber`, e.g. 42 `VIR_ERR_NO_DOMAIN`), or 0 for
  lvsh's own errors.
- `message`: what lvsh was doing (`failed to get domain 'nosuch'`).
- `detail`: libvirt's own message, when libvirt gave one (absent otherwise).
- `file`, `line`: where the command came from, in batch mode with `-f FILE` only.

"""


def render_errors(lvsh, out):
    """The error forms, from real runs."""
    cases = [
        ("A libvirt error (exit status 1):", ["domstate nosuch"], None),
        ("A usage error (exit status 2):", ["domstate test --bogus"], None),
        ("In batch mode, with the place of the failing command (exit status 1):",
         None, "domstate test\ndomstate nosuch\n"),
    ]
    with tempfile.TemporaryDirectory(prefix="lvsh-json-") as scratch:
        for title, words, script in cases:
            if script:
                with open(os.path.join(scratch, "script.lvsh"), "w") as f:
                    f.write(script)
                argv = ["-c", "test:///default", "--json", "-f", "script.lvsh"]
                shown = "printf '%s' > script.lvsh\n$ lvsh -c test:///default --json -f script.lvsh" \
                    % script.replace("\n", "\\n")
            else:
                argv = ["-c", "test:///default", "--json"] + words
                shown = "lvsh -c test:///default --json " + " ".join(words)
            p = subprocess.run([lvsh] + argv, cwd=scratch, capture_output=True,
                               stdin=subprocess.DEVNULL, timeout=60, env=lvsh_env())
            out.append(title)
            out.append("")
            console_run(out, [shown], p)


FLEET_INTRO = """## Several hosts

With several hosts (`-c` repeated or naming a list, an `@group` or a range; `use`, `on`),
each command prints one document per host, each on its own line, in the order of the
target list:

```json
{"host": "kvm01", "uri": "qemu+ssh://root@kvm01.lab/system", "result": [{"id": 1, "name": "web1", "state": "running"}]}
{"host": "kvm03", "uri": "qemu+ssh://root@kvm03.lab/system", "error": {"reason": "unreachable", "message": "failed to connect to the hypervisor", "detail": "..."}}
```

- `host`: the host as the target list or the inventory names it (a `uri_aliases` name
  too); `uri`: what was opened (for a `uri_aliases` name, the URI libvirt opened for it,
  once connected).
- `result`: exactly the document the command prints for one host (`null` when it prints
  none).
- `error.reason`: `unreachable` (the connection failed), `timeout` (the connect or call
  deadline passed) or `failed` (the command failed there); `message` and `detail` as in
  a one-host error.
- Lines streamed by a command that runs until stopped (`event --loop`) are
  `{"host": ..., "uri": ..., "result": RECORD}` too; a host's warnings go to stderr as
  `{"host": ..., "uri": ..., "warning": "..."}`.
- When some host failed, stderr ends with `{"summary": "1 of 3 hosts unreachable: dead"}`
  (one line per kind: unreachable, timed out, failed). The exit status is 0 when every host
  answered well, 1 when the command failed on some host, 4 when some host was unreachable
  or timed out, 5 both.
- A command naming one object (`dominfo web1`) runs on the one host that has it: one line,
  that host's. When some other host did not answer, the summary above names it on stderr
  and the exit status is 4 (5 when the command failed too).
- `--dry-run` prints `{"host": ..., "uri": ...}` for each host the command would run on
  (one line with a single host too; nothing runs).
- `use`, `hosts` and `where` are ordinary commands: one document (a table) for all hosts,
  each row naming its `host` (`use` and `hosts` its `uri` too); a host that did not answer
  is also a warning on stderr, `{"warning": "dead: unreachable: ..."}`, and the exit
  status 4.
"""


def render_fleet(lvsh, out):
    """The per-host lines, from a real run on two test hosts and a dead one."""
    out.append(FLEET_INTRO)
    with tempfile.TemporaryDirectory(prefix="lvsh-json-") as scratch:
        inv = "kvm[01-02] test:///default\ndead qemu+unix:///system?socket=/nonexistent\n"
        with open(os.path.join(scratch, "hosts"), "w") as f:
            f.write(inv)
        env = dict(lvsh_env(), LVSH_HOSTS="hosts")
        p = subprocess.run([lvsh, "-c", "kvm[01-02],dead", "--json", "list"], cwd=scratch,
                           capture_output=True, stdin=subprocess.DEVNULL, timeout=60, env=env)
        out.append("With an inventory of two test hosts and a dead socket (exit status 4):")
        out.append("")
        console_run(out, ["printf '%s' > hosts" % inv.replace("\n", "\\n"),
                          "LVSH_HOSTS=hosts lvsh -c 'kvm[01-02],dead' --json list"], p)


def is_message_only(docs):
    return bool(docs) and all(isinstance(d, dict) and list(d) == ["message"] for d in docs)


def command_list(examples, names, test):
    """The commands whose successful examples' documents all pass test."""
    by_cmd = {}
    for ex in examples:
        if not ex.error and not ex.problem:
            by_cmd.setdefault(names[ex.cmd], []).append(ex.docs)
    cmds = sorted(c for c, runs in by_cmd.items() if all(test(docs) for docs in runs))
    return ", ".join("`%s`" % c for c in cmds) if cmds else "none"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lvsh", default=os.path.join(ROOT, "lvsh"))
    ap.add_argument("--examples", default=os.path.join(ROOT, "docs", "json-examples.txt"))
    opts = ap.parse_args()
    lvsh = os.path.abspath(opts.lvsh) if os.sep in opts.lvsh else opts.lvsh

    table = json.loads(subprocess.run([lvsh, "help", "--json"], check=True, env=lvsh_env(),
                                      capture_output=True).stdout)
    names = {}
    for g in table["groups"]:
        for c in g["commands"]:
            names[c["name"]] = c["name"]
            for a in c.get("aliases") or []:
                names[a] = c["name"]
    examples = [ex for ex in parse_examples(opts.examples) if ex.cmd in names]
    run_all(lvsh, examples)
    for ex in examples:
        if ex.problem:
            print("gen-json-doc: %s:%d: %s: %s (left out)" % (
                os.path.relpath(opts.examples), ex.lineno, ex.line, ex.problem), file=sys.stderr)

    out = [INTRO % {"max": MAX_ITEMS, "maxs": MAX_STRING,
                    "message_only": command_list(examples, names, is_message_only),
                    "silent": command_list(examples, names, lambda docs: not docs)}]
    render_errors(lvsh, out)
    render_fleet(lvsh, out)
    srcs = load_sources()
    for g in table["groups"]:
        if not g["commands"]:
            continue
        out.append("## %s (`help %s`)" % (g["title"], g["keyword"]))
        out.append("")
        for c in g["commands"]:
            render_command(c, [e for e in examples if names[e.cmd] == c["name"]], srcs, out)
    sys.stdout.write("\n".join(out).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
