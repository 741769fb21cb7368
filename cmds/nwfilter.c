/* nwfilter.c: network filters and their bindings to guest ports. */
#include "net_common.h"
#include "edit.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define FILTER_OPT \
    { .name = "nwfilter", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "network filter name or uuid", .metavar = "nwfilter", \
      .complete = LVSH_COMP_NWFILTER }

#define BINDING_OPT \
    { .name = "binding", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "the port device the binding filters (e.g. vnet0)", .metavar = "binding", \
      .complete = LVSH_COMP_NWFILTER_BINDING }

static int filter_cmp(const void *a, const void *b)
{
    return net_name_cmp(virNWFilterGetName(*(virNWFilterPtr const *)a),
                        virNWFilterGetName(*(virNWFilterPtr const *)b));
}

static enum lvsh_status run_nwfilter_list(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    virNWFilterPtr *filters = NULL;
    (void)a;
    int n = virConnectListAllNWFilters(s->conn, &filters, 0);
    virErrorPtr e = n < 0 ? virGetLastError() : NULL;
    /* virsh then tries the old calls: a driver without filters fails there */
    if (e && e->code == VIR_ERR_NO_SUPPORT && virConnectNumOfNWFilters(s->conn) < 0)
        return err_virt(r, "Failed to count network filters");
    if (n < 0)
        return err_virt(r, "Failed to list network filters");
    if (n > 1)   /* libvirt may return no array at all for none */
        qsort(filters, (size_t)n, sizeof(*filters), filter_cmp);
    static const struct out_col cols[] = {
        { "UUID", "uuid", 0 },
        { "Name", "name", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    for (int i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN] = "";
        virNWFilterGetUUIDString(filters[i], uuid);
        out_table_row(t);
        out_cell_str(t, uuid);
        out_cell_str(t, virNWFilterGetName(filters[i]));
        virNWFilterFree(filters[i]);
    }
    free(filters);
    return LVSH_OK;
}

static const struct lvsh_opt opts_none[] = { LVSH_OPT_END };

static const struct lvsh_cmd cmd_nwfilter_list = {
    .name = "nwfilter-list",
    .group = "filter",
    .summary = "list network filters",
    .description = "List every network filter by UUID and name, in one call to the daemon.",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN,
    .handler = run_nwfilter_list,
};

static void *nwfilter_define_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return flags ? virNWFilterDefineXMLFlags(c, xml, flags) : virNWFilterDefineXML(c, xml);
}

static enum lvsh_status run_nwfilter_define(struct lvsh_session *s,
                                            const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_NWFILTER, nwfilter_define_xml, "defined",
        "Failed to define network filter from %s", "Network filter %s defined from %s",
        false };
    return act_from_file(s, a, r, &how);
}

