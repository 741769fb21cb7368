/* target.h: the dispatcher's side of a command's .target (target.c). */
#ifndef LVSH_TARGET_H
#define LVSH_TARGET_H

#include "lvsh.h"

/* Look up the command's .target into a->target; false with r filled when it
 * is not found.  True with nothing done for a command without one. */
bool target_resolve(struct lvsh_session *s, struct lvsh_args *a, struct lvsh_result *r);
/* The option that names cmd's target (.target_opt or the kind's word). */
const char *target_opt_name(const struct lvsh_cmd *cmd);
/* Free a->target (args_free does, after the output is rendered). */
void target_release(struct lvsh_args *a);

#endif
