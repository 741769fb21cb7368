/* domain_guest.c: what a domain reports about itself and its jobs
 * (domifaddr, domfsinfo, domcontrol, domjobinfo, domjobabort). */
#include "json_action.h"
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *const ifaddr_sources[] = { "lease", "agent", "arp", NULL };

static int ifaddr_source(const char *s)
{
    if (s && strcmp(s, "agent") == 0)
        return VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT;
    if (s && strcmp(s, "arp") == 0)
        return VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP;
    return VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE;
}

/* virsh's fixed layout: "Name MAC address Protocol Address", one line per
 * address; later lines of an interface show '-' unless --full. */
static void ifaddr_lines(struct lvsh_result *r, json_t *arr, virDomainInterfacePtr ifc,
                         bool full)
{
    const char *mac = ifc->hwaddr ? ifc->hwaddr : "N/A";
    json_t *addrs = json_array();
    json_array_append_new(arr, json_pack("{s:o,s:o,s:o}", "name", json_str(ifc->name),
                                         "mac", json_str(ifc->hwaddr), "addresses", addrs));
    if (ifc->naddrs == 0)
        out_text(r, " %-10s %-17s    %-12s %s\n", ifc->name, mac, "N/A", "N/A");
    for (unsigned j = 0; j < ifc->naddrs; j++) {
        const virDomainIPAddress *ip = &ifc->addrs[j];
        const char *proto = ip->type == VIR_IP_ADDR_TYPE_IPV6 ? "ipv6" : "ipv4";
        bool first = full || j == 0;
        out_text(r, " %-10s %-17s    %-12s %s/%u\n", first ? ifc->name : "-",
                 first ? mac : "-", proto, ip->addr, ip->prefix);
        json_array_append_new(addrs, json_pack("{s:s,s:o,s:i}", "protocol", proto,
                                               "address", json_str(ip->addr),
                                               "prefix", (int)ip->prefix));
    }
}

