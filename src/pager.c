/* pager.c: holding a command's output and paging it when it is long. */
#include "pager.h"
#include "textwidth.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

const char *pager_command(void)
{
    const char *p = getenv("LVSH_PAGER");
    if (p)
        return *p ? p : NULL;
    p = getenv("PAGER");
    return p && *p ? p : "less -FRX";
}

FILE *pager_begin(const struct lvsh_session *s, struct pager *p)
{
    memset(p, 0, sizeof(*p));
    /* never in scripts, in watch, or when stdout is a pipe */
    if (!s->pager || s->no_pager_now || !s->stdout_tty || !(s->interactive || s->trailer) ||
        !pager_command())
        return stdout;
    p->mem = open_memstream(&p->data, &p->len);
    return p->mem ? p->mem : stdout;
}

size_t pager_lines(const char *text, size_t len, size_t cols)
{
    size_t lines = 0;
    const char *end = text + len;
    while (text < end) {
        const char *nl = memchr(text, '\n', (size_t)(end - text));
        size_t n = nl ? (size_t)(nl - text) : (size_t)(end - text);
        char *line = xstrndup(text, n);
        size_t w = text_width(line);
        free(line);
        lines += w > cols && cols ? (w + cols - 1) / cols : 1;
        text += n + (nl ? 1 : 0);
    }
    return lines;
}

void pager_end(struct lvsh_session *s, struct pager *p)
{
    if (!p->mem)
        return;
    fclose(p->mem);
    struct winsize ws;
    size_t rows = 24, cols = 80;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) {
        rows = ws.ws_row;
        cols = ws.ws_col;
    }
    FILE *pp = NULL;
    /* the prompt needs a line of its own after the output */
    if (pager_lines(p->data, p->len, cols) >= rows) {
        fflush(stdout);
        pp = popen(pager_command(), "w");
    }
    if (pp) {
        fwrite(p->data, 1, p->len, pp);
        pclose(pp);
        if (s->interrupted)
            *s->interrupted = 0;   /* Ctrl-C in the pager is the pager's */
    } else {
        fwrite(p->data, 1, p->len, stdout);
        fflush(stdout);
    }
    free(p->data);
    memset(p, 0, sizeof(*p));
}
