/* outfile.c: downloads and screenshots through a temporary file and rename. */
#include "outfile.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void outfile_clear(struct outfile *f)
{
    free(f->path);
    free(f->tmp);
    f->path = f->tmp = NULL;
    f->fd = -1;
}

bool outfile_open(struct outfile *f, const char *path)
{
    struct stat sb;
    f->path = xstrdup(path);
    f->tmp = NULL;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        f->fd = open(path, O_WRONLY | O_CLOEXEC);   /* a device or a pipe */
    } else {
        char *dup = xstrdup(path), *base = xstrdup(path);
        f->tmp = xasprintf("%s/.%s.lvsh-XXXXXX", dirname(dup), basename(base));
        free(dup);
        free(base);
        f->fd = mkostemp(f->tmp, O_CLOEXEC);
        if (f->fd >= 0) {   /* the mode the file has, or open(0666) would give */
            mode_t mask = umask(0);
            umask(mask);
            fchmod(f->fd, stat(path, &sb) == 0 ? sb.st_mode & 07777 : 0666 & ~mask);
        }
    }
    if (f->fd < 0) {
        int e = errno;
        outfile_clear(f);
        errno = e;
        return false;
    }
    return true;
}

bool outfile_commit(struct outfile *f, struct lvsh_result *r)
{
    bool ok = true;
    /* a file system may report a delayed write error only at close */
    if (close(f->fd) < 0) {
        err_fail(r, "cannot write '%s': %s", f->path, strerror(errno));
        ok = false;
    } else if (f->tmp && rename(f->tmp, f->path) < 0) {
        err_fail(r, "cannot replace '%s': %s", f->path, strerror(errno));
        ok = false;
    }
    if (!ok && f->tmp)
        unlink(f->tmp);
    outfile_clear(f);
    return ok;
}

void outfile_abort(struct outfile *f)
{
    if (f->fd >= 0)
        close(f->fd);
    if (f->tmp)
        unlink(f->tmp);
    outfile_clear(f);
}
