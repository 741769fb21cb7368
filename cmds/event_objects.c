/* event_objects.c: network, storage pool, node device and secret events
 * (lifecycle plus each family's generic event), decoded like virsh. */
#include "event_common.h"
#include "util.h"

#include <stdlib.h>

/* Lifecycle: "Started", and in JSON {"event": "Started"}. */
static void lifecycle_emit(void *op, const char *family, const char *name, const char *uuid,
                           const char *word)
{
    ev_emit(op, family, "lifecycle", name, uuid, json_pack("{s:s}", "event", word), ": %s",
            word);
}

/* ---- network ------------------------------------------------------------ */

const char *const ev_net_names[] = { "lifecycle", NULL };
static const char *const net_lc[] = { "Defined", "Undefined", "Started", "Stopped" };

static void net_lifecycle(virConnectPtr c, virNetworkPtr net, int event, int detail, void *op)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    (void)c, (void)detail;
    virNetworkGetUUIDString(net, uuid);
    lifecycle_emit(op, "network", virNetworkGetName(net), uuid, EV_WORD(net_lc, event));
}

static int net_register(virConnectPtr conn, void *obj, int id, void *opaque,
                        virFreeCallback freecb)
{
    (void)id;
    return virConnectNetworkEventRegisterAny(conn, obj, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                             VIR_NETWORK_EVENT_CALLBACK(net_lifecycle),
                                             opaque, freecb);
}

static void *net_lookup(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    return lookup_network(s, r, key);
}

static void net_free(void *obj)
{
    virNetworkFree(obj);
}

const struct ev_family ev_family_network = {
    .name = "network", .command = "net-event", .object_opt = "network",
    .events = ev_net_names, .nevents = 1, .reg = net_register,
    .dereg = virConnectNetworkEventDeregisterAny, .lookup = net_lookup, .obj_free = net_free,
};

/* ---- storage pool ------------------------------------------------------- */

const char *const ev_pool_names[] = { "lifecycle", "refresh", NULL };
static const char *const pool_lc[] = {
    "Defined", "Undefined", "Started", "Stopped", "Created", "Deleted",
};

static void pool_ids(virStoragePoolPtr pool, char *uuid)
{
    uuid[0] = '\0';
    virStoragePoolGetUUIDString(pool, uuid);
}

static void pool_lifecycle(virConnectPtr c, virStoragePoolPtr pool, int event, int detail,
                           void *op)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    (void)c, (void)detail;
    pool_ids(pool, uuid);
    lifecycle_emit(op, "pool", virStoragePoolGetName(pool), uuid, EV_WORD(pool_lc, event));
}

static void pool_refresh(virConnectPtr c, virStoragePoolPtr pool, void *op)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    (void)c;
    pool_ids(pool, uuid);
    ev_emit(op, "pool", "refresh", virStoragePoolGetName(pool), uuid, json_object(), "%s", "");
}

static int pool_register(virConnectPtr conn, void *obj, int id, void *opaque,
                         virFreeCallback freecb)
{
    virConnectStoragePoolEventGenericCallback cb =
        id == VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE ? VIR_STORAGE_POOL_EVENT_CALLBACK(pool_lifecycle)
                                                  : VIR_STORAGE_POOL_EVENT_CALLBACK(pool_refresh);
    return virConnectStoragePoolEventRegisterAny(conn, obj, id, cb, opaque, freecb);
}

static void *pool_lookup(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    return lookup_pool(s, r, key);
}

static void pool_free(void *obj)
{
    virStoragePoolFree(obj);
}

const struct ev_family ev_family_pool = {
    .name = "pool", .command = "pool-event", .object_opt = "pool",
    .events = ev_pool_names, .nevents = 2, .reg = pool_register,
    .dereg = virConnectStoragePoolEventDeregisterAny, .lookup = pool_lookup,
    .obj_free = pool_free,
};

/* ---- node device -------------------------------------------------------- */

const char *const ev_nodedev_names[] = { "lifecycle", "update", NULL };
static const char *const nodedev_lc[] = { "Created", "Deleted", "Defined", "Undefined" };

static void nodedev_lifecycle(virConnectPtr c, virNodeDevicePtr dev, int event, int detail,
                              void *op)
{
    (void)c, (void)detail;
    lifecycle_emit(op, "nodedev", virNodeDeviceGetName(dev), NULL, EV_WORD(nodedev_lc, event));
}

static void nodedev_update(virConnectPtr c, virNodeDevicePtr dev, void *op)
{
    (void)c;
    ev_emit(op, "nodedev", "update", virNodeDeviceGetName(dev), NULL, json_object(), "%s", "");
}

static int nodedev_register(virConnectPtr conn, void *obj, int id, void *opaque,
                            virFreeCallback freecb)
{
    virConnectNodeDeviceEventGenericCallback cb =
        id == VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE ? VIR_NODE_DEVICE_EVENT_CALLBACK(nodedev_lifecycle)
                                                 : VIR_NODE_DEVICE_EVENT_CALLBACK(nodedev_update);
    return virConnectNodeDeviceEventRegisterAny(conn, obj, id, cb, opaque, freecb);
}

static void *nodedev_lookup(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    return lookup_nodedev(s, r, key);
}

static void nodedev_free(void *obj)
{
    virNodeDeviceFree(obj);
}

const struct ev_family ev_family_nodedev = {
    .name = "nodedev", .command = "nodedev-event", .object_opt = "device",
    .events = ev_nodedev_names, .nevents = 2, .reg = nodedev_register,
    .dereg = virConnectNodeDeviceEventDeregisterAny, .lookup = nodedev_lookup,
    .obj_free = nodedev_free,
};

/* ---- secret ------------------------------------------------------------- */

const char *const ev_secret_names[] = { "lifecycle", "value-changed", NULL };
static const char *const secret_lc[] = { "Defined", "Undefined" };

static void secret_lifecycle(virConnectPtr c, virSecretPtr sec, int event, int detail,
                             void *op)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    (void)c, (void)detail;
    virSecretGetUUIDString(sec, uuid);
    lifecycle_emit(op, "secret", uuid, uuid, EV_WORD(secret_lc, event));
}

static void secret_value_changed(virConnectPtr c, virSecretPtr sec, void *op)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    (void)c;
    virSecretGetUUIDString(sec, uuid);
    ev_emit(op, "secret", "value-changed", uuid, uuid, json_object(), "%s", "");
}

static int secret_register(virConnectPtr conn, void *obj, int id, void *opaque,
                           virFreeCallback freecb)
{
    virConnectSecretEventGenericCallback cb =
        id == VIR_SECRET_EVENT_ID_LIFECYCLE ? VIR_SECRET_EVENT_CALLBACK(secret_lifecycle)
                                            : VIR_SECRET_EVENT_CALLBACK(secret_value_changed);
    return virConnectSecretEventRegisterAny(conn, obj, id, cb, opaque, freecb);
}

static void *secret_lookup(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    return lookup_secret(s, r, key);
}

static void secret_free(void *obj)
{
    virSecretFree(obj);
}

const struct ev_family ev_family_secret = {
    .name = "secret", .command = "secret-event", .object_opt = "secret",
    .events = ev_secret_names, .nevents = 2, .reg = secret_register,
    .dereg = virConnectSecretEventDeregisterAny, .lookup = secret_lookup,
    .obj_free = secret_free,
};
