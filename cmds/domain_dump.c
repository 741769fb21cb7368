/* domain_dump.c: taking things out of a running guest: a core dump of its
 * memory, a screenshot of its display, and its memory dirty rate. */
#include "domain_common.h"
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

/* the dump, on the job's thread (format -1: plain virDomainCoreDump) */
static int dump_call(struct dom_job *j)
{
    int rc = j->format < 0
        ? virDomainCoreDump(j->d, j->file, j->flags)
        : virDomainCoreDumpWithFormat(j->d, j->file, (unsigned)j->format, j->flags);
    if (rc < 0)
        err_virt(j->r, "Failed to core dump domain '%s' to %s", virDomainGetName(j->d), j->file);
    return rc;
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

static enum lvsh_status run_dump(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r)
{
    struct dom_job j = { .d = args_target(a), .call = dump_call, .file = args_str(a, "file"),
                         .flags = args_flags(a), .r = r };
    if (!dump_format(a, r, &j.format))
        return LVSH_FAILED;
    const char *name = args_target_key(a);   /* as typed, as virsh */
    if (dom_job_run(s, a, &j, "Dump") < 0)
        return LVSH_FAILED;
    act_done(r, LVSH_KIND_DOMAIN, j.d, "dumped", "\nDomain '%s' dumped to %s", name, j.file);
    out_json_set(r, "file", json_str(j.file));
    return LVSH_OK;
}

static const struct lvsh_opt opts_dump[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "file",
      .help = "where to dump the core (a path on the host running libvirtd)",
      .complete = LVSH_COMP_FILE },
    { .name = "live", .type = LVSH_OPT_BOOL, .flag = VIR_DUMP_LIVE,
      .help = "perform a live core dump if supported" },
    { .name = "crash", .type = LVSH_OPT_BOOL, .flag = VIR_DUMP_CRASH,
      .help = "crash the domain after the core dump" },
    { .name = "bypass-cache", .type = LVSH_OPT_BOOL, .flag = VIR_DUMP_BYPASS_CACHE,
      .help = "avoid the file system cache when dumping" },
    { .name = "reset", .type = LVSH_OPT_BOOL, .flag = VIR_DUMP_RESET,
      .help = "reset the domain after the core dump" },
    { .name = "verbose", .type = LVSH_OPT_BOOL,
      .help = "display the progress of the dump (on a terminal)" },
    { .name = "memory-only", .type = LVSH_OPT_BOOL, .flag = VIR_DUMP_MEMORY_ONLY,
      .help = "dump the domain's memory only" },
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
    .target = LVSH_KIND_DOMAIN,
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
        json_t *j = kind_json_ref(LVSH_KIND_DOMAIN, d);
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
    json_t *j = kind_json_ref(LVSH_KIND_DOMAIN, d);
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
