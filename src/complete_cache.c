/* complete_cache.c: live listings for completion, cached per connection.
 *
 * Each completer kind has one listing, made by one bulk call
 * (virConnectListAll*, or a lookup plus one list for kinds that depend on
 * another object).  A listing stays valid until the shell runs a command
 * that writes (s->write_generation), a lifecycle event arrives for its
 * family (domains, networks, pools, node devices, secrets), or, for the
 * families libvirt sends no events for, a few seconds pass.
 *
 * Listings are fetched on a worker thread that the prompt waits for only
 * a short time: a connection that stopped answering costs one timeout
 * and no candidates, never a frozen prompt.  Event callbacks run on the
 * event loop thread and only bump a per-family epoch under a mutex; that
 * epoch box is reference counted because libvirt may call a callback
 * (or its free function) after we deregistered it. */
#include "complete.h"
#include "fleet.h"
#include "parallel.h"
#include "result.h"
#include "session.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#define FETCH_TIMEOUT_MS 2000  /* how long TAB waits for a listing */
#define TTL_MS 3000            /* lifetime of listings no event invalidates */

enum fam { FAM_DOMAIN, FAM_NETWORK, FAM_POOL, FAM_NODEDEV, FAM_SECRET, FAM__COUNT };
#define FAM_NONE FAM__COUNT

struct event_box {
    pthread_mutex_t lock;
    int refs;
    unsigned long epoch[FAM__COUNT];
};

struct listing {
    bool valid;
    char *arg;
    char **names;
    size_t n;
    unsigned long gen, epoch;
    struct timespec when;
};

struct lvsh_cache {
    virConnectPtr conn;            /* the connection the listings came from */
    struct event_box *box;
    int cb[FAM__COUNT];            /* event callback ids, -1 when none */
    struct listing slot[LVSH_COMP__COUNT];
    char *failed_uri;              /* a connect from TAB failed for this URI */
    bool failed;
};

/* ---- the epoch box ------------------------------------------------------- */

static struct event_box *box_new(void)
{
    struct event_box *b = xcalloc(1, sizeof(*b));
    pthread_mutex_init(&b->lock, NULL);
    b->refs = 1;
    return b;
}

static void box_ref(struct event_box *b)
{
    pthread_mutex_lock(&b->lock);
    b->refs++;
    pthread_mutex_unlock(&b->lock);
}

static void box_unref(void *opaque)
{
    struct event_box *b = opaque;
    pthread_mutex_lock(&b->lock);
    bool last = --b->refs == 0;
    pthread_mutex_unlock(&b->lock);
    if (last) {
        pthread_mutex_destroy(&b->lock);
        free(b);
    }
}

static unsigned long box_epoch(struct event_box *b, enum fam f)
{
    pthread_mutex_lock(&b->lock);
    unsigned long e = b->epoch[f];
    pthread_mutex_unlock(&b->lock);
    return e;
}

static void box_bump(struct event_box *b, enum fam f)
{
    pthread_mutex_lock(&b->lock);
    b->epoch[f]++;
    pthread_mutex_unlock(&b->lock);
}

/* The event callbacks (event loop thread): any change makes listings stale. */
static void on_domain_event(virConnectPtr c, virDomainPtr d, int ev, int detail, void *op)
{
    (void)c; (void)d; (void)ev; (void)detail;
    box_bump(op, FAM_DOMAIN);
}

static void on_network_event(virConnectPtr c, virNetworkPtr n, int ev, int detail, void *op)
{
    (void)c; (void)n; (void)ev; (void)detail;
    box_bump(op, FAM_NETWORK);
}

static void on_pool_event(virConnectPtr c, virStoragePoolPtr p, int ev, int detail, void *op)
{
    (void)c; (void)p; (void)ev; (void)detail;
    box_bump(op, FAM_POOL);
}

static void on_nodedev_event(virConnectPtr c, virNodeDevicePtr d, int ev, int detail,
                             void *op)
{
    (void)c; (void)d; (void)ev; (void)detail;
    box_bump(op, FAM_NODEDEV);
}

