/* pager.h: output longer than the terminal goes through a pager
 * ($LVSH_PAGER, else $PAGER, else `less -FRX`), as git and psql do. */
#ifndef LVSH_PAGER_H
#define LVSH_PAGER_H

#include "lvsh.h"

#include <stdio.h>

struct pager {
    FILE *mem;      /* the command's output, held until its length is known */
    char *data;
    size_t len;
};

/* Where a command's output goes: a memory stream when it may be paged
 * (a terminal on stdout, interactive or one-shot, `set pager on`), else
 * stdout itself. */
FILE *pager_begin(const struct lvsh_session *s, struct pager *p);
/* Show what was held: through the pager when it does not fit the screen. */
void pager_end(struct lvsh_session *s, struct pager *p);
/* The pager command; NULL when paging is off (an empty $LVSH_PAGER). */
const char *pager_command(void);
/* Screen lines text takes on a terminal cols wide (long lines wrap). */
size_t pager_lines(const char *text, size_t len, size_t cols);

#endif
