/* pool_define.c: making storage pools (pool-define, pool-create,
 * pool-define-as, pool-create-as) and changing them (pool-edit). */
#include "edit.h"
#include "storage_common.h"

#include <stdlib.h>
#include <string.h>

static const char *const pool_type_names[] = {
    "dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct", "scsi", "mpath",
    "rbd", "sheepdog", "gluster", "zfs", "vstorage", NULL,
};

static void *pool_define_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return virStoragePoolDefineXML(c, xml, flags);
}

static enum lvsh_status run_pool_define(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_POOL, pool_define_xml, "defined", "Failed to define pool from %s",
        "Pool %s defined from %s", true };
    return act_from_file(s, a, r, &how);
}

static const struct lvsh_opt opts_pool_define[] = {
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "file with the pool's XML description ('-' for stdin)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = VIR_STORAGE_POOL_DEFINE_VALIDATE,
      .help = "validate the XML against the schema" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_define = {
    .name = "pool-define",
    .group = "pool",
    .summary = "define a persistent storage pool from an XML file",
    .description = "Define an inactive persistent pool, or change the configuration of an "
                   "existing persistent one, from an XML file.",
    .opts = opts_pool_define,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_define,
};

static void *pool_create_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return virStoragePoolCreateXML(c, xml, flags);
}

static enum lvsh_status run_pool_create(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_POOL, pool_create_xml, "created", "Failed to create pool from %s",
        "Pool %s created from %s", true };
    return act_from_file(s, a, r, &how);
}

static const struct lvsh_opt opts_pool_create[] = {
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "file with the pool's XML description ('-' for stdin)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    POOL_BUILD_OPTS,
    LVSH_OPT_END,
};

static const char *const excl_overwrite[] = { "overwrite no-overwrite", NULL };

static const struct lvsh_cmd cmd_pool_create = {
    .name = "pool-create",
    .group = "pool",
    .summary = "create and start a transient storage pool from an XML file",
    .description = "Create a transient pool from an XML file and start it, building it "
                   "first with --build, --overwrite or --no-overwrite.",
    .opts = opts_pool_create,
    .exclusive = excl_overwrite,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_create,
};

/* <tag attr='value'/> with the value escaped, indented by ind spaces. */
static void xml_empty(struct buf *b, int ind, const char *tag, const char *attr,
                      const char *value)
{
    buf_printf(b, "%*s<%s %s='", ind, "", tag, attr);
    buf_add_xml(b, value);
    buf_adds(b, "'/>\n");
}

static void xml_text(struct buf *b, int ind, const char *tag, const char *value)
{
    buf_printf(b, "%*s<%s>", ind, "", tag);
    buf_add_xml(b, value);
    buf_printf(b, "</%s>\n", tag);
}

static void xml_attr(struct buf *b, const char *attr, const char *value)
{
    buf_printf(b, " %s='", attr);
    buf_add_xml(b, value);
    buf_addc(b, '\'');
}

/* An fc_host adapter with both WWNs wins over a scsi_host adapter name. */
static void pool_xml_adapter(struct buf *b, const struct lvsh_args *a)
{
    const char *wwnn = args_str(a, "adapter-wwnn"), *wwpn = args_str(a, "adapter-wwpn");
    const char *pwwnn = args_str(a, "adapter-parent-wwnn");
    const char *pwwpn = args_str(a, "adapter-parent-wwpn");
    if (wwnn && wwpn) {
        buf_adds(b, "    <adapter type='fc_host'");
        if (args_has(a, "adapter-parent")) {
            xml_attr(b, "parent", args_str(a, "adapter-parent"));
        } else if (pwwnn && pwwpn) {
            xml_attr(b, "parent_wwnn", pwwnn);
            xml_attr(b, "parent_wwpn", pwwpn);
        } else if (args_has(a, "adapter-parent-fabric-wwn")) {
            xml_attr(b, "parent_fabric_wwn", args_str(a, "adapter-parent-fabric-wwn"));
        }
        xml_attr(b, "wwnn", wwnn);
        xml_attr(b, "wwpn", wwpn);
        buf_adds(b, "/>\n");
    } else if (args_has(a, "adapter-name")) {
        buf_adds(b, "    <adapter type='scsi_host'");
        xml_attr(b, "name", args_str(a, "adapter-name"));
        buf_adds(b, "/>\n");
    }
}

