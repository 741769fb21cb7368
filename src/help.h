/* help.h: help text and help --json, generated from the command table. */
#ifndef LVSH_HELP_H
#define LVSH_HELP_H

#include "lvsh.h"

/* "list [--all] [--name] ..." ; caller frees */
char *help_synopsis(const struct lvsh_cmd *c);
/* "[--domain] <domain>" and the like for one option; caller frees */
char *help_option_usage(const struct lvsh_opt *o);
json_t *help_cmd_json(const struct lvsh_cmd *c);
const char *help_completer_name(enum lvsh_completer c);
/* Fill r with the help of one command. */
void help_command(const struct lvsh_cmd *c, struct lvsh_result *r);
/* Fill r with all commands, or those of one group keyword. */
void help_groups(struct lvsh_result *r, const char *group);

/* virsh's own group keywords (events, virsh, backup): false if not one */
bool help_virsh_keyword(struct lvsh_result *r, const char *topic);

#endif
