/* domain_snapshot.c: making and changing snapshots (snapshot-create,
 * snapshot-create-as, snapshot-current, snapshot-dumpxml, snapshot-edit,
 * snapshot-revert, snapshot-delete) and the helpers the listing file shares. */
#include "domain_snapshot.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
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

static bool xpath_bool(xmlXPathContextPtr ctx, const char *expr)
{
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    bool v = obj && xmlXPathCastToBoolean(obj);
    xmlXPathFreeObject(obj);
    return v;
}

bool snap_facts_parse(struct lvsh_result *r, const char *xml, struct snap_facts *f)
{
    memset(f, 0, sizeof(*f));
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "snapshot.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlXPathContextPtr ctx = doc ? xmlXPathNewContext(doc) : NULL;
    if (!ctx) {
        xmlFreeDoc(doc);
        if (r)
            err_fail(r, "cannot parse the snapshot XML libvirt returned");
        return false;
    }
    f->state = xpath_text(ctx, "string(/domainsnapshot/state)");
    f->parent = xpath_text(ctx, "string(/domainsnapshot/parent/name)");
    f->description = xpath_text(ctx, "string(/domainsnapshot/description)");
    char *t = xpath_text(ctx, "string(/domainsnapshot/creationTime)");
    f->ctime = t ? strtoll(t, NULL, 10) : 0;
    free(t);
    /* without a <memory> element (old snapshots) only disk-only ones are external */
    if (xpath_bool(ctx, "boolean(/domainsnapshot/memory)"))
        f->external = xpath_bool(ctx, "boolean(/domainsnapshot/memory[@snapshot='external'] | "
                                      "/domainsnapshot/disks/disk[@snapshot='external'])");
    else
        f->external = f->state && strcmp(f->state, "disk-snapshot") == 0;
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    if (!f->state) {
        snap_facts_free(f);
        if (r)
            err_fail(r, "the snapshot XML libvirt returned has no state");
        return false;
    }
    return true;
}

void snap_facts_free(struct snap_facts *f)
{
    free(f->state);
    free(f->parent);
    free(f->description);
    memset(f, 0, sizeof(*f));
}

char *snap_time_text(long long t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char text[64] = "";
    if (localtime_r(&tt, &tm))
        strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S %z", &tm);
    return xstrdup(text);
}

enum lvsh_status snap_lookup(struct lvsh_result *r, virDomainPtr d, const struct lvsh_args *a,
                             const char *opt, virDomainSnapshotPtr *out)
{
    const char *name = args_str(a, opt);
    const char *dname = virDomainGetName(d);   /* before a failing call: it resets errors */
    *out = NULL;
    if (name) {
        *out = virDomainSnapshotLookupByName(d, name, 0);
        if (!*out)
            return err_lib(r, "failed to get snapshot '%s' of domain '%s'", name,
                            dname);
        return LVSH_OK;
    }
    if (!args_has(a, "current"))
        return err_usage(r, "'%s' needs a snapshot: give --%s or --current", a->cmd->name, opt);
    *out = virDomainSnapshotCurrent(d, 0);
    if (!*out)
        return err_virt(r, "failed to get the current snapshot of domain '%s'",
                        dname);
    return LVSH_OK;
}

json_t *snap_json_ref(virDomainPtr d, const char *snapname)
{
    return json_pack("{s:o,s:o}", "domain", json_str(virDomainGetName(d)),
                     "name", json_str(snapname));
}

/* The domain and the snapshot the options name; status as snap_lookup's. */
static enum lvsh_status dom_and_snap(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r, virDomainPtr *d,
                                     virDomainSnapshotPtr *snap)
{
    *snap = NULL;
    *d = dom_arg(s, a, r);
    if (!*d)
        return LVSH_FAILED;
    enum lvsh_status st = snap_lookup(r, *d, a, "snapshotname", snap);
    if (st != LVSH_OK) {
        virDomainFree(*d);
        *d = NULL;
    }
    return st;
}

