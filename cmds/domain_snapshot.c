/* domain_snapshot.c: the snapshot commands.  The core they share with
 * checkpoints (lookups, listing, create, dumpxml, delete, parent, edit) is
 * domain_tree.c; here are the snapshot kind, its create-as specs and what
 * only snapshots have: a current one, revert, and info with a state. */
#include "domain_tree.h"

#include <stdlib.h>
#include <string.h>

DTREE_OPS_DEFINE(Snapshot)

#define SNAP_OPT_NAME(helptext) \
    DTREE_OPT_NAME("snapshotname", "snapshot", LVSH_COMP_DOMAIN_SNAPSHOT, helptext)

static void *snap_current(virDomainPtr d)
{
    return virDomainSnapshotCurrent(d, 0);
}

/* ---- snapshot-create-as specs -------------------------------------------- */

static enum lvsh_status add_memspec(struct lvsh_result *r, struct buf *b, const char *str)
{
    int n;
    char **v = dtree_split_spec(str, &n);
    const char *snapshot = NULL, *file = NULL;
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        if (!snapshot && dtree_spec_value(v[i], "snapshot="))
            snapshot = dtree_spec_value(v[i], "snapshot=");
        else if (!file && dtree_spec_value(v[i], "file="))
            file = dtree_spec_value(v[i], "file=");
        else if (!file && v[i][0] == '/')
            file = v[i];
        else
            ok = false;
    }
    if (ok) {
        buf_adds(b, "  <memory");
        if (snapshot)
            dtree_xml_esc(b, " snapshot='%s'", snapshot);
        if (file)
            dtree_xml_esc(b, " file='%s'", file);
        buf_adds(b, "/>\n");
    }
    dtree_strv_free(v, n);
    if (!ok)
        return err_usage(r, "cannot parse --memspec '%s' (expected [file=]/path[,snapshot=type])",
                         str);
    return LVSH_OK;
}

struct diskspec {
    const char *snapshot, *driver, *stype, *file;
};

static bool parse_diskspec(char **v, int n, struct diskspec *ds)
{
    memset(ds, 0, sizeof(*ds));
    for (int i = 1; i < n; i++) {
        if (!ds->snapshot && dtree_spec_value(v[i], "snapshot="))
            ds->snapshot = dtree_spec_value(v[i], "snapshot=");
        else if (!ds->driver && dtree_spec_value(v[i], "driver="))
            ds->driver = dtree_spec_value(v[i], "driver=");
        else if (!ds->stype && dtree_spec_value(v[i], "stype="))
            ds->stype = dtree_spec_value(v[i], "stype=");
        else if (!ds->file && dtree_spec_value(v[i], "file="))
            ds->file = dtree_spec_value(v[i], "file=");
        else
            return false;
    }
    return !ds->stype || strcmp(ds->stype, "file") == 0 || strcmp(ds->stype, "block") == 0;
}

static enum lvsh_status add_diskspec(struct lvsh_result *r, struct buf *b, const char *str)
{
    int n;
    char **v = dtree_split_spec(str, &n);
    struct diskspec ds;
    if (!parse_diskspec(v, n, &ds)) {
        dtree_strv_free(v, n);
        return err_usage(r, "cannot parse --diskspec '%s' (expected disk[,snapshot=type]"
                         "[,driver=type][,stype=file|block][,file=name])", str);
    }
    dtree_xml_esc(b, "    <disk name='%s'", v[0]);
    if (ds.snapshot)
        dtree_xml_esc(b, " snapshot='%s'", ds.snapshot);
    if (ds.stype)
        dtree_xml_esc(b, " type='%s'", ds.stype);
    if (ds.driver || ds.file) {
        buf_adds(b, ">\n");
        if (ds.driver)
            dtree_xml_esc(b, "      <driver type='%s'/>\n", ds.driver);
        if (ds.file && ds.stype && strcmp(ds.stype, "block") == 0)
            dtree_xml_esc(b, "      <source dev='%s'/>\n", ds.file);
        else if (ds.file)
            dtree_xml_esc(b, "      <source file='%s'/>\n", ds.file);
        buf_adds(b, "    </disk>\n");
    } else {
        buf_adds(b, "/>\n");
    }
    dtree_strv_free(v, n);
    return LVSH_OK;
}


