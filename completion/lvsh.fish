# fish completion for lvsh.  The candidates come from `lvsh complete`, which
# reads every command's option table and lists live objects; this function
# only finds the global options (-c/--connect, -r) on the line.
# Install as share/fish/vendor_completions.d/lvsh.fish.

function __lvsh_complete
    set -l words (commandline -opc)
    # a plain $VAR word (often the URI) stands for its value
    for j in (seq (count $words))
        if string match -qr -- '^\$[A-Za-z_][A-Za-z0-9_]*$' $words[$j]
            set -l name (string sub -s 2 -- $words[$j])
            set words[$j] $$name
        end
    end
    set -l cur (commandline -ct)
    # the word under the cursor, unquoted (an open quote is allowed)
    set cur (string replace -r -- '^([\'"])(.*)$' '$2' $cur)
    set cur (string replace -a -- '\\ ' ' ' $cur)
    set -l prog $words[1]
    string match -q -- '*/*' $prog; or set prog lvsh
    set -l run
    command -q timeout; and set run timeout -k 1 5
    set -l gl
    set -l i 2
    set -l n (count $words)
    # global options before the command; -c and -r matter for the candidates
    while test $i -le $n
        switch $words[$i]
            case -c --connect
                if test $i -eq $n
                    $run $prog complete --kind targets -- $cur 2>/dev/null
                    return
                end
                set gl $gl -c $words[(math $i + 1)]
                set i (math $i + 2)
                continue
            case '--connect=*'
                set gl $gl -c (string replace -- --connect= '' $words[$i])
            case -r --readonly
                set gl $gl -r
            case -o --output
                if test $i -eq $n
                    printf '%s\n' table json csv vertical
                    return
                end
                set i (math $i + 2)
                continue
            case -f --file -k --keepalive-interval -K --keepalive-count -e --escape
                test $i -eq $n; and return
                set i (math $i + 2)
                continue
            case --
                set i (math $i + 1)
                break
            case '-*'
            case '*'
                break
        end
        set i (math $i + 1)
    end
    if test $i -gt $n; and string match -q -- '--connect=*' $cur
        $run $prog complete --kind targets -- (string replace -- --connect= '' $cur) 2>/dev/null \
            | string replace -r -- '^' --connect=
        return
    end
    if test $i -gt $n; and string match -q -- '-*' $cur
        printf '%s\t%s\n' \
            -c 'hypervisor connection URI' --connect 'hypervisor connection URI' \
            -r 'connect read-only' --readonly 'connect read-only' \
            -q 'no headers and no messages' --quiet 'no headers and no messages' \
            -t 'print the time each command took' --timing 'print the time each command took' \
            -n 'skip the start-up file' --no-rc 'skip the start-up file' \
            --json 'JSON output' -o 'output format' --output 'output format' \
            --no-header 'CSV without its header line' \
            -f 'run the commands in a file' --file 'run the commands in a file' \
            --on-error=stop 'stop at the first failure' \
            --on-error=continue 'run every line of a script' \
            -k 'keepalive interval' --keepalive-interval 'keepalive interval' \
            -K 'keepalive count' --keepalive-count 'keepalive count' \
            -e 'console escape sequence' --escape 'console escape sequence' \
            -v 'print the version' --version 'print the version' \
            -V 'print lvsh and libvirt versions' -h 'print the options' --help 'print the options'
        return
    end
    $run $prog $gl complete --describe -- $words[$i..-1] "$cur" 2>/dev/null
end

complete -c lvsh -f -a '(__lvsh_complete)'
