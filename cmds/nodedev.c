/* nodedev.c: host devices as libvirt sees them (nodedev-list, -info,
 * -create, -detach, ...).  A device argument is its name, or "wwnn,wwpn"
 * for a SCSI host (see lookup_nodedev). */
#include "lvsh.h"
#include "parallel.h"
#include "tree.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Every capability name libvirt knows, with its listing filter. */
static const struct nd_cap {
    const char *name;
    unsigned flag;
} nd_caps[] = {
    { "system", VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM },
    { "pci", VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV },
    { "usb_device", VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV },
    { "usb", VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_INTERFACE },
    { "net", VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET },
    { "scsi_host", VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST },
    { "scsi_target", VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_TARGET },
    { "scsi", VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI },
    { "storage", VIR_CONNECT_LIST_NODE_DEVICES_CAP_STORAGE },
    { "fc_host", VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST },
    { "vports", VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS },
    { "scsi_generic", VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_GENERIC },
    { "drm", VIR_CONNECT_LIST_NODE_DEVICES_CAP_DRM },
    { "mdev_types", VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES },
    { "mdev", VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV },
    { "ccw", VIR_CONNECT_LIST_NODE_DEVICES_CAP_CCW_DEV },
    { "css", VIR_CONNECT_LIST_NODE_DEVICES_CAP_CSS_DEV },
    { "vdpa", VIR_CONNECT_LIST_NODE_DEVICES_CAP_VDPA },
    { "ap_card", VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_CARD },
    { "ap_queue", VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_QUEUE },
    { "ap_matrix", VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_MATRIX },
    { "vpd", VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD },
};
#define ND_NCAPS (sizeof(nd_caps) / sizeof(nd_caps[0]))

#define ND_ACTIVITY (VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE | \
                     VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE)

#define ND_OPT_DEVICE(text) \
    { .name = "device", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = text, .metavar = "device", .complete = LVSH_COMP_NODEDEV }

/* ---- nodedev-list: fetching ---------------------------------------------- */

/* Parse "pci,net" into listing flags; false (r filled) on an unknown name. */
static bool caps_parse(struct lvsh_result *r, const char *text, unsigned *flags)
{
    char *copy = xstrdup(text), *save = NULL;
    bool ok = true;
    *flags = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok && ok; tok = strtok_r(NULL, ",", &save)) {
        size_t i = 0;
        while (i < ND_NCAPS && strcmp(nd_caps[i].name, tok) != 0)
            i++;
        if (i < ND_NCAPS) {
            *flags |= nd_caps[i].flag;
            continue;
        }
        struct buf b = BUF_INIT;
        for (size_t k = 0; k < ND_NCAPS; k++)
            buf_printf(&b, "%s%s", k ? ", " : "", nd_caps[k].name);
        err_usage(r, "invalid capability type '%s' (expected one of: %s)", tok, buf_str(&b));
        buf_free(&b);
        ok = false;
    }
    if (ok && !*flags) {
        err_usage(r, "--cap needs at least one capability name");
        ok = false;
    }
    free(copy);
    return ok;
}

/* Does a device have one of the capabilities in flags?  (Fallback only.) */
static int dev_has_caps(virNodeDevicePtr d, unsigned flags)
{
    char *names[64];
    int n = virNodeDeviceListCaps(d, names, 64);
    if (n < 0)
        return -1;
    bool hit = false;
    for (int k = 0; k < n; k++) {
        for (size_t i = 0; i < ND_NCAPS && !hit; i++)
            hit = (flags & nd_caps[i].flag) && strcmp(names[k], nd_caps[i].name) == 0;
        free(names[k]);
    }
    return hit;
}

/* Drivers older than inactive devices (libvirt 7.3: the test driver) have
 * no IsActive either: every device they list is active.  *unsupported
 * remembers that, so a listing asks such a driver once, not per device. */
static int nd_is_active(virNodeDevicePtr d, bool *unsupported)
{
    if (*unsupported)
        return 1;
    int act = virNodeDeviceIsActive(d);
    if (act < 0 && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        virResetLastError();
        *unsupported = true;
        act = 1;
    }
    return act;
}

