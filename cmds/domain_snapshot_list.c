/* domain_snapshot_list.c: looking at snapshots (snapshot-list, snapshot-info,
 * snapshot-parent).
 *
 * A listing is one virDomainListAllSnapshots (or ListAllChildren) call.
 * libvirt has no bulk call for snapshot XML, so the table's creation time
 * and state cost one XML call per snapshot (as in virsh); --name needs none
 * and --tree only the parent of each. */
#include "domain_snapshot.h"
#include "parallel.h"
#include "tree.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct snap_row {
    virDomainSnapshotPtr snap;
    char *parent;            /* --tree: NULL for a root */
    virErrorPtr err;         /* --tree: why the parent could not be read */
    struct snap_facts f;
    bool have_facts;         /* f was read; rows whose XML vanished are skipped */
};

struct snap_list {
    struct snap_row *rows;
    int n;
};

static void snap_list_free(struct snap_list *l)
{
    for (int i = 0; i < l->n; i++) {
        virDomainSnapshotFree(l->rows[i].snap);
        free(l->rows[i].parent);
        snap_facts_free(&l->rows[i].f);
    }
    free(l->rows);
    memset(l, 0, sizeof(*l));
}

static const char *row_name(const struct snap_row *row)
{
    return virDomainSnapshotGetName(row->snap);
}

static int row_cmp(const void *x, const void *y)
{
    return strcasecmp(row_name(x), row_name(y));
}

/* The parent's name, NULL for a root; false (r filled) on failure. */
static bool snap_parent_name(struct lvsh_result *r, virDomainSnapshotPtr snap, char **out)
{
    const char *name = virDomainSnapshotGetName(snap);
    *out = NULL;
    virDomainSnapshotPtr p = virDomainSnapshotGetParent(snap, 0);
    if (p) {
        *out = xstrdup(virDomainSnapshotGetName(p));
        virDomainSnapshotFree(p);
        return true;
    }
    if (virGetLastErrorCode() == VIR_ERR_NO_DOMAIN_SNAPSHOT) {
        virResetLastError();
        return true;
    }
    err_virt(r, "failed to get the parent of snapshot '%s'", name);
    return false;
}

static unsigned list_flags(const struct lvsh_args *a)
{
    static const struct { const char *opt; unsigned flag; } map[] = {
        { "roots", VIR_DOMAIN_SNAPSHOT_LIST_ROOTS },
        { "leaves", VIR_DOMAIN_SNAPSHOT_LIST_LEAVES },
        { "no-leaves", VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES },
        { "metadata", VIR_DOMAIN_SNAPSHOT_LIST_METADATA },
        { "no-metadata", VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA },
        { "inactive", VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE },
        { "active", VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE },
        { "disk-only", VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY },
        { "internal", VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL },
        { "external", VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL },
        { "topological", VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL },
        { "descendants", VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS },
    };
    unsigned flags = 0;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (args_has(a, map[i].opt))
            flags |= map[i].flag;
    return flags;
}

/* Snapshot i's parent (run on several threads: par_each); a failure
 * keeps libvirt's error for the calling thread to report. */
static void fetch_parent(void *ctx, size_t i)
{
    struct snap_row *row = (struct snap_row *)ctx + i;
    virDomainSnapshotPtr p = virDomainSnapshotGetParent(row->snap, 0);
    if (p) {
        row->parent = xstrdup(virDomainSnapshotGetName(p));
        virDomainSnapshotFree(p);
    } else if (virGetLastErrorCode() != VIR_ERR_NO_DOMAIN_SNAPSHOT) {
        row->err = virSaveLastError();
    }
    virResetLastError();
}

/* Every row's parent, many calls in flight; the first failure in row
 * order is the one reported. */
static bool read_parents(struct lvsh_result *r, struct snap_list *l)
{
    bool ok = true;
    par_each((size_t)l->n, fetch_parent, l->rows);
    for (int i = 0; i < l->n; i++) {
        if (l->rows[i].err && ok) {
            par_fail(r, l->rows[i].err, "failed to get the parent of snapshot '%s'",
                     row_name(&l->rows[i]));
            ok = false;
        } else {
            virFreeError(l->rows[i].err);
        }
        l->rows[i].err = NULL;
    }
    return ok;
}

/* One bulk listing; with --tree also the parents, and --from itself as
 * the only root.  Sorted by name unless --topological. */
