/* fleet_route.c: a command that names one object runs where that object is.
 *
 * The object is the command's first option completed with domain, network
 * or pool names (the option table says which).  Its value NAME@HOST picks
 * the host; else every target host is asked in parallel, and the command
 * runs on the one that has it.  When several have it, it is refused, naming
 * them; "not found" is said only after every host has answered. */
#include "fleet.h"
#include "options.h"
#include "session.h"

#include <stdlib.h>
#include <string.h>

enum route_kind { ROUTE_NONE, ROUTE_DOMAIN, ROUTE_NETWORK, ROUTE_POOL };

static enum route_kind kind_of(enum lvsh_completer c)
{
    if (c >= LVSH_COMP_DOMAIN && c <= LVSH_COMP_DOMAIN_PERSISTENT)
        return ROUTE_DOMAIN;
    if (c >= LVSH_COMP_NETWORK && c <= LVSH_COMP_NETWORK_INACTIVE)
        return ROUTE_NETWORK;
    if (c >= LVSH_COMP_POOL && c <= LVSH_COMP_POOL_INACTIVE)
        return ROUTE_POOL;
    return ROUTE_NONE;
}

static const char *kind_word(enum route_kind k)
{
    return k == ROUTE_DOMAIN ? "domain" : k == ROUTE_NETWORK ? "network" : "pool";
}

int fleet_route_opt(const struct lvsh_cmd *cmd, const struct lvsh_args *a)
{
    for (int k = 0; k < a->nopts && cmd->opts[k].name; k++)
        if (kind_of(cmd->opts[k].complete) != ROUTE_NONE)
            return a->v[k].set && a->v[k].str && *a->v[k].str ? k : -1;
    return -1;
}

/* Does the host have the object?  Found: OK with JSON true. */
static enum lvsh_status probe_lookup(struct lvsh_session *ws, const char *word,
                                     struct lvsh_result *r, enum route_kind k)
{
    struct lvsh_result tmp;
    result_init(&tmp);
    bool found = false;
    if (k == ROUTE_DOMAIN) {
        virDomainPtr d = lookup_domain(ws, &tmp, word);
        found = d != NULL;
        if (d)
            virDomainFree(d);
    } else if (k == ROUTE_NETWORK) {
        virNetworkPtr n = lookup_network(ws, &tmp, word);
        found = n != NULL;
        if (n)
            virNetworkFree(n);
    } else {
        virStoragePoolPtr p = lookup_pool(ws, &tmp, word);
        found = p != NULL;
        if (p)
            virStoragePoolFree(p);
    }
    /* a lost connection is no answer: not "not here" */
    bool lost = !found && virConnectIsAlive(ws->conn) != 1;
    result_free(&tmp);
    result_forget_libvirt_error();
    if (lost)
        return err_fail(r, "the connection was lost");
    out_json(r, json_boolean(found));
    return LVSH_OK;
}

static enum lvsh_status probe_domain(struct lvsh_session *ws, const char *w, struct lvsh_result *r)
{
    return probe_lookup(ws, w, r, ROUTE_DOMAIN);
}

static enum lvsh_status probe_network(struct lvsh_session *ws, const char *w, struct lvsh_result *r)
{
    return probe_lookup(ws, w, r, ROUTE_NETWORK);
}

static enum lvsh_status probe_pool(struct lvsh_session *ws, const char *w, struct lvsh_result *r)
{
    return probe_lookup(ws, w, r, ROUTE_POOL);
}

/* The host named by HOST in NAME@HOST: a target host, else an inventory
 * host (made in tmp).  NULL when HOST is neither: '@' is part of the name. */
static struct fleet_host *host_named(const char *name, struct fleet_host **hosts, size_t n,
                                     struct lvsh_fleet *tmp)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(hosts[i]->name, name) == 0)
            return hosts[i];
    char *uri = fleet_single_uri(name);
    if (!uri)
        return NULL;
    tmp->hosts = xcalloc(1, sizeof(*tmp->hosts));
    struct fleet_host *h = &tmp->hosts[tmp->n++];
    h->name = xstrdup(name);
    h->uri = uri;
    session_init(&h->hs);
    h->hs.uri = xstrdup(uri);
    return h;
}