/* Keep the devices that match what the driver could not filter itself. */
static int nd_filter(virNodeDevicePtr *devs, int n, unsigned caps, unsigned activity)
{
    int kept = 0;
    bool no_is_active = false;
    for (int i = 0; i < n; i++) {
        int keep = 1;
        if (caps)
            keep = dev_has_caps(devs[i], caps);
        if (keep > 0 && activity && activity != ND_ACTIVITY) {
            int act = nd_is_active(devs[i], &no_is_active);
            keep = act < 0 ? -1
                 : (act ? activity == VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE
                        : activity == VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE);
        }
        if (keep < 0) {
            for (int k = i; k < n; k++)
                virNodeDeviceFree(devs[k]);
            for (int k = 0; k < kept; k++)
                virNodeDeviceFree(devs[k]);
            return -1;
        }
        if (keep)
            devs[kept++] = devs[i];
        else
            virNodeDeviceFree(devs[i]);
    }
    return kept;
}

static bool flags_refused(void)
{
    int code = virGetLastErrorCode();
    return code == VIR_ERR_INVALID_ARG || code == VIR_ERR_NO_SUPPORT;
}

/* List the devices.  One call when the driver understands every filter;
 * drivers older than a filter (the test driver knows no ACTIVE/INACTIVE)
 * refuse it, so ask again with fewer filters and apply the rest here. */
static int nd_fetch(virConnectPtr conn, unsigned caps, unsigned activity,
                    virNodeDevicePtr **devs)
{
    int n = virConnectListAllNodeDevices(conn, devs, caps | activity);
    if (n >= 0 || !flags_refused())
        return n;
    virResetLastError();
    if (activity) {
        n = virConnectListAllNodeDevices(conn, devs, caps);
        if (n >= 0)
            return nd_filter(*devs, n, 0, activity);
        if (!flags_refused())
            return -1;
        virResetLastError();
    }
    if (!caps)
        return -1;
    n = virConnectListAllNodeDevices(conn, devs, 0);
    return n < 0 ? n : nd_filter(*devs, n, caps, activity);
}

static int nd_name_cmp(const void *pa, const void *pb)
{
    return strcasecmp(virNodeDeviceGetName(*(virNodeDevicePtr const *)pa),
                      virNodeDeviceGetName(*(virNodeDevicePtr const *)pb));
}

/* ---- nodedev-list: the tree ---------------------------------------------- */

struct parent_fetch {
    virNodeDevicePtr *devs;
    const char **parents;
};

/* Device i's parent (run on several threads: par_each). */
static void fetch_parent(void *ctx, size_t i)
{
    struct parent_fetch *f = ctx;
    /* roots have none; some drivers say so with an error */
    f->parents[i] = virNodeDeviceGetParent(f->devs[i]);
    virResetLastError();
}

/* The tree needs each device's parent: one call per device, the one
 * listing here that cannot be done in bulk; many are in flight at once.
 * A device whose parent is not listed starts a tree of its own. */
static void list_tree(struct lvsh_result *r, virNodeDevicePtr *devs, int n)
{
    const char **names = xcalloc((size_t)n + 1, sizeof(char *));
    const char **parents = xcalloc((size_t)n + 1, sizeof(char *));
    json_t *arr = json_array();
    struct buf out = BUF_INIT;

    for (int i = 0; i < n; i++)
        names[i] = virNodeDeviceGetName(devs[i]);
    struct parent_fetch f = { devs, parents };
    par_each((size_t)n, fetch_parent, &f);
    tree_draw(&out, (size_t)n, names, parents, NULL, NULL);
    long *up = tree_parent_rows((size_t)n, names, parents);
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:o,s:o}", "name", json_str(names[i]),
                                             "parent", json_str(up[i] >= 0 ? parents[i]
                                                                           : NULL)));
    free(up);
    if (out.len)
        out_text(r, "%s", buf_str(&out));
    buf_free(&out);
    out_json(r, arr);
    free(names);
    free(parents);
}

static enum lvsh_status run_nodedev_list(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    unsigned caps = 0, activity = VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE;
    virNodeDevicePtr *devs = NULL;
    const char *cap = args_str(a, "cap");

    if (args_has(a, "tree") && (cap || args_has(a, "inactive")))
        return err_usage(r, "--tree cannot be combined with --cap or --inactive");
    if (cap && !caps_parse(r, cap, &caps))
        return LVSH_USAGE;
    if (args_has(a, "all"))
        activity = ND_ACTIVITY;
    else if (args_has(a, "inactive"))
        activity = VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE;
    int n = nd_fetch(s->conn, caps, activity, &devs);
    if (n < 0)
        return err_virt(r, "failed to list node devices");
    qsort(devs, (size_t)n, sizeof(*devs), nd_name_cmp);
    if (args_has(a, "tree")) {
        list_tree(r, devs, n);
    } else {
        json_t *arr = json_array();
        for (int i = 0; i < n; i++) {
            out_text(r, "%s\n", virNodeDeviceGetName(devs[i]));
            json_array_append_new(arr, json_pack("{s:o}", "name",
                                                 json_str(virNodeDeviceGetName(devs[i]))));
        }
        out_json(r, arr);
    }
    for (int i = 0; i < n; i++)
        virNodeDeviceFree(devs[i]);
    free(devs);
    return LVSH_OK;
}

