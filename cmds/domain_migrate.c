/* domain_migrate.c: migration (migrate) and the knobs of a running
 * migration job (migrate-setmaxdowntime, migrate-getmaxdowntime,
 * migrate-compcache, migrate-setspeed, migrate-getspeed, migrate-postcopy). */
#include "domain_util.h"
#include "progress.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- migrate ------------------------------------------------------------ */

/* Flags newer than the oldest libvirt lvsh builds with. */
#if LIBVIR_CHECK_VERSION(8, 0, 0)
#define MIG_SYNC_WRITES VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES
#else
#define MIG_SYNC_WRITES 0
#endif
#if LIBVIR_CHECK_VERSION(8, 5, 0)
#define MIG_POSTCOPY_RESUME VIR_MIGRATE_POSTCOPY_RESUME
#define MIG_ZEROCOPY VIR_MIGRATE_ZEROCOPY
#else
#define MIG_POSTCOPY_RESUME 0
#define MIG_ZEROCOPY 0
#endif


/* Options that are typed parameters: strings, string lists, numbers. */
enum mp_kind { MP_STR, MP_LIST, MP_INT, MP_ULL, MP_FILE };
static const struct { const char *opt; const char *field; enum mp_kind kind; } migrate_params[] = {
    { "migrateuri", VIR_MIGRATE_PARAM_URI, MP_STR },
    { "graphicsuri", VIR_MIGRATE_PARAM_GRAPHICS_URI, MP_STR },
    { "listen-address", VIR_MIGRATE_PARAM_LISTEN_ADDRESS, MP_STR },
    { "dname", VIR_MIGRATE_PARAM_DEST_NAME, MP_STR },
    { "xml", VIR_MIGRATE_PARAM_DEST_XML, MP_FILE },
    { "persistent-xml", VIR_MIGRATE_PARAM_PERSIST_XML, MP_FILE },
    { "migrate-disks", VIR_MIGRATE_PARAM_MIGRATE_DISKS, MP_LIST },
    { "disks-port", VIR_MIGRATE_PARAM_DISKS_PORT, MP_INT },
    { "disks-uri", VIR_MIGRATE_PARAM_DISKS_URI, MP_STR },
    { "comp-methods", VIR_MIGRATE_PARAM_COMPRESSION, MP_LIST },
    { "comp-mt-level", VIR_MIGRATE_PARAM_COMPRESSION_MT_LEVEL, MP_INT },
    { "comp-mt-threads", VIR_MIGRATE_PARAM_COMPRESSION_MT_THREADS, MP_INT },
    { "comp-mt-dthreads", VIR_MIGRATE_PARAM_COMPRESSION_MT_DTHREADS, MP_INT },
    { "comp-xbzrle-cache", VIR_MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE, MP_ULL },
    { "auto-converge-initial", VIR_MIGRATE_PARAM_AUTO_CONVERGE_INITIAL, MP_INT },
    { "auto-converge-increment", VIR_MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT, MP_INT },
    { "postcopy-bandwidth", VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY, MP_ULL },
    { "parallel-connections", VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS, MP_INT },
    { "bandwidth", VIR_MIGRATE_PARAM_BANDWIDTH, MP_ULL },
    { "tls-destination", VIR_MIGRATE_PARAM_TLS_DESTINATION, MP_STR },
};

/* Add a comma-separated list as one parameter per item. */
static int add_list(virTypedParameterPtr *p, int *n, int *max, const char *field,
                    const char *list)
{
    char *copy = xstrdup(list), *save = NULL;
    int rc = 0;
    for (char *w = strtok_r(copy, ",", &save); w && rc == 0; w = strtok_r(NULL, ",", &save))
        rc = virTypedParamsAddString(p, n, max, field, w);
    free(copy);
    return rc;
}

