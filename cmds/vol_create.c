/* vol_create.c: making storage volumes (vol-create, vol-create-as,
 * vol-create-from, vol-clone). */
#include "storage_common.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* vol-create, vol-create-from: a volume in the target pool from --file's
 * XML, filled with a copy of in when in is given. */
static enum lvsh_status create_from_xml(const struct lvsh_args *a, struct lvsh_result *r,
                                        virStorageVolPtr in)
{
    const char *file = args_str(a, "file");
    virStoragePoolPtr p = args_target(a);
    char *xml = xml_read_file(r, file);
    if (!xml)
        return LVSH_FAILED;
    virStorageVolPtr v = in ? virStorageVolCreateXMLFrom(p, xml, in, args_flags(a))
                            : virStorageVolCreateXML(p, xml, args_flags(a));
    free(xml);
    if (!v)
        return err_virt(r, "Failed to create vol from %s", file);
    if (in)
        out_info(r, "Vol %s created from input vol %s", virStorageVolGetName(v),
                 virStorageVolGetName(in));
    else
        out_info(r, "Vol %s created from %s", virStorageVolGetName(v), file);
    act_json(r, LVSH_KIND_VOLUME, v, "created");
    out_json_set(r, "file", json_str(file));
    if (in)
        out_json_set(r, "input", kind_json_ref(LVSH_KIND_VOLUME, in));
    virStorageVolFree(v);
    return LVSH_OK;
}

static enum lvsh_status run_vol_create(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    return create_from_xml(a, r, NULL);
}

#define VOL_OPT_FILE \
    { .name = "file", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "file with the volume's XML description ('-' for stdin)", .metavar = "file", \
      .complete = LVSH_COMP_FILE }
#define VOL_OPT_PREALLOC \
    { .name = "prealloc-metadata", .type = LVSH_OPT_BOOL, \
      .flag = VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA, \
      .help = "preallocate metadata only (qcow2) instead of the whole volume" }
#define VOL_OPT_VALIDATE \
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = VIR_STORAGE_VOL_CREATE_VALIDATE, \
      .help = "validate the XML against the schema" }
#define VOL_OPT_REFLINK \
    { .name = "reflink", .type = LVSH_OPT_BOOL, .flag = VIR_STORAGE_VOL_CREATE_REFLINK, \
      .help = "make a copy-on-write clone (btrfs reflink)" }

static const struct lvsh_opt opts_vol_create[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_ACTIVE, "pool name, uuid or target path"),
    VOL_OPT_FILE,
    VOL_OPT_PREALLOC,
    VOL_OPT_VALIDATE,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_create = {
    .name = "vol-create",
    .group = "volume",
    .summary = "create a storage volume from an XML file",
    .description = "Create a volume in a pool from an XML description.",
    .opts = opts_vol_create,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_vol_create,
    .target = LVSH_KIND_POOL,
};

/* The XML virsh's vol-create-as builds; backing is the backing volume's path. */
static char *vol_xml_from_args(const struct lvsh_args *a, const char *backing)
{
    unsigned long long capacity = 0, allocation = 0;
    struct buf b = BUF_INIT;
    args_size(a, "capacity", &capacity);
    buf_adds(&b, "<volume>\n  <name>");
    buf_add_xml(&b, args_str(a, "name"));
    buf_printf(&b, "</name>\n  <capacity>%llu</capacity>\n", capacity);
    if (args_size(a, "allocation", &allocation))
        buf_printf(&b, "  <allocation>%llu</allocation>\n", allocation);
    if (args_has(a, "format")) {
        buf_adds(&b, "  <target>\n    <format type='");
        buf_add_xml(&b, args_str(a, "format"));
        buf_adds(&b, "'/>\n  </target>\n");
    }
    if (backing) {
        buf_adds(&b, "  <backingStore>\n    <path>");
        buf_add_xml(&b, backing);
        buf_adds(&b, "</path>\n");
        if (args_has(a, "backing-vol-format")) {
            buf_adds(&b, "    <format type='");
            buf_add_xml(&b, args_str(a, "backing-vol-format"));
            buf_adds(&b, "'/>\n");
        }
        buf_adds(&b, "  </backingStore>\n");
    }
    buf_adds(&b, "</volume>\n");
    return buf_steal(&b);
}

