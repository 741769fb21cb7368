/* tparams.h: libvirt typed parameters as text and as JSON values. */
#ifndef LVSH_TPARAMS_H
#define LVSH_TPARAMS_H

#include "lvsh.h"

/* the value as virsh prints it; caller frees */
char *tparam_text(const virTypedParameter *p);
/* the value as a JSON number, boolean or string */
json_t *tparam_json(const virTypedParameter *p);
/* every parameter as one flat JSON object keyed by field */
json_t *tparams_json(const virTypedParameter *p, int n);

#endif
