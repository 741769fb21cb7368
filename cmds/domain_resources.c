/* domain_resources.c: how much of the host a domain may use (setmem,
 * setmaxmem, memtune, schedinfo, blkiotune, blkdeviotune, domblkthreshold,
 * numatune, cpu-stats). */
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const excl_affect[] = { LVSH_AFFECT_EXCL, NULL };

/* Fetch typed parameters with the usual two calls (count, then values). */
typedef int (*tparam_getter)(virDomainPtr d, const char *dev, virTypedParameterPtr p,
                             int *n, unsigned flags);

static int get_params(virDomainPtr d, const char *dev, tparam_getter get, unsigned flags,
                      virTypedParameterPtr *out)
{
    int n = 0;
    *out = NULL;
    if (get(d, dev, NULL, &n, flags) < 0)
        return -1;
    *out = xcalloc((size_t)n + 1, sizeof(**out));
    if (n > 0 && get(d, dev, *out, &n, flags) < 0) {
        free(*out);
        *out = NULL;
        return -1;
    }
    return n;
}

static int get_memory(virDomainPtr d, const char *dev, virTypedParameterPtr p, int *n,
                      unsigned f)
{
    (void)dev;
    return virDomainGetMemoryParameters(d, p, n, f);
}

static int get_blkio(virDomainPtr d, const char *dev, virTypedParameterPtr p, int *n,
                     unsigned f)
{
    (void)dev;
    return virDomainGetBlkioParameters(d, p, n, f);
}

static int get_numa(virDomainPtr d, const char *dev, virTypedParameterPtr p, int *n,
                    unsigned f)
{
    (void)dev;
    return virDomainGetNumaParameters(d, p, n, f);
}

static int get_iotune(virDomainPtr d, const char *dev, virTypedParameterPtr p, int *n,
                      unsigned f)
{
    return virDomainGetBlockIoTune(d, dev, p, n, f);
}

/* The JSON of a tuning change: {name, uuid, action: "tuned", changed: {the
 * parameters set}}; kib: the ULLONG values are KiB (shown in bytes, null for
 * unlimited). */
static void tune_done(struct lvsh_result *r, virDomainPtr d, const virTypedParameter *set,
                      int nset, bool kib)
{
    json_t *changed = tparams_json(set, nset);
    for (int i = 0; kib && i < nset; i++) {
        unsigned long long v = set[i].value.ul;
        if (set[i].type == VIR_TYPED_PARAM_ULLONG)
            json_object_set_new(changed, set[i].field,
                                v >= VIR_DOMAIN_MEMORY_PARAM_UNLIMITED ? json_null()
                                : json_integer((json_int_t)(v * 1024)));
    }
    act_json(r, LVSH_KIND_DOMAIN, d, "tuned");
    out_json_set(r, "changed", changed);
}

/* ---- setmem, setmaxmem ------------------------------------------------- */

static enum lvsh_status set_memory(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r, unsigned extra, const char *what)
{
    (void)s;
    unsigned long long bytes = 0;
    args_size(a, "size", &bytes);
    unsigned long long kib = (bytes + 1023) / 1024;
    if (kib > (unsigned long)-1)
        return err_usage(r, "memory size '%s' is too large", args_str(a, "size"));
    virDomainPtr d = args_target(a);
    bool max = extra & VIR_DOMAIN_MEM_MAXIMUM;
    if (virDomainSetMemoryFlags(d, (unsigned long)kib, args_flags(a) | extra) < 0)
        return max ? err_virt(r, "Unable to change MaxMemorySize")   /* virsh's words */
                   : err_lib(r, "failed to set the %s of domain '%s'", what,
                             args_target_key(a));
    act_json(r, LVSH_KIND_DOMAIN, d, max ? "max memory set" : "memory set");
    out_json_set(r, max ? "max_memory" : "memory", json_integer((json_int_t)(kib * 1024)));
    return LVSH_OK;
}

static enum lvsh_status run_setmem(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r)
{
    return set_memory(s, a, r, 0, "memory");
}

static enum lvsh_status run_setmaxmem(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    return set_memory(s, a, r, VIR_DOMAIN_MEM_MAXIMUM, "maximum memory");
}