static void on_secret_event(virConnectPtr c, virSecretPtr s, int ev, int detail, void *op)
{
    (void)c; (void)s; (void)ev; (void)detail;
    box_bump(op, FAM_SECRET);
}

/* Register the lifecycle callback of a family; its id, or -1. */
static int events_register(virConnectPtr conn, enum fam f, struct event_box *b)
{
    int id = -1;
    box_ref(b);  /* the callback's reference, dropped by libvirt via box_unref */
    switch (f) {
    case FAM_DOMAIN:
        id = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                              VIR_DOMAIN_EVENT_CALLBACK(on_domain_event),
                                              b, box_unref);
        break;
    case FAM_NETWORK:
        id = virConnectNetworkEventRegisterAny(conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                               VIR_NETWORK_EVENT_CALLBACK(on_network_event),
                                               b, box_unref);
        break;
    case FAM_POOL:
        id = virConnectStoragePoolEventRegisterAny(
            conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
            VIR_STORAGE_POOL_EVENT_CALLBACK(on_pool_event), b, box_unref);
        break;
    case FAM_NODEDEV:
        id = virConnectNodeDeviceEventRegisterAny(
            conn, NULL, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
            VIR_NODE_DEVICE_EVENT_CALLBACK(on_nodedev_event), b, box_unref);
        break;
    case FAM_SECRET:
        id = virConnectSecretEventRegisterAny(conn, NULL, VIR_SECRET_EVENT_ID_LIFECYCLE,
                                              VIR_SECRET_EVENT_CALLBACK(on_secret_event),
                                              b, box_unref);
        break;
    default:
        break;
    }
    if (id < 0) {
        box_unref(b);  /* libvirt does not call the free function on failure */
        virResetLastError();
    }
    return id;
}

static void events_deregister(virConnectPtr conn, enum fam f, int id)
{
    switch (f) {
    case FAM_DOMAIN: virConnectDomainEventDeregisterAny(conn, id); break;
    case FAM_NETWORK: virConnectNetworkEventDeregisterAny(conn, id); break;
    case FAM_POOL: virConnectStoragePoolEventDeregisterAny(conn, id); break;
    case FAM_NODEDEV: virConnectNodeDeviceEventDeregisterAny(conn, id); break;
    case FAM_SECRET: virConnectSecretEventDeregisterAny(conn, id); break;
    default: break;
    }
    virResetLastError();
}

static enum fam kind_family(enum lvsh_completer k)
{
    switch (k) {
    case LVSH_COMP_DOMAIN: case LVSH_COMP_DOMAIN_ACTIVE: case LVSH_COMP_DOMAIN_INACTIVE:
    case LVSH_COMP_DOMAIN_RUNNING: case LVSH_COMP_DOMAIN_PAUSED:
    case LVSH_COMP_DOMAIN_PERSISTENT:
        return FAM_DOMAIN;
    case LVSH_COMP_NETWORK: case LVSH_COMP_NETWORK_ACTIVE: case LVSH_COMP_NETWORK_INACTIVE:
        return FAM_NETWORK;
    case LVSH_COMP_POOL: case LVSH_COMP_POOL_ACTIVE: case LVSH_COMP_POOL_INACTIVE:
        return FAM_POOL;
    case LVSH_COMP_NODEDEV:
        return FAM_NODEDEV;
    case LVSH_COMP_SECRET:
        return FAM_SECRET;
    default:
        return FAM_NONE;  /* no events: interfaces, filters, volumes, ... */
    }
}

/* ---- listing one kind (runs on the worker thread) ------------------------ */

struct names {
    char **v;
    size_t n, cap;
};

static void names_add(struct names *nm, const char *s)
{
    if (!s)
        return;
    if (nm->n == nm->cap) {
        nm->cap = nm->cap ? nm->cap * 2 : 64;
        nm->v = xrealloc(nm->v, nm->cap * sizeof(char *));
    }
    nm->v[nm->n++] = xstrdup(s);
}

