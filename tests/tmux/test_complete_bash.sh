#!/usr/bin/env bash
# completion/lvsh.bash for real: its function on COMP_WORDS/COMP_CWORD as
# bash fills them, and an interactive `bash --norc -i` driven through tmux.
T_NAME=complete-bash
. "$(dirname "$0")/lib.sh"
BIN=$(lvsh_bin_dir)
SCRIPT=$TOP/completion/lvsh.bash
URI="test://$TOP/tests/fixtures/complete.xml"

# compreply LINE WORD...: run _lvsh as bash would for LINE (split into
# WORDs at bash's COMP_WORDBREAKS) and print COMPREPLY as [a][b]...
compreply() {
    local line=$1; shift
    PATH=$BIN:$PATH bash --norc --noprofile -c '
        . "$0"
        COMP_LINE=$1; COMP_POINT=${#1}; shift
        COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _lvsh
        printf "[%s]" "${COMPREPLY[@]}"' "$SCRIPT" "$line" "$@"
}
same() {  # same GOT WANT
    [ "$1" = "$2" ] && return 0
    echo "    got:  $1"
    echo "    want: $2"
    return 1
}
U=${URI#test:}
check "complete -p shows the function" same \
    "$(PATH=$BIN:$PATH bash --norc -c ". '$SCRIPT'; complete -p lvsh")" "complete -F _lvsh lvsh"
check "command names" same "$(compreply "lvsh -c $URI dominf" lvsh -c test : "$U" dominf)" "[dominfo]"
check "positional values by state" same \
    "$(compreply "lvsh -c $URI resume " lvsh -c test : "$U" resume '')" "[beta db]"
check "names with quotes are passed raw for bash to quote" same \
    "$(compreply "lvsh -c $URI start s" lvsh -c test : "$U" start s)" '[say "hi"][snapdom]'
check "an open quote in the word" same \
    "$(compreply "lvsh -c $URI domstate \"beta" lvsh -c test : "$U" domstate '"beta')" \
    "[beta db][beta dc]"
check "an escaped blank in the word" same \
    "$(compreply "lvsh -c $URI domstate beta\\ dc" lvsh -c test : "$U" domstate 'beta\ dc')" \
    "[beta dc]"
check "--opt=value: bash replaces only after '='" same \
    "$(compreply "lvsh -c $URI domstate --domain=w" lvsh -c test : "$U" domstate --domain = w)" \
    "[web1]"
check "-c URI values: bash replaces only after ':'" same \
    "$(compreply "lvsh -c qemu:///s" lvsh -c qemu : ///s)" "[///session][///system]"
printf 'kvm[01-02] test:///default\n@web: kvm[01-02]\n' > "$T_SCRATCH/hosts"
check "-c completes inventory groups, raw (no quoted '@')" same \
    "$(LVSH_HOSTS=$T_SCRATCH/hosts compreply "lvsh -c @" lvsh -c @)" "[@all][@web]"
check "-c completes the item after the last comma" same \
    "$(LVSH_HOSTS=$T_SCRATCH/hosts compreply "lvsh -c edge,kvm" lvsh -c edge,kvm)" \
    "[edge,kvm01][edge,kvm02][edge,kvm[01-02]]"
check "use in a line completes its targets" same \
    "$(LVSH_HOSTS=$T_SCRATCH/hosts compreply "lvsh use @w" lvsh use @w)" "[@web]"
check "-r is honoured: no commands that write" same \
    "$(compreply "lvsh -r -c $URI sta" lvsh -r -c test : "$U" sta)" "[]"
check "without -r they are offered" same \
    "$(compreply "lvsh -c $URI sta" lvsh -c test : "$U" sta)" "[start]"
check "--connect=URI is honoured" same \
    "$(compreply "lvsh --connect=$URI resume " lvsh --connect = "$URI" resume '')" "[beta db]"
check "global options" same "$(compreply "lvsh --conn" lvsh --conn)" "[--connect]"
check "after ; in the lvsh line a new command" same \
    "$(compreply "lvsh -c $URI list ';' resu" lvsh -c test : "$U" list "';'" resu)" "[resume]"
check "-o values" same "$(compreply "lvsh -o j" lvsh -o j)" "[json]"

# the real thing: readline in an interactive bash
tmux_start env -i HOME="$HOME" TERM=xterm LC_ALL=C.UTF-8 PATH="$BIN:/usr/bin:/bin" \
    "PS1='bash\$ '" bash --norc --noprofile -i
check "bash prompt" tmux_wait '^bash\$ ?$'
tmux_type ". '$SCRIPT'; U='$URI'"
tmux_keys Enter
ready() {  # the last line on the screen is an empty prompt
    local i
    for ((i = 0; i < 100; i++)); do
        [ "$(tmux_screen | grep -v '^$' | tail -n 1)" = 'bash$' ] && return 0
        sleep 0.05
    done
    return 1
}
line_is() { tmux_line_is 'bash$ ' "$1"; }  # the bash line ends with TEXT before the cursor
tmux_type 'lvsh -c $U domstate "beta db'; tmux_keys Tab
check "bash closes an open double quote" line_is 'lvsh -c $U domstate "beta db" '
tmux_keys C-u
tmux_type 'lvsh -c $U domstate it'; tmux_keys Tab
check "bash quotes a single quote" line_is "lvsh -c \$U domstate it\\'s\\ here "
tmux_keys Enter
check "and the line runs" tmux_wait '^shut off$'
check "the prompt is back" ready
tmux_type 'lvsh -c $U domstate be'; tmux_keys Tab
check "the common part" line_is 'lvsh -c $U domstate beta\ d'
tmux_keys Tab Tab
check "double TAB lists" tmux_wait '^beta db +beta dc'
tmux_keys C-u
tmux_type 'lvsh -c $U domstate caf'; tmux_keys Tab Tab
check "UTF-8 names listed" tmux_wait '^café-one +cafë-two'
tmux_type 'ë'; tmux_keys Tab
check "UTF-8 unique" line_is 'lvsh -c $U domstate cafë-two '
tmux_keys C-u
tmux_type 'lvsh -c $U start '; tmux_keys Tab Tab
check "start lists shut-off domains" tmux_wait "^#hashed +cafë-two +it's here +say \"hi\" +snapdom"
tmux_keys C-u
tmux_type 'lvsh -c $U cd /us'; tmux_keys Tab
check "directories" line_is 'lvsh -c $U cd /usr/'
tmux_keys C-u

tmux_done
