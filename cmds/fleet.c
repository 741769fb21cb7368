/* fleet.c: the shell's commands for many hosts: use, on, hosts, where. */
#include "lvsh.h"
#include "domain_common.h"
#include "fleet.h"
#include "session.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The hosts a listing command looks at: TARGETS when given, else the
 * fleet's, else the session's one host.  tmp owns hosts made here. */
static struct fleet_host **pick_hosts(struct lvsh_session *s, const char *targets,
                                      struct lvsh_fleet *tmp, size_t *n, struct lvsh_result *r)
{
    struct lvsh_fleet *f = fleet_of(s);
    struct inv_host *ih = NULL;
    char *err;
    size_t k = 0;
    if (targets) {
        if (!fleet_resolve(targets, &ih, &k, &err)) {
            err_usage(r, "%s", err);
            free(err);
            return NULL;
        }
    } else if (!f->active || s->conn) {
        const char *uri = s->uri ? s->uri : "";
        ih = xcalloc(1, sizeof(*ih));
        ih->name = xstrdup(s->host_name ? s->host_name : *uri ? uri : "default");
        ih->uri = xstrdup(uri);
        k = 1;
    }
    if (ih) {
        struct fleet_host **hosts = fleet_hosts_of(s, ih, k, tmp);
        inv_hosts_free(ih, k);
        *n = k;
        return hosts;
    }
    struct fleet_host **hosts = xcalloc(f->n + 1, sizeof(*hosts));
    for (size_t i = 0; i < f->n; i++)
        hosts[i] = &f->hosts[i];
    *n = f->n;
    return hosts;
}

static const char *state_word(enum fleet_state st)
{
    switch (st) {
    case FLEET_CONNECTED: return "connected";
    case FLEET_UNREACHABLE: return "unreachable";
    case FLEET_TIMED_OUT: return "timed out";
    case FLEET_INTERRUPTED: return "interrupted";
    case FLEET_FAILED: return "failed";
    default: return "unknown";
    }
}

/* A host that did not answer, as a warning naming it. */
static void warn_host(struct lvsh_result *r, const struct fleet_out *o)
{
    const char *msg = o->r.err_detail ? o->r.err_detail : o->r.err_msg;
    out_warn(r, "%s: %s: %s", o->h->name, state_word(o->state), msg ? msg : "no answer");
}

/* The status of a listing over hosts: 4 when some did not answer. */
static enum lvsh_status listing_status(const struct fleet_out *outs, size_t n)
{
    int st = fleet_status(outs, n);
    return (enum lvsh_status)(st == LVSH_FAILED ? LVSH_OK : st == FLEET_ST_BOTH
                              ? FLEET_ST_UNREACHABLE : st);
}

/* ---- use --------------------------------------------------------------- */