static const struct lvsh_opt opts_nodedev_list[] = {
    { .name = "tree", .type = LVSH_OPT_BOOL, .help = "show the devices as a tree of parents" },
    { .name = "cap", .type = LVSH_OPT_STRING, .metavar = "caps",
      .complete = LVSH_COMP_NODEDEV_CAP,
      .help = "only devices with one of these capabilities, separated by commas: system, "
              "pci, usb_device, usb, net, scsi_host, scsi_target, scsi, storage, fc_host, "
              "vports, scsi_generic, drm, mdev_types, mdev, ccw, css, vdpa, ap_card, "
              "ap_queue, ap_matrix, vpd" },
    { .name = "inactive", .type = LVSH_OPT_BOOL, .help = "list inactive devices only" },
    { .name = "all", .type = LVSH_OPT_BOOL, .help = "list active and inactive devices" },
    LVSH_OPT_END,
};

static const char *const excl_nodedev_list[] = { "all inactive", NULL };

static const struct lvsh_cmd cmd_nodedev_list = {
    .name = "nodedev-list",
    .group = "nodedev",
    .summary = "list host devices",
    .description = "List the names of the host's active devices, sorted; --inactive lists "
                   "defined but inactive ones, --all both, --cap only those with the given "
                   "capabilities.  --tree draws the parent/child hierarchy, at one call "
                   "per device for its parent (libvirt has no bulk form; many in flight "
                   "at once).  Works on every driver: filters a driver does not know are "
                   "applied by lvsh.",
    .opts = opts_nodedev_list,
    .exclusive = excl_nodedev_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_nodedev_list,
};

/* ---- nodedev-info, nodedev-dumpxml --------------------------------------- */

static void info_bool(struct lvsh_result *r, const char *label, const char *key, int v)
{
    if (v < 0) {
        virResetLastError();
        out_field(r, label, key, json_null(), "unknown");
    } else {
        out_field(r, label, key, json_boolean(v), yes_no(v));
    }
}

static enum lvsh_status run_nodedev_info(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    int autostart = 0;
    bool no_is_active = false;
    virNodeDevicePtr d = args_target(a);
    (void)s;
    const char *parent = virNodeDeviceGetParent(d);
    virResetLastError();
    out_field_str(r, "Name", "name", virNodeDeviceGetName(d));
    out_field(r, "Parent", "parent", json_str(parent), parent ? parent : "");
    info_bool(r, "Active", "active", nd_is_active(d, &no_is_active));
    info_bool(r, "Persistent", "persistent", virNodeDeviceIsPersistent(d));
    if (virNodeDeviceGetAutostart(d, &autostart) < 0) {
        virResetLastError();   /* drivers without autostart */
        out_field(r, "Autostart", "autostart", json_null(), "no autostart");
    } else {
        out_field(r, "Autostart", "autostart", json_boolean(autostart), yes_no(autostart));
    }
    return LVSH_OK;
}

static const struct lvsh_opt opts_nodedev_any[] = {
    ND_OPT_DEVICE("device name, or 'wwnn,wwpn' of a SCSI host"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodedev_info = {
    .name = "nodedev-info",
    .group = "nodedev",
    .summary = "show basic information about a host device",
    .description = "Print a device's name, parent, and whether it is active, persistent "
                   "and started at boot.",
    .opts = opts_nodedev_any,
    .flags = LVSH_CMD_CONN,
    .handler = run_nodedev_info,
    .target = LVSH_KIND_NODEDEV,
};

static enum lvsh_status run_nodedev_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    (void)s;
    return target_xml(r, a, virNodeDeviceGetXMLDesc(args_target(a), 0),
                      "failed to get the XML of node device '%s'", 0);
}

static const struct lvsh_opt opts_nodedev_dumpxml[] = {
    ND_OPT_DEVICE("device name, or 'wwnn,wwpn' of a SCSI host"),
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodedev_dumpxml = {
    .name = "nodedev-dumpxml",
    .group = "nodedev",
    .summary = "print a host device's XML description",
    .description = "Print the XML description of a host device with its capabilities.",
    .opts = opts_nodedev_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_nodedev_dumpxml,
    .target = LVSH_KIND_NODEDEV,
};

/* ---- nodedev-create, nodedev-define -------------------------------------- */

static void *nd_create_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return virNodeDeviceCreateXML(c, xml, flags);
}

static void *nd_define_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return virNodeDeviceDefineXML(c, xml, flags);   /* the same --validate bit */
}

