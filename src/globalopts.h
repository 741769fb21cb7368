/* globalopts.h: the global command-line options, one table for parsing,
 * --help and the man page. */
#ifndef LVSH_GLOBALOPTS_H
#define LVSH_GLOBALOPTS_H

#include <stdbool.h>
#include <getopt.h>

/* getopt_long's value for the options that have no short name */
enum lvsh_gopt_id {
    GOPT_JSON = 256, GOPT_NO_HEADER, GOPT_ON_ERROR, GOPT_CONNECT_TIMEOUT, GOPT_TIMEOUT,
    GOPT_VIRSH,
};

struct lvsh_global_opt {
    char short_name;       /* 0 if none */
    const char *long_name; /* NULL if none */
    const char *arg;       /* value name, NULL for a flag */
    const char *help;
    int id;                /* enum lvsh_gopt_id when there is no short name */
    bool arg_optional;     /* --long=value only (the short form takes none) */
};

extern const struct lvsh_global_opt lvsh_global_opts[];

/* getopt_long's optstring ("+:" first: stop at the first command word,
 * report a missing value as ':') and longopts[], made from the table. */
void globalopts_getopt(const char **optstring, const struct option **longopts);

#endif
