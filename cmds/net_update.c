/* net_update.c: `net-update`, changing one part of a network in place. */
#include "net_common.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *const update_commands[] = {
    "add", "add-last", "add-first", "delete", "modify", NULL,
};

static const int update_command_codes[] = {
    VIR_NETWORK_UPDATE_COMMAND_ADD_LAST, VIR_NETWORK_UPDATE_COMMAND_ADD_LAST,
    VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST, VIR_NETWORK_UPDATE_COMMAND_DELETE,
    VIR_NETWORK_UPDATE_COMMAND_MODIFY,
};

/* In the order of virNetworkUpdateSection, which starts at 1. */
static const char *const update_sections[] = {
    "bridge", "domain", "ip", "ip-dhcp-host", "ip-dhcp-range", "forward",
    "forward-interface", "forward-pf", "portgroup", "dns-host", "dns-txt", "dns-srv", NULL,
};

static int word_index(const char *const *words, const char *w)
{
    for (int i = 0; words[i]; i++)
        if (strcmp(words[i], w) == 0)
            return i;
    return -1;
}

/* The element: inline when it starts with '<' (as in virsh), else a file. */
static char *update_xml(struct lvsh_result *r, const char *arg)
{
    if (arg[0] != '<')
        return xml_read_file(r, arg);
    if (!xml_check_wellformed(r, arg, "xml"))
        return NULL;
    return xstrdup(arg);
}

static const char *update_affected(virNetworkPtr n, unsigned flags)
{
    if (flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG)
        return flags & VIR_NETWORK_UPDATE_AFFECT_LIVE
            ? "persistent config and live state" : "persistent config";
    if (flags & VIR_NETWORK_UPDATE_AFFECT_LIVE)
        return "live state";
    int active = virNetworkIsActive(n);
    if (active < 0)
        virResetLastError();
    return active > 0 ? "live state" : "persistent config";
}

static enum lvsh_status run_net_update(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    int cmd = word_index(update_commands, args_str(a, "command"));
    int section = word_index(update_sections, args_str(a, "section"));
    long long parent = -1;
    unsigned flags = args_flags(a);   /* VIR_NETWORK_UPDATE_AFFECT_*, as the domain's */

    if (cmd < 0 || section < 0)   /* the parser checks .choices; be safe anyway */
        return err_usage(r, "unknown update command or section");
    args_int(a, "parent-index", &parent);
    char *xml = update_xml(r, args_str(a, "xml"));
    if (!xml)
        return LVSH_FAILED;
    virNetworkPtr n = args_target(a);
    const char *name = virNetworkGetName(n); /* before a call that may fail */
    enum lvsh_status st = LVSH_OK;
    if (virNetworkUpdate(n, (unsigned)update_command_codes[cmd], (unsigned)section + 1,
                         (int)parent, xml, flags) < 0) {
        st = err_virt(r, "failed to update network '%s'", name);
    } else {
        const char *affected = update_affected(n, flags);
        json_t *j = kind_json_ref(LVSH_KIND_NETWORK, n);
        json_object_set_new(j, "command", json_string(args_str(a, "command")));
        json_object_set_new(j, "section", json_string(args_str(a, "section")));
        json_object_set_new(j, "affected", json_string(affected));
        out_json(r, j);
        out_info(r, "Updated network %s %s", name, affected);
        out_bare(r);   /* virsh prints no blank line after it */
    }
    free(xml);
    return st;
}

static const struct lvsh_opt opts_net_update[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK),
    { .name = "command", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "what to do (add is add-last)",
      .metavar = "command", .complete = LVSH_COMP_CHOICES, .choices = update_commands },
    { .name = "section", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "which part of the network to change",
      .metavar = "section", .complete = LVSH_COMP_CHOICES, .choices = update_sections },
    { .name = "xml", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "the XML element itself if it starts with '<', else a file holding it",
      .metavar = "xml", .complete = LVSH_COMP_FILE },
    { .name = "parent-index", .type = LVSH_OPT_INT, .min = -1, .max = INT_MAX,
      .help = "which parent element to look in (e.g. the n-th <ip> for dhcp changes)",
      .metavar = "number" },
    LVSH_AFFECT_OPTS("network"),
    LVSH_OPT_END,
};

static const char *const excl_net_update[] = { LVSH_AFFECT_EXCL, NULL };

static const struct lvsh_cmd cmd_net_update = {
    .name = "net-update",
    .group = "network",
    .summary = "add, delete or modify one part of a network's configuration",
    .description = "Change one element of a network without redefining it: a DHCP host "
                   "or range, a DNS host, TXT or SRV record, a port group, a forward "
                   "interface, ...  The element is given inline (starting with '<') or in "
                   "a file; for delete it only needs enough to be found.  --config changes "
                   "the definition, --live the running network, both together both.",
    .opts = opts_net_update,
    .exclusive = excl_net_update,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_net_update,
    .target = LVSH_KIND_NETWORK,
};

LVSH_FAMILY(net_update) = { &cmd_net_update, NULL };
