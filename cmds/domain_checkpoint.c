/* domain_checkpoint.c: the checkpoint commands.  The core they share with
 * snapshots (lookups, listing, create, dumpxml, delete, parent, edit) is
 * domain_tree.c; here are the checkpoint kind, its create-as --diskspec and
 * checkpoint-info. */
#include "domain_tree.h"

#include <stdlib.h>
#include <string.h>

DTREE_OPS_DEFINE(Checkpoint)

#define CKPT_OPT_NAME(helptext) \
    { .name = "checkpointname", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_POSITIONAL, .help = (helptext), \
      .metavar = "checkpoint", .complete = LVSH_COMP_DOMAIN_CHECKPOINT }

/* ---- checkpoint-create-as --diskspec ------------------------------------- */

/* One --diskspec, "disk[,checkpoint=type][,bitmap=name]" (",," is a comma),
 * as a <disk> element; false when it does not parse. */
static bool add_diskspec(struct buf *b, const char *spec)
{
    char *copy = xstrdup(spec), *field[3] = { copy, NULL, NULL };
    int n = 1;
    char *w = copy;
    for (const char *p = spec; *p; p++) {
        if (*p == ',' && p[1] == ',') {
            *w++ = ',';
            p++;
        } else if (*p == ',') {
            *w++ = '\0';
            if (n == 3) {
                free(copy);
                return false;
            }
            field[n++] = w;
        } else {
            *w++ = *p;
        }
    }
    *w = '\0';
    const char *ck = NULL, *bitmap = NULL;
    bool ok = field[0][0] != '\0';
    for (int i = 1; i < n && ok; i++) {
        if (!ck && str_prefix(field[i], "checkpoint="))
            ck = field[i] + strlen("checkpoint=");
        else if (!bitmap && str_prefix(field[i], "bitmap="))
            bitmap = field[i] + strlen("bitmap=");
        else
            ok = false;
    }
    if (ok) {
        dtree_xml_esc(b, "    <disk name='%s'", field[0]);
        if (ck)
            dtree_xml_esc(b, " checkpoint='%s'", ck);
        if (bitmap)
            dtree_xml_esc(b, " bitmap='%s'", bitmap);
        buf_adds(b, "/>\n");
    }
    free(copy);
    return ok;
}

/* Every --diskspec as one <disks> element. */
static enum lvsh_status add_specs(struct lvsh_result *r, struct buf *b,
                                  const struct lvsh_args *a)
{
    int nspec;
    char *const *specs = args_rest(a, "diskspec", &nspec);
    if (!specs)
        return LVSH_OK;
    buf_adds(b, "  <disks>\n");
    for (int i = 0; i < nspec; i++)
        if (!add_diskspec(b, specs[i]))
            return err_usage(r, "cannot parse --diskspec '%s' (expected "
                             "disk[,checkpoint=type][,bitmap=name])", specs[i]);
    buf_adds(b, "  </disks>\n");
    return LVSH_OK;
}

const struct dtree_kind dtree_checkpoint = {
    DTREE_KIND(Checkpoint, CHECKPOINT, "checkpoint", "Checkpoint"),
    .list_xml_flags = VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN,
};

/* ---- checkpoint-create, checkpoint-create-as ------------------------------ */

static const struct lvsh_opt opts_checkpoint_create[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "xmlfile", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "checkpoint XML (default: an empty <domaincheckpoint/>)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    { .name = "redefine", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE,
      .help = "redefine the metadata of an existing checkpoint from the XML" },
    { .name = "redefine-validate", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE |
              VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE,
      .help = "redefine, checking the XML against the disks' bitmaps" },
    { .name = "quiesce", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE,
      .help = "freeze the guest's file systems first (needs the guest agent)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_checkpoint_create = {
    .name = "checkpoint-create",
    .group = "checkpoint",
    .summary = "create a checkpoint from XML",
    .description = "Start tracking the blocks that change on the domain's disks from now on, "
                   "as a <domaincheckpoint> XML file describes (libvirt's defaults without a "
                   "file).  A later incremental backup copies only those blocks.",
    .opts = opts_checkpoint_create,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_create,
    .target = LVSH_KIND_DOMAIN,
};

