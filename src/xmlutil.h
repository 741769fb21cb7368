/* xmlutil.h: libxml2 helpers used by the core renderer. */
#ifndef LVSH_XMLUTIL_H
#define LVSH_XMLUTIL_H

#include <jansson.h>
#include <stdbool.h>

/* Evaluate expr on xml: {"xpath": expr, "results": [strings]} plus, with
 * wrap and a node-set, "wrapped": the nodes under one <nodes> element; or
 * NULL with *msg set (caller frees). */
json_t *xml_xpath_eval(const char *xml, const char *expr, bool wrap, char **msg);

/* libxml2 prints parse warnings (of libvirt's own files, a missing test
 * driver file) on stderr by itself, and its handler is per thread: every
 * thread that calls libvirt silences it once. */
void xml_init_before_threads(void);
void xml_quiet_this_thread(void);

#endif
