/* domain_ops.h: helpers shared by the files that change domains
 * (lifecycle, save, xml, devices). */
#ifndef LVSH_DOMAIN_OPS_H
#define LVSH_DOMAIN_OPS_H

#include "lvsh.h"

/* "Domain 'x' <verb>" as text; {name, uuid, action: verb} as JSON. */
/* "Domain 'NAME' VERB": NAME as virsh shows it (the key typed, for most) */
void dom_action_done(struct lvsh_result *r, virDomainPtr d, const char *name,
                     const char *verb);
/* The same JSON with a message of the command's own wording. */
void dom_action_msg(struct lvsh_result *r, virDomainPtr d, const char *action,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