static void snap_done(struct lvsh_result *r, virDomainPtr d, const char *name,
                      const char *action)
{
    json_t *j = snap_json_ref(d, name);
    json_object_set_new(j, "action", json_string(action));
    out_json(r, j);
}

/* ---- snapshot-create, snapshot-create-as --------------------------------- */

/* The create flags of whichever of these options the command has. */
static unsigned create_flags(const struct lvsh_args *a)
{
    static const struct { const char *opt; unsigned flag; } map[] = {
        { "redefine", VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE },
        { "current", VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT },
        { "no-metadata", VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA },
        { "halt", VIR_DOMAIN_SNAPSHOT_CREATE_HALT },
        { "disk-only", VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY },
        { "reuse-external", VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT },
        { "quiesce", VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE },
        { "atomic", VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC },
        { "live", VIR_DOMAIN_SNAPSHOT_CREATE_LIVE },
        { "validate", VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE },
    };
    unsigned flags = 0;
    for (const struct lvsh_opt *o = a->cmd->opts; o->name; o++)
        for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
            if (strcmp(o->name, map[i].opt) == 0 && args_has(a, o->name))
                flags |= map[i].flag;
    return flags;
}

static enum lvsh_status snap_create(struct lvsh_result *r, virDomainPtr d, const char *xml,
                                    unsigned flags, const char *from)
{
    const char *dname = virDomainGetName(d);
    virDomainSnapshotPtr snap = virDomainSnapshotCreateXML(d, xml, flags);
    if (!snap)
        return err_lib(r, "failed to create a snapshot of domain '%s'", dname);
    const char *name = virDomainSnapshotGetName(snap);
    if (from)
        out_info(r, "Domain snapshot %s created from '%s'", name, from);
    else
        out_info(r, "Domain snapshot %s created", name);
    out_bare(r);   /* virsh prints this line without a newline of its own */
    snap_done(r, d, name, "created");
    virDomainSnapshotFree(snap);
    return LVSH_OK;
}

static enum lvsh_status cmd_domain_snapshot_create(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    const char *file = args_str(a, "xmlfile");
    char *xml = file ? xml_read_file(r, file) : xstrdup("<domainsnapshot/>");
    if (!xml)
        return LVSH_FAILED;
    virDomainPtr d = dom_arg(s, a, r);
    enum lvsh_status st = LVSH_FAILED;
    if (d)
        st = snap_create(r, d, xml, create_flags(a), file);
    if (d)
        virDomainFree(d);
    free(xml);
    return st;
}

#define SNAP_CREATE_FLAG_OPTS \
    { .name = "no-metadata", .type = LVSH_OPT_BOOL, \
      .help = "take the snapshot but keep no libvirt metadata for it" }, \
    { .name = "halt", .type = LVSH_OPT_BOOL, .help = "stop the domain once the snapshot exists" }, \
    { .name = "disk-only", .type = LVSH_OPT_BOOL, \
      .help = "capture the disks only, not the memory state" }, \
    { .name = "reuse-external", .type = LVSH_OPT_BOOL, \
      .help = "reuse existing external files instead of creating them" }, \
    { .name = "quiesce", .type = LVSH_OPT_BOOL, \
      .help = "freeze the guest's file systems first (needs the guest agent)" }, \
    { .name = "atomic", .type = LVSH_OPT_BOOL, \
      .help = "all disks or none: never leave a partial snapshot" }, \
    { .name = "live", .type = LVSH_OPT_BOOL, .help = "take the snapshot while the guest runs" }, \
    { .name = "validate", .type = LVSH_OPT_BOOL, \
      .help = "validate the snapshot XML against libvirt's schema" }

static const struct lvsh_opt opts_snapshot_create[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "xmlfile", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "snapshot XML (default: an empty <domainsnapshot/>)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    { .name = "redefine", .type = LVSH_OPT_BOOL,
      .help = "redefine the metadata of an existing snapshot from the XML" },
    { .name = "current", .type = LVSH_OPT_BOOL,
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
    .handler = cmd_domain_snapshot_create,
};

