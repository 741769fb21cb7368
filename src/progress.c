/* progress.c: the progress line of long transfers (see progress.h). */
#include "progress.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int term_width(void)
{
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    return 80;
}

bool progress_wanted(const struct lvsh_session *s, const struct lvsh_args *a)
{
    return isatty(STDERR_FILENO) && !lvsh_wants_json(s, a) && !s->quiet;
}

static void eta_text(struct buf *b, double secs)
{
    unsigned long t = (unsigned long)(secs + 0.5);
    if (t >= 3600)
        buf_printf(b, "  ETA %lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
    else
        buf_printf(b, "  ETA %lu:%02lu", t / 60, t % 60);
}

char *progress_format(const char *label, unsigned long long done, unsigned long long total,
                      double elapsed, int width)
{
    struct buf tail = BUF_INIT, line = BUF_INIT;
    char *d = fmt_size_bytes(done);
    double rate = elapsed > 0.05 ? (double)done / elapsed : 0;

    buf_adds(&tail, d);
    if (total) {
        char *t = fmt_size_bytes(total);
        buf_printf(&tail, " / %s", t);
        free(t);
    }
    if (rate > 0) {
        char *rt = fmt_size_bytes((unsigned long long)rate);
        buf_printf(&tail, "  %s/s", rt);
        free(rt);
        if (total && done < total)
            eta_text(&tail, (double)(total - done) / rate);
    }
    buf_printf(&line, "%s ", label);
    if (total) {
        unsigned pct = done >= total ? 100 : (unsigned)(done * 100.0 / (double)total);
        int bar = width - (int)strlen(label) - (int)tail.len - 12;
        buf_printf(&line, "%3u%% ", pct);
        if (bar >= 10) {
            int fill = (int)((double)bar * (double)pct / 100.0);
            buf_addc(&line, '[');
            for (int i = 0; i < bar; i++)
                buf_addc(&line, i < fill ? '=' : i == fill ? '>' : ' ');
            buf_adds(&line, "] ");
        }
    }
    buf_adds(&line, buf_str(&tail));
    buf_free(&tail);
    free(d);
    return buf_steal(&line);
}

/* A dumb terminal knows no escapes: pad with blanks over a longer line. */
static bool term_dumb(void)
{
    const char *t = getenv("TERM");
    return !t || !*t || strcmp(t, "dumb") == 0;
}

static void draw(struct lvsh_progress *p, double t)
{
    char *line = progress_format(p->label, p->done, p->total, t - p->start, term_width());
    size_t len = strlen(line);
    if (term_dumb()) {
        fprintf(stderr, "\r%s%*s", line, p->last_len > len ? (int)(p->last_len - len) : 0, "");
    } else {
        /* \r to the line's start, \033[K clears what a longer line left */
        fprintf(stderr, "\r%s\033[K", line);
    }
    p->last_len = len;
    fflush(stderr);
    free(line);
    p->last_draw = t;
    p->drawn = true;
}

void progress_start(struct lvsh_progress *p, const char *label, unsigned long long total,
                    bool enabled)
{
    memset(p, 0, sizeof(*p));
    p->label = label;
    p->total = total;
    p->enabled = enabled;
    p->start = now();
    if (enabled)
        draw(p, p->start);
}

void progress_set(struct lvsh_progress *p, unsigned long long done)
{
    p->done = done;
    if (!p->enabled)
        return;
    double t = now();
    if (t - p->last_draw >= 0.1)
        draw(p, t);
}

void progress_add(struct lvsh_progress *p, unsigned long long n)
{
    progress_set(p, p->done + n);
}

void progress_end(struct lvsh_progress *p, bool ok)
{
    if (!p->enabled)
        return;
    if (ok)
        draw(p, now());
    if (p->drawn)
        fputc('\n', stderr);
    fflush(stderr);
    p->enabled = false;
}
