/* domain_info.c: identity and state of one domain (dominfo, domstate, ...). */
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct lvsh_opt opts_domain_only[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    LVSH_OPT_END,
};

static enum lvsh_status cmd_domain_domid(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    unsigned id = virDomainGetID(d);
    json_t *j = dom_json_ref(d);
    if (id == (unsigned)-1) {
        out_text(r, "-\n");
        json_object_set_new(j, "id", json_null());
    } else {
        out_text(r, "%u\n", id);
        json_object_set_new(j, "id", json_integer(id));
    }
    out_json(r, j);
    virDomainFree(d);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_domid = {
    .name = "domid",
    .group = "domain",
    .summary = "convert a domain name or UUID to its id",
    .description = "Print the id of a running domain, or '-' for an inactive one.",
    .opts = opts_domain_only,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_domid,
};

static enum lvsh_status cmd_domain_domname(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    out_text(r, "%s\n", virDomainGetName(d));
    out_json(r, dom_json_ref(d));
    virDomainFree(d);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domname[] = {
    { .name = "domain", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "domain id or uuid", .metavar = "domain", .complete = LVSH_COMP_DOMAIN },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domname = {
    .name = "domname",
    .group = "domain",
    .summary = "convert a domain id or UUID to its name",
    .description = "Print the name of the domain given by id or UUID.",
    .opts = opts_domname,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_domname,
};

static enum lvsh_status cmd_domain_domuuid(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    if (virDomainGetUUIDString(d, uuid) < 0) {
        return dom_fail(d, r, "failed to get the UUID of domain '%s'", args_str(a, "domain"));
    }
    out_text(r, "%s\n", uuid);
    out_json(r, dom_json_ref(d));
    virDomainFree(d);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_domuuid = {
    .name = "domuuid",
    .group = "domain",
    .summary = "convert a domain name or id to its UUID",
    .description = "Print the UUID of the domain given by name or id.",
    .opts = opts_domain_only,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_domuuid,
};

static enum lvsh_status cmd_domain_domstate(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    int state, reason;
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    if (virDomainGetState(d, &state, &reason, 0) < 0) {
        return dom_fail(d, r, "failed to get the state of domain '%s'", args_str(a, "domain"));
    }
    if (args_has(a, "reason"))
        out_text(r, "%s (%s)\n", dom_state_name(state), dom_state_reason(state, reason));
    else
        out_text(r, "%s\n", dom_state_name(state));
    json_t *j = dom_json_ref(d);
    json_object_set_new(j, "state", json_str(dom_state_name(state)));
    json_object_set_new(j, "reason", json_str(dom_state_reason(state, reason)));
    out_json(r, j);
    virDomainFree(d);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domstate[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "reason", .type = LVSH_OPT_BOOL, .help = "also say why it is in that state" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domstate = {
    .name = "domstate",
    .group = "monitor",
    .summary = "print a domain's state",
    .description = "Print the state of a domain (running, paused, shut off, ...); with "
                   "--reason, the reason for it in parentheses.",
    .opts = opts_domstate,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_domstate,
};

static void info_security(struct lvsh_session *s, virDomainPtr d, struct lvsh_result *r)
{
    virSecurityModel model;
    virSecurityLabel label;
    memset(&model, 0, sizeof(model));
    if (virNodeGetSecurityModel(s->conn, &model) < 0) {
        virResetLastError();
        return;
    }
    if (!model.model[0])
        return;
    out_field_str(r, "Security model", "security_model", model.model);
    out_field_str(r, "Security DOI", "security_doi", model.doi);
    memset(&label, 0, sizeof(label));
    if (virDomainGetSecurityLabel(d, &label) < 0) {
        virResetLastError();
        return;
    }
    if (label.label[0])
        out_field_fmt(r, "Security label", "security_label", json_str(label.label),
                      "%s (%s)", label.label, label.enforcing ? "enforcing" : "permissive");
}

static void info_tristate(struct lvsh_result *r, const char *label, const char *key, int v,
                          const char *yes, const char *no)
{
    if (v < 0) {
        virResetLastError();
        out_field(r, label, key, json_null(), "unknown");
    } else {
        out_field(r, label, key, json_boolean(v), v ? yes : no);
    }
}

/* The domain's messages (taint reasons, deprecations), as virsh lists
 * them: the first beside the label, the rest on lines of their own. */
static void info_messages(virDomainPtr d, struct lvsh_result *r)
{
    char **msgs = NULL;
    int n = virDomainGetMessages(d, &msgs, 0);
    if (n <= 0) {
        virResetLastError();
        free(msgs);
        return;
    }
    json_t *all = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(all, json_str(msgs[i]));
    out_field(r, "Messages", "messages", all, msgs[0]);
    for (int i = 1; i < n; i++)
        out_field(r, "", "", json_null(), msgs[i]);
    for (int i = 0; i < n; i++)
        free(msgs[i]);
    free(msgs);
}

static enum lvsh_status cmd_domain_dominfo(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    virDomainInfo info;
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    unsigned id = virDomainGetID(d);
    if (id == (unsigned)-1)
        out_field(r, "Id", "id", json_null(), "-");
    else
        out_field_int(r, "Id", "id", id);
    out_field_str(r, "Name", "name", virDomainGetName(d));
    virDomainGetUUIDString(d, uuid);
    out_field_str(r, "UUID", "uuid", uuid);
    char *ostype = virDomainGetOSType(d);
    if (ostype)
        out_field_str(r, "OS Type", "os_type", ostype);
    else
        virResetLastError();
    free(ostype);
    if (virDomainGetInfo(d, &info) == 0) {
        out_field_str(r, "State", "state", dom_state_name(info.state));
        out_field_int(r, "CPU(s)", "cpus", info.nrVirtCpu);
        if (info.cpuTime != 0)
            out_field_fmt(r, "CPU time", "cpu_time_ns", json_integer((json_int_t)info.cpuTime),
                          "%.1lfs", (double)info.cpuTime / 1e9);
        if (info.maxMem != VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
            out_field_fmt(r, "Max memory", "max_memory",
                          json_integer((json_int_t)info.maxMem * 1024), "%lu KiB", info.maxMem);
        else
            out_field(r, "Max memory", "max_memory", json_null(), "no limit");
        out_field_fmt(r, "Used memory", "used_memory",
                      json_integer((json_int_t)info.memory * 1024), "%lu KiB", info.memory);
    } else {
        virResetLastError();
    }
    info_tristate(r, "Persistent", "persistent", virDomainIsPersistent(d), "yes", "no");
    int autostart = 0;
    if (virDomainGetAutostart(d, &autostart) < 0)
        info_tristate(r, "Autostart", "autostart", -1, "", "");
    else
        info_tristate(r, "Autostart", "autostart", autostart, "enable", "disable");
    info_tristate(r, "Managed save", "managed_save", virDomainHasManagedSaveImage(d, 0),
                  "yes", "no");
    info_security(s, d, r);
    info_messages(d, r);
    virDomainFree(d);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_dominfo = {
    .name = "dominfo",
    .group = "domain",
    .summary = "show basic information about a domain",
    .description = "Print id, name, UUID, OS type, state, vCPUs, CPU time, memory, "
                   "persistence, autostart, managed save and security label of a domain.  "
                   "In JSON, memory sizes are in bytes and CPU time in nanoseconds.",
    .opts = opts_domain_only,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_dominfo,
};

LVSH_FAMILY(domain_info) = { &cmd_domid, &cmd_domname, &cmd_domuuid, &cmd_domstate,
                             &cmd_dominfo, NULL };
