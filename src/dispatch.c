/* dispatch.c: the path every command takes, whatever mode it came from. */
#include "dispatch.h"
#include "bounded.h"
#include "cmdtab.h"
#include "fleet.h"
#include "help.h"
#include "options.h"
#include "pager.h"
#include "result.h"
#include "session.h"
#include "target.h"
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
    o->no_header = s->no_header;
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

void cmd_job_init(struct cmd_job *j, const struct lvsh_cmd *cmd, int argc, char *const argv[])
{
    j->cmd = cmd;
    j->argc = argc;
    j->argv = xcalloc((size_t)argc + 1, sizeof(char *));
    for (int i = 0; i < argc; i++)
        j->argv[i] = xstrdup(argv[i]);
    result_init(&j->r);
}

void cmd_job_clear(struct cmd_job *j)
{
    if (j->has_ws)
        session_copy_free(&j->ws);
    result_free(&j->r);
    args_free(&j->a);
    for (int i = 0; i < j->argc; i++)
        free(j->argv[i]);
    free(j->argv);
}

void cmd_job_mute(void *opaque)
{
    struct cmd_job *j = opaque;
    __atomic_store_n(&j->r.muted, 1, __ATOMIC_RELEASE);
}

static struct cmd_job *job_new(const struct lvsh_cmd *cmd, int argc, char *const argv[])
{
    struct cmd_job *j = xcalloc(1, sizeof(*j));
    cmd_job_init(j, cmd, argc, argv);
    return j;
}

static void job_free(void *opaque)
{
    cmd_job_clear(opaque);
    free(opaque);
}

enum lvsh_status dispatch_job_handler(const struct lvsh_cmd *cmd, struct lvsh_session *ws,
                                      struct lvsh_args *a, struct lvsh_result *r)
{
    volatile sig_atomic_t *cancel = bounded_cancel_flag();
    if (cancel)
        ws->interrupted = cancel;
    return target_resolve(ws, a, r) ? cmd->handler(ws, a, r) : LVSH_FAILED;
}

static void job_run(void *opaque)
{
    struct cmd_job *j = opaque;
    j->st = dispatch_job_handler(j->cmd, &j->ws, &j->a, &j->r);
}

/* Run the handler on its own thread; *jp becomes NULL if it was given up on. */
static enum lvsh_status run_bounded(struct lvsh_session *s, struct cmd_job **jp,
                                    enum bounded_end *end)
{
    struct cmd_job *j = *jp;
    session_copy(&j->ws, s);
    j->has_ws = true;
    bool abandoned;
    *end = bounded_run_ex(job_run, j, job_free, cmd_job_mute, s->interrupted, s->timeout,
                          &abandoned);
    if (abandoned) {
        *jp = NULL;
        session_drop_abandoned(s);   /* still busy: the next command reconnects */
        return LVSH_FAILED;
    }
    s->write_generation = j->ws.write_generation;
    /* settings a command may change on its copy (keepalive) */
    s->keepalive_interval = j->ws.keepalive_interval;
    s->keepalive_count = j->ws.keepalive_count;
    if (!j->ws.conn && s->conn)
        session_disconnect(s);   /* the handler found it dead and reported it */
    session_copy_free(&j->ws);
    j->has_ws = false;
    return j->st;
}

