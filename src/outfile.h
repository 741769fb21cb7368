/* outfile.h: files lvsh writes on this host appear whole or not at all. */
#ifndef LVSH_OUTFILE_H
#define LVSH_OUTFILE_H

#include "lvsh.h"

/* A regular file is written to a temporary file next to it and renamed
 * over it on success: a failure never destroys the old file and leaves no
 * partial one.  Devices and pipes (/dev/stdout) are written in place. */
struct outfile {
    char *path;   /* the target */
    char *tmp;    /* the temporary file, NULL when written in place */
    int fd;
};

/* Open for writing; false with errno set (the caller words the error). */
bool outfile_open(struct outfile *f, const char *path);
/* Close and move into place; false with r filled and the temporary removed. */
bool outfile_commit(struct outfile *f, struct lvsh_result *r);
/* Drop what was written: the temporary is removed, the target untouched. */
void outfile_abort(struct outfile *f);

#endif
