/* host_common.h: helpers the host, node, stats and event files share. */
#ifndef LVSH_HOST_COMMON_H
#define LVSH_HOST_COMMON_H

#include "lvsh.h"
#include "tparams.h"

/* A typed parameter's value as virsh prints it, and as JSON. */
/* Every parameter as one JSON object keyed by field. */

/* Put value (stolen) at a dotted key: "vcpu.0.time" makes
 * {"vcpu": {"0": {"time": value}}}.  A name that is both a value and a
 * prefix of other keys keeps its value under "value". */
void json_set_dotted(json_t *obj, const char *key, json_t *value);

/* The numbers an XPath expression selects in xml (attributes or text);
 * returns how many, *out is malloc'd (free it).  -1 on unparseable XML. */
int xml_xpath_numbers(const char *xml, const char *expr, unsigned long long **out);

/* A domstats field's value as JSON, sizes in bytes: libvirt gives the
 * balloon sizes in KiB (balloon.current, balloon.rss, ...). */
json_t *stats_param_json(const virTypedParameter *p);

/* An XML document about the host, with the one more newline virsh prints. */
void host_out_xml(struct lvsh_result *r, const char *xml);

/* Now, to the millisecond: "2024-01-31 12:00:00.123+0000", virsh's
 * --timestamp format; the _iso form "2024-01-31T12:00:00.123Z" for JSON. */
char *host_timestamp(void);
char *host_timestamp_iso(void);

#endif