static enum lvsh_status run_handler(struct lvsh_session *s, struct cmd_job **jp,
                                    enum bounded_end *end, const struct render_opts *o)
{
    struct cmd_job *j = *jp;
    const struct lvsh_cmd *cmd = j->cmd;
    struct lvsh_result *r = &j->r;
    if (j->a.help) {
        help_command(cmd, r);
        return LVSH_OK;
    }
    /* decided from the table before connecting or starting an editor */
    bool writes = args_would_write(&j->a);
    if (writes && s->readonly)
        return err_fail(r, "'%s' changes state, but the connection is read-only (-r)",
                        cmd->name);
    if (!(cmd->flags & LVSH_CMD_CONN))
        return cmd->handler(s, &j->a, r);
    dispatch_report_lost(s, o->where_file, o->where_line);   /* file:line in batch */
    if (s->conn && session_conn_lost(s))
        session_disconnect(s);
    if (!s->conn && s->bg) {
        /* the REPL's background connect: take it if it comes in time */
        long ms = s->connect_timeout > 0 ? s->connect_timeout * 1000L : -1;
        if (!session_background_wait(s, ms) && s->interrupted && *s->interrupted)
            return session_err_interrupted(r);
    }
    if (!s->conn) {
        /* --timeout bounds the whole command, its connection too */
        int saved = s->connect_timeout;
        if (s->timeout > 0 && (saved == 0 || s->timeout < saved))
            s->connect_timeout = s->timeout;
        enum lvsh_status st = session_connect(s, s->uri, s->readonly, r);
        s->connect_timeout = saved;
        if (st != LVSH_OK) {
            /* a URI named with -c fails before any command in virsh: nothing
             * on stdout; the default one fails in the command: blank line */
            r->bare = s->uri_named;
            return st;
        }
    }
    enum lvsh_status st = run_bounded(s, jp, end);
    if (writes && st == LVSH_OK && *jp)
        s->write_generation++;
    return st;
}

/* A command that ended by a cancellation says so, whatever it was doing. */
static enum lvsh_status settle(const struct lvsh_session *s, struct lvsh_result *r,
                               enum lvsh_status st, enum bounded_end end)
{
    if (end == BOUNDED_TIMED_OUT) {
        free(r->err_detail);
        r->err_detail = NULL;
        free(r->err_msg);
        r->err_msg = xasprintf("timed out after %d s", s->timeout);
        r->err_code = 0;
        return LVSH_FAILED;
    }
    if (end != BOUNDED_INTERRUPTED || st == LVSH_OK)
        return st;
    /* keep a handler's own account ("... interrupted after 4096 bytes") */
    if (!r->err_msg || !strstr(r->err_msg, "interrupted")) {
        free(r->err_detail);
        r->err_detail = NULL;
        free(r->err_msg);
        r->err_msg = xstrdup("interrupted");
        r->err_code = 0;
    }
    return LVSH_INTERRUPTED;
}

/* At a terminal the error starts on a line of its own, past the "^C". */
static void newline_after_ctrl_c(const struct lvsh_session *s, enum lvsh_status st)
{
    if (st == LVSH_INTERRUPTED && s->interactive)
        fputc('\n', stderr);
}