static bool collect(struct lvsh_result *r, virDomainPtr d, virDomainSnapshotPtr from,
                    unsigned flags, bool tree, struct snap_list *l)
{
    virDomainSnapshotPtr *snaps = NULL;
    const char *dname = virDomainGetName(d);
    int n = from ? virDomainSnapshotListAllChildren(from, &snaps, flags)
                 : virDomainListAllSnapshots(d, &snaps, flags);
    memset(l, 0, sizeof(*l));
    if (n < 0) {
        err_virt(r, "failed to list the snapshots of domain '%s'", dname);
        return false;
    }
    l->rows = xcalloc((size_t)n + 1, sizeof(*l->rows));
    for (int i = 0; i < n; i++)
        l->rows[l->n++].snap = snaps[i];
    free(snaps);
    if (tree && !read_parents(r, l))
        return false;
    if (tree && from) {
        virDomainSnapshotRef(from);
        l->rows[l->n++].snap = from;
    }
    if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL))
        qsort(l->rows, (size_t)l->n, sizeof(*l->rows), row_cmp);
    return true;
}

struct xml_fetch {
    const struct snap_list *l;
    char **xml;
};

/* Snapshot i's XML (run on several threads: par_each). */
static void fetch_xml(void *ctx, size_t i)
{
    struct xml_fetch *f = ctx;
    f->xml[i] = virDomainSnapshotGetXMLDesc(f->l->rows[i].snap, 0);
    if (!f->xml[i])
        virResetLastError();
}

/* Read each snapshot's XML, many calls in flight, then parse them here;
 * one that vanished meanwhile is skipped. */
static void read_facts(struct snap_list *l)
{
    struct xml_fetch f = { l, xcalloc((size_t)l->n + 1, sizeof(char *)) };
    par_each((size_t)l->n, fetch_xml, &f);
    for (int i = 0; i < l->n; i++) {
        if (f.xml[i])
            l->rows[i].have_facts = snap_facts_parse(NULL, f.xml[i], &l->rows[i].f);
        free(f.xml[i]);
    }
    free(f.xml);
}

static json_t *row_json(const struct snap_row *row)
{
    return json_pack("{s:o,s:I,s:o,s:o,s:s,s:o}", "name", json_str(row_name(row)),
                     "creation_time", (json_int_t)row->f.ctime, "state", json_str(row->f.state),
                     "parent", json_str(row->f.parent),
                     "location", row->f.external ? "external" : "internal",
                     "description", json_str(row->f.description));
}

static void list_table(struct lvsh_result *r, const struct snap_list *l, bool parent)
{
    struct out_table *t = out_table(r);
    json_t *arr = json_array();
    out_table_col(t, "Name", "name", 0);
    out_table_col(t, "Creation Time", "creation_time", 0);
    out_table_col(t, "State", "state", 0);
    if (parent)
        out_table_col(t, "Parent", "parent", 0);
    for (int i = 0; i < l->n; i++) {
        const struct snap_row *row = &l->rows[i];
        if (!row->have_facts)
            continue;
        char *when = snap_time_text(row->f.ctime);
        out_table_row(t);
        out_cell_str(t, row_name(row));
        out_cell(t, json_integer((json_int_t)row->f.ctime), when);
        out_cell_str(t, row->f.state);
        if (parent)
            out_cell(t, json_str(row->f.parent), row->f.parent ? row->f.parent : "");
        json_array_append_new(arr, row_json(row));
        free(when);
    }
    out_json(r, arr);
}

/* ---- --tree, drawn the way virsh draws it ------------------------------- */

static void list_tree(struct lvsh_result *r, const struct snap_list *l)
{
    const char **names = xcalloc((size_t)l->n + 1, sizeof(char *));
    const char **parents = xcalloc((size_t)l->n + 1, sizeof(char *));
    bool *roots = xcalloc((size_t)l->n + 1, sizeof(bool));
    struct buf out = BUF_INIT;
    json_t *json;
    for (int i = 0; i < l->n; i++) {
        names[i] = row_name(&l->rows[i]);
        parents[i] = l->rows[i].parent;
        roots[i] = !parents[i];
    }
    tree_draw(&out, (size_t)l->n, names, parents, roots, &json);
    if (out.len)
        out_text(r, "%s", buf_str(&out));
    out_json(r, json);
    buf_free(&out);
    free(names);
    free(parents);
    free(roots);
}

static enum lvsh_status list_show(struct lvsh_session *s, const struct lvsh_args *a,
                                  struct lvsh_result *r, struct snap_list *l)
{
    if (args_has(a, "tree")) {
        list_tree(r, l);
        return LVSH_OK;
    }
    bool json = lvsh_wants_json(s, a);
    if (args_has(a, "name") && !json) {
        for (int i = 0; i < l->n; i++)
            out_text(r, "%s\n", row_name(&l->rows[i]));
        return LVSH_OK;
    }
    read_facts(l);
    list_table(r, l, args_has(a, "parent"));
    return LVSH_OK;
}

