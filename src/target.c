/* target.c: the objects commands act on.  One table of kinds says how to
 * look an object up from the command's option, free it, name it and show
 * its identity in JSON; the dispatcher resolves a command's .target once
 * before its handler runs, and one action helper reports one-call changes. */
#include "lvsh.h"
#include "options.h"
#include "result.h"
#include "target.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* ---- identities in JSON --------------------------------------------------- */

static const char *const usage_names[] = {
    [VIR_SECRET_USAGE_TYPE_NONE] = "none", [VIR_SECRET_USAGE_TYPE_VOLUME] = "volume",
    [VIR_SECRET_USAGE_TYPE_CEPH] = "ceph", [VIR_SECRET_USAGE_TYPE_ISCSI] = "iscsi",
    [VIR_SECRET_USAGE_TYPE_TLS] = "tls", [VIR_SECRET_USAGE_TYPE_VTPM] = "vtpm",
};

const char *secret_usage_name(int type)
{
    if (type >= 0 && (size_t)type < sizeof(usage_names) / sizeof(usage_names[0]) &&
        usage_names[type])
        return usage_names[type];
    return "unknown";
}

/* {"name": name, "uuid": uuid}: json_str keeps invalid UTF-8 printable */
static json_t *name_uuid(const char *name, const char *uuid)
{
    json_t *j = json_object();
    json_object_set_new(j, "name", json_str(name));
    json_object_set_new(j, "uuid", json_str(uuid));
    return j;
}

static json_t *ref_domain(void *o)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainGetUUIDString(o, uuid);
    return name_uuid(virDomainGetName(o), uuid);
}

static json_t *ref_network(void *o)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virNetworkGetUUIDString(o, uuid);
    return name_uuid(virNetworkGetName(o), uuid);
}

static json_t *ref_net_port(void *o)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virNetworkPortGetUUIDString(o, uuid);
    json_t *j = json_object();
    json_object_set_new(j, "uuid", json_str(uuid));
    json_object_set_new(j, "network", json_str(virNetworkGetName(virNetworkPortGetNetwork(o))));
    return j;
}

static json_t *ref_pool(void *o)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virStoragePoolGetUUIDString(o, uuid);
    return name_uuid(virStoragePoolGetName(o), uuid);
}

static json_t *ref_volume(void *o)
{
    json_t *j = json_object();
    json_object_set_new(j, "name", json_str(virStorageVolGetName(o)));
    json_object_set_new(j, "key", json_str(virStorageVolGetKey(o)));
    return j;
}

static json_t *ref_secret(void *o)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    int type = virSecretGetUsageType(o);
    virSecretGetUUIDString(o, uuid);
    json_t *j = json_object();
    json_object_set_new(j, "uuid", json_str(uuid));
    json_object_set_new(j, "usage_type", type > 0 ? json_str(secret_usage_name(type))
                                                  : json_null());
    json_object_set_new(j, "usage_id", json_str(type > 0 ? virSecretGetUsageID(o) : NULL));
    return j;
}

static json_t *ref_interface(void *o)
{
    const char *mac = virInterfaceGetMACString(o);
    json_t *j = json_object();
    json_object_set_new(j, "name", json_str(virInterfaceGetName(o)));
    json_object_set_new(j, "mac", mac && *mac ? json_str(mac) : json_null());
    return j;
}

static json_t *ref_nodedev(void *o)
{
    json_t *j = json_object();
    json_object_set_new(j, "name", json_str(virNodeDeviceGetName(o)));
    return j;
}

static json_t *ref_nwfilter(void *o)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virNWFilterGetUUIDString(o, uuid);
    return name_uuid(virNWFilterGetName(o), uuid);
}

static json_t *ref_binding(void *o)
{
    json_t *j = json_object();
    json_object_set_new(j, "portdev", json_str(virNWFilterBindingGetPortDev(o)));
    json_object_set_new(j, "filter", json_str(virNWFilterBindingGetFilterName(o)));
    return j;
}

/* ---- lookups: the resolvers of lookup.c, fed from the arguments ----------- */

static void *find_domain(struct lvsh_session *s, struct lvsh_result *r,
                         const struct lvsh_args *a, const char *key)
{
    (void)a;
    return lookup_domain(s, r, key);
}

static void *find_network(struct lvsh_session *s, struct lvsh_result *r,
                          const struct lvsh_args *a, const char *key)
{
    (void)a;
    return lookup_network(s, r, key);
}

