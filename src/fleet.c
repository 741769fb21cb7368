/* fleet.c: the fleet's hosts, and running one thing on all of them at once. */
#include "fleet.h"
#include "dispatch.h"
#include "bounded.h"
#include "complete.h"
#include "options.h"
#include "parallel.h"
#include "session.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

struct lvsh_fleet *fleet_of(struct lvsh_session *s)
{
    if (!s->fleet) {
        s->fleet = xcalloc(1, sizeof(*s->fleet));
        s->fleet->fanout = FLEET_FANOUT_DEFAULT;
    }
    return s->fleet;
}

/* fn(ctx, i) for every i in [0, n), from at most fanout threads that take
 * no Ctrl-C (the main thread tells them); here alone if none starts. */
static void pool_run(size_t n, int fanout, void (*fn)(void *ctx, size_t i), void *ctx)
{
    struct par_pool p = { .n = n, .fn = fn, .ctx = ctx };
    if (n > 1 && fanout > 1)
        par_pool_start(&p, (size_t)fanout);
    par_pool_join(&p, false);
}

static void host_free_at(void *ctx, size_t i)
{
    struct fleet_host *h = &((struct fleet_host *)ctx)[i];
    if (!h->name)   /* moved elsewhere (fleet_set_hosts) */
        return;
    session_free(&h->hs);
    free(h->name);
    free(h->uri);
    h->name = NULL;
}

void fleet_hosts_free(struct fleet_host *hosts, size_t n, int fanout)
{
    /* closing a remote connection waits for the daemon's answer: one
     * round trip each, so together rather than one after another */
    size_t open = 0;
    for (size_t i = 0; i < n; i++)
        if (hosts[i].name && (hosts[i].hs.conn || hosts[i].hs.cache || hosts[i].hs.bg))
            open++;
    pool_run(n, open > 1 ? (fanout > 0 ? fanout : FLEET_FANOUT_DEFAULT) : 1, host_free_at,
             hosts);
}

void fleet_free(struct lvsh_session *s)
{
    struct lvsh_fleet *f = s->fleet;
    if (!f)
        return;
    fleet_complete_off(s);
    fleet_hosts_free(f->comp_own, f->ncomp_own, f->fanout);
    free(f->comp_own);
    fleet_hosts_free(f->hosts, f->n, f->fanout);
    free(f->hosts);
    free(f);
    s->fleet = NULL;
}

/* spec's hosts, from the inventory (warning about its bad lines when warn:
 * completion has no line to warn on). */
static bool resolve(const char *spec, struct inv_host **out, size_t *n, char **err, bool warn)
{
    struct inventory *inv = inventory_load();
    for (size_t i = 0; warn && i < inv->nerrors; i++)
        fprintf(stderr, "warning: %s\n", inv->errors[i]);
    bool ok = inventory_targets(inv, spec, out, n, err);
    inventory_free(inv);
    return ok;
}

bool fleet_resolve(const char *spec, struct inv_host **out, size_t *n, char **err)
{
    bool ok = resolve(spec, out, n, err, true);
    if (ok && *n == 0) {
        *err = xasprintf("no hosts in '%s'", spec);
        ok = false;
    }
    return ok;
}

char *fleet_single_uri(const char *name)
{
    if (!name || !*name || strchr(name, ':') || strchr(name, '/'))
        return NULL;
    struct inventory *inv = inventory_load();
    char *uri = NULL;
    for (size_t i = 0; i < inv->nhosts && !uri; i++)
        if (strcmp(inv->hosts[i].name, name) == 0)
            uri = xstrdup(inv->hosts[i].uri);
    inventory_free(inv);
    return uri;
}

struct fleet_host **fleet_hosts_of(struct lvsh_session *s, const struct inv_host *h, size_t n,
                                   struct lvsh_fleet *tmp)
{
    struct lvsh_fleet *f = fleet_of(s);
    struct fleet_host **out = xcalloc(n + 1, sizeof(*out));
    tmp->hosts = xcalloc(n + 1, sizeof(*tmp->hosts));
    tmp->n = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < f->n && !out[i]; k++)
            if (strcmp(f->hosts[k].name, h[i].name) == 0 && strcmp(f->hosts[k].uri, h[i].uri) == 0)
                out[i] = &f->hosts[k];
        if (out[i])
            continue;
        struct fleet_host *t = &tmp->hosts[tmp->n++];
        t->name = xstrdup(h[i].name);
        /* the session's own URI: "" is libvirt's default */
        t->uri = *h[i].uri ? xstrdup(h[i].uri) : NULL;
        session_init(&t->hs);
        t->hs.uri = *h[i].uri ? xstrdup(h[i].uri) : NULL;
        out[i] = t;
    }
    return out;
}

