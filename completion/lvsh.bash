# bash completion for lvsh.  The candidates come from `lvsh complete`, which
# reads every command's option table and lists live objects; this script
# only finds the words and the global options (-c/--connect, -r) on the line.
# Install as share/bash-completion/completions/lvsh, or source it.

# Split the line up to the cursor into unquoted words, as bash would;
# the last word (maybe empty) is the one being completed.
_lvsh_split()
{
    local s=$1 c q= w= inw=0 i
    _lvsh_words=()
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        if [[ $q == "'" ]]; then
            if [[ $c == "'" ]]; then q=; else w+=$c; fi
        elif [[ $q == '"' ]]; then
            if [[ $c == '"' ]]; then
                q=
            elif [[ $c == \\ && $((i + 1)) -lt ${#s} && ${s:i+1:1} == [\"\\\$\`] ]]; then
                ((i++))
                w+=${s:i:1}
            else
                w+=$c
            fi
        else
            case $c in
            ' ' | $'\t' | $'\n')
                if ((inw)); then _lvsh_words+=("$w"); w= inw=0; fi ;;
            ';' | '&' | '|' | '(' | ')')
                _lvsh_words=() w= inw=0 ;;
            "'" | '"')
                q=$c inw=1 ;;
            \\)
                ((i++))
                w+=${s:i:1} inw=1 ;;
            *)
                w+=$c inw=1 ;;
            esac
        fi
    done
    _lvsh_words+=("$w")
}

# Undo quoting of one word (bash's own current word, for the prefix check).
_lvsh_unquote()
{
    _lvsh_split "$1"
    REPLY=${_lvsh_words[${#_lvsh_words[@]} - 1]}
}

_lvsh()
{
    local prog i n cur cands=() gl=() run=()
    _lvsh_split "${COMP_LINE:0:COMP_POINT}"
    local -a words=("${_lvsh_words[@]}")
    n=${#words[@]}
    # a plain $VAR or ${VAR} word (often the URI) stands for its value
    for ((i = 0; i < n - 1; i++)); do
        if [[ ${words[i]} =~ ^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$ ]]; then
            words[i]=${!BASH_REMATCH[1]-}
        fi
    done
    cur=${words[n - 1]}
    prog=${words[0]}
    [[ $prog == */* && -x $prog ]] || prog=lvsh

    # global options before the command; -c and -r matter for the candidates
    i=1
    while ((i < n - 1)); do
        case ${words[i]} in
        -c | --connect) gl+=(-c "${words[i + 1]}"); ((i += 2)); continue ;;
        --connect=*) gl+=(-c "${words[i]#--connect=}") ;;
        -r | --readonly) gl+=(-r) ;;
        -o | --output | -f | --file | -k | --keepalive-interval | -K | \
            --keepalive-count | -e | --escape)
            ((i += 2)); continue ;;
        --) ((i++)); break ;;
        -*) ;;
        *) break ;;
        esac
        ((i++))
    done

    type -P timeout >/dev/null && run=(timeout -k 1 5)
    local raw=0   # URIs and --opt=value words: no filename quoting (':' '=')
    if ((i > n - 1)); then
        # the word is the value of a global option
        case ${words[n - 2]} in
        -c | --connect)
            raw=1
            mapfile -t cands < <("${run[@]}" "$prog" complete --kind targets "$cur" 2>/dev/null) ;;
        -o | --output)
            mapfile -t cands < <(compgen -W 'table json csv vertical' -- "$cur") ;;
        -f | --file)
            mapfile -t cands < <(compgen -f -- "$cur") ;;
        esac
    elif ((i == n - 1)) && [[ $cur == --*=* ]]; then
        # --opt=value of a global option: whole words, trimmed below
        raw=1
        local v=${cur#*=}
        case ${cur%%=*} in
        --connect)
            mapfile -t cands < <("${run[@]}" "$prog" complete --kind targets "$v" 2>/dev/null) ;;
        --output) mapfile -t cands < <(compgen -W 'table json csv vertical' -- "$v") ;;
        --on-error) mapfile -t cands < <(compgen -W 'stop continue' -- "$v") ;;
        --file) mapfile -t cands < <(compgen -f -- "$v") ;;
        esac
        cands=("${cands[@]/#/${cur%%=*}=}")
    elif ((i == n - 1)) && [[ $cur == -* ]]; then
        mapfile -t cands < <(compgen -W '-c --connect -r --readonly -q --quiet -t --timing
            -n --no-rc --json -o --output --no-header -f --file --on-error= -k
            --keepalive-interval -K --keepalive-count -e --escape -v --version -V -h
            --help' -- "$cur")
        [[ ${#cands[@]} == 1 && ${cands[0]} == *= ]] && compopt -o nospace 2>/dev/null
    else
        mapfile -t cands < <("${run[@]}" "$prog" "${gl[@]}" complete -- "${words[@]:i}" \
            2>/dev/null)
        # `connect URI` and `-c` inside a line: URIs are not file names either,
        # nor are target lists (`use @web,kvm07`: bash would quote the '@')
        local c
        for c in "${cands[@]}"; do
            [[ $c == *://* || $c == @* || $c == *,@* ]] && { raw=1; break; }
        done
    fi

    # bash splits words at ':' and '=' too: drop what it does not replace
    _lvsh_unquote "${COMP_WORDS[COMP_CWORD]}"
    local keep=$REPLY
    [[ $keep == = ]] && keep=   # the cursor right after '='
    if [[ $cur != "$keep" && $cur == *"$keep" ]]; then
        local lead=${cur:0:${#cur}-${#keep}} c
        COMPREPLY=()
        for c in "${cands[@]}"; do
            [[ $c == "$lead"* ]] && COMPREPLY+=("${c:${#lead}}")
        done
    else
        COMPREPLY=("${cands[@]}")
    fi
    if ((raw)); then
        return 0
    fi
    # let bash quote the names (spaces, quotes) and keep directories open;
    # bash adds the '/' of a directory itself
    local k
    for k in "${!COMPREPLY[@]}"; do
        [[ ${COMPREPLY[k]} == ?*/ && -d ${COMPREPLY[k]%/} ]] && COMPREPLY[k]=${COMPREPLY[k]%/}
    done
    [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == */ ]] && compopt -o nospace 2>/dev/null
    compopt -o filenames 2>/dev/null
    return 0
}

complete -F _lvsh lvsh
