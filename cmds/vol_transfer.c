/* vol_transfer.c: moving volume contents through libvirt streams
 * (vol-upload, vol-download), sparse-aware when asked.
 *
 * Local I/O retries short writes and EINTR; Ctrl-C, a local error or a
 * daemon error aborts the stream and fails the command: a transfer either
 * completes (virStreamFinish succeeded) or says why it did not.  A download
 * goes to a temporary file renamed over the target only when complete. */
#include "storage_common.h"
#include "outfile.h"
#include "progress.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct xfer {
    struct lvsh_session *s;
    int fd;
    bool regular;                 /* a regular file: seek over holes */
    bool limited;                 /* --length was given */
    unsigned long long remaining; /* bytes left under --length */
    unsigned long long bytes;     /* data and holes moved so far */
    int err;                      /* errno of a local failure */
    const char *op;               /* what failed: "read", "write", ... */
    bool interrupted;
    struct lvsh_progress prog;
};

static int xfer_fail(struct xfer *x, const char *op)
{
    x->err = errno;
    x->op = op;
    return -1;
}

static bool xfer_stop(struct xfer *x)
{
    if (session_interrupted(x->s))
        x->interrupted = true;
    return x->interrupted;
}

static void xfer_count(struct xfer *x, unsigned long long n)
{
    x->bytes += n;
    if (x->limited)
        x->remaining -= n < x->remaining ? n : x->remaining;
    progress_add(&x->prog, n);
}

/* Stream source: the next bytes of the local file (0 at its end or at --length). */
static int src_read(virStreamPtr st, char *data, size_t nbytes, void *opaque)
{
    struct xfer *x = opaque;
    (void)st;
    if (x->limited && nbytes > x->remaining)
        nbytes = (size_t)x->remaining;
    if (nbytes == 0)
        return 0;
    for (;;) {
        if (xfer_stop(x))
            return -1;
        ssize_t n = read(x->fd, data, nbytes);
        if (n >= 0) {
            xfer_count(x, (unsigned long long)n);
            return (int)n;
        }
        if (errno != EINTR)
            return xfer_fail(x, "read");
    }
}

/* Is the file position in data or in a hole, and for how long? */
static int src_in_data(virStreamPtr st, int *in_data, long long *length, void *opaque)
{
    struct xfer *x = opaque;
    (void)st;
    off_t cur = lseek(x->fd, 0, SEEK_CUR), data, end;
    if (cur < 0) {
        if (errno != ESPIPE)
            return xfer_fail(x, "seek in");
        *in_data = 1;              /* a pipe: all data, read until its end */
        *length = 1 << 20;
    } else if ((data = lseek(x->fd, cur, SEEK_DATA)) < 0) {
        if (errno != ENXIO || (end = lseek(x->fd, 0, SEEK_END)) < 0)
            return xfer_fail(x, "seek in");
        *in_data = 0;              /* a trailing hole, or the end */
        *length = end > cur ? end - cur : 0;
    } else if (data > cur) {
        *in_data = 0;
        *length = data - cur;
    } else {
        off_t hole = lseek(x->fd, cur, SEEK_HOLE);
        if (hole < 0)
            return xfer_fail(x, "seek in");
        *in_data = 1;
        *length = hole - cur;
    }
    if (cur >= 0 && lseek(x->fd, cur, SEEK_SET) < 0)
        return xfer_fail(x, "seek in");
    if (x->limited && (unsigned long long)*length > x->remaining)
        *length = (long long)x->remaining;
    return xfer_stop(x) ? -1 : 0;
}

/* The daemon was told about a hole: move past it in the local file. */
static int src_skip(virStreamPtr st, long long length, void *opaque)
{
    struct xfer *x = opaque;
    (void)st;
    if (lseek(x->fd, length, SEEK_CUR) < 0)
        return xfer_fail(x, "seek in");
    xfer_count(x, (unsigned long long)length);
    return 0;
}