const char *fleet_host_uri(const struct fleet_host *h)
{
    /* a uri_aliases name ("kvm01") or libvirt's default: no URI of its own */
    if ((!h->uri || !strchr(h->uri, ':')) && h->hs.conn_uri && *h->hs.conn_uri)
        return h->hs.conn_uri;
    return h->uri;
}

void fleet_tmp_free(struct lvsh_session *s, struct lvsh_fleet *tmp)
{
    fleet_hosts_free(tmp->hosts, tmp->n, fleet_of(s)->fanout);
    free(tmp->hosts);
    tmp->hosts = NULL;
    tmp->n = 0;
}

void fleet_set_hosts(struct lvsh_session *s, const struct inv_host *h, size_t n)
{
    struct lvsh_fleet *f = fleet_of(s);
    struct fleet_host *hosts = xcalloc(n ? n : 1, sizeof(*hosts));
    for (size_t i = 0; i < n; i++) {
        /* a host kept (same name and URI) keeps its open connection */
        for (size_t k = 0; k < f->n; k++)
            if (f->hosts[k].name && strcmp(f->hosts[k].name, h[i].name) == 0 &&
                strcmp(f->hosts[k].uri, h[i].uri) == 0) {
                hosts[i] = f->hosts[k];
                f->hosts[k].name = NULL;
                break;
            }
        if (hosts[i].name)
            continue;
        hosts[i].name = xstrdup(h[i].name);
        hosts[i].uri = xstrdup(h[i].uri);
        session_init(&hosts[i].hs);
        hosts[i].hs.uri = xstrdup(h[i].uri);
    }
    fleet_hosts_free(f->hosts, f->n, f->fanout);
    free(f->hosts);
    f->hosts = hosts;
    f->n = n;
    f->active = true;
}

/* ---- one host ---------------------------------------------------------- */

/* A host's command or probe, on a thread of its own (bounded.h): given up
 * on, it frees itself when the call finally returns. */
struct hjob {
    struct cmd_job job;         /* first: cmd_job_mute is its mute */
    fleet_probe probe;
    char *word;
    char *host, *uri;           /* streamed lines name the host */
};

static void hjob_free(void *opaque)
{
    struct hjob *j = opaque;
    cmd_job_clear(&j->job);
    free(j->word);
    free(j->host);
    free(j->uri);
    free(j);
}

static void hjob_run(void *opaque)
{
    struct hjob *j = opaque;
    struct cmd_job *c = &j->job;
    if (c->cmd) {
        c->st = dispatch_job_handler(c->cmd, &c->ws, &c->a, &c->r);
        return;
    }
    volatile sig_atomic_t *cancel = bounded_cancel_flag();
    if (cancel)
        c->ws.interrupted = cancel;
    c->st = j->probe(&c->ws, j->word, &c->r);
}

/* What the whole run shares with its worker threads. */
struct run {
    struct lvsh_session *s;
    struct fleet_host **hosts;
    struct fleet_out *outs;
    size_t n;
    const struct lvsh_cmd *cmd;
    int argc;
    char *const *argv;
    fleet_probe probe;
    const char *word;
    enum lvsh_format fmt;
    /* hosts whose connection is open, in the order they opened, for the
     * command's stage to take (all under lock) */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t *ready, nready, taken;
    size_t opened;              /* hosts whose open has ended, either way */
    double *t0;                 /* when each host's open began */
};

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Open h's connection under the connect deadline (--timeout bounds it too). */
static bool host_connect(struct run *run, struct fleet_host *h, struct fleet_out *o)
{
    struct lvsh_session *hs = &h->hs, *s = run->s;
    if (hs->conn && session_conn_lost(hs))
        session_disconnect(hs);
    if (hs->conn)
        return true;
    hs->interrupted = s->interrupted;
    hs->readonly = s->readonly;
    hs->keepalive_interval = s->keepalive_interval;
    hs->keepalive_count = s->keepalive_count;
    hs->no_auth_prompt = true;   /* many hosts at once: no one to ask */
    hs->connect_timeout = s->connect_timeout;
    if (s->timeout > 0 && (hs->connect_timeout == 0 || s->timeout < hs->connect_timeout))
        hs->connect_timeout = s->timeout;
    if (session_connect(hs, h->uri, s->readonly, &o->r) == LVSH_OK) {
        h->state = FLEET_CONNECTED;
        return true;
    }
    /* session_connect words a deadline as its own detail (no libvirt code) */
    bool timed_out = o->r.err_code == 0 && o->r.err_detail &&
                     str_prefix(o->r.err_detail, "timed out after");
    if (s->interrupted && *s->interrupted)
        o->state = FLEET_INTERRUPTED;
    else
        o->state = timed_out ? FLEET_TIMED_OUT : FLEET_UNREACHABLE;
    h->state = o->state;
    o->st = LVSH_FAILED;
    return false;
}

