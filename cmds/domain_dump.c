/* domain_dump.c: taking things out of a running guest: a core dump of its
 * memory, a screenshot of its display, and its memory dirty rate. */
#include "domain_common.h"
#include "domain_ops.h"
#include "domain_util.h"
#include "outfile.h"
#include "progress.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- dump --------------------------------------------------------------- */

static const char *const dump_formats[] = {
    "kdump-zlib", "kdump-lzo", "kdump-snappy", "win-dmp", "elf", NULL,
};

/* The dump runs on a thread of its own so that the handler can draw the
 * progress and abort the job on Ctrl-C, as virsh does. */
struct dump_job {
    virDomainPtr d;
    const char *file;
    int format;                 /* -1: plain virDomainCoreDump */
    unsigned flags;
    int rc;
    struct lvsh_result *r;      /* filled on the thread: libvirt's errors are per thread */
    volatile int done;
};

static void *dump_thread(void *opaque)
{
    struct dump_job *j = opaque;
    if (j->format < 0)
        j->rc = virDomainCoreDump(j->d, j->file, j->flags);
    else
        j->rc = virDomainCoreDumpWithFormat(j->d, j->file, (unsigned)j->format, j->flags);
    if (j->rc < 0)
        err_virt(j->r, "Failed to core dump domain '%s' to %s", virDomainGetName(j->d), j->file);
    __atomic_store_n(&j->done, 1, __ATOMIC_RELEASE);
    return NULL;
}

/* Wait for the dump thread, drawing progress and aborting on Ctrl-C. */
static void dump_watch(struct lvsh_session *s, struct dump_job *j, struct lvsh_progress *p)
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
        if (p->enabled && virDomainGetJobInfo(j->d, &info) == 0 && info.dataTotal) {
            p->total = info.dataTotal;
            progress_set(p, info.dataProcessed);
        }
    }
}

/* --memory-only --format NAME into virDomainCoreDumpFormat; -1 without. */
static bool dump_format(const struct lvsh_args *a, struct lvsh_result *r, int *fmt)
{
    const char *f = args_str(a, "format");
    *fmt = -1;
    if (!args_has(a, "memory-only")) {
        if (f) {
            err_fail(r, "--format only works with --memory-only");
            return false;
        }
        return true;
    }
    static const int codes[] = {
        VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_ZLIB, VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_LZO,
        VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_SNAPPY, VIR_DOMAIN_CORE_DUMP_FORMAT_WIN_DMP,
        VIR_DOMAIN_CORE_DUMP_FORMAT_RAW,
    };
    *fmt = VIR_DOMAIN_CORE_DUMP_FORMAT_RAW;
    for (int i = 0; f && dump_formats[i]; i++)
        if (strcmp(f, dump_formats[i]) == 0)
            *fmt = codes[i];
    return true;
}

static unsigned dump_flags(const struct lvsh_args *a)
{
    unsigned f = 0;
    if (args_has(a, "live"))
        f |= VIR_DUMP_LIVE;
    if (args_has(a, "crash"))
        f |= VIR_DUMP_CRASH;
    if (args_has(a, "bypass-cache"))
        f |= VIR_DUMP_BYPASS_CACHE;
    if (args_has(a, "reset"))
        f |= VIR_DUMP_RESET;
    if (args_has(a, "memory-only"))
        f |= VIR_DUMP_MEMORY_ONLY;
    return f;
}

static enum lvsh_status run_dump(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r)
{
    struct dump_job j = { .file = args_str(a, "file"), .flags = dump_flags(a), .r = r };
    if (!dump_format(a, r, &j.format))
        return LVSH_FAILED;
    if (!(j.d = dom_arg(s, a, r)))
        return LVSH_FAILED;
    struct lvsh_progress p;
    progress_start(&p, "Dump", 0, args_has(a, "verbose") && progress_wanted(s, a));
    pthread_t t;
    if (pthread_create(&t, NULL, dump_thread, &j) != 0) {
        dump_thread(&j);
    } else {
        dump_watch(s, &j, &p);
        pthread_join(t, NULL);
    }
    progress_end(&p, j.rc == 0);
    const char *name = args_str(a, "domain");   /* as typed, as virsh */
    if (j.rc < 0) {
        virDomainFree(j.d);
        return LVSH_FAILED;
    }
    dom_action_msg(r, j.d, "dumped", "\nDomain '%s' dumped to %s", name, j.file);
    out_json_set(r, "file", json_str(j.file));
    virDomainFree(j.d);
    return LVSH_OK;
}

