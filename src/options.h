/* options.h: parse a command's words against its option table. */
#ifndef LVSH_OPTIONS_H
#define LVSH_OPTIONS_H

#include "lvsh.h"

/* Index of option name in cmd's table, or -1. */
int opts_index(const struct lvsh_cmd *cmd, const char *name);
/* Parse argv[1..argc-1] (argv[0] is the command name). */
enum lvsh_status opts_parse(const struct lvsh_cmd *cmd, int argc, char *const argv[],
                            struct lvsh_args *a, struct lvsh_result *r);
/* Would the command change state with these options (LVSH_CMD_WRITES, or a
 * set option flagged LVSH_OPTF_WRITES)?  -r refuses it before connecting. */
bool args_would_write(const struct lvsh_args *a);
void args_free(struct lvsh_args *a);
/* The value name shown in help for an option ("string", "number", ...). */
const char *opts_metavar(const struct lvsh_opt *o);
const char *opts_type_name(enum lvsh_opt_type t);

#endif
