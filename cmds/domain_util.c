/* domain_util.c: device lists from the domain XML, typed parameters and CPU
 * maps, shared by the domain info, monitor and resource commands. */
#include "domain_util.h"
#include "bounded.h"
#include "progress.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool dom_xml_load(struct dom_xml *x, virDomainPtr d, unsigned flags,
                  struct lvsh_result *r, const char *name)
{
    memset(x, 0, sizeof(*x));
    char *xml = virDomainGetXMLDesc(d, flags);
    if (!xml) {
        err_virt(r, "failed to get the XML of domain '%s'", name);
        return false;
    }
    size_t len = strlen(xml);
    x->doc = xmlReadMemory(xml, (int)len, "domain.xml", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    wipe(xml, len);   /* with VIR_DOMAIN_XML_SECURE it holds passwords */
    free(xml);
    x->ctx = x->doc ? xmlXPathNewContext(x->doc) : NULL;
    if (!x->ctx) {
        dom_xml_free(x);
        err_fail(r, "failed to parse the XML of domain '%s'", name);
        return false;
    }
    return true;
}

void dom_xml_free(struct dom_xml *x)
{
    if (x->ctx)
        xmlXPathFreeContext(x->ctx);
    if (x->doc)
        xmlFreeDoc(x->doc);
    memset(x, 0, sizeof(*x));
}

xmlXPathObjectPtr dom_xml_nodes(struct dom_xml *x, const char *expr)
{
    x->ctx->node = xmlDocGetRootElement(x->doc);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x->ctx);
    if (!o)
        o = xmlXPathNewNodeSet(NULL);
    return o;
}

char *dom_xml_str(struct dom_xml *x, xmlNodePtr node, const char *expr)
{
    x->ctx->node = node;
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x->ctx);
    char *out = NULL;
    if (o) {
        xmlChar *s = xmlXPathCastToString(o);
        if (s && *s)
            out = xstrdup((const char *)s);
        xmlFree(s);
        xmlXPathFreeObject(o);
    }
    return out;
}

void tparams_out(struct lvsh_result *r, const virTypedParameter *p, int n)
{
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
        char *v = tparam_text(&p[i]);
        out_text(r, "%-15s: %s\n", p[i].field, v);
        json_object_set_new(o, p[i].field, tparam_json(&p[i]));
        free(v);
    }
    out_json(r, o);
}

bool tparam_add_text(struct lvsh_result *r, virTypedParameterPtr *params, int *n,
                     int *max, const virTypedParameter *cur, int ncur,
                     const char *field, const char *value)
{
    for (int i = 0; i < ncur; i++) {
        if (strcmp(cur[i].field, field) != 0)
            continue;
        if (virTypedParamsAddFromString(params, n, max, field, cur[i].type, value) < 0) {
            err_lib(r, "invalid value '%s' for parameter '%s'", value, field);
            return false;
        }
        return true;
    }
    err_fail(r, "invalid scheduler option: %s", field);   /* virsh's words */
    return false;
}

char *cpumap_format(const unsigned char *map, int ncpus)
{
    struct buf b = BUF_INIT;
    for (int i = 0; i < ncpus; i++) {
        if (!VIR_CPU_USABLE(map, VIR_CPU_MAPLEN(ncpus), 0, i))
            continue;
        int j = i;
        while (j + 1 < ncpus && VIR_CPU_USABLE(map, VIR_CPU_MAPLEN(ncpus), 0, j + 1))
            j++;
        buf_printf(&b, "%s%d", b.len ? "," : "", i);
        if (j > i)
            buf_printf(&b, "-%d", j);
        i = j;
    }
    return buf_steal(&b);
}

/* The CPUs a list may name, as libvirt's bitmap parser (a larger host
 * raises it); a number past it makes the list malformed. */
#define CPULIST_LIMIT 1024

