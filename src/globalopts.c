/* globalopts.c: the global options: what each means, and getopt's tables
 * made from that (main.c parses them). */
#include "globalopts.h"

#include <stddef.h>

const struct lvsh_global_opt lvsh_global_opts[] = {
    { 'c', "connect", "URI", "hypervisor connection URI (else $LVSH_DEFAULT_URI, then "
      "$VIRSH_DEFAULT_CONNECT_URI, then $LIBVIRT_DEFAULT_URI, then libvirt's default)",
      0, false },
    { 'r', "readonly", NULL, "connect read-only; commands that change state are refused",
      0, false },
    { 'q', "quiet", NULL, "no table headers and no informational messages", 0, false },
    { 't', "timing", NULL, "print the time each command took, as virsh -t does", 0, false },
    { 'n', "no-rc", NULL, "do not run $XDG_CONFIG_HOME/lvsh/lvshrc at interactive start",
      0, false },
    { 0, "json", NULL, "JSON output (the same as -o json)", GOPT_JSON, false },
    { 'o', "output", "FORMAT", "output format: table (the default), json, csv or vertical",
      0, false },
    { 0, "no-header", NULL, "CSV output without its header line (-q keeps it)",
      GOPT_NO_HEADER, false },
    { 'f', "file", "FILE", "run the commands in FILE ('-' for standard input)", 0, false },
    { 0, "on-error", "POLICY", "after a failed command in a script: stop (the default) or "
      "continue; the exit status is the first failure's", GOPT_ON_ERROR, false },
    { 'k', "keepalive-interval", "N", "send a keepalive every N seconds (0 disables; "
      "default 5)", 0, false },
    { 'K', "keepalive-count", "N", "close the connection after N unanswered keepalives "
      "(default 6)", 0, false },
    { 'e', "escape", "SEQ", "escape sequence that leaves the console (default ^])", 0, false },
    { 0, "connect-timeout", "SEC", "give up opening a connection after SEC seconds, not "
      "counting credential prompts (0 = never; default 15)", GOPT_CONNECT_TIMEOUT, false },
    { 0, "timeout", "SEC", "fail any command still running after SEC seconds (default: "
      "no limit)", GOPT_TIMEOUT, false },
    { 'v', "version", NULL, "print lvsh's version (--version=long: as -V)", 0, true },
    { 'V', NULL, NULL, "print lvsh's and libvirt's versions", 0, false },
    { 'd', "debug", "LEVEL", "virsh's debug level 0-4: accepted and checked for virsh's "
      "scripts; lvsh prints no debug trace", 0, false },
    { 'l', "log", "FILE", "append each error to FILE, stamped as virsh's log lines", 0, false },
    { 0, "virsh", NULL, "behave as virsh 9.0 where lvsh differs on purpose (the same as "
      "running lvsh under the name virsh): see VIRSH MODE", GOPT_VIRSH, false },
    { 'h', "help", NULL, "print a summary of the options", 0, false },
    { 0, NULL, NULL, NULL, 0, false },
};

#define NOPTS (sizeof(lvsh_global_opts) / sizeof(lvsh_global_opts[0]))

void globalopts_getopt(const char **optstring, const struct option **longopts)
{
    static char shorts[3 + 2 * NOPTS];
    static struct option longs[NOPTS];
    if (!shorts[0]) {
        size_t n = 0, k = 0;
        shorts[n++] = '+';
        shorts[n++] = ':';
        for (const struct lvsh_global_opt *o = lvsh_global_opts; o->help; o++) {
            bool value = o->arg && !o->arg_optional;
            if (o->short_name) {
                shorts[n++] = o->short_name;
                if (value)
                    shorts[n++] = ':';
            }
            if (o->long_name)
                longs[k++] = (struct option){
                    o->long_name, o->arg_optional ? optional_argument
                                  : value ? required_argument : no_argument,
                    NULL, o->short_name ? o->short_name : o->id };
        }
    }
    *optstring = shorts;
    *longopts = longs;
}
