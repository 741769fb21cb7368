/* event.c: waiting for events: virsh's event, net-event, pool-event,
 * nodedev-event and secret-event, and `events`, which subscribes to every
 * event of every family at once.
 *
 * The handler registers callbacks, then waits on the main thread while
 * libvirt's event thread (src/session.c) runs them; each event is streamed
 * at once with out_stream().  The wait ends after the first event (without
 * --loop), at --timeout, on Ctrl-C, or when the connection is lost. */
#include "event_common.h"
#include "host_common.h"
#include "session.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ev_ctx *ev_ctx_new(struct lvsh_result *r, bool loop, bool timestamp)
{
    struct ev_ctx *c = xcalloc(1, sizeof(*c));
    pthread_mutex_init(&c->lock, NULL);
    c->refs = 1;
    c->loop = loop;
    c->timestamp = timestamp;
    c->r = r;
    return c;
}

void ev_ctx_ref(struct ev_ctx *c)
{
    pthread_mutex_lock(&c->lock);
    c->refs++;
    pthread_mutex_unlock(&c->lock);
}

void ev_ctx_unref(void *opaque)
{
    struct ev_ctx *c = opaque;
    pthread_mutex_lock(&c->lock);
    int left = --c->refs;
    pthread_mutex_unlock(&c->lock);
    if (left == 0) {
        pthread_mutex_destroy(&c->lock);
        free(c);
    }
}

/* "domain 'x'", "network x", ...: how virsh names the object. */
static char *object_phrase(const char *family, const char *name)
{
    if (strcmp(family, "domain") == 0)
        return xasprintf("domain '%s'", name);
    if (strcmp(family, "pool") == 0)
        return xasprintf("storage pool %s", name);
    if (strcmp(family, "nodedev") == 0)
        return xasprintf("node device %s", name);
    return xasprintf("%s %s", family, name);
}

void ev_stream(struct ev_ctx *c, json_t *rec, const char *text)
{
    pthread_mutex_lock(&c->lock);
    if (!c->closed && (c->loop || c->count == 0)) {
        c->count++;
        char *ts = c->timestamp ? host_timestamp() : NULL;
        out_stream(c->r, rec, "%s%s%s", ts ? ts : "", ts ? ": " : "", text);
        rec = NULL;
        free(ts);
    }
    pthread_mutex_unlock(&c->lock);
    json_decref(rec);
}

void ev_emit(struct ev_ctx *c, const char *family, const char *event, const char *name,
             const char *uuid, json_t *details, const char *text_fmt, ...)
{
    va_list ap;
    va_start(ap, text_fmt);
    char *suffix = xvasprintf(text_fmt, ap);
    va_end(ap);

    char *obj = object_phrase(family, name ? name : "");
    char *when = host_timestamp_iso();
    json_t *rec = json_pack("{s:o,s:s,s:s,s:o}", "timestamp", json_str(when), "family",
                            family, "event", event, "name", json_str(name));
    if (uuid && *uuid)
        json_object_set_new(rec, "uuid", json_str(uuid));
    json_object_set(rec, "details", details);
    char *text = xasprintf("event '%s' for %s%s\n", event, obj, suffix);
    ev_stream(c, rec, text);
    free(text);
    free(when);
    free(obj);
    json_decref(details);
    free(suffix);
}

/* ---- subscriptions ------------------------------------------------------ */

struct ev_sub {
    const struct ev_family *fam;
    int callback_id;
};

struct ev_subs {
    struct ev_sub *v;
    int n;
};

/* Register every selected event of one family.  On failure libvirt's error
 * stays the last error and the event refused is returned (the caller
 * reports it, then drops the registrations); NULL on success. */
static const char *subscribe_family(struct lvsh_session *s, struct ev_ctx *c,
                                    const struct ev_family *fam, void *obj, const char *only,
                                    struct ev_subs *subs)
{
    for (int id = 0; id < fam->nevents; id++) {
        if (only && strcmp(only, fam->events[id]) != 0)
            continue;
        ev_ctx_ref(c);
        int cb = fam->reg(s->conn, obj, id, c, ev_ctx_unref);
        if (cb < 0) {
            ev_ctx_unref(c);
            return fam->events[id];
        }
        subs->v = xrealloc(subs->v, (size_t)(subs->n + 1) * sizeof(*subs->v));
        subs->v[subs->n++] = (struct ev_sub){ fam, cb };
    }
    return NULL;
}

/* Drop the registrations from index `from` on. */
static void unsubscribe_from(struct lvsh_session *s, struct ev_subs *subs, int from)
{
    while (subs->n > from) {
        struct ev_sub *sub = &subs->v[--subs->n];
        if (s->conn)
            sub->fam->dereg(s->conn, sub->callback_id);
    }
    virResetLastError();
}