/* One option as a typed parameter; false with r filled on failure. */
static bool add_param(struct lvsh_result *r, const struct lvsh_args *a, size_t i,
                      virTypedParameterPtr *p, int *n, int *max)
{
    const char *opt = migrate_params[i].opt, *field = migrate_params[i].field;
    long long v = 0;
    char *text = NULL;
    int rc = 0;
    switch (migrate_params[i].kind) {
    case MP_STR:
        rc = virTypedParamsAddString(p, n, max, field, args_str(a, opt));
        break;
    case MP_LIST:
        rc = add_list(p, n, max, field, args_str(a, opt));
        break;
    case MP_INT:
        args_int(a, opt, &v);
        rc = virTypedParamsAddInt(p, n, max, field, (int)v);
        break;
    case MP_ULL:
        args_int(a, opt, &v);
        rc = virTypedParamsAddULLong(p, n, max, field, (unsigned long long)v);
        break;
    case MP_FILE:
        if (!(text = xml_read_file(r, args_str(a, opt))))
            return false;
        rc = virTypedParamsAddString(p, n, max, field, text);
        free(text);
        break;
    }
    if (rc < 0)
        err_virt(r, "cannot add migration parameter '%s'", field);
    return rc == 0;
}

/* The checks virsh makes before migrating; status LVSH_OK when fine. */
static enum lvsh_status migrate_check(struct lvsh_result *r, const struct lvsh_args *a)
{
    if ((args_has(a, "timeout-postcopy") || args_has(a, "postcopy-after-precopy")) &&
        !args_has(a, "postcopy"))
        return err_usage(r, "option --postcopy is required by option --%s",
                         args_has(a, "timeout-postcopy") ? "timeout-postcopy"
                                                         : "postcopy-after-precopy");
    if (args_has(a, "timeout") && !args_has(a, "live"))
        return err_usage(r, "migrate: unexpected timeout for offline migration");
    return LVSH_OK;
}

/* What the migration and its watcher share. */
struct migrate_job {
    struct lvsh_session *s;
    const struct lvsh_args *a;
    virDomainPtr d;
    virConnectPtr dconn;       /* NULL: peer-to-peer or direct, to desturi */
    const char *desturi;
    virTypedParameterPtr params;
    int nparams;
    unsigned int flags;
    struct lvsh_progress p;
    volatile int done;
};

/* The migration call itself, in the handler's thread (libvirt's error is
 * per thread, and err_virt reads it there). */
static int migrate_call(struct migrate_job *j)
{
    if (!j->dconn)
        return virDomainMigrateToURI3(j->d, j->desturi, j->params, (unsigned)j->nparams,
                                      j->flags);
    virDomainPtr nd = virDomainMigrate3(j->d, j->dconn, j->params, (unsigned)j->nparams,
                                        j->flags);
    if (!nd)
        return -1;
    virDomainFree(nd);
    return 0;
}

/* Progress from the job's stats; true once memory went through one pass. */
static bool job_progress(virDomainPtr d, struct lvsh_progress *p)
{
    virTypedParameterPtr st = NULL;
    int n = 0, type = 0;
    bool pass = false;
    if (virDomainGetJobStats(d, &type, &st, &n, 0) < 0) {
        virResetLastError();
        return false;
    }
    unsigned long long total = 0, done = 0, iter = 0;
    virTypedParamsGetULLong(st, n, VIR_DOMAIN_JOB_DATA_TOTAL, &total);
    virTypedParamsGetULLong(st, n, VIR_DOMAIN_JOB_DATA_PROCESSED, &done);
    virTypedParamsGetULLong(st, n, VIR_DOMAIN_JOB_MEMORY_ITERATION, &iter);
    pass = iter >= 1;
    if (total && !p->total)
        p->total = total;
    progress_set(p, done);
    virTypedParamsFree(st, n);
    return pass;
}

