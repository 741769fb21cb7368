/* domain_common.h: what the domain command files share. */
#ifndef LVSH_DOMAIN_COMMON_H
#define LVSH_DOMAIN_COMMON_H

#include "lvsh.h"

/* virsh's words for states and reasons ("shut off", "destroyed") */
const char *dom_state_name(int state);
const char *dom_state_reason(int state, int reason);

/* The usual first option: the domain, by name, id or uuid. */
#define DOM_OPT_DOMAIN(comp) \
    { .name = "domain", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "domain name, id or uuid", .metavar = "domain", .complete = (comp) }

#endif
