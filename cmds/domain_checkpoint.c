/* domain_checkpoint.c: making and changing checkpoints (checkpoint-create,
 * checkpoint-create-as, checkpoint-dumpxml, checkpoint-edit,
 * checkpoint-delete) and the helpers the listing file shares. */
#include "domain_checkpoint.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

/* ---- shared helpers ------------------------------------------------------ */

static char *xpath_text(xmlXPathContextPtr ctx, const char *expr)
{
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    char *s = NULL;
    if (obj) {
        xmlChar *c = xmlXPathCastToString(obj);
        if (c && *c)
            s = xstrdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(obj);
    return s;
}

bool ckpt_facts_parse(struct lvsh_result *r, const char *xml, struct ckpt_facts *f)
{
    memset(f, 0, sizeof(*f));
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "checkpoint.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlXPathContextPtr ctx = doc ? xmlXPathNewContext(doc) : NULL;
    if (!ctx) {
        xmlFreeDoc(doc);
        if (r)
            err_fail(r, "cannot parse the checkpoint XML libvirt returned");
        return false;
    }
    f->parent = xpath_text(ctx, "string(/domaincheckpoint/parent/name)");
    f->description = xpath_text(ctx, "string(/domaincheckpoint/description)");
    char *t = xpath_text(ctx, "string(/domaincheckpoint/creationTime)");
    f->ctime = t ? strtoll(t, NULL, 10) : 0;
    free(t);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return true;
}

void ckpt_facts_free(struct ckpt_facts *f)
{
    free(f->parent);
    free(f->description);
    memset(f, 0, sizeof(*f));
}

enum lvsh_status ckpt_lookup(struct lvsh_result *r, virDomainPtr d, const struct lvsh_args *a,
                             const char *opt, virDomainCheckpointPtr *out)
{
    const char *name = args_str(a, opt);
    const char *dname = virDomainGetName(d);   /* before a failing call: it resets errors */
    *out = NULL;
    if (!name)
        return err_usage(r, "--%s is required", opt);
    *out = virDomainCheckpointLookupByName(d, name, 0);
    if (!*out)
        return err_lib(r, "failed to get checkpoint '%s' of domain '%s'", name, dname);
    return LVSH_OK;
}

bool ckpt_parent_name(struct lvsh_result *r, virDomainCheckpointPtr cp, char **out)
{
    const char *name = virDomainCheckpointGetName(cp);
    *out = NULL;
    virDomainCheckpointPtr p = virDomainCheckpointGetParent(cp, 0);
    if (p) {
        *out = xstrdup(virDomainCheckpointGetName(p));
        virDomainCheckpointFree(p);
        return true;
    }
    if (virGetLastErrorCode() == VIR_ERR_NO_DOMAIN_CHECKPOINT) {
        virResetLastError();
        return true;
    }
    err_virt(r, "failed to get the parent of checkpoint '%s'", name);
    return false;
}

json_t *ckpt_json_ref(virDomainPtr d, const char *name)
{
    return json_pack("{s:o,s:o}", "domain", json_str(virDomainGetName(d)),
                     "name", json_str(name));
}

/* The domain and the checkpoint the options name; status as ckpt_lookup's. */
static enum lvsh_status dom_and_ckpt(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r, virDomainPtr *d,
                                     virDomainCheckpointPtr *cp)
{
    *cp = NULL;
    *d = dom_arg(s, a, r);
    if (!*d)
        return LVSH_FAILED;
    enum lvsh_status st = ckpt_lookup(r, *d, a, "checkpointname", cp);
    if (st != LVSH_OK) {
        virDomainFree(*d);
        *d = NULL;
    }
    return st;
}

static void ckpt_done(struct lvsh_result *r, virDomainPtr d, const char *name,
                      const char *action)
{
    json_t *j = ckpt_json_ref(d, name);
    json_object_set_new(j, "action", json_string(action));
    out_json(r, j);
}

/* ---- checkpoint-create, checkpoint-create-as ----------------------------- */

static enum lvsh_status ckpt_create(struct lvsh_result *r, virDomainPtr d, const char *xml,
                                    unsigned flags, const char *from)
{
    const char *dname = virDomainGetName(d);
    virDomainCheckpointPtr cp = virDomainCheckpointCreateXML(d, xml, flags);
    if (!cp)
        return err_virt(r, "failed to create a checkpoint of domain '%s'", dname);
    const char *name = virDomainCheckpointGetName(cp);
    if (from)
        out_info(r, "Domain checkpoint %s created from '%s'", name, from);
    else
        out_info(r, "Domain checkpoint %s created", name);
    out_bare(r);   /* virsh prints this line without a blank one after it */
    ckpt_done(r, d, name, "created");
    virDomainCheckpointFree(cp);
    return LVSH_OK;
}

static enum lvsh_status cmd_domain_checkpoint_create(struct lvsh_session *s,
                                                     const struct lvsh_args *a,
                                                     struct lvsh_result *r)
{
    const char *file = args_str(a, "xmlfile");
    char *xml = file ? xml_read_file(r, file) : xstrdup("<domaincheckpoint/>");
    if (!xml)
        return LVSH_FAILED;
    unsigned flags = 0;
    if (args_has(a, "redefine"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE;
    if (args_has(a, "redefine-validate"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE |
                 VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE;
    if (args_has(a, "quiesce"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE;
    virDomainPtr d = dom_arg(s, a, r);
    enum lvsh_status st = LVSH_FAILED;
    if (d) {
        st = ckpt_create(r, d, xml, flags, file);
        virDomainFree(d);
    }
    free(xml);
    return st;
}

static const struct lvsh_opt opts_checkpoint_create[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "xmlfile", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "checkpoint XML (default: an empty <domaincheckpoint/>)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    { .name = "redefine", .type = LVSH_OPT_BOOL,
      .help = "redefine the metadata of an existing checkpoint from the XML" },
    { .name = "redefine-validate", .type = LVSH_OPT_BOOL,
      .help = "redefine, checking the XML against the disks' bitmaps" },
    { .name = "quiesce", .type = LVSH_OPT_BOOL,
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
    .handler = cmd_domain_checkpoint_create,
};

/* Append fmt with %s replaced by s, XML-escaped for text and attributes. */
static void xml_esc(struct buf *b, const char *fmt, const char *s)
{
    const char *at = strstr(fmt, "%s");
    buf_add(b, fmt, (size_t)(at - fmt));
    for (; *s; s++) {
        switch (*s) {
        case '<': buf_adds(b, "&lt;"); break;
        case '>': buf_adds(b, "&gt;"); break;
        case '&': buf_adds(b, "&amp;"); break;
        case '"': buf_adds(b, "&quot;"); break;
        case '\'': buf_adds(b, "&apos;"); break;
        default: buf_addc(b, *s);
        }
    }
    buf_adds(b, at + 2);
}

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
        xml_esc(b, "    <disk name='%s'", field[0]);
        if (ck)
            xml_esc(b, " checkpoint='%s'", ck);
        if (bitmap)
            xml_esc(b, " bitmap='%s'", bitmap);
        buf_adds(b, "/>\n");
    }
    free(copy);
    return ok;
}

/* The <domaincheckpoint> document checkpoint-create-as describes. */
static char *create_as_xml(const struct lvsh_args *a, struct lvsh_result *r)
{
    struct buf b = BUF_INIT;
    int nspec;
    char *const *specs = args_rest(a, "diskspec", &nspec);

    buf_adds(&b, "<domaincheckpoint>\n");
    if (args_str(a, "name"))
        xml_esc(&b, "  <name>%s</name>\n", args_str(a, "name"));
    if (args_str(a, "description"))
        xml_esc(&b, "  <description>%s</description>\n", args_str(a, "description"));
    if (specs) {
        buf_adds(&b, "  <disks>\n");
        for (int i = 0; i < nspec; i++) {
            if (!add_diskspec(&b, specs[i])) {
                buf_free(&b);
                err_usage(r, "cannot parse --diskspec '%s' (expected "
                          "disk[,checkpoint=type][,bitmap=name])", specs[i]);
                return NULL;
            }
        }
        buf_adds(&b, "  </disks>\n");
    }
    buf_adds(&b, "</domaincheckpoint>\n");
    return buf_steal(&b);
}

static enum lvsh_status cmd_domain_checkpoint_create_as(struct lvsh_session *s,
                                                        const struct lvsh_args *a,
                                                        struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    enum lvsh_status st;
    char *xml = create_as_xml(a, r);
    if (!xml) {
        st = LVSH_USAGE;
    } else if (args_has(a, "print-xml")) {
        /* virsh adds a newline of its own after the document */
        out_text(r, "%s\n", xml);
        out_json(r, json_pack("{s:o}", "xml", json_str(xml)));
        st = LVSH_OK;
    } else {
        unsigned flags = args_has(a, "quiesce") ? VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE : 0;
        st = ckpt_create(r, d, xml, flags, NULL);
    }
    free(xml);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_checkpoint_create_as[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "name", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "name of the checkpoint (default: the creation time)", .metavar = "name" },
    { .name = "description", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_EMPTY_OK,
      .help = "free text describing the checkpoint", .metavar = "text" },
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the checkpoint XML instead of creating the checkpoint" },
    { .name = "quiesce", .type = LVSH_OPT_BOOL,
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
    .handler = cmd_domain_checkpoint_create_as,
};

/* ---- checkpoint-dumpxml ------------------------------------------------- */

static enum lvsh_status cmd_domain_checkpoint_dumpxml(struct lvsh_session *s,
                                                      const struct lvsh_args *a,
                                                      struct lvsh_result *r)
{
    virDomainPtr d;
    virDomainCheckpointPtr cp;
    enum lvsh_status st = dom_and_ckpt(s, a, r, &d, &cp);
    if (st != LVSH_OK)
        return st;
    unsigned flags = 0;
    if (args_has(a, "security-info"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_SECURE;
    if (args_has(a, "no-domain"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN;
    if (args_has(a, "size"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_SIZE;
    const char *name = virDomainCheckpointGetName(cp);
    char *xml = virDomainCheckpointGetXMLDesc(cp, flags);
    if (xml)
        out_xml(r, xml);
    else
        st = err_virt(r, "failed to get the XML of checkpoint '%s'", name);
    free(xml);
    virDomainCheckpointFree(cp);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_checkpoint_dumpxml[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    CKPT_OPT_NAME("checkpoint name"),
    { .name = "security-info", .type = LVSH_OPT_BOOL,
      .help = "include security-sensitive information in the XML" },
    { .name = "no-domain", .type = LVSH_OPT_BOOL,
      .help = "leave the <domain> definition out of the XML" },
    { .name = "size", .type = LVSH_OPT_BOOL,
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
    .handler = cmd_domain_checkpoint_dumpxml,
};

/* ---- checkpoint-delete -------------------------------------------------- */

static enum lvsh_status cmd_domain_checkpoint_delete(struct lvsh_session *s,
                                                     const struct lvsh_args *a,
                                                     struct lvsh_result *r)
{
    virDomainPtr d;
    virDomainCheckpointPtr cp;
    enum lvsh_status st = dom_and_ckpt(s, a, r, &d, &cp);
    if (st != LVSH_OK)
        return st;
    unsigned flags = 0;
    if (args_has(a, "children"))
        flags |= VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN;
    if (args_has(a, "children-only"))
        flags |= VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY;
    if (args_has(a, "metadata"))
        flags |= VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY;
    char *name = xstrdup(virDomainCheckpointGetName(cp));
    const char *dname = virDomainGetName(d);
    if (virDomainCheckpointDelete(cp, flags) < 0) {
        st = err_virt(r, "failed to delete checkpoint '%s' of domain '%s'", name, dname);
    } else if (flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY) {
        out_info(r, "Domain checkpoint %s children deleted", name);
        ckpt_done(r, d, name, "children deleted");
    } else {
        out_info(r, "Domain checkpoint %s deleted", name);
        ckpt_done(r, d, name, "deleted");
    }
    free(name);
    virDomainCheckpointFree(cp);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_checkpoint_delete[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    CKPT_OPT_NAME("checkpoint name"),
    { .name = "children", .type = LVSH_OPT_BOOL,
      .help = "delete the checkpoint and all its descendants" },
    { .name = "children-only", .type = LVSH_OPT_BOOL,
      .help = "delete the descendants but keep the checkpoint" },
    { .name = "metadata", .type = LVSH_OPT_BOOL,
      .help = "delete only libvirt's metadata, leaving the disks' bitmaps behind" },
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
    .handler = cmd_domain_checkpoint_delete,
};

/* ---- checkpoint-edit ---------------------------------------------------- */

/* Redefine from the edited text; a new name is refused, as virsh does. */
static enum lvsh_status edit_apply(struct lvsh_result *r, virDomainPtr d, const char *name,
                                   const char *text)
{
    if (!xml_check_wellformed(r, text, "checkpoint.xml"))
        return LVSH_FAILED;
    virDomainCheckpointPtr cp = virDomainCheckpointCreateXML(
        d, text, VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    if (!cp)
        return err_virt(r, "failed to redefine checkpoint '%s' from the edited XML", name);
    const char *newname = virDomainCheckpointGetName(cp);
    enum lvsh_status st = LVSH_OK;
    if (strcmp(name, newname) != 0) {
        /* the redefine made a second checkpoint: take it back */
        virDomainCheckpointDelete(cp, VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY);
        st = err_fail(r, "cannot rename checkpoint '%s' to '%s'", name, newname);
    } else {
        out_info(r, "Checkpoint %s edited.", name);
        ckpt_done(r, d, name, "edited");
    }
    virDomainCheckpointFree(cp);
    return st;
}

static enum lvsh_status cmd_domain_checkpoint_edit(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    virDomainPtr d;
    virDomainCheckpointPtr cp;
    enum lvsh_status st = dom_and_ckpt(s, a, r, &d, &cp);
    if (st != LVSH_OK)
        return st;
    char *name = xstrdup(virDomainCheckpointGetName(cp));
    char *orig = virDomainCheckpointGetXMLDesc(cp, VIR_DOMAIN_CHECKPOINT_XML_SECURE);
    bool changed = false;
    char *text = orig ? edit_in_editor(s, r, orig, ".xml", &changed) : NULL;
    if (!orig)
        st = err_virt(r, "failed to get the XML of checkpoint '%s'", name);
    else if (!text)
        st = LVSH_FAILED;
    else if (!changed)
        out_info(r, "Checkpoint %s XML configuration not changed.", name);
    else
        st = edit_apply(r, d, name, text);
    free(text);
    free(orig);
    free(name);
    virDomainCheckpointFree(cp);
    virDomainFree(d);
    return st;
}

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
    .handler = cmd_domain_checkpoint_edit,
};

LVSH_FAMILY(domain_checkpoint) = { &cmd_checkpoint_create, &cmd_checkpoint_create_as,
                                   &cmd_checkpoint_dumpxml, &cmd_checkpoint_edit,
                                   &cmd_checkpoint_delete, NULL };
