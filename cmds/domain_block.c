/* domain_block.c: block devices of a running domain: resizing, changing
 * removable media, and block jobs (pull, commit, copy) with their waits. */
#include "domain_common.h"
#include "domain_util.h"
#include "progress.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DISK_OPT(text) \
    { .name = "path", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "path", \
      .help = (text), .complete = LVSH_COMP_DOMAIN_DISK }
#define BW_OPT(text) \
    { .name = "bandwidth", .type = LVSH_OPT_INT, .metavar = "number", .min = 0, \
      .max = 0x7fffffffffffffffLL, .help = (text) }, \
    { .name = "bytes", .type = LVSH_OPT_BOOL, \
      .help = "the bandwidth limit is in bytes/s rather than MiB/s" }
#define WAIT_OPTS(wait, timeout, async) \
    { .name = "wait", .type = LVSH_OPT_BOOL, .help = (wait) }, \
    { .name = "verbose", .type = LVSH_OPT_BOOL, \
      .help = "with --wait, display the progress (on a terminal)" }, \
    { .name = "timeout", .type = LVSH_OPT_INT, .metavar = "seconds", .min = 1, \
      .max = 0x7fffffff, .help = (timeout) }, \
    { .name = "async", .type = LVSH_OPT_BOOL, .help = (async) }

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- waiting for a block job --------------------------------------------- */

struct bj_wait {
    struct lvsh_session *s;
    virDomainPtr d;
    const char *path;
    long long timeout_ms;       /* 0: none */
    bool async;                 /* abort without waiting for the end */
    int cb[2];                  /* BLOCK_JOB (paths) and BLOCK_JOB_2 (targets) */
    volatile int status;        /* from the event thread; -1 until an event */
};

static void bj_event(virConnectPtr c, virDomainPtr d, const char *disk, int type,
                     int status, void *opaque)
{
    (void)c; (void)d; (void)type;
    struct bj_wait *w = opaque;
    if (disk && strcmp(disk, w->path) == 0)
        __atomic_store_n(&w->status, status, __ATOMIC_RELEASE);
}

static void bj_listen(struct bj_wait *w)
{
    static const int ids[2] = { VIR_DOMAIN_EVENT_ID_BLOCK_JOB, VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 };
    w->status = -1;
    for (int i = 0; i < 2; i++) {
        w->cb[i] = -1;
        if (w->s->event_thread_running)
            w->cb[i] = virConnectDomainEventRegisterAny(
                w->s->conn, w->d, ids[i], VIR_DOMAIN_EVENT_CALLBACK(bj_event), w, NULL);
    }
    virResetLastError();
}

static void bj_unlisten(struct bj_wait *w)
{
    for (int i = 0; i < 2; i++)
        if (w->cb[i] >= 0)
            virConnectDomainEventDeregisterAny(w->s->conn, w->cb[i]);
}

/* Abort the job after a timeout or Ctrl-C; CANCELED, or -1 with r filled. */
static int bj_abort(struct bj_wait *w, struct lvsh_result *r)
{
    unsigned f = w->async ? VIR_DOMAIN_BLOCK_JOB_ABORT_ASYNC : 0;
    if (virDomainBlockJobAbort(w->d, w->path, f) < 0) {
        err_virt(r, "failed to abort job for disk '%s'", w->path);
        return -1;
    }
    return VIR_DOMAIN_BLOCK_JOB_CANCELED;
}

/* Wait until the job ends or becomes ready: a VIR_DOMAIN_BLOCK_JOB_* status,
 * or -1 with r filled.  Events say how it ended; without them a vanished job
 * counts as completed and a full one as ready, as virsh assumes. */