static const struct lvsh_opt opts_setmem[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    LVSH_OPT_ALIAS_OF("kilobytes", "size"),
    { .name = "size", .type = LVSH_OPT_SIZE,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .unit = 1024,
      .help = "the new size: 512M, 2GiB, or a number of KiB", .metavar = "size" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_setmem = {
    .name = "setmem",
    .group = "domain",
    .summary = "change a domain's memory allocation",
    .description = "Set the memory a domain may use (the balloon target when it runs); "
                   "bare numbers are KiB.",
    .opts = opts_setmem,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_setmem,
    .target = LVSH_KIND_DOMAIN,
};

static const struct lvsh_cmd cmd_setmaxmem = {
    .name = "setmaxmem",
    .group = "domain",
    .summary = "change a domain's maximum memory",
    .description = "Set the most memory a domain may be given; bare numbers are KiB.  Most "
                   "drivers allow this only on the persistent definition.",
    .opts = opts_setmem,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_setmaxmem,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- memtune ----------------------------------------------------------- */

static const char *const memtune_opts[][2] = {
    { "hard-limit", VIR_DOMAIN_MEMORY_HARD_LIMIT },
    { "soft-limit", VIR_DOMAIN_MEMORY_SOFT_LIMIT },
    { "swap-hard-limit", VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT },
    { "min-guarantee", VIR_DOMAIN_MEMORY_MIN_GUARANTEE },
};

/* A memtune limit in KiB: a scaled size, or -1/unlimited. */
static bool memtune_value(struct lvsh_result *r, const char *opt, const char *text,
                          unsigned long long *kib)
{
    unsigned long long bytes;
    if (strcmp(text, "-1") == 0 || strcasecmp(text, "unlimited") == 0) {
        *kib = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
        return true;
    }
    if (!parse_scaled_size(text, 1024, &bytes)) {
        err_usage(r, "option --%s of 'memtune' expects a size like 512M, or -1 for "
                  "unlimited, not '%s'", opt, text);
        return false;
    }
    *kib = (bytes + 1023) / 1024;
    return true;
}

static void memtune_show(struct lvsh_result *r, const virTypedParameter *p, int n)
{
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
        unsigned long long v = p[i].value.ul;
        if (p[i].type == VIR_TYPED_PARAM_ULLONG && v >= VIR_DOMAIN_MEMORY_PARAM_UNLIMITED) {
            out_text(r, "%-15s: unlimited\n", p[i].field);
            json_object_set_new(o, p[i].field, json_null());
        } else {
            char *t = tparam_text(&p[i]);
            out_text(r, "%-15s: %s\n", p[i].field, t);
            json_object_set_new(o, p[i].field, p[i].type == VIR_TYPED_PARAM_ULLONG
                                ? json_integer((json_int_t)(v * 1024)) : tparam_json(&p[i]));
            free(t);
        }
    }
    out_json(r, o);
}

static enum lvsh_status run_memtune(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr set = NULL, cur = NULL;
    int nset = 0, maxset = 0;
    unsigned flags = args_flags(a);
    enum lvsh_status st = LVSH_OK;
    for (size_t i = 0; i < sizeof(memtune_opts) / sizeof(memtune_opts[0]); i++) {
        unsigned long long kib;
        const char *text = args_str(a, memtune_opts[i][0]);
        if (!text)
            continue;
        if (!memtune_value(r, memtune_opts[i][0], text, &kib)) {
            virTypedParamsFree(set, nset);
            return LVSH_USAGE;
        }
        virTypedParamsAddULLong(&set, &nset, &maxset, memtune_opts[i][1], kib);
    }
    virDomainPtr d = args_target(a);
    if (nset > 0) {
        if (virDomainSetMemoryParameters(d, set, nset, flags) < 0)
            st = err_virt(r, "Unable to change memory parameters");   /* virsh's words */
        else
            tune_done(r, d, set, nset, true);
    } else {
        int n = get_params(d, NULL, get_memory, flags, &cur);
        if (n < 0)
            st = err_virt(r, "Unable to get memory parameters");
        else
            memtune_show(r, cur, n);
        virTypedParamsFree(cur, n > 0 ? n : 0);
    }
    virTypedParamsFree(set, nset);
    return st;
}

#define MEMTUNE_OPT(n, h) { .name = n, .type = LVSH_OPT_STRING, .help = h, \
                            .flags = LVSH_OPTF_WRITES, .metavar = "size" }
static const struct lvsh_opt opts_memtune[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    MEMTUNE_OPT("hard-limit", "most memory the domain may use (KiB unless suffixed; -1: "
                "no limit)"),
    MEMTUNE_OPT("soft-limit", "memory to shrink to when the host is short of memory"),
    MEMTUNE_OPT("swap-hard-limit", "most memory plus swap the domain may use"),
    MEMTUNE_OPT("min-guarantee", "memory the domain is guaranteed"),
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_memtune = {
    .name = "memtune",
    .group = "domain",
    .summary = "show or set a domain's memory limits",
    .description = "Without limits, print the memory tuning parameters (KiB, or "
                   "'unlimited'; bytes or null in JSON); with them, change those limits.",
    .opts = opts_memtune,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_memtune,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- schedinfo ---------------------------------------------------------- */

static int sched_get(virDomainPtr d, unsigned flags, virTypedParameterPtr *out)
{
    int n = 0;
    char *type = virDomainGetSchedulerType(d, &n);
    free(type);
    *out = xcalloc((size_t)n + 1, sizeof(**out));
    /* without flags, the old call: some drivers refuse any flag here */
    int rc = !type || n <= 0 ? -1
             : flags ? virDomainGetSchedulerParametersFlags(d, *out, &n, flags)
                     : virDomainGetSchedulerParameters(d, *out, &n);
    if (rc == 0)
        return n;
    free(*out);
    *out = NULL;
    return type && n == 0 ? 0 : -1;
}

/* The --set, --weight and --cap changes, typed like the current values. */
static enum lvsh_status sched_changes(struct lvsh_result *r, const struct lvsh_args *a,
                                      const virTypedParameter *cur, int ncur,
                                      virTypedParameterPtr *set, int *nset)
{
    int max = 0;
    const char *kv = args_str(a, "set");
    if (kv) {
        const char *eq = strchr(kv, '=');
        if (!eq || eq == kv)
            return err_usage(r, "Invalid syntax for --set, expecting name=value");
        char *field = xstrndup(kv, (size_t)(eq - kv));
        bool ok = tparam_add_text(r, set, nset, &max, cur, ncur, field, eq + 1);
        free(field);
        if (!ok)
            return LVSH_FAILED;
    }
    const char *legacy[] = { "weight", "cap" };
    for (int i = 0; i < 2; i++) {
        const char *v = args_str(a, legacy[i]);
        if (v && !tparam_add_text(r, set, nset, &max, cur, ncur, legacy[i], v))
            return LVSH_FAILED;
    }
    return LVSH_OK;
}

static enum lvsh_status run_schedinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr cur = NULL, set = NULL;
    int nset = 0;
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    int ntype = 0;
    char *type = virDomainGetSchedulerType(d, &ntype);
    if (!type)
        return err_virt(r, "failed to get the scheduler of domain '%s'",
                        args_str(a, "domain"));
    enum lvsh_status st = LVSH_OK;
    out_text(r, "%-15s: %s\n", "Scheduler", type);   /* first, even on failure, as virsh */
    int n = sched_get(d, flags, &cur);
    if (n < 0) {
        st = err_virt(r, "failed to get the scheduler parameters of domain '%s'",
                      args_str(a, "domain"));
    } else if ((st = sched_changes(r, a, cur, n, &set, &nset)) != LVSH_OK) {
        /* r holds the error */
    } else if (nset > 0) {
        int rc = flags ? virDomainSetSchedulerParametersFlags(d, set, nset, flags)
                       : virDomainSetSchedulerParameters(d, set, nset);
        if (rc < 0) {
            st = err_virt(r, "failed to set the scheduler parameters of domain '%s'",
                          args_str(a, "domain"));
        } else {
            virTypedParamsFree(cur, n);
            n = sched_get(d, flags, &cur);
        }
    }
    if (st == LVSH_OK) {
        tparams_out(r, cur, n > 0 ? n : 0);
        out_json_set(r, "scheduler", json_str(type));
    }
    virTypedParamsFree(cur, n > 0 ? n : 0);
    virTypedParamsFree(set, nset);
    free(type);
    return st;
}

static const struct lvsh_opt opts_schedinfo[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "weight", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED | LVSH_OPTF_WRITES,
      .help = "the weight (Xen credit scheduler)",
      .metavar = "number" },
    { .name = "cap", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED | LVSH_OPTF_WRITES,
      .help = "the cap (Xen credit scheduler)",
      .metavar = "number" },
    /* virsh's order here: --current first */
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "the current state (the default)" },
    { .name = "config", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_CONFIG,
      .help = "the persistent definition (next boot)" },
    { .name = "live", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_LIVE,
      .help = "the running domain" },
    { .name = "set", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_WRITES,
      .help = "change one parameter: NAME=VALUE (cpu_shares=512)", .metavar = "name=value" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_schedinfo = {
    .name = "schedinfo",
    .group = "domain",
    .summary = "show or set a domain's scheduler parameters",
    .description = "Print the scheduler and its parameters for a domain (cpu_shares, "
                   "vcpu_period, ...), after applying any change given with --set.",
    .opts = opts_schedinfo,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_schedinfo,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- blkiotune, blkdeviotune, domblkthreshold --------------------------- */

static const char *const blkio_opts[][2] = {
    { "device-weights", VIR_DOMAIN_BLKIO_DEVICE_WEIGHT },
    { "device-read-iops-sec", VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS },
    { "device-write-iops-sec", VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS },
    { "device-read-bytes-sec", VIR_DOMAIN_BLKIO_DEVICE_READ_BPS },
    { "device-write-bytes-sec", VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS },
};

/* Show the current values (get) or apply the changes in set (set). */
static enum lvsh_status tune_run(virDomainPtr d, const char *dev, tparam_getter get,
                                 int (*apply)(virDomainPtr, const char *,
                                              virTypedParameterPtr, int, unsigned),
                                 virTypedParameterPtr set, int nset, unsigned flags,
                                 struct lvsh_result *r, const char *get_msg,
                                 const char *set_msg)
{
    virTypedParameterPtr cur = NULL;
    if (nset > 0) {
        if (apply(d, dev, set, nset, flags) < 0)
            return err_virt(r, "%s", set_msg);
        tune_done(r, d, set, nset, false);
        if (dev)
            out_json_set(r, "device", json_str(dev));
        return LVSH_OK;
    }
    int n = get_params(d, dev, get, flags, &cur);
    if (n < 0)
        return err_virt(r, "%s", get_msg);
    tparams_out(r, cur, n);
    virTypedParamsFree(cur, n);
    return LVSH_OK;
}

static int apply_blkio(virDomainPtr d, const char *dev, virTypedParameterPtr p, int n,
                       unsigned f)
{
    (void)dev;
    return virDomainSetBlkioParameters(d, p, n, f);
}

static enum lvsh_status run_blkiotune(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr set = NULL;
    int nset = 0, max = 0;
    long long weight;
    if (args_int(a, "weight", &weight))
        virTypedParamsAddUInt(&set, &nset, &max, VIR_DOMAIN_BLKIO_WEIGHT, (unsigned)weight);
    for (size_t i = 0; i < sizeof(blkio_opts) / sizeof(blkio_opts[0]); i++) {
        const char *v = args_str(a, blkio_opts[i][0]);
        if (v)
            virTypedParamsAddString(&set, &nset, &max, blkio_opts[i][1], v);
    }
    enum lvsh_status st = tune_run(args_target(a), NULL, get_blkio, apply_blkio, set, nset,
                                   args_flags(a), r,
                                   "Unable to get blkio parameters",   /* virsh's words */
                                   "Unable to change blkio parameters");
    virTypedParamsFree(set, nset);
    return st;
}

#define DEVLIST_OPT(n, h) { .name = n, .type = LVSH_OPT_STRING, .help = h, \
                            .flags = LVSH_OPTF_WRITES, \
                            .metavar = "/dev/x,value,..." }
static const struct lvsh_opt opts_blkiotune[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "weight", .type = LVSH_OPT_INT, .min = 0, .max = 10000,
      .flags = LVSH_OPTF_WRITES, .help = "the I/O weight of the domain" },
    DEVLIST_OPT("device-weights", "per-device weights: /path/to/device,weight,..."),
    DEVLIST_OPT("device-read-iops-sec", "per-device read operations per second"),
    DEVLIST_OPT("device-write-iops-sec", "per-device write operations per second"),
    DEVLIST_OPT("device-read-bytes-sec", "per-device bytes read per second"),
    DEVLIST_OPT("device-write-bytes-sec", "per-device bytes written per second"),
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_blkiotune = {
    .name = "blkiotune",
    .group = "domain",
    .summary = "show or set a domain's block I/O weights and limits",
    .description = "Without changes, print the block I/O parameters of a domain; with "
                   "them, set the weight or per-device limits.",
    .opts = opts_blkiotune,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_blkiotune,
    .target = LVSH_KIND_DOMAIN,
};

static const char *const iotune_opts[] = {
    "total-bytes-sec", "read-bytes-sec", "write-bytes-sec", "total-iops-sec",
    "read-iops-sec", "write-iops-sec", "total-bytes-sec-max", "read-bytes-sec-max",
    "write-bytes-sec-max", "total-iops-sec-max", "read-iops-sec-max", "write-iops-sec-max",
    "size-iops-sec", "total-bytes-sec-max-length", "read-bytes-sec-max-length",
    "write-bytes-sec-max-length", "total-iops-sec-max-length", "read-iops-sec-max-length",
    "write-iops-sec-max-length",
};

static int apply_iotune(virDomainPtr d, const char *dev, virTypedParameterPtr p, int n,
                        unsigned f)
{
    return virDomainSetBlockIoTune(d, dev, p, n, f);
}

static void iotune_changes(const struct lvsh_args *a, virTypedParameterPtr *set, int *nset)
{
    int max = 0;
    for (size_t i = 0; i < sizeof(iotune_opts) / sizeof(iotune_opts[0]); i++) {
        unsigned long long v;
        if (!args_has(a, iotune_opts[i]))
            continue;
        char *field = xstrdup(iotune_opts[i]);
        for (char *p = field; *p; p++)
            if (*p == '-')
                *p = '_';
        if (!args_size(a, iotune_opts[i], &v)) {
            long long n = 0;
            args_int(a, iotune_opts[i], &n);
            v = (unsigned long long)n;
        }
        virTypedParamsAddULLong(set, nset, &max, field, v);
        free(field);
    }
    if (args_str(a, "group-name"))
        virTypedParamsAddString(set, nset, &max, VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME,
                                args_str(a, "group-name"));
}

static enum lvsh_status run_blkdeviotune(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr set = NULL;
    int nset = 0;
    iotune_changes(a, &set, &nset);
    enum lvsh_status st = tune_run(args_target(a), args_str(a, "device"), get_iotune,
                                   apply_iotune, set, nset, args_flags(a), r,
                                   "Unable to get block I/O throttle parameters",
                                   "Unable to change block I/O throttle");
    virTypedParamsFree(set, nset);
    return st;
}

#define IOTUNE_BYTES(n, h) { .name = n, .type = LVSH_OPT_SIZE, .help = h, \
                             .flags = LVSH_OPTF_WRITES, .metavar = "bytes" }
#define IOTUNE_NUM(n, h) { .name = n, .type = LVSH_OPT_INT, .min = 0, \
                           .flags = LVSH_OPTF_WRITES, \
                           .max = 0x7fffffffffffffffLL, .help = h }