static const struct lvsh_opt opts_dump[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "file",
      .help = "where to dump the core (a path on the host running libvirtd)",
      .complete = LVSH_COMP_FILE },
    { .name = "live", .type = LVSH_OPT_BOOL, .help = "perform a live core dump if supported" },
    { .name = "crash", .type = LVSH_OPT_BOOL, .help = "crash the domain after the core dump" },
    { .name = "bypass-cache", .type = LVSH_OPT_BOOL,
      .help = "avoid the file system cache when dumping" },
    { .name = "reset", .type = LVSH_OPT_BOOL, .help = "reset the domain after the core dump" },
    { .name = "verbose", .type = LVSH_OPT_BOOL,
      .help = "display the progress of the dump (on a terminal)" },
    { .name = "memory-only", .type = LVSH_OPT_BOOL, .help = "dump the domain's memory only" },
    { .name = "format", .type = LVSH_OPT_STRING, .metavar = "format",
      .help = "format of a memory-only dump", .choices = dump_formats,
      .complete = LVSH_COMP_CHOICES },
    LVSH_OPT_END,
};

static const char *const excl_dump[] = { "live crash", "crash reset", NULL };

static const struct lvsh_cmd cmd_dump = {
    .name = "dump",
    .group = "domain",
    .summary = "dump the core of a domain to a file for analysis",
    .description = "Write the guest's memory (and, without --memory-only, its device "
                   "state) to a file on the host running libvirtd. Ctrl-C aborts the dump.",
    .opts = opts_dump,
    .exclusive = excl_dump,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_dump,
};

/* ---- screenshot --------------------------------------------------------- */

/* virsh's default file name: NAME-YYYY-MM-DD-HH:MM:SS.EXT in the current
 * directory, the extension from the image's MIME type. */
static char *screenshot_name(virDomainPtr d, const char *mime)
{
    const char *ext = "";
    if (strcmp(mime, "image/x-portable-pixmap") == 0)
        ext = ".ppm";
    else if (strcmp(mime, "image/png") == 0)
        ext = ".png";
    char stamp[64];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof(stamp), "%Y-%m-%d-%H:%M:%S", &tm);
    return xasprintf("%s-%s%s", virDomainGetName(d), stamp, ext);
}