static enum lvsh_status cmd_domain_domifaddr(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    virDomainInterfacePtr *ifs = NULL;
    const char *only = args_str(a, "interface");
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    int n = virDomainInterfaceAddresses(d, &ifs, ifaddr_source(args_str(a, "source")), 0);
    if (n < 0)
        return dom_fail(d, r, "failed to query the addresses of domain '%s'",
                        args_str(a, "domain"));
    virDomainFree(d);
    json_t *arr = json_array();
    out_text(r, " %-10s %-17s    %-12s %s\n%s\n", "Name", "MAC address", "Protocol",
             "Address", "-------------------------------------------------------------"
             "------------------");
    for (int i = 0; i < n; i++) {
        if (!only || strcmp(ifs[i]->name, only) == 0 ||
            (ifs[i]->hwaddr && strcmp(ifs[i]->hwaddr, only) == 0))
            ifaddr_lines(r, arr, ifs[i], args_has(a, "full"));
        virDomainInterfaceFree(ifs[i]);
    }
    free(ifs);
    out_json(r, arr);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domifaddr[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "interface", .type = LVSH_OPT_STRING,
      .help = "only this interface (name or MAC address)", .complete = LVSH_COMP_DOMAIN_IFACE },
    { .name = "full", .type = LVSH_OPT_BOOL,
      .help = "repeat the name and MAC address on every line" },
    { .name = "source", .type = LVSH_OPT_STRING, .choices = ifaddr_sources,
      .complete = LVSH_COMP_CHOICES,
      .help = "where addresses come from: DHCP leases (default), the guest agent or "
              "the host's ARP table" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domifaddr = {
    .name = "domifaddr",
    .group = "monitor",
    .summary = "show a domain's network addresses",
    .description = "List the IP addresses of a running domain's interfaces, learnt from "
                   "DHCP leases, the guest agent or the ARP table.",
    .opts = opts_domifaddr,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_domifaddr,
};

static void fsinfo_row(struct out_table *t, virDomainFSInfoPtr fs)
{
    struct buf devs = BUF_INIT;
    json_t *arr = json_array();
    for (size_t k = 0; k < fs->ndevAlias; k++) {
        buf_printf(&devs, "%s%s", k ? "," : "", fs->devAlias[k]);
        json_array_append_new(arr, json_str(fs->devAlias[k]));
    }
    out_table_row(t);
    out_cell_str(t, fs->mountpoint);
    out_cell_str(t, fs->name);
    out_cell_str(t, fs->fstype);
    out_cell(t, arr, buf_str(&devs));
    buf_free(&devs);
}

static enum lvsh_status cmd_domain_domfsinfo(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    virDomainFSInfoPtr *fs = NULL;
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    int n = virDomainGetFSInfo(d, &fs, 0);
    if (n < 0)
        return dom_fail(d, r, "failed to get the file systems of domain '%s'",
                        args_str(a, "domain"));
    virDomainFree(d);
    struct out_table *t = out_table(r);
    out_table_col(t, "Mountpoint", "mountpoint", 0);
    out_table_col(t, "Name", "name", 0);
    out_table_col(t, "Type", "type", 0);
    out_table_col(t, "Target", "targets", 0);
    for (int i = 0; i < n; i++) {
        fsinfo_row(t, fs[i]);
        virDomainFSInfoFree(fs[i]);
    }
    free(fs);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domain_active[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domfsinfo = {
    .name = "domfsinfo",
    .group = "monitor",
    .summary = "list a domain's mounted file systems",
    .description = "Ask the guest agent for the mounted file systems of a running domain: "
                   "mount point, device name, type and the disks behind it.",
    .opts = opts_domain_active,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_domfsinfo,
};

static const char *control_word(int state)
{
    static const char *const w[] = { "ok", "background job", "occupied", "error" };
    return state >= 0 && state < 4 ? w[state] : "unknown";
}

static const char *control_error_word(int reason)
{
    static const char *const w[] = { "none", "unknown", "monitor failure",
                                     "internal (locking) error" };
    return reason >= 0 && reason < 4 ? w[reason] : "unknown";
}

static enum lvsh_status cmd_domain_domcontrol(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    virDomainControlInfo info;
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    if (virDomainGetControlInfo(d, &info, 0) < 0)
        return dom_fail(d, r, "failed to get the control state of domain '%s'",
                        args_str(a, "domain"));
    virDomainFree(d);
    const char *word = control_word(info.state);
    json_t *o = json_pack("{s:s,s:I}", "state", word, "state_time_ms",
                          (json_int_t)info.stateTime);
    if (info.state != VIR_DOMAIN_CONTROL_OK && info.state != VIR_DOMAIN_CONTROL_ERROR) {
        out_text(r, "%s (%0.3fs)\n", word, (double)info.stateTime / 1000.0);
    } else if (info.state == VIR_DOMAIN_CONTROL_ERROR && info.details > 0) {
        out_text(r, "%s: %s\n", word, control_error_word((int)info.details));
        json_object_set_new(o, "reason", json_str(control_error_word((int)info.details)));
    } else {
        out_text(r, "%s\n", word);
    }
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domain_any[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domcontrol = {
    .name = "domcontrol",
    .group = "monitor",
    .summary = "show the state of a domain's control interface",
    .description = "Say whether libvirt can talk to the domain's hypervisor process: ok, "
                   "occupied or in a background job (with the time spent so far), or error.",
    .opts = opts_domain_any,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_domcontrol,
};

/* ---- jobs -------------------------------------------------------------- */

static const char *job_type_word(int t)
{
    static const char *const w[] = { "None", "Bounded", "Unbounded", "Completed", "Failed",
                                     "Cancelled" };
    return t >= 0 && t < 6 ? w[t] : "Unknown";
}

static const char *job_op_word(int op)
{
    static const char *const w[] = {
        "Unknown", "Start", "Save", "Restore", "Incoming migration", "Outgoing migration",
        "Snapshot", "Snapshot revert", "Dump", "Backup", "Snapshot delete",
    };
    return op >= 0 && op < 11 ? w[op] : "Unknown";
}

/* The labels virsh gives the common fields; others print by name. */
static const char *job_label(const char *field, const char **unit)
{
    static const struct { const char *f, *label, *unit; } map[] = {
        { VIR_DOMAIN_JOB_TIME_ELAPSED, "Time elapsed:", "ms" },
        { VIR_DOMAIN_JOB_TIME_REMAINING, "Time remaining:", "ms" },
        { VIR_DOMAIN_JOB_DATA_PROCESSED, "Data processed:", NULL },
        { VIR_DOMAIN_JOB_DATA_REMAINING, "Data remaining:", NULL },
        { VIR_DOMAIN_JOB_DATA_TOTAL, "Data total:", NULL },
        { VIR_DOMAIN_JOB_MEMORY_PROCESSED, "Memory processed:", NULL },
        { VIR_DOMAIN_JOB_MEMORY_REMAINING, "Memory remaining:", NULL },
        { VIR_DOMAIN_JOB_MEMORY_TOTAL, "Memory total:", NULL },
        { VIR_DOMAIN_JOB_DOWNTIME, "Total downtime:", "ms" },
        { VIR_DOMAIN_JOB_SETUP_TIME, "Setup time:", "ms" },
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
        if (strcmp(map[i].f, field) == 0) {
            *unit = map[i].unit;
            return map[i].label;
        }
    }
    *unit = NULL;
    return NULL;
}

static void job_param_line(struct lvsh_result *r, const virTypedParameter *p, bool raw)
{
    const char *unit = NULL;
    const char *label = raw ? NULL : job_label(p->field, &unit);
    char *v = tparam_text(p);
    if (raw) {
        out_text(r, "%s: %s\n", p->field, v);
    } else if (label && unit) {
        out_text(r, "%-17s %-12s %s\n", label, v, unit);
    } else if (label && p->type == VIR_TYPED_PARAM_ULLONG) {
        char *sz = fmt_size3(p->value.ul);
        out_text(r, "%-17s %s\n", label, sz);
        free(sz);
    } else {
        char *l = xasprintf("%s:", label ? label : p->field);
        out_text(r, "%-17s %s\n", l, v);
        free(l);
    }
    free(v);
}

static enum lvsh_status cmd_domain_domjobinfo(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    int type = 0, n = 0, op = 0;
    virTypedParameterPtr p = NULL;
    unsigned flags = 0;
    if (args_has(a, "completed"))
        flags |= VIR_DOMAIN_JOB_STATS_COMPLETED;
    if (args_has(a, "keep-completed"))
        flags |= VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED;
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    if (virDomainGetJobStats(d, &type, &p, &n, flags) < 0)
        return dom_fail(d, r, "failed to get the job of domain '%s'", args_str(a, "domain"));
    virDomainFree(d);
    bool raw = args_has(a, "rawstats");
    json_t *o = json_pack("{s:s}", "type", job_type_word(type));
    if (raw)
        out_text(r, "Job type: %d\n\n", type);
    else
        out_text(r, "%-17s %-12s\n", "Job type:", job_type_word(type));
    bool show = type != VIR_DOMAIN_JOB_NONE || raw || args_has(a, "anystats");
    if (show && virTypedParamsGetInt(p, n, VIR_DOMAIN_JOB_OPERATION, &op) == 1 && !raw)
        out_text(r, "%-17s %-12s\n", "Operation:", job_op_word(op));
    for (int i = 0; show && i < n; i++) {
        json_object_set_new(o, p[i].field, tparam_json(&p[i]));
        if (raw || strcmp(p[i].field, VIR_DOMAIN_JOB_OPERATION) != 0)
            job_param_line(r, &p[i], raw);
    }
    virTypedParamsFree(p, n);
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domjobinfo[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "completed", .type = LVSH_OPT_BOOL,
      .help = "the statistics of the job that finished last" },
    { .name = "keep-completed", .type = LVSH_OPT_BOOL,
      .help = "keep those statistics after reading them" },
    { .name = "anystats", .type = LVSH_OPT_BOOL,
      .help = "print statistics of any job, even failed ones" },
    { .name = "rawstats", .type = LVSH_OPT_BOOL,
      .help = "print the fields as libvirt names them" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domjobinfo = {
    .name = "domjobinfo",
    .group = "domain",
    .summary = "show the job running on a domain",
    .description = "Print the type, operation and progress of the job (migration, save, "
                   "dump, ...) running on a domain, or with --completed of the last one.",
    .opts = opts_domjobinfo,
    .flags = LVSH_CMD_CONN,
    .handler = cmd_domain_domjobinfo,
};

static enum lvsh_status cmd_domain_domjobabort(struct lvsh_session *s,
                                               const struct lvsh_args *a,
                                               struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    int rc;
#if LIBVIR_CHECK_VERSION(8, 5, 0)
    if (args_has(a, "postcopy"))
        rc = virDomainAbortJobFlags(d, VIR_DOMAIN_ABORT_JOB_POSTCOPY);
    else
        rc = virDomainAbortJob(d);
#else
    rc = virDomainAbortJob(d);
#endif
    if (rc < 0)
        return dom_fail_lib(d, r, "failed to abort the job of domain '%s'", args_str(a, "domain"));
    out_json_action(r, dom_json_ref(d), "job aborted");
    virDomainFree(d);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domjobabort[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "postcopy", .type = LVSH_OPT_BOOL, .help = "interrupt a post-copy migration" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domjobabort = {
    .name = "domjobabort",
    .group = "domain",
    .summary = "abort the job running on a domain",
    .description = "Cancel the migration, save or dump running on a domain.",
    .opts = opts_domjobabort,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = cmd_domain_domjobabort,
};

LVSH_FAMILY(domain_guest) = { &cmd_domifaddr, &cmd_domfsinfo, &cmd_domcontrol,
                              &cmd_domjobinfo, &cmd_domjobabort, NULL };
