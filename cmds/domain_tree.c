/* domain_tree.c: the core snapshots and checkpoints share (see
 * domain_tree.h): lookups, facts from the XML, and the commands that are
 * the same for both (create, create-as, dumpxml, delete, parent, list,
 * edit).
 *
 * A listing is one virDomainListAll* (or ListAllChildren) call.  libvirt
 * has no bulk call for their XML, so the table's creation time and state
 * cost one XML call per object (as in virsh); --name needs none and --tree
 * only the parent of each, many calls in flight. */
#include "domain_tree.h"
#include "edit.h"
#include "parallel.h"
#include "tree.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

const struct dtree_kind *dtree_kind_of(const struct lvsh_args *a)
{
    return strcmp(a->cmd->group, "checkpoint") == 0 ? &dtree_checkpoint : &dtree_snapshot;
}

/* ---- facts from the XML ------------------------------------------------- */

static char *xpath_text(xmlXPathContextPtr ctx, const char *root, const char *expr)
{
    char *full = xasprintf("string(/%s/%s)", root, expr);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST full, ctx);
    char *s = NULL;
    if (obj) {
        xmlChar *c = xmlXPathCastToString(obj);
        if (c && *c)
            s = xstrdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(obj);
    free(full);
    return s;
}

static bool xpath_bool(xmlXPathContextPtr ctx, const char *expr)
{
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    bool v = obj && xmlXPathCastToBoolean(obj);
    xmlXPathFreeObject(obj);
    return v;
}

/* A snapshot's state and where it is stored. */
static void read_state(xmlXPathContextPtr ctx, struct dtree_facts *f)
{
    f->state = xpath_text(ctx, "domainsnapshot", "state");
    /* without a <memory> element (old snapshots) only disk-only ones are external */
    if (xpath_bool(ctx, "boolean(/domainsnapshot/memory)"))
        f->external = xpath_bool(ctx, "boolean(/domainsnapshot/memory[@snapshot='external'] | "
                                      "/domainsnapshot/disks/disk[@snapshot='external'])");
    else
        f->external = f->state && strcmp(f->state, "disk-snapshot") == 0;
}

bool dtree_facts_parse(const struct dtree_kind *k, struct lvsh_result *r, const char *xml,
                       struct dtree_facts *f)
{
    memset(f, 0, sizeof(*f));
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), k->root, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlXPathContextPtr ctx = doc ? xmlXPathNewContext(doc) : NULL;
    if (!ctx) {
        xmlFreeDoc(doc);
        if (r)
            err_fail(r, "cannot parse the %s XML libvirt returned", k->word);
        return false;
    }
    f->parent = xpath_text(ctx, k->root, "parent/name");
    f->description = xpath_text(ctx, k->root, "description");
    char *t = xpath_text(ctx, k->root, "creationTime");
    f->ctime = t ? strtoll(t, NULL, 10) : 0;
    free(t);
    if (k->has_state)
        read_state(ctx, f);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    if (k->has_state && !f->state) {
        dtree_facts_free(f);
        if (r)
            err_fail(r, "the %s XML libvirt returned has no state", k->word);
        return false;
    }
    return true;
}

void dtree_facts_free(struct dtree_facts *f)
{
    free(f->state);
    free(f->parent);
    free(f->description);
    memset(f, 0, sizeof(*f));
}

char *dtree_time_text(long long t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char text[64] = "";
    if (localtime_r(&tt, &tm))
        strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S %z", &tm);
    return xstrdup(text);
}

/* ---- lookups and small shared pieces ------------------------------------- */

static bool cmd_has_opt(const struct lvsh_cmd *cmd, const char *name)
{
    for (const struct lvsh_opt *o = cmd->opts; o->name; o++)
        if (strcmp(o->name, name) == 0)
            return true;
    return false;
}

