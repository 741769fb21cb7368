/* pool.c: storage pool listing, identity and information (pool-list,
 * pool-info, pool-uuid, pool-name, pool-dumpxml; pool-capabilities is in host.c). */
#include "storage_common.h"
#include "parallel.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct pool_row {
    virStoragePoolPtr pool;
    char uuid[VIR_UUID_STRING_BUFLEN];
    bool active, autostart, persistent;
    bool have_info;
    virStoragePoolInfo info;
};

static const struct { const char *name; unsigned flag; } pool_types[] = {
    { "dir", VIR_CONNECT_LIST_STORAGE_POOLS_DIR },
    { "fs", VIR_CONNECT_LIST_STORAGE_POOLS_FS },
    { "netfs", VIR_CONNECT_LIST_STORAGE_POOLS_NETFS },
    { "logical", VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL },
    { "disk", VIR_CONNECT_LIST_STORAGE_POOLS_DISK },
    { "iscsi", VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI },
    { "iscsi-direct", VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT },
    { "scsi", VIR_CONNECT_LIST_STORAGE_POOLS_SCSI },
    { "mpath", VIR_CONNECT_LIST_STORAGE_POOLS_MPATH },
    { "rbd", VIR_CONNECT_LIST_STORAGE_POOLS_RBD },
    { "sheepdog", VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG },
    { "gluster", VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER },
    { "zfs", VIR_CONNECT_LIST_STORAGE_POOLS_ZFS },
    { "vstorage", VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE },
};

/* --type takes a comma-separated list of pool types. */
static enum lvsh_status list_type_flags(const char *types, unsigned *flags,
                                        struct lvsh_result *r)
{
    char *list = xstrdup(types), *save = NULL;
    enum lvsh_status st = LVSH_OK;
    for (char *t = strtok_r(list, ",", &save); t && st == LVSH_OK;
         t = strtok_r(NULL, ",", &save)) {
        size_t i = 0;
        while (i < sizeof(pool_types) / sizeof(pool_types[0]) && strcmp(pool_types[i].name, t))
            i++;
        if (i == sizeof(pool_types) / sizeof(pool_types[0]))
            st = err_usage(r, "invalid pool type '%s'", t);
        else
            *flags |= pool_types[i].flag;
    }
    free(list);
    return st;
}

static unsigned list_flags(const struct lvsh_args *a)
{
    static const struct { const char *opt; unsigned flag; } map[] = {
        { "persistent", VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT },
        { "transient", VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT },
        { "autostart", VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART },
        { "no-autostart", VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART },
    };
    unsigned flags = 0;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (args_has(a, map[i].opt))
            flags |= map[i].flag;
    if (args_has(a, "all"))
        return flags;
    if (args_has(a, "inactive"))
        return flags | VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE;
    return flags | VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE;
}

