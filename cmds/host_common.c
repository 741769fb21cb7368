/* host_common.c: typed parameters, XPath number lists, timestamps. */
#include "host_common.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

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

/* Put value at the dotted path key inside obj, creating objects on the way.
 * A name that is both a value and a prefix keeps the value as "value". */
void json_set_dotted(json_t *obj, const char *key, json_t *value)
{
    const char *dot = strchr(key, '.');
    if (!dot) {
        json_t *old = json_object_get(obj, key);
        if (json_is_object(old))
            json_object_set_new(old, "value", value);
        else
            json_object_set_new(obj, key, value);
        return;
    }
    char *head = xstrndup(key, (size_t)(dot - key));
    json_t *child = json_object_get(obj, head);
    if (!json_is_object(child)) {
        json_t *fresh = json_object();
        if (child)
            json_object_set(fresh, "value", child);
        json_object_set_new(obj, head, fresh);
        child = fresh;
    }
    free(head);
    json_set_dotted(child, dot + 1, value);
}

int xml_xpath_numbers(const char *xml, const char *expr, unsigned long long **out)
{
    *out = NULL;
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "doc.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return -1;
    int n = 0;
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = ctx ? xmlXPathEvalExpression(BAD_CAST expr, ctx) : NULL;
    if (obj && obj->nodesetval && obj->nodesetval->nodeNr > 0) {
        *out = xcalloc((size_t)obj->nodesetval->nodeNr, sizeof(**out));
        for (int i = 0; i < obj->nodesetval->nodeNr; i++) {
            xmlChar *c = xmlNodeGetContent(obj->nodesetval->nodeTab[i]);
            if (c)
                (*out)[n++] = strtoull((const char *)c, NULL, 10);
            xmlFree(c);
        }
    }
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return n;
}

char *host_timestamp(void)
{
    struct timeval tv;
    struct tm tm;
    char buf[64];
    gettimeofday(&tv, NULL);
    gmtime_r(&tv.tv_sec, &tm);
    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
    return xasprintf("%s.%03d+0000", buf, (int)(tv.tv_usec / 1000));
}