static const struct lvsh_opt opts_checkpoint_create_as[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    DTREE_OPTS_CREATE_AS("checkpoint"),
    { .name = "quiesce", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE,
      .help = "freeze the guest's file systems first (needs the guest agent)" },
    { .name = "diskspec", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL,
      .help = "a disk: disk[,checkpoint=type][,bitmap=name] (repeatable)",
      .metavar = "spec" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_checkpoint_create_as = {
    .name = "checkpoint-create-as",
    .group = "checkpoint",
    .summary = "create a checkpoint from a name and options",
    .description = "Create a checkpoint described by options rather than an XML file: a "
                   "name, a description and how each disk is tracked (--diskspec, one per "
                   "disk).  --print-xml shows the XML without creating anything.",
    .opts = opts_checkpoint_create_as,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_create_as,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- checkpoint-dumpxml, checkpoint-delete, checkpoint-edit ------------- */

static const struct lvsh_opt opts_checkpoint_dumpxml[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    CKPT_OPT_NAME("checkpoint name"),
    { .name = "security-info", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_CHECKPOINT_XML_SECURE,
      .help = "include security-sensitive information in the XML" },
    { .name = "no-domain", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN,
      .help = "leave the <domain> definition out of the XML" },
    { .name = "size", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_CHECKPOINT_XML_SIZE,
      .help = "include the estimated size of a backup from this checkpoint" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_checkpoint_dumpxml = {
    .name = "checkpoint-dumpxml",
    .group = "checkpoint",
    .summary = "print the XML of a checkpoint",
    .description = "Print the <domaincheckpoint> XML of a checkpoint, which includes the "
                   "domain definition it was taken from unless --no-domain.",
    .opts = opts_checkpoint_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_snapshot_dumpxml,
    .target = LVSH_KIND_DOMAIN,
};

static const struct lvsh_opt opts_checkpoint_delete[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    CKPT_OPT_NAME("checkpoint name"),
    DTREE_OPTS_DELETE(CHECKPOINT, "checkpoint",
                      "delete only libvirt's metadata, leaving the disks' bitmaps behind"),
    LVSH_OPT_END,
};

static const char *const excl_checkpoint_delete[] = { "children children-only", NULL };

static const struct lvsh_cmd cmd_checkpoint_delete = {
    .name = "checkpoint-delete",
    .group = "checkpoint",
    .summary = "delete a checkpoint",
    .description = "Delete a checkpoint and its bitmaps; its children are re-parented "
                   "unless --children deletes them too.",
    .opts = opts_checkpoint_delete,
    .exclusive = excl_checkpoint_delete,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_delete,
    .target = LVSH_KIND_DOMAIN,
};

static const struct lvsh_opt opts_checkpoint_edit[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    CKPT_OPT_NAME("checkpoint name"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_checkpoint_edit = {
    .name = "checkpoint-edit",
    .group = "checkpoint",
    .summary = "edit the XML of a checkpoint",
    .description = "Open the checkpoint's XML in $VISUAL or $EDITOR and redefine the "
                   "checkpoint from the result.  Nothing changes when the file is left as "
                   "it was.",
    .opts = opts_checkpoint_edit,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_snapshot_edit,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- checkpoint-list ----------------------------------------------------- */

static const struct lvsh_opt opts_checkpoint_list[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    DTREE_OPTS_LIST_PLACE(CHECKPOINT, "checkpoint"),
    DTREE_OPTS_LIST_FROM("checkpoint", LVSH_COMP_DOMAIN_CHECKPOINT),
    { .name = "descendants", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS,
      .help = "with --from, all descendants, not only children" },
    DTREE_OPTS_LIST_SHOW(CHECKPOINT),
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
    .handler = run_snapshot_list,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- checkpoint-info ---------------------------------------------------- */

static void info_count(struct lvsh_result *r, void *cp, const char *label, const char *key,
                       unsigned flags)
{
    int n = dtree_count_children(&dtree_checkpoint, cp, flags);
    if (n >= 0)
        out_field_int(r, label, key, n);
}

static enum lvsh_status ckpt_info(struct lvsh_session *s, const struct lvsh_args *a,
                                struct lvsh_result *r, const struct dtree_obj *o)
{
    (void)s;
    (void)a;
    char *parent = NULL;
    if (!dtree_parent_name(o->k, r, o->obj, &parent))
        return LVSH_FAILED;
    out_record_width(r, 15);
    out_field_str(r, "Name", "name", o->name);
    out_field_str(r, "Domain", "domain", virDomainGetName(o->d));
    out_field(r, "Parent", "parent", json_str(parent), parent ? parent : "-");
    info_count(r, o->obj, "Children", "children", 0);
    info_count(r, o->obj, "Descendants", "descendants", VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS);
    free(parent);
    return LVSH_OK;
}

static enum lvsh_status run_checkpoint_info(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    return dtree_run(s, a, r, ckpt_info);
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
    .handler = run_checkpoint_info,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- checkpoint-parent --------------------------------------------------- */

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
    .handler = run_snapshot_parent,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_checkpoint) = { &cmd_checkpoint_create, &cmd_checkpoint_create_as,
                                   &cmd_checkpoint_dumpxml, &cmd_checkpoint_edit,
                                   &cmd_checkpoint_delete, &cmd_checkpoint_list,
                                   &cmd_checkpoint_info, &cmd_checkpoint_parent, NULL };