static const char *skip_spaces(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

/* One CPU number (spaces after it skipped); false unless it is digits below lim. */
static bool cpulist_num(const char **p, int lim, int *out)
{
    const char *q = *p;
    char *end;
    if (!isdigit((unsigned char)*q))
        return false;
    errno = 0;
    long v = strtol(q, &end, 10);
    if (errno || v >= lim)
        return false;
    *out = (int)v;
    *p = skip_spaces(end);
    return true;
}

/* Items N, N-M or ^N (later items win), commas between, spaces around
 * numbers; false when malformed. */
static bool cpulist_items(const char *s, bool *set, int lim)
{
    const char *p = skip_spaces(s);
    if (!*p)
        return false;
    while (*p) {
        bool neg = *p == '^';
        int a, b;
        if (neg)
            p++;
        if (!cpulist_num(&p, lim, &a))
            return false;
        b = a;
        if (*p == '-') {
            p = skip_spaces(p + 1);
            if (neg || !cpulist_num(&p, lim, &b) || b < a)
                return false;
        }
        for (int i = a; i <= b; i++)
            set[i] = !neg;
        if (*p == ',')
            p = skip_spaces(p + 1);   /* a trailing comma ends the list */
        else if (*p)
            return false;
    }
    return true;
}

unsigned char *cpulist_parse(struct lvsh_result *r, const char *s, int ncpus, int *maplen)
{
    *maplen = VIR_CPU_MAPLEN(ncpus);
    int lim = ncpus > CPULIST_LIMIT ? ncpus : CPULIST_LIMIT, last = -1;
    bool *set = xcalloc((size_t)lim, sizeof(*set));
    bool all = strcmp(s, "r") == 0, ok = all || cpulist_items(s, set, lim);
    for (int i = 0; i < lim; i++)
        if (set[i])
            last = i;
    /* virsh's words, which scripts match; libvirt's line for a malformed list */
    if (!ok || (!all && last < 0) || last >= ncpus) {
        if (ok && last >= ncpus)
            err_usage(r, "CPU %d in cpulist '%s' exceed the maxcpu %d", last, s, ncpus);
        else
            err_usage(r, "Invalid cpulist '%s'", s);
        if (!ok)
            err_add_detail(r, "invalid argument: Failed to parse bitmap '%s'", s);
        free(set);
        return NULL;
    }
    unsigned char *map = xcalloc((size_t)*maplen, 1);
    for (int i = 0; i < ncpus; i++)
        if (all || set[i])
            VIR_USE_CPU(map, i);
    free(set);
    return map;
}

int host_ncpus(virConnectPtr conn, struct lvsh_result *r)
{
    int n = virNodeGetCPUMap(conn, NULL, NULL, 0);
    if (n < 0)
        err_virt(r, "failed to get the number of host CPUs");
    return n;
}

char *fmt_size3(unsigned long long bytes)
{
    return fmt_size_digits(bytes, 3);
}

/* "3,4" into a new array of descriptors; false on a malformed list. */
bool dom_parse_fds(const char *list, int **fds, unsigned *n)
{
    *fds = NULL;
    *n = 0;
    for (const char *p = list; *p;) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 0 || v > 65535 || (*end && *end != ',')) {
            free(*fds);
            *fds = NULL;
            return false;
        }
        *fds = xrealloc(*fds, (*n + 1) * sizeof(int));
        (*fds)[(*n)++] = (int)v;
        p = *end ? end + 1 : end;
    }
    return *n > 0;
}

/* ---- long jobs ------------------------------------------------------------ */

static void *job_thread(void *opaque)
{
    struct dom_job *j = opaque;
    j->rc = j->call(j);
    __atomic_store_n(&j->done, 1, __ATOMIC_RELEASE);
    return NULL;
}

/* Wait for the job, drawing progress and aborting it on Ctrl-C. */
static void job_watch(struct lvsh_session *s, struct dom_job *j, struct lvsh_progress *p)
{
    bool aborted = false;
    while (!__atomic_load_n(&j->done, __ATOMIC_ACQUIRE)) {
        struct timespec ts = { 0, 100 * 1000 * 1000 };
        nanosleep(&ts, NULL);
        if (!aborted && session_interrupted(s)) {
            virDomainAbortJob(j->d);
            aborted = true;
        }
        virDomainJobInfo info;
        if (p->enabled && !bounded_abandoned() && virDomainGetJobInfo(j->d, &info) == 0 &&
            info.dataTotal) {
            p->total = info.dataTotal;
            progress_set(p, info.dataProcessed);
        }
    }
}

int dom_job_run(struct lvsh_session *s, const struct lvsh_args *a, struct dom_job *j,
                const char *label)
{
    struct lvsh_progress p;
    progress_start(&p, label, 0, args_has(a, "verbose") && progress_wanted(s, a));
    pthread_t t;
    if (pthread_create(&t, NULL, job_thread, j) != 0) {
        job_thread(j);
    } else {
        job_watch(s, j, &p);
        pthread_join(t, NULL);
    }
    if (!bounded_abandoned())
        progress_end(&p, j->rc == 0);
    return j->rc;
}
