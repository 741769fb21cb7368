The generated documentation and `make install`.

docs/json.md is what scripts/gen-json-doc.py generates from the command table
and the examples of docs/json-examples.txt run now (make docs): no example may
fail (the generator names any it leaves out, on stderr), and the page must be
byte-identical to the committed one.
$ python3 "$TESTS/../scripts/gen-json-doc.py" --lvsh "${LVSH_BIN:-$(command -v lvsh)}" > json.md && diff -u "$TESTS/../docs/json.md" json.md && echo same
same
? 0
Every listed command has a section of its own in the JSON reference.
$ for c in $(lvsh help --json | python3 -c 'import json,sys; [print(c["name"]) for g in json.load(sys.stdin)["groups"] for c in g["commands"]]'); do grep -qx "### $c" "$TESTS/../docs/json.md" || echo "missing $c"; done; echo checked
checked
? 0
Every example in the reference parses as JSON once its masked values are filled in.
$ python3 - "$TESTS/../docs/json.md" <<'X'
> import json, re, sys
> text = open(sys.argv[1], encoding="utf-8").read()
> blocks = re.findall(r"```json\n(.*?)```", text, re.S)
> bad = 0
> for b in blocks:
>     b = re.sub(r"<(\w+), varies>", "0", b)
>     for doc in ([b] if b.startswith(("{\n", "[\n", "[]")) else b.splitlines()):
>         try:
>             json.loads(doc.replace("…", ""))
>         except ValueError as e:
>             bad += 1
>             print("bad:", doc[:80], e)
> print(len(blocks) > 100, bad)
> X
True 0
? 0

`make install` puts the binary, the manual page and the completion of bash,
zsh and fish in their standard directories under DESTDIR and PREFIX.
$ env -u MAKEFLAGS -u MAKELEVEL make -s -C "$TESTS/.." install DESTDIR="$PWD/root" PREFIX=/usr > /dev/null && cd root && find . -type f | sort
./usr/bin/lvsh
./usr/share/bash-completion/completions/lvsh
./usr/share/fish/vendor_completions.d/lvsh.fish
./usr/share/man/man1/lvsh.1
./usr/share/zsh/vendor-completions/_lvsh
? 0
The installed binary runs; the installed page is the committed one.
$ root/usr/bin/lvsh -c test:///default domstate test && cmp root/usr/share/man/man1/lvsh.1 "$TESTS/../docs/lvsh.1" && test -x root/usr/bin/lvsh && echo same
running

same
? 0
man renders the installed page without a warning.
$ man --warnings -l root/usr/share/man/man1/lvsh.1 2> warnings | grep -E '^(NAME|SYNOPSIS|DESCRIPTION|OPTIONS|EXIT STATUS|EXAMPLES)$|^       lvsh - '; cat warnings
NAME
       lvsh - an interactive shell for libvirt
SYNOPSIS
DESCRIPTION
OPTIONS
EXIT STATUS
EXAMPLES
? 0
Each shell finds the completion where it was installed and completes with it.
$ r=$PWD/root; bash -c "source $r/usr/share/bash-completion/completions/lvsh && complete -p lvsh"
complete -F _lvsh lvsh
? 0
$ r=$PWD/root; PATH=$r/usr/bin:$PATH bash -c "source $r/usr/share/bash-completion/completions/lvsh; COMP_LINE='lvsh -c test:///default dominf'; COMP_POINT=\${#COMP_LINE}; COMP_WORDS=(lvsh -c test:///default dominf); COMP_CWORD=3; _lvsh lvsh dominf lvsh; echo \${COMPREPLY[@]}"
dominfo
? 0
$ r=$PWD/root; zsh -fc "fpath=($r/usr/share/zsh/vendor-completions \$fpath); autoload -Uz compinit; compinit -u -D; print \$_comps[lvsh]"
_lvsh
? 0
$ r=$PWD/root; PATH=$r/usr/bin:$PATH fish -c "set -p fish_complete_path $r/usr/share/fish/vendor_completions.d; complete -C'lvsh -c test:///default dominf'"
dominfo	show basic information about a domain
? 0
`make uninstall` removes exactly those files, and nothing else under DESTDIR.
$ touch root/usr/bin/other root/usr/share/man/man1/other.1 && env -u MAKEFLAGS -u MAKELEVEL make -s -C "$TESTS/.." uninstall DESTDIR="$PWD/root" PREFIX=/usr > /dev/null && find root -type f | sort
root/usr/bin/other
root/usr/share/man/man1/other.1
? 0
PREFIX alone (no DESTDIR) is honoured too.
$ env -u MAKEFLAGS -u MAKELEVEL make -s -C "$TESTS/.." install PREFIX="$PWD/prefix" > /dev/null && (cd prefix && find . -type f | sort) && env -u MAKEFLAGS -u MAKELEVEL make -s -C "$TESTS/.." uninstall PREFIX="$PWD/prefix" > /dev/null && find prefix -type f | wc -l
./bin/lvsh
./share/bash-completion/completions/lvsh
./share/fish/vendor_completions.d/lvsh.fish
./share/man/man1/lvsh.1
./share/zsh/site-functions/_lvsh
0
? 0

The README's examples (its ```console blocks) still print what it shows.
$ python3 "$TESTS/docs/readme.py" "$TESTS/../README.md"
readme: [1-9][0-9]* examples, all match (re)
? 0
The README links to documents that exist (docs/sysvirt-coverage.md comes with the host commands).
$ cd "$TESTS/.." && grep -o '](docs/[^)]*)' README.md | tr -d '()]' | sort -u | while read -r f; do test -e "$f" || case $f in docs/sysvirt-coverage.md) ;; *) echo "missing $f";; esac; done; echo checked
checked
? 0
