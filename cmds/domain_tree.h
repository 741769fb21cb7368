/* domain_tree.h: the trees a domain keeps (snapshots and checkpoints), one
 * core for both behind a small table of operations.
 *
 * libvirt's snapshot and checkpoint calls are the same calls under two
 * names; DTREE_KIND() builds the table for one of them, and every command
 * that only looks up, lists, prints or deletes is a handler of
 * domain_tree.c shared by both groups (the command's .group picks the
 * kind).  What differs (snapshot-current, revert, the create-as specs) stays
 * in the kind's own file. */
#ifndef LVSH_DOMAIN_TREE_H
#define LVSH_DOMAIN_TREE_H

#include "domain_common.h"
#include "util.h"

/* The calls of one kind, on untyped objects. */
struct dtree_ops {
    void *(*lookup)(virDomainPtr d, const char *name, unsigned flags);
    const char *(*name)(void *obj);
    void *(*parent)(void *obj, unsigned flags);
    int (*list)(virDomainPtr d, void ***out, unsigned flags);
    int (*children)(void *obj, void ***out, unsigned flags);
    char *(*xml)(void *obj, unsigned flags);
    void *(*create)(virDomainPtr d, const char *xml, unsigned flags);
    int (*del)(void *obj, unsigned flags);
    int (*ref)(void *obj);
    int (*free)(void *obj);
};

struct dtree_kind {
    const char *word;           /* "snapshot": in messages */
    const char *title;          /* "Snapshot": at the start of a message */
    const char *root;           /* the XML's root element */
    const char *name_opt;       /* the option naming one: "snapshotname" */
    int no_object;              /* libvirt's error code for "there is none" */
    unsigned list_xml_flags;    /* the listing's XML call (no domain: smaller) */
    unsigned topological;       /* the list flag keeping libvirt's order */
    unsigned redefine;          /* the create flag that redefines metadata */
    unsigned create_current;    /* the create flag making it current (or 0) */
    unsigned delete_metadata;   /* the delete flag keeping the data */
    unsigned delete_children_only;
    unsigned secure_xml;        /* the XML flag with secrets: what edit opens */
    bool has_state;             /* a <state> (and a location) in its XML */
    void *(*current)(virDomainPtr d);   /* NULL: the kind has no current one */
    /* create-as: append the XML of the kind's own options (specs) */
    enum lvsh_status (*add_specs)(struct lvsh_result *r, struct buf *b,
                                  const struct lvsh_args *a);
    /* edit: flags the redefinition of orig needs besides redefine */
    unsigned (*edit_flags)(const struct lvsh_args *a, const char *orig);
    struct dtree_ops ops;
};

/* What kind T (Snapshot or Checkpoint; U in capitals, w its word, t its
 * title) shares with the other by the names alone; the kind's own fields
 * follow it. */
#define DTREE_KIND(T, U, w, t) \
    .word = w, .title = t, .root = "domain" w, .name_opt = w "name", \
    .no_object = VIR_ERR_NO_DOMAIN_##U, .topological = VIR_DOMAIN_##U##_LIST_TOPOLOGICAL, \
    .redefine = VIR_DOMAIN_##U##_CREATE_REDEFINE, \
    .delete_metadata = VIR_DOMAIN_##U##_DELETE_METADATA_ONLY, \
    .delete_children_only = VIR_DOMAIN_##U##_DELETE_CHILDREN_ONLY, \
    .secure_xml = VIR_DOMAIN_##U##_XML_SECURE, \
    .add_specs = add_specs, .ops = DTREE_OPS(T)

/* The ops of kind T: libvirt's calls, typed. */
#define DTREE_OPS(T) { \
    .lookup = dtree_##T##_lookup, .name = dtree_##T##_name, .parent = dtree_##T##_parent, \
    .list = dtree_##T##_list, .children = dtree_##T##_children, .xml = dtree_##T##_xml, \
    .create = dtree_##T##_create, .del = dtree_##T##_del, .ref = dtree_##T##_ref, \
    .free = dtree_##T##_free }