/* --memspec and --diskspec as <memory> and <disks>. */
static enum lvsh_status add_specs(struct lvsh_result *r, struct buf *b,
                                  const struct lvsh_args *a)
{
    int nspec;
    char *const *specs = args_rest(a, "diskspec", &nspec);
    if (args_str(a, "memspec") && add_memspec(r, b, args_str(a, "memspec")) != LVSH_OK)
        return LVSH_USAGE;
    if (!specs)
        return LVSH_OK;
    buf_adds(b, "  <disks>\n");
    for (int i = 0; i < nspec; i++)
        if (add_diskspec(r, b, specs[i]) != LVSH_OK)
            return LVSH_USAGE;
    buf_adds(b, "  </disks>\n");
    return LVSH_OK;
}

/* Redefining keeps a disk-only snapshot disk-only; with a name, --current
 * also makes it current. */
static unsigned edit_flags(const struct lvsh_args *a, const char *orig)
{
    unsigned flags = 0;
    if (strstr(orig, "<state>disk-snapshot</state>"))
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY;
    if (args_has(a, "current") && args_str(a, "snapshotname"))
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT;
    return flags;
}

const struct dtree_kind dtree_snapshot = {
    DTREE_KIND(Snapshot, SNAPSHOT, "snapshot", "Snapshot"),
    .create_current = VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT,
    .has_state = true, .current = snap_current, .edit_flags = edit_flags,
};

/* ---- snapshot-create, snapshot-create-as -------------------------------- */

#define SNAP_CREATE_FLAG_OPTS \
    { .name = "no-metadata", .type = LVSH_OPT_BOOL, \
      .flag = VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA, \
      .help = "take the snapshot but keep no libvirt metadata for it" }, \
    { .name = "halt", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_CREATE_HALT, \
      .help = "stop the domain once the snapshot exists" }, \
    { .name = "disk-only", .type = LVSH_OPT_BOOL, \
      .flag = VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY, \
      .help = "capture the disks only, not the memory state" }, \
    { .name = "reuse-external", .type = LVSH_OPT_BOOL, \
      .flag = VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT, \
      .help = "reuse existing external files instead of creating them" }, \
    { .name = "quiesce", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE, \
      .help = "freeze the guest's file systems first (needs the guest agent)" }, \
    { .name = "atomic", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC, \
      .help = "all disks or none: never leave a partial snapshot" }, \
    { .name = "live", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_CREATE_LIVE, \
      .help = "take the snapshot while the guest runs" }, \
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE, \
      .help = "validate the snapshot XML against libvirt's schema" }

static const struct lvsh_opt opts_snapshot_create[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "xmlfile", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "snapshot XML (default: an empty <domainsnapshot/>)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    { .name = "redefine", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE,
      .help = "redefine the metadata of an existing snapshot from the XML" },
    { .name = "current", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT,
      .help = "with --redefine, make it the current snapshot" },
    SNAP_CREATE_FLAG_OPTS,
    LVSH_OPT_END,
};


static const struct lvsh_cmd cmd_snapshot_create = {
    .name = "snapshot-create",
    .group = "snapshot",
    .summary = "create a snapshot from XML",
    .description = "Take a snapshot of the domain (disks and memory) described by a "
                   "<domainsnapshot> XML file, or with libvirt's defaults when no file is "
                   "given.  With --redefine, recreate the metadata of a snapshot that exists.",
    .opts = opts_snapshot_create,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_create,
    .target = LVSH_KIND_DOMAIN,
};


