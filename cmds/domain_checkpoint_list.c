/* domain_checkpoint_list.c: looking at checkpoints (checkpoint-list,
 * checkpoint-info, checkpoint-parent).
 *
 * A listing is one virDomainListAllCheckpoints (or ListAllChildren) call;
 * the table's creation times cost one XML call per checkpoint (libvirt has
 * no bulk call for checkpoint XML), --name none and --tree one parent
 * lookup each. */
#include "domain_checkpoint.h"
#include "domain_snapshot.h"
#include "parallel.h"
#include "tree.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct ckpt_row {
    virDomainCheckpointPtr cp;
    char *parent;            /* NULL for a root */
    virErrorPtr err;         /* --tree: why the parent could not be read */
    struct ckpt_facts f;
    bool have_facts;         /* f was read; rows whose XML vanished are skipped */
};

struct ckpt_list {
    struct ckpt_row *rows;
    int n;
};

static void ckpt_list_free(struct ckpt_list *l)
{
    for (int i = 0; i < l->n; i++) {
        virDomainCheckpointFree(l->rows[i].cp);
        free(l->rows[i].parent);
        ckpt_facts_free(&l->rows[i].f);
    }
    free(l->rows);
    memset(l, 0, sizeof(*l));
}

static const char *row_name(const struct ckpt_row *row)
{
    return virDomainCheckpointGetName(row->cp);
}

static int row_cmp(const void *x, const void *y)
{
    return strcasecmp(row_name(x), row_name(y));
}

static unsigned list_flags(const struct lvsh_args *a)
{
    static const struct { const char *opt; unsigned flag; } map[] = {
        { "roots", VIR_DOMAIN_CHECKPOINT_LIST_ROOTS },
        { "leaves", VIR_DOMAIN_CHECKPOINT_LIST_LEAVES },
        { "no-leaves", VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES },
        { "topological", VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL },
        { "descendants", VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS },
    };
    unsigned flags = 0;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (args_has(a, map[i].opt))
            flags |= map[i].flag;
    return flags;
}

/* Checkpoint i's parent (run on several threads: par_each); a failure
 * keeps libvirt's error for the calling thread to report. */
static void fetch_parent(void *ctx, size_t i)
{
    struct ckpt_row *row = (struct ckpt_row *)ctx + i;
    virDomainCheckpointPtr p = virDomainCheckpointGetParent(row->cp, 0);
    if (p) {
        row->parent = xstrdup(virDomainCheckpointGetName(p));
        virDomainCheckpointFree(p);
    } else if (virGetLastErrorCode() != VIR_ERR_NO_DOMAIN_CHECKPOINT) {
        row->err = virSaveLastError();
    }
    virResetLastError();
}

/* Every row's parent, many calls in flight; the first failure in row
 * order is the one reported. */
