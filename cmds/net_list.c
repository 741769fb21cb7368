/* net_list.c: `net-list` and `net-dhcp-leases`.
 *
 * net-list costs a constant number of calls whatever the number of
 * networks: one filtered listing, plus one listing each for the active,
 * persistent and autostart columns (virsh asks every network instead),
 * all four in flight together. */
#include "net_common.h"
#include "parallel.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned list_flags(const struct lvsh_args *a)
{
    static const struct { const char *opt; unsigned flag; } map[] = {
        { "persistent", VIR_CONNECT_LIST_NETWORKS_PERSISTENT },
        { "transient", VIR_CONNECT_LIST_NETWORKS_TRANSIENT },
        { "autostart", VIR_CONNECT_LIST_NETWORKS_AUTOSTART },
        { "no-autostart", VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART },
    };
    unsigned flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE;
    if (args_has(a, "inactive"))
        flags = VIR_CONNECT_LIST_NETWORKS_INACTIVE;
    if (args_has(a, "all"))
        flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE | VIR_CONNECT_LIST_NETWORKS_INACTIVE;
    /* both of a pair is allowed, as in virsh: it filters nothing */
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (args_has(a, map[i].opt))
            flags |= map[i].flag;
    return flags;
}

static int net_sort_cmp(const void *a, const void *b)
{
    return net_name_cmp(virNetworkGetName(*(virNetworkPtr const *)a),
                        virNetworkGetName(*(virNetworkPtr const *)b));
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One listing (run on its own thread: par_calls). */
struct net_listing {
    virConnectPtr conn;
    unsigned flags;
    virNetworkPtr *nets;
    int n;
    virErrorPtr err;
};

static void net_listing_fetch(void *ctx, size_t i)
{
    struct net_listing *l = (struct net_listing *)ctx + i;
    l->n = virConnectListAllNetworks(l->conn, &l->nets, l->flags);
    if (l->n < 0)
        l->err = virSaveLastError();
    virResetLastError();
}

static void net_listing_free(struct net_listing *l)
{
    for (int k = 0; k < l->n; k++)
        virNetworkFree(l->nets[k]);
    free(l->nets);
    virFreeError(l->err);
}

/* Which of nets[] the listing got holds; *ok false when it failed. */
static bool *net_marks(virNetworkPtr *nets, int n, const struct net_listing *got, bool *ok)
{
    bool *marks = xcalloc((size_t)n + 1, sizeof(bool));
    int m = got->n;
    *ok = m >= 0;
    if (m < 0)
        return marks;
    const char **names = xcalloc((size_t)m + 1, sizeof(char *));
    for (int k = 0; k < m; k++)
        names[k] = virNetworkGetName(got->nets[k]);
    qsort(names, (size_t)m, sizeof(*names), str_cmp);
    for (int i = 0; i < n; i++) {
        const char *key = virNetworkGetName(nets[i]);
        marks[i] = bsearch(&key, names, (size_t)m, sizeof(*names), str_cmp) != NULL;
    }
    free(names);
    return marks;
}

struct net_cols {
    bool *active, *persistent, *autostart;
    bool autostart_ok;
};

/* The columns from the listings of active, persistent, autostart networks. */
static void cols_fill(virNetworkPtr *nets, int n, const struct net_listing *l,
                      struct net_cols *c)
{
    bool ok;
    c->active = net_marks(nets, n, &l[0], &ok);
    c->persistent = net_marks(nets, n, &l[1], &ok);
    c->autostart = net_marks(nets, n, &l[2], &c->autostart_ok);
}

static void cols_free(struct net_cols *c)
{
    free(c->active);
    free(c->persistent);
    free(c->autostart);
}

static void list_table(struct lvsh_result *r, virNetworkPtr *nets, int n,
                       const struct net_cols *c)
{
    static const struct out_col cols[] = {
        { "Name", "name", 0 },
        { "State", "state", 0 },
        { "Autostart", "autostart", 0 },
        { "Persistent", "persistent", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    for (int i = 0; i < n; i++) {
        out_table_row(t);
        out_cell_str(t, virNetworkGetName(nets[i]));
        out_cell_str(t, c->active[i] ? "active" : "inactive");
        if (c->autostart_ok)
            out_cell_str(t, yes_no(c->autostart[i]));
        else
            out_cell_str(t, "no autostart");
        out_cell_str(t, yes_no(c->persistent[i]));
    }
}

static void list_json(struct lvsh_result *r, virNetworkPtr *nets, int n,
                      const struct net_cols *c)
{
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        json_t *o = kind_json_ref(LVSH_KIND_NETWORK, nets[i]);
        json_object_set_new(o, "active", json_boolean(c->active[i]));
        json_object_set_new(o, "persistent", json_boolean(c->persistent[i]));
        json_object_set_new(o, "autostart",
                            c->autostart_ok ? json_boolean(c->autostart[i]) : json_null());
        json_array_append_new(arr, o);
    }
    out_json(r, arr);
}

static enum lvsh_status run_net_list(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    bool json = lvsh_wants_json(s, a);
    bool cols = json || (!args_has(a, "name") && !args_has(a, "uuid"));
    /* the listing and, for the columns, three filtered ones: all at once */
    struct net_listing l[4] = {
        { s->conn, list_flags(a), NULL, 0, NULL },
        { s->conn, VIR_CONNECT_LIST_NETWORKS_ACTIVE, NULL, 0, NULL },
        { s->conn, VIR_CONNECT_LIST_NETWORKS_PERSISTENT, NULL, 0, NULL },
        { s->conn, VIR_CONNECT_LIST_NETWORKS_AUTOSTART, NULL, 0, NULL },
    };
    par_calls(cols ? 4 : 1, net_listing_fetch, l);
    virNetworkPtr *nets = l[0].nets;
    int n = l[0].n;
    if (n < 0) {
        par_fail(r, l[0].err, "failed to list networks");
        l[0].err = NULL;
    } else if (cols) {
        if (n > 1)   /* libvirt may return no array at all for none */
            qsort(nets, (size_t)n, sizeof(*nets), net_sort_cmp);
        struct net_cols c;
        cols_fill(nets, n, l + 1, &c);
        if (json)
            list_json(r, nets, n, &c);
        else
            list_table(r, nets, n, &c);
        cols_free(&c);
    } else {
        if (n > 1)
            qsort(nets, (size_t)n, sizeof(*nets), net_sort_cmp);
        for (int i = 0; i < n; i++) {
            char uuid[VIR_UUID_STRING_BUFLEN] = "";
            if (args_has(a, "uuid") && virNetworkGetUUIDString(nets[i], uuid) == 0)
                out_text(r, "%s\n", uuid);
            else if (args_has(a, "name"))
                out_text(r, "%s\n", virNetworkGetName(nets[i]));
        }
    }
    for (int k = 0; k < 4; k++)
        net_listing_free(&l[k]);
    return n < 0 ? LVSH_FAILED : LVSH_OK;
}

#define LIST_BOOL(n, h) { .name = n, .type = LVSH_OPT_BOOL, .help = h }
static const struct lvsh_opt opts_net_list[] = {
    LIST_BOOL("inactive", "list inactive networks only"),
    LIST_BOOL("all", "list active and inactive networks"),
    LIST_BOOL("persistent", "list persistent networks"),
    LIST_BOOL("transient", "list transient networks"),
    LIST_BOOL("autostart", "list networks with autostart enabled"),
    LIST_BOOL("no-autostart", "list networks with autostart disabled"),
    LIST_BOOL("uuid", "print UUIDs only"),
    LIST_BOOL("name", "print names only"),
    LIST_BOOL("table", "print a table (the default)"),
    LVSH_OPT_END,
};

static const char *const excl_net_list[] = { "table name uuid", NULL };

static const struct lvsh_cmd cmd_net_list = {
    .name = "net-list",
    .group = "network",
    .summary = "list networks",
    .description = "List active networks, or with --all every network.  Filters combine; "
                   "giving both of a pair (--persistent --transient) filters nothing.  "
                   "--name and --uuid print one line per network for scripts.  The listing "
                   "costs a constant number of calls to the daemon.",
    .opts = opts_net_list,
    .exclusive = excl_net_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_list,
};

static int lease_cmp(const void *a, const void *b)
{
    virNetworkDHCPLeasePtr la = *(virNetworkDHCPLeasePtr const *)a;
    virNetworkDHCPLeasePtr lb = *(virNetworkDHCPLeasePtr const *)b;
    return net_name_cmp(la->mac ? la->mac : "", lb->mac ? lb->mac : "");
}

static const char *lease_proto(int type)
{
    switch (type) {
    case VIR_IP_ADDR_TYPE_IPV4: return "ipv4";
    case VIR_IP_ADDR_TYPE_IPV6: return "ipv6";
    default: return NULL;
    }
}

static const char *or_minus(const char *s)
{
    return s ? s : "-";
}

static json_t *lease_json(virNetworkDHCPLeasePtr l)
{
    return json_pack("{s:o,s:o,s:I,s:o,s:o,s:o,s:i,s:o,s:o}",
                     "iface", json_str(l->iface), "mac", json_str(l->mac),
                     "expiry_time", (json_int_t)l->expirytime,
                     "protocol", json_str(lease_proto(l->type)),
                     "iaid", json_str(l->iaid), "ip_address", json_str(l->ipaddr),
                     "prefix", (int)l->prefix, "hostname", json_str(l->hostname),
                     "client_id", json_str(l->clientid));
}

static void lease_row(struct out_table *t, virNetworkDHCPLeasePtr l)
{
    char when[64] = "";
    struct tm tm;
    time_t expiry = (time_t)l->expirytime;
    if (localtime_r(&expiry, &tm))
        strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
    out_table_row(t);
    out_cell_str(t, when);
    out_cell_str(t, or_minus(l->mac));
    out_cell_str(t, or_minus(lease_proto(l->type)));
    out_cell_fmt(t, json_null(), "%s/%u", or_minus(l->ipaddr), l->prefix);
    out_cell_str(t, or_minus(l->hostname));
    out_cell_str(t, or_minus(l->clientid));
}

static enum lvsh_status run_net_dhcp_leases(struct lvsh_session *s,
                                            const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    virNetworkDHCPLeasePtr *leases = NULL;
    virNetworkPtr n = args_target(a);
    (void)s;
    const char *name = virNetworkGetName(n);
    int nl = virNetworkGetDHCPLeases(n, args_str(a, "mac"), &leases, 0);
    if (nl < 0) {
        enum lvsh_status st = err_virt(r, "Failed to get leases info for %s",
                                       name);
        return st;
    }
    if (nl > 1)   /* libvirt may return no array at all for none */
        qsort(leases, (size_t)nl, sizeof(*leases), lease_cmp);
    static const struct out_col cols[] = {
        { "Expiry Time", "expiry_time", 0 },
        { "MAC address", "mac", 0 },
        { "Protocol", "protocol", 0 },
        { "IP address", "ip_address", 0 },
        { "Hostname", "hostname", 0 },
        { "Client ID or DUID", "client_id", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    json_t *arr = json_array();
    for (int i = 0; i < nl; i++) {
        lease_row(t, leases[i]);
        json_array_append_new(arr, lease_json(leases[i]));
        virNetworkDHCPLeaseFree(leases[i]);
    }
    out_json(r, arr);
    free(leases);
    return LVSH_OK;
}

static const struct lvsh_opt opts_net_dhcp_leases[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_ACTIVE),
    { .name = "mac", .type = LVSH_OPT_STRING, .help = "only the leases of this MAC address",
      .metavar = "mac" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_dhcp_leases = {
    .name = "net-dhcp-leases",
    .group = "network",
    .summary = "print the DHCP leases of a network",
    .description = "List the addresses the network's DHCP server handed out: expiry time "
                   "(local time), MAC, protocol, address with prefix, hostname and client "
                   "id.  In JSON the expiry time is in seconds since the epoch.",
    .opts = opts_net_dhcp_leases,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_dhcp_leases,
    .target = LVSH_KIND_NETWORK,
};

LVSH_FAMILY(net_list) = { &cmd_net_list, &cmd_net_dhcp_leases, NULL };
