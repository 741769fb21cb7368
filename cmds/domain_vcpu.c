/* domain_vcpu.c: a domain's virtual CPUs and where they run (vcpucount,
 * vcpuinfo, vcpupin, emulatorpin, iothreadinfo, setvcpus, setvcpu). */
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *const excl_affect[] = { LVSH_AFFECT_EXCL, NULL };

/* ---- vcpucount --------------------------------------------------------- */

/* virsh's four lines: maximum/current of config (when persistent) and
 * live (when active). */
static enum lvsh_status vcpucount_all(virDomainPtr d, struct lvsh_result *r, const char *name)
{
    static const struct { const char *what, *where; unsigned flags; } rows[] = {
        { "maximum", "config", VIR_DOMAIN_VCPU_MAXIMUM | VIR_DOMAIN_AFFECT_CONFIG },
        { "maximum", "live", VIR_DOMAIN_VCPU_MAXIMUM | VIR_DOMAIN_AFFECT_LIVE },
        { "current", "config", VIR_DOMAIN_AFFECT_CONFIG },
        { "current", "live", VIR_DOMAIN_AFFECT_LIVE },
    };
    int active = virDomainIsActive(d), persistent = virDomainIsPersistent(d);
    if (active < 0 || persistent < 0)
        return err_virt(r, "failed to get the state of domain '%s'", name);
    json_t *o = json_object();
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        if ((!active && (rows[i].flags & VIR_DOMAIN_AFFECT_LIVE)) ||
            (!persistent && (rows[i].flags & VIR_DOMAIN_AFFECT_CONFIG)))
            continue;
        int n = virDomainGetVcpusFlags(d, rows[i].flags);
        if (n < 0) {
            json_decref(o);
            return err_virt(r, "failed to get the vCPU count of domain '%s'", name);
        }
        out_text(r, "%-12s %-12s %3d\n", rows[i].what, rows[i].where, n);
        char *key = xasprintf("%s_%s", rows[i].what, rows[i].where);
        json_object_set_new(o, key, json_integer(n));
        free(key);
    }
    out_json(r, o);
    return LVSH_OK;
}

static enum lvsh_status run_vcpucount(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    static const char *const sel[] = { "maximum", "active", "live", "config", "current",
                                       "guest" };
    bool any = false;
    for (size_t i = 0; i < sizeof(sel) / sizeof(sel[0]); i++)
        any = any || args_has(a, sel[i]);
    virDomainPtr d = args_target(a);
    enum lvsh_status st = LVSH_OK;
    if (!any) {
        st = vcpucount_all(d, r, args_str(a, "domain"));
        return st;
    }
    unsigned flags = args_flags(a);
    int n = virDomainGetVcpusFlags(d, flags);
    if (n < 0)
        return err_virt(r, "failed to get the vCPU count of domain '%s'",
                        args_str(a, "domain"));
    out_text(r, "%d\n", n);
    out_json(r, json_pack("{s:i}", "count", n));
    return LVSH_OK;
}

static const struct lvsh_opt opts_vcpucount[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "maximum", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_VCPU_MAXIMUM,
      .help = "the maximum number of vCPUs" },
    { .name = "active", .type = LVSH_OPT_BOOL, .help = "the number of vCPUs in use" },
    { .name = "live", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_LIVE,
      .help = "of the running domain" },
    { .name = "config", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_CONFIG,
      .help = "of the persistent definition" },
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "of the current state" },
    { .name = "guest", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_VCPU_GUEST,
      .help = "as the guest agent sees it" },
    LVSH_OPT_END,
};

static const char *const excl_vcpucount[] = {
    "maximum active", "live config", "guest config", LVSH_AFFECT_EXCL, NULL,
};