/* a port is found within its --network */
static void *find_net_port(struct lvsh_session *s, struct lvsh_result *r,
                           const struct lvsh_args *a, const char *key)
{
    virNetworkPtr n = lookup_network(s, r, args_str(a, "network"));
    if (!n)
        return NULL;
    virNetworkPortPtr p = virNetworkPortLookupByUUIDString(n, key);
    if (!p)
        err_virt(r, "failed to get network port '%s'", key);
    virNetworkFree(n);
    return p;
}

static void *find_pool(struct lvsh_session *s, struct lvsh_result *r,
                       const struct lvsh_args *a, const char *key)
{
    (void)a;
    return lookup_pool(s, r, key);
}

/* a volume name needs its --pool; a key or path does not */
static void *find_volume(struct lvsh_session *s, struct lvsh_result *r,
                         const struct lvsh_args *a, const char *key)
{
    return lookup_volume(s, r, key,
                         opts_index(a->cmd, "pool") >= 0 ? args_str(a, "pool") : NULL, "pool");
}

static void *find_secret(struct lvsh_session *s, struct lvsh_result *r,
                         const struct lvsh_args *a, const char *key)
{
    (void)a;
    return lookup_secret(s, r, key);
}

static void *find_interface(struct lvsh_session *s, struct lvsh_result *r,
                            const struct lvsh_args *a, const char *key)
{
    (void)a;
    return lookup_iface(s, r, key);
}

static void *find_nodedev(struct lvsh_session *s, struct lvsh_result *r,
                          const struct lvsh_args *a, const char *key)
{
    (void)a;
    return lookup_nodedev(s, r, key);
}

static void *find_nwfilter(struct lvsh_session *s, struct lvsh_result *r,
                           const struct lvsh_args *a, const char *key)
{
    (void)a;
    return lookup_nwfilter(s, r, key);
}

static void *find_binding(struct lvsh_session *s, struct lvsh_result *r,
                          const struct lvsh_args *a, const char *key)
{
    (void)a;
    return lookup_nwfilter_binding(s, r, key);
}

/* ---- frees and names -------------------------------------------------------- */

#define KIND_FREE(fn, type) static void fn##_free(void *o) { fn##Free((type)o); }
KIND_FREE(virDomain, virDomainPtr)
KIND_FREE(virNetwork, virNetworkPtr)
KIND_FREE(virNetworkPort, virNetworkPortPtr)
KIND_FREE(virStoragePool, virStoragePoolPtr)
KIND_FREE(virStorageVol, virStorageVolPtr)
KIND_FREE(virSecret, virSecretPtr)
KIND_FREE(virInterface, virInterfacePtr)
KIND_FREE(virNodeDevice, virNodeDevicePtr)
KIND_FREE(virNWFilter, virNWFilterPtr)
KIND_FREE(virNWFilterBinding, virNWFilterBindingPtr)

static const char *name_domain(void *o) { return virDomainGetName(o); }
static const char *name_network(void *o) { return virNetworkGetName(o); }
static const char *name_none(void *o) { (void)o; return NULL; }
static const char *name_pool(void *o) { return virStoragePoolGetName(o); }
static const char *name_volume(void *o) { return virStorageVolGetName(o); }
static const char *name_secret(void *o) { return virSecretGetUsageID(o); }
static const char *name_interface(void *o) { return virInterfaceGetName(o); }
static const char *name_nodedev(void *o) { return virNodeDeviceGetName(o); }
static const char *name_nwfilter(void *o) { return virNWFilterGetName(o); }
static const char *name_binding(void *o) { return virNWFilterBindingGetPortDev(o); }

/* ---- the table ---------------------------------------------------------------- */

struct kind {
    const char *word;           /* the option naming it unless .target_opt says */
    void *(*lookup)(struct lvsh_session *s, struct lvsh_result *r,
                    const struct lvsh_args *a, const char *key);
    void (*free)(void *obj);
    const char *(*name)(void *obj);
    json_t *(*json_ref)(void *obj);
};

