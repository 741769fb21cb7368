/* domain_info.c: identity and state of one domain (dominfo, domstate, ...). */
#include "domain_util.h"
#include "parallel.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct lvsh_opt opts_domain_only[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    LVSH_OPT_END,
};

static enum lvsh_status run_domid(struct lvsh_session *s, const struct lvsh_args *a,
                                  struct lvsh_result *r)
{
    (void)s;
    virDomainPtr d = args_target(a);
    unsigned id = virDomainGetID(d);
    json_t *j = kind_json_ref(LVSH_KIND_DOMAIN, d);
    if (id == (unsigned)-1) {
        out_text(r, "-\n");
        json_object_set_new(j, "id", json_null());
    } else {
        out_text(r, "%u\n", id);
        json_object_set_new(j, "id", json_integer(id));
    }
    out_json(r, j);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_domid = {
    .name = "domid",
    .group = "domain",
    .summary = "convert a domain name or UUID to its id",
    .description = "Print the id of a running domain, or '-' for an inactive one.",
    .opts = opts_domain_only,
    .flags = LVSH_CMD_CONN,
    .handler = run_domid,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_domname(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    (void)s;
    virDomainPtr d = args_target(a);
    out_text(r, "%s\n", virDomainGetName(d));
    out_json(r, kind_json_ref(LVSH_KIND_DOMAIN, d));
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
    .handler = run_domname,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_domuuid(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    (void)s;
    char uuid[VIR_UUID_STRING_BUFLEN];
    virDomainPtr d = args_target(a);
    if (virDomainGetUUIDString(d, uuid) < 0)
        return err_virt(r, "failed to get the UUID of domain '%s'", args_str(a, "domain"));
    out_text(r, "%s\n", uuid);
    out_json(r, kind_json_ref(LVSH_KIND_DOMAIN, d));
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_domuuid = {
    .name = "domuuid",
    .group = "domain",
    .summary = "convert a domain name or id to its UUID",
    .description = "Print the UUID of the domain given by name or id.",
    .opts = opts_domain_only,
    .flags = LVSH_CMD_CONN,
    .handler = run_domuuid,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_domstate(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    (void)s;
    int state, reason;
    virDomainPtr d = args_target(a);
    if (virDomainGetState(d, &state, &reason, 0) < 0)
        return err_virt(r, "failed to get the state of domain '%s'", args_str(a, "domain"));
    if (args_has(a, "reason"))
        out_text(r, "%s (%s)\n", dom_state_name(state), dom_state_reason(state, reason));
    else
        out_text(r, "%s\n", dom_state_name(state));
    json_t *j = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(j, "state", json_str(dom_state_name(state)));
    json_object_set_new(j, "reason", json_str(dom_state_reason(state, reason)));
    out_json(r, j);
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
    .handler = run_domstate,
    .target = LVSH_KIND_DOMAIN,
};

/* What dominfo asks of the daemon once the domain is found: independent
 * calls, all in flight together (one round trip, not eight). */
struct info_calls {
    virDomainPtr d;
    virConnectPtr conn;
    char *ostype;
    int info_rc;
    virDomainInfo info;
    int persistent, autostart_rc, autostart, saved, model_rc, label_rc, nmsgs;
    virSecurityModel model;
    virSecurityLabel label;
    char **msgs;
};

/* Call i of struct info_calls (run on its own thread: par_calls). */
static void info_call(void *ctx, size_t i)
{
    struct info_calls *c = ctx;
    switch (i) {
    case 0: c->ostype = virDomainGetOSType(c->d); break;
    case 1: c->info_rc = virDomainGetInfo(c->d, &c->info); break;
    case 2: c->persistent = virDomainIsPersistent(c->d); break;
    case 3: c->autostart_rc = virDomainGetAutostart(c->d, &c->autostart); break;
    case 4: c->saved = virDomainHasManagedSaveImage(c->d, 0); break;
    case 5: c->model_rc = virNodeGetSecurityModel(c->conn, &c->model); break;
    /* the label only shows with a model; asked together all the same */
    case 6: c->label_rc = virDomainGetSecurityLabel(c->d, &c->label); break;
    case 7: c->nmsgs = virDomainGetMessages(c->d, &c->msgs, 0); break;
    }
    virResetLastError();
}
#define INFO_CALLS 8

static void info_security(const struct info_calls *c, struct lvsh_result *r)
{
    if (c->model_rc < 0 || !c->model.model[0])
        return;
    out_field_str(r, "Security model", "security_model", c->model.model);
    out_field_str(r, "Security DOI", "security_doi", c->model.doi);
    if (c->label_rc < 0)
        return;
    if (c->label.label[0])
        out_field_fmt(r, "Security label", "security_label", json_str(c->label.label),
                      "%s (%s)", c->label.label, c->label.enforcing ? "enforcing" : "permissive");
}

static void info_tristate(struct lvsh_result *r, const char *label, const char *key, int v,
                          const char *yes, const char *no)
{
    if (v < 0)
        out_field(r, label, key, json_null(), "unknown");
    else
        out_field(r, label, key, json_boolean(v), v ? yes : no);
}

/* The domain's messages (taint reasons, deprecations), as virsh lists
 * them: the first beside the label, the rest on lines of their own. */
static void info_messages(struct info_calls *c, struct lvsh_result *r)
{
    int n = c->nmsgs;
    if (n > 0) {
        json_t *all = json_array();
        for (int i = 0; i < n; i++)
            json_array_append_new(all, json_str(c->msgs[i]));
        out_field(r, "Messages", "messages", all, c->msgs[0]);
        for (int i = 1; i < n; i++)
            out_field(r, "", "", json_null(), c->msgs[i]);
    }
    for (int i = 0; i < n; i++)
        free(c->msgs[i]);
    free(c->msgs);
}

static void info_state(const virDomainInfo *info, struct lvsh_result *r)
{
    out_field_str(r, "State", "state", dom_state_name(info->state));
    out_field_int(r, "CPU(s)", "cpus", info->nrVirtCpu);
    if (info->cpuTime != 0)
        out_field_fmt(r, "CPU time", "cpu_time_ns", json_integer((json_int_t)info->cpuTime),
                      "%.1lfs", (double)info->cpuTime / 1e9);
    if (info->maxMem != VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
        out_field_fmt(r, "Max memory", "max_memory",
                      json_integer((json_int_t)info->maxMem * 1024), "%lu KiB", info->maxMem);
    else
        out_field(r, "Max memory", "max_memory", json_null(), "no limit");
    out_field_fmt(r, "Used memory", "used_memory",
                  json_integer((json_int_t)info->memory * 1024), "%lu KiB", info->memory);
}

static enum lvsh_status run_dominfo(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainPtr d = args_target(a);
    struct info_calls c;
    memset(&c, 0, sizeof(c));
    c.d = d;
    c.conn = s->conn;
    par_calls(INFO_CALLS, info_call, &c);
    unsigned id = virDomainGetID(d);
    if (id == (unsigned)-1)
        out_field(r, "Id", "id", json_null(), "-");
    else
        out_field_int(r, "Id", "id", id);
    out_field_str(r, "Name", "name", virDomainGetName(d));
    virDomainGetUUIDString(d, uuid);
    out_field_str(r, "UUID", "uuid", uuid);
    if (c.ostype)
        out_field_str(r, "OS Type", "os_type", c.ostype);
    free(c.ostype);
    if (c.info_rc == 0)
        info_state(&c.info, r);
    info_tristate(r, "Persistent", "persistent", c.persistent, "yes", "no");
    info_tristate(r, "Autostart", "autostart", c.autostart_rc < 0 ? -1 : c.autostart,
                  "enable", "disable");
    info_tristate(r, "Managed save", "managed_save", c.saved, "yes", "no");
    info_security(&c, r);
    info_messages(&c, r);
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
    .handler = run_dominfo,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_info) = { &cmd_domid, &cmd_domname, &cmd_domuuid, &cmd_domstate,
                             &cmd_dominfo, NULL };
