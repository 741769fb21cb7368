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

/* Now, to the millisecond, in UTC. */
static char *utc_stamp(bool iso)
{
    struct timeval tv;
    struct tm tm;
    char buf[64];
    gettimeofday(&tv, NULL);
    gmtime_r(&tv.tv_sec, &tm);
    strftime(buf, sizeof(buf), iso ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d %H:%M:%S", &tm);
    return xasprintf("%s.%03d%s", buf, (int)(tv.tv_usec / 1000), iso ? "Z" : "+0000");
}

char *host_timestamp(void)
{
    return utc_stamp(false);
}

char *host_timestamp_iso(void)
{
    return utc_stamp(true);
}

/* The balloon fields that are counts or times, not KiB. */
static const char *const balloon_not_kib[] = {
    "balloon.major_fault", "balloon.minor_fault", "balloon.last-update",
    "balloon.hugetlb_pgalloc", "balloon.hugetlb_pgfail", NULL,
};

json_t *stats_param_json(const virTypedParameter *p)
{
    json_t *v = tparam_json(p);
    if (strncmp(p->field, "balloon.", 8) != 0 || !json_is_integer(v))
        return v;
    for (int i = 0; balloon_not_kib[i]; i++)
        if (strcmp(p->field, balloon_not_kib[i]) == 0)
            return v;
    json_integer_set(v, json_integer_value(v) * 1024);
    return v;
}

void host_out_xml(struct lvsh_result *r, const char *xml)
{
    char *x = xasprintf("%s\n", xml);
    out_xml(r, x);
    free(x);
}
