/* lookup.c: one resolver per object family, accepting every key libvirt
 * offers (and a few virsh does not: pool target paths, secret usage ids). */
#include "lvsh.h"
#include "result.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

static bool looks_like_uuid(const char *s)
{
    int hex = 0;
    for (const char *p = s; *p; p++) {
        if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F'))
            hex++;
        else if (*p != '-' && *p != ' ')
            return false;
    }
    return hex == 32;
}

static bool parse_id(const char *s, int *id)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || v < 0 || v > 0x7fffffff)
        return false;
    *id = (int)v;
    return true;
}

/* Record "failed to get KIND 'key'" with libvirt's last error as detail. */
static void *not_found(struct lvsh_result *r, const char *kind, const char *key)
{
    err_virt(r, "failed to get %s '%s'", kind, key);
    return NULL;
}

static void append_msg(struct lvsh_result *r, const char *tail)
{
    if (!r->err_msg)
        return;
    char *msg = xasprintf("%s%s", r->err_msg, tail);
    free(r->err_msg);
    r->err_msg = msg;
}

/* Append "(did you mean 'x'?)" to the error when a name is close to key.
 * Only on failure, so the listing costs nothing on the good path. */
static void hint_names(struct lvsh_result *r, const char *key, char **names, int n)
{
    struct suggest sg;
    suggest_init(&sg, key);
    for (int i = 0; i < n; i++)
        suggest_add(&sg, names[i], NULL);
    char *hint = suggest_take(&sg);
    if (hint) {
        char *tail = xasprintf(" (did you mean %s?)", hint);
        append_msg(r, tail);
        free(tail);
    }
    free(hint);
}

static void *domain_not_found(virConnectPtr conn, struct lvsh_result *r, const char *key)
{
    virDomainPtr *doms = NULL;
    not_found(r, "domain", key);
    int n = virConnectListAllDomains(conn, &doms, 0);
    char **names = xcalloc(n > 0 ? (size_t)n : 1, sizeof(char *));
    for (int i = 0; i < n; i++)
        names[i] = (char *)virDomainGetName(doms[i]);
    hint_names(r, key, names, n);
    for (int i = 0; i < n; i++)
        virDomainFree(doms[i]);
    free(doms);
    free(names);
    return NULL;
}

static void *network_not_found(virConnectPtr conn, struct lvsh_result *r,
                               const char *key)
{
    virNetworkPtr *nets = NULL;
    not_found(r, "network", key);
    int n = virConnectListAllNetworks(conn, &nets, 0);
    char **names = xcalloc(n > 0 ? (size_t)n : 1, sizeof(char *));
    for (int i = 0; i < n; i++)
        names[i] = (char *)virNetworkGetName(nets[i]);
    hint_names(r, key, names, n);
    for (int i = 0; i < n; i++)
        virNetworkFree(nets[i]);
    free(nets);
    free(names);
    return NULL;
}

static void *pool_not_found(virConnectPtr conn, struct lvsh_result *r, const char *key)
{
    virStoragePoolPtr *pools = NULL;
    not_found(r, "pool", key);
    int n = virConnectListAllStoragePools(conn, &pools, 0);
    char **names = xcalloc(n > 0 ? (size_t)n : 1, sizeof(char *));
    for (int i = 0; i < n; i++)
        names[i] = (char *)virStoragePoolGetName(pools[i]);
    hint_names(r, key, names, n);
    for (int i = 0; i < n; i++)
        virStoragePoolFree(pools[i]);
    free(pools);
    free(names);
    return NULL;
}

virDomainPtr lookup_domain(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    virDomainPtr d = NULL;
    int id;
    if (parse_id(key, &id))
        d = virDomainLookupByID(s->conn, id);
    if (!d && looks_like_uuid(key))
        d = virDomainLookupByUUIDString(s->conn, key);
    if (!d)
        d = virDomainLookupByName(s->conn, key);
    if (d)
        return d;
    /* virsh drops libvirt's "Domain not found" here: one line in text (and
     * lvsh's "did you mean" only outside virsh mode) */
    if (s->virsh_mode)
        not_found(r, "domain", key);
    else
        domain_not_found(s->conn, r, key);
    /* other failures (a name too big for the RPC layer) keep libvirt's line */
    r->err_msg_only = r->err_code == VIR_ERR_NO_DOMAIN;
    return NULL;
}

virNetworkPtr lookup_network(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    virNetworkPtr n = NULL;
    if (looks_like_uuid(key))
        n = virNetworkLookupByUUIDString(s->conn, key);
    if (!n)
        n = virNetworkLookupByName(s->conn, key);
    return n ? n : network_not_found(s->conn, r, key);
}

