/* fleet_render.c: a fleet command from the dispatch layer: checks, runs it
 * on every target host, and composes the hosts' results into one output. */
#include "fleet.h"
#include "cmdtab.h"
#include "options.h"
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One host's result rendered alone, as lvsh prints it for one host. */
struct rendered {
    char *out;
    size_t outlen;
    char *err;
    size_t errlen;
};

static void render_one(struct fleet_out *o, const struct render_opts *base, struct rendered *rd)
{
    FILE *fo = open_memstream(&rd->out, &rd->outlen);
    FILE *fe = open_memstream(&rd->err, &rd->errlen);
    struct render_opts ho = *base;
    ho.trailer = false;
    ho.pretty = false;
    ho.where_file = NULL;
    if (!fo || !fe) {
        if (fo)
            fclose(fo);
        if (fe)
            fclose(fe);
        rd->out = xstrdup("");
        rd->err = xstrdup("");
        rd->outlen = rd->errlen = 0;
        return;
    }
    o->st = render_result(fo, fe, &o->r, &ho, o->st);
    fclose(fo);
    fclose(fe);
}

/* Every line of text, each with prefix, on f. */
static void put_prefixed(FILE *f, const char *prefix, const char *text, size_t len)
{
    const char *end = text + len;
    while (text < end) {
        const char *nl = memchr(text, '\n', (size_t)(end - text));
        size_t n = nl ? (size_t)(nl - text) : (size_t)(end - text);
        fprintf(f, "%s: %.*s\n", prefix, (int)n, text);
        text += n + (nl ? 1 : 0);
    }
}

static bool host_ok(const struct fleet_out *o)
{
    return o->state == FLEET_CONNECTED && o->st == LVSH_OK && !result_failed(&o->r);
}

static const char *reason_word(enum fleet_state st)
{
    return st == FLEET_UNREACHABLE ? "unreachable" : st == FLEET_TIMED_OUT ? "timeout" : "failed";
}

/* ---- JSON: one document per host --------------------------------------- */

static void json_line(FILE *f, json_t *doc)
{
    json_dumpf(doc, f, JSON_COMPACT | JSON_ENCODE_ANY);
    fputc('\n', f);
    json_decref(doc);
}

static void compose_json(struct fleet_out *outs, size_t n, const struct render_opts *o)
{
    for (size_t i = 0; i < n; i++) {
        struct rendered rd;
        render_one(&outs[i], o, &rd);
        json_t *doc = json_pack("{s:o,s:o}", "host", json_str(outs[i].h->name),
                                "uri", json_str(fleet_host_uri(outs[i].h)));
        /* a document without an error (an event loop's end) is still the result */
        if (host_ok(&outs[i]) || (outs[i].state == FLEET_FAILED && !outs[i].r.err_msg &&
                                  rd.outlen)) {
            json_t *res = rd.outlen ? json_loads(rd.out, JSON_DECODE_ANY |
                                                 JSON_DISABLE_EOF_CHECK, NULL) : NULL;
            json_object_set_new(doc, "result", res ? res : json_null());
        } else {
            const struct lvsh_result *r = &outs[i].r;
            json_t *e = json_pack("{s:s,s:o}", "reason", reason_word(outs[i].state),
                                  "message", json_str(r->err_msg ? r->err_msg : "failed"));
            if (r->err_detail)
                json_object_set_new(e, "detail", json_str(r->err_detail));
            json_object_set_new(doc, "error", e);
        }
        json_line(stdout, doc);
        /* the host's warnings, named; its error is in the document above */
        for (const char *p = rd.err; p && *p;) {
            const char *nl = strchr(p, '\n');
            char *line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
            json_t *w = json_loads(line, 0, NULL), *wv = json_object_get(w, "warning");
            if (wv)
                json_line(stderr, json_pack("{s:o,s:o,s:O}", "host", json_str(outs[i].h->name),
                                            "uri", json_str(fleet_host_uri(outs[i].h)),
                                            "warning", wv));
            json_decref(w);
            free(line);
            p = nl ? nl + 1 : p + strlen(p);
        }
        free(rd.out);
        free(rd.err);
    }
}

/* ---- tables: one table with a Host column ------------------------------ */

static bool same_columns(const struct out_table *a, const struct out_table *b)
{
    if (a->ncols != b->ncols)
        return false;
    for (int c = 0; c < a->ncols; c++)
        if (strcmp(a->headers[c], b->headers[c]) || strcmp(a->keys[c], b->keys[c]))
            return false;
    return true;
}