static const struct lvsh_cmd cmd_vcpucount = {
    .name = "vcpucount",
    .group = "domain",
    .summary = "show a domain's number of virtual CPUs",
    .description = "Print the maximum and current vCPU counts of the persistent definition "
                   "and the running domain; with a selection (--maximum, --live, ...) just "
                   "that number.",
    .opts = opts_vcpucount,
    .exclusive = excl_vcpucount,
    .flags = LVSH_CMD_CONN,
    .handler = run_vcpucount,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- vcpuinfo ---------------------------------------------------------- */

static char *affinity_text(const unsigned char *map, int ncpus, bool pretty)
{
    if (pretty) {
        char *list = cpumap_format(map, ncpus);
        char *s = xasprintf("%s (out of %d)", list, ncpus);
        free(list);
        return s;
    }
    char *s = xcalloc((size_t)ncpus + 1, 1);
    for (int i = 0; i < ncpus; i++)
        s[i] = VIR_CPU_USABLE(map, VIR_CPU_MAPLEN(ncpus), 0, i) ? 'y' : '-';
    return s;
}

static const char *vcpu_state_word(int st)
{
    static const char *const w[] = { "offline", "running", "blocked" };
    return st >= 0 && st < 3 ? w[st] : "no state";
}

static void vcpuinfo_block(struct lvsh_result *r, json_t *arr, int i,
                           const virVcpuInfo *vi, const unsigned char *map, int ncpus,
                           bool pretty)
{
    char *aff = affinity_text(map, ncpus, pretty);
    char *list = cpumap_format(map, ncpus);
    if (i > 0)
        out_text(r, "\n");
    out_text(r, "%-15s %d\n", "VCPU:", vi ? (int)vi->number : i);
    if (vi) {
        out_text(r, "%-15s %d\n%-15s %s\n", "CPU:", vi->cpu, "State:",
                 vcpu_state_word(vi->state));
        out_text(r, "%-15s %.1fs\n", "CPU time:", (double)vi->cpuTime / 1e9);
    } else {
        out_text(r, "%-15s N/A\n%-15s N/A\n%-15s N/A\n", "CPU:", "State:", "CPU time:");
    }
    out_text(r, "%-15s %s\n", "CPU Affinity:", aff);
    json_t *o = json_pack("{s:i,s:o}", "vcpu", vi ? (int)vi->number : i, "affinity",
                          json_str(list));
    json_object_set_new(o, "cpu", vi ? json_integer(vi->cpu) : json_null());
    json_object_set_new(o, "state", vi ? json_str(vcpu_state_word(vi->state)) : json_null());
    json_object_set_new(o, "cpu_time_ns", vi ? json_integer((json_int_t)vi->cpuTime)
                                             : json_null());
    json_array_append_new(arr, o);
    free(aff);
    free(list);
}

static enum lvsh_status run_vcpuinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    virDomainInfo info;
    int ncpus = host_ncpus(s->conn, r);
    if (ncpus < 0)
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    if (virDomainGetInfo(d, &info) < 0)
        return err_virt(r, "failed to get the information of domain '%s'",
                        args_target_key(a));
    int n = info.nrVirtCpu, maplen = VIR_CPU_MAPLEN(ncpus);
    virVcpuInfoPtr vi = xcalloc((size_t)n + 1, sizeof(*vi));
    unsigned char *maps = xcalloc((size_t)n + 1, (size_t)maplen);
    int got = virDomainIsActive(d) == 1 ? virDomainGetVcpus(d, vi, n, maps, maplen) : -1;
    if (got < 0) {   /* inactive: the pinning of the definition, no live data */
        virResetLastError();
        got = virDomainGetVcpuPinInfo(d, n, maps, maplen, VIR_DOMAIN_AFFECT_CONFIG);
        free(vi);
        vi = NULL;
    }
    enum lvsh_status st = LVSH_OK;
    if (got < 0)
        st = err_virt(r, "failed to get the vCPUs of domain '%s'", args_target_key(a));
    json_t *arr = json_array();
    for (int i = 0; i < got; i++)
        vcpuinfo_block(r, arr, i, vi ? &vi[i] : NULL, VIR_GET_CPUMAP(maps, maplen, i), ncpus,
                       args_has(a, "pretty"));
    out_json(r, arr);
    free(vi);
    free(maps);
    return st;
}