/* Write all of data, through short writes and signals. */
static int write_all(struct xfer *x, const char *data, size_t n)
{
    while (n > 0) {
        if (xfer_stop(x))
            return -1;
        ssize_t w = write(x->fd, data, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return xfer_fail(x, "write");
        }
        data += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Stream sink: append what the daemon sent. */
static int sink_write(virStreamPtr st, const char *data, size_t nbytes, void *opaque)
{
    struct xfer *x = opaque;
    (void)st;
    if (write_all(x, data, nbytes) < 0)
        return -1;
    xfer_count(x, nbytes);
    return (int)nbytes;
}

/* A hole from the daemon: seek past it (and extend the file, in case it is
 * trailing); devices and pipes get zeros instead. */
static int sink_hole(virStreamPtr st, long long length, void *opaque)
{
    static const char zeros[65536];
    struct xfer *x = opaque;
    (void)st;
    if (x->regular) {
        off_t cur = lseek(x->fd, length, SEEK_CUR);
        if (cur < 0 || ftruncate(x->fd, cur) < 0)
            return xfer_fail(x, "extend");
    } else {
        for (long long left = length; left > 0; left -= (long long)sizeof(zeros)) {
            size_t n = left < (long long)sizeof(zeros) ? (size_t)left : sizeof(zeros);
            if (write_all(x, zeros, n) < 0)
                return -1;
        }
    }
    xfer_count(x, (unsigned long long)length);
    return 0;
}

static void xfer_init(struct xfer *x, struct lvsh_session *s, const struct lvsh_args *a)
{
    memset(x, 0, sizeof(*x));
    x->s = s;
    x->fd = -1;
    x->limited = args_size(a, "length", &x->remaining) && x->remaining > 0;
}

/* Record why the transfer failed: Ctrl-C, our side, or the daemon's. */
static enum lvsh_status xfer_error(struct xfer *x, struct lvsh_result *r, const char *verb,
                                   const char *vol, const char *file)
{
    if (x->interrupted)
        return err_fail(r, "%s of volume '%s' interrupted after %llu bytes", verb, vol,
                        x->bytes);
    if (x->op) {
        virResetLastError();
        return err_fail(r, "cannot %s '%s': %s", x->op, file, strerror(x->err));
    }
    return err_virt(r, "%s of volume '%s' failed", verb, vol);
}

/* End the stream: finish it on success, abort it otherwise. */
static int xfer_close_stream(virStreamPtr st, int rc, struct xfer *x, struct lvsh_result *r,
                             const char *verb, const char *vol, const char *file)
{
    if (rc == 0 && xfer_stop(x))
        rc = -1;
    if (rc == 0 && virStreamFinish(st) < 0)
        rc = -1;
    if (rc < 0) {
        xfer_error(x, r, verb, vol, file);
        virStreamAbort(st);   /* may already be aborted by *All(); harmless */
        virResetLastError();
    }
    virStreamFree(st);
    return rc;
}

static void xfer_json(struct lvsh_result *r, virStorageVolPtr v, const char *file,
                      const struct xfer *x, const struct lvsh_args *a)
{
    unsigned long long off = 0;
    args_size(a, "offset", &off);
    json_t *j = kind_json_ref(LVSH_KIND_VOLUME, v);
    json_object_set_new(j, "file", json_str(file));
    json_object_set_new(j, "offset", json_integer((json_int_t)off));
    json_object_set_new(j, "bytes", json_integer((json_int_t)x->bytes));
    json_object_set_new(j, "sparse", json_boolean(args_has(a, "sparse")));
    out_json(r, j);
}

/* How much an upload will send, for the progress line. */
static unsigned long long upload_total(virStorageVolPtr v, const struct xfer *x,
                                       const struct stat *sb, unsigned long long off)
{
    (void)v;
    (void)off;
    if (!x->regular)
        return x->limited ? x->remaining : 0;
    unsigned long long size = (unsigned long long)sb->st_size;
    return x->limited && x->remaining < size ? x->remaining : size;
}

/* What an upload and a download set up alike: the range, whether the file
 * is a regular one, and the stream; NULL with r filled on failure. */
static virStreamPtr xfer_stream(struct lvsh_session *s, const struct lvsh_args *a,
                                struct lvsh_result *r, struct xfer *x, unsigned long long *off,
                                unsigned long long *len, struct stat *sb)
{
    args_size(a, "offset", off);
    args_size(a, "length", len);
    if (fstat(x->fd, sb) < 0) {
        err_fail(r, "cannot stat '%s': %s", args_str(a, "file"), strerror(errno));
        return NULL;
    }
    x->regular = S_ISREG(sb->st_mode);
    virStreamPtr st = virStreamNew(s->conn, 0);
    if (!st)
        err_virt(r, "cannot create a stream");
    return st;
}

/* The direction of a transfer: upload and download differ only here. */
struct xfer_way {
    const char *verb, *label;   /* "upload", "Uploading" */
    const char *fail;           /* when the volume refuses, with its key */
    int (*open)(virStorageVolPtr v, virStreamPtr st, unsigned long long off,
                unsigned long long len, unsigned flags);
    /* the bytes the progress line expects */
    unsigned long long (*total)(virStorageVolPtr v, const struct xfer *x,
                                const struct stat *sb, unsigned long long off);
    int (*move)(virStreamPtr st, struct xfer *x, bool sparse);
};

/* Set the stream up, move the data with a progress line, close it. */
static enum lvsh_status xfer_run(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r, virStorageVolPtr v, struct xfer *x,
                                 const struct xfer_way *w)
{
    const char *file = args_str(a, "file"), *vol = args_str(a, "vol");
    unsigned long long off = 0, len = 0;
    struct stat sb;
    virStreamPtr st = xfer_stream(s, a, r, x, &off, &len, &sb);
    if (!st)
        return LVSH_FAILED;
    if (w->open(v, st, off, len, args_flags(a)) < 0) {
        err_virt(r, w->fail, vol);
        virStreamFree(st);
        return LVSH_FAILED;
    }
    bool show = progress_wanted(s, a);
    progress_start(&x->prog, w->label, show ? w->total(v, x, &sb, off) : 0, show);
    int rc = w->move(st, x, args_has(a, "sparse"));
    rc = xfer_close_stream(st, rc, x, r, w->verb, vol, file);
    progress_end(&x->prog, rc == 0);
    if (rc < 0)
        return LVSH_FAILED;
    xfer_json(r, v, file, x, a);
    return LVSH_OK;
}

static int upload_send(virStreamPtr st, struct xfer *x, bool sparse)
{
    return sparse ? virStreamSparseSendAll(st, src_read, src_in_data, src_skip, x)
                  : virStreamSendAll(st, src_read, x);
}

static const struct xfer_way xfer_upload = {
    "upload", "Uploading", "cannot upload to volume '%s'", virStorageVolUpload, upload_total,
    upload_send,
};

static enum lvsh_status run_vol_upload(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    const char *file = args_str(a, "file");
    struct xfer x;
    xfer_init(&x, s, a);
    virStorageVolPtr v = args_target(a);
    x.fd = open(file, O_RDONLY | O_CLOEXEC);
    enum lvsh_status st;
    if (x.fd < 0)
        st = err_fail(r, "cannot open '%s': %s", file, strerror(errno));
    else
        st = xfer_run(s, a, r, v, &x, &xfer_upload);
    if (x.fd >= 0)
        close(x.fd);
    return st;
}

#define XFER_OPTS(filehelp, offhelp, lenhelp) \
    VOL_OPT_VOL, \
    { .name = "file", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .help = filehelp, \
      .metavar = "file", .complete = LVSH_COMP_FILE }, \
    VOL_OPT_POOL, \
    { .name = "offset", .type = LVSH_OPT_SIZE, .help = offhelp }, \
    { .name = "length", .type = LVSH_OPT_SIZE, .help = lenhelp }, \
    { .name = "sparse", .type = LVSH_OPT_BOOL, \
      .flag = VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM, /* == DOWNLOAD_SPARSE_STREAM */ \
      .help = "keep holes as holes instead of sending zeros" }

static const struct lvsh_opt opts_vol_upload[] = {
    XFER_OPTS("local file to read", "where in the volume to start writing (bytes or 1M...)",
              "upload at most this much (default: the whole file)"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_upload = {
    .name = "vol-upload",
    .group = "volume",
    .summary = "copy a local file into a storage volume",
    .description = "Send a file's contents into a volume through a libvirt stream, from "
                   "--offset in the volume and for at most --length bytes.  --sparse "
                   "sends holes as holes.  On a terminal a progress line shows bytes, "
                   "rate and time left; Ctrl-C aborts the transfer.",
    .opts = opts_vol_upload,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_vol_upload,
    .target = LVSH_KIND_VOLUME,
};

/* How much a download will bring, for the progress line: the volume's
 * size on the host past --offset, or --length. */
static unsigned long long download_total(virStorageVolPtr v, const struct xfer *x,
                                         const struct stat *sb, unsigned long long off)
{
    (void)sb;
    virStorageVolInfo info;
    unsigned long long size;
    if (x->limited)
        return x->remaining;
    if (virStorageVolGetInfoFlags(v, &info, VIR_STORAGE_VOL_GET_PHYSICAL) == 0)
        size = info.allocation;   /* with this flag: the size on the host */
    else if (virStorageVolGetInfo(v, &info) == 0)
        size = info.capacity;
    else
        size = 0;
    virResetLastError();
    return size > off ? size - off : 0;
}

static int download_recv(virStreamPtr st, struct xfer *x, bool sparse)
{
    return sparse ? virStreamSparseRecvAll(st, sink_write, sink_hole, x)
                  : virStreamRecvAll(st, sink_write, x);
}

static const struct xfer_way xfer_download = {
    "download", "Downloading", "cannot download from volume '%s'", virStorageVolDownload,
    download_total, download_recv,
};

static enum lvsh_status run_vol_download(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    struct outfile out;
    struct xfer x;
    xfer_init(&x, s, a);
    virStorageVolPtr v = args_target(a);
    const char *file = args_str(a, "file");
    enum lvsh_status st = LVSH_FAILED;
    if (!outfile_open(&out, file)) {
        err_fail(r, "cannot create '%s': %s", file, strerror(errno));
    } else {
        x.fd = out.fd;
        st = xfer_run(s, a, r, v, &x, &xfer_download);
        if (st != LVSH_OK)
            outfile_abort(&out);   /* the old file stays as it was */
        else if (!outfile_commit(&out, r))
            st = LVSH_FAILED;
    }
    return st;
}

static const struct lvsh_opt opts_vol_download[] = {
    XFER_OPTS("local file to write (replaced once the download is complete)",
              "where in the volume to start reading (bytes or 1M...)",
              "download at most this much (default: to the volume's end)"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_download = {
    .name = "vol-download",
    .group = "volume",
    .summary = "copy a storage volume into a local file",
    .description = "Receive a volume's contents into a file through a libvirt stream, "
                   "from --offset and for at most --length bytes.  --sparse keeps holes "
                   "as holes in the file.  On a terminal a progress line shows bytes, "
                   "rate and time left; Ctrl-C aborts the transfer.  The data goes to a "
                   "temporary file next to FILE, renamed over it once complete: a failed "
                   "download leaves an existing FILE as it was and no partial file.",
    .opts = opts_vol_download,
    .flags = LVSH_CMD_CONN,
    .handler = run_vol_download,
    .target = LVSH_KIND_VOLUME,
};

LVSH_FAMILY(vol_transfer) = { &cmd_vol_upload, &cmd_vol_download, NULL };