static const struct lvsh_opt opts_nwfilter_define[] = {
    NET_OPT_FILE("network filter"),
    NET_OPT_VALIDATE(VIR_NWFILTER_DEFINE_VALIDATE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nwfilter_define = {
    .name = "nwfilter-define",
    .group = "filter",
    .summary = "define or update a network filter from an XML file",
    .description = "Define a network filter, or replace the rules of an existing one "
                   "(guests using it get the new rules at once).",
    .opts = opts_nwfilter_define,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nwfilter_define,
};

static enum lvsh_status run_nwfilter_undefine(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    static const struct lvsh_action act = {
        .word = "undefined", .fail = "failed to undefine network filter '%s'",
        .done = "Network filter %s undefined", .flags = LVSH_ACT_NAME };
    (void)s;
    return act_report(r, a, virNWFilterUndefine(args_target(a)), &act);
}

static const struct lvsh_opt opts_nwfilter_only[] = {
    FILTER_OPT,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nwfilter_undefine = {
    .name = "nwfilter-undefine",
    .group = "filter",
    .summary = "undefine a network filter",
    .description = "Remove a network filter.  libvirt refuses while a guest or another "
                   "filter still uses it.",
    .opts = opts_nwfilter_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nwfilter_undefine,
    .target = LVSH_KIND_NWFILTER,
};

static enum lvsh_status run_nwfilter_dumpxml(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    return target_xml(r, a, virNWFilterGetXMLDesc(args_target(a), 0),
                      "failed to get the XML of network filter '%s'", LVSH_ACT_NAME);
}

static const struct lvsh_opt opts_nwfilter_dumpxml[] = {
    FILTER_OPT,
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nwfilter_dumpxml = {
    .name = "nwfilter-dumpxml",
    .group = "filter",
    .summary = "print a network filter's XML description",
    .description = "Print the rules of a network filter as XML.",
    .opts = opts_nwfilter_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_nwfilter_dumpxml,
    .target = LVSH_KIND_NWFILTER,
};

static void *nwfilter_define(virConnectPtr conn, const char *xml)
{
    return virNWFilterDefineXML(conn, xml);
}

static enum lvsh_status run_nwfilter_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    static const struct edit_redefine how = { nwfilter_define, "network filter",
                                              "Network filter" };
    char *xml = virNWFilterGetXMLDesc(args_target(a), 0);
    enum lvsh_status st = edit_redefine(s, a, r, xml, &how);
    free(xml);
    return st;
}

static const struct lvsh_cmd cmd_nwfilter_edit = {
    .name = "nwfilter-edit",
    .group = "filter",
    .summary = "edit a network filter's XML in your editor",
    .description = "Open a network filter in $VISUAL or $EDITOR and define the result.  "
                   "When the file is saved unchanged nothing is defined.",
    .opts = opts_nwfilter_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nwfilter_edit,
    .target = LVSH_KIND_NWFILTER,
};

/* ---- bindings --------------------------------------------------------- */

static int binding_cmp(const void *a, const void *b)
{
    return net_name_cmp(virNWFilterBindingGetPortDev(*(virNWFilterBindingPtr const *)a),
                        virNWFilterBindingGetPortDev(*(virNWFilterBindingPtr const *)b));
}

static enum lvsh_status run_nwfilter_binding_list(struct lvsh_session *s,
                                                  const struct lvsh_args *a,
                                                  struct lvsh_result *r)
{
    virNWFilterBindingPtr *bindings = NULL;
    (void)a;
    int n = virConnectListAllNWFilterBindings(s->conn, &bindings, 0);
    if (n < 0)
        return err_virt(r, "Failed to list network filter bindings");
    if (n > 1)   /* libvirt may return no array at all for none */
        qsort(bindings, (size_t)n, sizeof(*bindings), binding_cmp);
    static const struct out_col cols[] = {
        { "Port Dev", "portdev", 0 },
        { "Filter", "filter", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    for (int i = 0; i < n; i++) {
        out_table_row(t);
        out_cell_str(t, virNWFilterBindingGetPortDev(bindings[i]));
        out_cell_str(t, virNWFilterBindingGetFilterName(bindings[i]));
        virNWFilterBindingFree(bindings[i]);
    }
    free(bindings);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_nwfilter_binding_list = {
    .name = "nwfilter-binding-list",
    .group = "filter",
    .summary = "list network filter bindings",
    .description = "List which filter applies to which guest port device, in one call to "
                   "the daemon.",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN,
    .handler = run_nwfilter_binding_list,
};

static void *binding_create_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return virNWFilterBindingCreateXML(c, xml, flags);
}

static enum lvsh_status run_nwfilter_binding_create(struct lvsh_session *s,
                                                    const struct lvsh_args *a,
                                                    struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_NWFILTER_BINDING, binding_create_xml, "created",
        "failed to create a network filter binding from '%s'",
        "Network filter binding on %s created from %s", false };
    return act_from_file(s, a, r, &how);
}

static const struct lvsh_opt opts_nwfilter_binding_create[] = {
    NET_OPT_FILE("network filter binding"),
    NET_OPT_VALIDATE(VIR_NWFILTER_BINDING_CREATE_VALIDATE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nwfilter_binding_create = {
    .name = "nwfilter-binding-create",
    .group = "filter",
    .summary = "bind a network filter to a port from an XML file",
    .description = "Apply a network filter to a port device, described by "
                   "<filterbinding> XML (owner, port device, MAC address, filter "
                   "reference with parameters).",
    .opts = opts_nwfilter_binding_create,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nwfilter_binding_create,
};

static enum lvsh_status run_nwfilter_binding_delete(struct lvsh_session *s,
                                                    const struct lvsh_args *a,
                                                    struct lvsh_result *r)
{
    static const struct lvsh_action act = {
        .word = "deleted", .fail = "failed to delete the network filter binding on '%s'",
        .done = "Network filter binding on %s deleted", .flags = LVSH_ACT_NAME };
    (void)s;
    return act_report(r, a, virNWFilterBindingDelete(args_target(a)), &act);
}

static const struct lvsh_opt opts_binding_only[] = {
    BINDING_OPT,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nwfilter_binding_delete = {
    .name = "nwfilter-binding-delete",
    .group = "filter",
    .summary = "remove a network filter binding",
    .description = "Stop filtering the traffic of a port device.",
    .opts = opts_binding_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nwfilter_binding_delete,
    .target = LVSH_KIND_NWFILTER_BINDING,
};

static enum lvsh_status run_nwfilter_binding_dumpxml(struct lvsh_session *s,
                                                     const struct lvsh_args *a,
                                                     struct lvsh_result *r)
{
    (void)s;
    return target_xml(r, a, virNWFilterBindingGetXMLDesc(args_target(a), 0),
                      "failed to get the XML of the network filter binding on '%s'", LVSH_ACT_NAME);
}

static const struct lvsh_opt opts_nwfilter_binding_dumpxml[] = {
    BINDING_OPT,
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nwfilter_binding_dumpxml = {
    .name = "nwfilter-binding-dumpxml",
    .group = "filter",
    .summary = "print a network filter binding's XML description",
    .description = "Print the XML of the binding on a port device.",
    .opts = opts_nwfilter_binding_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_nwfilter_binding_dumpxml,
    .target = LVSH_KIND_NWFILTER_BINDING,
};

LVSH_FAMILY(nwfilter) = { &cmd_nwfilter_list, &cmd_nwfilter_define,
                          &cmd_nwfilter_undefine, &cmd_nwfilter_dumpxml,
                          &cmd_nwfilter_edit, &cmd_nwfilter_binding_list,
                          &cmd_nwfilter_binding_create, &cmd_nwfilter_binding_delete,
                          &cmd_nwfilter_binding_dumpxml, NULL };