/* Run the command or probe on h's connection under the call deadline. */
static void host_call(struct run *run, struct fleet_host *h, struct fleet_out *o)
{
    struct hjob *j = xcalloc(1, sizeof(*j));
    struct cmd_job *c = &j->job;
    cmd_job_init(c, run->cmd, run->cmd ? run->argc : 0, run->argv);
    c->r.stream_json = o->r.stream_json;
    c->r.text_only = o->r.text_only;
    j->probe = run->probe;
    j->word = run->word ? xstrdup(run->word) : NULL;
    j->host = xstrdup(h->name);
    j->uri = fleet_host_uri(h) ? xstrdup(fleet_host_uri(h)) : NULL;
    c->r.stream_host = j->host;
    c->r.stream_uri = j->uri;
    session_copy(&c->ws, &h->hs);
    c->has_ws = true;
    c->ws.fleet = NULL;
    c->ws.format = run->fmt;   /* handlers ask the session (lvsh_wants_json) */
    if (run->cmd) {
        /* parsed once before the run; values are checked here, per host */
        unsigned how = run->s->virsh_mode ? OPTS_VIRSH | OPTS_DEFER : 0;
        enum lvsh_status st = opts_parse_ex(run->cmd, c->argc, c->argv, &c->a, how, &c->r);
        if (st == LVSH_OK && (how & OPTS_DEFER))
            st = opts_check_values(run->cmd, &c->a, how, &c->r);
        if (st != LVSH_OK) {
            o->st = st;
            o->state = FLEET_FAILED;
            result_free(&o->r);
            o->r = c->r;
            o->r.stream_host = o->r.stream_uri = NULL;
            result_init(&c->r);
            hjob_free(j);
            return;
        }
    }
    bool abandoned;
    enum bounded_end end = bounded_run_ex(hjob_run, j, hjob_free, cmd_job_mute,
                                          run->s->interrupted, run->s->timeout, &abandoned);
    if (abandoned) {
        session_drop_abandoned(&h->hs);   /* still busy: the next command reconnects */
        o->st = LVSH_FAILED;
        o->state = end == BOUNDED_TIMED_OUT ? FLEET_TIMED_OUT : FLEET_INTERRUPTED;
        if (end == BOUNDED_TIMED_OUT)
            err_fail(&o->r, "timed out after %d s", run->s->timeout);
        else
            err_fail(&o->r, "interrupted");
        return;
    }
    if (!c->ws.conn && h->hs.conn)
        session_disconnect(&h->hs);   /* the handler found it dead */
    o->st = c->st;
    o->state = end == BOUNDED_INTERRUPTED ? FLEET_INTERRUPTED
             : c->st == LVSH_OK && !result_failed(&c->r) ? FLEET_CONNECTED : FLEET_FAILED;
    result_free(&o->r);
    o->r = c->r;
    o->r.stream_host = o->r.stream_uri = NULL;   /* they go with the job */
    result_init(&c->r);
    hjob_free(j);
}

static bool run_interrupted(struct run *run, struct fleet_out *o)
{
    if (!run->s->interrupted || !*run->s->interrupted)
        return false;
    o->state = FLEET_INTERRUPTED;
    o->st = LVSH_FAILED;
    err_fail(&o->r, "interrupted");
    return true;
}

/* The first stage: open host i's connection, then queue it for the
 * command.  Opening runs ahead of the commands (at most --fanout opens and
 * --fanout commands at once), so that every host's connect deadline
 * starts early: a dead host at the end of a long list costs its deadline
 * from about the start, not from when the hosts before it are done. */
static void host_open_at(void *ctx, size_t i)
{
    struct run *run = ctx;
    struct fleet_out *o = &run->outs[i];
    struct fleet_host *h = run->hosts[i];
    run->t0[i] = mono_ms();
    o->h = h;
    bool open = !run_interrupted(run, o) && host_connect(run, h, o);
    if (open) {
        o->state = FLEET_CONNECTED;
        o->st = LVSH_OK;
    }
    o->ms = mono_ms() - run->t0[i];
    pthread_mutex_lock(&run->lock);
    if (open && (run->cmd || run->probe))
        run->ready[run->nready++] = i;
    run->opened++;
    pthread_cond_broadcast(&run->cond);
    pthread_mutex_unlock(&run->lock);
}