enum lvsh_status dtree_lookup(const struct dtree_kind *k, struct lvsh_result *r,
                              virDomainPtr d, const struct lvsh_args *a, const char *opt,
                              void **out)
{
    const char *name = args_str(a, opt);
    const char *dname = virDomainGetName(d);   /* before a failing call: it resets errors */
    *out = NULL;
    if (name) {
        *out = k->ops.lookup(d, name, 0);
        if (!*out)
            return err_lib(r, "failed to get %s '%s' of domain '%s'", k->word, name, dname);
        return LVSH_OK;
    }
    if (!k->current)
        return err_usage(r, "--%s is required", opt);
    if (!args_has(a, "current"))   /* virsh's words */
        return err_usage(r, "--%s or --current is required", opt);
    *out = k->current(d);
    if (!*out)
        return err_virt(r, "failed to get the current %s of domain '%s'", k->word, dname);
    return LVSH_OK;
}

enum lvsh_status dtree_run(struct lvsh_session *s, const struct lvsh_args *a,
                           struct lvsh_result *r, dtree_fn fn)
{
    struct dtree_obj o = { dtree_kind_of(a), args_target(a), NULL, NULL };
    enum lvsh_status st = dtree_lookup(o.k, r, o.d, a, o.k->name_opt, &o.obj);
    if (st == LVSH_OK) {
        o.name = o.k->ops.name(o.obj);
        st = fn(s, a, r, &o);
        o.k->ops.free(o.obj);
    }
    return st;
}

bool dtree_parent_name(const struct dtree_kind *k, struct lvsh_result *r, void *obj,
                       char **out)
{
    *out = NULL;
    void *p = k->ops.parent(obj, 0);
    if (p) {
        *out = xstrdup(k->ops.name(p));
        k->ops.free(p);
        return true;
    }
    if (virGetLastErrorCode() == k->no_object) {
        virResetLastError();
        return true;
    }
    err_virt(r, "failed to get the parent of %s '%s'", k->word, k->ops.name(obj));
    return false;
}

int dtree_count_children(const struct dtree_kind *k, void *obj, unsigned flags)
{
    void **kids = NULL;
    int n = k->ops.children(obj, &kids, flags);
    for (int i = 0; i < n; i++)
        k->ops.free(kids[i]);
    free(kids);
    if (n < 0)
        virResetLastError();
    return n;
}

json_t *dtree_json_ref(virDomainPtr d, const char *name)
{
    return json_pack("{s:o,s:o}", "domain", json_str(virDomainGetName(d)),
                     "name", json_str(name));
}

void dtree_done(struct lvsh_result *r, virDomainPtr d, const char *name, const char *action)
{
    json_t *j = dtree_json_ref(d, name);
    json_object_set_new(j, "action", json_string(action));
    out_json(r, j);
}

/* ---- create, create-as -------------------------------------------------- */

enum lvsh_status dtree_create(const struct dtree_kind *k, struct lvsh_result *r,
                              virDomainPtr d, const char *xml, unsigned flags,
                              const char *from)
{
    const char *dname = virDomainGetName(d);
    void *obj = k->ops.create(d, xml, flags);
    if (!obj)
        return err_lib(r, "failed to create a %s of domain '%s'", k->word, dname);
    const char *name = k->ops.name(obj);
    if (from)
        out_info(r, "Domain %s %s created from '%s'", k->word, name, from);
    else
        out_info(r, "Domain %s %s created", k->word, name);
    out_bare(r);   /* virsh prints this line without a blank one after it */
    dtree_done(r, d, name, "created");
    k->ops.free(obj);
    return LVSH_OK;
}

enum lvsh_status run_snapshot_create(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    const struct dtree_kind *k = dtree_kind_of(a);
    const char *file = args_str(a, "xmlfile");
    char *xml = file ? xml_read_file(r, file) : xasprintf("<%s/>", k->root);
    if (!xml)
        return LVSH_FAILED;
    (void)s;
    enum lvsh_status st = dtree_create(k, r, args_target(a), xml, args_flags(a), file);
    free(xml);
    return st;
}

void dtree_xml_esc(struct buf *b, const char *fmt, const char *s)
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