static void unsubscribe_all(struct lvsh_session *s, struct ev_subs *subs)
{
    unsubscribe_from(s, subs, 0);
    free(subs->v);
    subs->v = NULL;
}

/* ---- waiting ------------------------------------------------------------ */

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum ev_end ev_wait_end(struct lvsh_session *s, struct ev_ctx *c, long long timeout_s)
{
    session_watch_close(s);   /* a loss while waiting: say why */
    long long deadline = timeout_s > 0 ? now_ms() + timeout_s * 1000 : 0;
    const struct timespec tick = { 0, 20 * 1000 * 1000 };
    for (;;) {
        if (session_interrupted(s))
            return EV_INTERRUPTED;
        if (session_conn_lost(s) || virConnectIsAlive(s->conn) == 0)
            return EV_LOST;
        pthread_mutex_lock(&c->lock);
        bool done = !c->loop && c->count > 0;
        pthread_mutex_unlock(&c->lock);
        if (done)
            return EV_DONE;
        if (deadline && now_ms() >= deadline)
            return EV_TIMEOUT;
        nanosleep(&tick, NULL);
    }
}

enum ev_end ev_wait(struct lvsh_session *s, const struct lvsh_args *a, struct ev_ctx *c,
                    int *count)
{
    long long timeout = 0;
    args_int(a, "timeout", &timeout);
    enum ev_end end = ev_wait_end(s, c, timeout);
    pthread_mutex_lock(&c->lock);
    c->closed = true;   /* a late event must not touch r after the handler returns */
    *count = c->count;
    pthread_mutex_unlock(&c->lock);
    return end;
}

enum lvsh_status ev_finish(struct lvsh_session *s, struct lvsh_result *r,
                           enum ev_end end, int count)
{
    static const char *const ends[] = { "done", "timeout", "interrupted", "lost" };
    if (end == EV_TIMEOUT)
        out_text(r, "event loop timed out\n");
    else if (end == EV_INTERRUPTED)
        out_text(r, "event loop interrupted\n");
    out_text(r, "events received: %d\n", count);
    out_json(r, json_pack("{s:i,s:s}", "events_received", count, "end", ends[end]));
    if (end != EV_LOST)   /* as virsh: a wait that saw no event fails, silently */
        return count > 0 ? LVSH_OK : LVSH_FAILED;
    char *msg = session_take_lost_report(s);
    enum lvsh_status st = err_fail(r, "event loop ended after %d events: %s", count,
                                   msg ? msg : "the connection is no longer alive");
    free(msg);
    return st;
}

/* ---- the commands ------------------------------------------------------- */

struct ev_request {
    const struct ev_family *const *fams;
    int nfams;
    const char *only;        /* one event name, or NULL for all */
    bool tolerant;           /* skip families the driver refuses (events) */
};

static void list_events(struct lvsh_result *r, const struct ev_request *q, bool qualified)
{
    json_t *j = json_array();
    for (int f = 0; f < q->nfams; f++)
        for (int i = 0; i < q->fams[f]->nevents; i++) {
            const char *fam = q->fams[f]->name, *ev = q->fams[f]->events[i];
            if (q->only && strcmp(q->only, ev) != 0)
                continue;
            if (qualified)
                out_text(r, "%-8s %s\n", fam, ev);
            else
                out_text(r, "%s\n", ev);
            json_array_append_new(j, json_pack("{s:s,s:s}", "family", fam, "event", ev));
        }
    out_json(r, j);
}

/* Look up the object filter of a single-family command (NULL = none). */
static bool filter_object(struct lvsh_session *s, const struct lvsh_args *a,
                          struct lvsh_result *r, const struct ev_family *fam, void **obj)
{
    const char *key = args_str(a, fam->object_opt);
    *obj = key ? fam->lookup(s, r, key) : NULL;
    return !key || *obj;
}

static enum lvsh_status ev_run(struct lvsh_session *s, const struct lvsh_args *a,
                               struct lvsh_result *r, const struct ev_request *q, void *obj)
{
    struct ev_subs subs = { NULL, 0 };
    struct ev_ctx *c = ev_ctx_new(r, args_has(a, "loop"), args_has(a, "timestamp"));