/* The second stage: the command on the next host whose connection is open;
 * nothing once every open has ended and no host is left. */
static void host_call_next(void *ctx, size_t k)
{
    struct run *run = ctx;
    (void)k;
    pthread_mutex_lock(&run->lock);
    while (run->taken == run->nready && run->opened < run->n)
        pthread_cond_wait(&run->cond, &run->lock);
    bool any = run->taken < run->nready;
    size_t i = any ? run->ready[run->taken++] : 0;
    pthread_mutex_unlock(&run->lock);
    if (!any)
        return;
    struct fleet_out *o = &run->outs[i];
    if (!run_interrupted(run, o))
        host_call(run, run->hosts[i], o);
    o->ms = mono_ms() - run->t0[i];
}

/* Each host holds a socket or two (ssh: a pipe pair and a child): ask for
 * the hard limit of open files when the soft one is short. */
static void raise_nofile(size_t n)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= 64 + 4 * n)
        return;
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
}

struct fleet_out *fleet_run_hosts(struct lvsh_session *s, struct fleet_host **hosts, size_t n,
                                  const struct lvsh_cmd *cmd, int argc, char *const argv[],
                                  fleet_probe probe, const char *word, enum lvsh_format fmt)
{
    struct lvsh_fleet *f = fleet_of(s);
    struct run run = { .s = s, .hosts = hosts, .outs = xcalloc(n ? n : 1, sizeof(struct fleet_out)),
                       .n = n, .cmd = cmd, .argc = argc, .argv = argv, .probe = probe,
                       .word = word, .fmt = fmt };
    pthread_mutex_init(&run.lock, NULL);
    pthread_cond_init(&run.cond, NULL);
    run.ready = xcalloc(n ? n : 1, sizeof(size_t));
    run.t0 = xcalloc(n ? n : 1, sizeof(double));
    for (size_t i = 0; i < n; i++) {
        result_init(&run.outs[i].r);
        run.outs[i].h = hosts[i];
        run.outs[i].r.stream_json = fmt == LVSH_FMT_JSON;
        /* CSV takes the raw values (bytes, not "1.00 GiB"), as in dispatch.c */
        run.outs[i].r.text_only = fmt == LVSH_FMT_TABLE || fmt == LVSH_FMT_VERTICAL;
    }
    raise_nofile(n);
    /* the opening stage first: when it has no thread, it runs here and
     * the command stage (threads, or here after it) still finds its hosts */
    struct par_pool opening = { .n = n, .fn = host_open_at, .ctx = &run };
    struct par_pool calling = { .n = n, .fn = host_call_next, .ctx = &run };
    par_pool_start(&opening, (size_t)f->fanout);
    if (cmd || probe)
        par_pool_start(&calling, (size_t)f->fanout);
    par_pool_join(&opening, false);
    if (cmd || probe)
        par_pool_join(&calling, false);
    free(run.ready);
    free(run.t0);
    pthread_cond_destroy(&run.cond);
    pthread_mutex_destroy(&run.lock);
    return run.outs;
}

void fleet_outs_free(struct fleet_out *o, size_t n)
{
    for (size_t i = 0; i < n; i++)
        result_free(&o[i].r);
    free(o);
}

int fleet_status(const struct fleet_out *o, size_t n)
{
    bool failed = false, gone = false, usage = n > 0;
    for (size_t i = 0; i < n; i++) {
        if (o[i].state == FLEET_INTERRUPTED)
            return LVSH_INTERRUPTED;
        if (o[i].state == FLEET_UNREACHABLE || o[i].state == FLEET_TIMED_OUT)
            gone = true;
        else if (o[i].st != LVSH_OK || o[i].state == FLEET_FAILED)
            failed = true;
        if (o[i].st != LVSH_USAGE)
            usage = false;
    }
    if (usage)
        return LVSH_USAGE;
    return gone ? (failed ? FLEET_ST_BOTH : FLEET_ST_UNREACHABLE) : failed ? LVSH_FAILED : LVSH_OK;
}

int fleet_status_silent(int st)
{
    if (st == LVSH_OK || st == FLEET_ST_UNREACHABLE)
        return FLEET_ST_UNREACHABLE;
    if (st == LVSH_FAILED || st == FLEET_ST_BOTH)
        return FLEET_ST_BOTH;
    return st;
}