static void names_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static unsigned domain_flags(enum lvsh_completer k)
{
    switch (k) {
    case LVSH_COMP_DOMAIN_ACTIVE: return VIR_CONNECT_LIST_DOMAINS_ACTIVE;
    case LVSH_COMP_DOMAIN_INACTIVE: return VIR_CONNECT_LIST_DOMAINS_INACTIVE;
    case LVSH_COMP_DOMAIN_RUNNING: return VIR_CONNECT_LIST_DOMAINS_RUNNING;
    case LVSH_COMP_DOMAIN_PAUSED: return VIR_CONNECT_LIST_DOMAINS_PAUSED;
    case LVSH_COMP_DOMAIN_PERSISTENT: return VIR_CONNECT_LIST_DOMAINS_PERSISTENT;
    default: return 0;
    }
}

static bool list_domains(virConnectPtr conn, unsigned flags, struct names *nm)
{
    virDomainPtr *v = NULL;
    int n = virConnectListAllDomains(conn, &v, flags);
    for (int i = 0; i < n; i++) {
        names_add(nm, virDomainGetName(v[i]));
        virDomainFree(v[i]);
    }
    free(v);
    return n >= 0;
}

static bool list_networks(virConnectPtr conn, unsigned flags, struct names *nm)
{
    virNetworkPtr *v = NULL;
    int n = virConnectListAllNetworks(conn, &v, flags);
    for (int i = 0; i < n; i++) {
        names_add(nm, virNetworkGetName(v[i]));
        virNetworkFree(v[i]);
    }
    free(v);
    return n >= 0;
}

static bool list_pools(virConnectPtr conn, unsigned flags, struct names *nm)
{
    virStoragePoolPtr *v = NULL;
    int n = virConnectListAllStoragePools(conn, &v, flags);
    for (int i = 0; i < n; i++) {
        names_add(nm, virStoragePoolGetName(v[i]));
        virStoragePoolFree(v[i]);
    }
    free(v);
    return n >= 0;
}

/* Volume names of one pool, or with keys_only the path-like keys. */
static bool list_pool_volumes(virStoragePoolPtr p, bool keys_only, struct names *nm)
{
    virStorageVolPtr *v = NULL;
    int n = virStoragePoolListAllVolumes(p, &v, 0);
    for (int i = 0; i < n; i++) {
        const char *key = virStorageVolGetKey(v[i]);
        if (!keys_only)
            names_add(nm, virStorageVolGetName(v[i]));
        else if (key && key[0] == '/')
            names_add(nm, key);
        virStorageVolFree(v[i]);
    }
    free(v);
    return n >= 0;
}