static const struct lvsh_opt opts_snapshot_create_as[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    DTREE_OPTS_CREATE_AS("snapshot"),
    SNAP_CREATE_FLAG_OPTS,
    { .name = "memspec", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED,
      .help = "memory state: [file=]/path[,snapshot=internal|external|no]",
      .metavar = "spec", .complete = LVSH_COMP_FILE },
    { .name = "diskspec", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL,
      .help = "a disk: disk[,snapshot=type][,driver=type][,stype=file|block][,file=name] "
              "(repeatable)", .metavar = "spec" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_snapshot_create_as = {
    .name = "snapshot-create-as",
    .group = "snapshot",
    .summary = "create a snapshot from a name and options",
    .description = "Take a snapshot of the domain described by the options rather than an "
                   "XML file: a name, a description, where the memory state goes "
                   "(--memspec) and how each disk is captured (--diskspec, one per disk).  "
                   "--print-xml shows the XML without creating anything.",
    .opts = opts_snapshot_create_as,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_create_as,
    .target = LVSH_KIND_DOMAIN,
};


/* ---- snapshot-current ------------------------------------------------------ */

/* Redefining a snapshot with CURRENT is how libvirt makes it current. */
static enum lvsh_status snap_set_current(struct lvsh_result *r, virDomainPtr d,
                                         const char *name)
{
    const char *dname = virDomainGetName(d);
    virDomainSnapshotPtr snap = virDomainSnapshotLookupByName(d, name, 0);
    if (!snap)
        return err_lib(r, "failed to get snapshot '%s' of domain '%s'", name,
                        dname);
    char *xml = virDomainSnapshotGetXMLDesc(snap, VIR_DOMAIN_SNAPSHOT_XML_SECURE);
    virDomainSnapshotPtr again = NULL;
    if (xml) {
        unsigned flags = VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE | VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT;
        if (strstr(xml, "<state>disk-snapshot</state>"))
            flags |= VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY;
        again = virDomainSnapshotCreateXML(d, xml, flags);
    }
    enum lvsh_status st = LVSH_OK;
    if (!again) {
        st = err_virt(r, "failed to make snapshot '%s' current", name);
    } else {
        out_info(r, "Snapshot %s set as current", name);
        out_bare(r);
        dtree_done(r, d, name, "set current");
        virDomainSnapshotFree(again);
    }
    free(xml);
    virDomainSnapshotFree(snap);
    return st;
}

static enum lvsh_status snap_show_current(struct lvsh_result *r, virDomainPtr d,
                                          const struct lvsh_args *a)
{
    const char *dname = virDomainGetName(d);
    int has = virDomainHasCurrentSnapshot(d, 0);
    if (has < 0)
        return err_virt(r, "failed to get the current snapshot of domain '%s'",
                        dname);
    if (!has)
        return err_fail(r, "domain '%s' has no current snapshot", args_str(a, "domain"));
    virDomainSnapshotPtr snap = virDomainSnapshotCurrent(d, 0);
    if (!snap)
        return err_virt(r, "failed to get the current snapshot of domain '%s'",
                        dname);
    enum lvsh_status st = LVSH_OK;
    const char *name = virDomainSnapshotGetName(snap);
    if (args_has(a, "name")) {
        out_text(r, "%s\n", name);
        out_bare(r);   /* virsh prints the bare name */
        out_json(r, dtree_json_ref(d, name));
    } else {
        char *xml = virDomainSnapshotGetXMLDesc(snap, args_flags(a));
        if (xml)
            out_xml(r, xml);
        else
            st = err_virt(r, "failed to get the XML of snapshot '%s'", name);
        free(xml);
    }
    virDomainSnapshotFree(snap);
    return st;
}

static enum lvsh_status run_snapshot_current(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    if (args_str(a, "snapshotname"))
        return snap_set_current(r, args_target(a), args_str(a, "snapshotname"));
    return snap_show_current(r, args_target(a), a);
}

static const struct lvsh_opt opts_snapshot_current[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "name", .type = LVSH_OPT_BOOL, .help = "print the name rather than the XML" },
    { .name = "security-info", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_XML_SECURE,
      .help = "include security-sensitive information in the XML" },
    { .name = "snapshotname", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_WRITES,
      .help = "make this existing snapshot the current one", .metavar = "snapshot",
      .complete = LVSH_COMP_DOMAIN_SNAPSHOT },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const char *const excl_snapshot_current[] = { "name snapshotname", NULL };

static const struct lvsh_cmd cmd_snapshot_current = {
    .name = "snapshot-current",
    .group = "snapshot",
    .summary = "get or set the current snapshot",
    .description = "Print the XML (or with --name, the name) of the domain's current "
                   "snapshot; given a snapshot name, make that snapshot the current one.",
    .opts = opts_snapshot_current,
    .exclusive = excl_snapshot_current,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_snapshot_current,
    .target = LVSH_KIND_DOMAIN,
};


/* ---- snapshot-dumpxml, snapshot-delete, snapshot-edit ------------------- */

static const struct lvsh_opt opts_snapshot_dumpxml[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "snapshotname", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_REQUIRED, .help = "snapshot name",
      .metavar = "snapshot", .complete = LVSH_COMP_DOMAIN_SNAPSHOT },
    { .name = "security-info", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_XML_SECURE,
      .help = "include security-sensitive information in the XML" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_snapshot_dumpxml = {
    .name = "snapshot-dumpxml",
    .group = "snapshot",
    .summary = "print the XML of a snapshot",
    .description = "Print the <domainsnapshot> XML of a snapshot, which includes the domain "
                   "definition it was taken from.",
    .opts = opts_snapshot_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_snapshot_dumpxml,
    .target = LVSH_KIND_DOMAIN,
};


/* ---- snapshot-revert ---------------------------------------------------------- */

static enum lvsh_status snap_revert(struct lvsh_session *s, const struct lvsh_args *a,
                                  struct lvsh_result *r, const struct dtree_obj *o)
{
    (void)s;
    unsigned flags = args_flags(a);
    int rc = virDomainRevertToSnapshot(o->obj, flags);
    /* --force only where libvirt says the revert is risky, as virsh does */
    if (rc < 0 && args_has(a, "force") && virGetLastErrorCode() == VIR_ERR_SNAPSHOT_REVERT_RISKY)
        rc = virDomainRevertToSnapshot(o->obj, flags | VIR_DOMAIN_SNAPSHOT_REVERT_FORCE);
    if (rc < 0)
        return err_virt(r, "failed to revert domain '%s' to snapshot '%s'",
                        virDomainGetName(o->d), o->name);
    out_info(r, "Domain snapshot %s reverted", o->name);
    dtree_done(r, o->d, o->name, "reverted");
    return LVSH_OK;
}

static enum lvsh_status run_snapshot_revert(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    return dtree_run(s, a, r, snap_revert);
}

static const struct lvsh_opt opts_snapshot_revert[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    SNAP_OPT_NAME("snapshot name"),
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "revert to the current snapshot" },
    { .name = "running", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING,
      .help = "leave the domain running afterwards" },
    { .name = "paused", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED,
      .help = "leave the domain paused afterwards" },
    { .name = "force", .type = LVSH_OPT_BOOL,
      .help = "go ahead with a revert libvirt considers risky" },
    { .name = "reset-nvram", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM,
      .help = "re-initialize NVRAM from its pristine template" },
    LVSH_OPT_END,
};

static const char *const excl_snapshot_revert[] = { "snapshotname current", "running paused",
                                                    NULL };

static const struct lvsh_cmd cmd_snapshot_revert = {
    .name = "snapshot-revert",
    .group = "snapshot",
    .summary = "revert a domain to a snapshot",
    .description = "Bring the domain back to the state saved in a snapshot: its disks, and "
                   "its memory when the snapshot has it.  Changes since then are lost.",
    .opts = opts_snapshot_revert,
    .exclusive = excl_snapshot_revert,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_revert,
    .target = LVSH_KIND_DOMAIN,
};


static const struct lvsh_opt opts_snapshot_delete[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    SNAP_OPT_NAME("snapshot name"),
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "delete the current snapshot" },
    DTREE_OPTS_DELETE(SNAPSHOT, "snapshot",
                      "delete only libvirt's metadata, leaving the snapshot data behind"),
    LVSH_OPT_END,
};

static const char *const excl_snapshot_delete[] = { "snapshotname current",
                                                    "children children-only", NULL };

static const struct lvsh_cmd cmd_snapshot_delete = {
    .name = "snapshot-delete",
    .group = "snapshot",
    .summary = "delete a snapshot",
    .description = "Delete a snapshot and its data; its children are re-parented unless "
                   "--children deletes them too.",
    .opts = opts_snapshot_delete,
    .exclusive = excl_snapshot_delete,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_delete,
    .target = LVSH_KIND_DOMAIN,
};


static const struct lvsh_opt opts_snapshot_edit[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    SNAP_OPT_NAME("snapshot name"),
    { .name = "current", .type = LVSH_OPT_BOOL,
      .help = "edit the current snapshot; with a name, also make it current" },
    { .name = "rename", .type = LVSH_OPT_BOOL, .help = "allow a new name to rename the snapshot" },
    { .name = "clone", .type = LVSH_OPT_BOOL, .help = "allow a new name to clone the snapshot" },
    LVSH_OPT_END,
};

static const char *const excl_snapshot_edit[] = { "rename clone", NULL };

static const struct lvsh_cmd cmd_snapshot_edit = {
    .name = "snapshot-edit",
    .group = "snapshot",
    .summary = "edit the XML of a snapshot",
    .description = "Open the snapshot's XML in $VISUAL or $EDITOR and redefine the snapshot "
                   "from the result.  Nothing changes when the file is left as it was.",
    .opts = opts_snapshot_edit,
    .exclusive = excl_snapshot_edit,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_edit,
    .target = LVSH_KIND_DOMAIN,
};


/* ---- snapshot-list ------------------------------------------------------- */

static const struct lvsh_opt opts_snapshot_list[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    DTREE_OPTS_LIST_PLACE(SNAPSHOT, "snapshot"),
    { .name = "metadata", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_LIST_METADATA,
      .help = "only snapshots with libvirt metadata (which prevents undefine)" },
    { .name = "no-metadata", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA,
      .help = "only snapshots without libvirt metadata" },
    { .name = "inactive", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE,
      .help = "only snapshots of a shut-off domain" },
    { .name = "active", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE,
      .help = "only snapshots of a running domain (full system snapshots)" },
    { .name = "disk-only", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY,
      .help = "only disk-only snapshots" },
    { .name = "internal", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL,
      .help = "only internal snapshots" },
    { .name = "external", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL,
      .help = "only external snapshots" },
    DTREE_OPTS_LIST_FROM("snapshot", LVSH_COMP_DOMAIN_SNAPSHOT),
    { .name = "current", .type = LVSH_OPT_BOOL,
      .help = "only the children of the current snapshot" },
    { .name = "descendants", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS,
      .help = "with --from or --current, all descendants, not only children" },
    DTREE_OPTS_LIST_SHOW(SNAPSHOT),
    LVSH_OPT_END,
};

static const char *const excl_snapshot_list[] = {
    "tree name", "parent roots", "parent tree", "roots tree", "roots from", "roots current",
    "from current", "tree leaves", "tree no-leaves", "tree inactive", "tree active",
    "tree disk-only", "tree internal", "tree external", NULL,
};

static const struct lvsh_cmd cmd_snapshot_list = {
    .name = "snapshot-list",
    .group = "snapshot",
    .summary = "list the snapshots of a domain",
    .description = "List a domain's snapshots with their creation time and state, sorted by "
                   "name; filters select by place in the tree, metadata, state and location. "
                   " In JSON, creation_time is in seconds since the epoch and --tree gives "
                   "nested objects.  libvirt has no bulk form for snapshot details: the "
                   "table costs one call per snapshot (its XML) and --tree one (its parent), "
                   "many in flight at once; --name costs one call in all.",
    .opts = opts_snapshot_list,
    .exclusive = excl_snapshot_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_snapshot_list,
    .target = LVSH_KIND_DOMAIN,
};


/* ---- snapshot-info ---------------------------------------------------------- */

static void info_count(struct lvsh_result *r, virDomainSnapshotPtr snap, const char *label,
                       const char *key, unsigned flags)
{
    int n = virDomainSnapshotNumChildren(snap, flags);
    if (n < 0)
        virResetLastError();
    else
        out_field_int(r, label, key, n);
}

static void info_fields(struct lvsh_result *r, virDomainPtr d, virDomainSnapshotPtr snap,
                        const struct dtree_facts *f)
{
    out_field_str(r, "Name", "name", virDomainSnapshotGetName(snap));
    out_field_str(r, "Domain", "domain", virDomainGetName(d));
    int cur = virDomainSnapshotIsCurrent(snap, 0);
    if (cur < 0)
        virResetLastError();
    out_field(r, "Current", "current", json_boolean(cur > 0), cur > 0 ? "yes" : "no");
    out_field_str(r, "State", "state", f->state);
    out_field_str(r, "Location", "location", f->external ? "external" : "internal");
    out_field(r, "Parent", "parent", json_str(f->parent), f->parent ? f->parent : "-");
    info_count(r, snap, "Children", "children", 0);
    info_count(r, snap, "Descendants", "descendants", VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS);
    int meta = virDomainSnapshotHasMetadata(snap, 0);
    if (meta < 0)
        virResetLastError();
    else
        out_field(r, "Metadata", "metadata", json_boolean(meta), meta ? "yes" : "no");
}

static enum lvsh_status snap_info(struct lvsh_session *s, const struct lvsh_args *a,
                                struct lvsh_result *r, const struct dtree_obj *o)
{
    (void)s;
    (void)a;
    char *xml = virDomainSnapshotGetXMLDesc(o->obj, 0);
    if (!xml)
        return err_virt(r, "failed to get the XML of snapshot '%s'", o->name);
    struct dtree_facts f;
    bool ok = dtree_facts_parse(o->k, r, xml, &f);
    free(xml);
    if (!ok)
        return LVSH_FAILED;
    out_record_width(r, 15);
    info_fields(r, o->d, o->obj, &f);
    dtree_facts_free(&f);
    return LVSH_OK;
}

static enum lvsh_status run_snapshot_info(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    return dtree_run(s, a, r, snap_info);
}

static const struct lvsh_opt opts_snapshot_info[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    SNAP_OPT_NAME("snapshot name"),
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "the current snapshot" },
    LVSH_OPT_END,
};

