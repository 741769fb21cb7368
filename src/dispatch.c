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

enum lvsh_status dispatch_argv(struct lvsh_session *s, int argc, char *const argv[],
                               const char *file, int line)
{
    struct lvsh_result r;
    struct lvsh_args a;
    struct render_opts o;
    enum lvsh_status st;
    const struct lvsh_cmd *cmd = cmdtab_find(argv[0]);

    result_init(&r);
    memset(&a, 0, sizeof(a));
    render_opts_init(&o, s, s->format, file, line);
    if (s->interrupted)
        *s->interrupted = 0;
    if (!cmd) {
        char *hint = cmdtab_suggest(argv[0]);
        if (hint)
            st = err_usage(&r, "unknown command '%s' (did you mean %s?)", argv[0], hint);
        else
            st = err_usage(&r, "unknown command '%s' (try 'help')", argv[0]);
        free(hint);
    } else {
        st = opts_parse(cmd, argc, argv, &a, &r);
        if (a.json == 1)
            o.format = LVSH_FMT_JSON;
        r.stream_json = o.format == LVSH_FMT_JSON;
        r.text_only = o.format != LVSH_FMT_JSON;
        if (st == LVSH_OK)
            st = run_handler(s, cmd, &a, &r);
        else if (!r.value_error)
            r.bare = true;   /* a line virsh refuses to run prints nothing on stdout */
        if (cmd->flags & LVSH_CMD_XML && !a.help && a.v) {
            int k = opts_index(cmd, "xpath");
            o.xpath = k >= 0 && a.v[k].set ? a.v[k].str : NULL;
            k = opts_index(cmd, "wrap");
            o.wrap = k >= 0 && a.v[k].set;
        }
        o.trailer = s->trailer && !(cmd->flags & LVSH_CMD_BARE) && !r.bare;
    }
    if (!cmd)
        o.trailer = false;
    st = render_result(stdout, stderr, &r, &o, st);
    result_free(&r);
    args_free(&a);
    return st;
}

static enum lvsh_status tok_error(struct lvsh_session *s, const struct tok_list *l,
                                  const char *file)
{
    struct lvsh_result r;
    struct render_opts o;
    result_init(&r);
    render_opts_init(&o, s, s->format, file, l->err_line);
    err_usage(&r, "%s at column %d", l->error, l->err_col);
    render_result(stdout, stderr, &r, &o, LVSH_USAGE);
    result_free(&r);
    return LVSH_USAGE;
}

enum lvsh_status run_text(struct lvsh_session *s, const char *text, size_t len,
                          const char *file, int first_line, bool stop)
{
    struct tok_list l;
    enum lvsh_status first = LVSH_OK;
    bool ok = tokenize(text, len, first_line, &l);

    for (int i = 0; i < l.ncmds && !s->quit_requested; i++) {
        enum lvsh_status st = dispatch_argv(s, l.cmds[i].argc, l.cmds[i].argv, file,
                                            l.cmds[i].line);
        if (st != LVSH_OK && first == LVSH_OK)
            first = st;
        if (st != LVSH_OK && stop)
            break;
    }
    if (!ok && (first == LVSH_OK || !stop) && !s->quit_requested) {
        enum lvsh_status st = tok_error(s, &l, file);
        if (first == LVSH_OK)
            first = st;
    }
    tok_list_free(&l);
    return first;
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
        if (st != LVSH_OK && first == LVSH_OK)
            first = st;
        if (st != LVSH_OK && stop)
            break;
    }
    if (ferror(in))
        read_errno = errno ? errno : EIO;
    if (pending.len && !s->quit_requested && (first == LVSH_OK || !stop)) {
        enum lvsh_status st = run_text(s, pending.data, pending.len, name, start, stop);
        if (first == LVSH_OK)
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
