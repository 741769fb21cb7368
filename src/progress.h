/* progress.h: one progress line for long transfers (vol-upload,
 * vol-download, and later save, restore and migrate).
 *
 * The line shows bytes done, the total and a bar when known, the rate and
 * the time left:
 *
 *     Uploading  42% [=======>          ] 1.20 GiB / 2.86 GiB  35.20 MiB/s  ETA 0:48
 *
 * It is drawn on stderr and only when stderr is a terminal and the output
 * is not JSON (progress_wanted()): scripts, pipes and logs never see it.
 * Typical use:
 *
 *     struct lvsh_progress p;
 *     progress_start(&p, "Uploading", total, progress_wanted(s, a));
 *     for each chunk: progress_add(&p, n);    (or progress_set(&p, done))
 *     progress_end(&p, ok);
 *
 * Redraws are limited to about ten a second, so calling progress_add()
 * for every chunk costs nothing noticeable.  A disabled progress does
 * nothing at all. */
#ifndef LVSH_PROGRESS_H
#define LVSH_PROGRESS_H

#include "lvsh.h"

struct lvsh_progress {
    const char *label;         /* "Uploading"; not copied */
    unsigned long long total;  /* 0: unknown (no bar, no ETA) */
    unsigned long long done;
    double start, last_draw;   /* monotonic seconds */
    bool enabled;
    bool drawn;                /* something is on the line */
    size_t last_len;           /* bytes of the last line drawn (dumb terminals) */
};

/* True when a person watches stderr and the output is not JSON or -q. */
bool progress_wanted(const struct lvsh_session *s, const struct lvsh_args *a);
void progress_start(struct lvsh_progress *p, const char *label, unsigned long long total,
                    bool enabled);
/* n more bytes done (holes skipped in sparse transfers count too) */
void progress_add(struct lvsh_progress *p, unsigned long long n);
/* the absolute amount done, for jobs that report it (save, migrate) */
void progress_set(struct lvsh_progress *p, unsigned long long done);
/* Finish the line: on success draw the final state; either way end it with
 * a newline so later messages start on a line of their own. */
void progress_end(struct lvsh_progress *p, bool ok);

/* The text of the line for a terminal width (for tests); caller frees. */
char *progress_format(const char *label, unsigned long long done, unsigned long long total,
                      double elapsed, int width);

#endif