static int uuid_cmp(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* One listing of pools (run on its own thread: par_calls). */
struct pool_listing {
    virConnectPtr conn;
    unsigned flags;
    virStoragePoolPtr *pools;
    int n;
    virErrorPtr err;
};

static void pool_listing_fetch(void *ctx, size_t i)
{
    struct pool_listing *l = (struct pool_listing *)ctx + i;
    l->n = virConnectListAllStoragePools(l->conn, &l->pools, l->flags);
    if (l->n < 0)
        l->err = virSaveLastError();
    virResetLastError();
}

/* Set one boolean of every row from a filtered listing, and free it. */
static void rows_mark(struct pool_row *rows, int n, struct pool_listing *l, size_t field)
{
    int m = l->n;
    virFreeError(l->err);
    if (m < 0)
        return;
    char (*uuids)[VIR_UUID_STRING_BUFLEN] = xcalloc((size_t)m + 1, sizeof(*uuids));
    for (int k = 0; k < m; k++) {
        virStoragePoolGetUUIDString(l->pools[k], uuids[k]);
        virStoragePoolFree(l->pools[k]);
    }
    free(l->pools);
    qsort(uuids, (size_t)m, sizeof(*uuids), uuid_cmp);
    for (int i = 0; i < n; i++)
        *(bool *)((char *)&rows[i] + field) =
            bsearch(rows[i].uuid, uuids, (size_t)m, sizeof(*uuids), uuid_cmp) != NULL;
    free(uuids);
}

static int row_cmp(const void *pa, const void *pb)
{
    const struct pool_row *a = pa, *b = pb;
    return strcasecmp(virStoragePoolGetName(a->pool), virStoragePoolGetName(b->pool));
}

/* Row i's sizes (run on several threads: par_each). */
static void row_info(void *ctx, size_t i)
{
    struct pool_row *row = (struct pool_row *)ctx + i;
    row->have_info = virStoragePoolGetInfo(row->pool, &row->info) == 0;
    if (!row->have_info)
        virResetLastError();
}

/* The pools and their flags in four listings, made together; sizes cost
 * one call per pool (libvirt has no bulk pool statistics), only when
 * shown, many in flight at once.  NULL *err: no listing at all. */
static int rows_fetch(virConnectPtr conn, unsigned flags, bool marks, bool info,
                      struct pool_row **out, virErrorPtr *err)
{
    struct pool_listing l[4] = {
        { conn, flags, NULL, 0, NULL },
        { conn, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, NULL, 0, NULL },
        { conn, VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART, NULL, 0, NULL },
        { conn, VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT, NULL, 0, NULL },
    };
    par_calls(marks ? 4 : 1, pool_listing_fetch, l);
    int n = l[0].n;
    struct pool_row *rows = n < 0 ? NULL : xcalloc((size_t)n + 1, sizeof(*rows));
    for (int i = 0; i < n; i++) {
        rows[i].pool = l[0].pools[i];
        virStoragePoolGetUUIDString(l[0].pools[i], rows[i].uuid);
    }
    free(l[0].pools);
    *err = l[0].err;
    rows_mark(rows, n, &l[1], offsetof(struct pool_row, active));
    rows_mark(rows, n, &l[2], offsetof(struct pool_row, autostart));
    rows_mark(rows, n, &l[3], offsetof(struct pool_row, persistent));
    if (n < 0)
        return -1;
    if (info)
        par_each((size_t)n, row_info, rows);
    qsort(rows, (size_t)n, sizeof(*rows), row_cmp);
    *out = rows;
    return n;
}

/* Pools report sizes only while running (or degraded). */
static bool row_has_sizes(const struct pool_row *row)
{
    return row->have_info && (row->info.state == VIR_STORAGE_POOL_RUNNING ||
                              row->info.state == VIR_STORAGE_POOL_DEGRADED);
}

static void cell_size(struct out_table *t, const struct pool_row *row,
                      unsigned long long v)
{
    if (!row_has_sizes(row)) {
        out_cell(t, json_null(), row->have_info ? "-" : "unknown");
        return;
    }
    char *s = fmt_size_bytes(v);
    out_cell(t, json_integer((json_int_t)v), s);
    free(s);
}

static void list_table(struct lvsh_result *r, struct pool_row *rows, int n, bool details)
{
    static const struct out_col cols[] = {
        { "Name", "name", 0 },
        { "State", "state", 0 },
        { "Autostart", "autostart", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    if (details) {
        out_table_col(t, "Persistent", "persistent", 0);
        out_table_col(t, "Capacity", "capacity", 0);
        out_table_col(t, "Allocation", "allocation", 0);
        out_table_col(t, "Available", "available", 0);
    }
    for (int i = 0; i < n; i++) {
        struct pool_row *row = &rows[i];
        out_table_row(t);
        out_cell_str(t, virStoragePoolGetName(row->pool));
        if (!details)
            out_cell_str(t, row->active ? "active" : "inactive");
        else
            out_cell_str(t, row->have_info ? pool_state_name(row->info.state) : "unknown");
        out_cell(t, json_boolean(row->autostart), yes_no(row->autostart));
        if (!details)
            continue;
        out_cell(t, json_boolean(row->persistent), yes_no(row->persistent));
        cell_size(t, row, row->info.capacity);
        cell_size(t, row, row->info.allocation);
        cell_size(t, row, row->info.available);
    }
}

static json_t *size_json(const struct pool_row *row, unsigned long long v)
{
    return row_has_sizes(row) ? json_integer((json_int_t)v) : json_null();
}

static void list_json(struct lvsh_result *r, struct pool_row *rows, int n)
{
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        struct pool_row *row = &rows[i];
        json_t *o = kind_json_ref(LVSH_KIND_POOL, row->pool);
        json_object_set_new(o, "state", json_str(row->have_info ?
                                                 pool_state_name(row->info.state) :
                                                 row->active ? "running" : "inactive"));
        json_object_set_new(o, "active", json_boolean(row->active));
        json_object_set_new(o, "persistent", json_boolean(row->persistent));
        json_object_set_new(o, "autostart", json_boolean(row->autostart));
        json_object_set_new(o, "capacity", size_json(row, row->info.capacity));
        json_object_set_new(o, "allocation", size_json(row, row->info.allocation));
        json_object_set_new(o, "available", size_json(row, row->info.available));
        json_array_append_new(arr, o);
    }
    out_json(r, arr);
}

/* virsh pads names to 20 bytes and UUIDs to 36 in these plain forms. */
static void list_plain(struct lvsh_result *r, struct pool_row *rows, int n, bool uuid,
                       bool name)
{
    for (int i = 0; i < n; i++) {
        if (uuid && name)
            out_text(r, "%-36s %-20s\n", rows[i].uuid, virStoragePoolGetName(rows[i].pool));
        else if (uuid)
            out_text(r, "%-36s\n", rows[i].uuid);
        else
            out_text(r, "%-20s\n", virStoragePoolGetName(rows[i].pool));
    }
}

static enum lvsh_status run_pool_list(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    unsigned flags = list_flags(a);
    const char *types = args_str(a, "type");
    bool json = lvsh_wants_json(s, a), details = args_has(a, "details");
    bool uuid = args_has(a, "uuid"), name = args_has(a, "name");
    struct pool_row *rows = NULL;

    if (types && list_type_flags(types, &flags, r) != LVSH_OK)
        return LVSH_USAGE;
    virErrorPtr err = NULL;
    int n = rows_fetch(s->conn, flags, json || !(uuid || name), json || details, &rows, &err);
    if (n < 0)
        return par_fail(r, err, "failed to list pools");
    if (json)
        list_json(r, rows, n);
    else if (uuid || name)
        list_plain(r, rows, n, uuid, name);
    else
        list_table(r, rows, n, details);
    for (int i = 0; i < n; i++)
        virStoragePoolFree(rows[i].pool);
    free(rows);
    return LVSH_OK;
}

#define LIST_BOOL(n, h) { .name = n, .type = LVSH_OPT_BOOL, .help = h }
static const struct lvsh_opt opts_pool_list[] = {
    LIST_BOOL("inactive", "list inactive pools only"),
    LIST_BOOL("all", "list active and inactive pools"),
    LIST_BOOL("transient", "list transient pools"),
    LIST_BOOL("persistent", "list persistent pools"),
    LIST_BOOL("autostart", "list pools with autostart enabled"),
    LIST_BOOL("no-autostart", "list pools with autostart disabled"),
    { .name = "type", .type = LVSH_OPT_STRING, .metavar = "types",
      .help = "list only pools of these types, comma-separated (dir,logical,...)" },
    LIST_BOOL("details", "add state, persistence and sizes"),
    LIST_BOOL("uuid", "print UUIDs only"),
    LIST_BOOL("name", "print names only"),
    LVSH_OPT_END,
};

static const char *const excl_pool_list[] = {
    "details uuid", "details name", "persistent transient", "autostart no-autostart", NULL,
};

static const struct lvsh_cmd cmd_pool_list = {
    .name = "pool-list",
    .group = "pool",
    .summary = "list storage pools",
    .description = "List active pools, or with --inactive/--all the others too.  Filters "
                   "combine; --name and --uuid print one line per pool for scripts (both "
                   "together: UUID then name).  The listing itself costs four calls to the "
                   "daemon whatever the number of pools; --details and JSON add one call "
                   "per pool for its sizes, which are bytes in JSON.",
    .opts = opts_pool_list,
    .exclusive = excl_pool_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_pool_list,
};

static void info_sizes(struct lvsh_result *r, const virStoragePoolInfo *info, bool bytes)
{
    static const char *const labels[] = { "Capacity", "Allocation", "Available" };
    static const char *const keys[] = { "capacity", "allocation", "available" };
    const unsigned long long v[] = { info->capacity, info->allocation, info->available };
    for (int i = 0; i < 3; i++) {
        char *text = size_text(v[i], bytes);
        out_field(r, labels[i], keys[i], json_integer((json_int_t)v[i]), text);
        free(text);
    }
}

static enum lvsh_status run_pool_info(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virStoragePoolInfo info;
    virStoragePoolPtr p = args_target(a);
    (void)s;
    if (virStoragePoolGetInfo(p, &info) < 0) {
        err_virt(r, "failed to get information of pool '%s'", args_str(a, "pool"));
        return LVSH_FAILED;
    }
    out_field_str(r, "Name", "name", virStoragePoolGetName(p));
    virStoragePoolGetUUIDString(p, uuid);
    out_field_str(r, "UUID", "uuid", uuid);
    out_field_str(r, "State", "state", pool_state_name(info.state));
    int persistent = virStoragePoolIsPersistent(p);
    if (persistent < 0)
        out_field(r, "Persistent", "persistent", json_null(), "unknown");
    else
        out_field(r, "Persistent", "persistent", json_boolean(persistent), NULL);
    int autostart = 0;
    if (virStoragePoolGetAutostart(p, &autostart) < 0)
        out_field(r, "Autostart", "autostart", json_null(), "no autostart");
    else
        out_field(r, "Autostart", "autostart", json_boolean(autostart), NULL);
    virResetLastError();
    if (info.state == VIR_STORAGE_POOL_RUNNING || info.state == VIR_STORAGE_POOL_DEGRADED)
        info_sizes(r, &info, args_has(a, "bytes"));
    return LVSH_OK;
}

static const struct lvsh_opt opts_pool_info[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL, "pool name, uuid or target path"),
    { .name = "bytes", .type = LVSH_OPT_BOOL, .help = "print sizes in bytes" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_info = {
    .name = "pool-info",
    .group = "pool",
    .summary = "show information about a storage pool",
    .description = "Print name, UUID, state, persistence, autostart and, for a running "
                   "pool, its capacity, allocation and available space (in bytes with "
                   "--bytes, and always in JSON).",
    .opts = opts_pool_info,
    .flags = LVSH_CMD_CONN,
    .handler = run_pool_info,
    .target = LVSH_KIND_POOL,
};

static const struct lvsh_opt opts_pool_only[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL, "pool name, uuid or target path"),
    LVSH_OPT_END,
};

static enum lvsh_status run_pool_uuid(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    virStoragePoolPtr p = args_target(a);
    (void)s;
    if (virStoragePoolGetUUIDString(p, uuid) < 0) {
        err_virt(r, "failed to get the UUID of pool '%s'", args_str(a, "pool"));
        return LVSH_FAILED;
    }
    out_text(r, "%s\n", uuid);
    out_json(r, kind_json_ref(LVSH_KIND_POOL, p));
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_pool_uuid = {
    .name = "pool-uuid",
    .group = "pool",
    .summary = "convert a pool name to its UUID",
    .description = "Print the UUID of the pool given by name (or target path).",
    .opts = opts_pool_only,
    .flags = LVSH_CMD_CONN,
    .handler = run_pool_uuid,
    .target = LVSH_KIND_POOL,
};

static enum lvsh_status run_pool_name(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    virStoragePoolPtr p = args_target(a);
    (void)s;
    out_text(r, "%s\n", virStoragePoolGetName(p));
    out_json(r, kind_json_ref(LVSH_KIND_POOL, p));
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_pool_name = {
    .name = "pool-name",
    .group = "pool",
    .summary = "convert a pool UUID to its name",
    .description = "Print the name of the pool given by UUID (or target path).",
    .opts = opts_pool_only,
    .flags = LVSH_CMD_CONN,
    .handler = run_pool_name,
    .target = LVSH_KIND_POOL,
};

static enum lvsh_status run_pool_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    (void)s;
    return target_xml(r, a, virStoragePoolGetXMLDesc(args_target(a), args_flags(a)),
                      "failed to get the XML of pool '%s'", 0);
}

static const struct lvsh_opt opts_pool_dumpxml[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL, "pool name, uuid or target path"),
    { .name = "inactive", .type = LVSH_OPT_BOOL, .flag = VIR_STORAGE_XML_INACTIVE,
      .help = "show the configuration the pool will have at its next start" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_dumpxml = {
    .name = "pool-dumpxml",
    .group = "pool",
    .summary = "print a storage pool's XML",
    .description = "Print the XML description of a pool; --xpath prints only what an "
                   "XPath expression selects.",
    .opts = opts_pool_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_pool_dumpxml,
    .target = LVSH_KIND_POOL,
};

LVSH_FAMILY(pool) = { &cmd_pool_list, &cmd_pool_info, &cmd_pool_uuid,
                      &cmd_pool_name, &cmd_pool_dumpxml,
                      NULL };