char **dtree_split_spec(const char *str, int *n)
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

void dtree_strv_free(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

const char *dtree_spec_value(const char *item, const char *key)
{
    size_t n = strlen(key);
    return strncmp(item, key, n) == 0 ? item + n : NULL;
}

/* The document create-as describes: name, description, then the kind's specs. */
static char *create_as_xml(const struct dtree_kind *k, const struct lvsh_args *a,
                           struct lvsh_result *r)
{
    struct buf b = BUF_INIT;
    buf_printf(&b, "<%s>\n", k->root);
    if (args_str(a, "name"))
        dtree_xml_esc(&b, "  <name>%s</name>\n", args_str(a, "name"));
    if (args_str(a, "description"))
        dtree_xml_esc(&b, "  <description>%s</description>\n", args_str(a, "description"));
    if (k->add_specs(r, &b, a) != LVSH_OK) {
        buf_free(&b);
        return NULL;
    }
    buf_printf(&b, "</%s>\n", k->root);
    return buf_steal(&b);
}

enum lvsh_status run_snapshot_create_as(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    const struct dtree_kind *k = dtree_kind_of(a);
    (void)s;
    enum lvsh_status st;
    char *xml = create_as_xml(k, a, r);
    if (!xml) {
        st = LVSH_USAGE;
    } else if (args_has(a, "print-xml")) {
        /* virsh adds a newline of its own after the document */
        out_text(r, "%s\n", xml);
        out_json(r, json_pack("{s:o}", "xml", json_str(xml)));
        st = LVSH_OK;
    } else {
        st = dtree_create(k, r, args_target(a), xml, args_flags(a), NULL);
    }
    free(xml);
    return st;
}

/* ---- dumpxml, delete, parent -------------------------------------------- */

static enum lvsh_status tree_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r, const struct dtree_obj *o)
{
    (void)s;
    char *xml = o->k->ops.xml(o->obj, args_flags(a));
    if (!xml)
        return err_virt(r, "failed to get the XML of %s '%s'", o->k->word, o->name);
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

enum lvsh_status run_snapshot_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    return dtree_run(s, a, r, tree_dumpxml);
}

static enum lvsh_status tree_delete(struct lvsh_session *s, const struct lvsh_args *a,
                                  struct lvsh_result *r, const struct dtree_obj *o)
{
    (void)s;
    const struct dtree_kind *k = o->k;
    unsigned flags = args_flags(a);
    char *name = xstrdup(o->name);   /* the handle's name goes with the object */
    const char *dname = virDomainGetName(o->d);
    enum lvsh_status st = LVSH_OK;
    if (k->ops.del(o->obj, flags) < 0) {
        st = err_virt(r, "failed to delete %s '%s' of domain '%s'", k->word, name, dname);
    } else if (flags & k->delete_children_only) {
        out_info(r, "Domain %s %s children deleted", k->word, name);
        dtree_done(r, o->d, name, "children deleted");
    } else {
        out_info(r, "Domain %s %s deleted", k->word, name);
        dtree_done(r, o->d, name, "deleted");
    }
    free(name);
    return st;
}

enum lvsh_status run_snapshot_delete(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    return dtree_run(s, a, r, tree_delete);
}

static enum lvsh_status tree_parent(struct lvsh_session *s, const struct lvsh_args *a,
                                  struct lvsh_result *r, const struct dtree_obj *o)
{
    (void)s;
    (void)a;
    char *pname = NULL;
    enum lvsh_status st = LVSH_OK;
    if (!dtree_parent_name(o->k, r, o->obj, &pname)) {
        st = LVSH_FAILED;
    } else if (!pname) {
        st = err_fail(r, "%s '%s' has no parent", o->k->word, o->name);
    } else {
        out_text(r, "%s\n", pname);
        out_bare(r);   /* virsh prints the bare name */
        json_t *j = dtree_json_ref(o->d, o->name);
        json_object_set_new(j, "parent", json_str(pname));
        out_json(r, j);
    }
    free(pname);
    return st;
}

