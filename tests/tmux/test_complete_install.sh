#!/usr/bin/env bash
# The completion scripts as `make install` stages them (DESTDIR), found the
# way each shell finds them: bash-completion's loader through XDG_DATA_DIRS,
# zsh's $fpath, fish's $fish_complete_path.  The directories must be ones
# the shells search on Debian, for PREFIX=/usr and for the /usr/local default.
T_NAME=complete-install
. "$(dirname "$0")/lib.sh"
BIN=$(lvsh_bin_dir)
D=$T_SCRATCH/stage
SH_ENV=(env -i HOME="$HOME" TERM=xterm LC_ALL=C.UTF-8 PATH="$BIN:/usr/bin:/bin")

# only the scripts: the binary under test is $LVSH (maybe a sanitizer build)
make -s -C "$TOP" --no-print-directory install-completion DESTDIR="$D/usr" PREFIX=/usr
make -s -C "$TOP" --no-print-directory install-completion DESTDIR="$D/local"

in_list() {  # in_list DIR LIST...: DIR is one of LIST
    local d=$1; shift
    printf '%s\n' "$@" | grep -qxF "$d" && return 0
    echo "    '$d' is not in: $*"
    return 1
}
zpath=$("${SH_ENV[@]}" zsh -fc 'print -l $fpath')
fpath_=$("${SH_ENV[@]}" fish -c 'printf "%s\n" $fish_complete_path')
check "PREFIX=/usr: zsh searches the zsh directory" in_list /usr/share/zsh/vendor-completions $zpath
check "PREFIX=/usr: the zsh function is there" test -f "$D/usr/usr/share/zsh/vendor-completions/_lvsh"
check "default prefix: zsh searches the zsh directory" in_list /usr/local/share/zsh/site-functions $zpath
check "default prefix: the zsh function is there" test -f "$D/local/usr/local/share/zsh/site-functions/_lvsh"
check "PREFIX=/usr: fish searches the fish directory" in_list /usr/share/fish/vendor_completions.d $fpath_
check "PREFIX=/usr: the fish script is there" test -f "$D/usr/usr/share/fish/vendor_completions.d/lvsh.fish"
check "default prefix: fish searches the fish directory" in_list /etc/fish/completions $fpath_
check "default prefix: the fish script is there" test -f "$D/local/etc/fish/completions/lvsh.fish"

# bash-completion's own loader finds the script through XDG_DATA_DIRS
for pre in usr local; do
    dirs=$D/$pre/usr/share
    [ $pre = local ] && dirs=$D/local/usr/local/share:$D/local/usr/share  # its default, staged
    got=$("${SH_ENV[@]}" XDG_DATA_DIRS="$dirs" bash --norc --noprofile -c \
        '. /usr/share/bash-completion/bash_completion; __load_completion lvsh; complete -p lvsh')
    check "$pre: bash-completion loads the script" [ "$got" = "complete -F _lvsh lvsh" ]
done

no_double_slash() { ! tmux_screen | grep -v '://' | grep -q '[^ ]//'; }

# the same cases in each shell: PROMPT, then the checks
cases() {
    local p=$1 sh=$2
    tmux_keys C-l
    tmux_type 'lvsh --on-error='; tmux_keys Tab Tab
    check "$sh: --on-error= lists its values" tmux_wait '(^| |=)stop( |$)'
    tmux_keys C-u C-l
    tmux_type 'lvsh --on-error=c'; tmux_keys Tab
    check "$sh: --on-error=c completes" tmux_line_is "$p" 'lvsh --on-error=continue '
    tmux_keys C-u C-l
    tmux_type 'lvsh --connect=te'; tmux_keys Tab
    check "$sh: --connect=te completes the URI" tmux_line_is "$p" 'lvsh --connect=test:///default '
    tmux_keys C-u C-l
    tmux_type 'lvsh -c te'; tmux_keys Tab
    check "$sh: -c te inserts the URI unescaped" tmux_line_is "$p" 'lvsh -c test:///default '
    tmux_keys C-u C-l
    tmux_type 'lvsh -c '; tmux_keys Tab Tab
    check "$sh: -c lists whole URIs" tmux_wait '(^| )qemu:///session .*(^| )test:///default'
    tmux_keys C-u C-l
    tmux_type 'lvsh -c test:///default shutdown test --mode '; tmux_keys Tab Tab
    check "$sh: --mode lists the shutdown modes" tmux_wait 'acpi +agent +initctl'
    tmux_keys C-u C-l
    tmux_type 'lvsh set output '; tmux_keys Tab Tab
    check "$sh: set output lists the formats" tmux_wait 'csv +json +table +vertical'
    tmux_keys C-u C-l
    tmux_type 'lvsh send-key test --keycode 1 --k'; tmux_keys Tab
    check "$sh: a list option is offered again" tmux_line_is "$p" 'lvsh send-key test --keycode 1 --keycode '
    tmux_keys C-u C-l
    tmux_type 'lvsh cd /usr/'; tmux_keys Tab Tab
    check "$sh: directories are listed" tmux_wait '(^| |/)lib/ .*(^| |/)share/'
    check "$sh: no directory shows as name//" no_double_slash
    tmux_keys C-u C-l
}

tmux_start "${SH_ENV[@]}" XDG_DATA_DIRS="$D/usr/usr/share" "PS1='bash\$ '" \
    bash --norc --noprofile -i
check "bash prompt" tmux_wait '^bash\$ ?$'
tmux_type ". /usr/share/bash-completion/bash_completion"
tmux_keys Enter
cases 'bash$ ' bash

tmux_start "${SH_ENV[@]}" zsh -f
tmux_type "PS1='zsh%% '; fpath=('$D/usr/usr/share/zsh/vendor-completions' \$fpath); autoload -Uz compinit; compinit -u -D"
tmux_keys Enter
check "zsh prompt" tmux_wait '^zsh% ?$'
cases 'zsh% ' zsh

tmux_start "${SH_ENV[@]}" fish
sleep 0.5
tmux_type "function fish_prompt; echo 'fish> '; end; set -p fish_complete_path '$D/local/etc/fish/completions'"
tmux_keys Enter
check "fish prompt" tmux_wait '^fish> ?$'
cases 'fish> ' fish
tmux_type 'lvsh domst'; tmux_keys Tab
check "fish: commands with their descriptions" tmux_wait "domstate +\(print a domain's state\)"
tmux_keys C-u C-l
tmux_type 'lvsh --no'; tmux_keys Tab
check "fish: global options with descriptions" tmux_wait "--no-header +\(CSV without its header line\)"
tmux_keys C-u

tmux_done