/* With --pool, its volumes; without, the paths of every active pool's. */
static bool list_volumes(virConnectPtr conn, const char *pool, struct names *nm)
{
    if (pool) {
        virStoragePoolPtr p = virStoragePoolLookupByName(conn, pool);
        if (!p)
            p = virStoragePoolLookupByUUIDString(conn, pool);
        bool ok = p && list_pool_volumes(p, false, nm);
        if (p)
            virStoragePoolFree(p);
        return ok;
    }
    virStoragePoolPtr *v = NULL;
    int n = virConnectListAllStoragePools(conn, &v, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    for (int i = 0; i < n; i++) {
        list_pool_volumes(v[i], true, nm);
        virStoragePoolFree(v[i]);
    }
    free(v);
    return n >= 0;
}

/* UUIDs and usage ids: either names a secret. */
static bool list_secrets(virConnectPtr conn, struct names *nm)
{
    virSecretPtr *v = NULL;
    int n = virConnectListAllSecrets(conn, &v, 0);
    for (int i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (virSecretGetUUIDString(v[i], uuid) == 0)
            names_add(nm, uuid);
        const char *usage = virSecretGetUsageID(v[i]);
        if (usage && *usage)
            names_add(nm, usage);
        virSecretFree(v[i]);
    }
    free(v);
    return n >= 0;
}

static bool list_nwfilters(virConnectPtr conn, struct names *nm)
{
    virNWFilterPtr *v = NULL;
    int n = virConnectListAllNWFilters(conn, &v, 0);
    for (int i = 0; i < n; i++) {
        names_add(nm, virNWFilterGetName(v[i]));
        virNWFilterFree(v[i]);
    }
    free(v);
    return n >= 0;
}

static bool list_nwfilter_bindings(virConnectPtr conn, struct names *nm)
{
    virNWFilterBindingPtr *v = NULL;
    int n = virConnectListAllNWFilterBindings(conn, &v, 0);
    for (int i = 0; i < n; i++) {
        names_add(nm, virNWFilterBindingGetPortDev(v[i]));
        virNWFilterBindingFree(v[i]);
    }
    free(v);
    return n >= 0;
}

static bool list_ifaces(virConnectPtr conn, unsigned flags, struct names *nm)
{
    virInterfacePtr *v = NULL;
    int n = virConnectListAllInterfaces(conn, &v, flags);
    for (int i = 0; i < n; i++) {
        names_add(nm, virInterfaceGetName(v[i]));
        virInterfaceFree(v[i]);
    }
    free(v);
    return n >= 0;
}

static bool list_nodedevs(virConnectPtr conn, struct names *nm)
{
    virNodeDevicePtr *v = NULL;
    int n = virConnectListAllNodeDevices(conn, &v, 0);
    for (int i = 0; i < n; i++) {
        names_add(nm, virNodeDeviceGetName(v[i]));
        virNodeDeviceFree(v[i]);
    }
    free(v);
    return n >= 0;
}

static bool list_network_ports(virConnectPtr conn, const char *net, struct names *nm)
{
    virNetworkPtr n = net ? virNetworkLookupByName(conn, net) : NULL;
    if (!n && net)
        n = virNetworkLookupByUUIDString(conn, net);
    if (!n)
        return false;
    virNetworkPortPtr *v = NULL;
    int cnt = virNetworkListAllPorts(n, &v, 0);
    for (int i = 0; i < cnt; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (virNetworkPortGetUUIDString(v[i], uuid) == 0)
            names_add(nm, uuid);
        virNetworkPortFree(v[i]);
    }
    free(v);
    virNetworkFree(n);
    return cnt >= 0;
}

/* The --domain given on the line, by name, uuid or id. */
static virDomainPtr domain_of(virConnectPtr conn, const char *key)
{
    if (!key)
        return NULL;
    virDomainPtr d = virDomainLookupByName(conn, key);
    if (!d)
        d = virDomainLookupByUUIDString(conn, key);
    char *end;
    long id = strtol(key, &end, 10);
    if (!d && *key >= '0' && *key <= '9' && !*end && id <= 0x7fffffff)
        d = virDomainLookupByID(conn, (int)id);
    return d;
}

/* The snapshots or checkpoints of the --domain given. */
static bool list_domain_trees(virConnectPtr conn, const char *dom, bool checkpoints,
                              struct names *nm)
{
    virDomainPtr d = domain_of(conn, dom);
    if (!d)
        return false;
    virDomainSnapshotPtr *snaps = NULL;
    virDomainCheckpointPtr *cps = NULL;
    int n = checkpoints ? virDomainListAllCheckpoints(d, &cps, 0)
                        : virDomainListAllSnapshots(d, &snaps, 0);
    for (int i = 0; i < n; i++) {
        names_add(nm, checkpoints ? virDomainCheckpointGetName(cps[i])
                                  : virDomainSnapshotGetName(snaps[i]));
        if (checkpoints)
            virDomainCheckpointFree(cps[i]);
        else
            virDomainSnapshotFree(snaps[i]);
    }
    free(snaps);
    free(cps);
    virDomainFree(d);
    return n >= 0;
}

/* Disk targets or interfaces (target device and MAC) from the XML. */
static bool list_domain_devices(virConnectPtr conn, const char *dom, const char *expr,
                                struct names *nm)
{
    virDomainPtr d = domain_of(conn, dom);
    char *xml = d ? virDomainGetXMLDesc(d, 0) : NULL;
    if (d)
        virDomainFree(d);
    if (!xml)
        return false;
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(xml);
    xmlXPathContextPtr ctx = doc ? xmlXPathNewContext(doc) : NULL;
    xmlXPathObjectPtr obj = ctx ? xmlXPathEvalExpression(BAD_CAST expr, ctx) : NULL;
    for (int i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
        xmlChar *v = xmlNodeGetContent(obj->nodesetval->nodeTab[i]);
        names_add(nm, (const char *)v);
        xmlFree(v);
    }
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return doc != NULL;
}

static bool fetch_names(virConnectPtr conn, enum lvsh_completer k, const char *arg,
                        struct names *nm)
{
    switch (k) {
    case LVSH_COMP_DOMAIN: case LVSH_COMP_DOMAIN_ACTIVE: case LVSH_COMP_DOMAIN_INACTIVE:
    case LVSH_COMP_DOMAIN_RUNNING: case LVSH_COMP_DOMAIN_PAUSED:
    case LVSH_COMP_DOMAIN_PERSISTENT:
        return list_domains(conn, domain_flags(k), nm);
    case LVSH_COMP_DOMAIN_SNAPSHOT:
    case LVSH_COMP_DOMAIN_CHECKPOINT:
        return list_domain_trees(conn, arg, k == LVSH_COMP_DOMAIN_CHECKPOINT, nm);
    case LVSH_COMP_DOMAIN_DISK:
        return list_domain_devices(conn, arg, "/domain/devices/disk/target/@dev", nm);
    case LVSH_COMP_DOMAIN_IFACE:
        return list_domain_devices(conn, arg, "/domain/devices/interface/target/@dev | "
                                   "/domain/devices/interface/mac/@address", nm);
    case LVSH_COMP_NETWORK:
        return list_networks(conn, 0, nm);
    case LVSH_COMP_NETWORK_ACTIVE:
        return list_networks(conn, VIR_CONNECT_LIST_NETWORKS_ACTIVE, nm);
    case LVSH_COMP_NETWORK_INACTIVE:
        return list_networks(conn, VIR_CONNECT_LIST_NETWORKS_INACTIVE, nm);
    case LVSH_COMP_NETWORK_PORT:
        return list_network_ports(conn, arg, nm);
    case LVSH_COMP_POOL:
        return list_pools(conn, 0, nm);
    case LVSH_COMP_POOL_ACTIVE:
        return list_pools(conn, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, nm);
    case LVSH_COMP_POOL_INACTIVE:
        return list_pools(conn, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE, nm);
    case LVSH_COMP_VOLUME:
        return list_volumes(conn, arg, nm);
    case LVSH_COMP_SECRET:
        return list_secrets(conn, nm);
    case LVSH_COMP_NWFILTER:
        return list_nwfilters(conn, nm);
    case LVSH_COMP_NWFILTER_BINDING:
        return list_nwfilter_bindings(conn, nm);
    case LVSH_COMP_IFACE:
        return list_ifaces(conn, 0, nm);
    case LVSH_COMP_IFACE_ACTIVE:
        return list_ifaces(conn, VIR_CONNECT_LIST_INTERFACES_ACTIVE, nm);
    case LVSH_COMP_IFACE_INACTIVE:
        return list_ifaces(conn, VIR_CONNECT_LIST_INTERFACES_INACTIVE, nm);
    case LVSH_COMP_NODEDEV:
        return list_nodedevs(conn, nm);
    default:
        return false;
    }
}

/* ---- the worker ------------------------------------------------------------ */

struct fetch {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int refs;                 /* the prompt's and the worker's */
    bool done;
    virConnectPtr conn;       /* our own reference */
    enum lvsh_completer kind;
    char *arg;
    enum fam fam;             /* register its events first, unless FAM_NONE */
    struct event_box *box;
    int cb_id;
    struct names nm;
    bool ok;
};

static void fetch_unref(struct fetch *f)
{
    pthread_mutex_lock(&f->lock);
    bool last = --f->refs == 0;
    pthread_mutex_unlock(&f->lock);
    if (!last)
        return;
    /* nobody took the callback: the prompt gave up waiting */
    if (f->cb_id >= 0)
        events_deregister(f->conn, f->fam, f->cb_id);
    virConnectClose(f->conn);
    virResetLastError();
    box_unref(f->box);
    names_free(f->nm.v, f->nm.n);
    free(f->arg);
    pthread_cond_destroy(&f->cond);
    pthread_mutex_destroy(&f->lock);
    free(f);
}

/* Call i of a fetch: 0 the listing, 1 the event registration. */
static void fetch_call(void *opaque, size_t i)
{
    struct fetch *f = opaque;
    if (i == 0)
        f->ok = fetch_names(f->conn, f->kind, f->arg, &f->nm);
    else
        f->cb_id = events_register(f->conn, f->fam, f->box);
    virResetLastError();
}

static void *fetch_main(void *opaque)
{
    struct fetch *f = opaque;
    /* registering first would cost a round trip of its own: both go
     * together (a change in the instant between the two is seen at the
     * next event or write) */
    par_calls(f->fam != FAM_NONE ? 2 : 1, fetch_call, f);
    bool ok = f->ok;
    pthread_mutex_lock(&f->lock);
    f->ok = ok;
    f->done = true;
    pthread_cond_signal(&f->cond);
    pthread_mutex_unlock(&f->lock);
    fetch_unref(f);
    return NULL;
}

long complete_timeout_ms(void)
{
    const char *env = getenv("LVSH_COMPLETE_TIMEOUT_MS");
    long v = env ? strtol(env, NULL, 10) : 0;
    return v > 0 ? v : FETCH_TIMEOUT_MS;
}

/* Run f on a worker and wait for it a bounded time; true when it finished.
 * A finished worker is joined, so its thread-local state (libxml2's) is
 * gone before we go on; one that is still stuck is left to end alone. */
static bool fetch_wait(struct fetch *f, long ms)
{
    pthread_t t;
    f->refs = 2;
    if (pthread_create(&t, NULL, fetch_main, f) != 0) {
        fetch_main(f);   /* no thread to spare: do it here */
        return true;
    }
    struct timespec deadline = timespec_in_ms(CLOCK_MONOTONIC, ms);
    pthread_mutex_lock(&f->lock);
    while (!f->done && pthread_cond_timedwait(&f->cond, &f->lock, &deadline) == 0)
        ;
    bool done = f->done;
    pthread_mutex_unlock(&f->lock);
    if (done)
        pthread_join(t, NULL);
    else
        pthread_detach(t);
    return done;
}

/* ---- the cache ------------------------------------------------------------- */

static void listing_clear(struct listing *l)
{
    names_free(l->names, l->n);
    free(l->arg);
    memset(l, 0, sizeof(*l));
}

static long elapsed_ms(const struct timespec *since)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - since->tv_sec) * 1000L + (now.tv_nsec - since->tv_nsec) / 1000000L;
}

