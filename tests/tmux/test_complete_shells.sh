#!/usr/bin/env bash
# completion/_lvsh (zsh) and completion/lvsh.fish, each in a real
# interactive shell through tmux; make check installs both shells, and a
# missing one counts as a failure.
T_NAME=complete-zsh-fish
. "$(dirname "$0")/lib.sh"
BIN=$(lvsh_bin_dir)
URI="test://$TOP/tests/fixtures/complete.xml"

printf 'kvm[01-02] test:///default\n@web: kvm[01-02]\n' > "$T_SCRATCH/hosts"
if command -v zsh >/dev/null; then
    tmux_start env -i HOME="$HOME" TERM=xterm LC_ALL=C.UTF-8 PATH="$BIN:/usr/bin:/bin" \
        LVSH_HOSTS="$T_SCRATCH/hosts" zsh -f
    tmux_type "PS1='zsh%% '; fpath=('$TOP/completion' \$fpath); autoload -Uz compinit; compinit -u -D; U='$URI'"
    tmux_keys Enter
    check "zsh prompt" tmux_wait '^zsh% ?$'
    tmux_keys C-l
    tmux_type 'lvsh -c $U domstate "beta db'; tmux_keys Tab
    check "zsh: an open double quote is closed" tmux_line_is 'zsh% ' 'lvsh -c $U domstate "beta db" '
    tmux_keys C-u
    tmux_type 'lvsh -c $U resume '; tmux_keys Tab
    check "zsh: positional value, quoted" tmux_line_is 'zsh% ' 'lvsh -c $U resume beta\ db '
    tmux_keys Enter
    check "zsh: the line runs" tmux_wait "^Domain 'beta db' resumed"
    check "zsh: prompt again" tmux_wait '^zsh% ?$'
    tmux_type 'lvsh -c $U domstate it'; tmux_keys Tab
    check "zsh: a single quote in a name" tmux_line_is 'zsh% ' "lvsh -c \$U domstate it\\'s\\ here "
    tmux_keys C-u
    tmux_type 'lvsh -r -c $U sta'; tmux_keys Tab
    check "zsh: -r honoured (no start)" tmux_line_is 'zsh% ' 'lvsh -r -c $U sta'
    tmux_keys C-u
    tmux_type 'lvsh -c kvm01,@w'; tmux_keys Tab
    check "zsh: -c completes an inventory group after a comma" \
        tmux_wait '^zsh% lvsh -c kvm01,@web ?$'
    tmux_keys C-u
    tmux_type 'lvsh -c $U cd /us'; tmux_keys Tab
    check "zsh: directories stay open" tmux_line_is 'zsh% ' 'lvsh -c $U cd /usr/'
    tmux_keys C-u
else
    check "zsh is installed (make check installs it)" false
fi

if command -v fish >/dev/null; then
    # the function on a given line, without a terminal (-c: the inventory's)
    got=$(env -i HOME="$HOME" PATH="$BIN:/usr/bin:/bin" LVSH_HOSTS="$T_SCRATCH/hosts" fish --no-config -c "
        source '$TOP/completion/lvsh.fish'
        set U '$URI'
        complete -C 'lvsh -c \$U start '
        complete -C 'lvsh -r -c \$U sta'
        complete -C 'lvsh -c qemu:///s'
        complete -C 'lvsh -c kvm01,@'")
    check "fish: complete -C" [ "$got" = "#hashed
cafë-two
it's here
say \"hi\"
snapdom
qemu:///session
qemu:///system
kvm01,@all
kvm01,@web" ]
    tmux_start env -i HOME="$HOME" TERM=xterm LC_ALL=C.UTF-8 PATH="$BIN:/usr/bin:/bin" \
        fish --no-config
    sleep 0.5
    tmux_type "function fish_prompt; echo 'fish> '; end; source '$TOP/completion/lvsh.fish'; set U '$URI'"
    tmux_keys Enter
    check "fish prompt" tmux_wait '^fish> ?$'
    tmux_type 'lvsh -c $U domstate "beta db'; tmux_keys Tab
    check "fish: an open double quote is closed" tmux_line_is 'fish> ' 'lvsh -c $U domstate "beta db" '
    tmux_keys C-u
    tmux_type 'lvsh -c $U domstate it'; tmux_keys Tab
    check "fish: a single quote in a name" tmux_line_is 'fish> ' "lvsh -c \$U domstate it\\'s\\ here "
    tmux_keys Enter
    check "fish: the line runs" tmux_wait '^shut off$'
else
    check "fish is installed (make check installs it)" false
fi

tmux_done
