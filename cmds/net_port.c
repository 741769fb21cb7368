/* net_port.c: the ports of a network (net-port-list, -create, -dumpxml,
 * -delete): what guests and other consumers plug into a network. */
#include "net_common.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define PORT_OPT_PORT \
    { .name = "port", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "port UUID", .metavar = "port", .complete = LVSH_COMP_NETWORK_PORT }

/* Raw UUID order, as virsh sorts ports. */
static int port_cmp(const void *a, const void *b)
{
    unsigned char ua[VIR_UUID_BUFLEN] = { 0 }, ub[VIR_UUID_BUFLEN] = { 0 };
    virNetworkPortGetUUID(*(virNetworkPortPtr const *)a, ua);
    virNetworkPortGetUUID(*(virNetworkPortPtr const *)b, ub);
    return memcmp(ua, ub, VIR_UUID_BUFLEN);
}

static enum lvsh_status run_net_port_list(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    virNetworkPortPtr *ports = NULL;
    virNetworkPtr n = args_target(a);
    (void)s;
    const char *name = virNetworkGetName(n);
    int np = virNetworkListAllPorts(n, &ports, 0);
    if (np < 0)
        return err_lib(r, "failed to list the ports of network '%s'", name);
    if (np > 1)   /* libvirt may return no array at all for none */
        qsort(ports, (size_t)np, sizeof(*ports), port_cmp);
    bool table = !args_has(a, "uuid");
    struct out_table *t = table ? out_table(r) : NULL;
    if (t)
        out_table_col(t, "UUID", "uuid", 0);
    json_t *arr = json_array();
    for (int i = 0; i < np; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN] = "";
        virNetworkPortGetUUIDString(ports[i], uuid);
        if (t) {
            out_table_row(t);
            out_cell_str(t, uuid);
        } else {
            out_text(r, "%s\n", uuid);
        }
        json_array_append_new(arr, kind_json_ref(LVSH_KIND_NET_PORT, ports[i]));
        virNetworkPortFree(ports[i]);
    }
    out_json(r, arr);
    free(ports);
    return LVSH_OK;
}

static const struct lvsh_opt opts_net_port_list[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_ACTIVE),
    { .name = "uuid", .type = LVSH_OPT_BOOL, .help = "print UUIDs only" },
    { .name = "table", .type = LVSH_OPT_BOOL, .help = "print a table (the default)" },
    LVSH_OPT_END,
};

static const char *const excl_net_port_list[] = { "table uuid", NULL };

static const struct lvsh_cmd cmd_net_port_list = {
    .name = "net-port-list",
    .group = "network",
    .summary = "list the ports of a network",
    .description = "List the UUIDs of the ports plugged into a running network, in one "
                   "call to the daemon.",
    .opts = opts_net_port_list,
    .exclusive = excl_net_port_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_port_list,
    .target = LVSH_KIND_NETWORK,
};

static enum lvsh_status run_net_port_create(struct lvsh_session *s,
                                            const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    (void)s;
    const char *file = args_str(a, "file");
    char *xml = xml_read_file(r, file);
    if (!xml)
        return LVSH_FAILED;
    virNetworkPtr n = args_target(a);
    const char *name = virNetworkGetName(n);
    virNetworkPortPtr p = virNetworkPortCreateXML(n, xml, args_flags(a));
    enum lvsh_status st = LVSH_OK;
    if (!p) {
        st = err_virt(r, "failed to create a port on network '%s' from '%s'", name, file);
    } else {
        char uuid[VIR_UUID_STRING_BUFLEN] = "";
        virNetworkPortGetUUIDString(p, uuid);
        act_done(r, LVSH_KIND_NET_PORT, p, "created", "Network port %s created from %s",
                 uuid, file);
        virNetworkPortFree(p);
    }
    free(xml);
    return st;
}

static const struct lvsh_opt opts_net_port_create[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_ACTIVE),
    NET_OPT_FILE("network port"),
    NET_OPT_VALIDATE(VIR_NETWORK_PORT_CREATE_VALIDATE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_port_create = {
    .name = "net-port-create",
    .group = "network",
    .summary = "create a port on a network from an XML file",
    .description = "Reserve a port on a running network for a consumer described by "
                   "<networkport> XML (owner, MAC address, bandwidth, ...).",
    .opts = opts_net_port_create,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_port_create,
    .target = LVSH_KIND_NETWORK,
};

static enum lvsh_status run_net_port_dumpxml(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    char *xml = virNetworkPortGetXMLDesc(args_target(a), 0);
    (void)s;
    if (!xml)
        return err_virt(r, "failed to get the XML of network port '%s'", args_target_key(a));
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static const struct lvsh_opt opts_net_port_dumpxml[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_ACTIVE),
    PORT_OPT_PORT,
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_port_dumpxml = {
    .name = "net-port-dumpxml",
    .group = "network",
    .summary = "print a network port's XML description",
    .description = "Print the XML of one port of a network, with what the network filled "
                   "in (the plug: bridge, macvtap device or host device).",
    .opts = opts_net_port_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_net_port_dumpxml,
    .target = LVSH_KIND_NET_PORT,
};

static enum lvsh_status run_net_port_delete(struct lvsh_session *s,
                                            const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    virNetworkPortPtr p = args_target(a);
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    (void)s;
    virNetworkPortGetUUIDString(p, uuid);
    if (virNetworkPortDelete(p, 0) < 0)
        return err_virt(r, "failed to delete network port '%s'", uuid);
    act_done(r, LVSH_KIND_NET_PORT, p, "deleted", "Network port %s deleted", uuid);
    return LVSH_OK;
}

static const struct lvsh_opt opts_net_port_delete[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK_ACTIVE),
    PORT_OPT_PORT,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_net_port_delete = {
    .name = "net-port-delete",
    .group = "network",
    .summary = "delete a network port",
    .description = "Release a port of a network, given by its UUID.",
    .opts = opts_net_port_delete,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_port_delete,
    .target = LVSH_KIND_NET_PORT,
};

LVSH_FAMILY(net_port) = { &cmd_net_port_list, &cmd_net_port_create,
                          &cmd_net_port_dumpxml, &cmd_net_port_delete, NULL };
