/* tparams.c: libvirt typed parameters as text and as JSON values. */
#include "tparams.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>

char *tparam_text(const virTypedParameter *p)
{
    switch (p->type) {
    case VIR_TYPED_PARAM_INT: return xasprintf("%d", p->value.i);
    case VIR_TYPED_PARAM_UINT: return xasprintf("%u", p->value.ui);
    case VIR_TYPED_PARAM_LLONG: return xasprintf("%lld", p->value.l);
    case VIR_TYPED_PARAM_ULLONG: return xasprintf("%llu", p->value.ul);
    case VIR_TYPED_PARAM_DOUBLE: return xasprintf("%f", p->value.d);
    case VIR_TYPED_PARAM_BOOLEAN: return xstrdup(p->value.b ? "yes" : "no");
    case VIR_TYPED_PARAM_STRING: return xstrdup(p->value.s ? p->value.s : "");
    default: return xasprintf("<unknown type %d>", p->type);
    }
}

json_t *tparam_json(const virTypedParameter *p)
{
    switch (p->type) {
    case VIR_TYPED_PARAM_INT: return json_integer(p->value.i);
    case VIR_TYPED_PARAM_UINT: return json_integer(p->value.ui);
    case VIR_TYPED_PARAM_LLONG: return json_integer(p->value.l);
    /* jansson integers are signed 64-bit: the top half would wrap */
    case VIR_TYPED_PARAM_ULLONG:
        return p->value.ul > (unsigned long long)INT64_MAX
            ? json_real((double)p->value.ul) : json_integer((json_int_t)p->value.ul);
    case VIR_TYPED_PARAM_DOUBLE: return json_real(p->value.d);
    case VIR_TYPED_PARAM_BOOLEAN: return json_boolean(p->value.b);
    case VIR_TYPED_PARAM_STRING: return json_str(p->value.s);
    default: return json_null();
    }
}

json_t *tparams_json(const virTypedParameter *p, int n)
{
    json_t *o = json_object();
    for (int i = 0; i < n; i++)
        json_object_set_new(o, p[i].field, tparam_json(&p[i]));
    return o;
}

