/* net.c: one network's identity, XML and life cycle (net-info, net-define,
 * net-start, net-edit, ...).  Listings are in net_list.c, updates in
 * net_update.c, ports in net_port.c. */
#include "net_common.h"
#include "edit.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct lvsh_opt opts_network_only[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK),
    LVSH_OPT_END,
};

/* A yes/no field; libvirt's "don't know" (-1) shows as `unknown`. */
static void info_bool(struct lvsh_result *r, const char *label, const char *key, int v,
                      const char *unknown)
{
    if (v < 0) {
        virResetLastError();
        out_field(r, label, key, json_null(), unknown);
    } else {
        out_field(r, label, key, json_boolean(v), yes_no(v));
    }
}

static enum lvsh_status run_net_info(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    int autostart = 0;
    virNetworkPtr n = args_target(a);
    (void)s;
    out_field_str(r, "Name", "name", virNetworkGetName(n));
    if (virNetworkGetUUIDString(n, uuid) == 0)
        out_field_str(r, "UUID", "uuid", uuid);
    int active = virNetworkIsActive(n);
    if (active >= 0)
        out_field(r, "Active", "active", json_boolean(active), yes_no(active));
    else
        virResetLastError();
    info_bool(r, "Persistent", "persistent", virNetworkIsPersistent(n), "unknown");
    if (virNetworkGetAutostart(n, &autostart) < 0)
        autostart = -1;
    info_bool(r, "Autostart", "autostart", autostart, "no autostart");
    /* networks without a bridge (hostdev, macvtap) simply have no line */
    char *bridge = virNetworkGetBridgeName(n);
    if (bridge)
        out_field_str(r, "Bridge", "bridge", bridge);
    else
        virResetLastError();
    free(bridge);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_net_info = {
    .name = "net-info",
    .group = "network",
    .summary = "show basic information about a network",
    .description = "Print the name, UUID, state, persistence, autostart flag and bridge "
                   "device of a network.  Networks that have no bridge (hostdev or macvtap "
                   "forwarding) have no Bridge line.",
    .opts = opts_network_only,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_info,
    .target = LVSH_KIND_NETWORK,
};

static enum lvsh_status run_net_uuid(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    virNetworkPtr n = args_target(a);
    (void)s;
    if (virNetworkGetUUIDString(n, uuid) < 0)
        return err_virt(r, "failed to get the UUID of network '%s'", args_target_key(a));
    out_text(r, "%s\n", uuid);
    out_json(r, kind_json_ref(LVSH_KIND_NETWORK, n));
    return LVSH_OK;
}

static const struct lvsh_opt opts_net_uuid[] = {
    { .name = "network", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "network name", .metavar = "network", .complete = LVSH_COMP_NETWORK },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_uuid = {
    .name = "net-uuid",
    .group = "network",
    .summary = "convert a network name to its UUID",
    .description = "Print the UUID of the network given by name.",
    .opts = opts_net_uuid,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_uuid,
    .target = LVSH_KIND_NETWORK,
};

static enum lvsh_status run_net_name(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    virNetworkPtr n = args_target(a);
    (void)s;
    out_text(r, "%s\n", virNetworkGetName(n));
    out_json(r, kind_json_ref(LVSH_KIND_NETWORK, n));
    return LVSH_OK;
}

static const struct lvsh_opt opts_net_name[] = {
    { .name = "network", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "network uuid", .metavar = "network", .complete = LVSH_COMP_NETWORK },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_name = {
    .name = "net-name",
    .group = "network",
    .summary = "convert a network UUID to its name",
    .description = "Print the name of the network given by UUID.",
    .opts = opts_net_name,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_name,
    .target = LVSH_KIND_NETWORK,
};

static enum lvsh_status run_net_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    return target_xml(r, a, virNetworkGetXMLDesc(args_target(a), args_flags(a)),
                      "failed to get the XML of network '%s'", LVSH_ACT_NAME);
}

static const struct lvsh_opt opts_net_dumpxml[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK),
    { .name = "inactive", .type = LVSH_OPT_BOOL, .flag = VIR_NETWORK_XML_INACTIVE,
      .help = "show the persistent definition, not the running state" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_dumpxml = {
    .name = "net-dumpxml",
    .group = "network",
    .summary = "print a network's XML description",
    .description = "Print the XML of a network as it runs, or with --inactive as it will "
                   "be at its next start.  --xpath prints only what an expression selects.",
    .opts = opts_net_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_net_dumpxml,
    .target = LVSH_KIND_NETWORK,
};

static void *net_define_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return flags ? virNetworkDefineXMLFlags(c, xml, flags) : virNetworkDefineXML(c, xml);
}

static void *net_create_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return flags ? virNetworkCreateXMLFlags(c, xml, flags) : virNetworkCreateXML(c, xml);
}

/* --validate is one bit for define and create */
static enum lvsh_status run_net_define(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_NETWORK, net_define_xml, "defined", "Failed to define network from %s",
        "Network %s defined from %s", false };
    return act_from_file(s, a, r, &how);
}

static enum lvsh_status run_net_create(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_NETWORK, net_create_xml, "created", "Failed to create network from %s",
        "Network %s created from %s", false };
    return act_from_file(s, a, r, &how);
}