static const struct lvsh_opt opts_vcpuinfo[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "pretty", .type = LVSH_OPT_BOOL,
      .help = "show the affinity as a CPU list (0-3) instead of y/- per CPU" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vcpuinfo = {
    .name = "vcpuinfo",
    .group = "domain",
    .summary = "show where a domain's virtual CPUs run",
    .description = "For each vCPU, print the host CPU it runs on, its state, CPU time and "
                   "affinity.  Inactive domains show only the affinity.",
    .opts = opts_vcpuinfo,
    .flags = LVSH_CMD_CONN,
    .handler = run_vcpuinfo,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- vcpupin, emulatorpin ---------------------------------------------- */

static enum lvsh_status vcpupin_show(virDomainPtr d, const struct lvsh_args *a,
                                     struct lvsh_result *r, int ncpus, unsigned flags)
{
    long long only = -1;
    args_int(a, "vcpu", &only);
    int nv = virDomainGetVcpusFlags(d, flags | VIR_DOMAIN_VCPU_MAXIMUM);
    if (nv < 0)
        return err_virt(r, "failed to get the vCPU count of domain '%s'", args_str(a, "domain"));
    if (only >= nv)
        return err_fail(r, "vCPU %lld does not exist: domain '%s' has %d", only,
                        args_str(a, "domain"), nv);
    int maplen = VIR_CPU_MAPLEN(ncpus);
    unsigned char *maps = xcalloc((size_t)nv, (size_t)maplen);
    int got = virDomainGetVcpuPinInfo(d, nv, maps, maplen, flags);
    if (got < 0) {
        free(maps);
        return err_virt(r, "failed to get the vCPU pinning of domain '%s'",
                        args_str(a, "domain"));
    }
    static const struct out_col cols[] = {
        { "VCPU", "vcpu", 0 },
        { "CPU Affinity", "affinity", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    for (int i = 0; i < got; i++) {
        if (only >= 0 && i != only)
            continue;
        char *list = cpumap_format(VIR_GET_CPUMAP(maps, maplen, i), ncpus);
        out_table_row(t);
        out_cell_int(t, i);
        out_cell_str(t, list);
        free(list);
    }
    free(maps);
    return LVSH_OK;
}

static enum lvsh_status emulatorpin_show(virDomainPtr d, const struct lvsh_args *a,
                                         struct lvsh_result *r, int ncpus, unsigned flags)
{
    int maplen = VIR_CPU_MAPLEN(ncpus);
    unsigned char *map = xcalloc(1, (size_t)maplen);
    if (virDomainGetEmulatorPinInfo(d, map, maplen, flags) < 0) {
        free(map);
        return err_virt(r, "failed to get the emulator pinning of domain '%s'",
                        args_str(a, "domain"));
    }
    char *list = cpumap_format(map, ncpus);
    out_text(r, "emulator: CPU Affinity\n----------------------------------\n       *: %s\n",
             list);
    out_json(r, json_pack("{s:o}", "affinity", json_str(list)));
    free(list);
    free(map);
    return LVSH_OK;
}

/* {name, uuid, action: "pinned", vcpu (vcpupin only), cpulist}. */
static void pin_done(struct lvsh_result *r, virDomainPtr d, json_t *vcpu, const char *cpulist)
{
    act_json(r, LVSH_KIND_DOMAIN, d, "pinned");
    if (vcpu)
        out_json_set(r, "vcpu", vcpu);
    out_json_set(r, "cpulist", json_str(cpulist));
}

/* Pin vCPU vcpu (the emulator when -1) to --cpulist. */
static enum lvsh_status pin_set(virDomainPtr d, const struct lvsh_args *a,
                                struct lvsh_result *r, int ncpus, long long vcpu, unsigned flags)
{
    const char *cpulist = args_str(a, "cpulist");
    int maplen = 0;
    unsigned char *map = cpulist_parse(r, cpulist, ncpus, &maplen);
    if (!map)
        return LVSH_USAGE;
    enum lvsh_status st = LVSH_OK;
    int rc = vcpu >= 0 ? virDomainPinVcpuFlags(d, (unsigned)vcpu, map, maplen, flags)
                       : virDomainPinEmulator(d, map, maplen, flags);
    free(map);
    if (rc < 0 && vcpu >= 0)
        st = err_lib(r, "failed to pin vCPU %lld of domain '%s'", vcpu, args_target_key(a));
    else if (rc < 0)
        st = err_virt(r, "failed to pin the emulator of domain '%s'", args_target_key(a));
    else
        pin_done(r, d, vcpu >= 0 ? json_integer(vcpu) : NULL, cpulist);
    return st;
}

/* vcpupin, emulatorpin: without --cpulist show the pinning, else pin vCPU
 * vcpu (the emulator when -1). */
static enum lvsh_status pin_run(struct lvsh_session *s, const struct lvsh_args *a,
                                struct lvsh_result *r, long long vcpu,
                                enum lvsh_status (*show)(virDomainPtr d,
                                                         const struct lvsh_args *a,
                                                         struct lvsh_result *r, int ncpus,
                                                         unsigned flags))
{
    int ncpus = host_ncpus(s->conn, r);
    if (ncpus < 0)
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    unsigned flags = args_flags(a);
    if (!args_str(a, "cpulist"))
        return show(d, a, r, ncpus, flags);
    return pin_set(d, a, r, ncpus, vcpu, flags);
}

static enum lvsh_status run_vcpupin(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    long long vcpu = -1;
    bool has_vcpu = args_int(a, "vcpu", &vcpu);
    if (args_str(a, "cpulist") && !has_vcpu)
        return err_usage(r, "vcpupin needs --vcpu to pin");
    return pin_run(s, a, r, vcpu, vcpupin_show);
}

static const struct lvsh_opt opts_vcpupin[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "vcpu", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 0,
      .max = 0xffff, .help = "the vCPU to pin or show", .metavar = "vcpu" },
    { .name = "cpulist", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_WRITES,
      .help = "host CPUs: N, N-M, ^N to exclude, comma-separated, or r for all; omit to "
              "show the pinning", .metavar = "cpulist" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vcpupin = {
    .name = "vcpupin",
    .group = "domain",
    .summary = "show or set which host CPUs a domain's vCPUs may use",
    .description = "Without a CPU list, print a table of each vCPU's affinity; with one, "
                   "pin the vCPU given to those host CPUs (for example 0-3,^2).",
    .opts = opts_vcpupin,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_vcpupin,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_emulatorpin(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    return pin_run(s, a, r, -1, emulatorpin_show);
}

static const struct lvsh_opt opts_emulatorpin[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "cpulist", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_WRITES,
      .help = "host CPUs for the emulator threads (N, N-M, ^N, r); omit to show them",
      .metavar = "cpulist" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_emulatorpin = {
    .name = "emulatorpin",
    .group = "domain",
    .summary = "show or set which host CPUs a domain's emulator threads may use",
    .description = "Without a CPU list, print the affinity of the emulator threads; with "
                   "one, pin them to those host CPUs.",
    .opts = opts_emulatorpin,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_emulatorpin,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_iothreadinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    virDomainIOThreadInfoPtr *info = NULL;
    int ncpus = host_ncpus(s->conn, r);
    if (ncpus < 0)
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    int n = virDomainGetIOThreadInfo(d, &info, args_flags(a));
    if (n < 0)
        return err_virt(r, "failed to get the I/O threads of domain '%s'",
                        args_str(a, "domain"));
    if (n == 0) {
        out_text(r, "No IOThreads found for the domain\n");
        out_bare(r);   /* virsh prints no blank line after it */
        out_json(r, json_array());
    } else {
        static const struct out_col cols[] = {
            { "IOThread ID", "id", 0 },
            { "CPU Affinity", "affinity", 0 },
            { NULL, NULL, 0 },
        };
        struct out_table *t = out_table_cols(r, cols);
        for (int i = 0; i < n; i++) {
            char *list = cpumap_format(info[i]->cpumap, info[i]->cpumaplen * 8 < ncpus
                                                            ? info[i]->cpumaplen * 8 : ncpus);
            out_table_row(t);
            out_cell_int(t, info[i]->iothread_id);
            out_cell_str(t, list);
            free(list);
        }
    }
    for (int i = 0; i < n; i++)
        virDomainIOThreadInfoFree(info[i]);
    free(info);
    return LVSH_OK;
}

static const struct lvsh_opt opts_iothreadinfo[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_iothreadinfo = {
    .name = "iothreadinfo",
    .group = "domain",
    .summary = "list a domain's I/O threads",
    .description = "Print each I/O thread of a domain with the host CPUs it may use.",
    .opts = opts_iothreadinfo,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_iothreadinfo,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- setvcpus, setvcpu ------------------------------------------------- */

static enum lvsh_status run_setvcpus(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    (void)s;
    long long count = 0;
    args_int(a, "count", &count);
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    if (virDomainSetVcpusFlags(d, (unsigned)count, flags) < 0)
        return err_virt(r, "failed to set the vCPU count of domain '%s'",
                        args_str(a, "domain"));
    act_json(r, LVSH_KIND_DOMAIN, d, args_has(a, "maximum") ? "max vcpus set" : "vcpus set");
    out_json_set(r, "vcpus", json_integer(count));
    return LVSH_OK;
}

static const struct lvsh_opt opts_setvcpus[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "count", .type = LVSH_OPT_INT,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .min = 1, .max = 0xffff,
      .help = "the number of vCPUs", .metavar = "count" },
    { .name = "maximum", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_VCPU_MAXIMUM,
      .help = "set the maximum (with --config, for the next boot)" },
    LVSH_AFFECT_OPTS("domain"),
    { .name = "guest", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_VCPU_GUEST,
      .help = "switch vCPUs on or off inside the guest (guest agent)" },
    { .name = "hotpluggable", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_VCPU_HOTPLUGGABLE,
      .help = "make the vCPUs added hot-unpluggable" },
    LVSH_OPT_END,
};

static const char *const excl_setvcpus[] = {
    LVSH_AFFECT_EXCL, "guest config", NULL,
};

static const struct lvsh_cmd cmd_setvcpus = {
    .name = "setvcpus",
    .group = "domain",
    .summary = "change a domain's number of virtual CPUs",
    .description = "Set the number of vCPUs of the running domain (hot-plug) or of its "
                   "persistent definition; --maximum changes the limit.",
    .opts = opts_setvcpus,
    .exclusive = excl_setvcpus,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_setvcpus,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_setvcpu(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    (void)s;
    bool enable = args_has(a, "enable");
    if (!enable && !args_has(a, "disable"))
        return err_usage(r, "one of --enable, --disable is required");
    virDomainPtr d = args_target(a);
    if (virDomainSetVcpu(d, args_str(a, "vcpulist"), enable, args_flags(a)) < 0)
        return err_virt(r, "failed to change vCPUs '%s' of domain '%s'",
                        args_str(a, "vcpulist"), args_str(a, "domain"));
    act_json(r, LVSH_KIND_DOMAIN, d, enable ? "vcpus enabled" : "vcpus disabled");
    out_json_set(r, "vcpulist", json_str(args_str(a, "vcpulist")));
    return LVSH_OK;
}

static const struct lvsh_opt opts_setvcpu[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "vcpulist", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "the vCPUs to change, like 1-3,^2", .metavar = "vcpulist" },
    { .name = "enable", .type = LVSH_OPT_BOOL, .help = "switch them on" },
    { .name = "disable", .type = LVSH_OPT_BOOL, .help = "switch them off" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const char *const excl_setvcpu[] = {
    "enable disable", LVSH_AFFECT_EXCL, NULL,
};

static const struct lvsh_cmd cmd_setvcpu = {
    .name = "setvcpu",
    .group = "domain",
    .summary = "switch individual virtual CPUs of a domain on or off",
    .description = "Enable or disable the vCPUs listed, live or in the persistent "
                   "definition.",
    .opts = opts_setvcpu,
    .exclusive = excl_setvcpu,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_setvcpu,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_vcpu) = { &cmd_vcpucount, &cmd_vcpuinfo, &cmd_vcpupin, &cmd_emulatorpin,
                             &cmd_iothreadinfo, &cmd_setvcpus, &cmd_setvcpu, NULL };