static const struct kind kinds[LVSH_KIND__COUNT] = {
    [LVSH_KIND_DOMAIN] = { "domain", find_domain, virDomain_free, name_domain, ref_domain },
    [LVSH_KIND_NETWORK] = { "network", find_network, virNetwork_free, name_network,
                            ref_network },
    [LVSH_KIND_NET_PORT] = { "port", find_net_port, virNetworkPort_free, name_none,
                             ref_net_port },
    [LVSH_KIND_POOL] = { "pool", find_pool, virStoragePool_free, name_pool, ref_pool },
    [LVSH_KIND_VOLUME] = { "vol", find_volume, virStorageVol_free, name_volume, ref_volume },
    [LVSH_KIND_SECRET] = { "secret", find_secret, virSecret_free, name_secret, ref_secret },
    [LVSH_KIND_INTERFACE] = { "interface", find_interface, virInterface_free,
                              name_interface, ref_interface },
    [LVSH_KIND_NODEDEV] = { "device", find_nodedev, virNodeDevice_free, name_nodedev,
                            ref_nodedev },
    [LVSH_KIND_NWFILTER] = { "nwfilter", find_nwfilter, virNWFilter_free, name_nwfilter,
                             ref_nwfilter },
    [LVSH_KIND_NWFILTER_BINDING] = { "binding", find_binding, virNWFilterBinding_free,
                                     name_binding, ref_binding },
};

json_t *kind_json_ref(enum lvsh_kind k, void *obj)
{
    return kinds[k].json_ref(obj);
}

const char *kind_name(enum lvsh_kind k, void *obj)
{
    return kinds[k].name(obj);
}

void kind_free(enum lvsh_kind k, void *obj)
{
    if (obj)
        kinds[k].free(obj);
}

/* ---- the command's target ------------------------------------------------------ */

const char *target_opt_name(const struct lvsh_cmd *cmd)
{
    return cmd->target_opt ? cmd->target_opt : kinds[cmd->target].word;
}

const char *args_target_key(const struct lvsh_args *a)
{
    return a->cmd->target ? args_str(a, target_opt_name(a->cmd)) : NULL;
}

void *args_target(const struct lvsh_args *a)
{
    return a->target;
}

bool target_resolve(struct lvsh_session *s, struct lvsh_args *a, struct lvsh_result *r)
{
    const char *key = args_target_key(a);
    if (!key)   /* none, or an optional one not given: the handler decides */
        return true;
    a->target = kinds[a->cmd->target].lookup(s, r, a, key);
    return a->target != NULL;
}

void target_release(struct lvsh_args *a)
{
    if (a->cmd && a->target)
        kind_free(a->cmd->target, a->target);
    a->target = NULL;
}

/* ---- actions ------------------------------------------------------------------ */

void act_json(struct lvsh_result *r, enum lvsh_kind k, void *obj, const char *word)
{
    json_t *j = kind_json_ref(k, obj);
    json_object_set_new(j, "action", json_string(word));
    out_json(r, j);
}

void act_done(struct lvsh_result *r, enum lvsh_kind k, void *obj, const char *word,
              const char *fmt, ...)
{
    va_list ap;
    act_json(r, k, obj, word);
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    out_info(r, "%s", msg);
    free(msg);
}

/* The name messages use: the key as typed, or the object's own name. */
static const char *target_word(const struct lvsh_args *a, unsigned flags)
{
    const char *own = flags & LVSH_ACT_NAME ? kind_name(a->cmd->target, a->target) : NULL;
    return own ? own : args_target_key(a);
}

enum lvsh_status target_xml(struct lvsh_result *r, const struct lvsh_args *a, char *xml,
                            const char *fail, unsigned flags)
{
    if (!xml)
        return err_virt(r, fail, target_word(a, flags));
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

enum lvsh_status act_report(struct lvsh_result *r, const struct lvsh_args *a, int rc,
                            const struct lvsh_action *act)
{
    enum lvsh_kind k = a->cmd->target;
    const char *name = target_word(a, act->flags);
    if (rc < 0)
        return err_virt(r, act->fail, name);
    act_done(r, k, a->target, act->word, act->done, name);
    return LVSH_OK;
}

enum lvsh_status act_from_file(struct lvsh_session *s, const struct lvsh_args *a,
                               struct lvsh_result *r, const struct lvsh_from_file *how)
{
    const char *file = args_str(a, "file");
    char *xml = xml_read_file(r, file);
    if (!xml)
        return LVSH_FAILED;
    void *obj = how->make(s->conn, xml, args_flags(a));
    free(xml);
    if (!obj)
        return err_virt(r, how->fail, file);
    act_done(r, how->kind, obj, how->word, how->done, kind_name(how->kind, obj), file);
    if (how->file_json)
        out_json_set(r, "file", json_str(file));
    kind_free(how->kind, obj);
    return LVSH_OK;
}