static const char *const excl_snapshot_name_current[] = { "snapshotname current", NULL };

static const struct lvsh_cmd cmd_snapshot_info = {
    .name = "snapshot-info",
    .group = "snapshot",
    .summary = "show basic information about a snapshot",
    .description = "Print a snapshot's name, domain, whether it is current, the domain state "
                   "it captured, internal or external location, parent, number of children "
                   "and descendants, and whether libvirt keeps metadata for it.",
    .opts = opts_snapshot_info,
    .exclusive = excl_snapshot_name_current,
    .flags = LVSH_CMD_CONN,
    .handler = run_snapshot_info,
    .target = LVSH_KIND_DOMAIN,
};


/* ---- snapshot-parent ----------------------------------------------------- */

static const struct lvsh_opt opts_snapshot_parent[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    SNAP_OPT_NAME("the snapshot whose parent to print"),
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "the parent of the current snapshot" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_snapshot_parent = {
    .name = "snapshot-parent",
    .group = "snapshot",
    .summary = "print the name of a snapshot's parent",
    .description = "Print the name of the snapshot this one was taken on top of; it fails "
                   "for a root snapshot.",
    .opts = opts_snapshot_parent,
    .exclusive = excl_snapshot_name_current,
    .flags = LVSH_CMD_CONN,
    .handler = run_snapshot_parent,
    .target = LVSH_KIND_DOMAIN,
};


LVSH_FAMILY(domain_snapshot) = { &cmd_snapshot_create, &cmd_snapshot_create_as,
                                 &cmd_snapshot_current, &cmd_snapshot_dumpxml,
                                 &cmd_snapshot_edit, &cmd_snapshot_revert,
                                 &cmd_snapshot_delete, &cmd_snapshot_list, &cmd_snapshot_info,
                                 &cmd_snapshot_parent, NULL };