enum lvsh_status run_snapshot_parent(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    return dtree_run(s, a, r, tree_parent);
}

/* ---- list ------------------------------------------------------------------ */

struct row {
    void *obj;
    char *parent;            /* --tree: NULL for a root */
    virErrorPtr err;         /* --tree: why the parent could not be read */
    char *xml;               /* the table: its XML, read on a worker */
    struct dtree_facts f;
    bool have_facts;         /* f was read; rows whose XML vanished are skipped */
};

struct listing {
    const struct dtree_kind *k;
    struct row *rows;
    int n;
};

static void listing_free(struct listing *l)
{
    for (int i = 0; i < l->n; i++) {
        l->k->ops.free(l->rows[i].obj);
        free(l->rows[i].parent);
        dtree_facts_free(&l->rows[i].f);
    }
    free(l->rows);
    l->rows = NULL;
    l->n = 0;
}

static const char *row_name(const struct listing *l, int i)
{
    return l->k->ops.name(l->rows[i].obj);
}

/* qsort has no context: the kind's name call is the same for every row */
static __thread const struct dtree_kind *sort_kind;

static int row_cmp(const void *x, const void *y)
{
    return strcasecmp(sort_kind->ops.name(((const struct row *)x)->obj),
                      sort_kind->ops.name(((const struct row *)y)->obj));
}

/* Row i's parent (run on several threads: par_each); a failure keeps
 * libvirt's error for the calling thread to report. */
static void fetch_parent(void *ctx, size_t i)
{
    struct listing *l = ctx;
    struct row *row = &l->rows[i];
    void *p = l->k->ops.parent(row->obj, 0);
    if (p) {
        row->parent = xstrdup(l->k->ops.name(p));
        l->k->ops.free(p);
    } else if (virGetLastErrorCode() != l->k->no_object) {
        row->err = virSaveLastError();
    }
    virResetLastError();
}

/* Every row's parent, many calls in flight; the first failure in row
 * order is the one reported. */
