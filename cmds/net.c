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

static enum lvsh_status cmd_net_info(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    int autostart = 0;
    virNetworkPtr n = net_arg(s, a, r);
    if (!n)
        return LVSH_FAILED;
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
    virNetworkFree(n);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_net_info_def = {
    .name = "net-info",
    .group = "network",
    .summary = "show basic information about a network",
    .description = "Print the name, UUID, state, persistence, autostart flag and bridge "
                   "device of a network.  Networks that have no bridge (hostdev or macvtap "
                   "forwarding) have no Bridge line.",
    .opts = opts_network_only,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_net_info,
};

static enum lvsh_status cmd_net_uuid(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    virNetworkPtr n = net_arg(s, a, r);
    if (!n)
        return LVSH_FAILED;
    enum lvsh_status st = LVSH_OK;
    if (virNetworkGetUUIDString(n, uuid) < 0) {
        st = err_virt(r, "failed to get the UUID of network '%s'", args_str(a, "network"));
    } else {
        out_text(r, "%s\n", uuid);
        out_json(r, net_json_ref(n));
    }
    virNetworkFree(n);
    return st;
}

static const struct lvsh_opt opts_net_uuid[] = {
    { .name = "network", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "network name", .metavar = "network", .complete = LVSH_COMP_NETWORK },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_uuid_def = {
    .name = "net-uuid",
    .group = "network",
    .summary = "convert a network name to its UUID",
    .description = "Print the UUID of the network given by name.",
    .opts = opts_net_uuid,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_net_uuid,
};

static enum lvsh_status cmd_net_name(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    virNetworkPtr n = net_arg(s, a, r);
    if (!n)
        return LVSH_FAILED;
    out_text(r, "%s\n", virNetworkGetName(n));
    out_json(r, net_json_ref(n));
    virNetworkFree(n);
    return LVSH_OK;
}

static const struct lvsh_opt opts_net_name[] = {
    { .name = "network", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "network uuid", .metavar = "network", .complete = LVSH_COMP_NETWORK },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_name_def = {
    .name = "net-name",
    .group = "network",
    .summary = "convert a network UUID to its name",
    .description = "Print the name of the network given by UUID.",
    .opts = opts_net_name,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_net_name,
};

static enum lvsh_status cmd_net_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    unsigned flags = args_has(a, "inactive") ? VIR_NETWORK_XML_INACTIVE : 0;
    virNetworkPtr n = net_arg(s, a, r);
    if (!n)
        return LVSH_FAILED;
    const char *name = virNetworkGetName(n); /* before a call that may fail */
    char *xml = virNetworkGetXMLDesc(n, flags);
    enum lvsh_status st = LVSH_OK;
    if (!xml)
        st = err_virt(r, "failed to get the XML of network '%s'", name);
    else
        out_xml(r, xml);
    free(xml);
    virNetworkFree(n);
    return st;
}

static const struct lvsh_opt opts_net_dumpxml[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK),
    { .name = "inactive", .type = LVSH_OPT_BOOL,
      .help = "show the persistent definition, not the running state" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_dumpxml_def = {
    .name = "net-dumpxml",
    .group = "network",
    .summary = "print a network's XML description",
    .description = "Print the XML of a network as it runs, or with --inactive as it will "
                   "be at its next start.  --xpath prints only what an expression selects.",
    .opts = opts_net_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = cmd_net_dumpxml,
};

/* net-define and net-create: read, check locally, hand to libvirt. */
static enum lvsh_status net_from_file(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r, bool create)
{
    const char *file = args_str(a, "file");
    char *xml = xml_read_file(r, file);
    if (!xml)
        return LVSH_FAILED;
    bool validate = args_has(a, "validate");
    virNetworkPtr n;
    if (create)
        n = validate ? virNetworkCreateXMLFlags(s->conn, xml, VIR_NETWORK_CREATE_VALIDATE)
                     : virNetworkCreateXML(s->conn, xml);
    else
        n = validate ? virNetworkDefineXMLFlags(s->conn, xml, VIR_NETWORK_DEFINE_VALIDATE)
                     : virNetworkDefineXML(s->conn, xml);
    free(xml);
    if (!n)
        return err_virt(r, "failed to %s a network from '%s'", create ? "create" : "define",
                        file);
    net_action_done(r, n, create ? "created" : "defined", "Network %s %s from %s",
                    virNetworkGetName(n), create ? "created" : "defined", file);
    virNetworkFree(n);
    return LVSH_OK;
}

static enum lvsh_status cmd_net_define(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    return net_from_file(s, a, r, false);
}

static enum lvsh_status cmd_net_create(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    return net_from_file(s, a, r, true);
}

static const struct lvsh_opt opts_net_file[] = {
    NET_OPT_FILE("network"),
    NET_OPT_VALIDATE,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_define_def = {
    .name = "net-define",
    .group = "network",
    .summary = "define a persistent network from an XML file",
    .description = "Define (but do not start) a persistent network, or change the "
                   "definition of an existing one.  The XML is checked for well-formedness "
                   "before it is sent.",
    .opts = opts_net_file,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_net_define,
};

static const struct lvsh_cmd cmd_net_create_def = {
    .name = "net-create",
    .group = "network",
    .summary = "create and start a transient network from an XML file",
    .description = "Start a network that exists only while it runs: destroying it makes "
                   "it disappear.",
    .opts = opts_net_file,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_net_create,
};

/* The one-call actions on a network, as data. */
struct net_action {
    const char *verb;       /* for the error: "failed to VERB network 'x'" */
    const char *done;       /* JSON action word */
    const char *message;    /* "Network %s ..." */
    int (*call)(virNetworkPtr);
};

static const struct net_action act_undefine = {
    "undefine", "undefined", "Network %s has been undefined", virNetworkUndefine };
static const struct net_action act_start = {
    "start", "started", "Network %s started", virNetworkCreate };
static const struct net_action act_destroy = {
    "destroy", "destroyed", "Network %s destroyed", virNetworkDestroy };

static enum lvsh_status net_act(struct lvsh_session *s, const struct lvsh_args *a,
                                struct lvsh_result *r, const struct net_action *act)
{
    virNetworkPtr n = net_arg(s, a, r);
    if (!n)
        return LVSH_FAILED;
    const char *name = args_str(a, "network");   /* as typed, as virsh */
    enum lvsh_status st = LVSH_OK;
    if (act->call(n) < 0)
        st = err_virt(r, "Failed to %s network %s", act->verb, name);
    else
        net_action_done(r, n, act->done, act->message, name);
    virNetworkFree(n);
    return st;
}

static enum lvsh_status cmd_net_undefine(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    return net_act(s, a, r, &act_undefine);
}

static enum lvsh_status cmd_net_start(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    return net_act(s, a, r, &act_start);
}

static enum lvsh_status cmd_net_destroy(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    return net_act(s, a, r, &act_destroy);
}

static const struct lvsh_opt opts_net_inactive[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_INACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_opt opts_net_active[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_ACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_undefine_def = {
    .name = "net-undefine",
    .group = "network",
    .summary = "undefine a persistent network",
    .description = "Remove the persistent definition of a network.  A running network "
                   "keeps running as a transient one until it is destroyed.",
    .opts = opts_network_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_net_undefine,
};

static const struct lvsh_cmd cmd_net_start_def = {
    .name = "net-start",
    .group = "network",
    .summary = "start a defined, inactive network",
    .description = "Start a persistent network: create its bridge, firewall rules and "
                   "DHCP/DNS server as its XML asks.",
    .opts = opts_net_inactive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_net_start,
};

static const struct lvsh_cmd cmd_net_destroy_def = {
    .name = "net-destroy",
    .group = "network",
    .summary = "stop a network",
    .description = "Stop a running network.  A persistent network stays defined; a "
                   "transient one disappears.",
    .opts = opts_net_active,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_net_destroy,
};

static enum lvsh_status cmd_net_autostart(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    bool enable = !args_has(a, "disable");
    virNetworkPtr n = net_arg(s, a, r);
    if (!n)
        return LVSH_FAILED;
    const char *name = args_str(a, "network");   /* as typed, as virsh */
    enum lvsh_status st = LVSH_OK;
    if (virNetworkSetAutostart(n, enable) < 0)
        st = err_virt(r, "failed to %s autostart of network '%s'",
                      enable ? "enable" : "disable", name);
    else {
        net_action_done(r, n, enable ? "autostart" : "no-autostart",
                        "Network %s %s", name,
                        enable ? "marked as autostarted" : "unmarked as autostarted");
        out_json_set(r, "autostart", json_boolean(enable));
    }
    virNetworkFree(n);
    return st;
}

static const struct lvsh_opt opts_net_autostart[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK),
    { .name = "disable", .type = LVSH_OPT_BOOL, .help = "stop starting it with the host" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_autostart_def = {
    .name = "net-autostart",
    .group = "network",
    .summary = "start a network when the host starts",
    .description = "Mark a persistent network to start when the libvirt daemon starts, "
                   "or with --disable stop doing so.",
    .opts = opts_net_autostart,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_net_autostart,
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

static enum lvsh_status cmd_net_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    virNetworkPtr n = net_arg(s, a, r);
    if (!n)
        return LVSH_FAILED;
    const char *name = virNetworkGetName(n);
    char *xml = net_edit_xml(n);
    struct edit_define def = { s->conn, net_define, "network", name, NULL };
    struct edit_job job = { .xml = xml, .apply = edit_define_apply, .ctx = &def };
    enum edit_outcome o = xml ? edit_loop(s, r, &job) : EDIT_FAILED;
    if (!xml)
        err_virt(r, "failed to get the XML of network '%s'", name);
    else if (o == EDIT_UNCHANGED)
        net_action_done(r, n, "unchanged", "Network %s XML configuration not changed.", name);
    else if (o == EDIT_APPLIED)
        net_action_done(r, def.made, "edited", "Network %s XML configuration edited.",
                        virNetworkGetName(def.made));
    if (def.made)
        virNetworkFree(def.made);
    free(xml);
    virNetworkFree(n);
    return o == EDIT_FAILED ? LVSH_FAILED : LVSH_OK;
}

static const struct lvsh_cmd cmd_net_edit_def = {
    .name = "net-edit",
    .group = "network",
    .summary = "edit a network's XML in your editor",
    .description = "Open the persistent definition of a network in $VISUAL or $EDITOR "
                   "and define the result.  When the file is saved unchanged nothing is "
                   "defined.  Changes to a running network apply at its next start.",
    .opts = opts_network_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_net_edit,
};

LVSH_FAMILY(net) = { &cmd_net_info_def, &cmd_net_uuid_def, &cmd_net_name_def,
                     &cmd_net_dumpxml_def, &cmd_net_define_def, &cmd_net_create_def,
                     &cmd_net_undefine_def, &cmd_net_start_def, &cmd_net_destroy_def,
                     &cmd_net_autostart_def, &cmd_net_edit_def, NULL };
