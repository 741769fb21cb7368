/* iface.c: physical host interfaces (iface-list, -define, -bridge, ...).
 * An interface argument is a name or a MAC address.  The iface-begin/
 * commit/rollback transaction commands live with the host commands. */
#include "edit.h"
#include "lvsh.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define IFACE_OPT_ARG(comp, text) \
    { .name = "interface", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = text, .metavar = "interface", .complete = (comp) }

/* A MAC for JSON: bridges and bonds have none of their own (""). */
static json_t *mac_json(const char *mac)
{
    return mac && *mac ? json_str(mac) : json_null();
}



/* The persistent definition.  Drivers that keep no separate one (the test
 * driver) refuse the INACTIVE flag; then their one definition is it. */
static char *iface_config_xml(virInterfacePtr i)
{
    char *xml = virInterfaceGetXMLDesc(i, VIR_INTERFACE_XML_INACTIVE);
    if (!xml && virGetLastErrorCode() == VIR_ERR_INVALID_ARG) {
        virResetLastError();
        xml = virInterfaceGetXMLDesc(i, 0);
    }
    return xml;
}

/* ---- iface-list ---------------------------------------------------------- */

struct iface_row {
    virInterfacePtr iface;
    bool active;
};

static int iface_row_cmp(const void *pa, const void *pb)
{
    const struct iface_row *a = pa, *b = pb;
    return strcasecmp(virInterfaceGetName(a->iface), virInterfaceGetName(b->iface));
}

/* Append the interfaces one listing returns; its filter gives the state. */
static int iface_fetch(virConnectPtr conn, unsigned flag, struct iface_row **rows, int *n)
{
    virInterfacePtr *list = NULL;
    int m = virConnectListAllInterfaces(conn, &list, flag);
    if (m < 0)
        return -1;
    *rows = xrealloc(*rows, (size_t)(*n + m + 1) * sizeof(**rows));
    for (int k = 0; k < m; k++) {
        (*rows)[*n].iface = list[k];
        (*rows)[(*n)++].active = flag == VIR_CONNECT_LIST_INTERFACES_ACTIVE;
    }
    free(list);
    return 0;
}