/* virsh's list syntax: comma-separated, ",," for a literal comma. */
static char **split_spec(const char *str, int *n)
{
    char **v = xcalloc(strlen(str) + 2, sizeof(char *));
    struct buf cur = BUF_INIT;
    *n = 0;
    for (const char *p = str;; p++) {
        if (*p == ',' && p[1] == ',') {
            buf_addc(&cur, ',');
            p++;
        } else if (*p == ',' || !*p) {
            v[(*n)++] = buf_steal(&cur);
            if (!*p)
                break;
        } else {
            buf_addc(&cur, *p);
        }
    }
    buf_free(&cur);
    return v;
}

static void strv_free(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

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

static const char *spec_value(const char *item, const char *key)
{
    size_t n = strlen(key);
    return strncmp(item, key, n) == 0 ? item + n : NULL;
}

static enum lvsh_status add_memspec(struct lvsh_result *r, struct buf *b, const char *str)
{
    int n;
    char **v = split_spec(str, &n);
    const char *snapshot = NULL, *file = NULL;
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        if (!snapshot && spec_value(v[i], "snapshot="))
            snapshot = spec_value(v[i], "snapshot=");
        else if (!file && spec_value(v[i], "file="))
            file = spec_value(v[i], "file=");
        else if (!file && v[i][0] == '/')
            file = v[i];
        else
            ok = false;
    }
    if (ok) {
        buf_adds(b, "  <memory");
        if (snapshot)
            xml_esc(b, " snapshot='%s'", snapshot);
        if (file)
            xml_esc(b, " file='%s'", file);
        buf_adds(b, "/>\n");
    }
    strv_free(v, n);
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
        if (!ds->snapshot && spec_value(v[i], "snapshot="))
            ds->snapshot = spec_value(v[i], "snapshot=");
        else if (!ds->driver && spec_value(v[i], "driver="))
            ds->driver = spec_value(v[i], "driver=");
        else if (!ds->stype && spec_value(v[i], "stype="))
            ds->stype = spec_value(v[i], "stype=");
        else if (!ds->file && spec_value(v[i], "file="))
            ds->file = spec_value(v[i], "file=");
        else
            return false;
    }
    return !ds->stype || strcmp(ds->stype, "file") == 0 || strcmp(ds->stype, "block") == 0;
}

static enum lvsh_status add_diskspec(struct lvsh_result *r, struct buf *b, const char *str)
{
    int n;
    char **v = split_spec(str, &n);
    struct diskspec ds;
    if (!parse_diskspec(v, n, &ds)) {
        strv_free(v, n);
        return err_usage(r, "cannot parse --diskspec '%s' (expected disk[,snapshot=type]"
                         "[,driver=type][,stype=file|block][,file=name])", str);
    }
    xml_esc(b, "    <disk name='%s'", v[0]);
    if (ds.snapshot)
        xml_esc(b, " snapshot='%s'", ds.snapshot);
    if (ds.stype)
        xml_esc(b, " type='%s'", ds.stype);
    if (ds.driver || ds.file) {
        buf_adds(b, ">\n");
        if (ds.driver)
            xml_esc(b, "      <driver type='%s'/>\n", ds.driver);
        if (ds.file && ds.stype && strcmp(ds.stype, "block") == 0)
            xml_esc(b, "      <source dev='%s'/>\n", ds.file);
        else if (ds.file)
            xml_esc(b, "      <source file='%s'/>\n", ds.file);
        buf_adds(b, "    </disk>\n");
    } else {
        buf_adds(b, "/>\n");
    }
    strv_free(v, n);
    return LVSH_OK;
}