static const struct lvsh_opt opts_net_file[] = {
    NET_OPT_FILE("network"),
    NET_OPT_VALIDATE(VIR_NETWORK_DEFINE_VALIDATE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_define = {
    .name = "net-define",
    .group = "network",
    .summary = "define a persistent network from an XML file",
    .description = "Define (but do not start) a persistent network, or change the "
                   "definition of an existing one.  The XML is checked for well-formedness "
                   "before it is sent.",
    .opts = opts_net_file,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_define,
};

static const struct lvsh_cmd cmd_net_create = {
    .name = "net-create",
    .group = "network",
    .summary = "create and start a transient network from an XML file",
    .description = "Start a network that exists only while it runs: destroying it makes "
                   "it disappear.",
    .opts = opts_net_file,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_create,
};

/* virsh's words, with the network as typed */
static const struct lvsh_action act_net_undefine = {
    .word = "undefined", .fail = "Failed to undefine network %s",
    .done = "Network %s has been undefined" };
static const struct lvsh_action act_net_start = {
    .word = "started", .fail = "Failed to start network %s", .done = "Network %s started" };
static const struct lvsh_action act_net_destroy = {
    .word = "destroyed", .fail = "Failed to destroy network %s",
    .done = "Network %s destroyed" };

static enum lvsh_status run_net_undefine(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    (void)s;
    return act_report(r, a, virNetworkUndefine(args_target(a)), &act_net_undefine);
}

static enum lvsh_status run_net_start(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    return act_report(r, a, virNetworkCreate(args_target(a)), &act_net_start);
}

static enum lvsh_status run_net_destroy(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    return act_report(r, a, virNetworkDestroy(args_target(a)), &act_net_destroy);
}

static const struct lvsh_opt opts_net_inactive[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_INACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_opt opts_net_active[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_ACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_undefine = {
    .name = "net-undefine",
    .group = "network",
    .summary = "undefine a persistent network",
    .description = "Remove the persistent definition of a network.  A running network "
                   "keeps running as a transient one until it is destroyed.",
    .opts = opts_network_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_undefine,
    .target = LVSH_KIND_NETWORK,
};

static const struct lvsh_cmd cmd_net_start = {
    .name = "net-start",
    .group = "network",
    .summary = "start a defined, inactive network",
    .description = "Start a persistent network: create its bridge, firewall rules and "
                   "DHCP/DNS server as its XML asks.",
    .opts = opts_net_inactive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_start,
    .target = LVSH_KIND_NETWORK,
};

static const struct lvsh_cmd cmd_net_destroy = {
    .name = "net-destroy",
    .group = "network",
    .summary = "stop a network",
    .description = "Stop a running network.  A persistent network stays defined; a "
                   "transient one disappears.",
    .opts = opts_net_active,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_destroy,
    .target = LVSH_KIND_NETWORK,
};

static enum lvsh_status run_net_autostart(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    static const struct lvsh_action on = {
        .word = "autostart enabled", .fail = "failed to enable autostart of network '%s'",
        .done = "Network %s marked as autostarted" };
    static const struct lvsh_action off = {
        .word = "autostart disabled", .fail = "failed to disable autostart of network '%s'",
        .done = "Network %s unmarked as autostarted" };
    bool enable = !args_has(a, "disable");
    (void)s;
    enum lvsh_status st = act_report(r, a, virNetworkSetAutostart(args_target(a), enable),
                                     enable ? &on : &off);
    if (st == LVSH_OK)
        out_json_set(r, "autostart", json_boolean(enable));
    return st;
}

static const struct lvsh_opt opts_net_autostart[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK),
    { .name = "disable", .type = LVSH_OPT_BOOL, .help = "stop starting it with the host" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_autostart = {
    .name = "net-autostart",
    .group = "network",
    .summary = "start a network when the host starts",
    .description = "Mark a persistent network to start when the libvirt daemon starts, "
                   "or with --disable stop doing so.",
    .opts = opts_net_autostart,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_autostart,
    .target = LVSH_KIND_NETWORK,
};

/* The definition to edit; servers that refuse the flag give the live XML. */
static char *net_edit_xml(virNetworkPtr n)
{
    char *xml = virNetworkGetXMLDesc(n, VIR_NETWORK_XML_INACTIVE);
    if (!xml && virGetLastErrorCode() == VIR_ERR_INVALID_ARG) {
        virResetLastError();
        xml = virNetworkGetXMLDesc(n, 0);
    }
    return xml;
}

static void *net_define(virConnectPtr conn, const char *xml)
{
    return virNetworkDefineXML(conn, xml);
}

static enum lvsh_status run_net_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    static const struct edit_redefine how = { net_define, "network", "Network" };
    char *xml = net_edit_xml(args_target(a));
    enum lvsh_status st = edit_redefine(s, a, r, xml, &how);
    free(xml);
    return st;
}

static const struct lvsh_cmd cmd_net_edit = {
    .name = "net-edit",
    .group = "network",
    .summary = "edit a network's XML in your editor",
    .description = "Open the persistent definition of a network in $VISUAL or $EDITOR "
                   "and define the result.  When the file is saved unchanged nothing is "
                   "defined.  Changes to a running network apply at its next start.",
    .opts = opts_network_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_edit,
    .target = LVSH_KIND_NETWORK,
};

LVSH_FAMILY(net) = { &cmd_net_info, &cmd_net_uuid, &cmd_net_name,
                     &cmd_net_dumpxml, &cmd_net_define, &cmd_net_create,
                     &cmd_net_undefine, &cmd_net_start, &cmd_net_destroy,
                     &cmd_net_autostart, &cmd_net_edit, NULL };
