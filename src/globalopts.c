/* globalopts.c: what each global option means (parsing is in main.c). */
#include "globalopts.h"

#include <stddef.h>

const struct lvsh_global_opt lvsh_global_opts[] = {
    { 'c', "connect", "URI", "hypervisor connection URI (else $LVSH_DEFAULT_URI, then "
      "$VIRSH_DEFAULT_CONNECT_URI, then $LIBVIRT_DEFAULT_URI, then libvirt's default)" },
    { 'r', "readonly", NULL, "connect read-only; commands that change state are refused" },
    { 'q', "quiet", NULL, "no table headers and no informational messages" },
    { 't', "timing", NULL, "print the time each command took, as virsh -t does" },
    { 'n', "no-rc", NULL, "do not run $XDG_CONFIG_HOME/lvsh/lvshrc at interactive start" },
    { 0, "json", NULL, "JSON output (the same as -o json)" },
    { 'o', "output", "FORMAT", "output format: table (the default), json, csv or vertical" },
    { 0, "no-header", NULL, "CSV output without its header line (-q keeps it)" },
    { 'f', "file", "FILE", "run the commands in FILE ('-' for standard input)" },
    { 0, "on-error", "POLICY", "after a failed command in a script: stop (the default) or "
      "continue; the exit status is the first failure's" },
    { 'k', "keepalive-interval", "N", "send a keepalive every N seconds (0 disables; "
      "default 5)" },
    { 'K', "keepalive-count", "N", "close the connection after N unanswered keepalives "
      "(default 6)" },
    { 'e', "escape", "SEQ", "escape sequence that leaves the console (default ^])" },
    { 0, "connect-timeout", "SEC", "give up opening a connection after SEC seconds, not "
      "counting credential prompts (0 = never; default 15)" },
    { 0, "timeout", "SEC", "fail any command still running after SEC seconds (default: "
      "no limit)" },
    { 'v', "version", NULL, "print lvsh's version (--version=long: as -V)" },
    { 'V', NULL, NULL, "print lvsh's and libvirt's versions" },
    { 'd', "debug", "LEVEL", "virsh's debug level 0-4: 0 traces each parsed command's "
      "options on stderr (secrets masked); 1-4 add nothing" },
    { 'l', "log", "FILE", "append each error to FILE, stamped as virsh's log lines" },
    { 0, "virsh", NULL, "behave as virsh 9.0 where lvsh differs on purpose (the same as "
      "running lvsh under the name virsh): see VIRSH MODE" },
    { 'h', "help", NULL, "print a summary of the options" },
    { 0, NULL, NULL, NULL },
};