/* The text of an XPath expression on an XML document, or NULL. */
static char *xpath_text(const char *xml, const char *expr)
{
    xmlDocPtr doc = xml ? xmlReadMemory(xml, (int)strlen(xml), "obj.xml", NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                                        XML_PARSE_NOWARNING) : NULL;
    if (!doc)
        return NULL;
    char *out = NULL;
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = ctx ? xmlXPathEvalExpression(BAD_CAST expr, ctx) : NULL;
    if (obj) {
        xmlChar *c = xmlXPathCastToString(obj);
        if (c && *c)
            out = xstrdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return out;
}

/* Strip trailing slashes so "/var/lib/x/" matches "/var/lib/x". */
static bool same_path(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    while (la > 1 && a[la - 1] == '/') la--;
    while (lb > 1 && b[lb - 1] == '/') lb--;
    return la == lb && strncmp(a, b, la) == 0;
}

static virStoragePoolPtr pool_by_target(virConnectPtr conn, const char *path)
{
    virStoragePoolPtr *pools = NULL, found = NULL;
    int n = virConnectListAllStoragePools(conn, &pools, 0);
    for (int i = 0; i < n; i++) {
        if (!found) {
            char *xml = virStoragePoolGetXMLDesc(pools[i], 0);
            char *target = xpath_text(xml, "string(/pool/target/path)");
            if (target && same_path(target, path)) {
                found = pools[i];
                pools[i] = NULL;
            }
            free(target);
            free(xml);
        }
        if (pools[i])
            virStoragePoolFree(pools[i]);
    }
    free(pools);
    return found;
}

virStoragePoolPtr lookup_pool(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    virStoragePoolPtr p = NULL;
    if (key[0] == '/') {   /* pool names cannot hold '/': a target path */
        p = pool_by_target(s->conn, key);
        virResetLastError();
        if (p)
            return p;
        /* as virsh: the name lookup's error */
        p = virStoragePoolLookupByName(s->conn, key);
        return p ? p : not_found(r, "pool", key);
    }
    if (looks_like_uuid(key))
        p = virStoragePoolLookupByUUIDString(s->conn, key);
    if (!p)
        p = virStoragePoolLookupByName(s->conn, key);
    return p ? p : pool_not_found(s->conn, r, key);
}

virStorageVolPtr lookup_volume(struct lvsh_session *s, struct lvsh_result *r,
                               const char *key, const char *pool, const char *pool_opt)
{
    virStorageVolPtr v = NULL;
    if (pool) {
        virStoragePoolPtr p = lookup_pool(s, r, pool);
        if (!p)
            return NULL;
        v = virStorageVolLookupByName(p, key);
        virStoragePoolFree(p);
    }
    if (!v)
        v = virStorageVolLookupByKey(s->conn, key);
    if (!v)
        v = virStorageVolLookupByPath(s->conn, key);
    if (v)
        return v;
    /* virsh's hint: a bare name is only found with its pool */
    not_found(r, "vol", key);
    if (!pool) {
        char *hint = xasprintf(", specifying --%s might help", pool_opt);
        append_msg(r, hint);
        free(hint);
    }
    return NULL;
}

virSecretPtr lookup_secret(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    static const int usages[] = {
        VIR_SECRET_USAGE_TYPE_VOLUME, VIR_SECRET_USAGE_TYPE_CEPH,
        VIR_SECRET_USAGE_TYPE_ISCSI, VIR_SECRET_USAGE_TYPE_TLS,
        VIR_SECRET_USAGE_TYPE_VTPM,
    };
    /* the UUID lookup's error is the one virsh reports, so it goes first */
    virSecretPtr sec = virSecretLookupByUUIDString(s->conn, key);
    if (sec)
        return sec;
    virErrorPtr uuid_err = virSaveLastError();
    for (size_t i = 0; !sec && i < sizeof(usages) / sizeof(usages[0]); i++)
        sec = virSecretLookupByUsage(s->conn, usages[i], key);
    if (!sec) {
        not_found(r, "secret", key);
        if (uuid_err && uuid_err->message) {
            free(r->err_detail);
            r->err_detail = xstrdup(uuid_err->message);
            r->err_code = uuid_err->code;
        }
    }
    virFreeError(uuid_err);
    return sec;
}

virNWFilterPtr lookup_nwfilter(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    virNWFilterPtr f = NULL;
    if (looks_like_uuid(key))
        f = virNWFilterLookupByUUIDString(s->conn, key);
    if (!f)
        f = virNWFilterLookupByName(s->conn, key);
    return f ? f : not_found(r, "nwfilter", key);
}

virNWFilterBindingPtr lookup_nwfilter_binding(struct lvsh_session *s, struct lvsh_result *r,
                                              const char *portdev)
{
    virNWFilterBindingPtr b = virNWFilterBindingLookupByPortDev(s->conn, portdev);
    return b ? b : not_found(r, "nwfilter binding", portdev);
}

virInterfacePtr lookup_iface(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    virInterfacePtr i = virInterfaceLookupByName(s->conn, key);
    if (!i && strchr(key, ':'))
        i = virInterfaceLookupByMACString(s->conn, key);
    return i ? i : not_found(r, "interface", key);
}

virNodeDevicePtr lookup_nodedev(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    virNodeDevicePtr d = NULL;
    const char *comma = strchr(key, ',');
    if (comma && !strchr(comma + 1, ',')) {
        char *wwnn = xstrndup(key, (size_t)(comma - key));
        d = virNodeDeviceLookupSCSIHostByWWN(s->conn, wwnn, comma + 1, 0);
        free(wwnn);
    }
    if (!d)
        d = virNodeDeviceLookupByName(s->conn, key);
    if (!d)   /* virsh's words */
        err_virt(r, "Could not find matching device '%s'", key);
    return d;
}