static const struct lvsh_opt opts_blkdeviotune[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "device", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "disk target or source path", .complete = LVSH_COMP_DOMAIN_DISK },
    IOTUNE_BYTES("total-bytes-sec", "total throughput limit (bytes unless suffixed)"),
    IOTUNE_BYTES("read-bytes-sec", "read throughput limit"),
    IOTUNE_BYTES("write-bytes-sec", "write throughput limit"),
    IOTUNE_NUM("total-iops-sec", "total operations per second"),
    IOTUNE_NUM("read-iops-sec", "read operations per second"),
    IOTUNE_NUM("write-iops-sec", "write operations per second"),
    IOTUNE_BYTES("total-bytes-sec-max", "total throughput burst"),
    IOTUNE_BYTES("read-bytes-sec-max", "read throughput burst"),
    IOTUNE_BYTES("write-bytes-sec-max", "write throughput burst"),
    IOTUNE_NUM("total-iops-sec-max", "total operations burst"),
    IOTUNE_NUM("read-iops-sec-max", "read operations burst"),
    IOTUNE_NUM("write-iops-sec-max", "write operations burst"),
    IOTUNE_NUM("size-iops-sec", "bytes that count as one operation"),
    LVSH_OPT_ALIAS_OF("group_name", "group-name"),
    { .name = "group-name", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_WRITES,
      .help = "share the limits with the disks of this group" },
    IOTUNE_NUM("total-bytes-sec-max-length", "seconds the total throughput burst may last"),
    IOTUNE_NUM("read-bytes-sec-max-length", "seconds the read throughput burst may last"),
    IOTUNE_NUM("write-bytes-sec-max-length", "seconds the write throughput burst may last"),
    IOTUNE_NUM("total-iops-sec-max-length", "seconds the total operations burst may last"),
    IOTUNE_NUM("read-iops-sec-max-length", "seconds the read operations burst may last"),
    IOTUNE_NUM("write-iops-sec-max-length", "seconds the write operations burst may last"),
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_ALIAS_OF("total_bytes_sec", "total-bytes-sec"),
    LVSH_OPT_ALIAS_OF("read_bytes_sec", "read-bytes-sec"),
    LVSH_OPT_ALIAS_OF("write_bytes_sec", "write-bytes-sec"),
    LVSH_OPT_ALIAS_OF("total_iops_sec", "total-iops-sec"),
    LVSH_OPT_ALIAS_OF("read_iops_sec", "read-iops-sec"),
    LVSH_OPT_ALIAS_OF("write_iops_sec", "write-iops-sec"),
    LVSH_OPT_ALIAS_OF("total_bytes_sec_max", "total-bytes-sec-max"),
    LVSH_OPT_ALIAS_OF("read_bytes_sec_max", "read-bytes-sec-max"),
    LVSH_OPT_ALIAS_OF("write_bytes_sec_max", "write-bytes-sec-max"),
    LVSH_OPT_ALIAS_OF("total_iops_sec_max", "total-iops-sec-max"),
    LVSH_OPT_ALIAS_OF("read_iops_sec_max", "read-iops-sec-max"),
    LVSH_OPT_ALIAS_OF("write_iops_sec_max", "write-iops-sec-max"),
    LVSH_OPT_ALIAS_OF("size_iops_sec", "size-iops-sec"),
    LVSH_OPT_ALIAS_OF("total_bytes_sec_max_length", "total-bytes-sec-max-length"),
    LVSH_OPT_ALIAS_OF("read_bytes_sec_max_length", "read-bytes-sec-max-length"),
    LVSH_OPT_ALIAS_OF("write_bytes_sec_max_length", "write-bytes-sec-max-length"),
    LVSH_OPT_ALIAS_OF("total_iops_sec_max_length", "total-iops-sec-max-length"),
    LVSH_OPT_ALIAS_OF("read_iops_sec_max_length", "read-iops-sec-max-length"),
    LVSH_OPT_ALIAS_OF("write_iops_sec_max_length", "write-iops-sec-max-length"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_blkdeviotune = {
    .name = "blkdeviotune",
    .group = "domain",
    .summary = "show or set the I/O limits of a domain's disk",
    .description = "Without limits, print the I/O throttling of a disk; with them, change "
                   "those limits (0 removes one).",
    .opts = opts_blkdeviotune,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_blkdeviotune,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_domblkthreshold(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    (void)s;
    unsigned long long threshold = 0;
    args_size(a, "threshold", &threshold);
    virDomainPtr d = args_target(a);
    if (virDomainSetBlockThreshold(d, args_str(a, "dev"), threshold, 0) < 0)
        return err_lib(r, "failed to set the threshold of disk '%s'", args_str(a, "dev"));
    act_json(r, LVSH_KIND_DOMAIN, d, "threshold set");
    out_json_set(r, "device", json_str(args_str(a, "dev")));
    out_json_set(r, "threshold", json_integer((json_int_t)threshold));
    return LVSH_OK;
}

static const struct lvsh_opt opts_domblkthreshold[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "dev", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "disk target, or target[index] for a backing image",
      .complete = LVSH_COMP_DOMAIN_DISK },
    { .name = "threshold", .type = LVSH_OPT_SIZE,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "raise an event once this much is written (bytes unless suffixed)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domblkthreshold = {
    .name = "domblkthreshold",
    .group = "domain",
    .summary = "set a write threshold on a domain's disk",
    .description = "Ask for a block-threshold event once the disk's allocation passes the "
                   "size given (0 removes the threshold).",
    .opts = opts_domblkthreshold,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_domblkthreshold,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- numatune ---------------------------------------------------------- */

static const char *const numa_modes[] = { "strict", "preferred", "interleave", "restrictive",
                                          NULL };

static void numatune_show(struct lvsh_result *r, const virTypedParameter *p, int n)
{
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
        if (strcmp(p[i].field, VIR_DOMAIN_NUMA_MODE) == 0 && p[i].type == VIR_TYPED_PARAM_INT) {
            int m = p[i].value.i;
            const char *w = m >= 0 && m < 4 ? numa_modes[m] : "unknown";
            out_text(r, "%-15s: %s\n", p[i].field, w);
            json_object_set_new(o, p[i].field, json_str(w));
        } else {
            char *t = tparam_text(&p[i]);
            out_text(r, "%-15s: %s\n", p[i].field, t);
            json_object_set_new(o, p[i].field, tparam_json(&p[i]));
            free(t);
        }
    }
    out_json(r, o);
}

static bool numa_mode_parse(const char *s, int *mode)
{
    for (int i = 0; numa_modes[i]; i++) {
        if (strcmp(s, numa_modes[i]) == 0) {
            *mode = i;
            return true;
        }
    }
    char *end;
    long v = strtol(s, &end, 10);
    if (*s && !*end && v >= 0 && v < 4) {
        *mode = (int)v;
        return true;
    }
    return false;
}

static enum lvsh_status run_numatune(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr set = NULL, cur = NULL;
    int nset = 0, max = 0, mode;
    unsigned flags = args_flags(a);
    const char *m = args_str(a, "mode");
    if (m && !numa_mode_parse(m, &mode))
        return err_usage(r, "invalid NUMA mode '%s' (strict, preferred, interleave, "
                         "restrictive or a number)", m);
    if (m)
        virTypedParamsAddInt(&set, &nset, &max, VIR_DOMAIN_NUMA_MODE, mode);
    if (args_str(a, "nodeset"))
        virTypedParamsAddString(&set, &nset, &max, VIR_DOMAIN_NUMA_NODESET,
                                args_str(a, "nodeset"));
    virDomainPtr d = args_target(a);
    enum lvsh_status st = LVSH_OK;
    if (nset > 0) {
        if (virDomainSetNumaParameters(d, set, nset, flags) < 0)
            st = err_virt(r, "failed to change the NUMA tuning of domain '%s'",
                          args_str(a, "domain"));
        else
            tune_done(r, d, set, nset, false);
    } else {
        int n = get_params(d, NULL, get_numa, flags, &cur);
        if (n < 0)
            st = err_virt(r, "failed to get the NUMA tuning of domain '%s'",
                          args_str(a, "domain"));
        else
            numatune_show(r, cur, n);
        virTypedParamsFree(cur, n > 0 ? n : 0);
    }
    virTypedParamsFree(set, nset);
    return st;
}

static const struct lvsh_opt opts_numatune[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "mode", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_WRITES,
      .help = "memory placement policy: strict, preferred, interleave or restrictive" },
    { .name = "nodeset", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_WRITES,
      .help = "host NUMA nodes, like 0-1,3" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_numatune = {
    .name = "numatune",
    .group = "domain",
    .summary = "show or set a domain's NUMA memory placement",
    .description = "Without changes, print the NUMA mode and node set of a domain; with "
                   "--mode or --nodeset, change them.",
    .opts = opts_numatune,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_numatune,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- cpu-stats ----------------------------------------------------------- */

static void cpustat_lines(struct lvsh_result *r, json_t *o, const virTypedParameter *p, int n)
{
    for (int i = 0; i < n; i++) {
        if (p[i].type == 0)   /* an offline CPU leaves its slots empty */
            continue;
        if (p[i].type == VIR_TYPED_PARAM_ULLONG && strstr(p[i].field, "_time")) {
            out_text(r, "\t%-15s %6llu.%09llu seconds\n", p[i].field,
                      p[i].value.ul / 1000000000ULL, p[i].value.ul % 1000000000ULL);
        } else {
            char *t = tparam_text(&p[i]);
            out_text(r, "\t%-15s %s\n", p[i].field, t);
            free(t);
        }
        json_object_set_new(o, p[i].field, tparam_json(&p[i]));
    }
}

static enum lvsh_status cpustats_percpu(virDomainPtr d, struct lvsh_result *r, json_t *out,
                                        long long start, long long count)
{
    int ncpus = virDomainGetCPUStats(d, NULL, 0, 0, 0, 0);
    int per = ncpus < 0 ? -1 : virDomainGetCPUStats(d, NULL, 0, 0, 1, 0);
    if (per < 0)
        return err_virt(r, "failed to get the CPU statistics of domain '%s'",
                        virDomainGetName(d));
    if (start >= ncpus)
        return err_fail(r, "Start CPU %lld is out of range (min: 0, max: %d)", start, ncpus - 1);
    if (count < 0 || count > ncpus) {
        if (count > 0)   /* virsh says so on stdout, even under -q */
            out_text(r, "Only %d CPUs available to show\n", ncpus);
        count = ncpus - start;
    }
    if (start + count > ncpus)
        count = ncpus - start;
    json_t *arr = json_array();
    json_object_set_new(out, "cpus", arr);
    for (long long c = start; c < start + count; c++) {
        virTypedParameterPtr p = xcalloc((size_t)per + 1, sizeof(*p));
        int n = virDomainGetCPUStats(d, p, (unsigned)per, (int)c, 1, 0);
        if (n < 0) {
            free(p);
            return err_virt(r, "failed to get the statistics of CPU %lld", c);
        }
        json_t *o = json_pack("{s:I}", "cpu", (json_int_t)c);
        out_text(r, "CPU%lld:\n", c);
        cpustat_lines(r, o, p, n);
        json_array_append_new(arr, o);
        virTypedParamsClear(p, n);
        free(p);
    }
    return LVSH_OK;
}

static enum lvsh_status cpustats_total(virDomainPtr d, struct lvsh_result *r, json_t *out)
{
    int n = virDomainGetCPUStats(d, NULL, 0, -1, 1, 0);
    if (n < 0)
        return err_virt(r, "failed to get the CPU statistics of domain '%s'",
                        virDomainGetName(d));
    virTypedParameterPtr p = xcalloc((size_t)n + 1, sizeof(*p));
    n = virDomainGetCPUStats(d, p, (unsigned)n, -1, 1, 0);
    if (n < 0) {
        free(p);
        return err_virt(r, "failed to get the CPU statistics of domain '%s'",
                        virDomainGetName(d));
    }
    json_t *o = json_object();
    out_text(r, "Total:\n");
    cpustat_lines(r, o, p, n);
    json_object_set_new(out, "total", o);
    virTypedParamsFree(p, n);
    return LVSH_OK;
}

static enum lvsh_status run_cpu_stats(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    long long start = 0, count = -1;
    bool has_start = args_int(a, "start", &start), has_count = args_int(a, "count", &count);
    bool total = args_has(a, "total");
    virDomainPtr d = args_target(a);
    if ((has_start && start < 0) || (has_count && count < 0))   /* virsh's own checks */
        return err_fail(r, start < 0 ? "Invalid value for start CPU"
                                     : "Invalid value for number of CPUs to show");
    json_t *out = json_object();
    enum lvsh_status st = LVSH_OK;
    if (!total || has_start || has_count)
        st = cpustats_percpu(d, r, out, start, count);
    if (st == LVSH_OK && (total || (!has_start && !has_count)))
        st = cpustats_total(d, r, out);
    out_json(r, out);
    return st;
}

static const struct lvsh_opt opts_cpu_stats[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "total", .type = LVSH_OPT_BOOL, .help = "only the totals" },
    { .name = "start", .type = LVSH_OPT_INT, .min = -0x7fffffffLL - 1, .max = 0x7fffffff,
      .help = "the first host CPU to show", .metavar = "cpu" },
    { .name = "count", .type = LVSH_OPT_INT, .min = -0x7fffffffLL - 1, .max = 0x7fffffff,
      .help = "how many host CPUs to show at most" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_cpu_stats = {
    .name = "cpu-stats",
    .group = "domain",
    .summary = "show a domain's CPU time per host CPU",
    .description = "Print the CPU time a running domain used on each host CPU and in "
                   "total (user and system time).",
    .opts = opts_cpu_stats,
    .flags = LVSH_CMD_CONN,
    .handler = run_cpu_stats,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_resources) = { &cmd_setmem, &cmd_setmaxmem, &cmd_memtune, &cmd_schedinfo,
                                  &cmd_blkiotune, &cmd_blkdeviotune, &cmd_domblkthreshold,
                                  &cmd_numatune, &cmd_cpu_stats, NULL };
