/* domain_iothread.c: changing a domain's IOThreads (iothreadadd,
 * iothreaddel, iothreadpin, iothreadset); iothreadinfo lists them. */
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *const excl_affect[] = { LVSH_AFFECT_EXCL, NULL };

static enum lvsh_status iothread_done(struct lvsh_result *r, virDomainPtr d, const char *action,
                                      long long id)
{
    act_json(r, LVSH_KIND_DOMAIN, d, action);
    out_json_set(r, "iothread", json_integer(id));
    return LVSH_OK;
}

typedef int (*iothread_fn)(virDomainPtr d, unsigned id, unsigned flags);

static enum lvsh_status iothread_change(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r, iothread_fn fn,
                                        const char *action, const char *what)
{
    (void)s;
    long long id = 0;
    args_int(a, "id", &id);
    virDomainPtr d = args_target(a);
    if (fn(d, (unsigned)id, args_flags(a)) < 0)
        return err_lib(r, "failed to %s IOThread %lld of domain '%s'", what, id,
                        args_target_key(a));
    return iothread_done(r, d, action, id);
}

static enum lvsh_status run_iothreadadd(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    return iothread_change(s, a, r, virDomainAddIOThread, "iothreadadd", "add");
}

static enum lvsh_status run_iothreaddel(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    return iothread_change(s, a, r, virDomainDelIOThread, "iothreaddel", "delete");
}

#define IOTHREAD_ID_OPT(optname, text) \
    { .name = optname, .type = LVSH_OPT_INT, .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .min = 1, .max = 0xffffffffLL, .metavar = "id", .help = text }

static const struct lvsh_opt opts_iothreadadd[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    IOTHREAD_ID_OPT("id", "the ID of the new IOThread"),
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_opt opts_iothreaddel[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    IOTHREAD_ID_OPT("id", "the ID of the IOThread to delete"),
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iothreadadd = {
    .name = "iothreadadd",
    .group = "domain",
    .summary = "add an IOThread to a domain",
    .description = "Add an IOThread with the given ID; iothreadinfo lists them.",
    .opts = opts_iothreadadd,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iothreadadd,
    .target = LVSH_KIND_DOMAIN,
};

static const struct lvsh_cmd cmd_iothreaddel = {
    .name = "iothreaddel",
    .group = "domain",
    .summary = "delete an IOThread from a domain",
    .description = "Remove an IOThread that no device uses.",
    .opts = opts_iothreaddel,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iothreaddel,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- iothreadpin ------------------------------------------------------- */

static enum lvsh_status run_iothreadpin(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    long long id = 0;
    int maplen = 0;
    args_int(a, "iothread", &id);
    int ncpus = host_ncpus(s->conn, r);
    if (ncpus < 0)
        return LVSH_FAILED;
    unsigned char *map = cpulist_parse(r, args_str(a, "cpulist"), ncpus, &maplen);
    if (!map)
        return LVSH_USAGE;
    virDomainPtr d = args_target(a);
    int rc = virDomainPinIOThread(d, (unsigned)id, map, maplen, args_flags(a));
    free(map);
    if (rc < 0)
        return err_lib(r, "failed to pin IOThread %lld of domain '%s'", id,
                        args_target_key(a));
    return iothread_done(r, d, "iothreadpin", id);
}

static const struct lvsh_opt opts_iothreadpin[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    IOTHREAD_ID_OPT("iothread", "the ID of the IOThread"),
    { .name = "cpulist", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "cpulist",
      .help = "host CPUs: 0-3,6, ^N excludes, r for all" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iothreadpin = {
    .name = "iothreadpin",
    .group = "domain",
    .summary = "pin a domain's IOThread to host CPUs",
    .description = "Let an IOThread run only on the listed host CPUs.",
    .opts = opts_iothreadpin,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iothreadpin,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- iothreadset ------------------------------------------------------- */

static enum lvsh_status run_iothreadset(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    long long id = 0, v;
    args_int(a, "id", &id);
    if (args_int(a, "poll-max-ns", &v))
        virTypedParamsAddULLong(&p, &n, &max, VIR_DOMAIN_IOTHREAD_POLL_MAX_NS,
                                (unsigned long long)v);
    if (args_int(a, "poll-grow", &v))
        virTypedParamsAddUInt(&p, &n, &max, VIR_DOMAIN_IOTHREAD_POLL_GROW, (unsigned)v);
    if (args_int(a, "poll-shrink", &v))
        virTypedParamsAddUInt(&p, &n, &max, VIR_DOMAIN_IOTHREAD_POLL_SHRINK, (unsigned)v);
    if (args_int(a, "thread-pool-min", &v))
        virTypedParamsAddInt(&p, &n, &max, VIR_DOMAIN_IOTHREAD_THREAD_POOL_MIN, (int)v);
    if (args_int(a, "thread-pool-max", &v))
        virTypedParamsAddInt(&p, &n, &max, VIR_DOMAIN_IOTHREAD_THREAD_POOL_MAX, (int)v);
    if (n == 0)
        return err_usage(r, "nothing to set: give --poll-max-ns, --poll-grow, --poll-shrink, "
                         "--thread-pool-min or --thread-pool-max");
    virDomainPtr d = args_target(a);
    enum lvsh_status st;
    if (virDomainSetIOThreadParams(d, (unsigned)id, p, n, args_flags(a)) < 0)
        st = err_lib(r, "failed to modify IOThread %lld of domain '%s'", id,
                      args_target_key(a));
    else
        st = iothread_done(r, d, "iothreadset", id);
    virTypedParamsFree(p, n);
    return st;
}

static const struct lvsh_opt opts_iothreadset[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    IOTHREAD_ID_OPT("id", "the ID of an existing IOThread"),
    { .name = "poll-max-ns", .type = LVSH_OPT_INT, .min = 0, .max = 0x7fffffffffffffffLL,
      .metavar = "ns", .help = "the longest the IOThread polls, in nanoseconds (0: no polling)" },
    { .name = "poll-grow", .type = LVSH_OPT_INT, .min = 0, .max = 0xffffffffLL,
      .metavar = "n", .help = "how much the polling time grows" },
    { .name = "poll-shrink", .type = LVSH_OPT_INT, .min = 0, .max = 0xffffffffLL,
      .metavar = "n", .help = "how much the polling time shrinks" },
    { .name = "thread-pool-min", .type = LVSH_OPT_INT, .min = -1, .max = 0x7fffffff,
      .metavar = "n", .help = "the fewest worker threads (-1: the hypervisor's default)" },
    { .name = "thread-pool-max", .type = LVSH_OPT_INT, .min = -1, .max = 0x7fffffff,
      .metavar = "n", .help = "the most worker threads (-1: the hypervisor's default)" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iothreadset = {
    .name = "iothreadset",
    .group = "domain",
    .summary = "tune a domain's IOThread",
    .description = "Change an IOThread's polling and its worker thread pool.",
    .opts = opts_iothreadset,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iothreadset,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_iothread) = { &cmd_iothreadadd, &cmd_iothreaddel, &cmd_iothreadpin,
                                 &cmd_iothreadset, NULL };