/* Authentication needs a type, a user name and one way to find the secret. */
static void pool_xml_auth(struct buf *b, const struct lvsh_args *a)
{
    const char *type = args_str(a, "auth-type"), *user = args_str(a, "auth-username");
    const char *usage = args_str(a, "secret-usage"), *uuid = args_str(a, "secret-uuid");
    if (!type || !user || (!usage && !uuid))
        return;
    buf_adds(b, "    <auth");
    xml_attr(b, "type", type);
    xml_attr(b, "username", user);
    buf_adds(b, ">\n");
    if (usage)
        xml_empty(b, 6, "secret", "usage", usage);
    else
        xml_empty(b, 6, "secret", "uuid", uuid);
    buf_adds(b, "    </auth>\n");
}

static bool pool_xml_has_source(const struct lvsh_args *a)
{
    static const char *const opts[] = {
        "source-host", "source-path", "source-dev", "source-initiator", "source-format",
        "source-name", "adapter-name", NULL,
    };
    for (int i = 0; opts[i]; i++)
        if (args_has(a, opts[i]))
            return true;
    return args_has(a, "adapter-wwnn") && args_has(a, "adapter-wwpn");
}

static void pool_xml_source(struct buf *b, const struct lvsh_args *a)
{
    buf_adds(b, "  <source>\n");
    if (args_has(a, "source-host"))
        xml_empty(b, 4, "host", "name", args_str(a, "source-host"));
    if (args_has(a, "source-path"))
        xml_empty(b, 4, "dir", "path", args_str(a, "source-path"));
    if (args_has(a, "source-dev"))
        xml_empty(b, 4, "device", "path", args_str(a, "source-dev"));
    if (args_has(a, "source-initiator")) {
        buf_adds(b, "    <initiator>\n");
        xml_empty(b, 6, "iqn", "name", args_str(a, "source-initiator"));
        buf_adds(b, "    </initiator>\n");
    }
    pool_xml_adapter(b, a);
    pool_xml_auth(b, a);
    if (args_has(a, "source-format"))
        xml_empty(b, 4, "format", "type", args_str(a, "source-format"));
    if (args_has(a, "source-name"))
        xml_text(b, 4, "name", args_str(a, "source-name"));
    if (args_has(a, "source-protocol-ver"))
        xml_empty(b, 4, "protocol", "ver", args_str(a, "source-protocol-ver"));
    buf_adds(b, "  </source>\n");
}

/* The XML virsh's pool-define-as/pool-create-as build from options. */
static char *pool_xml_from_args(const struct lvsh_args *a)
{
    struct buf b = BUF_INIT;
    buf_adds(&b, "<pool");
    xml_attr(&b, "type", args_str(a, "type"));
    buf_adds(&b, ">\n");
    xml_text(&b, 2, "name", args_str(a, "name"));
    if (pool_xml_has_source(a))
        pool_xml_source(&b, a);
    if (args_has(a, "target")) {
        buf_adds(&b, "  <target>\n");
        xml_text(&b, 4, "path", args_str(a, "target"));
        buf_adds(&b, "  </target>\n");
    }
    buf_adds(&b, "</pool>\n");
    return buf_steal(&b);
}

static enum lvsh_status pool_as(struct lvsh_session *s, const struct lvsh_args *a,
                                struct lvsh_result *r, bool create)
{
    char *xml = pool_xml_from_args(a);
    if (args_has(a, "print-xml")) {
        out_xml(r, xml);
        free(xml);
        return LVSH_OK;
    }
    virStoragePoolPtr p = create ?
        virStoragePoolCreateXML(s->conn, xml, args_flags(a)) :
        virStoragePoolDefineXML(s->conn, xml, 0);
    free(xml);
    if (!p)
        return err_virt(r, "failed to %s pool '%s'", create ? "create" : "define",
                        args_str(a, "name"));
    out_info(r, "Pool %s %s", virStoragePoolGetName(p), create ? "created" : "defined");
    act_json(r, LVSH_KIND_POOL, p, create ? "created" : "defined");
    virStoragePoolFree(p);
    return LVSH_OK;
}

static enum lvsh_status run_pool_define_as(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    return pool_as(s, a, r, false);
}

static enum lvsh_status run_pool_create_as(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    return pool_as(s, a, r, true);
}