static int sink_fd(virStreamPtr st, const char *bytes, size_t n, void *opaque)
{
    (void)st;
    int fd = *(int *)opaque;
    size_t left = n;
    while (left > 0) {
        ssize_t w = write(fd, bytes, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        bytes += w;
        left -= (size_t)w;
    }
    return (int)n;
}

/* Receive the image into file (a temporary renamed over it when whole);
 * false with r filled and any old file left as it was. */
static bool screenshot_save(virDomainPtr d, virStreamPtr st, const char *file,
                            struct lvsh_result *r)
{
    const char *name = virDomainGetName(d);
    struct outfile out;
    if (!outfile_open(&out, file)) {
        err_fail(r, "cannot create file %s: %s", file, strerror(errno));
        virStreamAbort(st);
        return false;
    }
    if (virStreamRecvAll(st, sink_fd, &out.fd) < 0) {
        err_virt(r, "could not receive data from domain '%s'", name);
        virStreamAbort(st);
    } else if (virStreamFinish(st) < 0) {
        err_virt(r, "cannot close stream on domain '%s'", name);
    } else {
        return outfile_commit(&out, r);
    }
    outfile_abort(&out);
    return false;
}

static enum lvsh_status run_screenshot(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    long long screen = 0;
    args_int(a, "screen", &screen);
    virDomainPtr d = args_target(a);
    virStreamPtr st = virStreamNew(s->conn, 0);
    if (!st)
        return err_virt(r, "could not take a screenshot of %s", virDomainGetName(d));
    char *mime = virDomainScreenshot(d, st, (unsigned)screen, 0);
    if (!mime) {
        err_virt(r, "could not take a screenshot of %s", virDomainGetName(d));
        virStreamFree(st);
        return LVSH_FAILED;
    }
    char *file = args_has(a, "file") ? xstrdup(args_str(a, "file")) : screenshot_name(d, mime);
    enum lvsh_status rc = LVSH_FAILED;
    if (screenshot_save(d, st, file, r)) {
        out_info(r, "Screenshot saved to %s, with type of %s", file, mime);
        out_bare(r);
        json_t *j = dom_json_ref(d);
        json_object_set_new(j, "file", json_str(file));
        json_object_set_new(j, "mime", json_str(mime));
        out_json(r, j);
        rc = LVSH_OK;
    }
    free(file);
    free(mime);
    virStreamFree(st);
    return rc;
}

static const struct lvsh_opt opts_screenshot[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "file", .type = LVSH_OPT_STRING, .metavar = "file",
      .help = "where to store the screenshot (default NAME-DATE-TIME.EXT here)",
      .complete = LVSH_COMP_FILE },
    { .name = "screen", .type = LVSH_OPT_INT, .metavar = "number", .min = 0,
      .max = 0xffffffffLL, .help = "ID of the screen to take a screenshot of" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_screenshot = {
    .name = "screenshot",
    .group = "domain",
    .summary = "take a screenshot of a domain's console and store it in a file",
    .description = "Receive an image of the guest's display from libvirt and write it "
                   "to a local file; the MIME type libvirt reports is printed.",
    .opts = opts_screenshot,
    .flags = LVSH_CMD_CONN,
    .handler = run_screenshot,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- domdirtyrate-calc --------------------------------------------------- */

static const char *const dirtyrate_modes[] = {
    "page-sampling", "dirty-bitmap", "dirty-ring", NULL,
};

static unsigned dirtyrate_flags(const char *mode)
{
    if (mode && strcmp(mode, "dirty-bitmap") == 0)
        return VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_BITMAP;
    if (mode && strcmp(mode, "dirty-ring") == 0)
        return VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_RING;
    return VIR_DOMAIN_DIRTYRATE_MODE_PAGE_SAMPLING;
}

static enum lvsh_status run_domdirtyrate_calc(struct lvsh_session *s, const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    (void)s;
    long long secs = 1;
    args_int(a, "seconds", &secs);
    const char *mode = args_str(a, "mode");
    virDomainPtr d = args_target(a);
    if (virDomainStartDirtyRateCalc(d, (int)secs, dirtyrate_flags(mode)) < 0) {
        /* virsh shows libvirt's message alone */
        err_fail(r, "%s", virGetLastErrorMessage());
        virResetLastError();
        return LVSH_FAILED;
    }
    out_info(r, "Start to calculate domain's memory dirty rate successfully.");
    json_t *j = dom_json_ref(d);
    json_object_set_new(j, "action", json_string("dirtyrate-calc"));
    json_object_set_new(j, "seconds", json_integer(secs));
    json_object_set_new(j, "mode", json_string(mode ? mode : "page-sampling"));
    out_json(r, j);
    return LVSH_OK;
}

static const struct lvsh_opt opts_dirtyrate[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "seconds", .type = LVSH_OPT_INT, .metavar = "number",
      .help = "measure the dirty rate over this many seconds (1 to 60, default 1)" },
    { .name = "mode", .type = LVSH_OPT_STRING, .metavar = "mode", .choices = dirtyrate_modes,
      .complete = LVSH_COMP_CHOICES,
      .help = "how to measure: page-sampling, dirty-bitmap or dirty-ring" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domdirtyrate_calc = {
    .name = "domdirtyrate-calc",
    .group = "domain",
    .summary = "calculate a domain's memory dirty rate",
    .description = "Start measuring how fast the guest dirties its memory; 'domstats "
                   "--dirtyrate' shows the result once the measurement is over.",
    .opts = opts_dirtyrate,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_domdirtyrate_calc,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_dump) = { &cmd_dump, &cmd_screenshot, &cmd_domdirtyrate_calc, NULL };
