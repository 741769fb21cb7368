/* globalopts.h: the global command-line options, documented once for
 * --help and the man page. */
#ifndef LVSH_GLOBALOPTS_H
#define LVSH_GLOBALOPTS_H

struct lvsh_global_opt {
    char short_name;       /* 0 if none */
    const char *long_name; /* NULL if none */
    const char *arg;       /* value name, NULL for a flag */
    const char *help;
};

extern const struct lvsh_global_opt lvsh_global_opts[];

#endif