static int bj_wait(struct bj_wait *w, struct lvsh_progress *p, struct lvsh_result *r)
{
    bj_listen(w);
    bool events = w->cb[0] >= 0 || w->cb[1] >= 0;
    int retries = 3, ret;
    double start = now_ms();
    for (;;) {
        if ((ret = __atomic_load_n(&w->status, __ATOMIC_ACQUIRE)) != -1)
            break;
        virDomainBlockJobInfo info;
        int rc = virDomainGetBlockJobInfo(w->d, w->path, &info, 0);
        if (rc < 0) {
            err_virt(r, "failed to query job for disk %s", w->path);
            ret = -1;
            break;
        }
        if (rc == 0 && (!events || --retries <= 0)) {
            ret = VIR_DOMAIN_BLOCK_JOB_COMPLETED;
            break;
        }
        if (rc > 0 && info.cur == info.end && info.end && (!events || --retries <= 0)) {
            ret = VIR_DOMAIN_BLOCK_JOB_READY;
            break;
        }
        if (rc > 0 && info.end) {
            p->total = info.end;
            progress_set(p, info.cur);
        }
        if (session_interrupted(w->s) ||
            (w->timeout_ms && now_ms() - start > (double)w->timeout_ms)) {
            ret = bj_abort(w, r);
            break;
        }
        struct timespec ts = { 0, 500 * 1000 * 1000 };
        nanosleep(&ts, NULL);
    }
    bj_unlisten(w);
    if (ret == VIR_DOMAIN_BLOCK_JOB_COMPLETED && p->total)
        progress_set(p, p->total);
    progress_end(p, ret == VIR_DOMAIN_BLOCK_JOB_COMPLETED || ret == VIR_DOMAIN_BLOCK_JOB_READY);
    return ret;
}

/* Set up and run a wait for the job just started on d/path. */
static int bj_run(struct lvsh_session *s, const struct lvsh_args *a, virDomainPtr d,
                  const char *label, struct lvsh_result *r)
{
    long long timeout = 0;
    args_int(a, "timeout", &timeout);
    struct bj_wait w = { .s = s, .d = d, .path = args_str(a, "path"),
                         .timeout_ms = timeout * 1000, .async = args_has(a, "async") };
    struct lvsh_progress p;
    progress_start(&p, label, 0, args_has(a, "verbose") && progress_wanted(s, a));
    return bj_wait(&w, &p, r);
}

/* --bandwidth as the APIs take it; false with r filled when too large. */
static bool bandwidth_arg(const struct lvsh_args *a, struct lvsh_result *r,
                          unsigned long *bw, unsigned *flags, unsigned bytes_flag)
{
    long long v = 0;
    *bw = 0;
    if (!args_int(a, "bandwidth", &v))
        return true;
    if ((unsigned long long)v > (unsigned long long)(unsigned long)-1) {
        err_fail(r, "bandwidth must be less than %lu", (unsigned long)-1);
        return false;
    }
    *bw = (unsigned long)v;
    if (args_has(a, "bytes"))
        *flags |= bytes_flag;
    return true;
}

/* "Job started" for an unwaited job, or the wait's message; the status. */
static enum lvsh_status job_result(struct lvsh_result *r, virDomainPtr d, int how,
                                   const char *const *msgs)
{
    json_t *j = kind_json_ref(LVSH_KIND_DOMAIN, d);
    static const char *const words[] = { "completed", "failed", "canceled", "ready" };
    enum lvsh_status st = LVSH_OK;
    if (how == -1) {
        json_decref(j);
        return LVSH_FAILED;
    }
    if (how == -2) {
        out_info(r, "%s", msgs[0]);
        json_object_set_new(j, "job", json_string("started"));
    } else {
        out_info(r, "\n%s", msgs[how]);
        json_object_set_new(j, "job", json_string(words[how]));
        if (how == VIR_DOMAIN_BLOCK_JOB_FAILED || how == VIR_DOMAIN_BLOCK_JOB_CANCELED)
            st = LVSH_FAILED;
    }
    out_bare(r);
    out_json(r, j);
    return st;
}

/* ---- blockpull ------------------------------------------------------------ */

static enum lvsh_status run_blockpull(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    const char *path = args_str(a, "path"), *base = args_str(a, "base");
    bool wait = args_has(a, "wait");
    unsigned flags = 0;
    unsigned long bw;
    if (!wait && (args_has(a, "verbose") || args_has(a, "timeout") || args_has(a, "async")))
        return err_fail(r, "Option --wait is required by option --%s",
                        args_has(a, "verbose") ? "verbose"
                        : args_has(a, "timeout") ? "timeout" : "async");
    if (!bandwidth_arg(a, r, &bw, &flags, VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_BYTES))
        return LVSH_FAILED;
    if (args_has(a, "keep-relative"))
        flags |= VIR_DOMAIN_BLOCK_REBASE_RELATIVE;
    virDomainPtr d = args_target(a);
    int rc;
    if (base || (flags & VIR_DOMAIN_BLOCK_REBASE_RELATIVE)) {
        if (flags & VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_BYTES)
            flags = (flags & ~VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_BYTES) |
                    VIR_DOMAIN_BLOCK_REBASE_BANDWIDTH_BYTES;
        rc = virDomainBlockRebase(d, path, base, bw, flags);
    } else {
        rc = virDomainBlockPull(d, path, bw, flags);
    }
    if (rc < 0)
        return err_fail(r, "%s", virGetLastErrorMessage());
    static const char *const msgs[] = { "Pull complete", "Pull failed", "Pull aborted",
                                        "Pull complete" };
    if (!wait)
        return job_result(r, d, -2, (const char *const[]){ "Block Pull started" });
    return job_result(r, d, bj_run(s, a, d, "Block Pull", r), msgs);
}