    for (int f = 0; f < q->nfams; f++) {
        int first = subs.n;
        const char *refused = subscribe_family(s, c, q->fams[f], obj, q->only, &subs);
        if (!refused)
            continue;
        if (!q->tolerant) {
            err_virt(r, "failed to register %s event '%s'", q->fams[f]->name, refused);
            unsubscribe_all(s, &subs);
            ev_ctx_unref(c);
            return LVSH_FAILED;
        }
        /* `events` covers what the driver offers and says what it skips */
        virErrorPtr e = virGetLastError();
        out_stream_warn(r, "%s events are not available: %s", q->fams[f]->name,
                        e && e->message ? e->message : "unknown error");
        unsubscribe_from(s, &subs, first);
    }
    if (subs.n == 0) {
        ev_ctx_unref(c);
        return err_fail(r, "no event could be registered");
    }
    int count;
    enum ev_end end = ev_wait(s, a, c, &count);
    unsubscribe_all(s, &subs);
    ev_ctx_unref(c);
    return ev_finish(s, r, end, count);
}

/* The single-family commands share one handler shape. */
static enum lvsh_status ev_family_cmd(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r, const struct ev_family *fam)
{
    const struct ev_family *fams[] = { fam };
    struct ev_request q = { fams, 1, args_str(a, "event"), false };
    void *obj = NULL;
    if (args_has(a, "list")) {
        q.only = NULL;   /* --list names every event, as virsh does */
        list_events(r, &q, false);
        return LVSH_OK;
    }
    if (!q.only && !args_has(a, "all"))
        return err_usage(r, "one of --list, --all or --event NAME is required");
    if (!filter_object(s, a, r, fam, &obj))
        return LVSH_FAILED;
    enum lvsh_status st = ev_run(s, a, r, &q, obj);
    if (obj)
        fam->obj_free(obj);
    return st;
}

#define EV_OPTS_COMMON \
    { .name = "all", .type = LVSH_OPT_BOOL, .help = "wait for every event of the family" }, \
    { .name = "loop", .type = LVSH_OPT_BOOL, \
      .help = "go on after the first event, until --timeout or Ctrl-C" }, \
    { .name = "timeout", .type = LVSH_OPT_INT, .min = 1, .max = 2147483, \
      .help = "stop after this many seconds", .metavar = "seconds" }, \
    { .name = "list", .type = LVSH_OPT_BOOL, .help = "list the event names and exit" }, \
    { .name = "timestamp", .type = LVSH_OPT_BOOL, \
      .help = "prefix each event with the time it arrived" }
#define EV_OPT_EVENT(names) \
    { .name = "event", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL, \
      .help = "the event to wait for", .complete = LVSH_COMP_CHOICES, .choices = (names), \
      .metavar = "event" }

static const char *const excl_event_all[] = { "event all", "list loop", "list timeout",
                                              NULL };

#define EV_DESCRIPTION(what) \
    "Wait for " what " events and print each as it arrives; --list names the events.  " \
    "Without --loop the command ends after the first event.  Ctrl-C or --timeout end " \
    "the loop and the number of events received is printed; losing the connection ends " \
    "it with an error.  With --json every event is one JSON object on its own line " \
    "(timestamp, family, event, name, uuid, details), written as it arrives."

static enum lvsh_status run_event(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    return ev_family_cmd(s, a, r, &ev_family_domain);
}

