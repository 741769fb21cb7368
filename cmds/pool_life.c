/* pool_life.c: a storage pool's life (pool-build, pool-start, pool-destroy,
 * pool-delete, pool-undefine, pool-refresh, pool-autostart). */
#include "storage_common.h"

#include <stdlib.h>
#include <string.h>

/* virsh's words, with the pool as typed */
#define POOL_ACT(w, verb, done_) \
    { .word = (w), .fail = "Failed to " verb " pool %s", .done = "Pool %s " done_ }

static enum lvsh_status run_pool_build(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    static const struct lvsh_action act = POOL_ACT("built", "build", "built");
    (void)s;
    return act_report(r, a, virStoragePoolBuild(args_target(a), args_flags(a)), &act);
}

static const struct lvsh_opt opts_pool_build[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL, "pool name, uuid or target path"),
    { .name = "no-overwrite", .type = LVSH_OPT_BOOL, .flag = VIR_STORAGE_POOL_BUILD_NO_OVERWRITE,
      .help = "refuse to overwrite existing data (e.g. a formatted device)" },
    { .name = "overwrite", .type = LVSH_OPT_BOOL, .flag = VIR_STORAGE_POOL_BUILD_OVERWRITE,
      .help = "overwrite any existing data" },
    LVSH_OPT_END,
};

static const char *const excl_overwrite[] = { "overwrite no-overwrite", NULL };

static const struct lvsh_cmd cmd_pool_build = {
    .name = "pool-build",
    .group = "pool",
    .summary = "build a storage pool",
    .description = "Build the pool's underlying storage: create a dir pool's directory, "
                   "format a disk or file system, create a volume group.",
    .opts = opts_pool_build,
    .exclusive = excl_overwrite,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_build,
    .target = LVSH_KIND_POOL,
};

static enum lvsh_status run_pool_start(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    static const struct lvsh_action act = POOL_ACT("started", "start", "started");
    (void)s;
    return act_report(r, a, virStoragePoolCreate(args_target(a), args_flags(a)), &act);
}

static const struct lvsh_opt opts_pool_start[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_INACTIVE, "name, uuid or target path of an inactive pool"),
    POOL_BUILD_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_start = {
    .name = "pool-start",
    .group = "pool",
    .summary = "start an inactive storage pool",
    .description = "Start a defined pool, building it first with --build, --overwrite or "
                   "--no-overwrite.",
    .opts = opts_pool_start,
    .exclusive = excl_overwrite,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_start,
    .target = LVSH_KIND_POOL,
};

static const struct lvsh_opt opts_pool_active[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_ACTIVE, "pool name, uuid or target path"),
    LVSH_OPT_END,
};

static const struct lvsh_opt opts_pool_inactive[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_INACTIVE, "pool name, uuid or target path"),
    LVSH_OPT_END,
};

static enum lvsh_status run_pool_destroy(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    static const struct lvsh_action act = POOL_ACT("destroyed", "destroy", "destroyed");
    (void)s;
    return act_report(r, a, virStoragePoolDestroy(args_target(a)), &act);
}

static const struct lvsh_cmd cmd_pool_destroy = {
    .name = "pool-destroy",
    .group = "pool",
    .summary = "stop a storage pool",
    .description = "Stop an active pool; its data stays.  A transient pool disappears.",
    .opts = opts_pool_active,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_destroy,
    .target = LVSH_KIND_POOL,
};

static enum lvsh_status run_pool_delete(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    static const struct lvsh_action act = POOL_ACT("deleted", "delete", "deleted");
    (void)s;
    return act_report(r, a, virStoragePoolDelete(args_target(a), 0), &act);
}

static const struct lvsh_cmd cmd_pool_delete = {
    .name = "pool-delete",
    .group = "pool",
    .summary = "delete a storage pool's underlying storage",
    .description = "Delete what pool-build made (a dir pool's directory, a volume group); "
                   "the pool stays defined.  The pool must be inactive.",
    .opts = opts_pool_inactive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_delete,
    .target = LVSH_KIND_POOL,
};

static enum lvsh_status run_pool_undefine(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    static const struct lvsh_action act = POOL_ACT("undefined", "undefine",
                                                   "has been undefined");
    (void)s;
    return act_report(r, a, virStoragePoolUndefine(args_target(a)), &act);
}

static const struct lvsh_cmd cmd_pool_undefine = {
    .name = "pool-undefine",
    .group = "pool",
    .summary = "undefine an inactive storage pool",
    .description = "Remove the configuration of an inactive pool; its storage stays.",
    .opts = opts_pool_inactive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_undefine,
    .target = LVSH_KIND_POOL,
};

static enum lvsh_status run_pool_refresh(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    static const struct lvsh_action act = POOL_ACT("refreshed", "refresh", "refreshed");
    (void)s;
    return act_report(r, a, virStoragePoolRefresh(args_target(a), 0), &act);
}

static const struct lvsh_cmd cmd_pool_refresh = {
    .name = "pool-refresh",
    .group = "pool",
    .summary = "rescan a storage pool's volumes",
    .description = "Make the pool scan its storage again for volumes and sizes.",
    .opts = opts_pool_active,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_refresh,
    .target = LVSH_KIND_POOL,
};

static enum lvsh_status run_pool_autostart(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    static const struct lvsh_action act_on = {
        .word = "autostart enabled", .fail = "failed to enable autostart of pool '%s'",
        .done = "Pool %s marked as autostarted" };
    static const struct lvsh_action act_off = {
        .word = "autostart disabled", .fail = "failed to disable autostart of pool '%s'",
        .done = "Pool %s unmarked as autostarted" };
    bool on = !args_has(a, "disable");
    (void)s;
    enum lvsh_status st = act_report(r, a, virStoragePoolSetAutostart(args_target(a), on),
                                     on ? &act_on : &act_off);
    if (st == LVSH_OK)
        out_json_set(r, "autostart", json_boolean(on));
    return st;
}

static const struct lvsh_opt opts_pool_autostart[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL, "pool name, uuid or target path"),
    { .name = "disable", .type = LVSH_OPT_BOOL, .help = "turn autostart off" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_autostart = {
    .name = "pool-autostart",
    .group = "pool",
    .summary = "start a storage pool when the host starts",
    .description = "Mark a persistent pool to start with the daemon, or with --disable "
                   "not to.",
    .opts = opts_pool_autostart,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_autostart,
    .target = LVSH_KIND_POOL,
};

LVSH_FAMILY(pool_life) = { &cmd_pool_build, &cmd_pool_start, &cmd_pool_destroy,
                           &cmd_pool_delete, &cmd_pool_undefine,
                           &cmd_pool_refresh, &cmd_pool_autostart, NULL };