#define AS_STR(n, h) { .name = n, .type = LVSH_OPT_STRING, .help = h }
#define POOL_AS_OPTS \
    { .name = "name", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .help = "name of the new pool" }, \
    { .name = "type", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .help = "type of the new pool", \
      .choices = pool_type_names, .complete = LVSH_COMP_CHOICES }, \
    { .name = "print-xml", .type = LVSH_OPT_BOOL, \
      .help = "print the XML instead of making the pool" }, \
    AS_STR("source-host", "host of the underlying storage"), \
    AS_STR("source-path", "source directory of the underlying storage"), \
    AS_STR("source-dev", "source device of the underlying storage"), \
    AS_STR("source-name", "source name (volume group, iSCSI target, RBD pool)"), \
    { .name = "target", .type = LVSH_OPT_STRING, .complete = LVSH_COMP_DIR, \
      .help = "where the pool appears on the host (a directory)" }, \
    AS_STR("source-format", "format of the underlying storage (nfs, lvm2, gpt, ...)"), \
    AS_STR("auth-type", "authentication type (chap, ceph)"), \
    AS_STR("auth-username", "user name for authentication"), \
    AS_STR("secret-usage", "usage id of the secret holding the password"), \
    AS_STR("secret-uuid", "UUID of the secret holding the password"), \
    AS_STR("adapter-name", "SCSI host adapter name (scsi_hostN)"), \
    AS_STR("adapter-wwnn", "fc_host adapter WWNN"), \
    AS_STR("adapter-wwpn", "fc_host adapter WWPN"), \
    AS_STR("adapter-parent", "parent scsi_hostN of a vHBA"), \
    AS_STR("adapter-parent-wwnn", "WWNN of the parent of a vHBA"), \
    AS_STR("adapter-parent-wwpn", "WWPN of the parent of a vHBA"), \
    AS_STR("adapter-parent-fabric-wwn", "fabric WWN of the parent of a vHBA"), \
    AS_STR("source-protocol-ver", "NFS protocol version to mount with"), \
    AS_STR("source-initiator", "iSCSI initiator IQN")

static const struct lvsh_opt opts_pool_define_as[] = {
    POOL_AS_OPTS,
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const char *const excl_pool_as[] = { "secret-usage secret-uuid", NULL };

static const struct lvsh_cmd cmd_pool_define_as = {
    .name = "pool-define-as",
    .group = "pool",
    .summary = "define a persistent storage pool from options",
    .description = "Build a pool's XML from source and target options and define it; "
                   "--print-xml only prints the XML.  Authentication needs --auth-type, "
                   "--auth-username and a secret; an fc_host adapter needs both WWNs.",
    .opts = opts_pool_define_as,
    .exclusive = excl_pool_as,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES | LVSH_CMD_XML,
    .handler = run_pool_define_as,
};

static const struct lvsh_opt opts_pool_create_as[] = {
    POOL_AS_OPTS,
    POOL_BUILD_OPTS,
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const char *const excl_pool_create_as[] = {
    "secret-usage secret-uuid", "overwrite no-overwrite", NULL,
};

static const struct lvsh_cmd cmd_pool_create_as = {
    .name = "pool-create-as",
    .group = "pool",
    .summary = "create and start a transient storage pool from options",
    .description = "Build a pool's XML as pool-define-as does, then create and start a "
                   "transient pool from it (building it first with --build, --overwrite "
                   "or --no-overwrite); --print-xml only prints the XML.",
    .opts = opts_pool_create_as,
    .exclusive = excl_pool_create_as,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES | LVSH_CMD_XML,
    .handler = run_pool_create_as,
};

/* The configuration to edit; old daemons refuse the inactive flag. */
static char *edit_get_xml(virStoragePoolPtr p)
{
    char *xml = virStoragePoolGetXMLDesc(p, VIR_STORAGE_XML_INACTIVE);
    if (!xml) {
        virErrorPtr e = virGetLastError();
        if (e && e->code == VIR_ERR_INVALID_ARG) {
            virResetLastError();
            xml = virStoragePoolGetXMLDesc(p, 0);
        }
    }
    return xml;
}

static void *pool_define(virConnectPtr conn, const char *xml)
{
    return virStoragePoolDefineXML(conn, xml, 0);
}

static enum lvsh_status run_pool_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    static const struct edit_redefine how = { pool_define, "pool", "Pool" };
    char *xml = edit_get_xml(args_target(a));
    enum lvsh_status st = edit_redefine(s, a, r, xml, &how);
    free(xml);
    return st;
}

static const struct lvsh_opt opts_pool_edit[] = {
    POOL_OPT_POOL(LVSH_COMP_POOL, "pool name, uuid or target path"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_pool_edit = {
    .name = "pool-edit",
    .group = "pool",
    .summary = "edit a storage pool's XML configuration",
    .description = "Open the pool's persistent XML in $VISUAL or $EDITOR and define the "
                   "result if it changed.",
    .opts = opts_pool_edit,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_pool_edit,
    .target = LVSH_KIND_POOL,
};

LVSH_FAMILY(pool_define) = { &cmd_pool_define, &cmd_pool_create,
                             &cmd_pool_define_as, &cmd_pool_create_as,
                             &cmd_pool_edit, NULL };