static enum lvsh_status run_nodedev_create(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_NODEDEV, nd_create_xml, "created",
        "Failed to create node device from %s", "Node device %s created from %s", true };
    return act_from_file(s, a, r, &how);
}

static enum lvsh_status run_nodedev_define(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_NODEDEV, nd_define_xml, "defined",
        "Failed to define node device from '%s'", "Node device '%s' defined from '%s'",
        true };
    return act_from_file(s, a, r, &how);
}

static const struct lvsh_opt opts_nodedev_file[] = {
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "file with the device's XML description (- for stdin)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = VIR_NODE_DEVICE_CREATE_XML_VALIDATE,
      .help = "validate the XML against the schema" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodedev_create = {
    .name = "nodedev-create",
    .group = "nodedev",
    .summary = "create a transient device on the host",
    .description = "Create a device on the physical host from an XML description (an "
                   "NPIV vHBA or a mediated device, say) that guests can then use.  It "
                   "disappears when destroyed.",
    .opts = opts_nodedev_file,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_create,
};

static const struct lvsh_cmd cmd_nodedev_define = {
    .name = "nodedev-define",
    .group = "nodedev",
    .summary = "define a persistent device on the host",
    .description = "Define a persistent host device (a mediated device, say) from an XML "
                   "description; start it with nodedev-start before guests use it.",
    .opts = opts_nodedev_file,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_define,
};

/* ---- one action on one device -------------------------------------------- */

/* virsh's words, with the device's own name */
#define ND_ACT(w, fail_, done_) { .word = w, .fail = fail_, \
                                 .done = done_, .flags = LVSH_ACT_NAME }

static enum lvsh_status run_nodedev_destroy(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    static const struct lvsh_action act = ND_ACT("destroyed", "Failed to destroy node device '%s'",
                                                 "Destroyed node device '%s'");
    virNodeDevicePtr d = args_target(a);
    (void)s;
    return act_report(r, a, virNodeDeviceDestroy(d), &act);
}

static enum lvsh_status run_nodedev_undefine(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    static const struct lvsh_action act = ND_ACT("undefined", "Failed to undefine node device '%s'",
                                                 "Undefined node device '%s'");
    virNodeDevicePtr d = args_target(a);
    (void)s;
    return act_report(r, a, virNodeDeviceUndefine(d, 0), &act);
}

static enum lvsh_status run_nodedev_start(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    static const struct lvsh_action act = ND_ACT("started", "Failed to start device %s",
                                                 "Device %s started");
    virNodeDevicePtr d = args_target(a);
    (void)s;
    return act_report(r, a, virNodeDeviceCreate(d, 0), &act);
}

static enum lvsh_status run_nodedev_detach(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    static const struct lvsh_action act = ND_ACT("detached", "Failed to detach device %s",
                                                 "Device %s detached");
    virNodeDevicePtr d = args_target(a);
    (void)s;
    const char *driver = args_str(a, "driver");
    return act_report(r, a, driver ? virNodeDeviceDetachFlags(d, driver, 0)
                                   : virNodeDeviceDettach(d), &act);
}

static enum lvsh_status run_nodedev_reattach(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    static const struct lvsh_action act = ND_ACT("re-attached", "Failed to re-attach device %s",
                                                 "Device %s re-attached");
    virNodeDevicePtr d = args_target(a);
    (void)s;
    return act_report(r, a, virNodeDeviceReAttach(d), &act);
}

static enum lvsh_status run_nodedev_reset(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    static const struct lvsh_action act = ND_ACT("reset", "Failed to reset device %s",
                                                 "Device %s was reset");
    virNodeDevicePtr d = args_target(a);
    (void)s;
    return act_report(r, a, virNodeDeviceReset(d), &act);
}

