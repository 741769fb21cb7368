/* pool_life.c: a storage pool's life (pool-build, pool-start, pool-destroy,
 * pool-delete, pool-undefine, pool-refresh, pool-autostart). */
#include "json_action.h"
#include "storage_common.h"

#include <stdlib.h>
#include <string.h>

/* Run one libvirt pool operation and report it the way virsh does. */
static enum lvsh_status pool_do(struct lvsh_session *s, const struct lvsh_args *a,
                                struct lvsh_result *r,
                                int (*op)(virStoragePoolPtr, unsigned), unsigned flags,
                                const char *verb, const char *done)
{
    virStoragePoolPtr p = pool_arg(s, a, r);
    if (!p)
        return LVSH_FAILED;
    enum lvsh_status st = LVSH_OK;
    if (op(p, flags) < 0)
        st = err_virt(r, "Failed to %s pool %s", verb, args_str(a, "pool"));
    else {
        out_info(r, "Pool %s %s", args_str(a, "pool"), done);   /* as typed, as virsh */
        const char *last = strrchr(done, ' ');   /* "has been undefined" -> "undefined" */
        out_json_action(r, pool_json_ref(p), last ? last + 1 : done);
    }
    virStoragePoolFree(p);
    return st;
}

static int op_undefine(virStoragePoolPtr p, unsigned flags)
{
    (void)flags;
    return virStoragePoolUndefine(p);
}

static int op_destroy(virStoragePoolPtr p, unsigned flags)
{
    (void)flags;
    return virStoragePoolDestroy(p);
}

static enum lvsh_status cmd_pool_build(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    unsigned flags = 0;
    if (args_has(a, "overwrite"))
        flags |= VIR_STORAGE_POOL_BUILD_OVERWRITE;
    if (args_has(a, "no-overwrite"))
        flags |= VIR_STORAGE_POOL_BUILD_NO_OVERWRITE;
    return pool_do(s, a, r, virStoragePoolBuild, flags, "build", "built");
}

static const struct lvsh_opt opts_pool_build[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL, "pool name, uuid or target path"),
    { .name = "no-overwrite", .type = LVSH_OPT_BOOL,
      .help = "refuse to overwrite existing data (e.g. a formatted device)" },
    { .name = "overwrite", .type = LVSH_OPT_BOOL, .help = "overwrite any existing data" },
    LVSH_OPT_END,
};

static const char *const excl_overwrite[] = { "overwrite no-overwrite", NULL };

static const struct lvsh_cmd cmd_pool_build_def = {
    .name = "pool-build",
    .group = "pool",
    .summary = "build a storage pool",
    .description = "Build the pool's underlying storage: create a dir pool's directory, "
                   "format a disk or file system, create a volume group.",
    .opts = opts_pool_build,
    .exclusive = excl_overwrite,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_pool_build,
};

static enum lvsh_status cmd_pool_start(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    return pool_do(s, a, r, virStoragePoolCreate, pool_create_build_flags(a), "start",
                   "started");
}

static const struct lvsh_opt opts_pool_start[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_INACTIVE, "name, uuid or target path of an inactive pool"),
    POOL_BUILD_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_start_def = {
    .name = "pool-start",
    .group = "pool",
    .summary = "start an inactive storage pool",
    .description = "Start a defined pool, building it first with --build, --overwrite or "
                   "--no-overwrite.",
    .opts = opts_pool_start,
    .exclusive = excl_overwrite,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_pool_start,
};

static const struct lvsh_opt opts_pool_active[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_ACTIVE, "pool name, uuid or target path"),
    LVSH_OPT_END,
};

static const struct lvsh_opt opts_pool_inactive[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_INACTIVE, "pool name, uuid or target path"),
    LVSH_OPT_END,
};

static enum lvsh_status cmd_pool_destroy(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    return pool_do(s, a, r, op_destroy, 0, "destroy", "destroyed");
}

static const struct lvsh_cmd cmd_pool_destroy_def = {
    .name = "pool-destroy",
    .group = "pool",
    .summary = "stop a storage pool",
    .description = "Stop an active pool; its data stays.  A transient pool disappears.",
    .opts = opts_pool_active,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_pool_destroy,
};

static enum lvsh_status cmd_pool_delete(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    return pool_do(s, a, r, virStoragePoolDelete, 0, "delete", "deleted");
}

static const struct lvsh_cmd cmd_pool_delete_def = {
    .name = "pool-delete",
    .group = "pool",
    .summary = "delete a storage pool's underlying storage",
    .description = "Delete what pool-build made (a dir pool's directory, a volume group); "
                   "the pool stays defined.  The pool must be inactive.",
    .opts = opts_pool_inactive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_pool_delete,
};

static enum lvsh_status cmd_pool_undefine(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    return pool_do(s, a, r, op_undefine, 0, "undefine", "has been undefined");
}

static const struct lvsh_cmd cmd_pool_undefine_def = {
    .name = "pool-undefine",
    .group = "pool",
    .summary = "undefine an inactive storage pool",
    .description = "Remove the configuration of an inactive pool; its storage stays.",
    .opts = opts_pool_inactive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_pool_undefine,
};

static enum lvsh_status cmd_pool_refresh(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    return pool_do(s, a, r, virStoragePoolRefresh, 0, "refresh", "refreshed");
}

static const struct lvsh_cmd cmd_pool_refresh_def = {
    .name = "pool-refresh",
    .group = "pool",
    .summary = "rescan a storage pool's volumes",
    .description = "Make the pool scan its storage again for volumes and sizes.",
    .opts = opts_pool_active,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_pool_refresh,
};

static enum lvsh_status cmd_pool_autostart(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    bool disable = args_has(a, "disable");
    virStoragePoolPtr p = pool_arg(s, a, r);
    if (!p)
        return LVSH_FAILED;
    enum lvsh_status st = LVSH_OK;
    if (virStoragePoolSetAutostart(p, !disable) < 0)
        st = err_virt(r, "failed to %s autostart of pool '%s'", disable ? "disable" : "enable",
                      args_str(a, "pool"));
    else {
        out_info(r, "Pool %s %s as autostarted", args_str(a, "pool"),
                 disable ? "unmarked" : "marked");
        json_t *j = json_action(pool_json_ref(p), disable ? "no-autostart" : "autostart");
        json_object_set_new(j, "autostart", json_boolean(!disable));
        out_json(r, j);
    }
    virStoragePoolFree(p);
    return st;
}

static const struct lvsh_opt opts_pool_autostart[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL, "pool name, uuid or target path"),
    { .name = "disable", .type = LVSH_OPT_BOOL, .help = "turn autostart off" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_autostart_def = {
    .name = "pool-autostart",
    .group = "pool",
    .summary = "start a storage pool when the host starts",
    .description = "Mark a persistent pool to start with the daemon, or with --disable "
                   "not to.",
    .opts = opts_pool_autostart,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_pool_autostart,
};

LVSH_FAMILY(pool_life) = { &cmd_pool_build_def, &cmd_pool_start_def, &cmd_pool_destroy_def,
                           &cmd_pool_delete_def, &cmd_pool_undefine_def,
                           &cmd_pool_refresh_def, &cmd_pool_autostart_def, NULL };