/* The path of --backing-vol: a volume of the pool by name, or any by key or path. */
static char *backing_path(struct lvsh_session *s, const struct lvsh_args *a,
                          struct lvsh_result *r)
{
    virStorageVolPtr v = lookup_volume(s, r, args_str(a, "backing-vol"), args_str(a, "pool"),
                                       "pool");
    if (!v)
        return NULL;
    char *path = virStorageVolGetPath(v);
    if (!path)
        err_virt(r, "failed to get the path of volume '%s'", args_str(a, "backing-vol"));
    virStorageVolFree(v);
    return path;
}

static enum lvsh_status run_vol_create_as(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    char *backing = NULL;
    unsigned flags = args_flags(a);
    virStoragePoolPtr p = args_target(a);
    if (args_has(a, "backing-vol") && !(backing = backing_path(s, a, r))) {
        return LVSH_FAILED;
    }
    char *xml = vol_xml_from_args(a, backing);
    enum lvsh_status st = LVSH_OK;
    if (args_has(a, "print-xml")) {
        out_xml(r, xml);
    } else {
        virStorageVolPtr v = virStorageVolCreateXML(p, xml, flags);
        if (!v) {
            st = err_virt(r, "failed to create volume '%s'", args_str(a, "name"));
        } else {
            out_info(r, "Vol %s created", virStorageVolGetName(v));
            act_json(r, LVSH_KIND_VOLUME, v, "created");
            virStorageVolFree(v);
        }
    }
    free(xml);
    free(backing);
    return st;
}

static const struct lvsh_opt opts_vol_create_as[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_ACTIVE, "pool name, uuid or target path"),
    { .name = "name", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .help = "name of the new volume" },
    { .name = "capacity", .type = LVSH_OPT_SIZE,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL | LVSH_OPTF_VIRSH_WORD,
      .help = "size of the volume (10G, 512MiB; bare numbers are bytes)" },
    { .name = "allocation", .type = LVSH_OPT_SIZE,
      .help = "space to allocate now (bare numbers are bytes)" },
    { .name = "format", .type = LVSH_OPT_STRING,
      .help = "file format (raw, qcow2, qed, vmdk, vdi, ...)" },
    { .name = "backing-vol", .type = LVSH_OPT_STRING, .complete = LVSH_COMP_VOLUME,
      .help = "backing volume (name in the pool, key or path) for a copy-on-write volume" },
    { .name = "backing-vol-format", .type = LVSH_OPT_STRING,
      .help = "format of the backing volume" },
    VOL_OPT_PREALLOC,
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the XML instead of creating the volume" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_create_as = {
    .name = "vol-create-as",
    .group = "volume",
    .summary = "create a storage volume from options",
    .description = "Build a volume's XML from a name, a capacity and options and create "
                   "it in the pool; --print-xml only prints the XML.",
    .opts = opts_vol_create_as,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES | LVSH_CMD_XML,
    .handler = run_vol_create_as,
    .target = LVSH_KIND_POOL,
};

static enum lvsh_status run_vol_create_from(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    virStorageVolPtr in = lookup_volume(s, r, args_str(a, "vol"), args_str(a, "inputpool"),
                                        "inputpool");
    if (!in)
        return LVSH_FAILED;
    enum lvsh_status st = create_from_xml(a, r, in);
    virStorageVolFree(in);
    return st;
}

static const struct lvsh_opt opts_vol_create_from[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL_ACTIVE, "pool of the new volume: name, uuid or target path"),
    VOL_OPT_FILE,
    { .name = "vol", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "input volume: name (with --inputpool), key or path", .metavar = "vol",
      .complete = LVSH_COMP_VOLUME },
    { .name = "inputpool", .type = LVSH_OPT_STRING, .complete = LVSH_COMP_POOL,
      .help = "pool of the input volume: name, uuid or target path" },
    VOL_OPT_PREALLOC,
    VOL_OPT_REFLINK,
    VOL_OPT_VALIDATE,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_create_from = {
    .name = "vol-create-from",
    .group = "volume",
    .summary = "create a storage volume from XML, copying another volume",
    .description = "Create a volume from an XML description, filling it with the contents "
                   "of an existing volume.",
    .opts = opts_vol_create_from,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_vol_create_from,
    .target = LVSH_KIND_POOL,
};

/* The first child element of parent called name, or NULL. */
static xmlNodePtr child_element(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name))
            return n;
    return NULL;
}

