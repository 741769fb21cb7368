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

/* How opts_parse_ex() reports and what it leaves for later. */
#define OPTS_VIRSH 0x1u /* virsh's wording of the errors */
#define OPTS_DEFER 0x2u /* values (numbers, sizes, choices, exclusive options) are
                         * checked by opts_check_values(), when the command runs */
enum lvsh_status opts_parse_ex(const struct lvsh_cmd *cmd, int argc, char *const argv[],
                               struct lvsh_args *a, unsigned how, struct lvsh_result *r);
enum lvsh_status opts_check_values(const struct lvsh_cmd *cmd, struct lvsh_args *a,
                                   unsigned how, struct lvsh_result *r);
/* Does the option take positional words (not a bool, alias or NAMED)? */
bool opts_fills(const struct lvsh_opt *o);
/* The option a name means, through an alias; *fixed is an alias's own value
 * ("--shareable" is "--mode shareable") or NULL.  -1 if unknown. */
int opts_resolve(const struct lvsh_cmd *cmd, const char *name, const char **fixed);
void args_free(struct lvsh_args *a);
/* The value name shown in help for an option ("string", "number", ...). */
const char *opts_metavar(const struct lvsh_opt *o);
const char *opts_type_name(enum lvsh_opt_type t);

#endif