static bool same_arg(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool listing_fresh(struct lvsh_session *s, struct lvsh_cache *c,
                          const struct listing *l, enum lvsh_completer k, const char *arg)
{
    if (!l->valid || !same_arg(l->arg, arg) || l->gen != s->write_generation)
        return false;
    enum fam f = kind_family(k);
    if (f != FAM_NONE && c->cb[f] >= 0)
        return l->epoch == box_epoch(c->box, f);
    return elapsed_ms(&l->when) < TTL_MS;
}

void complete_cache_drop(struct lvsh_session *s)
{
    struct lvsh_cache *c = s->cache;
    if (!c)
        return;
    for (int f = 0; f < FAM__COUNT; f++) {
        if (c->cb[f] >= 0 && c->conn)
            events_deregister(c->conn, (enum fam)f, c->cb[f]);
        c->cb[f] = -1;
    }
    for (int k = 0; k < LVSH_COMP__COUNT; k++)
        listing_clear(&c->slot[k]);
    if (c->box)
        box_unref(c->box);
    c->box = NULL;
    c->conn = NULL;
}

void complete_cache_free(struct lvsh_session *s)
{
    if (!s->cache)
        return;
    complete_cache_drop(s);
    free(s->cache->failed_uri);
    free(s->cache);
    s->cache = NULL;
}

static struct lvsh_cache *cache_get(struct lvsh_session *s)
{
    if (!s->cache) {
        s->cache = xcalloc(1, sizeof(*s->cache));
        for (int f = 0; f < FAM__COUNT; f++)
            s->cache->cb[f] = -1;
    }
    return s->cache;
}

/* The connection to list on: the open one, or one made without
 * prompting, in the background, waited for in the REPL until the TAB's
 * deadline (the REPL started it at its start; a slow host costs no frozen
 * prompt, and the next TAB finds it).  Not again after a failure for the
 * same URI. */
static virConnectPtr completion_conn(struct lvsh_session *s, struct lvsh_cache *c, long ms)
{
    if (s->conn)
        return session_conn_lost(s) ? NULL : s->conn;
    if (c->failed && same_arg(c->failed_uri, s->uri))
        return NULL;
    session_background_start(s);
    /* `lvsh complete` (the shell scripts) connects as any one-shot run:
     * its listing still has the deadline */
    if (!session_background_wait(s, s->interactive ? ms : -1))
        return NULL;
    if (!s->conn) {
        c->failed = true;
        free(c->failed_uri);
        c->failed_uri = s->uri ? xstrdup(s->uri) : NULL;
    }
    return s->conn;
}

/* Fetch a fresh listing of kind into l; false when it failed or timed out. */
static bool cache_fill(struct lvsh_session *s, struct lvsh_cache *c, virConnectPtr conn,
                       struct listing *l, enum lvsh_completer k, const char *arg, long ms)
{
    struct fetch *f = xcalloc(1, sizeof(*f));
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&f->cond, &ca);
    pthread_condattr_destroy(&ca);
    pthread_mutex_init(&f->lock, NULL);
    virConnectRef(conn);
    f->conn = conn;
    f->kind = k;
    f->arg = arg ? xstrdup(arg) : NULL;
    f->fam = kind_family(k);
    if (f->fam != FAM_NONE && c->cb[f->fam] >= 0)
        f->fam = FAM_NONE;   /* already registered */
    /* only a person's shell lives long enough for events to pay: a
     * `lvsh complete` process of the shell scripts answers one TAB and
     * exits, and registering would cost it two round trips (the TTL
     * still bounds what a longer script sees) */
    if (!s->interactive)
        f->fam = FAM_NONE;
    f->box = c->box;
    box_ref(f->box);
    f->cb_id = -1;
    enum fam fam = kind_family(k);
    unsigned long epoch = fam != FAM_NONE ? box_epoch(c->box, fam) : 0;

    bool done = fetch_wait(f, ms);
    if (done) {
        if (f->cb_id >= 0) {
            c->cb[f->fam] = f->cb_id;
            f->cb_id = -1;
        }
        listing_clear(l);
        if (f->ok) {
            l->valid = true;
            l->arg = arg ? xstrdup(arg) : NULL;
            l->names = f->nm.v;
            l->n = f->nm.n;
            f->nm.v = NULL;
            f->nm.n = 0;
            l->gen = s->write_generation;
            l->epoch = epoch;
            clock_gettime(CLOCK_MONOTONIC, &l->when);
        }
    }
    bool ok = done && f->ok;
    fetch_unref(f);
    return ok;
}

bool cache_list(struct lvsh_session *s, enum lvsh_completer kind, const char *arg,
                void (*add)(void *opaque, const char *name), void *opaque)
{
    if ((unsigned)kind >= LVSH_COMP__COUNT)
        return false;
    if (fleet_cache_list(s, kind, arg, add, opaque))   /* several hosts: every one's */
        return true;
    struct lvsh_cache *c = cache_get(s);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long ms = complete_timeout_ms();
    virConnectPtr conn = completion_conn(s, c, ms);
    if (!conn)
        return false;
    if (s->interactive)   /* one deadline for connecting and listing */
        ms -= elapsed_ms(&start);
    if (ms < 1)
        ms = 1;
    if (c->conn != conn) {
        complete_cache_drop(s);
        c->conn = conn;
    }
    if (!c->box)
        c->box = box_new();
    struct listing *l = &c->slot[kind];
    if (!listing_fresh(s, c, l, kind, arg) && !cache_fill(s, c, conn, l, kind, arg, ms))
        return false;
    for (size_t i = 0; i < l->n; i++)
        add(opaque, l->names[i]);
    return true;
}