/* The table every answering host gave, when that is all they gave. */
static const struct out_table *common_table(const struct fleet_out *outs, size_t n)
{
    const struct out_table *t = NULL;
    for (size_t i = 0; i < n; i++) {
        const struct lvsh_result *r = &outs[i].r;
        if (!host_ok(&outs[i]))
            continue;
        if (!r->table || r->text.len || r->nfields || r->xml || r->ninfos)
            return NULL;
        if (t && !same_columns(t, r->table))
            return NULL;
        t = r->table;
    }
    return t;
}

static enum lvsh_status compose_table(struct fleet_out *outs, size_t n, const struct out_table *t,
                                      const struct render_opts *o)
{
    struct lvsh_result m;
    result_init(&m);
    struct out_table *mt = out_table(&m);
    mt->text_only = o->format == LVSH_FMT_TABLE || o->format == LVSH_FMT_VERTICAL;
    out_table_col(mt, "Host", "host", 0);
    for (int c = 0; c < t->ncols; c++)
        out_table_col(mt, t->headers[c], t->keys[c], t->colflags[c]);
    int rows = 0;
    for (size_t i = 0; i < n; i++)
        if (host_ok(&outs[i]))
            rows += outs[i].r.table->nrows;
    out_table_reserve(mt, rows);
    /* the hosts' cells move into the one table (100,000 rows at times) */
    for (size_t i = 0; i < n; i++) {
        struct out_table *ht = outs[i].r.table;
        if (!host_ok(&outs[i]))
            continue;
        for (int r = 0; r < ht->nrows; r++) {
            out_table_row(mt);
            out_cell_str(mt, outs[i].h->name);
            for (int c = 0; c < ht->ncols; c++) {
                struct out_cellv *cv = &ht->cells[r * ht->ncols + c];
                out_cell_take(mt, cv->value, cv->text);
                cv->value = NULL;
                cv->text = NULL;
            }
        }
    }
    enum lvsh_status st = render_result(stdout, stderr, &m, o, LVSH_OK);
    result_free(&m);
    return st;
}

/* ---- text: identical outputs once, under their folded host set -------- */

static void compose_text(struct rendered *rd, struct fleet_out *outs, size_t n, bool by_host)
{
    bool *done = xcalloc(n ? n : 1, sizeof(bool));
    const char **names = xcalloc(n ? n : 1, sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        if (done[i] || rd[i].outlen == 0)
            continue;
        if (by_host) {
            put_prefixed(stdout, outs[i].h->name, rd[i].out, rd[i].outlen);
            continue;
        }
        size_t k = 0;
        for (size_t j = i; j < n; j++)
            if (!done[j] && rd[j].outlen == rd[i].outlen &&
                memcmp(rd[j].out, rd[i].out, rd[i].outlen) == 0) {
                done[j] = true;
                names[k++] = outs[j].h->name;
            }
        char *set = hostset_fold(names, k);
        printf("---------------\n%s (%zu)\n---------------\n", set, k);
        fwrite(rd[i].out, 1, rd[i].outlen, stdout);
        free(set);
    }
    free(names);
    free(done);
}

/* Compose and print every host's result; the command's status. */
static int fleet_render(struct lvsh_session *s, struct fleet_out *outs, size_t n,
                        const struct render_opts *o)
{
    bool json = o->format == LVSH_FMT_JSON;
    if (json) {
        compose_json(outs, n, o);
        fflush(stdout);
    } else {
        const struct out_table *t = common_table(outs, n);
        struct rendered *rd = xcalloc(n ? n : 1, sizeof(*rd));
        for (size_t i = 0; i < n; i++) {
            if (t && host_ok(&outs[i])) {   /* its table goes into the common one */
                struct out_table *keep = outs[i].r.table;
                outs[i].r.table = NULL;
                render_one(&outs[i], o, &rd[i]);
                outs[i].r.table = keep;
            } else {
                render_one(&outs[i], o, &rd[i]);
            }
        }
        struct render_opts to = *o;
        to.trailer = false;
        if (t)
            compose_table(outs, n, t, &to);
        compose_text(rd, outs, n, fleet_of(s)->by_host);
        fflush(stdout);
        bool interrupted = false;
        for (size_t i = 0; i < n; i++) {
            /* Ctrl-C: said once below, not by every host */
            if (outs[i].state == FLEET_INTERRUPTED)
                interrupted = true;
            else
                put_prefixed(stderr, outs[i].h->name, rd[i].err, rd[i].errlen);
            free(rd[i].out);
            free(rd[i].err);
        }
        free(rd);
        if (interrupted)
            fputs("error: interrupted\n", stderr);
        if (o->trailer && o->format != LVSH_FMT_CSV && !o->quiet)
            putchar('\n');
    }
    fleet_summary(outs, n, json);
    int st = fleet_status(outs, n);
    fflush(stdout);
    return render_output_gone() && st == LVSH_OK ? LVSH_FAILED : st;
}