/* The <domainsnapshot> document snapshot-create-as describes. */
static char *create_as_xml(const struct lvsh_args *a, struct lvsh_result *r)
{
    struct buf b = BUF_INIT;
    int nspec;
    char *const *specs = args_rest(a, "diskspec", &nspec);

    buf_adds(&b, "<domainsnapshot>\n");
    if (args_str(a, "name"))
        xml_esc(&b, "  <name>%s</name>\n", args_str(a, "name"));
    if (args_str(a, "description"))
        xml_esc(&b, "  <description>%s</description>\n", args_str(a, "description"));
    if (args_str(a, "memspec") && add_memspec(r, &b, args_str(a, "memspec")) != LVSH_OK) {
        buf_free(&b);
        return NULL;
    }
    if (specs) {
        buf_adds(&b, "  <disks>\n");
        for (int i = 0; i < nspec; i++) {
            if (add_diskspec(r, &b, specs[i]) != LVSH_OK) {
                buf_free(&b);
                return NULL;
            }
        }
        buf_adds(&b, "  </disks>\n");
    }
    buf_adds(&b, "</domainsnapshot>\n");
    return buf_steal(&b);
}

static enum lvsh_status cmd_domain_snapshot_create_as(struct lvsh_session *s,
                                                      const struct lvsh_args *a,
                                                      struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    enum lvsh_status st = LVSH_FAILED;
    char *xml = create_as_xml(a, r);
    if (!xml) {
        st = LVSH_USAGE;
    } else if (args_has(a, "print-xml")) {
        /* virsh adds a newline of its own after the document */
        out_text(r, "%s\n", xml);
        out_json(r, json_pack("{s:o}", "xml", json_str(xml)));
        st = LVSH_OK;
    } else {
        st = snap_create(r, d, xml, create_flags(a), NULL);
    }
    free(xml);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_snapshot_create_as[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "name", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "name of the snapshot (default: the creation time)", .metavar = "name" },
    { .name = "description", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_EMPTY_OK,
      .help = "free text describing the snapshot", .metavar = "text" },
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the snapshot XML instead of creating the snapshot" },
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
    .handler = cmd_domain_snapshot_create_as,
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
        snap_done(r, d, name, "set current");
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
        out_json(r, snap_json_ref(d, name));
    } else {
        unsigned flags = args_has(a, "security-info") ? VIR_DOMAIN_SNAPSHOT_XML_SECURE : 0;
        char *xml = virDomainSnapshotGetXMLDesc(snap, flags);
        if (xml)
            out_xml(r, xml);
        else
            st = err_virt(r, "failed to get the XML of snapshot '%s'", name);
        free(xml);
    }
    virDomainSnapshotFree(snap);
    return st;
}