/* Watch the job: progress, --timeout, --postcopy-after-precopy, Ctrl-C. */
static void *migrate_watch(void *opaque)
{
    struct migrate_job *j = opaque;
    struct lvsh_session *s = j->s;
    const struct lvsh_args *a = j->a;
    struct lvsh_progress *p = &j->p;
    long long timeout = 0;
    args_int(a, "timeout", &timeout);
    bool after_precopy = args_has(a, "postcopy-after-precopy");
    bool aborted = false, acted = false;
    struct timespec start, now, nap = { 0, 100 * 1000 * 1000 };
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (!__atomic_load_n(&j->done, __ATOMIC_ACQUIRE)) {
        nanosleep(&nap, NULL);
        if (session_interrupted(s) && !aborted) {
            aborted = true;
            if (virDomainAbortJob(j->d) < 0)
                virResetLastError();
        }
        bool pass = (p->enabled || after_precopy) && job_progress(j->d, p);
        clock_gettime(CLOCK_MONOTONIC, &now);
        bool late = timeout > 0 && now.tv_sec - start.tv_sec >= timeout;
        if (acted || !(late || (after_precopy && pass)))
            continue;
        acted = true;
        int rc = (args_has(a, "timeout-postcopy") || !late)
                     ? virDomainMigrateStartPostCopy(j->d, 0)
                     : virDomainSuspend(j->d);
        if (rc < 0)
            virResetLastError();
    }
    return NULL;
}

static enum lvsh_status migrate_run(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r, struct migrate_job *j)
{
    pthread_t tid;
    j->s = s;
    j->a = a;
    progress_start(&j->p, "Migration", 0, args_has(a, "verbose") && progress_wanted(s, a));
    if (pthread_create(&tid, NULL, migrate_watch, j) != 0)
        return err_fail(r, "cannot start the migration watcher");
    const char *name = virDomainGetName(j->d);   /* before: it resets errors */
    int rc = migrate_call(j);
    __atomic_store_n(&j->done, 1, __ATOMIC_RELEASE);
    pthread_join(tid, NULL);   /* the watcher's errors are its own thread's */
    progress_end(&j->p, rc == 0);
    if (rc < 0)
        return err_virt(r, "failed to migrate domain '%s' to '%s'", name, j->desturi);
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, j->d);
    json_object_set_new(o, "desturi", json_str(j->desturi));
    json_object_set_new(o, "migrated", json_true());
    out_json(r, o);
    return LVSH_OK;
}

/* Flags and parameters from the options; false with r filled. */
static bool migrate_setup(struct lvsh_result *r, const struct lvsh_args *a,
                          struct migrate_job *j, int *max)
{
    j->flags |= args_flags(a);   /* the options that are plain migration flags */
    for (size_t i = 0; i < sizeof(migrate_params) / sizeof(migrate_params[0]); i++)
        if (args_has(a, migrate_params[i].opt) &&
            !add_param(r, a, i, &j->params, &j->nparams, max))
            return false;
    return true;
}

static enum lvsh_status run_migrate(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    enum lvsh_status st = migrate_check(r, a);
    if (st != LVSH_OK)
        return st;
    struct migrate_job j = { .desturi = args_str(a, "desturi") };
    int max = 0;
    j.d = args_target(a);
    st = LVSH_FAILED;
    if (!migrate_setup(r, a, &j, &max)) {
        ;
    } else if (!(j.flags & VIR_MIGRATE_PEER2PEER) && !args_has(a, "direct") &&
               !(j.dconn = virConnectOpenAuth(j.desturi, virConnectAuthPtrDefault, 0))) {
        /* a normal migration: the client talks to both hosts, as virsh does */
        err_lib(r, "failed to connect to the destination '%s'", j.desturi);
    } else {
        st = migrate_run(s, a, r, &j);
    }
    if (j.dconn)
        virConnectClose(j.dconn);
    virTypedParamsFree(j.params, j.nparams);
    return st;
}

#define MIG_BOOL(n, h) { .name = (n), .type = LVSH_OPT_BOOL, .help = (h) }
#define MIG_FLAG(n, f, h) { .name = (n), .type = LVSH_OPT_BOOL, .flag = (f), .help = (h) }
#define MIG_STR(n, h, c) { .name = (n), .type = LVSH_OPT_STRING, .help = (h), .complete = (c) }
#define MIG_NUM(n, h) { .name = (n), .type = LVSH_OPT_INT, .help = (h), .min = 0, \
                        .max = LLONG_MAX, .metavar = "number" }

