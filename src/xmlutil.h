/* xmlutil.h: libxml2 helpers used by the core renderer. */
#ifndef LVSH_XMLUTIL_H
#define LVSH_XMLUTIL_H

#include <jansson.h>

/* Evaluate expr on xml: {"xpath": expr, "results": [strings]}, or NULL
 * with *msg set (caller frees). */
json_t *xml_xpath_eval(const char *xml, const char *expr, char **msg);

#endif