static enum lvsh_status cmd_domain_snapshot_current(struct lvsh_session *s,
                                                    const struct lvsh_args *a,
                                                    struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    enum lvsh_status st;
    if (args_str(a, "snapshotname")) {
        st = snap_set_current(r, d, args_str(a, "snapshotname"));
    } else {
        st = snap_show_current(r, d, a);
    }
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_snapshot_current[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "name", .type = LVSH_OPT_BOOL, .help = "print the name rather than the XML" },
    { .name = "security-info", .type = LVSH_OPT_BOOL,
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
    .handler = cmd_domain_snapshot_current,
};

/* ---- snapshot-dumpxml -------------------------------------------------------- */

static enum lvsh_status cmd_domain_snapshot_dumpxml(struct lvsh_session *s,
                                                    const struct lvsh_args *a,
                                                    struct lvsh_result *r)
{
    virDomainPtr d;
    virDomainSnapshotPtr snap;
    enum lvsh_status st = dom_and_snap(s, a, r, &d, &snap);
    if (st != LVSH_OK)
        return st;
    unsigned flags = args_has(a, "security-info") ? VIR_DOMAIN_SNAPSHOT_XML_SECURE : 0;
    const char *name = virDomainSnapshotGetName(snap);
    char *xml = virDomainSnapshotGetXMLDesc(snap, flags);
    if (xml)
        out_xml(r, xml);
    else
        st = err_virt(r, "failed to get the XML of snapshot '%s'", name);
    free(xml);
    virDomainSnapshotFree(snap);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_snapshot_dumpxml[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "snapshotname", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_REQUIRED, .help = "snapshot name",
      .metavar = "snapshot", .complete = LVSH_COMP_DOMAIN_SNAPSHOT },
    { .name = "security-info", .type = LVSH_OPT_BOOL,
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
    .handler = cmd_domain_snapshot_dumpxml,
};

/* ---- snapshot-revert ---------------------------------------------------------- */

static enum lvsh_status cmd_domain_snapshot_revert(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    virDomainPtr d;
    virDomainSnapshotPtr snap;
    enum lvsh_status st = dom_and_snap(s, a, r, &d, &snap);
    if (st != LVSH_OK)
        return st;
    unsigned flags = 0;
    if (args_has(a, "running"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING;
    if (args_has(a, "paused"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED;
    if (args_has(a, "reset-nvram"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM;
    const char *dname = virDomainGetName(d), *name = virDomainSnapshotGetName(snap);
    int rc = virDomainRevertToSnapshot(snap, flags);
    /* --force only where libvirt says the revert is risky, as virsh does */
    if (rc < 0 && args_has(a, "force") && virGetLastErrorCode() == VIR_ERR_SNAPSHOT_REVERT_RISKY)
        rc = virDomainRevertToSnapshot(snap, flags | VIR_DOMAIN_SNAPSHOT_REVERT_FORCE);
    if (rc < 0) {
        st = err_virt(r, "failed to revert domain '%s' to snapshot '%s'", dname,
                      name);
    } else {
        out_info(r, "Domain snapshot %s reverted", name);
        snap_done(r, d, name, "reverted");
    }
    virDomainSnapshotFree(snap);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_snapshot_revert[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    SNAP_OPT_NAME("snapshot name"),
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "revert to the current snapshot" },
    { .name = "running", .type = LVSH_OPT_BOOL, .help = "leave the domain running afterwards" },
    { .name = "paused", .type = LVSH_OPT_BOOL, .help = "leave the domain paused afterwards" },
    { .name = "force", .type = LVSH_OPT_BOOL,
      .help = "go ahead with a revert libvirt considers risky" },
    { .name = "reset-nvram", .type = LVSH_OPT_BOOL,
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
    .handler = cmd_domain_snapshot_revert,
};

/* ---- snapshot-delete ----------------------------------------------------------- */

static enum lvsh_status cmd_domain_snapshot_delete(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    virDomainPtr d;
    virDomainSnapshotPtr snap;
    enum lvsh_status st = dom_and_snap(s, a, r, &d, &snap);
    if (st != LVSH_OK)
        return st;
    unsigned flags = 0;
    if (args_has(a, "children"))
        flags |= VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN;
    if (args_has(a, "children-only"))
        flags |= VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY;
    if (args_has(a, "metadata"))
        flags |= VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY;
    char *name = xstrdup(virDomainSnapshotGetName(snap));
    const char *dname = virDomainGetName(d);
    if (virDomainSnapshotDelete(snap, flags) < 0) {
        st = err_virt(r, "failed to delete snapshot '%s' of domain '%s'", name,
                      dname);
    } else if (flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY) {
        out_info(r, "Domain snapshot %s children deleted", name);
        snap_done(r, d, name, "children deleted");
    } else {
        out_info(r, "Domain snapshot %s deleted", name);
        snap_done(r, d, name, "deleted");
    }
    free(name);
    virDomainSnapshotFree(snap);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_snapshot_delete[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    SNAP_OPT_NAME("snapshot name"),
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "delete the current snapshot" },
    { .name = "children", .type = LVSH_OPT_BOOL,
      .help = "delete the snapshot and all its descendants" },
    { .name = "children-only", .type = LVSH_OPT_BOOL,
      .help = "delete the descendants but keep the snapshot" },
    { .name = "metadata", .type = LVSH_OPT_BOOL,
      .help = "delete only libvirt's metadata, leaving the snapshot data behind" },
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
    .handler = cmd_domain_snapshot_delete,
};

/* ---- snapshot-edit --------------------------------------------------------------- */

/* Redefine from edited XML; returns the snapshot defined, NULL (r filled). */
static virDomainSnapshotPtr edit_redefine(struct lvsh_result *r, virDomainPtr d,
                                          const char *orig, const char *edited, unsigned flags)
{
    if (!xml_check_wellformed(r, edited, "snapshot.xml"))
        return NULL;
    if (strstr(orig, "<state>disk-snapshot</state>"))
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY;
    virDomainSnapshotPtr snap = virDomainSnapshotCreateXML(d, edited, flags);
    if (!snap)
        err_virt(r, "failed to redefine the snapshot from the edited XML");
    return snap;
}

/* A new name is a rename (drop the old metadata), a clone, or a mistake. */
static enum lvsh_status edit_finish(struct lvsh_result *r, const struct lvsh_args *a,
                                    virDomainSnapshotPtr old, virDomainSnapshotPtr edited)
{
    const char *name = virDomainSnapshotGetName(old);
    const char *newname = virDomainSnapshotGetName(edited);
    if (strcmp(name, newname) == 0) {
        out_info(r, "Snapshot %s edited.", name);
        return LVSH_OK;
    }
    if (args_has(a, "clone")) {
        out_info(r, "Snapshot %s cloned to %s.", name, newname);
        return LVSH_OK;
    }
    bool rename = args_has(a, "rename");
    if (virDomainSnapshotDelete(rename ? old : edited,
                                VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY) < 0)
        return err_virt(r, "failed to clean up snapshot '%s'", rename ? name : newname);
    if (!rename)
        return err_fail(r, "use --rename or --clone to change snapshot '%s' to '%s'", name,
                        newname);
    out_info(r, "Snapshot %s renamed to %s.", name, newname);
    return LVSH_OK;
}

static enum lvsh_status snap_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r, virDomainPtr d,
                                       virDomainSnapshotPtr snap)
{
    const char *name = virDomainSnapshotGetName(snap);
    unsigned flags = VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE;
    if (args_has(a, "current") && args_str(a, "snapshotname"))
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT;
    char *orig = virDomainSnapshotGetXMLDesc(snap, VIR_DOMAIN_SNAPSHOT_XML_SECURE);
    if (!orig)
        return err_virt(r, "failed to get the XML of snapshot '%s'", name);
    bool changed = false;
    char *text = edit_in_editor(s, r, orig, ".xml", &changed);
    enum lvsh_status st = LVSH_FAILED;
    if (text && !changed && !(flags & VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT)) {
        out_info(r, "Snapshot %s XML configuration not changed.", name);
        snap_done(r, d, name, "unchanged");
        st = LVSH_OK;
    } else if (text) {
        virDomainSnapshotPtr done = edit_redefine(r, d, orig, text, flags);
        if (done) {
            st = edit_finish(r, a, snap, done);
            const char *newname = virDomainSnapshotGetName(done);
            bool same = strcmp(name, newname) == 0;
            snap_done(r, d, newname, same ? "edited" : args_has(a, "clone") ? "cloned"
                                                                           : "renamed");
            if (!same)
                out_json_set(r, args_has(a, "clone") ? "source" : "old_name", json_str(name));
            virDomainSnapshotFree(done);
        }
    }
    free(text);
    free(orig);
    return st;
}

static enum lvsh_status cmd_domain_snapshot_edit(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    virDomainPtr d;
    virDomainSnapshotPtr snap;
    enum lvsh_status st = dom_and_snap(s, a, r, &d, &snap);
    if (st != LVSH_OK)
        return st;
    st = snap_edit(s, a, r, d, snap);
    virDomainSnapshotFree(snap);
    virDomainFree(d);
    return st;
}

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
    .handler = cmd_domain_snapshot_edit,
};

LVSH_FAMILY(domain_snapshot) = { &cmd_snapshot_create, &cmd_snapshot_create_as,
                                 &cmd_snapshot_current, &cmd_snapshot_dumpxml,
                                 &cmd_snapshot_edit, &cmd_snapshot_revert,
                                 &cmd_snapshot_delete, NULL };