static const struct lvsh_opt opts_blockpull[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    DISK_OPT("fully-qualified path or target of the disk"),
    { .name = "bandwidth", .type = LVSH_OPT_INT, .metavar = "number", .min = 0,
      .max = 0x7fffffffffffffffLL, .help = "bandwidth limit in MiB/s" },
    { .name = "base", .type = LVSH_OPT_STRING, .metavar = "path",
      .help = "path of the backing file in the chain for a partial pull" },
    WAIT_OPTS("wait for the job to finish",
              "with --wait, abort if the pull exceeds this timeout (in seconds)",
              "with --wait, don't wait for the cancel to finish"),
    { .name = "keep-relative", .type = LVSH_OPT_BOOL,
      .help = "keep the backing chain relatively referenced" },
    { .name = "bytes", .type = LVSH_OPT_BOOL,
      .help = "the bandwidth limit is in bytes/s rather than MiB/s" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_blockpull = {
    .name = "blockpull",
    .group = "domain",
    .summary = "populate a disk from its backing image chain",
    .description = "Copy data from the backing files into the top image so that it no "
                   "longer needs them (or only those below --base). With --wait, Ctrl-C or "
                   "--timeout aborts the job.",
    .opts = opts_blockpull,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_blockpull,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- blockcommit ------------------------------------------------------- */

static unsigned commit_flags(const struct lvsh_args *a, bool *active)
{
    unsigned f = 0;
    *active = args_has(a, "active") || args_has(a, "pivot") || args_has(a, "keep-overlay");
    if (*active)
        f |= VIR_DOMAIN_BLOCK_COMMIT_ACTIVE;
    if (args_has(a, "shallow"))
        f |= VIR_DOMAIN_BLOCK_COMMIT_SHALLOW;
    if (args_has(a, "delete"))
        f |= VIR_DOMAIN_BLOCK_COMMIT_DELETE;
    if (args_has(a, "keep-relative"))
        f |= VIR_DOMAIN_BLOCK_COMMIT_RELATIVE;
    return f;
}

/* Conclude a ready job as --pivot/--finish ask; the status to report. */
static int conclude(virDomainPtr d, const char *path, bool pivot, bool finish,
                    struct lvsh_result *r)
{
    if (!pivot && !finish)
        return VIR_DOMAIN_BLOCK_JOB_READY;
    if (virDomainBlockJobAbort(d, path, pivot ? VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT : 0) < 0) {
        err_virt(r, "failed to %s job for disk %s", pivot ? "pivot" : "finish", path);
        return -1;
    }
    return VIR_DOMAIN_BLOCK_JOB_COMPLETED;
}

static enum lvsh_status run_blockcommit(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    const char *path = args_str(a, "path");
    bool pivot = args_has(a, "pivot"), keep = args_has(a, "keep-overlay"), active;
    bool wait = args_has(a, "wait") || pivot || keep || args_has(a, "timeout");
    unsigned flags = commit_flags(a, &active);
    unsigned long bw;
    if (!wait && args_has(a, "verbose"))
        return err_fail(r, "--verbose requires at least one of --timeout, --wait, "
                           "--pivot, or --keep-overlay");
    if (!wait && args_has(a, "async"))
        return err_fail(r, "--async requires at least one of --timeout, --wait, "
                           "--pivot, or --keep-overlay");
    if (!bandwidth_arg(a, r, &bw, &flags, VIR_DOMAIN_BLOCK_COMMIT_BANDWIDTH_BYTES))
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    if (virDomainBlockCommit(d, path, args_str(a, "base"), args_str(a, "top"), bw, flags) < 0)
        return err_fail(r, "%s", virGetLastErrorMessage());
    if (!wait)
        return job_result(r, d, -2, (const char *const[]){
            active ? "Active Block Commit started" : "Block Commit started" });
    int how = bj_run(s, a, d, "Block commit", r);
    const char *done = "Commit complete";
    if (active && how == VIR_DOMAIN_BLOCK_JOB_READY) {
        how = conclude(d, path, pivot, keep, r);
        done = pivot ? "Successfully pivoted" : "Commit complete, overlay image kept";
    }
    const char *const msgs[] = { done, "Commit failed", "Commit aborted",
                                 active ? "Now in synchronized phase" : "Commit complete" };
    return job_result(r, d, how, msgs);
}

static const struct lvsh_opt opts_blockcommit[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    DISK_OPT("fully-qualified path or target of the disk"),
    { .name = "bandwidth", .type = LVSH_OPT_INT, .metavar = "number", .min = 0,
      .max = 0x7fffffffffffffffLL, .help = "bandwidth limit in MiB/s" },
    { .name = "base", .type = LVSH_OPT_STRING, .metavar = "path",
      .help = "path of the base file to commit into (default: bottom of the chain)" },
    { .name = "shallow", .type = LVSH_OPT_BOOL, .help = "use the backing file of top as base" },
    { .name = "top", .type = LVSH_OPT_STRING, .metavar = "path",
      .help = "path of the top file to commit from (default: top of the chain)" },
    { .name = "active", .type = LVSH_OPT_BOOL,
      .help = "trigger a two-stage active commit of the top file" },
    { .name = "delete", .type = LVSH_OPT_BOOL,
      .help = "delete the files that were successfully committed" },
    { .name = "wait", .type = LVSH_OPT_BOOL,
      .help = "wait for the job to complete (with --active, to sync)" },
    { .name = "verbose", .type = LVSH_OPT_BOOL,
      .help = "with --wait, display the progress (on a terminal)" },
    { .name = "timeout", .type = LVSH_OPT_INT, .metavar = "seconds", .min = 1,
      .max = 0x7fffffff, .help = "implies --wait, abort if the commit exceeds this (seconds)" },
    { .name = "pivot", .type = LVSH_OPT_BOOL,
      .help = "implies --active --wait, pivot when the commit is synced" },
    { .name = "keep-overlay", .type = LVSH_OPT_BOOL,
      .help = "implies --active --wait, quit when the commit is synced" },
    { .name = "async", .type = LVSH_OPT_BOOL,
      .help = "with --wait, don't wait for the cancel to finish" },
    { .name = "keep-relative", .type = LVSH_OPT_BOOL,
      .help = "keep the backing chain relatively referenced" },
    { .name = "bytes", .type = LVSH_OPT_BOOL,
      .help = "the bandwidth limit is in bytes/s rather than MiB/s" },
    LVSH_OPT_END,
};

static const char *const excl_commit[] = { "pivot keep-overlay", "shallow base", NULL };

static const struct lvsh_cmd cmd_blockcommit = {
    .name = "blockcommit",
    .group = "domain",
    .summary = "start a block commit operation",
    .description = "Merge the changes of a disk's top image (or --top) down into a backing "
                   "file. With --wait, Ctrl-C or --timeout aborts the job.",
    .opts = opts_blockcommit,
    .exclusive = excl_commit,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_blockcommit,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- blockcopy ------------------------------------------------------------ */

/* The destination XML virsh builds from --dest, --blockdev and --format. */
static char *copy_xml(const struct lvsh_args *a)
{
    bool blk = args_has(a, "blockdev");
    const char *fmt = args_str(a, "format");
    char *drv = fmt ? xasprintf("  <driver type='%s'/>\n", fmt) : xstrdup("");
    char *x = xasprintf("<disk type='%s'>\n  <source %s='%s'/>\n%s</disk>\n",
                        blk ? "block" : "file", blk ? "dev" : "file", args_str(a, "dest"), drv);
    free(drv);
    return x;
}

/* Does the copy need virDomainBlockCopy (typed parameters, XML)? */
static bool copy_needs_api(const struct lvsh_args *a)
{
    const char *fmt = args_str(a, "format");
    return args_has(a, "granularity") || args_has(a, "buf-size") ||
           (fmt && strcmp(fmt, "raw") != 0) || args_has(a, "xml") ||
           args_has(a, "transient-job") || args_has(a, "synchronous-writes");
}

static int copy_by_api(virDomainPtr d, const struct lvsh_args *a, const char *xml,
                       unsigned long long bw, struct lvsh_result *r)
{
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    long long v;
    unsigned f = 0;
    if (bw)
        virTypedParamsAddULLong(&p, &n, &max, VIR_DOMAIN_BLOCK_COPY_BANDWIDTH, bw);
    if (args_int(a, "granularity", &v))
        virTypedParamsAddUInt(&p, &n, &max, VIR_DOMAIN_BLOCK_COPY_GRANULARITY, (unsigned)v);
    if (args_int(a, "buf-size", &v))
        virTypedParamsAddULLong(&p, &n, &max, VIR_DOMAIN_BLOCK_COPY_BUF_SIZE,
                                (unsigned long long)v);
    if (args_has(a, "shallow"))
        f |= VIR_DOMAIN_BLOCK_COPY_SHALLOW;
    if (args_has(a, "reuse-external"))
        f |= VIR_DOMAIN_BLOCK_COPY_REUSE_EXT;
    if (args_has(a, "transient-job"))
        f |= VIR_DOMAIN_BLOCK_COPY_TRANSIENT_JOB;
    if (args_has(a, "synchronous-writes"))
        f |= VIR_DOMAIN_BLOCK_COPY_SYNCHRONOUS_WRITES;
    int rc = virDomainBlockCopy(d, args_str(a, "path"), xml, p, n, f);
    if (rc < 0)
        err_fail(r, "%s", virGetLastErrorMessage());
    virTypedParamsFree(p, n);
    return rc;
}

static int copy_by_rebase(virDomainPtr d, const struct lvsh_args *a, unsigned long bw,
                          unsigned flags, struct lvsh_result *r)
{
    const char *fmt = args_str(a, "format");
    flags |= VIR_DOMAIN_BLOCK_REBASE_COPY;
    if (fmt && strcmp(fmt, "raw") == 0)
        flags |= VIR_DOMAIN_BLOCK_REBASE_COPY_RAW;
    if (args_has(a, "blockdev"))
        flags |= VIR_DOMAIN_BLOCK_REBASE_COPY_DEV;
    if (args_has(a, "shallow"))
        flags |= VIR_DOMAIN_BLOCK_REBASE_SHALLOW;
    if (args_has(a, "reuse-external"))
        flags |= VIR_DOMAIN_BLOCK_REBASE_REUSE_EXT;
    int rc = virDomainBlockRebase(d, args_str(a, "path"), args_str(a, "dest"), bw, flags);
    if (rc < 0)
        err_fail(r, "%s", virGetLastErrorMessage());
    return rc;
}

/* --xml's file, or the XML --dest describes; NULL with r filled. */
static char *copy_dest_xml(const struct lvsh_args *a, struct lvsh_result *r)
{
    if (args_has(a, "xml")) {
        size_t len;
        return file_read_all(r, args_str(a, "xml"), &len);
    }
    return copy_xml(a);
}

static enum lvsh_status copy_print(struct lvsh_result *r, char *xml)
{
    out_text(r, "%s", xml);
    out_json(r, json_pack("{s:o}", "xml", json_str(xml)));
    free(xml);
    return LVSH_OK;
}

/* Start the copy; the job_result() of it. */
static enum lvsh_status copy_start(struct lvsh_session *s, const struct lvsh_args *a,
                                   virDomainPtr d, char *xml, struct lvsh_result *r)
{
    bool pivot = args_has(a, "pivot"), finish = args_has(a, "finish");
    bool wait = args_has(a, "wait") || pivot || finish || args_has(a, "timeout");
    unsigned flags = 0;
    unsigned long bw = 0;
    int rc = -1;
    if (bandwidth_arg(a, r, &bw, &flags, VIR_DOMAIN_BLOCK_REBASE_BANDWIDTH_BYTES)) {
        if (copy_needs_api(a)) {
            unsigned long long b = bw;
            if (bw && !args_has(a, "bytes") && b > (~0ULL >> 20))
                err_fail(r, "overflow in converting %ld MiB/s to bytes", (long)bw);
            else
                rc = copy_by_api(d, a, xml, args_has(a, "bytes") ? b : b << 20, r);
        } else {
            rc = copy_by_rebase(d, a, bw, flags, r);
        }
    }
    free(xml);
    if (rc < 0)
        return job_result(r, d, -1, NULL);
    if (!wait)
        return job_result(r, d, -2, (const char *const[]){ "Block Copy started" });
    int how = bj_run(s, a, d, "Block Copy", r);
    const char *done = "Now in mirroring phase";
    if (how == VIR_DOMAIN_BLOCK_JOB_READY && (pivot || finish)) {
        how = conclude(d, args_str(a, "path"), pivot, finish, r);
        done = pivot ? "Successfully pivoted" : "Successfully copied";
    }
    const char *const msgs[] = { done, "Copy failed", "Copy aborted", done };
    return job_result(r, d, how, msgs);
}

static enum lvsh_status run_blockcopy(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    bool wait = args_has(a, "wait") || args_has(a, "pivot") || args_has(a, "finish") ||
                args_has(a, "timeout");
    if (!args_has(a, "dest") && !args_has(a, "xml"))
        return err_fail(r, "need either --dest or --xml");
    if (!wait && args_has(a, "verbose"))
        return err_fail(r, "--verbose requires at least one of --timeout, --wait, "
                           "--pivot, or --finish");
    if (!wait && args_has(a, "async"))
        return err_fail(r, "--async requires at least one of --timeout, --wait, "
                           "--pivot, or --finish");
    virDomainPtr d = args_target(a);
    char *xml = copy_dest_xml(a, r);
    if (!xml)
        return LVSH_FAILED;
    if (args_has(a, "print-xml"))
        return copy_print(r, xml);
    return copy_start(s, a, d, xml, r);
}

static const struct lvsh_opt opts_blockcopy[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    DISK_OPT("fully-qualified path or target of the source disk"),
    { .name = "dest", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .metavar = "path", .help = "path of the copy to create", .complete = LVSH_COMP_FILE },
    { .name = "bandwidth", .type = LVSH_OPT_INT, .metavar = "number", .min = 0,
      .max = 0x7fffffffffffffffLL, .help = "bandwidth limit in MiB/s" },
    { .name = "shallow", .type = LVSH_OPT_BOOL, .help = "make the copy share a backing chain" },
    { .name = "reuse-external", .type = LVSH_OPT_BOOL, .help = "reuse an existing destination" },
    { .name = "blockdev", .type = LVSH_OPT_BOOL,
      .help = "the destination is a block device instead of a regular file" },
    { .name = "wait", .type = LVSH_OPT_BOOL, .help = "wait for the job to reach mirroring" },
    { .name = "verbose", .type = LVSH_OPT_BOOL,
      .help = "with --wait, display the progress (on a terminal)" },
    { .name = "timeout", .type = LVSH_OPT_INT, .metavar = "seconds", .min = 1,
      .max = 0x7fffffff, .help = "implies --wait, abort if the copy exceeds this (seconds)" },
    { .name = "pivot", .type = LVSH_OPT_BOOL,
      .help = "implies --wait, pivot when mirroring starts" },
    { .name = "finish", .type = LVSH_OPT_BOOL,
      .help = "implies --wait, quit when mirroring starts" },
    { .name = "async", .type = LVSH_OPT_BOOL,
      .help = "with --wait, don't wait for the cancel to finish" },
    { .name = "xml", .type = LVSH_OPT_STRING, .metavar = "file", .complete = LVSH_COMP_FILE,
      .help = "file with the XML description of the copy destination" },
    LVSH_OPT_ALIAS_OF("raw", "format=raw"),
    { .name = "format", .type = LVSH_OPT_STRING, .metavar = "format",
      .help = "format of the destination file" },
    { .name = "granularity", .type = LVSH_OPT_INT, .metavar = "number", .min = 0,
      .max = 0xffffffffLL, .help = "power-of-two granularity to use during the copy" },
    { .name = "buf-size", .type = LVSH_OPT_INT, .metavar = "number", .min = 0,
      .max = 0x7fffffffffffffffLL, .help = "maximum amount of in-flight data during the copy" },
    { .name = "bytes", .type = LVSH_OPT_BOOL,
      .help = "the bandwidth limit is in bytes/s rather than MiB/s" },
    { .name = "transient-job", .type = LVSH_OPT_BOOL,
      .help = "the copy job is not persisted if the VM is turned off" },
    { .name = "synchronous-writes", .type = LVSH_OPT_BOOL,
      .help = "guest writes go synchronously to the destination too" },
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the XML used to start the copy job instead of starting it" },
    LVSH_OPT_END,
};

static const char *const excl_copy[] = {
    "dest xml", "xml format", "xml blockdev", "pivot finish", NULL,
};

static const struct lvsh_cmd cmd_blockcopy = {
    .name = "blockcopy",
    .group = "domain",
    .summary = "start a block copy operation",
    .description = "Copy a disk of a running domain to a new image and keep it mirrored "
                   "until --pivot switches the guest to it or --finish ends the copy. "
                   "With --wait, Ctrl-C or --timeout aborts the job.",
    .opts = opts_blockcopy,
    .exclusive = excl_copy,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_blockcopy,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- blockjob ------------------------------------------------------------ */

static const char *job_label(int type)
{
    static const char *const labels[] = {
        "Unknown job", "Block Pull", "Block Copy", "Block Commit", "Active Block Commit",
        "Backup",
    };
    return type >= 0 && type < 6 ? labels[type] : labels[0];
}

/* virsh's "1.000 MiB" style for a rate, value and unit apart. */
static double pretty(unsigned long long v, const char **unit)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    double d = (double)v;
    int i = 0;
    while (d >= 1024 && i < 6) {
        d /= 1024;
        i++;
    }
    *unit = units[i];
    return d;
}

static enum lvsh_status job_info(virDomainPtr d, const char *path, bool raw, bool bytes,
                                 struct lvsh_result *r)
{
    virDomainBlockJobInfo info;
    /* the summary shows bytes/s; --raw the unit --bytes asks for */
    unsigned f = !raw || bytes ? VIR_DOMAIN_BLOCK_JOB_INFO_BANDWIDTH_BYTES : 0;
    int rc = virDomainGetBlockJobInfo(d, path, &info, f);
    if (rc < 0 && f && virGetLastErrorCode() == VIR_ERR_INVALID_ARG) {
        virResetLastError();
        f = 0;  /* an older daemon: MiB/s */
        rc = virDomainGetBlockJobInfo(d, path, &info, 0);
    }
    if (rc < 0)
        return err_fail(r, "%s", virGetLastErrorMessage());
    json_t *j = json_pack("{s:o}", "path", json_str(path));
    if (rc == 0) {
        json_object_set_new(j, "job", json_null());
        out_json(r, j);
        if (!raw) {
            out_info(r, "No current block job for %s", path);
            out_bare(r);
        }
        return LVSH_OK;
    }
    unsigned long long bw = f ? info.bandwidth : (unsigned long long)info.bandwidth << 20;
    const char *label = job_label(info.type);
    json_object_set_new(j, "job", json_string(label));
    json_object_set_new(j, "type", json_integer(info.type));
    json_object_set_new(j, "bandwidth", json_integer((json_int_t)bw));
    json_object_set_new(j, "cur", json_integer((json_int_t)info.cur));
    json_object_set_new(j, "end", json_integer((json_int_t)info.end));
    out_json(r, j);
    if (raw) {
        out_text(r, " type=%s\n bandwidth=%lu\n cur=%llu\n end=%llu\n", label,
                 info.bandwidth, info.cur, info.end);
        return LVSH_OK;
    }
    int pct = 100;
    if (info.end && info.cur < info.end)
        pct = (int)((long double)info.cur * 100 / info.end);
    out_text(r, "%s: [%3d %%]\n", label, pct);
    if (bw) {
        const char *unit;
        double v = pretty(bw, &unit);
        out_text(r, "    Bandwidth limit: %llu bytes/s (%-.3lf %s/s)\n", bw, v, unit);
    }
    return LVSH_OK;
}

static enum lvsh_status run_blockjob(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    (void)s;
    const char *path = args_str(a, "path");
    bool abort_ = args_has(a, "abort") || args_has(a, "async") || args_has(a, "pivot");
    unsigned long bw = 0;
    unsigned flags = 0;
    if (!bandwidth_arg(a, r, &bw, &flags, VIR_DOMAIN_BLOCK_JOB_SPEED_BANDWIDTH_BYTES))
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    enum lvsh_status st = LVSH_OK;
    if (abort_) {
        unsigned f = (args_has(a, "async") ? VIR_DOMAIN_BLOCK_JOB_ABORT_ASYNC : 0) |
                     (args_has(a, "pivot") ? VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT : 0);
        if (virDomainBlockJobAbort(d, path, f) < 0)
            st = err_fail(r, "%s", virGetLastErrorMessage());
        else
            out_json(r, json_pack("{s:o,s:s}", "path", json_str(path), "action",
                                  args_has(a, "pivot") ? "pivot" : "abort"));
    } else if (args_has(a, "bandwidth")) {
        if (virDomainBlockJobSetSpeed(d, path, bw, flags) < 0)
            st = err_fail(r, "%s", virGetLastErrorMessage());
        else
            out_json(r, json_pack("{s:o,s:s}", "path", json_str(path), "action", "bandwidth"));
    } else {
        st = job_info(d, path, args_has(a, "raw"), args_has(a, "bytes"), r);
    }
    return st;
}

static const struct lvsh_opt opts_blockjob[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    DISK_OPT("fully-qualified path or target of the disk"),
    { .name = "abort", .type = LVSH_OPT_BOOL, .help = "abort the active job on the disk" },
    { .name = "async", .type = LVSH_OPT_BOOL,
      .help = "implies --abort; request but don't wait for the job's end" },
    { .name = "pivot", .type = LVSH_OPT_BOOL,
      .help = "implies --abort; conclude and pivot a copy or commit job" },
    { .name = "info", .type = LVSH_OPT_BOOL, .help = "get the active job's information" },
    { .name = "bytes", .type = LVSH_OPT_BOOL, .help = "get/set the bandwidth in bytes/s" },
    { .name = "raw", .type = LVSH_OPT_BOOL,
      .help = "implies --info; print details rather than a summary" },
    { .name = "bandwidth", .type = LVSH_OPT_INT, .metavar = "number", .min = 0,
      .max = 0x7fffffffffffffffLL, .help = "set the bandwidth limit in MiB/s" },
    LVSH_OPT_END,
};

static const char *const excl_blockjob[] = {
    "raw abort", "raw async", "raw pivot", "raw bandwidth",
    "info abort", "info async", "info pivot", "info bandwidth",
    "bandwidth abort", "bandwidth async", "bandwidth pivot", NULL,
};

static const struct lvsh_cmd cmd_blockjob = {
    .name = "blockjob",
    .group = "domain",
    .summary = "manage active block operations",
    .description = "Show the progress of the block job on a disk (the default), change its "
                   "bandwidth, or abort it (--pivot concludes a copy or commit).",
    .opts = opts_blockjob,
    .exclusive = excl_blockjob,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_blockjob,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- blockresize -------------------------------------------------------- */

static enum lvsh_status run_blockresize(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    const char *path = args_str(a, "path");
    unsigned long long size = 0;
    unsigned flags = 0;
    args_size(a, "size", &size);
    virDomainPtr d = args_target(a);
    /* KiB, the older interface, when it is exact */
    unsigned long long arg = size % 1024 ? size : size / 1024;
    if (size % 1024)
        flags |= VIR_DOMAIN_BLOCK_RESIZE_BYTES;
    if (virDomainBlockResize(d, path, arg, flags) < 0)
        return err_virt(r, "Failed to resize block device '%s'", path);
    out_info(r, "Block device '%s' is resized", path);
    out_bare(r);
    json_t *j = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(j, "path", json_str(path));
    json_object_set_new(j, "size", json_integer((json_int_t)size));
    out_json(r, j);
    return LVSH_OK;
}

static const struct lvsh_opt opts_blockresize[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    DISK_OPT("fully-qualified path or target of the block device"),
    { .name = "size", .type = LVSH_OPT_SIZE, .unit = 1024,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "size",
      .help = "new size of the block device, as a scaled integer (default KiB)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_blockresize = {
    .name = "blockresize",
    .group = "domain",
    .summary = "resize the block device of a domain",
    .description = "Grow (or shrink) the image behind a disk of a running domain; the "
                   "guest sees the new size.",
    .opts = opts_blockresize,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_blockresize,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_block) = {
    &cmd_blockpull, &cmd_blockcommit, &cmd_blockcopy, &cmd_blockjob, &cmd_blockresize,
    NULL,
};