static enum lvsh_status cmd_domain_snapshot_list(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    bool from = args_has(a, "from") || args_has(a, "current");
    if (args_has(a, "descendants") && !from)
        return err_usage(r, "--descendants needs --from or --current");
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    virDomainSnapshotPtr start = NULL;
    enum lvsh_status st = from ? snap_lookup(r, d, a, "from", &start) : LVSH_OK;
    struct snap_list l = { NULL, 0 };
    if (st != LVSH_OK)
        ;
    else if (!collect(r, d, start, list_flags(a), args_has(a, "tree"), &l))
        st = LVSH_FAILED;
    else
        st = list_show(s, a, r, &l);
    snap_list_free(&l);
    if (start)
        virDomainSnapshotFree(start);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_snapshot_list[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "parent", .type = LVSH_OPT_BOOL, .help = "add a column with each parent" },
    { .name = "roots", .type = LVSH_OPT_BOOL, .help = "only snapshots without a parent" },
    { .name = "leaves", .type = LVSH_OPT_BOOL, .help = "only snapshots without children" },
    { .name = "no-leaves", .type = LVSH_OPT_BOOL, .help = "only snapshots with children" },
    { .name = "metadata", .type = LVSH_OPT_BOOL,
      .help = "only snapshots with libvirt metadata (which prevents undefine)" },
    { .name = "no-metadata", .type = LVSH_OPT_BOOL,
      .help = "only snapshots without libvirt metadata" },
    { .name = "inactive", .type = LVSH_OPT_BOOL, .help = "only snapshots of a shut-off domain" },
    { .name = "active", .type = LVSH_OPT_BOOL,
      .help = "only snapshots of a running domain (full system snapshots)" },
    { .name = "disk-only", .type = LVSH_OPT_BOOL, .help = "only disk-only snapshots" },
    { .name = "internal", .type = LVSH_OPT_BOOL, .help = "only internal snapshots" },
    { .name = "external", .type = LVSH_OPT_BOOL, .help = "only external snapshots" },
    { .name = "tree", .type = LVSH_OPT_BOOL, .help = "draw the snapshots as a tree" },
    { .name = "from", .type = LVSH_OPT_STRING, .help = "only the children of this snapshot",
      .metavar = "snapshot", .complete = LVSH_COMP_DOMAIN_SNAPSHOT },
    { .name = "current", .type = LVSH_OPT_BOOL,
      .help = "only the children of the current snapshot" },
    { .name = "descendants", .type = LVSH_OPT_BOOL,
      .help = "with --from or --current, all descendants, not only children" },
    { .name = "name", .type = LVSH_OPT_BOOL, .help = "print only the names" },
    { .name = "topological", .type = LVSH_OPT_BOOL,
      .help = "sort parents before their children rather than by name" },
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
    .handler = cmd_domain_snapshot_list,
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
                        const struct snap_facts *f)
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

static enum lvsh_status cmd_domain_snapshot_info(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    virDomainSnapshotPtr snap;
    enum lvsh_status st = snap_lookup(r, d, a, "snapshotname", &snap);
    const char *name = snap ? virDomainSnapshotGetName(snap) : NULL;
    char *xml = snap ? virDomainSnapshotGetXMLDesc(snap, 0) : NULL;
    struct snap_facts f;
    if (snap && !xml) {
        st = err_virt(r, "failed to get the XML of snapshot '%s'", name);
    } else if (xml && !snap_facts_parse(r, xml, &f)) {
        st = LVSH_FAILED;
    } else if (xml) {
        out_record_width(r, 15);
        info_fields(r, d, snap, &f);
        snap_facts_free(&f);
    }
    free(xml);
    if (snap)
        virDomainSnapshotFree(snap);
    virDomainFree(d);
    return st;
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
    .handler = cmd_domain_snapshot_info,
};

/* ---- snapshot-parent ---------------------------------------------------------- */

static enum lvsh_status cmd_domain_snapshot_parent(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    virDomainSnapshotPtr snap;
    enum lvsh_status st = snap_lookup(r, d, a, "snapshotname", &snap);
    char *parent = NULL;
    if (snap && !snap_parent_name(r, snap, &parent)) {
        st = LVSH_FAILED;
    } else if (snap) {
        const char *name = virDomainSnapshotGetName(snap);
        if (!parent) {
            st = err_fail(r, "snapshot '%s' has no parent", name);
        } else {
            out_text(r, "%s\n", parent);
            out_bare(r);   /* virsh prints the bare name */
            json_t *j = snap_json_ref(d, name);
            json_object_set_new(j, "parent", json_str(parent));
            out_json(r, j);
        }
    }
    free(parent);
    if (snap)
        virDomainSnapshotFree(snap);
    virDomainFree(d);
    return st;
}

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
    .handler = cmd_domain_snapshot_parent,
};

LVSH_FAMILY(domain_snapshot_list) = { &cmd_snapshot_list, &cmd_snapshot_info,
                                      &cmd_snapshot_parent, NULL };