/* ---- the hook ---------------------------------------------------------- */

/* A fleet command's early refusal, rendered as dispatch renders one. */
static enum lvsh_status refuse(struct lvsh_result *r, const struct render_opts *o,
                               enum lvsh_status st)
{
    struct render_opts eo = *o;
    eo.trailer = false;
    st = render_result(stdout, stderr, r, &eo, st);
    result_free(r);
    return st;
}

/* --dry-run: the hosts a command would run on, one a line. */
static void dry_run(struct fleet_host **hosts, size_t n, bool json)
{
    for (size_t i = 0; i < n; i++) {
        if (json)
            json_line(stdout, json_pack("{s:o,s:o}", "host", json_str(hosts[i]->name), "uri",
                                        json_str(hosts[i]->uri)));
        else
            printf("%s\t%s\n", hosts[i]->name, hosts[i]->uri ? hosts[i]->uri : "");
    }
    fflush(stdout);
}

/* A write on several hosts: ask at a terminal; elsewhere it goes ahead. */
static bool confirmed(const char *name, struct fleet_host **hosts, size_t n)
{
    if (n < 2 || !isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        return true;
    const char **names = xcalloc(n, sizeof(char *));
    for (size_t i = 0; i < n; i++)
        names[i] = hosts[i]->name;
    char *set = hostset_fold(names, n);
    char *q = xasprintf("run '%s' on %zu hosts: %s? [y/N] ", name, n, set);
    char *a = tty_prompt(q, true);
    bool yes = a && (strcmp(a, "y") == 0 || strcmp(a, "yes") == 0);
    free(a);
    free(q);
    free(set);
    free(names);
    return yes;
}

static enum lvsh_status run_composed(struct lvsh_session *s, const struct lvsh_cmd *cmd,
                                     int argc, char *const argv[], struct fleet_host **hosts,
                                     size_t n, const struct render_opts *o, bool writes)
{
    struct fleet_out *outs = fleet_run_hosts(s, hosts, n, cmd, argc, argv, NULL, NULL, o->format);
    enum lvsh_status st = (enum lvsh_status)fleet_render(s, outs, n, o);
    fleet_outs_free(outs, n);
    if (writes)
        s->write_generation++;
    return st;
}

/* Run cmd (argv) on hosts, or where its object is, and print the composition. */
static enum lvsh_status run_on(struct lvsh_session *s, const struct lvsh_cmd *cmd, int argc,
                               char *const argv[], struct fleet_host **hosts, size_t n,
                               const struct render_opts *base)
{
    struct lvsh_result r;
    struct lvsh_args a;
    struct render_opts o = *base;
    struct lvsh_fleet *f = fleet_of(s);
    result_init(&r);
    memset(&a, 0, sizeof(a));
    enum lvsh_status st = opts_parse_ex(cmd, argc, argv, &a, s->virsh_mode ? OPTS_VIRSH : 0, &r);
    if (st == LVSH_OK && a.json == 1)
        o.format = LVSH_FMT_JSON;
    if (st == LVSH_OK && args_would_write(&a) && s->readonly)
        st = err_fail(&r, "'%s' changes state, but the connection is read-only (-r)", cmd->name);
    if (st == LVSH_OK && cmd->flags & LVSH_CMD_XML) {
        int k = opts_index(cmd, "xpath");
        o.xpath = k >= 0 && a.v[k].set ? a.v[k].str : NULL;
        k = opts_index(cmd, "wrap");
        o.wrap = k >= 0 && a.v[k].set;
    }
    o.trailer = s->trailer && !(cmd->flags & LVSH_CMD_BARE);
    bool writes = st == LVSH_OK && args_would_write(&a);
    if (st != LVSH_OK) {
        args_free(&a);
        return refuse(&r, &o, st);
    }
    /* a command naming one object runs where it is */
    struct lvsh_fleet rtmp = { 0 };
    struct fleet_host **rh = xcalloc(n + 1, sizeof(*rh));
    char **rargv = (char **)argv;
    if (n)
        memcpy(rh, hosts, n * sizeof(*rh));
    struct fleet_out *asked;
    size_t nasked;
    st = fleet_route(s, cmd, &a, &argc, &rargv, &rh, &n, &rtmp, &asked, &nasked, &r);
    if (st != LVSH_OK)
        st = refuse(&r, &o, st);
    else if (f->dry_run)
        dry_run(rh, n, o.format == LVSH_FMT_JSON);
    else if (writes && !f->yes && !confirmed(cmd->name, rh, n))
        st = refuse(&r, &o, err_fail(&r, "not run: not confirmed"));
    else
        st = run_composed(s, cmd, argc, rargv, rh, n, &o, writes);
    if (asked) {   /* found on one host while others did not answer: say so */
        fleet_summary(asked, nasked, o.format == LVSH_FMT_JSON);
        st = (enum lvsh_status)fleet_status_silent(st);
        fleet_outs_free(asked, nasked);
    }
    if (rargv != argv) {
        for (int i = 0; i < argc; i++)
            free(rargv[i]);
        free(rargv);
    }
    free(rh);
    fleet_tmp_free(s, &rtmp);
    args_free(&a);
    result_free(&r);
    return st;
}

enum lvsh_status fleet_on(struct lvsh_session *s, const char *targets, int nrest,
                          char *const rest[])
{
    struct lvsh_result r;
    struct render_opts ro, *o = &ro;
    const struct lvsh_cmd *sub = cmdtab_find(rest[0]);
    memset(&ro, 0, sizeof(ro));
    ro.format = s->format;
    ro.quiet = s->quiet;
    ro.no_header = s->no_header;
    result_init(&r);
    if (!sub)
        return refuse(&r, o, err_usage(&r, "unknown command '%s' (try 'help')", rest[0]));
    if (!(sub->flags & LVSH_CMD_CONN))
        return refuse(&r, o, err_usage(&r, "'%s' does not talk to a host", sub->name));
    struct inv_host *ih;
    size_t n;
    char *err;
    if (!fleet_resolve(targets, &ih, &n, &err)) {
        enum lvsh_status st = err_usage(&r, "%s", err);
        free(err);
        return refuse(&r, o, st);
    }
    struct lvsh_fleet tmp = { 0 };
    struct fleet_host **hosts = fleet_hosts_of(s, ih, n, &tmp);
    enum lvsh_status st = run_on(s, sub, nrest, rest, hosts, n, o);
    free(hosts);
    fleet_tmp_free(s, &tmp);
    inv_hosts_free(ih, n);
    result_free(&r);
    return st;
}

/* A URI option naming an inventory host ("migrate web1 kvm02"): its URI,
 * in the words and in the parsed value. */
static void host_uris(const struct lvsh_cmd *cmd, struct lvsh_args *a, int argc, char **argv)
{
    for (int k = 0; k < a->nopts && cmd->opts[k].name; k++) {
        const char *v = a->v[k].set ? a->v[k].str : NULL;
        char *uri = cmd->opts[k].complete == LVSH_COMP_URI ? fleet_single_uri(v) : NULL;
        for (int i = 1; uri && i < argc; i++) {
            size_t len = strlen(argv[i]);
            if (v < argv[i] || v >= argv[i] + len)
                continue;
            char *word = xasprintf("%.*s%s", (int)(v - argv[i]), argv[i], uri);
            free(argv[i]);
            argv[i] = word;
            a->v[k].str = word + (strlen(word) - strlen(uri));
            break;
        }
        free(uri);
    }
}

bool fleet_dispatch(struct lvsh_session *s, const struct lvsh_cmd *cmd, struct lvsh_args *a,
                    int argc, char **argv, const struct render_opts *o, enum lvsh_status *st)
{
    struct lvsh_fleet *f = s->fleet;
    if (!(cmd->flags & LVSH_CMD_CONN))
        return false;
    host_uris(cmd, a, argc, argv);
    /* `connect` made the session's own connection: that one serves */
    if (!f || !f->active || s->conn) {
        /* one host: only NAME@HOST of an inventory host goes elsewhere */
        int k = fleet_route_opt(cmd, a);
        const char *at = k >= 0 ? strrchr(a->v[k].str, '@') : NULL;
        char *uri = at ? fleet_single_uri(at + 1) : NULL;
        if (!uri && f && f->dry_run) {   /* --dry-run never runs, on one host either */
            const char *u = s->uri ? s->uri : s->conn_uri;
            struct fleet_host one = { .name = (char *)session_host_label(s), .uri = (char *)u };
            struct fleet_host *p = &one;
            dry_run(&p, 1, o->format == LVSH_FMT_JSON || a->json == 1);
            *st = LVSH_OK;
            return true;
        }
        if (!uri)
            return false;
        free(uri);
        *st = run_on(s, cmd, argc, argv, NULL, 0, o);
        return true;
    }
    struct fleet_host **hosts = xcalloc(f->n ? f->n : 1, sizeof(*hosts));
    for (size_t i = 0; i < f->n; i++)
        hosts[i] = &f->hosts[i];
    *st = run_on(s, cmd, argc, argv, hosts, f->n, o);
    free(hosts);
    return true;
}
