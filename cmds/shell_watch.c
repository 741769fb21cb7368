/* shell_watch.c: `watch` (re-run a command, as psql's \watch) and `history`. */
#include "lvsh.h"
#include "cmdtab.h"
#include "dispatch.h"
#include "repl.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Sleep in short steps so Ctrl-C ends the wait at once; false on Ctrl-C. */
static bool watch_sleep(const struct lvsh_session *s, double secs)
{
    struct timespec now, end = timespec_in_ms(CLOCK_MONOTONIC, (long long)(secs * 1000));
    for (;;) {
        if (session_interrupted(s))
            return false;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > end.tv_sec || (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec))
            return true;
        struct timespec step = { 0, 50 * 1000000L };
        nanosleep(&step, NULL);
    }
}

static char *words_line(char *const *w, int n)
{
    struct buf b = BUF_INIT;
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? " " : "", w[i]);
    return buf_steal(&b);
}

/* The header of each run: at a terminal the screen is cleared first, so the
 * output is redrawn in place; elsewhere runs follow each other. */
static void watch_header(struct lvsh_session *s, struct lvsh_result *r, double interval,
                         const char *line)
{
    char stamp[64];
    time_t t = time(NULL);
    struct tm tm;
    strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", localtime_r(&t, &tm));
    if (s->stdout_tty)
        out_stream_clear_screen(r);
    out_stream(r, json_pack("{s:s,s:s}", "watch", line, "time", stamp), "Every %gs: %s  %s\n\n",
               interval, line, stamp);
}

static enum lvsh_status run_watch(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    int n = 0;
    char *const *cmd = args_rest(a, "command", &n);
    const char *iv = args_str(a, "interval");
    long long count = 0;
    double interval = 2;
    char *end;

    if (iv) {
        interval = strtod(iv, &end);
        if (!*iv || *end || !(interval >= 0.1 && interval <= 86400))
            return err_usage(r, "invalid interval '%s' (seconds, 0.1 to 86400)", iv);
    }
    args_int(a, "count", &count);
    const struct lvsh_cmd *c = cmdtab_find(cmd[0]);
    if (c && c->handler == a->cmd->handler)
        return err_usage(r, "'watch' cannot watch itself");
    char *line = words_line(cmd, n);
    bool paging = s->no_pager_now;
    enum lvsh_format format = s->format;
    s->no_pager_now = true;   /* a pager would stop every run */
    if (a->json == 1)
        s->format = LVSH_FMT_JSON;   /* `watch --json CMD`: the runs are JSON too */
    enum lvsh_status st = LVSH_OK;
    for (long long i = 0; count == 0 || i < count; i++) {
        if (i > 0 && !watch_sleep(s, interval))
            break;
        watch_header(s, r, interval, line);
        st = dispatch_argv(s, n, cmd, NULL, 0);
        if (st != LVSH_OK || session_interrupted(s))
            break;
    }
    if (session_interrupted(s)) {   /* Ctrl-C is how watch ends: not a failure */
        *s->interrupted = 0;
        st = LVSH_OK;
    }
    s->no_pager_now = paging;
    s->format = format;
    free(line);
    out_bare(r);
    return st;
}

static const struct lvsh_opt opts_shell_watch[] = {
    { .name = "interval", .type = LVSH_OPT_STRING, .metavar = "seconds",
      .help = "seconds between runs (default 2; fractions allowed, at least 0.1)" },
    { .name = "count", .type = LVSH_OPT_INT, .min = 1, .max = 1000000000,
      .help = "stop after this many runs (default: until Ctrl-C)" },
    { .name = "command", .type = LVSH_OPT_REST,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .complete = LVSH_COMP_COMMAND,
      .metavar = "command", .help = "the command to run and its arguments" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_watch = {
    .name = "watch",
    .group = "shell",
    .summary = "run a command again and again",
    .description = "Run COMMAND every few seconds until Ctrl-C (or --count runs), as psql's "
                   "\\watch.  At a terminal the screen is redrawn in place under a line with "
                   "the command and the time; otherwise each run is appended after such a "
                   "line.  The options of watch come before the command; everything after "
                   "the command's name is the command's.  A failing run ends the watch with "
                   "its status.",
    .opts = opts_shell_watch,
    .flags = LVSH_CMD_OPTS_FIRST | LVSH_CMD_NO_JSON,
    .handler = run_watch,
};

struct hist_out {
    struct lvsh_result *r;
    json_t *arr;
};

static void history_line(void *opaque, int num, const char *line)
{
    struct hist_out *h = opaque;
    out_text(h->r, "%5d  %s\n", num, line);
    json_array_append_new(h->arr, json_pack("{s:i,s:o}", "number", num, "line",
                                            json_str(line)));
}

static enum lvsh_status run_history(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    long long last = -1;
    struct hist_out h = { r, json_array() };
    (void)s;
    args_int(a, "count", &last);
    repl_history_each((int)last, history_line, &h);
    out_json(r, h.arr);
    return LVSH_OK;
}

static const struct lvsh_opt opts_shell_history[] = {
    { .name = "count", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 0,
      .max = 1000000, .metavar = "n", .help = "show only the last N lines" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_history = {
    .name = "history",
    .group = "shell",
    .summary = "list the command history",
    .description = "List the lines typed at the prompt, numbered, oldest first (outside the "
                   "shell: the saved history file).  Lines that start with a blank, repeats "
                   "of the line just before, and commands that carry secrets are not kept, "
                   "as bash's HISTCONTROL=ignoreboth.",
    .opts = opts_shell_history,
    .handler = run_history,
};

LVSH_FAMILY(shell_watch) = { &cmd_watch, &cmd_history, NULL };
