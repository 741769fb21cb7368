/* vol.c: storage volume listing, identity and information (vol-list,
 * vol-info, vol-dumpxml, vol-path, vol-key, vol-name, vol-pool). */
#include "storage_common.h"
#include "parallel.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct vol_row {
    virStorageVolPtr vol;
    char *path;
    bool have_info;
    virStorageVolInfo info;
};

static int vol_row_cmp(const void *pa, const void *pb)
{
    const struct vol_row *a = pa, *b = pb;
    return strcasecmp(virStorageVolGetName(a->vol), virStorageVolGetName(b->vol));
}

struct vol_fetch {
    struct vol_row *rows;
    bool info;
};

/* The per-volume calls of row i (run on several threads: par_each). */
static void vol_row_fill(void *ctx, size_t i)
{
    struct vol_fetch *f = ctx;
    struct vol_row *row = &f->rows[i];
    row->path = virStorageVolGetPath(row->vol);
    if (f->info)
        row->have_info = virStorageVolGetInfo(row->vol, &row->info) == 0;
    virResetLastError();
}

/* One listing call; paths and sizes cost one call per volume (libvirt has
 * no bulk volume information), sizes only when shown.  Many of those
 * calls are in flight at once, so they cost a few round-trip latencies. */
static int vol_rows_fetch(virStoragePoolPtr p, bool info, struct vol_row **out)
{
    virStorageVolPtr *vols = NULL;
    int n = virStoragePoolListAllVolumes(p, &vols, 0);
    if (n < 0)
        return -1;
    struct vol_row *rows = xcalloc((size_t)n + 1, sizeof(*rows));
    for (int i = 0; i < n; i++)
        rows[i].vol = vols[i];
    free(vols);
    struct vol_fetch f = { rows, info };
    par_each((size_t)n, vol_row_fill, &f);
    qsort(rows, (size_t)n, sizeof(*rows), vol_row_cmp);
    *out = rows;
    return n;
}

static void vol_cell_size(struct out_table *t, const struct vol_row *row,
                          unsigned long long v)
{
    if (!row->have_info) {
        out_cell(t, json_null(), "unknown");
        return;
    }
    char *s = fmt_size_bytes(v);
    out_cell(t, json_integer((json_int_t)v), s);
    free(s);
}