static bool read_parents(struct lvsh_result *r, struct listing *l)
{
    bool ok = true;
    par_each((size_t)l->n, fetch_parent, l);
    for (int i = 0; i < l->n; i++) {
        if (l->rows[i].err && ok) {
            par_fail(r, l->rows[i].err, "failed to get the parent of %s '%s'", l->k->word,
                     row_name(l, i));
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
static bool collect(struct lvsh_result *r, virDomainPtr d, void *from, unsigned flags,
                    bool tree, struct listing *l)
{
    const struct dtree_kind *k = l->k;
    void **objs = NULL;
    const char *dname = virDomainGetName(d);
    int n = from ? k->ops.children(from, &objs, flags) : k->ops.list(d, &objs, flags);
    if (n < 0) {
        err_virt(r, "failed to list the %ss of domain '%s'", k->word, dname);
        return false;
    }
    l->rows = xcalloc((size_t)n + 1, sizeof(*l->rows));
    for (int i = 0; i < n; i++)
        l->rows[l->n++].obj = objs[i];
    free(objs);
    if (tree && !read_parents(r, l))
        return false;
    if (tree && from) {
        k->ops.ref(from);
        l->rows[l->n++].obj = from;
    }
    if (!(flags & k->topological)) {
        sort_kind = k;
        qsort(l->rows, (size_t)l->n, sizeof(*l->rows), row_cmp);
    }
    return true;
}

/* Row i's XML (run on several threads: par_each). */
static void fetch_xml(void *ctx, size_t i)
{
    struct listing *l = ctx;
    l->rows[i].xml = l->k->ops.xml(l->rows[i].obj, l->k->list_xml_flags);
    if (!l->rows[i].xml)
        virResetLastError();
}

/* Read each row's XML, many calls in flight, then parse them here; one
 * that vanished meanwhile is skipped. */
static void read_facts(struct listing *l)
{
    par_each((size_t)l->n, fetch_xml, l);
    for (int i = 0; i < l->n; i++) {
        struct row *row = &l->rows[i];
        if (row->xml)
            row->have_facts = dtree_facts_parse(l->k, NULL, row->xml, &row->f);
        free(row->xml);
        row->xml = NULL;
    }
}

static json_t *row_json(const struct listing *l, int i)
{
    const struct dtree_facts *f = &l->rows[i].f;
    json_t *j = json_pack("{s:o,s:I}", "name", json_str(row_name(l, i)), "creation_time",
                          (json_int_t)f->ctime);
    if (l->k->has_state)
        json_object_set_new(j, "state", json_str(f->state));
    json_object_set_new(j, "parent", json_str(f->parent));
    if (l->k->has_state)
        json_object_set_new(j, "location", json_string(f->external ? "external"
                                                                   : "internal"));
    json_object_set_new(j, "description", json_str(f->description));
    return j;
}

static void list_table(struct lvsh_result *r, const struct listing *l, bool parent)
{
    static const struct out_col cols[] = {
        { "Name", "name", 0 },
        { "Creation Time", "creation_time", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    json_t *arr = json_array();
    if (l->k->has_state)
        out_table_col(t, "State", "state", 0);
    if (parent)
        out_table_col(t, "Parent", "parent", 0);
    for (int i = 0; i < l->n; i++) {
        const struct dtree_facts *f = &l->rows[i].f;
        if (!l->rows[i].have_facts)
            continue;
        char *when = dtree_time_text(f->ctime);
        out_table_row(t);
        out_cell_str(t, row_name(l, i));
        out_cell(t, json_integer((json_int_t)f->ctime), when);
        if (l->k->has_state)
            out_cell_str(t, f->state);
        if (parent)
            out_cell(t, json_str(f->parent), f->parent ? f->parent : "");
        json_array_append_new(arr, row_json(l, i));
        free(when);
    }
    out_json(r, arr);
}

/* --tree, drawn the way virsh draws it: roots are the rows without a
 * parent (under --from, --from itself). */
static void list_tree(struct lvsh_result *r, const struct listing *l)
{
    const char **names = xcalloc((size_t)l->n + 1, sizeof(char *));
    const char **parents = xcalloc((size_t)l->n + 1, sizeof(char *));
    bool *roots = xcalloc((size_t)l->n + 1, sizeof(bool));
    struct buf out = BUF_INIT;
    json_t *json;
    for (int i = 0; i < l->n; i++) {
        names[i] = row_name(l, i);
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

static void list_show(struct lvsh_session *s, const struct lvsh_args *a,
                      struct lvsh_result *r, struct listing *l)
{
    if (args_has(a, "tree")) {
        list_tree(r, l);
    } else if (args_has(a, "name") && !lvsh_wants_json(s, a)) {
        for (int i = 0; i < l->n; i++)
            out_text(r, "%s\n", row_name(l, i));
    } else {
        read_facts(l);
        list_table(r, l, args_has(a, "parent"));
    }
}

enum lvsh_status run_snapshot_list(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r)
{
    const struct dtree_kind *k = dtree_kind_of(a);
    bool from = args_has(a, "from") || (k->current && args_has(a, "current"));
    if (args_has(a, "descendants") && !from)
        return err_usage(r, k->current ? "--descendants needs --from or --current"
                                       : "--descendants needs --from");
    virDomainPtr d = args_target(a);
    void *start = NULL;
    enum lvsh_status st = from ? dtree_lookup(k, r, d, a, "from", &start) : LVSH_OK;
    struct listing l = { k, NULL, 0 };
    if (st != LVSH_OK)
        ;
    else if (!collect(r, d, start, args_flags(a), args_has(a, "tree"), &l))
        st = LVSH_FAILED;
    else
        list_show(s, a, r, &l);
    listing_free(&l);
    if (start)
        k->ops.free(start);
    return st;
}

/* ---- edit ------------------------------------------------------------------ */

struct edit_ctx {
    const struct dtree_kind *k;
    virDomainPtr d;
    const char *name;
    unsigned flags;
    void *made;              /* what the edited XML defined */
};

static bool edit_apply(void *opaque, const char *xml, bool relaxed, struct lvsh_result *r)
{
    struct edit_ctx *c = opaque;
    (void)relaxed;
    c->made = c->k->ops.create(c->d, xml, c->flags);
    if (!c->made)
        err_virt(r, "failed to redefine %s '%s' from the edited XML", c->k->word, c->name);
    return c->made != NULL;
}

/* A new name is a rename (drop the old metadata), a clone, or a mistake
 * (drop the new one); only commands with --rename and --clone allow it. */
static enum lvsh_status edit_new_name(const struct lvsh_args *a, struct lvsh_result *r,
                                      const struct dtree_kind *k, void *old, void *made)
{
    const char *name = k->ops.name(old), *newname = k->ops.name(made);
    bool can = cmd_has_opt(a->cmd, "rename");
    if (can && args_has(a, "clone")) {
        out_info(r, "%s %s cloned to %s.", k->title, name, newname);
        return LVSH_OK;
    }
    bool rename = can && args_has(a, "rename");
    if (k->ops.del(rename ? old : made, k->delete_metadata) < 0)
        return err_virt(r, "failed to clean up %s '%s'", k->word, rename ? name : newname);
    if (!can)
        return err_fail(r, "cannot rename %s '%s' to '%s'", k->word, name, newname);
    if (!rename)
        return err_fail(r, "use --rename or --clone to change %s '%s' to '%s'", k->word,
                        name, newname);
    out_info(r, "%s %s renamed to %s.", k->title, name, newname);
    return LVSH_OK;
}

/* The message and JSON of an edit that defined c->made. */
static enum lvsh_status edit_done(const struct lvsh_args *a, struct lvsh_result *r,
                                  struct edit_ctx *c, void *old)
{
    const char *newname = c->k->ops.name(c->made);
    if (strcmp(c->name, newname) == 0) {
        out_info(r, "%s %s edited.", c->k->title, c->name);
        dtree_done(r, c->d, newname, "edited");
        return LVSH_OK;
    }
    enum lvsh_status st = edit_new_name(a, r, c->k, old, c->made);
    if (st == LVSH_OK) {
        bool clone = args_has(a, "clone");
        dtree_done(r, c->d, newname, clone ? "cloned" : "renamed");
        out_json_set(r, clone ? "source" : "old_name", json_str(c->name));
    }
    return st;
}

static enum lvsh_status tree_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                struct lvsh_result *r, const struct dtree_obj *o)
{
    const struct dtree_kind *k = o->k;
    char *orig = k->ops.xml(o->obj, k->secure_xml);
    if (!orig)
        return err_virt(r, "failed to get the XML of %s '%s'", k->word, o->name);
    struct edit_ctx c = { k, o->d, o->name, k->redefine, NULL };
    c.flags |= k->edit_flags ? k->edit_flags(a, orig) : 0;
    char *file = xasprintf("%s.xml", k->word);
    struct edit_job job = { .xml = orig, .file = file, .apply = edit_apply, .ctx = &c,
                            .apply_unchanged = (c.flags & k->create_current) != 0 };
    enum edit_outcome oc = edit_loop(s, r, &job);
    enum lvsh_status st = LVSH_OK;
    if (oc == EDIT_FAILED) {
        st = LVSH_FAILED;
    } else if (oc == EDIT_UNCHANGED) {
        out_info(r, "%s %s XML configuration not changed.", k->title, o->name);
        dtree_done(r, o->d, o->name, "unchanged");
    } else {
        st = edit_done(a, r, &c, o->obj);
    }
    if (c.made)
        k->ops.free(c.made);
    free(file);
    free(orig);
    return st;
}

enum lvsh_status run_snapshot_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r)
{
    return dtree_run(s, a, r, tree_edit);
}