/* The command was given up on: its result went with it. */
static enum lvsh_status render_given_up(struct lvsh_session *s, struct render_opts *o,
                                        enum bounded_end end)
{
    struct lvsh_result r;
    result_init(&r);
    enum lvsh_status st = end == BOUNDED_TIMED_OUT
        ? err_fail(&r, "timed out after %d s", s->timeout) : session_err_interrupted(&r);
    newline_after_ctrl_c(s, st);
    o->trailer = s->trailer;
    st = render_result(stdout, stderr, &r, o, st);
    result_free(&r);
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
    int argc;
    char *const *argv;          /* the line's words, until the line is done */
    struct lvsh_args a;         /* parsed to check the line before it runs */
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

enum lvsh_status dispatch_connect_first(struct lvsh_session *s)
{
    struct lvsh_result r;
    result_init(&r);
    enum lvsh_status st = session_connect(s, s->uri, s->readonly, &r);
    if (st != LVSH_OK)
        st = report_early(s, &r, NULL, 0, st, false);
    result_free(&r);
    return st;
}

/* -d 0: what the parser made of a command, one line per option given, as
 * virsh's debug trace shows it (to stderr: stdout stays the data). */
static void debug_trace_args(const struct lvsh_session *s, const struct parsed *p)
{
    if (s->debug_level > 0 || !p->cmd || !p->a.v)
        return;
    for (int i = 0; i < p->a.nopts; i++) {
        const struct lvsh_opt *o = &p->cmd->opts[i];
        const struct lvsh_argval *v = &p->a.v[i];
        if (!v->set)
            continue;
        const char *kind = o->type == LVSH_OPT_BOOL ? "bool"
                         : o->type == LVSH_OPT_REST ? "argv"
                         : o->type == LVSH_OPT_INT || o->type == LVSH_OPT_SIZE ? "number"
                         : o->flags & LVSH_OPTF_REQUIRED ? "optdata" : "string";
        if (o->type == LVSH_OPT_BOOL) {
            fprintf(stderr, "%s: %s(bool): (none)\n", p->cmd->name, o->name);
            continue;
        }
        for (int k = 0; o->type == LVSH_OPT_REST && k < v->nrest; k++)
            fprintf(stderr, "%s: %s(argv): %s\n", p->cmd->name, o->name, v->rest[k]);
        if (o->type != LVSH_OPT_REST)
            fprintf(stderr, "%s: %s(%s): %s\n", p->cmd->name, o->name, kind,
                    o->flags & LVSH_OPTF_SECRET ? "***" : v->str);
    }
}

/* Look up and parse one command; on a problem the error is in r. */
static enum lvsh_status parse_one(struct lvsh_session *s, int argc, char *const argv[],
                                  struct parsed *p, struct lvsh_result *r)
{
    memset(&p->a, 0, sizeof(p->a));
    p->argc = argc;
    p->argv = argv;
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

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* virsh -t's line after each command; a JSON line on stderr under JSON. */
static void timing_report(const struct lvsh_session *s, double t0, enum lvsh_format fmt,
                          bool trailer)
{
    double ms = now_ms() - t0;
    (void)s;
    if (fmt == LVSH_FMT_JSON) {   /* stdout stays one document per command */
        fprintf(stderr, "{\"time_ms\":%.3f}\n", ms);
        fflush(stderr);
        return;
    }
    printf("(Time: %.3f ms)\n%s", ms, trailer ? "\n" : "");
    fflush(stdout);
}

/* Run one parsed command on a job of its own (bounded: Ctrl-C and --timeout
 * can give up on it) and render what it left. */
static enum lvsh_status run_parsed(struct lvsh_session *s, const struct parsed *p)
{
    struct render_opts o;
    const struct lvsh_cmd *cmd = p->cmd;
    unsigned how = parse_how(s);
    double t0 = now_ms();