static void summary_line(const struct fleet_out *o, size_t n, enum fleet_state st,
                         const char *what, bool json)
{
    const char **names = xcalloc(n ? n : 1, sizeof(char *));
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (o[i].state == st)
            names[k++] = o[i].h->name;
    if (k) {
        char *set = hostset_fold(names, k);
        char *msg = xasprintf("%zu of %zu host%s %s: %s", k, n, n == 1 ? "" : "s", what, set);
        if (json) {
            json_t *doc = json_pack("{s:o}", "summary", json_str(msg));
            json_dumpf(doc, stderr, JSON_COMPACT);
            fputc('\n', stderr);
            json_decref(doc);
        } else {
            fprintf(stderr, "%s\n", msg);
        }
        free(msg);
        free(set);
    }
    free(names);
}

void fleet_summary(const struct fleet_out *o, size_t n, bool json)
{
    summary_line(o, n, FLEET_UNREACHABLE, "unreachable", json);
    summary_line(o, n, FLEET_TIMED_OUT, "timed out", json);
    summary_line(o, n, FLEET_FAILED, "failed", json);
    fflush(stderr);
}

static bool same_uri(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

void fleet_complete_on(struct lvsh_session *s, const char *targets)
{
    struct lvsh_fleet *f = fleet_of(s), tmp = { 0 };
    struct inv_host *ih = NULL;
    size_t n = 0;
    fleet_complete_off(s);
    f->comp_on = true;
    char *err = NULL;
    bool ok = resolve(targets, &ih, &n, &err, false);
    free(err);
    if (!ok)
        return;
    f->comp = fleet_hosts_of(s, ih, n, &tmp);
    f->ncomp = n;
    inv_hosts_free(ih, n);
    /* a host the last TAB opened serves again: its session moves over */
    for (size_t i = 0; i < tmp.n; i++)
        for (size_t k = 0; k < f->ncomp_own; k++) {
            struct fleet_host *old = &f->comp_own[k], *t = &tmp.hosts[i];
            if (!old->name || strcmp(old->name, t->name) != 0 || !same_uri(old->uri, t->uri))
                continue;
            struct fleet_host swap = *t;
            *t = *old;
            *old = swap;
            break;
        }
    fleet_hosts_free(f->comp_own, f->ncomp_own, f->fanout);
    free(f->comp_own);
    f->comp_own = tmp.hosts;
    f->ncomp_own = tmp.n;
    /* the hosts not open yet open together, under the connect deadline;
     * in the shell, TAB's own deadline bounds it too */
    struct fleet_host **closed = xcalloc(n + 1, sizeof(*closed));
    size_t nc = 0;
    for (size_t i = 0; i < n; i++)
        if (!f->comp[i]->hs.conn)
            closed[nc++] = f->comp[i];
    int keep = s->connect_timeout;
    int tab = (int)((complete_timeout_ms() + 999) / 1000);
    if (s->interactive && (s->connect_timeout == 0 || tab < s->connect_timeout))
        s->connect_timeout = tab;
    if (nc)
        fleet_outs_free(fleet_run_hosts(s, closed, nc, NULL, 0, NULL, NULL, NULL, s->format), nc);
    s->connect_timeout = keep;
    free(closed);
}

void fleet_complete_off(struct lvsh_session *s)
{
    struct lvsh_fleet *f = s->fleet;
    if (!f)
        return;
    free(f->comp);
    f->comp = NULL;
    f->ncomp = 0;
    f->comp_on = false;
}

/* One host's names, as the session would ask for them. */
static void host_cache_list(const struct lvsh_session *s, struct lvsh_session *hs,
                            enum lvsh_completer kind, const char *arg,
                            void (*add)(void *opaque, const char *name), void *opaque)
{
    hs->no_auth_prompt = true;
    hs->readonly = s->readonly;
    hs->interactive = s->interactive;   /* a person's shell: event-fresh caches */
    cache_list(hs, kind, arg, add, opaque);
}

bool fleet_cache_list(struct lvsh_session *s, enum lvsh_completer kind, const char *arg,
                      void (*add)(void *opaque, const char *name), void *opaque)
{
    struct lvsh_fleet *f = s->fleet;
    if (f && f->comp_on) {
        for (size_t i = 0; i < f->ncomp; i++)
            if (f->comp[i]->hs.conn)   /* a host that did not open is not tried again by TAB */
                host_cache_list(s, &f->comp[i]->hs, kind, arg, add, opaque);
        return true;
    }
    if (!f || !f->active || s->conn || s->parent)
        return false;
    for (size_t i = 0; i < f->n; i++)
        host_cache_list(s, &f->hosts[i].hs, kind, arg, add, opaque);
    return true;
}
