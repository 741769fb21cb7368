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

/* Apply an edited XML document; false with r filled when libvirt refuses. */
typedef bool (*dom_edit_apply)(void *ctx, const char *xml, struct lvsh_result *r);

enum dom_edit_outcome { DOM_EDIT_FAILED, DOM_EDIT_UNCHANGED, DOM_EDIT_APPLIED };

/* Edit xml in the user's editor until it is well-formed and apply() takes
 * it; on an error, offer to edit again on the terminal (no terminal: fail). */
enum dom_edit_outcome dom_edit_loop(struct lvsh_session *s, struct lvsh_result *r,
                                    const char *xml, dom_edit_apply apply, void *ctx);

#endif