static enum lvsh_status run_iface_list(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    struct iface_row *rows = NULL;
    int n = 0, rc = 0;
    bool all = args_has(a, "all"), inactive = args_has(a, "inactive");

    /* one listing per state, so no per-interface call is needed */
    if (all || !inactive)
        rc = iface_fetch(s->conn, VIR_CONNECT_LIST_INTERFACES_ACTIVE, &rows, &n);
    if (rc == 0 && (all || inactive))
        rc = iface_fetch(s->conn, VIR_CONNECT_LIST_INTERFACES_INACTIVE, &rows, &n);
    if (rc < 0) {
        enum lvsh_status st = err_virt(r, "failed to list interfaces");
        for (int i = 0; i < n; i++)
            virInterfaceFree(rows[i].iface);
        free(rows);
        return st;
    }
    if (n > 1)
        qsort(rows, (size_t)n, sizeof(*rows), iface_row_cmp);
    static const struct out_col cols[] = {
        { "Name", "name", 0 },
        { "State", "state", 0 },
        { "MAC Address", "mac", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    for (int i = 0; i < n; i++) {
        out_table_row(t);
        out_cell_str(t, virInterfaceGetName(rows[i].iface));
        out_cell_str(t, rows[i].active ? "active" : "inactive");
        const char *mac = virInterfaceGetMACString(rows[i].iface);
        out_cell(t, mac_json(mac), mac ? mac : "");
        virInterfaceFree(rows[i].iface);
    }
    free(rows);
    return LVSH_OK;
}

static const struct lvsh_opt opts_iface_list[] = {
    { .name = "inactive", .type = LVSH_OPT_BOOL, .help = "list inactive interfaces only" },
    { .name = "all", .type = LVSH_OPT_BOOL, .help = "list active and inactive interfaces" },
    LVSH_OPT_END,
};

static const char *const excl_iface_list[] = { "all inactive", NULL };

static const struct lvsh_cmd cmd_iface_list = {
    .name = "iface-list",
    .group = "interface",
    .summary = "list physical host interfaces",
    .description = "List the host's active network interfaces with their state and MAC "
                   "address; --inactive lists the inactive ones, --all both.",
    .opts = opts_iface_list,
    .exclusive = excl_iface_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_iface_list,
};

/* ---- iface-name, iface-mac, iface-dumpxml -------------------------------- */

static enum lvsh_status run_iface_name(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    virInterfacePtr i = args_target(a);
    (void)s;
    out_text(r, "%s\n", virInterfaceGetName(i));
    out_json(r, kind_json_ref(LVSH_KIND_INTERFACE, i));
    return LVSH_OK;
}

static const struct lvsh_opt opts_iface_name[] = {
    IFACE_OPT_ARG(LVSH_COMP_IFACE, "interface MAC address (or name)"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iface_name = {
    .name = "iface-name",
    .group = "interface",
    .summary = "convert an interface MAC address to its name",
    .description = "Print the name of the interface with this MAC address.",
    .opts = opts_iface_name,
    .flags = LVSH_CMD_CONN,
    .handler = run_iface_name,
    .target = LVSH_KIND_INTERFACE,
};

static enum lvsh_status run_iface_mac(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    virInterfacePtr i = args_target(a);
    (void)s;
    out_text(r, "%s\n", virInterfaceGetMACString(i));
    out_json(r, kind_json_ref(LVSH_KIND_INTERFACE, i));
    return LVSH_OK;
}

static const struct lvsh_opt opts_iface_mac[] = {
    IFACE_OPT_ARG(LVSH_COMP_IFACE, "interface name (or MAC address)"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iface_mac = {
    .name = "iface-mac",
    .group = "interface",
    .summary = "convert an interface name to its MAC address",
    .description = "Print the MAC address of the named interface.",
    .opts = opts_iface_mac,
    .flags = LVSH_CMD_CONN,
    .handler = run_iface_mac,
    .target = LVSH_KIND_INTERFACE,
};

static enum lvsh_status run_iface_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)s;
    return target_xml(r, a, virInterfaceGetXMLDesc(args_target(a), args_flags(a)),
                      "failed to get the XML of interface '%s'", LVSH_ACT_NAME);
}

static const struct lvsh_opt opts_iface_dumpxml[] = {
    IFACE_OPT_ARG(LVSH_COMP_IFACE, "interface name or MAC address"),
    { .name = "inactive", .type = LVSH_OPT_BOOL, .flag = VIR_INTERFACE_XML_INACTIVE,
      .help = "show the persistent definition, not the live state" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iface_dumpxml = {
    .name = "iface-dumpxml",
    .group = "interface",
    .summary = "print an interface's XML description",
    .description = "Print the XML description of a host interface: its live state, or "
                   "with --inactive the definition it will have when next started.",
    .opts = opts_iface_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_iface_dumpxml,
    .target = LVSH_KIND_INTERFACE,
};

/* ---- iface-define, -undefine, -start, -destroy --------------------------- */

static void *iface_define_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return virInterfaceDefineXML(c, xml, flags);
}

static enum lvsh_status run_iface_define(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_INTERFACE, iface_define_xml, "defined",
        "Failed to define interface from %s", "Interface %s defined from %s", true };
    return act_from_file(s, a, r, &how);
}

static const struct lvsh_opt opts_iface_define[] = {
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "file with the interface's XML description (- for stdin)", .metavar = "file",
      .complete = LVSH_COMP_FILE },
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = VIR_INTERFACE_DEFINE_VALIDATE,
      .help = "validate the XML against the schema" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iface_define = {
    .name = "iface-define",
    .group = "interface",
    .summary = "define or modify a host interface from an XML file",
    .description = "Define a persistent host interface, or replace the definition of the "
                   "one with the same name.  It takes effect when the interface is started.",
    .opts = opts_iface_define,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_define,
};

/* "Interface X started", X the interface's own name (a MAC address names it too) */
#define IFACE_ACT(w, verb) { .word = w, .fail = "Failed to " verb " interface %s", \
                             .done = "Interface %s " w, .flags = LVSH_ACT_NAME }

static enum lvsh_status run_iface_undefine(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    static const struct lvsh_action act = IFACE_ACT("undefined", "undefine");
    (void)s;
    return act_report(r, a, virInterfaceUndefine(args_target(a)), &act);
}

static enum lvsh_status run_iface_start(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    static const struct lvsh_action act = IFACE_ACT("started", "start");
    (void)s;
    return act_report(r, a, virInterfaceCreate(args_target(a), 0), &act);
}

static enum lvsh_status run_iface_destroy(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    static const struct lvsh_action act = IFACE_ACT("destroyed", "destroy");
    (void)s;
    return act_report(r, a, virInterfaceDestroy(args_target(a), 0), &act);
}

static const struct lvsh_opt opts_iface_any[] = {
    IFACE_OPT_ARG(LVSH_COMP_IFACE, "interface name or MAC address"),
    LVSH_OPT_END,
};
static const struct lvsh_opt opts_iface_inactive[] = {
    IFACE_OPT_ARG(LVSH_COMP_IFACE_INACTIVE, "interface name or MAC address"),
    LVSH_OPT_END,
};
static const struct lvsh_opt opts_iface_active[] = {
    IFACE_OPT_ARG(LVSH_COMP_IFACE_ACTIVE, "interface name or MAC address"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iface_undefine = {
    .name = "iface-undefine",
    .group = "interface",
    .summary = "undefine a host interface",
    .description = "Remove the persistent definition of a host interface.",
    .opts = opts_iface_any,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_undefine,
    .target = LVSH_KIND_INTERFACE,
};

static const struct lvsh_cmd cmd_iface_start = {
    .name = "iface-start",
    .group = "interface",
    .summary = "start a host interface",
    .description = "Bring up a defined, inactive host interface (like ifup).",
    .opts = opts_iface_inactive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_start,
    .target = LVSH_KIND_INTERFACE,
};

static const struct lvsh_cmd cmd_iface_destroy = {
    .name = "iface-destroy",
    .group = "interface",
    .summary = "stop a host interface",
    .description = "Bring down an active host interface at once (like ifdown); its "
                   "definition stays.",
    .opts = opts_iface_active,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_destroy,
    .target = LVSH_KIND_INTERFACE,
};

/* ---- iface-edit ---------------------------------------------------------- */

static void *iface_define(virConnectPtr conn, const char *xml)
{
    return virInterfaceDefineXML(conn, xml, 0);
}

static enum lvsh_status run_iface_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    static const struct edit_redefine how = { iface_define, "interface", "Interface" };
    char *xml = iface_config_xml(args_target(a));
    enum lvsh_status st = edit_redefine(s, a, r, xml, &how);
    free(xml);
    return st;
}

static const struct lvsh_cmd cmd_iface_edit = {
    .name = "iface-edit",
    .group = "interface",
    .summary = "edit an interface's XML in $VISUAL or $EDITOR",
    .description = "Open the persistent definition of a host interface in the editor and "
                   "define the result when it changed.",
    .opts = opts_iface_any,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_edit,
    .target = LVSH_KIND_INTERFACE,
};

/* ---- iface-bridge, iface-unbridge: rewrite the definition's XML ---------- */

static char *xml_prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *s = v ? xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static xmlNodePtr xml_child(xmlNodePtr parent, const char *name, int *count)
{
    xmlNodePtr found = NULL;
    *count = 0;
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name)) {
            if (!found)
                found = c;
            (*count)++;
        }
    return found;
}

/* Move the elements that belong to the physical device (its MAC, bond
 * and VLAN settings) from one <interface> element to another. */
static void move_device_elements(xmlNodePtr from, xmlNodePtr to)
{
    xmlNodePtr next;
    for (xmlNodePtr c = from->children; c; c = next) {
        next = c->next;
        if (c->type == XML_ELEMENT_NODE &&
            (xmlStrEqual(c->name, BAD_CAST "mac") || xmlStrEqual(c->name, BAD_CAST "bond") ||
             xmlStrEqual(c->name, BAD_CAST "vlan"))) {
            xmlUnlinkNode(c);
            xmlAddChild(to, c);
        }
    }
}

static char *xml_dump_root(xmlDocPtr doc)
{
    xmlBufferPtr b = xmlBufferCreate();
    xmlNodeDump(b, doc, xmlDocGetRootElement(doc), 0, 0);
    char *s = xstrdup((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return s;
}

static xmlDocPtr parse_iface_xml(struct lvsh_result *r, const char *xml, const char *name)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "interface.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || !xmlStrEqual(root->name, BAD_CAST "interface")) {
        err_fail(r, "cannot parse the definition of interface '%s'", name);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

struct bridge_req {
    const char *bridge;
    bool stp;
    long long delay;   /* -1: not given */
};

/* The bridge's definition: the device's, renamed and retyped, with the
 * device itself as the one port. */
static char *bridge_xml(struct lvsh_result *r, const char *xml, const char *ifname,
                        const struct bridge_req *q)
{
    xmlDocPtr doc = parse_iface_xml(r, xml, ifname);
    if (!doc)
        return NULL;
    xmlNodePtr top = xmlDocGetRootElement(doc);
    char *type = xml_prop(top, "type"), *out = NULL;
    if (!type)
        err_fail(r, "interface '%s' has no type in its definition", ifname);
    else if (strcmp(type, "bridge") == 0)
        err_fail(r, "interface '%s' is already a bridge", ifname);
    else {
        xmlNodePtr br = xmlNewChild(top, NULL, BAD_CAST "bridge", NULL);
        xmlSetProp(br, BAD_CAST "stp", BAD_CAST(q->stp ? "on" : "off"));
        if (q->stp) {
            char *d = xasprintf("%lld", q->delay < 0 ? 0 : q->delay);
            xmlSetProp(br, BAD_CAST "delay", BAD_CAST d);
            free(d);
        }
        xmlNodePtr port = xmlNewChild(br, NULL, BAD_CAST "interface", NULL);
        xmlSetProp(port, BAD_CAST "type", BAD_CAST type);
        xmlSetProp(port, BAD_CAST "name", BAD_CAST ifname);
        xmlSetProp(top, BAD_CAST "type", BAD_CAST "bridge");
        xmlSetProp(top, BAD_CAST "name", BAD_CAST q->bridge);
        move_device_elements(top, port);
        out = xml_dump_root(doc);
    }
    free(type);
    xmlFreeDoc(doc);
    return out;
}

static enum lvsh_status bridge_define_start(struct lvsh_session *s, struct lvsh_result *r,
                                            const char *xml, const char *ifname,
                                            const char *brname, bool start)
{
    virInterfacePtr br = virInterfaceDefineXML(s->conn, xml, 0);
    if (!br)
        return err_virt(r, "failed to define bridge '%s'", brname);
    out_info(r, "Created bridge %s with attached device %s", brname, ifname);
    enum lvsh_status st = LVSH_OK;
    if (start && virInterfaceCreate(br, 0) < 0)
        st = err_virt(r, "failed to start bridge '%s'", brname);
    else if (start)
        out_info(r, "Bridge interface %s started", brname);
    if (st == LVSH_OK)
        out_json(r, json_pack("{s:s,s:s,s:s,s:b}", "bridge", brname, "interface", ifname,
                              "action", "bridged", "started", start));
    virInterfaceFree(br);
    return st;
}

static enum lvsh_status run_iface_bridge(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    struct bridge_req q = { args_str(a, "bridge"), !args_has(a, "no-stp"), -1 };
    args_int(a, "delay", &q.delay);
    virInterfacePtr i = args_target(a);
    char *ifname = xstrdup(virInterfaceGetName(i));
    virInterfacePtr exists = virInterfaceLookupByName(s->conn, q.bridge);
    char *xml = NULL, *brxml = NULL;
    enum lvsh_status st = LVSH_FAILED;
    if (exists) {
        virInterfaceFree(exists);
        err_fail(r, "an interface named '%s' already exists", q.bridge);
    } else if (virResetLastError(), !(xml = iface_config_xml(i))) {
        err_virt(r, "failed to get the XML of interface '%s'", ifname);
    } else if ((brxml = bridge_xml(r, xml, ifname, &q))) {
        st = bridge_define_start(s, r, brxml, ifname, q.bridge, !args_has(a, "no-start"));
    }
    free(brxml);
    free(xml);
    free(ifname);
    return st;
}

static const struct lvsh_opt opts_iface_bridge[] = {
    IFACE_OPT_ARG(LVSH_COMP_IFACE, "the existing interface (name or MAC address)"),
    { .name = "bridge", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "name of the new bridge", .metavar = "bridge" },
    { .name = "no-stp", .type = LVSH_OPT_BOOL,
      .help = "do not enable the spanning tree protocol on the bridge" },
    { .name = "delay", .type = LVSH_OPT_INT, .min = 0, .max = 0x7fffffff,
      .help = "seconds to squelch traffic on newly connected ports (with STP)",
      .metavar = "seconds" },
    { .name = "no-start", .type = LVSH_OPT_BOOL, .help = "do not start the bridge now" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iface_bridge = {
    .name = "iface-bridge",
    .group = "interface",
    .summary = "create a bridge and attach an existing interface to it",
    .description = "Define a bridge named BRIDGE that takes over the IP configuration of "
                   "INTERFACE and has INTERFACE (with its MAC, bond and VLAN settings) as its "
                   "only port, then start it unless --no-start.",
    .opts = opts_iface_bridge,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_bridge,
    .target = LVSH_KIND_INTERFACE,
};

/* The device's definition recovered from the bridge's: *ifname is set. */
static char *unbridge_xml(struct lvsh_result *r, const char *xml, const char *brname,
                          char **ifname)
{
    xmlDocPtr doc = parse_iface_xml(r, xml, brname);
    if (!doc)
        return NULL;
    xmlNodePtr top = xmlDocGetRootElement(doc);
    char *type = xml_prop(top, "type"), *port_type = NULL, *out = NULL;
    int nbr = 0, nports = 0;
    xmlNodePtr br = xml_child(top, "bridge", &nbr);
    xmlNodePtr port = xml_child(br, "interface", &nports);
    if (!type || strcmp(type, "bridge") != 0 || !br)
        err_fail(r, "interface '%s' is not a bridge", brname);
    else if (nports != 1)
        err_fail(r, "bridge '%s' has %s attached interfaces; exactly one is needed",
                 brname, nports ? "several" : "no");
    else if (!(*ifname = xml_prop(port, "name")) || !(port_type = xml_prop(port, "type")))
        err_fail(r, "the interface attached to bridge '%s' has no %s", brname,
                 *ifname ? "type" : "name");
    else {
        xmlSetProp(top, BAD_CAST "type", BAD_CAST port_type);
        xmlSetProp(top, BAD_CAST "name", BAD_CAST *ifname);
        move_device_elements(port, top);
        xmlUnlinkNode(br);
        xmlFreeNode(br);
        out = xml_dump_root(doc);
    }
    free(type);
    free(port_type);
    xmlFreeDoc(doc);
    return out;
}

/* Replace the bridge by the device: the bridge must go before the device
 * can be defined on its own. */
static enum lvsh_status unbridge_apply(struct lvsh_session *s, struct lvsh_result *r,
                                       virInterfacePtr br, const char *brname,
                                       const char *xml, const char *ifname, bool start)
{
    int active = virInterfaceIsActive(br);
    if (active < 0)
        return err_virt(r, "failed to get the state of bridge '%s'", brname);
    if (active && virInterfaceDestroy(br, 0) < 0)
        return err_virt(r, "failed to stop bridge '%s'", brname);
    if (virInterfaceUndefine(br) < 0)
        return err_virt(r, "failed to undefine bridge '%s'", brname);
    virInterfacePtr i = virInterfaceDefineXML(s->conn, xml, 0);
    if (!i)
        return err_virt(r, "failed to define interface '%s'", ifname);
    out_info(r, "Device %s un-attached from bridge %s", ifname, brname);
    enum lvsh_status st = LVSH_OK;
    if (start && virInterfaceCreate(i, 0) < 0)
        st = err_virt(r, "failed to start interface '%s'", ifname);
    else if (start)
        out_info(r, "Interface %s started", ifname);
    if (st == LVSH_OK)
        out_json(r, json_pack("{s:s,s:s,s:s,s:b}", "bridge", brname, "interface", ifname,
                              "action", "unbridged", "started", start));
    virInterfaceFree(i);
    return st;
}

static enum lvsh_status run_iface_unbridge(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    virInterfacePtr br = args_target(a);
    char *brname = xstrdup(virInterfaceGetName(br));
    char *xml = iface_config_xml(br), *ifxml = NULL, *ifname = NULL;
    enum lvsh_status st = LVSH_FAILED;
    if (!xml)
        err_virt(r, "failed to get the XML of interface '%s'", brname);
    else if ((ifxml = unbridge_xml(r, xml, brname, &ifname)))
        st = unbridge_apply(s, r, br, brname, ifxml, ifname, !args_has(a, "no-start"));
    free(ifxml);
    free(ifname);
    free(xml);
    free(brname);
    return st;
}

static const struct lvsh_opt opts_iface_unbridge[] = {
    { .name = "bridge", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "the bridge (name or MAC address)", .metavar = "bridge",
      .complete = LVSH_COMP_IFACE },
    { .name = "no-start", .type = LVSH_OPT_BOOL,
      .help = "do not start the detached interface now (not recommended)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iface_unbridge = {
    .name = "iface-unbridge",
    .group = "interface",
    .summary = "undefine a bridge and restore its attached interface",
    .description = "Stop and undefine a bridge that has exactly one attached interface, "
                   "define that interface on its own with the bridge's IP configuration, "
                   "and start it unless --no-start.",
    .opts = opts_iface_unbridge,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_unbridge,
    .target = LVSH_KIND_INTERFACE,
    .target_opt = "bridge",
};

static const struct lvsh_opt opts_none[] = { LVSH_OPT_END };

/* ---- interface change transactions -------------------------------------- */

static enum lvsh_status run_iface_begin(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)a;
    if (virInterfaceChangeBegin(s->conn, 0) < 0)
        return err_virt(r, "Failed to begin network config change transaction");
    out_info(r, "Network config change transaction started");
    out_json(r, json_pack("{s:s,s:s}", "transaction", "interface", "action", "started"));
    return LVSH_OK;
}

static enum lvsh_status run_iface_commit(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    (void)a;
    if (virInterfaceChangeCommit(s->conn, 0) < 0)
        return err_virt(r, "Failed to commit network config change transaction");
    out_info(r, "Network config change transaction committed");
    out_json(r, json_pack("{s:s,s:s}", "transaction", "interface", "action", "committed"));
    return LVSH_OK;
}

static enum lvsh_status run_iface_rollback(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)a;
    if (virInterfaceChangeRollback(s->conn, 0) < 0)
        return err_virt(r, "Failed to rollback network config change transaction");
    out_info(r, "Network config change transaction rolled back");
    out_json(r, json_pack("{s:s,s:s}", "transaction", "interface", "action", "rolled back"));
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_iface_begin = {
    .name = "iface-begin",
    .group = "interface",
    .summary = "snapshot the host interface configuration before changing it",
    .description = "Start a transaction on the host's network configuration: later "
                   "iface-commit keeps the changes, iface-rollback restores the snapshot.",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_begin,
};

static const struct lvsh_cmd cmd_iface_commit = {
    .name = "iface-commit",
    .group = "interface",
    .summary = "keep the host interface changes made since iface-begin",
    .description = "Commit the host network configuration transaction started with "
                   "iface-begin.",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_commit,
};

static const struct lvsh_cmd cmd_iface_rollback = {
    .name = "iface-rollback",
    .group = "interface",
    .summary = "undo the host interface changes made since iface-begin",
    .description = "Restore the host network configuration saved by iface-begin.",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_iface_rollback,
};

LVSH_FAMILY(iface) = {
    &cmd_iface_list, &cmd_iface_name, &cmd_iface_mac, &cmd_iface_dumpxml,
    &cmd_iface_define, &cmd_iface_undefine, &cmd_iface_start,
    &cmd_iface_destroy, &cmd_iface_edit, &cmd_iface_bridge,
    &cmd_iface_unbridge, &cmd_iface_begin, &cmd_iface_commit, &cmd_iface_rollback,
    NULL,
};