static const struct lvsh_opt opts_migrate[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "desturi", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "connection URI of the destination, as the client (or with --p2p, the "
              "source host) sees it", .metavar = "uri", .complete = LVSH_COMP_URI },
    MIG_FLAG("live", VIR_MIGRATE_LIVE, "migrate while the guest runs"),
    MIG_FLAG("offline", VIR_MIGRATE_OFFLINE,
             "migrate only the definition of a domain (it need not run)"),
    MIG_FLAG("p2p", VIR_MIGRATE_PEER2PEER,
             "peer-to-peer: the source host talks to the destination itself"),
    MIG_BOOL("direct", "direct migration, handled by the hypervisor alone"),
    MIG_FLAG("tunnelled", VIR_MIGRATE_TUNNELLED, "carry the data over the libvirt connection"),
    MIG_FLAG("persistent", VIR_MIGRATE_PERSIST_DEST,
             "define the domain persistently on the destination"),
    MIG_FLAG("undefinesource", VIR_MIGRATE_UNDEFINE_SOURCE,
             "undefine the domain on the source afterwards"),
    MIG_FLAG("suspend", VIR_MIGRATE_PAUSED, "leave the domain paused on the destination"),
    MIG_FLAG("copy-storage-all", VIR_MIGRATE_NON_SHARED_DISK,
             "copy whole disks (storage not shared)"),
    MIG_FLAG("copy-storage-inc", VIR_MIGRATE_NON_SHARED_INC,
             "copy disks incrementally over a shared base image"),
    MIG_FLAG("copy-storage-synchronous-writes", MIG_SYNC_WRITES,
             "write guest disk writes to the destination synchronously, to converge"),
    MIG_FLAG("change-protection", VIR_MIGRATE_CHANGE_PROTECTION,
             "refuse configuration changes until migration ends"),
    MIG_FLAG("unsafe", VIR_MIGRATE_UNSAFE, "migrate even where libvirt considers it unsafe"),
    MIG_BOOL("verbose", "show the progress of the migration (on a terminal)"),
    MIG_FLAG("compressed", VIR_MIGRATE_COMPRESSED, "compress repeated pages during live migration"),
    MIG_FLAG("auto-converge", VIR_MIGRATE_AUTO_CONVERGE,
             "throttle the guest's CPUs so live migration converges"),
    MIG_FLAG("rdma-pin-all", VIR_MIGRATE_RDMA_PIN_ALL,
             "pin all memory before starting an RDMA migration"),
    MIG_FLAG("abort-on-error", VIR_MIGRATE_ABORT_ON_ERROR,
             "abort on soft errors (such as I/O errors) during migration"),
    MIG_FLAG("postcopy", VIR_MIGRATE_POSTCOPY,
             "allow post-copy; switch to it with migrate-postcopy"),
    MIG_BOOL("postcopy-after-precopy", "switch to post-copy after one pre-copy pass"),
    MIG_FLAG("postcopy-resume", MIG_POSTCOPY_RESUME, "resume a failed post-copy migration"),
    MIG_FLAG("zerocopy", MIG_ZEROCOPY, "send memory pages with zero-copy"),
    MIG_STR("migrateuri", "migration URI of the data channel (usually not needed)",
            LVSH_COMP_NONE),
    MIG_STR("graphicsuri", "URI the graphics clients move to", LVSH_COMP_NONE),
    MIG_STR("listen-address", "address the destination listens on for incoming data",
            LVSH_COMP_NONE),
    MIG_STR("dname", "new name of the domain on the destination", LVSH_COMP_NONE),
    MIG_NUM("timeout", "after this many seconds of live migration, act (--timeout-*)"),
    MIG_BOOL("timeout-suspend", "at the timeout, suspend the guest (the default)"),
    MIG_BOOL("timeout-postcopy", "at the timeout, switch to post-copy"),
    MIG_STR("xml", "file with the domain XML to use on the destination", LVSH_COMP_FILE),
    MIG_STR("migrate-disks", "comma-separated disk targets to copy", LVSH_COMP_NONE),
    MIG_NUM("disks-port", "port the destination uses for incoming disk data"),
    MIG_STR("disks-uri", "URI for disk data (overrides --disks-port)", LVSH_COMP_NONE),
    MIG_STR("comp-methods", "comma-separated compression methods (mt, xbzrle)",
            LVSH_COMP_NONE),
    MIG_NUM("comp-mt-level", "compression level of multithread compression"),
    MIG_NUM("comp-mt-threads", "compression threads of multithread compression"),
    MIG_NUM("comp-mt-dthreads", "decompression threads of multithread compression"),
    MIG_NUM("comp-xbzrle-cache", "page cache size in bytes for xbzrle compression"),
    MIG_NUM("auto-converge-initial", "initial CPU throttling rate of auto-convergence"),
    MIG_NUM("auto-converge-increment", "CPU throttling increment of auto-convergence"),
    MIG_STR("persistent-xml", "file with the persistent domain XML for the destination",
            LVSH_COMP_FILE),
    MIG_FLAG("tls", VIR_MIGRATE_TLS, "encrypt the migration data with TLS"),
    MIG_NUM("postcopy-bandwidth", "post-copy bandwidth limit in MiB/s"),
    MIG_FLAG("parallel", VIR_MIGRATE_PARALLEL, "migrate over several connections"),
    MIG_NUM("parallel-connections", "number of connections of a parallel migration"),
    MIG_NUM("bandwidth", "bandwidth limit in MiB/s"),
    MIG_STR("tls-destination", "host name to verify the destination's TLS certificate "
            "against", LVSH_COMP_NONE),
    LVSH_OPT_ALIAS_OF("tunneled", "tunnelled"),
    LVSH_OPT_END,
};

