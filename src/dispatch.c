/* dispatch.c: the path every command takes, whatever mode it came from. */
#include "dispatch.h"
#include "cmdtab.h"
#include "help.h"
#include "options.h"
#include "result.h"
#include "session.h"
#include "tokenize.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void render_opts_init(struct render_opts *o, const struct lvsh_session *s,
                             enum lvsh_format fmt, const char *file, int line)
{
    memset(o, 0, sizeof(*o));
    o->format = fmt;
    o->quiet = s->quiet;
    o->pretty = s->stdout_tty;
    o->where_file = file;
    o->where_line = line;
}

void dispatch_report_lost(struct lvsh_session *s, const char *file, int line)
{
    char *msg = session_take_lost_report(s);
    if (!msg)
        return;
    struct lvsh_result r;
    struct render_opts o;
    result_init(&r);
    render_opts_init(&o, s, s->format, file, line);
    out_warn(&r, "%s; reconnecting on the next command", msg);
    render_result(stdout, stderr, &r, &o, LVSH_OK);
    result_free(&r);
    free(msg);
}

static enum lvsh_status run_handler(struct lvsh_session *s, const struct lvsh_cmd *cmd,
                                    const struct lvsh_args *a, struct lvsh_result *r)
{
    if (a->help) {
        help_command(cmd, r);
        return LVSH_OK;
    }
    if ((cmd->flags & LVSH_CMD_WRITES) && s->readonly)
        return err_fail(r, "'%s' changes state, but the connection is read-only (-r)",
                        cmd->name);
    if (cmd->flags & LVSH_CMD_CONN) {
        dispatch_report_lost(s, NULL, 0);
        if (!session_conn(s, r))
            return LVSH_FAILED;
    }
    enum lvsh_status st = cmd->handler(s, a, r);
    if ((cmd->flags & LVSH_CMD_WRITES) && st == LVSH_OK)
        s->write_generation++;
    return st;
}

/* The parse options of the session: virsh mode words errors as virsh and,
 * as virsh, checks values only when the command runs. */
static unsigned parse_how(const struct lvsh_session *s)
{
    return s->virsh_mode ? OPTS_VIRSH | OPTS_DEFER : 0;
}

/* One command of a line, parsed before any of the line runs. */
struct parsed {
    const struct lvsh_cmd *cmd;
    struct lvsh_args a;
    const char *file;
    int line;
};

/* -l FILE: each error line, stamped as virsh stamps its log. */
static void log_errors(const struct lvsh_session *s, const struct lvsh_result *r)
{
    if (!s->log || !r->err_msg)
        return;
    char stamp[64];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof(stamp), "%Y.%m.%d %H:%M:%S", &tm);
    const char *prog = s->virsh_mode ? "virsh" : "lvsh";
    fprintf(s->log, "[%s %s %ld] ERROR %s\n", stamp, prog, (long)getpid(), r->err_msg);
    if (r->err_detail)
        fprintf(s->log, "[%s %s %ld] ERROR %s\n", stamp, prog, (long)getpid(), r->err_detail);
    fflush(s->log);
}

/* Render an error found before anything ran.  virsh prints no one-shot
 * blank line after a line it refused; lvsh's own mode keeps its blank line
 * after a refused command (trailer), none after a syntax error. */
static enum lvsh_status report_early(struct lvsh_session *s, struct lvsh_result *r,
                                     const char *file, int line, enum lvsh_status st,
                                     bool trailer)
{
    struct render_opts o;
    render_opts_init(&o, s, s->format, file, line);
    o.trailer = trailer && s->trailer && !s->virsh_mode;
    log_errors(s, r);
    return render_result(stdout, stderr, r, &o, st);
}

/* Look up and parse one command; on a problem the error is in r. */
static enum lvsh_status parse_one(struct lvsh_session *s, int argc, char *const argv[],
                                  struct parsed *p, struct lvsh_result *r)
{
    memset(&p->a, 0, sizeof(p->a));
    p->cmd = cmdtab_find(argv[0]);
    if (!p->cmd) {
        if (s->virsh_mode)
            return err_usage(r, "unknown command: '%s'", argv[0]);
        char *hint = cmdtab_suggest(argv[0]);
        enum lvsh_status st = hint
            ? err_usage(r, "unknown command '%s' (did you mean %s?)", argv[0], hint)
            : err_usage(r, "unknown command '%s' (try 'help')", argv[0]);
        free(hint);
        return st;
    }
    return opts_parse_ex(p->cmd, argc, argv, &p->a, parse_how(s), r);
}

/* Run one parsed command and render what it left. */
static enum lvsh_status run_parsed(struct lvsh_session *s, struct parsed *p)
{
    struct lvsh_result r;
    struct render_opts o;
    const struct lvsh_cmd *cmd = p->cmd;
    struct lvsh_args *a = &p->a;
    enum lvsh_status st = LVSH_OK;

    result_init(&r);
    render_opts_init(&o, s, s->format, p->file, p->line);
    if (s->interrupted)
        *s->interrupted = 0;
    if (a->json == 1)
        o.format = LVSH_FMT_JSON;
    r.stream_json = o.format == LVSH_FMT_JSON;
    r.text_only = o.format != LVSH_FMT_JSON;
    if (!a->help && (parse_how(s) & OPTS_DEFER))
        st = opts_check_values(cmd, a, parse_how(s), &r);
    if (st == LVSH_OK)
        st = run_handler(s, cmd, a, &r);
    if (cmd->flags & LVSH_CMD_XML && !a->help) {
        int k = opts_index(cmd, "xpath");
        o.xpath = k >= 0 && a->v[k].set ? a->v[k].str : NULL;
        k = opts_index(cmd, "wrap");
        o.wrap = k >= 0 && a->v[k].set;
    }
    o.trailer = s->trailer && !(cmd->flags & LVSH_CMD_BARE) && !r.bare;
    st = render_result(stdout, stderr, &r, &o, st);
    log_errors(s, &r);
    result_free(&r);
    return st;
}