static void vol_list_table(struct lvsh_result *r, struct vol_row *rows, int n, bool details)
{
    static const struct out_col cols[] = {
        { "Name", "name", 0 },
        { "Path", "path", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    if (details) {
        out_table_col(t, "Type", "type", 0);
        out_table_col(t, "Capacity", "capacity", 0);
        out_table_col(t, "Allocation", "allocation", 0);
    }
    for (int i = 0; i < n; i++) {
        struct vol_row *row = &rows[i];
        out_table_row(t);
        out_cell_str(t, virStorageVolGetName(row->vol));
        if (row->path)
            out_cell_str(t, row->path);
        else
            out_cell(t, json_null(), "unknown");
        if (!details)
            continue;
        out_cell_str(t, row->have_info ? vol_type_name(row->info.type) : "unknown");
        vol_cell_size(t, row, row->info.capacity);
        vol_cell_size(t, row, row->info.allocation);
    }
}

static enum lvsh_status run_vol_list(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    struct vol_row *rows = NULL;
    bool details = args_has(a, "details") || lvsh_wants_json(s, a);
    virStoragePoolPtr p = args_target(a);
    int n = vol_rows_fetch(p, details, &rows);
    if (n < 0)
        err_virt(r, "failed to list the volumes of pool '%s'", args_str(a, "pool"));
    if (n < 0)
        return LVSH_FAILED;
    vol_list_table(r, rows, n, details);
    for (int i = 0; i < n; i++) {
        virStorageVolFree(rows[i].vol);
        free(rows[i].path);
    }
    free(rows);
    return LVSH_OK;
}

static const struct lvsh_opt opts_vol_list[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_ACTIVE, "pool name, uuid or target path"),
    { .name = "details", .type = LVSH_OPT_BOOL, .help = "add type, capacity and allocation" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_list = {
    .name = "vol-list",
    .group = "volume",
    .summary = "list the volumes of a storage pool",
    .description = "List the volumes of an active pool with their paths; --details adds "
                   "type, capacity and allocation (always present in JSON, in bytes).  "
                   "Costs one call per volume for its path (and one for its sizes), "
                   "many in flight at once: libvirt has no bulk form.",
    .opts = opts_vol_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_vol_list,
    .target = LVSH_KIND_POOL,
};

static void info_size(struct lvsh_result *r, const char *label, const char *key,
                      unsigned long long v, bool bytes)
{
    char *text = bytes ? xasprintf("%llu bytes", v) : fmt_size_bytes(v);
    out_field(r, label, key, json_integer((json_int_t)v), text);
    free(text);
}

static enum lvsh_status run_vol_info(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    virStorageVolInfo info;
    bool physical = args_has(a, "physical"), bytes = args_has(a, "bytes");
    virStorageVolPtr v = args_target(a);
    (void)s;
    int rc = physical ? virStorageVolGetInfoFlags(v, &info, VIR_STORAGE_VOL_GET_PHYSICAL)
                      : virStorageVolGetInfo(v, &info);
    if (rc < 0) {
        err_virt(r, "failed to get information of volume '%s'", args_str(a, "vol"));
        return LVSH_FAILED;
    }
    out_field_str(r, "Name", "name", virStorageVolGetName(v));
    out_field_str(r, "Type", "type", vol_type_name(info.type));
    info_size(r, "Capacity", "capacity", info.capacity, bytes);
    if (physical)
        info_size(r, "Physical", "physical", info.allocation, bytes);
    else
        info_size(r, "Allocation", "allocation", info.allocation, bytes);
    return LVSH_OK;
}

static const struct lvsh_opt opts_vol_info[] = {
    VOL_OPT_VOL,
    VOL_OPT_POOL,
    { .name = "bytes", .type = LVSH_OPT_BOOL, .help = "print sizes in bytes" },
    { .name = "physical", .type = LVSH_OPT_BOOL,
      .help = "show the physical size on the host instead of the allocation" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_info = {
    .name = "vol-info",
    .group = "volume",
    .summary = "show information about a storage volume",
    .description = "Print name, type, capacity and allocation (or with --physical the "
                   "size on the host) of a volume; sizes are bytes with --bytes and in JSON.",
    .opts = opts_vol_info,
    .flags = LVSH_CMD_CONN,
    .handler = run_vol_info,
    .target = LVSH_KIND_VOLUME,
};

static enum lvsh_status run_vol_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    return target_xml(r, a, virStorageVolGetXMLDesc(args_target(a), 0),
                      "failed to get the XML of volume '%s'", 0);
}

static const struct lvsh_opt opts_vol_dumpxml[] = {
    VOL_OPT_VOL,
    VOL_OPT_POOL,
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_dumpxml = {
    .name = "vol-dumpxml",
    .group = "volume",
    .summary = "print a storage volume's XML",
    .description = "Print the XML description of a volume; --xpath prints only what an "
                   "XPath expression selects.",
    .opts = opts_vol_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_vol_dumpxml,
    .target = LVSH_KIND_VOLUME,
};

static enum lvsh_status run_vol_path(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    virStorageVolPtr v = args_target(a);
    (void)s;
    char *path = virStorageVolGetPath(v);
    if (!path) {
        err_virt(r, "failed to get the path of volume '%s'", args_str(a, "vol"));
        return LVSH_FAILED;
    }
    out_text(r, "%s\n", path);
    json_t *j = kind_json_ref(LVSH_KIND_VOLUME, v);
    json_object_set_new(j, "path", json_str(path));
    out_json(r, j);
    free(path);
    return LVSH_OK;
}

static const struct lvsh_opt opts_vol_with_pool[] = {
    VOL_OPT_VOL,
    VOL_OPT_POOL,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_path = {
    .name = "vol-path",
    .group = "volume",
    .summary = "print a storage volume's path",
    .description = "Print the path of a volume given by name (with --pool) or key.",
    .opts = opts_vol_with_pool,
    .flags = LVSH_CMD_CONN,
    .handler = run_vol_path,
    .target = LVSH_KIND_VOLUME,
};

static enum lvsh_status run_vol_key(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    virStorageVolPtr v = args_target(a);
    (void)s;
    out_text(r, "%s\n", virStorageVolGetKey(v));
    out_json(r, kind_json_ref(LVSH_KIND_VOLUME, v));
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_vol_key = {
    .name = "vol-key",
    .group = "volume",
    .summary = "print a storage volume's key",
    .description = "Print the key of a volume given by name (with --pool) or path.",
    .opts = opts_vol_with_pool,
    .flags = LVSH_CMD_CONN,
    .handler = run_vol_key,
    .target = LVSH_KIND_VOLUME,
};

static const struct lvsh_opt opts_vol_by_key[] = {
    { .name = "vol", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "volume key or path", .metavar = "vol", .complete = LVSH_COMP_VOLUME },
    LVSH_OPT_END,
};

static enum lvsh_status run_vol_name(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    virStorageVolPtr v = args_target(a);
    (void)s;
    out_text(r, "%s\n", virStorageVolGetName(v));
    out_json(r, kind_json_ref(LVSH_KIND_VOLUME, v));
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_vol_name = {
    .name = "vol-name",
    .group = "volume",
    .summary = "print a storage volume's name",
    .description = "Print the name of a volume given by key or path.",
    .opts = opts_vol_by_key,
    .flags = LVSH_CMD_CONN,
    .handler = run_vol_name,
    .target = LVSH_KIND_VOLUME,
};

static enum lvsh_status run_vol_pool(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    virStorageVolPtr v = args_target(a);
    (void)s;
    virStoragePoolPtr p = virStoragePoolLookupByVolume(v);
    if (!p)
        err_virt(r, "failed to get the pool of volume '%s'", args_str(a, "vol"));
    if (!p)
        return LVSH_FAILED;
    json_t *j = kind_json_ref(LVSH_KIND_POOL, p);
    if (args_has(a, "uuid"))
        out_text(r, "%s\n", json_string_value(json_object_get(j, "uuid")));
    else
        out_text(r, "%s\n", virStoragePoolGetName(p));
    out_json(r, j);
    virStoragePoolFree(p);
    return LVSH_OK;
}

static const struct lvsh_opt opts_vol_pool[] = {
    { .name = "vol", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "volume key or path", .metavar = "vol", .complete = LVSH_COMP_VOLUME },
    { .name = "uuid", .type = LVSH_OPT_BOOL, .help = "print the pool's UUID, not its name" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_pool = {
    .name = "vol-pool",
    .group = "volume",
    .summary = "print the storage pool a volume belongs to",
    .description = "Print the name (or with --uuid the UUID) of the pool of a volume "
                   "given by key or path.",
    .opts = opts_vol_pool,
    .flags = LVSH_CMD_CONN,
    .handler = run_vol_pool,
    .target = LVSH_KIND_VOLUME,
};

LVSH_FAMILY(vol) = { &cmd_vol_list, &cmd_vol_info, &cmd_vol_dumpxml,
                     &cmd_vol_path, &cmd_vol_key, &cmd_vol_name,
                     &cmd_vol_pool, NULL };