static const char *const excl_migrate[] = { "live offline", "timeout-suspend timeout-postcopy",
                                            NULL };

static const struct lvsh_cmd cmd_migrate = {
    .name = "migrate",
    .group = "domain",
    .summary = "migrate a domain to another host",
    .description = "Move a domain to the host at the destination URI.  A normal migration "
                   "connects from this client to both hosts; --p2p lets the source host "
                   "connect to the destination itself.  Ctrl-C aborts the migration job.",
    .opts = opts_migrate,
    .exclusive = excl_migrate,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_migrate,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- the knobs of a migration job --------------------------------------- */

static enum lvsh_status run_migrate_setmaxdowntime(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    (void)s;
    long long ms = 0;
    args_int(a, "downtime", &ms);
    if (ms < 1)
        return err_fail(r, "migrate: invalid downtime");
    virDomainPtr d = args_target(a);
    if (virDomainMigrateSetMaxDowntime(d, (unsigned long long)ms, 0) < 0)
        return err_lib(r, "failed to set the maximum downtime of domain '%s'",
                        virDomainGetName(d));
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(o, "downtime_ms", json_integer(ms));
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_migrate_setmaxdowntime[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "downtime", .type = LVSH_OPT_INT,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "maximum tolerable downtime of the migration, in milliseconds",
      .min = LLONG_MIN, .max = LLONG_MAX, .metavar = "ms" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_migrate_setmaxdowntime = {
    .name = "migrate-setmaxdowntime",
    .group = "domain",
    .summary = "set the maximum tolerable downtime of a migration",
    .description = "Set how long, in milliseconds, the guest may be paused at the end of a "
                   "live migration.",
    .opts = opts_migrate_setmaxdowntime,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_migrate_setmaxdowntime,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_migrate_getmaxdowntime(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    (void)s;
    unsigned long long ms = 0;
    virDomainPtr d = args_target(a);
    if (virDomainMigrateGetMaxDowntime(d, &ms, 0) < 0)
        return err_lib(r, "failed to get the maximum downtime of domain '%s'",
                   virDomainGetName(d));
    out_text(r, "%llu\n", ms);
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(o, "downtime_ms", json_integer((json_int_t)ms));
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_dom_active_only[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_migrate_getmaxdowntime = {
    .name = "migrate-getmaxdowntime",
    .group = "domain",
    .summary = "get the maximum tolerable downtime of a migration",
    .description = "Print how long, in milliseconds, the guest may be paused at the end of "
                   "a live migration.",
    .opts = opts_dom_active_only,
    .flags = LVSH_CMD_CONN,
    .handler = run_migrate_getmaxdowntime,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_migrate_compcache(struct lvsh_session *s, const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    (void)s;
    unsigned long long size = 0;
    long long want = 0;
    virDomainPtr d = args_target(a);
    const char *name = virDomainGetName(d);
    if (args_int(a, "size", &want) &&
        virDomainMigrateSetCompressionCache(d, (unsigned long long)want, 0) < 0)
        return err_virt(r, "failed to set the compression cache of domain '%s'", name);
    if (virDomainMigrateGetCompressionCache(d, &size, 0) < 0)
        return err_lib(r, "failed to get the compression cache of domain '%s'", name);
    char *text = fmt_size3(size);
    out_text(r, "Compression cache: %s\n", text);
    out_bare(r);   /* virsh prints no blank line after it */
    free(text);
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(o, "cache_bytes", json_integer((json_int_t)size));
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_migrate_compcache[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "size", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_NAMED | LVSH_OPTF_WRITES,
      .min = 0, .max = LLONG_MAX,
      .help = "set the size of the compression cache, in bytes", .metavar = "bytes" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_migrate_compcache = {
    .name = "migrate-compcache",
    .group = "domain",
    .summary = "get or set the compression cache size of a migration",
    .description = "Print the size of the cache that xbzrle compression of a live migration "
                   "uses; with --size, set it first.",
    .opts = opts_migrate_compcache,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_migrate_compcache,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_migrate_setspeed(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    long long bw = 0;
    args_int(a, "bandwidth", &bw);
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    if (virDomainMigrateSetMaxSpeed(d, (unsigned long)bw, flags) < 0)
        return err_lib(r, "failed to set the migration speed of domain '%s'",
                        virDomainGetName(d));
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(o, "bandwidth_mib_s", json_integer(bw));
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_migrate_setspeed[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "bandwidth", .type = LVSH_OPT_INT,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .min = 0, .max = LLONG_MAX,
      .help = "migration bandwidth limit in MiB/s", .metavar = "MiB/s" },
    { .name = "postcopy", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY,
      .help = "set the post-copy bandwidth" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_migrate_setspeed = {
    .name = "migrate-setspeed",
    .group = "domain",
    .summary = "set the maximum migration bandwidth",
    .description = "Limit the bandwidth of the domain's migrations, in MiB/s.",
    .opts = opts_migrate_setspeed,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_migrate_setspeed,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_migrate_getspeed(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    unsigned long bw = 0;
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    if (virDomainMigrateGetMaxSpeed(d, &bw, flags) < 0)
        return err_lib(r, "failed to get the migration speed of domain '%s'",
                   virDomainGetName(d));
    out_text(r, "%lu\n", bw);
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(o, "bandwidth_mib_s", json_integer((json_int_t)bw));
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_migrate_getspeed[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "postcopy", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY,
      .help = "get the post-copy bandwidth" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_migrate_getspeed = {
    .name = "migrate-getspeed",
    .group = "domain",
    .summary = "get the maximum migration bandwidth",
    .description = "Print the bandwidth limit of the domain's migrations, in MiB/s.",
    .opts = opts_migrate_getspeed,
    .flags = LVSH_CMD_CONN,
    .handler = run_migrate_getspeed,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_migrate_postcopy(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    virDomainPtr d = args_target(a);
    if (virDomainMigrateStartPostCopy(d, 0) < 0)
        return err_lib(r, "failed to switch the migration of domain '%s' to post-copy",
                   virDomainGetName(d));
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(o, "postcopy", json_true());
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_migrate_postcopy = {
    .name = "migrate-postcopy",
    .group = "domain",
    .summary = "switch a running migration to post-copy",
    .description = "Switch the domain's outgoing migration, started with --postcopy, to "
                   "post-copy mode: the guest runs on the destination from now on.",
    .opts = opts_dom_active_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_migrate_postcopy,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_migrate) = { &cmd_migrate, &cmd_migrate_setmaxdowntime,
                                &cmd_migrate_getmaxdowntime, &cmd_migrate_compcache,
                                &cmd_migrate_setspeed, &cmd_migrate_getspeed,
                                &cmd_migrate_postcopy, NULL };
