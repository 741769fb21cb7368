/* domain_guest.c: what a domain reports about itself and its jobs
 * (domifaddr, domfsinfo, domcontrol, domjobinfo, domjobabort). */
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

static enum lvsh_status run_domifaddr(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    virDomainInterfacePtr *ifs = NULL;
    const char *only = args_str(a, "interface");
    virDomainPtr d = args_target(a);
    int n = virDomainInterfaceAddresses(d, &ifs, ifaddr_source(args_str(a, "source")), 0);
    if (n < 0)
        return err_virt(r, "failed to query the addresses of domain '%s'",
                        args_str(a, "domain"));
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
    .handler = run_domifaddr,
    .target = LVSH_KIND_DOMAIN,
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

static enum lvsh_status run_domfsinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    virDomainFSInfoPtr *fs = NULL;
    virDomainPtr d = args_target(a);
    int n = virDomainGetFSInfo(d, &fs, 0);
    if (n < 0)
        return err_virt(r, "failed to get the file systems of domain '%s'",
                        args_str(a, "domain"));
    static const struct out_col cols[] = {
        { "Mountpoint", "mountpoint", 0 },
        { "Name", "name", 0 },
        { "Type", "type", 0 },
        { "Target", "targets", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
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
    .handler = run_domfsinfo,
    .target = LVSH_KIND_DOMAIN,
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

static enum lvsh_status run_domcontrol(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    virDomainControlInfo info;
    virDomainPtr d = args_target(a);
    if (virDomainGetControlInfo(d, &info, 0) < 0)
        return err_virt(r, "failed to get the control state of domain '%s'",
                        args_str(a, "domain"));
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
    .handler = run_domcontrol,
    .target = LVSH_KIND_DOMAIN,
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

/* How virsh prints one job statistic: its unit and number format. */
enum job_fmt { JF_MS, JF_SIZE, JF_BPS, JF_PAGES_S, JF_BYTES, JF_N12, JF_N13, JF_INT13,
               JF_STR };

struct job_line {
    const char *field, *label;
    enum job_fmt fmt;
};

static const struct job_line job_mem_lines[] = {
    { VIR_DOMAIN_JOB_MEMORY_BPS, "Memory bandwidth:", JF_BPS },
    { VIR_DOMAIN_JOB_MEMORY_DIRTY_RATE, "Dirty rate:", JF_PAGES_S },
    { VIR_DOMAIN_JOB_MEMORY_PAGE_SIZE, "Page size:", JF_BYTES },
    { VIR_DOMAIN_JOB_MEMORY_ITERATION, "Iteration:", JF_N12 },
    { VIR_DOMAIN_JOB_MEMORY_POSTCOPY_REQS, "Postcopy requests:", JF_N12 },
    { NULL, NULL, 0 },
};

static const struct job_line job_tail_lines[] = {
    { VIR_DOMAIN_JOB_MEMORY_CONSTANT, "Constant pages:", JF_N12 },
    { VIR_DOMAIN_JOB_MEMORY_NORMAL, "Normal pages:", JF_N12 },
    { VIR_DOMAIN_JOB_MEMORY_NORMAL_BYTES, "Normal data:", JF_SIZE },
    { VIR_DOMAIN_JOB_DOWNTIME, NULL, JF_MS },   /* label depends on the job type */
    { VIR_DOMAIN_JOB_DOWNTIME_NET, "Downtime w/o network:", JF_MS },
    { VIR_DOMAIN_JOB_SETUP_TIME, "Setup time:", JF_MS },
    { VIR_DOMAIN_JOB_COMPRESSION_CACHE, "Compression cache:", JF_SIZE },
    { VIR_DOMAIN_JOB_COMPRESSION_BYTES, "Compressed data:", JF_SIZE },
    { VIR_DOMAIN_JOB_COMPRESSION_PAGES, "Compressed pages:", JF_N13 },
    { VIR_DOMAIN_JOB_COMPRESSION_CACHE_MISSES, "Compression cache misses:", JF_N13 },
    { VIR_DOMAIN_JOB_COMPRESSION_OVERFLOW, "Compression overflows:", JF_N13 },
    { VIR_DOMAIN_JOB_AUTO_CONVERGE_THROTTLE, "Auto converge throttle:", JF_INT13 },
    { VIR_DOMAIN_JOB_DISK_TEMP_USED, "Temporary disk space use:", JF_SIZE },
    { VIR_DOMAIN_JOB_DISK_TEMP_TOTAL, "Temporary disk space total:", JF_SIZE },
    { VIR_DOMAIN_JOB_ERRMSG, "Error message:", JF_STR },
    { NULL, NULL, 0 },
};

static unsigned long long job_ull(const virTypedParameter *p, int n, const char *field)
{
    unsigned long long v = 0;
    virTypedParamsGetULLong((virTypedParameterPtr)p, n, field, &v);
    return v;
}

/* One "Label:  value unit" line, when the statistic is there. */
static void job_line_out(struct lvsh_result *r, const virTypedParameter *p, int n,
                         const char *label, const char *field, enum job_fmt fmt)
{
    virTypedParameterPtr pp = (virTypedParameterPtr)p;
    unsigned long long v = 0;
    int iv = 0;
    const char *sv = NULL;
    if (fmt == JF_STR) {
        if (virTypedParamsGetString(pp, n, field, &sv) == 1)
            out_text(r, "%-17s %s\n", label, sv);
        return;
    }
    if (fmt == JF_INT13) {
        if (virTypedParamsGetInt(pp, n, field, &iv) == 1)
            out_text(r, "%-17s %-13d\n", label, iv);
        return;
    }
    if (virTypedParamsGetULLong(pp, n, field, &v) != 1 || (fmt == JF_BPS && v == 0))
        return;
    char *sz = fmt == JF_SIZE || fmt == JF_BPS ? fmt_size3(v) : NULL;
    switch (fmt) {
    case JF_MS: out_text(r, "%-17s %-12llu ms\n", label, v); break;
    case JF_SIZE: out_text(r, "%-17s %s\n", label, sz); break;
    case JF_BPS: out_text(r, "%-17s %s/s\n", label, sz); break;
    case JF_PAGES_S: out_text(r, "%-17s %-12llu pages/s\n", label, v); break;
    case JF_BYTES: out_text(r, "%-17s %-12llu bytes\n", label, v); break;
    case JF_N12: out_text(r, "%-17s %-12llu\n", label, v); break;
    default: out_text(r, "%-17s %-13llu\n", label, v); break;
    }
    free(sz);
}

/* "X processed/remaining/total" as sizes, when any of the three is non-zero. */
static bool job_triplet(struct lvsh_result *r, const virTypedParameter *p, int n,
                        const char *what, const char *const f[3])
{
    unsigned long long v[3];
    for (int i = 0; i < 3; i++)
        v[i] = job_ull(p, n, f[i]);
    if (!v[0] && !v[1] && !v[2])
        return false;
    static const char *const part[] = { "processed", "remaining", "total" };
    for (int i = 0; i < 3; i++) {
        char *label = xasprintf("%s %s:", what, part[i]);
        char *sz = fmt_size3(v[i]);
        out_text(r, "%-17s %s\n", label, sz);
        free(sz);
        free(label);
    }
    return true;
}

/* The statistics in virsh's order, labels and units. */
static void job_stats_text(struct lvsh_result *r, const virTypedParameter *p, int n, int type)
{
    static const char *const data[] = { VIR_DOMAIN_JOB_DATA_PROCESSED,
                                        VIR_DOMAIN_JOB_DATA_REMAINING,
                                        VIR_DOMAIN_JOB_DATA_TOTAL };
    static const char *const mem[] = { VIR_DOMAIN_JOB_MEMORY_PROCESSED,
                                       VIR_DOMAIN_JOB_MEMORY_REMAINING,
                                       VIR_DOMAIN_JOB_MEMORY_TOTAL };
    static const char *const file[] = { VIR_DOMAIN_JOB_DISK_PROCESSED,
                                        VIR_DOMAIN_JOB_DISK_REMAINING,
                                        VIR_DOMAIN_JOB_DISK_TOTAL };
    out_text(r, "%-17s %-12llu ms\n", "Time elapsed:",
             job_ull(p, n, VIR_DOMAIN_JOB_TIME_ELAPSED));
    job_line_out(r, p, n, "Time elapsed w/o network:", VIR_DOMAIN_JOB_TIME_ELAPSED_NET,
                 JF_MS);
    if (type == VIR_DOMAIN_JOB_BOUNDED)
        out_text(r, "%-17s %-12llu ms\n", "Time remaining:",
                 job_ull(p, n, VIR_DOMAIN_JOB_TIME_REMAINING));
    job_triplet(r, p, n, "Data", data);
    if (job_triplet(r, p, n, "Memory", mem))
        for (const struct job_line *l = job_mem_lines; l->field; l++)
            job_line_out(r, p, n, l->label, l->field, l->fmt);
    if (job_triplet(r, p, n, "File", file))
        job_line_out(r, p, n, "File bandwidth:", VIR_DOMAIN_JOB_DISK_BPS, JF_BPS);
    for (const struct job_line *l = job_tail_lines; l->field; l++) {
        const char *label = l->label ? l->label
                            : type == VIR_DOMAIN_JOB_COMPLETED ? "Total downtime:"
                                                                : "Expected downtime:";
        job_line_out(r, p, n, label, l->field, l->fmt);
    }
}

/* virDomainGetJobInfo's answer as the typed statistics it stands for. */
static int job_info_params(virDomainPtr d, int *type, virTypedParameterPtr *p, int *n)
{
    virDomainJobInfo info;
    int max = 0;
    if (virDomainGetJobInfo(d, &info) < 0)
        return -1;
    *type = info.type;
    const struct { const char *f; unsigned long long v; } map[] = {
        { VIR_DOMAIN_JOB_TIME_ELAPSED, info.timeElapsed },
        { VIR_DOMAIN_JOB_TIME_REMAINING, info.timeRemaining },
        { VIR_DOMAIN_JOB_DATA_TOTAL, info.dataTotal },
        { VIR_DOMAIN_JOB_DATA_PROCESSED, info.dataProcessed },
        { VIR_DOMAIN_JOB_DATA_REMAINING, info.dataRemaining },
        { VIR_DOMAIN_JOB_MEMORY_TOTAL, info.memTotal },
        { VIR_DOMAIN_JOB_MEMORY_PROCESSED, info.memProcessed },
        { VIR_DOMAIN_JOB_MEMORY_REMAINING, info.memRemaining },
        { VIR_DOMAIN_JOB_DISK_TOTAL, info.fileTotal },
        { VIR_DOMAIN_JOB_DISK_PROCESSED, info.fileProcessed },
        { VIR_DOMAIN_JOB_DISK_REMAINING, info.fileRemaining },
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        virTypedParamsAddULLong(p, n, &max, map[i].f, map[i].v);
    return 0;
}

/* The job statistics, or virsh's fallback to the old call; r filled on error. */
static bool job_get(virDomainPtr d, const struct lvsh_args *a, unsigned flags, int *type,
                    virTypedParameterPtr *p, int *n, struct lvsh_result *r)
{
    if (virDomainGetJobStats(d, type, p, n, flags) == 0)
        return true;
    virErrorPtr e = virGetLastError();
    if (!e || e->code != VIR_ERR_NO_SUPPORT) {
        err_lib(r, "failed to get the job of domain '%s'", args_str(a, "domain"));
        return false;
    }
    if (flags || args_has(a, "rawstats")) {
        err_virt(r, "Optional flags or --rawstats are not supported by the daemon");
        return false;
    }
    virResetLastError();
    if (job_info_params(d, type, p, n) == 0)
        return true;
    err_lib(r, "failed to get the job of domain '%s'", args_str(a, "domain"));
    return false;
}

static enum lvsh_status run_domjobinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    int type = 0, n = 0, op = VIR_DOMAIN_JOB_OPERATION_UNKNOWN;
    virTypedParameterPtr p = NULL;
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    bool ok = job_get(d, a, flags, &type, &p, &n, r);
    if (!ok)
        return LVSH_FAILED;
    bool raw = args_has(a, "rawstats"), any = args_has(a, "anystats");
    /* JSON keeps libvirt's names and plain numbers */
    json_t *o = json_pack("{s:s}", "type", job_type_word(type));
    if (type != VIR_DOMAIN_JOB_NONE || raw || any)
        for (int i = 0; i < n; i++)
            json_object_set_new(o, p[i].field, tparam_json(&p[i]));
    out_json(r, o);
    if (raw) {
        out_text(r, "Job type: %d\n\n", type);
        for (int i = 0; i < n; i++) {
            char *v = tparam_text(&p[i]);
            out_text(r, "%s: %s\n", p[i].field, v);
            free(v);
        }
    } else {
        out_text(r, "%-17s %-12s\n", "Job type:", job_type_word(type));
        if (type != VIR_DOMAIN_JOB_NONE) {
            virTypedParamsGetInt(p, n, VIR_DOMAIN_JOB_OPERATION, &op);
            out_text(r, "%-17s %-12s\n", "Operation:", job_op_word(op));
            /* as virsh: a finished job's numbers only with --completed (or --anystats) */
            if (any || type == VIR_DOMAIN_JOB_BOUNDED || type == VIR_DOMAIN_JOB_UNBOUNDED ||
                ((flags & VIR_DOMAIN_JOB_STATS_COMPLETED) && type == VIR_DOMAIN_JOB_COMPLETED))
                job_stats_text(r, p, n, type);
        }
    }
    virTypedParamsFree(p, n);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domjobinfo[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "completed", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_JOB_STATS_COMPLETED,
      .help = "the statistics of the job that finished last" },
    { .name = "keep-completed", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED,
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
    .handler = run_domjobinfo,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_domjobabort(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    virDomainPtr d = args_target(a);
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
        return err_lib(r, "failed to abort the job of domain '%s'", args_str(a, "domain"));
    act_json(r, LVSH_KIND_DOMAIN, d, "job aborted");
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
    .handler = run_domjobabort,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_guest) = { &cmd_domifaddr, &cmd_domfsinfo, &cmd_domcontrol,
                              &cmd_domjobinfo, &cmd_domjobabort, NULL };