/* argv with the word holding value cut where the value's '@' is. */
static char **cut_at(int argc, char *const argv[], const char *value, const char *at)
{
    char **v = xcalloc((size_t)argc + 1, sizeof(char *));
    for (int i = 0; i < argc; i++) {
        size_t len = strlen(argv[i]);
        if (value >= argv[i] && value < argv[i] + len)
            v[i] = xstrndup(argv[i], (size_t)(at - argv[i]));
        else
            v[i] = xstrdup(argv[i]);
    }
    return v;
}

/* Ask every host whether it has key; on the one that does, *hosts is
 * that host alone, and when some host did not answer, *asked keeps the
 * answers (its summary and status come after the command). */
static enum lvsh_status find_object(struct lvsh_session *s, enum route_kind kind,
                                    const char *key, struct fleet_host ***hosts, size_t *n,
                                    struct fleet_out **asked, size_t *nasked,
                                    struct lvsh_result *r)
{
    fleet_probe probe = kind == ROUTE_DOMAIN ? probe_domain
                      : kind == ROUTE_NETWORK ? probe_network : probe_pool;
    struct fleet_out *outs = fleet_run_hosts(s, *hosts, *n, NULL, 0, NULL, probe, key,
                                             LVSH_FMT_JSON);
    size_t nf = 0, silent = 0;
    const char **names = xcalloc(*n + 1, sizeof(char *));
    struct fleet_host **found = xcalloc(*n + 1, sizeof(*found));
    for (size_t i = 0; i < *n; i++) {
        if (outs[i].state == FLEET_CONNECTED && json_is_true(outs[i].r.json))
            found[nf++] = (*hosts)[i];
        else if (outs[i].state != FLEET_CONNECTED)
            names[silent++] = outs[i].h->name;
    }
    enum lvsh_status st = LVSH_OK;
    if (fleet_status(outs, *n) == LVSH_INTERRUPTED) {
        st = session_err_interrupted(r);
    } else if (nf > 1) {
        for (size_t i = 0; i < nf; i++)
            names[i] = found[i]->name;
        char *set = hostset_fold(names, nf);
        st = err_fail(r, "%s '%s' is on %zu hosts: %s (name one as %s@HOST)", kind_word(kind),
                      key, nf, set, key);
        free(set);
    } else if (nf == 0 && silent) {
        /* not "not found": it may be on a host that did not answer */
        char *set = hostset_fold(names, silent);
        size_t answered = *n - silent;
        if (answered)
            err_fail(r, "%s '%s' not found on the %zu host%s that answered; %zu did not "
                     "answer: %s", kind_word(kind), key, answered, answered == 1 ? "" : "s",
                     silent, set);
        else
            err_fail(r, "cannot look for %s '%s': none of %zu host%s answered: %s",
                     kind_word(kind), key, *n, *n == 1 ? "" : "s", set);
        st = (enum lvsh_status)FLEET_ST_UNREACHABLE;
        free(set);
    } else if (nf == 0) {
        st = err_fail(r, "failed to get %s '%s': not on any of %zu host%s", kind_word(kind),
                      key, *n, *n == 1 ? "" : "s");
    }
    size_t total = *n;
    if (st == LVSH_OK) {
        (*hosts)[0] = found[0];
        *n = 1;
    }
    free(found);
    free(names);
    if (st == LVSH_OK && silent) {   /* it may be there too: said after the command */
        *asked = outs;
        *nasked = total;
    } else {
        fleet_outs_free(outs, total);
    }
    return st;
}

enum lvsh_status fleet_route(struct lvsh_session *s, const struct lvsh_cmd *cmd,
                             const struct lvsh_args *a, int *argc, char ***argv,
                             struct fleet_host ***hosts, size_t *n, struct lvsh_fleet *tmp,
                             struct fleet_out **asked, size_t *nasked, struct lvsh_result *r)
{
    *asked = NULL;
    *nasked = 0;
    int k = fleet_route_opt(cmd, a);
    if (k < 0)
        return LVSH_OK;
    const char *value = a->v[k].str, *at = strrchr(value, '@');
    struct fleet_host *h = at && at[1] ? host_named(at + 1, *hosts, *n, tmp) : NULL;
    if (h) {
        *argv = cut_at(*argc, *argv, value, at);
        (*hosts)[0] = h;
        *n = 1;
        return LVSH_OK;
    }
    if (*n < 2)
        return LVSH_OK;
    return find_object(s, kind_of(cmd->opts[k].complete), value, hosts, n, asked, nasked, r);
}
