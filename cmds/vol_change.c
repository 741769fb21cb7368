/* vol_change.c: changing and removing storage volumes (vol-delete,
 * vol-wipe, vol-resize). */
#include "storage_common.h"

#include <stdlib.h>
#include <string.h>

static enum lvsh_status run_vol_delete(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    virStorageVolPtr v = args_target(a);
    (void)s;
    if (virStorageVolDelete(v, args_flags(a)) < 0)
        return err_virt(r, "failed to delete volume '%s'", args_target_key(a));
    /* the object keeps its name and key after the volume is gone */
    act_done(r, LVSH_KIND_VOLUME, v, "deleted", "Vol %s deleted", virStorageVolGetName(v));
    return LVSH_OK;
}

static const struct lvsh_opt opts_vol_delete[] = {
    VOL_OPT_VOL,
    VOL_OPT_POOL,
    { .name = "delete-snapshots", .type = LVSH_OPT_BOOL,
      .flag = VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS,
      .help = "also delete the volume's snapshots (where the driver supports it)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_delete = {
    .name = "vol-delete",
    .group = "volume",
    .summary = "delete a storage volume",
    .description = "Delete a volume and its data.",
    .opts = opts_vol_delete,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_vol_delete,
    .target = LVSH_KIND_VOLUME,
};

/* In the order of virStorageVolWipeAlgorithm. */
static const char *const wipe_algorithms[] = {
    "zero", "nnsa", "dod", "bsi", "gutmann", "schneier", "pfitzner7", "pfitzner33",
    "random", "trim", NULL,
};

static enum lvsh_status run_vol_wipe(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    const char *alg = args_str(a, "algorithm");
    virStorageVolPtr v = args_target(a);
    (void)s;
    int rc;
    if (alg) {
        unsigned i = 0;
        while (wipe_algorithms[i] && strcmp(wipe_algorithms[i], alg) != 0)
            i++;
        rc = virStorageVolWipePattern(v, i, 0);
    } else {
        rc = virStorageVolWipe(v, 0);
    }
    enum lvsh_status st = LVSH_OK;
    if (rc < 0)
        st = err_virt(r, "failed to wipe volume '%s'", args_str(a, "vol"));
    else {
        out_info(r, "Vol %s wiped", virStorageVolGetName(v));
        act_json(r, LVSH_KIND_VOLUME, v, "wiped");
        out_json_set(r, "algorithm", json_string(alg ? alg : "zero"));
    }
    return st;
}

static const struct lvsh_opt opts_vol_wipe[] = {
    VOL_OPT_VOL,
    VOL_OPT_POOL,
    { .name = "algorithm", .type = LVSH_OPT_STRING, .choices = wipe_algorithms,
      .complete = LVSH_COMP_CHOICES,
      .help = "wiping pattern: zero (the default), nnsa, dod, bsi, gutmann, schneier, "
              "pfitzner7, pfitzner33, random or trim" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_wipe = {
    .name = "vol-wipe",
    .group = "volume",
    .summary = "overwrite a storage volume's data",
    .description = "Overwrite a volume so its previous data cannot be read back; "
                   "--algorithm picks a pattern (the daemon runs scrub for all but zero "
                   "and trim).",
    .opts = opts_vol_wipe,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_vol_wipe,
    .target = LVSH_KIND_VOLUME,
};

/* {name, key, action: "resized", capacity: the new capacity in bytes (null
 * when the driver cannot tell)}. */
static void vol_resize_json(struct lvsh_result *r, virStorageVolPtr v)
{
    virStorageVolInfo info;
    act_json(r, LVSH_KIND_VOLUME, v, "resized");
    if (virStorageVolGetInfo(v, &info) == 0) {
        out_json_set(r, "capacity", json_integer((json_int_t)info.capacity));
    } else {
        virResetLastError();
        out_json_set(r, "capacity", json_null());
    }
}

static enum lvsh_status run_vol_resize(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    const char *cap = args_str(a, "capacity");
    bool delta = args_has(a, "delta");
    unsigned flags = 0;
    unsigned long long size;

    if (delta)
        flags |= VIR_STORAGE_VOL_RESIZE_DELTA;
    if (args_has(a, "allocate"))
        flags |= VIR_STORAGE_VOL_RESIZE_ALLOCATE;
    if (args_has(a, "shrink"))
        flags |= VIR_STORAGE_VOL_RESIZE_SHRINK;
    if (*cap == '-') {   /* "-1G" with --shrink: shrink by that much */
        if (!args_has(a, "shrink"))
            return err_usage(r, "a negative size needs --shrink");
        cap++;
        delta = true;
        flags |= VIR_STORAGE_VOL_RESIZE_DELTA;
    }
    if (!parse_scaled_size(cap, 1, &size))
        return err_usage(r, "malformed size '%s'", args_str(a, "capacity"));
    virStorageVolPtr v = args_target(a);
    (void)s;
    enum lvsh_status st = LVSH_OK;
    if (virStorageVolResize(v, size, flags) < 0)
        st = err_virt(r, "failed to change the size of volume '%s' to %s", args_str(a, "vol"),
                      args_str(a, "capacity"));
    else {
        out_info(r, "Size of volume '%s' successfully changed %s %s",
                 virStorageVolGetName(v), delta ? "by" : "to", cap);
        vol_resize_json(r, v);
    }
    return st;
}

static const struct lvsh_opt opts_vol_resize[] = {
    VOL_OPT_VOL,
    { .name = "capacity", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "size",
      .help = "new capacity, or with --delta the change; -1G with --shrink shrinks by 1G; "
              "bare numbers are bytes" },
    VOL_OPT_POOL,
    { .name = "allocate", .type = LVSH_OPT_BOOL,
      .help = "allocate the new space instead of leaving it sparse" },
    { .name = "delta", .type = LVSH_OPT_BOOL,
      .help = "change the capacity by this much rather than to it" },
    { .name = "shrink", .type = LVSH_OPT_BOOL, .help = "allow making the volume smaller" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_resize = {
    .name = "vol-resize",
    .group = "volume",
    .summary = "change a storage volume's capacity",
    .description = "Grow (or with --shrink shrink) a volume.  Safe only for volumes no "
                   "running guest uses; see blockresize for live resizing.",
    .opts = opts_vol_resize,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_vol_resize,
    .target = LVSH_KIND_VOLUME,
};

LVSH_FAMILY(vol_change) = { &cmd_vol_delete, &cmd_vol_wipe, &cmd_vol_resize,
                            NULL };