static enum lvsh_status cmd_fleet_use(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    const char *targets = args_str(a, "targets");
    struct inv_host *ih;
    size_t n;
    char *err;
    if (!fleet_resolve(targets, &ih, &n, &err)) {
        enum lvsh_status st = err_usage(r, "%s", err);
        free(err);
        return st;
    }
    /* the session's own connection gives way to the fleet's */
    session_background_abandon(s);
    session_disconnect(s);
    free(s->uri);
    s->uri = xstrdup(targets);
    session_set_host_name(s, NULL);
    fleet_set_hosts(s, ih, n);
    inv_hosts_free(ih, n);
    struct lvsh_fleet *f = s->fleet;
    struct fleet_host **hosts = xcalloc(f->n + 1, sizeof(*hosts));
    for (size_t i = 0; i < f->n; i++)
        hosts[i] = &f->hosts[i];
    struct fleet_out *outs = fleet_run_hosts(s, hosts, f->n, NULL, 0, NULL, NULL, NULL,
                                             s->format);
    static const struct out_col cols[] = {
        { "Host", "host", 0 },
        { "URI", "uri", 0 },
        { "State", "state", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    for (size_t i = 0; i < f->n; i++) {
        out_table_row(t);
        out_cell_str(t, hosts[i]->name);
        out_cell_str(t, fleet_host_uri(hosts[i]));
        out_cell_str(t, state_word(outs[i].state));
        if (outs[i].state != FLEET_CONNECTED)
            warn_host(r, &outs[i]);
    }
    enum lvsh_status st = listing_status(outs, f->n);
    fleet_outs_free(outs, f->n);
    free(hosts);
    return st;
}

static const struct lvsh_opt opts_fleet_use[] = {
    { .name = "targets", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "targets",
      .complete = LVSH_COMP_TARGETS,
      .help = "hosts: comma-separated names, URIs, @groups and ranges (kvm[01-04])" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_use = {
    .name = "use",
    .group = "shell",
    .summary = "run the following commands on several hosts",
    .description = "Make TARGETS the session's hosts: their connections open in parallel and "
                   "stay open, and every later command that talks to a host runs on all of "
                   "them (see FLEETS).  'connect URI' goes back to one host.  Shows each "
                   "host's state; exits 4 when some host could not be reached.",
    .opts = opts_fleet_use,
    .handler = cmd_fleet_use,
};

/* ---- on ---------------------------------------------------------------- */

static enum lvsh_status cmd_fleet_on(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    int n = 0;
    char *const *cmd = args_rest(a, "command", &n);
    out_bare(r);   /* the composition printed its own output */
    return fleet_on(s, args_str(a, "targets"), n, cmd);
}

static const struct lvsh_opt opts_fleet_on[] = {
    { .name = "targets", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "targets",
      .complete = LVSH_COMP_TARGETS,
      .help = "hosts: comma-separated names, URIs, @groups and ranges (kvm[01-04])" },
    { .name = "command", .type = LVSH_OPT_REST,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .complete = LVSH_COMP_COMMAND,
      .metavar = "command", .help = "the command to run and its arguments" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_on = {
    .name = "on",
    .group = "shell",
    .summary = "run one command on other hosts",
    .description = "Run COMMAND on every host of TARGETS in parallel, as if the session used "
                   "them (see FLEETS), and leave the session's hosts as they are.  Everything "
                   "after TARGETS is the command's.",
    .opts = opts_fleet_on,
    .flags = LVSH_CMD_OPTS_FIRST | LVSH_CMD_NO_JSON | LVSH_CMD_BARE,
    .handler = cmd_fleet_on,
};

/* ---- hosts ------------------------------------------------------------- */

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* On one host: libvirt's version, its domains, and one round trip's time. */
static enum lvsh_status probe_host(struct lvsh_session *ws, const char *word,
                                   struct lvsh_result *r)
{
    (void)word;
    unsigned long v = 0;
    double t0 = mono_ms();
    if (virConnectGetLibVersion(ws->conn, &v) < 0)
        return err_virt(r, "failed to get the libvirt version");
    double rtt = mono_ms() - t0;
    int n = virConnectListAllDomains(ws->conn, NULL, 0);
    if (n < 0)
        return err_virt(r, "failed to list domains");
    out_json(r, json_pack("{s:o,s:i,s:f}", "libvirt",
                          json_strf("%lu.%lu.%lu", v / 1000000, (v / 1000) % 1000, v % 1000),
                          "domains", n, "rtt_ms", rtt));
    return LVSH_OK;
}

static enum lvsh_status cmd_fleet_hosts(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    struct lvsh_fleet tmp = { 0 };
    size_t n;
    struct fleet_host **hosts = pick_hosts(s, args_str(a, "targets"), &tmp, &n, r);
    if (!hosts)
        return LVSH_USAGE;
    struct fleet_out *outs = fleet_run_hosts(s, hosts, n, NULL, 0, NULL, probe_host, NULL,
                                             LVSH_FMT_JSON);
    static const struct out_col cols[] = {
        { "Host", "host", 0 },
        { "State", "state", 0 },
        { "Libvirt", "libvirt", 0 },
        { "Domains", "domains", OUT_COL_RIGHT },
        { "RTT", "rtt_ms", OUT_COL_RIGHT },
        { "URI", "uri", 0 },   /* last: long, and `use` shows it too */
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    for (size_t i = 0; i < n; i++) {
        json_t *info = outs[i].state == FLEET_CONNECTED ? outs[i].r.json : NULL;
        out_table_row(t);
        out_cell_str(t, hosts[i]->name);
        out_cell_str(t, state_word(outs[i].state));
        out_cell(t, json_incref(json_object_get(info, "libvirt")), info ? NULL : "-");
        out_cell(t, json_incref(json_object_get(info, "domains")), info ? NULL : "-");
        json_t *rtt = json_object_get(info, "rtt_ms");
        if (rtt)
            out_cell_fmt(t, json_incref(rtt), "%.1f ms", json_real_value(rtt));
        else
            out_cell(t, NULL, "-");
        /* libvirt's default has no URI of ours: the one it opened */
        const char *uri = fleet_host_uri(hosts[i]);
        out_cell(t, uri ? json_str(uri) : json_null(), uri ? NULL : "-");
        if (!info)
            warn_host(r, &outs[i]);
    }
    int st = fleet_status(outs, n);
    fleet_outs_free(outs, n);
    free(hosts);
    fleet_tmp_free(s, &tmp);
    return (enum lvsh_status)st;
}

static const struct lvsh_opt opts_fleet_hosts[] = {
    { .name = "targets", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .metavar = "targets", .complete = LVSH_COMP_TARGETS,
      .help = "hosts to show (default: the session's hosts)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_hosts = {
    .name = "hosts",
    .group = "host",
    .summary = "show the state of each host",
    .description = "Connect to each host in parallel (connections already open are reused) "
                   "and show its state (connected, unreachable, timed out, failed), its "
                   "libvirt version, its number of domains, the time of one round trip and "
                   "its URI.  "
                   "Exits 4 when some host could not be reached.",
    .opts = opts_fleet_hosts,
    .handler = cmd_fleet_hosts,
};

/* ---- where ------------------------------------------------------------- */

/* On one host: the domains whose name matches the glob or whose UUID is word. */
static enum lvsh_status probe_where(struct lvsh_session *ws, const char *word,
                                    struct lvsh_result *r)
{
    virDomainPtr *doms = NULL;
    int n = virConnectListAllDomains(ws->conn, &doms, 0);
    if (n < 0)
        return err_virt(r, "failed to list domains");
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN] = "";
        const char *name = virDomainGetName(doms[i]);
        virDomainGetUUIDString(doms[i], uuid);
        int state = 0, reason = 0;
        if ((name && fnmatch(word, name, 0) == 0) || strcasecmp(word, uuid) == 0) {
            virDomainGetState(doms[i], &state, &reason, 0);
            unsigned id = virDomainGetID(doms[i]);
            json_array_append_new(arr, json_pack("{s:o,s:s,s:o,s:s}", "name", json_str(name),
                                                 "uuid", uuid, "id", id == (unsigned)-1
                                                 ? json_null() : json_integer(id),
                                                 "state", dom_state_name(state)));
        }
        virDomainFree(doms[i]);
    }
    free(doms);
    out_json(r, arr);
    return LVSH_OK;
}

static struct out_table *where_table(struct lvsh_result *r)
{
    static const struct out_col cols[] = {
        { "Host", "host", 0 },
        { "Id", "id", 0 },
        { "Name", "name", 0 },
        { "State", "state", 0 },
        { "URI", "uri", OUT_COL_MACHINE },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    return t;
}

static enum lvsh_status cmd_fleet_where(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    const char *pattern = args_str(a, "pattern");
    struct lvsh_fleet tmp = { 0 };
    size_t n, found = 0;
    struct fleet_host **hosts = pick_hosts(s, NULL, &tmp, &n, r);
    struct fleet_out *outs = fleet_run_hosts(s, hosts, n, NULL, 0, NULL, probe_where, pattern,
                                             LVSH_FMT_JSON);
    struct out_table *t = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t k;
        json_t *d;
        if (outs[i].state != FLEET_CONNECTED) {
            warn_host(r, &outs[i]);
            continue;
        }
        json_array_foreach(outs[i].r.json, k, d) {
            if (!t)
                t = where_table(r);
            json_t *id = json_object_get(d, "id");
            out_table_row(t);
            out_cell_str(t, hosts[i]->name);
            out_cell(t, json_incref(id), json_is_null(id) ? "-" : NULL);
            out_cell(t, json_incref(json_object_get(d, "name")), NULL);
            out_cell(t, json_incref(json_object_get(d, "state")), NULL);
            out_cell_str(t, fleet_host_uri(hosts[i]));
            found++;
        }
    }
    enum lvsh_status st = listing_status(outs, n);
    if (!found && st == LVSH_OK)
        st = err_fail(r, "no domain matches '%s' on %zu host%s", pattern, n, n == 1 ? "" : "s");
    fleet_outs_free(outs, n);
    free(hosts);
    fleet_tmp_free(s, &tmp);
    return st;
}

static const struct lvsh_opt opts_fleet_where[] = {
    { .name = "pattern", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "pattern",
      .complete = LVSH_COMP_DOMAIN,
      .help = "a domain name, a glob ('web*') or a UUID" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_where = {
    .name = "where",
    .group = "domain",
    .summary = "find the hosts of domains",
    .description = "Look for domains by name, glob or UUID on every host of the session, in "
                   "parallel, and list the host, id, name and state of each one found.  "
                   "Fails when none matches on any host; exits 4 when some host could not be "
                   "reached.",
    .opts = opts_fleet_where,
    .handler = cmd_fleet_where,
};

LVSH_FAMILY(fleet) = { &cmd_use, &cmd_on, &cmd_hosts, &cmd_where, NULL };