#define DTREE_OPS_DEFINE(T) \
    static void *dtree_##T##_lookup(virDomainPtr d, const char *n, unsigned f) \
    { return virDomain##T##LookupByName(d, n, f); } \
    static const char *dtree_##T##_name(void *o) { return virDomain##T##GetName(o); } \
    static void *dtree_##T##_parent(void *o, unsigned f) \
    { return virDomain##T##GetParent(o, f); } \
    static int dtree_##T##_list(virDomainPtr d, void ***out, unsigned f) \
    { return virDomainListAll##T##s(d, (virDomain##T##Ptr **)out, f); } \
    static int dtree_##T##_children(void *o, void ***out, unsigned f) \
    { return virDomain##T##ListAllChildren(o, (virDomain##T##Ptr **)out, f); } \
    static char *dtree_##T##_xml(void *o, unsigned f) \
    { return virDomain##T##GetXMLDesc(o, f); } \
    static void *dtree_##T##_create(virDomainPtr d, const char *x, unsigned f) \
    { return virDomain##T##CreateXML(d, x, f); } \
    static int dtree_##T##_del(void *o, unsigned f) { return virDomain##T##Delete(o, f); } \
    static int dtree_##T##_ref(void *o) { return virDomain##T##Ref(o); } \
    static int dtree_##T##_free(void *o) { return virDomain##T##Free(o); }

extern const struct dtree_kind dtree_snapshot, dtree_checkpoint;

/* The kind of a command: its group, "snapshot" or "checkpoint". */
const struct dtree_kind *dtree_kind_of(const struct lvsh_args *a);

/* The facts virsh reads from a snapshot's or checkpoint's XML. */
struct dtree_facts {
    char *state;        /* running, shutoff, disk-snapshot...; NULL for a checkpoint */
    char *parent;       /* NULL for a root */
    char *description;  /* NULL when there is none */
    long long ctime;    /* creation time, seconds since the epoch */
    bool external;      /* memory or a disk is stored outside the image */
};

/* Parse one's XML; false (r filled unless NULL) when it cannot be read. */
bool dtree_facts_parse(const struct dtree_kind *k, struct lvsh_result *r, const char *xml,
                       struct dtree_facts *f);
void dtree_facts_free(struct dtree_facts *f);

/* "2024-01-31 12:00:00 +0100" in local time, as virsh shows creation times;
 * the caller frees. */
char *dtree_time_text(long long t);

/* The object named by option opt or, with --current where the kind has
 * one, the current one, in *out; the status tells a usage error (no name)
 * from a failed lookup. */
enum lvsh_status dtree_lookup(const struct dtree_kind *k, struct lvsh_result *r,
                              virDomainPtr d, const struct lvsh_args *a, const char *opt,
                              void **out);
/* A command's domain (its .target) and the object its name option (or
 * --current) names. */
struct dtree_obj {
    const struct dtree_kind *k;
    virDomainPtr d;
    void *obj;
    const char *name;        /* the object's */
};
typedef enum lvsh_status (*dtree_fn)(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r, const struct dtree_obj *o);
/* Resolve the object (r filled when it fails), run fn, free it. */
enum lvsh_status dtree_run(struct lvsh_session *s, const struct lvsh_args *a,
                           struct lvsh_result *r, dtree_fn fn);
/* The parent's name, NULL for a root; false (r filled) on failure. */
bool dtree_parent_name(const struct dtree_kind *k, struct lvsh_result *r, void *obj,
                       char **out);
/* How many children (descendants with flags), or -1. */
int dtree_count_children(const struct dtree_kind *k, void *obj, unsigned flags);

/* {"domain": ..., "name": ...} */
json_t *dtree_json_ref(virDomainPtr d, const char *name);
/* that object with an "action" word, as the command's JSON */
void dtree_done(struct lvsh_result *r, virDomainPtr d, const char *name, const char *action);

/* Create one from XML and say so ("created from 'FILE'" with from). */
enum lvsh_status dtree_create(const struct dtree_kind *k, struct lvsh_result *r,
                              virDomainPtr d, const char *xml, unsigned flags,
                              const char *from);

/* Building create-as XML: append fmt with its one %s replaced by s,
 * XML-escaped; split virsh's comma lists (",," is a comma). */
void dtree_xml_esc(struct buf *b, const char *fmt, const char *s);
char **dtree_split_spec(const char *str, int *n);
void dtree_strv_free(char **v, int n);
/* "key=value" item: the value, or NULL for another key */
const char *dtree_spec_value(const char *item, const char *key);

/* Handlers both groups share (the kind from the command's group), named
 * after the snapshot command, the first to use them (HACKING.md). */
enum lvsh_status run_snapshot_create(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r);
enum lvsh_status run_snapshot_create_as(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r);
enum lvsh_status run_snapshot_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r);
enum lvsh_status run_snapshot_delete(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r);
enum lvsh_status run_snapshot_parent(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r);
enum lvsh_status run_snapshot_list(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r);
enum lvsh_status run_snapshot_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r);

/* Options both kinds have, worded for the kind (word: "snapshot"), with the
 * flags of kind U (SNAPSHOT or CHECKPOINT). */
#define DTREE_OPTS_CREATE_AS(word) \
    { .name = "name", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL, \
      .help = "name of the " word " (default: the creation time)", .metavar = "name" }, \
    { .name = "description", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_EMPTY_OK, \
      .help = "free text describing the " word, .metavar = "text" }, \
    { .name = "print-xml", .type = LVSH_OPT_BOOL, \
      .help = "print the " word " XML instead of creating the " word }
#define DTREE_OPTS_DELETE(U, word, metadata_help) \
    { .name = "children", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_##U##_DELETE_CHILDREN, \
      .help = "delete the " word " and all its descendants" }, \
    { .name = "children-only", .type = LVSH_OPT_BOOL, \
      .flag = VIR_DOMAIN_##U##_DELETE_CHILDREN_ONLY, \
      .help = "delete the descendants but keep the " word }, \
    { .name = "metadata", .type = LVSH_OPT_BOOL, \
      .flag = VIR_DOMAIN_##U##_DELETE_METADATA_ONLY, .help = (metadata_help) }
#define DTREE_OPTS_LIST_PLACE(U, word) \
    { .name = "parent", .type = LVSH_OPT_BOOL, .help = "add a column with each parent" }, \
    { .name = "roots", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_##U##_LIST_ROOTS, \
      .help = "only " word "s without a parent" }, \
    { .name = "leaves", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_##U##_LIST_LEAVES, \
      .help = "only " word "s without children" }, \
    { .name = "no-leaves", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_##U##_LIST_NO_LEAVES, \
      .help = "only " word "s with children" }
#define DTREE_OPTS_LIST_FROM(word, comp) \
    { .name = "tree", .type = LVSH_OPT_BOOL, .help = "draw the " word "s as a tree" }, \
    { .name = "from", .type = LVSH_OPT_STRING, .help = "only the children of this " word, \
      .metavar = word, .complete = (comp) }
#define DTREE_OPTS_LIST_SHOW(U) \
    { .name = "name", .type = LVSH_OPT_BOOL, .help = "print only the names" }, \
    { .name = "topological", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_##U##_LIST_TOPOLOGICAL, \
      .help = "sort parents before their children rather than by name" }

/* The usual name option, positional after the domain. */
#define DTREE_OPT_NAME(opt, word, comp, helptext) \
    { .name = (opt), .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL, \
      .help = (helptext), .metavar = (word), .complete = (comp) }

#endif