static const struct lvsh_opt opts_event_domain[] = {
    { .name = "domain", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "only events of this domain (name, id or uuid)", .metavar = "domain",
      .complete = LVSH_COMP_DOMAIN },
    EV_OPT_EVENT(ev_domain_names),
    EV_OPTS_COMMON,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_event = {
    .name = "event",
    .group = "event",
    .summary = "wait for domain events",
    .description = EV_DESCRIPTION("domain") "  Lifecycle events say what happened and why "
                   "in words (Stopped Destroyed).  See 'events' for every family at once.",
    .opts = opts_event_domain,
    .exclusive = excl_event_all,
    .flags = LVSH_CMD_CONN,
    .handler = run_event,
};

static enum lvsh_status run_net_event(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    return ev_family_cmd(s, a, r, &ev_family_network);
}

static const struct lvsh_opt opts_event_network[] = {
    { .name = "network", .type = LVSH_OPT_STRING,
      .help = "only events of this network (name or uuid)", .metavar = "network",
      .complete = LVSH_COMP_NETWORK },
    EV_OPT_EVENT(ev_net_names),
    EV_OPTS_COMMON,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_event = {
    .name = "net-event",
    .group = "network",
    .summary = "wait for network events",
    .description = EV_DESCRIPTION("virtual network"),
    .opts = opts_event_network,
    .exclusive = excl_event_all,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_event,
};

static enum lvsh_status run_pool_event(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    return ev_family_cmd(s, a, r, &ev_family_pool);
}

static const struct lvsh_opt opts_event_pool[] = {
    { .name = "pool", .type = LVSH_OPT_STRING,
      .help = "only events of this pool (name, uuid or target path)", .metavar = "pool",
      .complete = LVSH_COMP_POOL },
    EV_OPT_EVENT(ev_pool_names),
    EV_OPTS_COMMON,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_event = {
    .name = "pool-event",
    .group = "pool",
    .summary = "wait for storage pool events",
    .description = EV_DESCRIPTION("storage pool"),
    .opts = opts_event_pool,
    .exclusive = excl_event_all,
    .flags = LVSH_CMD_CONN,
    .handler = run_pool_event,
};

static enum lvsh_status run_nodedev_event(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    return ev_family_cmd(s, a, r, &ev_family_nodedev);
}

static const struct lvsh_opt opts_event_nodedev[] = {
    { .name = "device", .type = LVSH_OPT_STRING,
      .help = "only events of this node device (name, or wwnn,wwpn)", .metavar = "device",
      .complete = LVSH_COMP_NODEDEV },
    EV_OPT_EVENT(ev_nodedev_names),
    EV_OPTS_COMMON,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodedev_event = {
    .name = "nodedev-event",
    .group = "nodedev",
    .summary = "wait for node device events",
    .description = EV_DESCRIPTION("node device"),
    .opts = opts_event_nodedev,
    .exclusive = excl_event_all,
    .flags = LVSH_CMD_CONN,
    .handler = run_nodedev_event,
};

static enum lvsh_status run_secret_event(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    return ev_family_cmd(s, a, r, &ev_family_secret);
}

static const struct lvsh_opt opts_event_secret[] = {
    { .name = "secret", .type = LVSH_OPT_STRING,
      .help = "only events of this secret (uuid or usage id)", .metavar = "secret",
      .complete = LVSH_COMP_SECRET },
    EV_OPT_EVENT(ev_secret_names),
    EV_OPTS_COMMON,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_secret_event = {
    .name = "secret-event",
    .group = "secret",
    .summary = "wait for secret events",
    .description = EV_DESCRIPTION("secret"),
    .opts = opts_event_secret,
    .exclusive = excl_event_all,
    .flags = LVSH_CMD_CONN,
    .handler = run_secret_event,
};

/* ---- events: every family at once -------------------------------------- */

static const struct ev_family *const all_families[] = {
    &ev_family_domain, &ev_family_network, &ev_family_pool, &ev_family_nodedev,
    &ev_family_secret,
};
#define NFAMILIES ((int)(sizeof(all_families) / sizeof(all_families[0])))

static const char *const family_names[] = {
    "domain", "network", "pool", "nodedev", "secret", NULL,
};

static bool family_has(const struct ev_family *fam, const char *event)
{
    for (int i = 0; i < fam->nevents; i++)
        if (strcmp(fam->events[i], event) == 0)
            return true;
    return false;
}

static enum lvsh_status run_events(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r)
{
    const struct ev_family *fams[NFAMILIES];
    const char *only = args_str(a, "event"), *family = args_str(a, "family");
    struct ev_request q = { fams, 0, only, family == NULL };

    for (int f = 0; f < NFAMILIES; f++)
        if ((!family || strcmp(family, all_families[f]->name) == 0) &&
            (!only || family_has(all_families[f], only)))
            fams[q.nfams++] = all_families[f];
    if (args_has(a, "list")) {
        list_events(r, &q, true);
        return LVSH_OK;
    }
    if (q.nfams == 0)
        return err_usage(r, "the %s family has no event '%s'", family, only);
    return ev_run(s, a, r, &q, NULL);
}

static const struct lvsh_opt opts_events[] = {
    { .name = "family", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED, .choices = family_names,
      .complete = LVSH_COMP_CHOICES, .help = "only this family's events",
      .metavar = "family" },
    { .name = "event", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED, .complete = LVSH_COMP_EVENT,
      .help = "only events of this name, in every family that has it", .metavar = "event" },
    EV_OPTS_COMMON,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_events = {
    .name = "events",
    .group = "event",
    .summary = "wait for events of every kind: domains, networks, pools, devices, secrets",
    .description = "Subscribe to every event of every family at once (or of one --family, "
                   "or one --event name) and print each as it arrives, in the wording of "
                   "the family's own command; --list names them all.  A family the driver "
                   "does not offer events for is skipped with a warning.  --all is accepted "
                   "for symmetry and changes nothing.  The loop ends as 'event' does; with "
                   "--json each event is one JSON object per line.",
    .opts = opts_events,
    .exclusive = excl_event_all,
    .flags = LVSH_CMD_CONN,
    .handler = run_events,
};

LVSH_FAMILY(event) = { &cmd_event, &cmd_net_event, &cmd_pool_event, &cmd_nodedev_event,
                       &cmd_secret_event, &cmd_events, NULL };