    render_opts_init(&o, s, s->format, p->file, p->line);
    if (s->interrupted)
        *s->interrupted = 0;
    /* the job owns copies of the words: an abandoned one outlives the line */
    struct cmd_job *j = job_new(cmd, p->argc, p->argv);
    enum bounded_end end = BOUNDED_DONE;
    enum lvsh_status st = opts_parse_ex(cmd, j->argc, j->argv, &j->a, how, &j->r);
    if (j->a.json == 1)
        o.format = LVSH_FMT_JSON;
    else if (s->interactive && (j->a.help || strcmp(cmd->name, "help") == 0))
        o.format = LVSH_FMT_TABLE;   /* `set output json` is for data, not help */
    j->r.stream_json = o.format == LVSH_FMT_JSON;
    /* CSV takes the raw values (bytes, not "1.00 GiB") */
    j->r.text_only = o.format == LVSH_FMT_TABLE || o.format == LVSH_FMT_VERTICAL;
    if (st == LVSH_OK && !j->a.help && (how & OPTS_DEFER))
        st = opts_check_values(cmd, &j->a, how, &j->r);
    /* several target hosts: fleet.h runs and renders it */
    if (st == LVSH_OK && !j->a.help &&
        fleet_dispatch(s, cmd, &j->a, j->argc, j->argv, &o, &st)) {
        job_free(j);
        return st;
    }
    if (st == LVSH_OK)
        st = run_handler(s, &j, &end, &o);
    if (!j)
        return render_given_up(s, &o, end);
    st = settle(s, &j->r, st, end);
    if (cmd->flags & LVSH_CMD_XML && !j->a.help && j->a.v) {
        int k = opts_index(cmd, "xpath");
        o.xpath = k >= 0 && j->a.v[k].set ? j->a.v[k].str : NULL;
        k = opts_index(cmd, "wrap");
        o.wrap = k >= 0 && j->a.v[k].set;
    }
    o.trailer = s->trailer && !(cmd->flags & LVSH_CMD_BARE) && !j->r.bare;
    newline_after_ctrl_c(s, st);
    struct pager pg;
    st = render_result(pager_begin(s, &pg), stderr, &j->r, &o, st);
    pager_end(s, &pg);
    log_errors(s, &j->r);
    if (render_output_gone())
        s->quit_requested = true;   /* later output would be lost too */
    if (s->timing)
        timing_report(s, t0, o.format, o.trailer);
    job_free(j);
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
    if (st == LVSH_OK)
        debug_trace_args(s, &p);
    /* a refused line prints nothing on stdout, as virsh; a malformed value
     * keeps the blank line (virsh finds it while running the command) */
    if (st != LVSH_OK)
        st = report_early(s, &r, file, line, st,
                          r.value_error && !(p.cmd && p.cmd->flags & LVSH_CMD_BARE));
    result_free(&r);
    args_free(&p.a);
    if (st == LVSH_OK)
        st = run_parsed(s, &p);
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
        if (st == LVSH_OK)
            debug_trace_args(s, &ps[i]);
        if (st != LVSH_OK)
            st = report_early(s, &r, file, ps[i].line, st,
                              r.value_error && !(ps[i].cmd && ps[i].cmd->flags & LVSH_CMD_BARE));
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
        if ((last != LVSH_OK && stop) || last == LVSH_INTERRUPTED)
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

/* Does this line end in a continuation (a backslash before LF or CRLF)? */
static bool line_continues(const char *line, size_t n)
{
    if (n >= 2 && line[n - 1] == '\n' && line[n - 2] == '\\')
        return true;
    return n >= 3 && line[n - 1] == '\n' && line[n - 2] == '\r' && line[n - 3] == '\\';
}

enum lvsh_status run_stream(struct lvsh_session *s, FILE *in, const char *name, bool stop)
{
    struct buf pending = BUF_INIT;
    char *line = NULL;
    size_t cap = 0, scanned = 0;
    ssize_t n = 0;
    int lineno = 0, start = 1;
    char quote = 0;
    enum lvsh_status first = LVSH_OK;

    int read_errno = 0;

    /* getline gives lengths, so NUL bytes reach the tokenizer (which refuses
     * them); each byte is scanned for quotes once: a quoted block of many
     * lines costs linear time, not a rescan of the whole block per line */
    while (!s->quit_requested && (errno = 0, n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        if (pending.len == 0)
            start = lineno;
        buf_add(&pending, line, (size_t)n);
        if (line_continues(line, (size_t)n))
            continue;
        quote = tok_open_quote(pending.data + scanned, pending.len - scanned, quote);
        scanned = pending.len;
        if (quote)
            continue;
        enum lvsh_status st = run_text(s, pending.data, pending.len, name, start, stop);
        buf_free(&pending);
        scanned = 0;
        if ((st != LVSH_OK && first == LVSH_OK) || s->virsh_mode)
            first = st;   /* virsh: the last command's status */
        if ((st != LVSH_OK && stop) || st == LVSH_INTERRUPTED)
            break;
    }
    /* getline's -1 is end of file only when feof says so (ENOMEM is not) */
    if (n < 0 && !feof(in))
        read_errno = errno ? errno : EIO;
    else if (ferror(in))
        read_errno = errno ? errno : EIO;
    if (pending.len && !s->quit_requested && (first == LVSH_OK || !stop) &&
        first != LVSH_INTERRUPTED) {
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