/* virsh still accepts nodedev-destroy's old --name */
static const struct lvsh_opt opts_nodedev_destroy[] = {
    LVSH_OPT_ALIAS_OF("name", "device"),
    ND_OPT_DEVICE("device name, or 'wwnn,wwpn' of a SCSI host"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodedev_destroy = {
    .name = "nodedev-destroy",
    .group = "nodedev",
    .summary = "destroy a device on the host",
    .description = "Remove a device created with nodedev-create (or stop a defined one) "
                   "from the physical host.",
    .opts = opts_nodedev_destroy,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_destroy,
    .target = LVSH_KIND_NODEDEV,
};

static const struct lvsh_cmd cmd_nodedev_undefine = {
    .name = "nodedev-undefine",
    .group = "nodedev",
    .summary = "undefine an inactive persistent device",
    .description = "Remove the configuration of a persistent host device; an active one "
                   "stays until destroyed.",
    .opts = opts_nodedev_any,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_undefine,
    .target = LVSH_KIND_NODEDEV,
};

static const struct lvsh_cmd cmd_nodedev_start = {
    .name = "nodedev-start",
    .group = "nodedev",
    .summary = "start a defined, inactive device",
    .description = "Start a persistent host device defined with nodedev-define.",
    .opts = opts_nodedev_any,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_start,
    .target = LVSH_KIND_NODEDEV,
};

static const struct lvsh_opt opts_nodedev_detach[] = {
    ND_OPT_DEVICE("device name"),
    { .name = "driver", .type = LVSH_OPT_STRING, .metavar = "driver",
      .help = "PCI assignment backend driver, such as vfio or xen" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodedev_detach = {
    .name = "nodedev-detach",
    .group = "nodedev",
    .summary = "detach a device from its host driver",
    .description = "Unbind a PCI device from its host driver so it can be assigned to a "
                   "guest.  The host loses the device until nodedev-reattach.",
    .opts = opts_nodedev_detach,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_detach,
    .target = LVSH_KIND_NODEDEV,
};

static const struct lvsh_cmd cmd_nodedev_reattach = {
    .name = "nodedev-reattach",
    .group = "nodedev",
    .summary = "give a detached device back to its host driver",
    .description = "Rebind a PCI device released by its guest to its host driver.",
    .opts = opts_nodedev_any,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_reattach,
    .target = LVSH_KIND_NODEDEV,
};

static const struct lvsh_cmd cmd_nodedev_reset = {
    .name = "nodedev-reset",
    .group = "nodedev",
    .summary = "reset a device",
    .description = "Reset a PCI device before or after assigning it to a guest (function "
                   "level, power management or bus reset, whichever it supports).",
    .opts = opts_nodedev_any,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_reset,
    .target = LVSH_KIND_NODEDEV,
};

/* ---- nodedev-autostart --------------------------------------------------- */

static enum lvsh_status run_nodedev_autostart(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    bool on = !args_has(a, "disable");
    virNodeDevicePtr d = args_target(a);
    (void)s;
    char *name = xstrdup(virNodeDeviceGetName(d));
    enum lvsh_status st = LVSH_OK;
    if (virNodeDeviceSetAutostart(d, on) < 0) {
        st = err_virt(r, "failed to %s device %s as autostarted",
                      on ? "mark" : "unmark", name);
    } else {
        out_info(r, "Device %s %s as autostarted", name, on ? "marked" : "unmarked");
        out_json(r, json_pack("{s:o,s:s,s:b}", "name", json_str(name), "action",
                              on ? "autostart" : "no-autostart", "autostart", on));
    }
    free(name);
    return st;
}

static const struct lvsh_opt opts_nodedev_autostart[] = {
    ND_OPT_DEVICE("device name, or 'wwnn,wwpn' of a SCSI host"),
    { .name = "disable", .type = LVSH_OPT_BOOL, .help = "do not start it at boot" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodedev_autostart = {
    .name = "nodedev-autostart",
    .group = "nodedev",
    .summary = "start a persistent device at boot, or stop doing so",
    .description = "Mark a persistent host device to be started when the host (libvirt) "
                   "starts; --disable removes the mark.",
    .opts = opts_nodedev_autostart,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodedev_autostart,
    .target = LVSH_KIND_NODEDEV,
};

LVSH_FAMILY(nodedev) = {
    &cmd_nodedev_list, &cmd_nodedev_info, &cmd_nodedev_dumpxml,
    &cmd_nodedev_create, &cmd_nodedev_destroy, &cmd_nodedev_define,
    &cmd_nodedev_undefine, &cmd_nodedev_start, &cmd_nodedev_autostart,
    &cmd_nodedev_detach, &cmd_nodedev_reattach, &cmd_nodedev_reset, NULL,
};