static bool read_parents(struct lvsh_result *r, struct ckpt_list *l)
{
    bool ok = true;
    par_each((size_t)l->n, fetch_parent, l->rows);
    for (int i = 0; i < l->n; i++) {
        if (l->rows[i].err && ok) {
            par_fail(r, l->rows[i].err, "failed to get the parent of checkpoint '%s'",
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
static bool collect(struct lvsh_result *r, virDomainPtr d, virDomainCheckpointPtr from,
                    unsigned flags, bool tree, struct ckpt_list *l)
{
    virDomainCheckpointPtr *cps = NULL;
    const char *dname = virDomainGetName(d);
    int n = from ? virDomainCheckpointListAllChildren(from, &cps, flags)
                 : virDomainListAllCheckpoints(d, &cps, flags);
    memset(l, 0, sizeof(*l));
    if (n < 0) {
        err_virt(r, "failed to list the checkpoints of domain '%s'", dname);
        return false;
    }
    l->rows = xcalloc((size_t)n + 1, sizeof(*l->rows));
    for (int i = 0; i < n; i++)
        l->rows[l->n++].cp = cps[i];
    free(cps);
    if (tree && !read_parents(r, l))
        return false;
    if (tree && from) {
        virDomainCheckpointRef(from);
        l->rows[l->n++].cp = from;
    }
    if (!(flags & VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL))
        qsort(l->rows, (size_t)l->n, sizeof(*l->rows), row_cmp);
    return true;
}

struct xml_fetch {
    const struct ckpt_list *l;
    char **xml;
};

/* Checkpoint i's XML (run on several threads: par_each). */
static void fetch_xml(void *ctx, size_t i)
{
    struct xml_fetch *f = ctx;
    f->xml[i] = virDomainCheckpointGetXMLDesc(f->l->rows[i].cp,
                                              VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
    if (!f->xml[i])
        virResetLastError();
}

/* Read each checkpoint's XML, many calls in flight, then parse them here;
 * one that vanished meanwhile is skipped. */
static void read_facts(struct ckpt_list *l)
{
    struct xml_fetch f = { l, xcalloc((size_t)l->n + 1, sizeof(char *)) };
    par_each((size_t)l->n, fetch_xml, &f);
    for (int i = 0; i < l->n; i++) {
        if (f.xml[i])
            l->rows[i].have_facts = ckpt_facts_parse(NULL, f.xml[i], &l->rows[i].f);
        free(f.xml[i]);
    }
    free(f.xml);
}

static void list_table(struct lvsh_result *r, const struct ckpt_list *l, bool parent)
{
    struct out_table *t = out_table(r);
    json_t *arr = json_array();
    out_table_col(t, "Name", "name", 0);
    out_table_col(t, "Creation Time", "creation_time", 0);
    if (parent)
        out_table_col(t, "Parent", "parent", 0);
    for (int i = 0; i < l->n; i++) {
        const struct ckpt_row *row = &l->rows[i];
        if (!row->have_facts)
            continue;
        char *when = snap_time_text(row->f.ctime);
        out_table_row(t);
        out_cell_str(t, row_name(row));
        out_cell(t, json_integer((json_int_t)row->f.ctime), when);
        if (parent)
            out_cell(t, json_str(row->f.parent), row->f.parent ? row->f.parent : "");
        json_array_append_new(arr, json_pack("{s:o,s:I,s:o,s:o}", "name",
                                             json_str(row_name(row)), "creation_time",
                                             (json_int_t)row->f.ctime, "parent",
                                             json_str(row->f.parent), "description",
                                             json_str(row->f.description)));
        free(when);
    }
    out_json(r, arr);
}

/* ---- --tree, drawn the way virsh draws it ------------------------------- */

/* Roots are rows without a parent, or only --from itself under --from. */
static void list_tree(struct lvsh_result *r, const struct ckpt_list *l,
                      virDomainCheckpointPtr from)
{
    const char **names = xcalloc((size_t)l->n + 1, sizeof(char *));
    const char **parents = xcalloc((size_t)l->n + 1, sizeof(char *));
    bool *roots = xcalloc((size_t)l->n + 1, sizeof(bool));
    struct buf out = BUF_INIT;
    json_t *json;
    for (int i = 0; i < l->n; i++) {
        names[i] = row_name(&l->rows[i]);
        parents[i] = l->rows[i].parent;
        roots[i] = from ? strcmp(names[i], virDomainCheckpointGetName(from)) == 0 : !parents[i];
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

static enum lvsh_status cmd_domain_checkpoint_list(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    if (args_has(a, "descendants") && !args_has(a, "from"))
        return err_usage(r, "--descendants needs --from");
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    virDomainCheckpointPtr from = NULL;
    enum lvsh_status st = LVSH_OK;
    if (args_has(a, "from"))
        st = ckpt_lookup(r, d, a, "from", &from);
    struct ckpt_list l = { NULL, 0 };
    bool tree = args_has(a, "tree");
    if (st != LVSH_OK) {
        ;
    } else if (!collect(r, d, from, list_flags(a), tree, &l)) {
        st = LVSH_FAILED;
    } else if (tree) {
        list_tree(r, &l, from);
    } else if (args_has(a, "name") && !lvsh_wants_json(s, a)) {
        for (int i = 0; i < l.n; i++)
            out_text(r, "%s\n", row_name(&l.rows[i]));
    } else {
        read_facts(&l);
        list_table(r, &l, args_has(a, "parent"));
    }
    ckpt_list_free(&l);
    if (from)
        virDomainCheckpointFree(from);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_checkpoint_list[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "parent", .type = LVSH_OPT_BOOL, .help = "add a column with each parent" },
    { .name = "roots", .type = LVSH_OPT_BOOL, .help = "only checkpoints without a parent" },
    { .name = "leaves", .type = LVSH_OPT_BOOL, .help = "only checkpoints without children" },
    { .name = "no-leaves", .type = LVSH_OPT_BOOL, .help = "only checkpoints with children" },
    { .name = "tree", .type = LVSH_OPT_BOOL, .help = "draw the checkpoints as a tree" },
    { .name = "from", .type = LVSH_OPT_STRING, .help = "only the children of this checkpoint",
      .metavar = "checkpoint", .complete = LVSH_COMP_NONE },
    { .name = "descendants", .type = LVSH_OPT_BOOL,
      .help = "with --from, all descendants, not only children" },
    { .name = "name", .type = LVSH_OPT_BOOL, .help = "print only the names" },
    { .name = "topological", .type = LVSH_OPT_BOOL,
      .help = "sort parents before their children rather than by name" },
    LVSH_OPT_END,
};

static const char *const excl_checkpoint_list[] = {
    "tree name", "parent roots", "parent tree", "roots tree", "roots from",
    "roots descendants", "leaves no-leaves", NULL,
};

static const struct lvsh_cmd cmd_checkpoint_list = {
    .name = "checkpoint-list",
    .group = "checkpoint",
    .summary = "list the checkpoints of a domain",
    .description = "List a domain's checkpoints with their creation time, sorted by name; "
                   "filters select by place in the tree.  In JSON, creation_time is in "
                   "seconds since the epoch and --tree gives nested objects.",
    .opts = opts_checkpoint_list,
    .exclusive = excl_checkpoint_list,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_checkpoint_list,
};

/* ---- checkpoint-info ---------------------------------------------------- */

static void info_count(struct lvsh_result *r, virDomainCheckpointPtr cp, const char *label,
                       const char *key, unsigned flags)
{
    virDomainCheckpointPtr *kids = NULL;
    int n = virDomainCheckpointListAllChildren(cp, &kids, flags);
    if (n < 0) {
        virResetLastError();
        return;
    }
    for (int i = 0; i < n; i++)
        virDomainCheckpointFree(kids[i]);
    free(kids);
    out_field_int(r, label, key, n);
}

static enum lvsh_status cmd_domain_checkpoint_info(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    virDomainCheckpointPtr cp;
    char *parent = NULL;
    enum lvsh_status st = ckpt_lookup(r, d, a, "checkpointname", &cp);
    if (cp && !ckpt_parent_name(r, cp, &parent)) {
        st = LVSH_FAILED;
    } else if (cp) {
        out_record_width(r, 15);
        out_field_str(r, "Name", "name", virDomainCheckpointGetName(cp));
        out_field_str(r, "Domain", "domain", virDomainGetName(d));
        out_field(r, "Parent", "parent", json_str(parent), parent ? parent : "-");
        info_count(r, cp, "Children", "children", 0);
        info_count(r, cp, "Descendants", "descendants", VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS);
    }
    free(parent);
    if (cp)
        virDomainCheckpointFree(cp);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_checkpoint_info[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    CKPT_OPT_NAME("checkpoint name"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_checkpoint_info = {
    .name = "checkpoint-info",
    .group = "checkpoint",
    .summary = "show basic information about a checkpoint",
    .description = "Print a checkpoint's name, domain, parent and number of children and "
                   "descendants.",
    .opts = opts_checkpoint_info,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_checkpoint_info,
};

/* ---- checkpoint-parent -------------------------------------------------- */

static enum lvsh_status cmd_domain_checkpoint_parent(struct lvsh_session *s,
                                                     const struct lvsh_args *a,
                                                     struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    virDomainCheckpointPtr cp;
    char *parent = NULL;
    enum lvsh_status st = ckpt_lookup(r, d, a, "checkpointname", &cp);
    if (cp && !ckpt_parent_name(r, cp, &parent)) {
        st = LVSH_FAILED;
    } else if (cp && !parent) {
        st = err_fail(r, "checkpoint '%s' has no parent", virDomainCheckpointGetName(cp));
    } else if (cp) {
        out_text(r, "%s\n", parent);
        out_bare(r);   /* virsh prints the bare name */
        json_t *j = ckpt_json_ref(d, virDomainCheckpointGetName(cp));
        json_object_set_new(j, "parent", json_str(parent));
        out_json(r, j);
    }
    free(parent);
    if (cp)
        virDomainCheckpointFree(cp);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_checkpoint_parent[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    CKPT_OPT_NAME("the checkpoint whose parent to print"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_checkpoint_parent = {
    .name = "checkpoint-parent",
    .group = "checkpoint",
    .summary = "print the name of a checkpoint's parent",
    .description = "Print the name of the checkpoint this one was taken after; it fails "
                   "for a root checkpoint.",
    .opts = opts_checkpoint_parent,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_checkpoint_parent,
};

LVSH_FAMILY(domain_checkpoint_list) = { &cmd_checkpoint_list, &cmd_checkpoint_info,
                                        &cmd_checkpoint_parent, NULL };
