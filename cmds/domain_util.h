/* domain_util.h: helpers of the domain info, monitor and resource commands:
 * device lists from the domain XML, typed parameters, CPU maps. */
#ifndef LVSH_DOMAIN_UTIL_H
#define LVSH_DOMAIN_UTIL_H

#include "domain_common.h"
#include "tparams.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* The domain XML parsed, with an XPath context; NULL and r filled on error. */
struct dom_xml {
    xmlDocPtr doc;
    xmlXPathContextPtr ctx;
};
bool dom_xml_load(struct dom_xml *x, virDomainPtr d, unsigned flags,
                  struct lvsh_result *r, const char *name);
void dom_xml_free(struct dom_xml *x);
/* The nodes expr selects (free with xmlXPathFreeObject); never NULL. */
xmlXPathObjectPtr dom_xml_nodes(struct dom_xml *x, const char *expr);
/* string(expr) evaluated at node; NULL when empty.  Caller frees. */
char *dom_xml_str(struct dom_xml *x, xmlNodePtr node, const char *expr);

/* Typed parameters: value as virsh prints it, and as JSON. */
/* Render params as virsh's "name           : value" lines plus a JSON object. */
void tparams_out(struct lvsh_result *r, const virTypedParameter *p, int n);
/* Add "name=value" to a typed-parameter list, typed like the same field of
 * the current values cur[ncur]; false with r filled when it does not fit. */
bool tparam_add_text(struct lvsh_result *r, virTypedParameterPtr *params, int *n,
                     int *max, const virTypedParameter *cur, int ncur,
                     const char *field, const char *value);

/* CPU maps: "0-3,6" from a map of ncpus bits, and the reverse.  The parser
 * accepts N, N-M, ^N and "r" (every CPU); NULL with r filled on error. */
char *cpumap_format(const unsigned char *map, int ncpus);
unsigned char *cpulist_parse(struct lvsh_result *r, const char *s, int ncpus, int *maplen);
/* The host's CPU count; -1 with r filled on error. */
int host_ncpus(virConnectPtr conn, struct lvsh_result *r);

/* virsh's "1.000 GiB" (three decimals) for a byte count */
char *fmt_size3(unsigned long long bytes);

/* A long call on a domain (save, dump) runs on a thread of its own so that
 * the handler can draw the progress (--verbose) and abort the job on
 * Ctrl-C, as virsh does.  call runs there: it returns the call's rc and
 * fills r on failure (libvirt's errors are per thread). */
struct dom_job {
    virDomainPtr d;
    int (*call)(struct dom_job *j);
    const char *file;
    const char *xml;
    int format;
    unsigned flags;
    struct lvsh_result *r;
    int rc;
    volatile int done;
};
/* Run j with a progress line labelled label; the call's rc. */
int dom_job_run(struct lvsh_session *s, const struct lvsh_args *a, struct dom_job *j,
                const char *label);

/* "3,4" (--pass-fds) into a new array of descriptors; false when malformed. */
bool dom_parse_fds(const char *list, int **fds, unsigned *n);

/* start/create --console: attach to d's first console as virsh does (a
 * terminal is needed; the banner comes before the console opens).  soft:
 * a failure is only an error line and the status stays 0 (create). */
enum lvsh_status dom_console_attach(struct lvsh_session *s, struct lvsh_result *r,
                                    virDomainPtr d, bool soft);

#endif