enum lvsh_status dispatch_argv(struct lvsh_session *s, int argc, char *const argv[],
                               const char *file, int line)
{
    struct lvsh_result r;
    struct parsed p = { .file = file, .line = line };
    enum lvsh_status st;

    result_init(&r);
    st = parse_one(s, argc, argv, &p, &r);
    if (st != LVSH_OK)
        st = report_early(s, &r, file, line, st, !(p.cmd && p.cmd->flags & LVSH_CMD_BARE));
    result_free(&r);
    if (st == LVSH_OK)
        st = run_parsed(s, &p);
    args_free(&p.a);
    return st;
}

static enum lvsh_status tok_error(struct lvsh_session *s, const struct tok_list *l,
                                  const char *file)
{
    struct lvsh_result r;
    result_init(&r);
    if (s->virsh_mode && strstr(l->error, "quote"))
        err_usage(&r, "missing %c", strstr(l->error, "double") ? '"' : '\'');
    else if (s->virsh_mode)
        err_usage(&r, "%s", l->error);
    else
        err_usage(&r, "%s at column %d", l->error, l->err_col);
    enum lvsh_status st = report_early(s, &r, file, l->err_line, LVSH_USAGE, false);
    result_free(&r);
    return st;
}

/* Parse every command of the text before running any, as virsh does: a
 * bad option or an unknown command later in the line runs nothing. */
static enum lvsh_status parse_all(struct lvsh_session *s, const struct tok_list *l,
                                  const char *file, struct parsed *ps)
{
    for (int i = 0; i < l->ncmds; i++) {
        struct lvsh_result r;
        result_init(&r);
        ps[i].file = file;
        ps[i].line = l->cmds[i].line;
        enum lvsh_status st = parse_one(s, l->cmds[i].argc, l->cmds[i].argv, &ps[i], &r);
        if (st != LVSH_OK)
            st = report_early(s, &r, file, ps[i].line, st,
                              !(ps[i].cmd && ps[i].cmd->flags & LVSH_CMD_BARE));
        result_free(&r);
        if (st != LVSH_OK)
            return st;
    }
    return LVSH_OK;
}

enum lvsh_status run_text(struct lvsh_session *s, const char *text, size_t len,
                          const char *file, int first_line, bool stop)
{
    struct tok_list l;
    enum lvsh_status first, last, fail = LVSH_OK;
    bool ok = tokenize(text, len, first_line, &l);
    struct parsed *ps = xcalloc((size_t)l.ncmds + 1, sizeof(*ps));

    if (!ok)
        first = last = tok_error(s, &l, file);
    else
        first = last = parse_all(s, &l, file, ps);
    for (int i = 0; first == LVSH_OK && i < l.ncmds && !s->quit_requested; i++) {
        last = run_parsed(s, &ps[i]);
        if (last != LVSH_OK && (stop || fail == LVSH_OK))
            fail = last;
        if (last != LVSH_OK && stop)
            break;
    }
    for (int i = 0; i < l.ncmds; i++)
        args_free(&ps[i].a);
    free(ps);
    tok_list_free(&l);
    /* virsh: the status of the line is its last command's */
    if (s->virsh_mode)
        return last;
    return first != LVSH_OK ? first : fail;
}

/* Does text end inside an open quote (so the command goes on next line)? */
static bool quote_open(const char *text, size_t len)
{
    struct tok_list l;
    bool ok = tokenize(text, len, 1, &l);
    tok_list_free(&l);
    return !ok;
}

enum lvsh_status run_stream(struct lvsh_session *s, FILE *in, const char *name, bool stop)
{
    struct buf pending = BUF_INIT;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0, start = 1;
    enum lvsh_status first = LVSH_OK;

    int read_errno = 0;

    while (!s->quit_requested && (errno = 0, n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        if (pending.len == 0)
            start = lineno;
        buf_add(&pending, line, (size_t)n);
        bool continued = n >= 2 && line[n - 1] == '\n' && line[n - 2] == '\\';
        if (continued || quote_open(pending.data, pending.len))
            continue;
        enum lvsh_status st = run_text(s, pending.data, pending.len, name, start, stop);
        buf_free(&pending);
        if ((st != LVSH_OK && first == LVSH_OK) || s->virsh_mode)
            first = st;   /* virsh: the last command's status */
        if (st != LVSH_OK && stop)
            break;
    }
    if (ferror(in))
        read_errno = errno ? errno : EIO;
    if (pending.len && !s->quit_requested && (first == LVSH_OK || !stop)) {
        enum lvsh_status st = run_text(s, pending.data, pending.len, name, start, stop);
        if (first == LVSH_OK || s->virsh_mode)
            first = st;
    }
    /* a read error (a directory given to -f: EISDIR) is not an empty script */
    if (read_errno && !s->quit_requested) {
        struct lvsh_result r;
        struct render_opts o;
        result_init(&r);
        render_opts_init(&o, s, s->format, NULL, 0);
        render_result(stdout, stderr, &r, &o,
                      err_fail(&r, "cannot read '%s': %s", name, strerror(read_errno)));
        result_free(&r);
        if (first == LVSH_OK)
            first = LVSH_FAILED;
    }
    buf_free(&pending);
    free(line);
    return first;
}