static void drop_node(xmlNodePtr n)
{
    if (n) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    }
}

/* The volume's XML with a new name, re-serialised as virsh does.  For the
 * daemon (bare true) the original's key and path go: the clone gets its
 * own, and some drivers would otherwise keep (or leak) the old ones. */
static char *clone_xml(struct lvsh_result *r, const char *xml, const char *name, bool bare)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "vol.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlNodePtr n = child_element(root, "name");
    if (!n) {
        xmlFreeDoc(doc);
        err_fail(r, "the volume's XML has no name element");
        return NULL;
    }
    xmlNodeSetContent(n, NULL);
    xmlNodeAddContent(n, BAD_CAST name);
    if (bare) {
        drop_node(child_element(root, "key"));
        drop_node(child_element(child_element(root, "target"), "path"));
    }
    xmlBufferPtr xb = xmlBufferCreate();
    xmlNodeDump(xb, doc, root, 0, 0);
    char *out = xasprintf("%s\n", (const char *)xmlBufferContent(xb));
    xmlBufferFree(xb);
    xmlFreeDoc(doc);
    return out;
}

/* virsh prints the clone's XML without a final newline (its one-shot blank
 * line ends it); keep those bytes unless --xpath needs the XML itself. */
static void clone_print(const struct lvsh_args *a, struct lvsh_result *r, char *xml)
{
    if (args_has(a, "xpath")) {
        out_xml(r, xml);
        return;
    }
    xml[strlen(xml) - 1] = '\0';
    out_text(r, "%s", xml);
    out_json_set(r, "xml", json_str(xml));
}

static enum lvsh_status vol_clone_run(const struct lvsh_args *a, struct lvsh_result *r,
                                      virStorageVolPtr orig)
{
    const char *newname = args_str(a, "newname");
    virStoragePoolPtr p = virStoragePoolLookupByVolume(orig);
    if (!p)
        return err_virt(r, "failed to get the pool of volume '%s'", args_str(a, "vol"));
    char *xml = virStorageVolGetXMLDesc(orig, 0);
    char *nxml = xml ? clone_xml(r, xml, newname, !args_has(a, "print-xml")) : NULL;
    enum lvsh_status st = LVSH_OK;
    if (!xml) {
        st = err_virt(r, "failed to get the XML of volume '%s'", args_str(a, "vol"));
    } else if (!nxml) {
        st = LVSH_FAILED;
    } else if (args_has(a, "print-xml")) {
        clone_print(a, r, nxml);
    } else {
        virStorageVolPtr v = virStorageVolCreateXMLFrom(p, nxml, orig, args_flags(a));
        if (!v) {
            st = err_virt(r, "failed to clone volume '%s' as '%s'", args_str(a, "vol"),
                          newname);
        } else {
            out_info(r, "Vol %s cloned from %s", virStorageVolGetName(v),
                     virStorageVolGetName(orig));
            act_json(r, LVSH_KIND_VOLUME, v, "cloned");
            out_json_set(r, "source", kind_json_ref(LVSH_KIND_VOLUME, orig));
            virStorageVolFree(v);
        }
    }
    free(nxml);
    free(xml);
    virStoragePoolFree(p);
    return st;
}

static enum lvsh_status run_vol_clone(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    virStorageVolPtr orig = args_target(a);
    (void)s;
    enum lvsh_status st = vol_clone_run(a, r, orig);
    return st;
}

static const struct lvsh_opt opts_vol_clone[] = {
    VOL_OPT_VOL,
    { .name = "newname", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .help = "name of the clone" },
    VOL_OPT_POOL,
    VOL_OPT_PREALLOC,
    VOL_OPT_REFLINK,
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the clone's XML instead of cloning" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vol_clone = {
    .name = "vol-clone",
    .group = "volume",
    .summary = "clone a storage volume within its pool",
    .description = "Copy a volume into a new volume of the same pool, keeping its format "
                   "and sizes.",
    .opts = opts_vol_clone,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES | LVSH_CMD_XML,
    .handler = run_vol_clone,
    .target = LVSH_KIND_VOLUME,
};

LVSH_FAMILY(vol_create) = { &cmd_vol_create, &cmd_vol_create_as,
                            &cmd_vol_create_from, &cmd_vol_clone, NULL };
