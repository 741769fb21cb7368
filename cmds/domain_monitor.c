/* domain_monitor.c: a domain's devices and their statistics (domblklist,
 * domiflist, domblkinfo, domblkstat, domblkerror, domifstat, dommemstat,
 * domifaddr, domfsinfo). */
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *dash(const char *s)
{
    return s ? s : "-";
}

/* one cell that shows "-" and is null in JSON when s is NULL */
static void cell_opt(struct out_table *t, const char *s)
{
    out_cell(t, s ? json_str(s) : json_null(), dash(s));
}

/* A device list: one row per node `devices` selects in the target's XML
 * (with --inactive the persistent one) under the columns cols; row fills
 * one, and a failure ends the list. */
typedef enum lvsh_status (*dev_row)(struct out_table *t, struct dom_xml *x, xmlNodePtr n,
                                    const struct lvsh_args *a, struct lvsh_result *r);
static enum lvsh_status dev_list(const struct lvsh_args *a, struct lvsh_result *r,
                                 const char *devices, const struct out_col *cols, dev_row row)
{
    struct dom_xml x;
    if (!dom_xml_load(&x, args_target(a), args_flags(a), r, args_str(a, "domain")))
        return LVSH_FAILED;
    struct out_table *t = out_table_cols(r, cols);
    enum lvsh_status st = LVSH_OK;
    xmlXPathObjectPtr o = dom_xml_nodes(&x, devices);
    for (int i = 0; o->nodesetval && i < o->nodesetval->nodeNr && st == LVSH_OK; i++)
        st = row(t, &x, o->nodesetval->nodeTab[i], a, r);
    xmlXPathFreeObject(o);
    dom_xml_free(&x);
    return st;
}

static enum lvsh_status blklist_row(struct out_table *t, struct dom_xml *x, xmlNodePtr n,
                                    const struct lvsh_args *a, struct lvsh_result *r)
{
    (void)r;
    char *source = dom_xml_str(x, n, "string(./source/@file|./source/@dev|./source/@dir|"
                                     "./source/@name|./source/@volume)");
    out_table_row(t);
    if (args_has(a, "details")) {
        char *type = dom_xml_str(x, n, "string(./@type)");
        char *device = dom_xml_str(x, n, "string(./@device)");
        cell_opt(t, type);
        cell_opt(t, device);
        free(type);
        free(device);
    }
    char *target = dom_xml_str(x, n, "string(./target/@dev)");
    cell_opt(t, target);
    cell_opt(t, source);
    free(target);
    free(source);
    return LVSH_OK;
}

static enum lvsh_status run_domblklist(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    /* the --details columns come first */
    static const struct out_col cols[] = {
        { "Type", "type", 0 },
        { "Device", "device", 0 },
        { "Target", "target", 0 },
        { "Source", "source", 0 },
        { NULL, NULL, 0 },
    };
    (void)s;
    return dev_list(a, r, "/domain/devices/disk", args_has(a, "details") ? cols : cols + 2,
                    blklist_row);
}

static const struct lvsh_opt opts_domblklist[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "inactive", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_XML_INACTIVE,
      .help = "list the disks of the persistent definition, not the running one" },
    { .name = "details", .type = LVSH_OPT_BOOL, .help = "add the disk type and device" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domblklist = {
    .name = "domblklist",
    .group = "monitor",
    .summary = "list a domain's block devices",
    .description = "List the disks of a domain: target and source (file, device, "
                   "directory, network name or volume); with --details also the "
                   "disk type and device kind.",
    .opts = opts_domblklist,
    .flags = LVSH_CMD_CONN,
    .handler = run_domblklist,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status iflist_row(struct out_table *t, struct dom_xml *x, xmlNodePtr n,
                                   const struct lvsh_args *a, struct lvsh_result *r)
{
    static const char *const exprs[] = {
        "string(./target/@dev)", "string(./@type)",
        ("string(./source/@bridge|./source/@dev|./source/@network|./source/@name|"
         "./source/@path)"),
        "string(./model/@type)", "string(./mac/@address)",
    };
    (void)a;
    (void)r;
    out_table_row(t);
    for (size_t i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++) {
        char *v = dom_xml_str(x, n, exprs[i]);
        cell_opt(t, v);
        free(v);
    }
    return LVSH_OK;
}

static enum lvsh_status run_domiflist(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    static const struct out_col cols[] = {
        { "Interface", "interface", 0 },
        { "Type", "type", 0 },
        { "Source", "source", 0 },
        { "Model", "model", 0 },
        { "MAC", "mac", 0 },
        { NULL, NULL, 0 },
    };
    (void)s;
    return dev_list(a, r, "/domain/devices/interface", cols, iflist_row);
}

static const struct lvsh_opt opts_domiflist[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "inactive", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_XML_INACTIVE,
      .help = "list the interfaces of the persistent definition" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domiflist = {
    .name = "domiflist",
    .group = "monitor",
    .summary = "list a domain's network interfaces",
    .description = "List the network interfaces of a domain: host-side device, type, "
                   "source, model and MAC address.",
    .opts = opts_domiflist,
    .flags = LVSH_CMD_CONN,
    .handler = run_domiflist,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- domblkinfo ------------------------------------------------------ */

static char *blk_size_text(unsigned long long v, bool human)
{
    return human ? fmt_size3(v) : xasprintf("%llu", v);
}

static void blkinfo_cells(struct out_table *t, const virDomainBlockInfo *bi, bool human)
{
    unsigned long long v[3] = { bi->capacity, bi->allocation, bi->physical };
    for (int i = 0; i < 3; i++) {
        char *s = blk_size_text(v[i], human);
        out_cell(t, json_integer((json_int_t)v[i]), s);
        free(s);
    }
}

static enum lvsh_status blkinfo_row(struct out_table *t, struct dom_xml *x, xmlNodePtr n,
                                    const struct lvsh_args *a, struct lvsh_result *r)
{
    char *target = dom_xml_str(x, n, "string(./target/@dev)");
    char *source = dom_xml_str(x, n, "string(./source/@*)");
    virDomainBlockInfo bi;
    enum lvsh_status st = LVSH_OK;
    out_table_row(t);
    cell_opt(t, target);
    if (target && virDomainGetBlockInfo(args_target(a), target, &bi, 0) == 0) {
        blkinfo_cells(t, &bi, args_has(a, "human"));
    } else if (!source) {   /* an empty drive has no sizes */
        virResetLastError();
        for (int k = 0; k < 3; k++)
            out_cell(t, json_null(), "-");
    } else {
        st = err_virt(r, "failed to get the block info of disk '%s'", dash(target));
    }
    free(target);
    free(source);
    return st;
}

static enum lvsh_status run_domblkinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    const char *dev = args_str(a, "device");
    virDomainBlockInfo bi;
    if (!dev && !args_has(a, "all"))
        return err_usage(r, "command 'domblkinfo' needs a device or --all");
    virDomainPtr d = args_target(a);
    enum lvsh_status st = LVSH_OK;
    if (args_has(a, "all")) {
        static const struct out_col cols[] = {
            { "Target", "target", 0 },
            { "Capacity", "capacity", 0 },
            { "Allocation", "allocation", 0 },
            { "Physical", "physical", 0 },
            { NULL, NULL, 0 },
        };
        st = dev_list(a, r, "/domain/devices/disk", cols, blkinfo_row);
    } else if (virDomainGetBlockInfo(d, dev, &bi, 0) < 0) {
        st = err_virt(r, "failed to get the block info of disk '%s'", dev);
    } else {
        const char *labels[] = { "Capacity", "Allocation", "Physical" };
        const char *keys[] = { "capacity", "allocation", "physical" };
        unsigned long long v[] = { bi.capacity, bi.allocation, bi.physical };
        for (int i = 0; i < 3; i++) {
            char *text = blk_size_text(v[i], args_has(a, "human"));
            out_field(r, labels[i], keys[i], json_integer((json_int_t)v[i]), text);
            free(text);
        }
    }
    return st;
}

static const struct lvsh_opt opts_domblkinfo[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "device", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "disk target or source path", .complete = LVSH_COMP_DOMAIN_DISK },
    { .name = "human", .type = LVSH_OPT_BOOL, .help = "sizes like 1.000 GiB" },
    { .name = "all", .type = LVSH_OPT_BOOL, .help = "a table of every disk" },
    LVSH_OPT_END,
};

static const char *const excl_domblkinfo[] = { "device all", NULL };

static const struct lvsh_cmd cmd_domblkinfo = {
    .name = "domblkinfo",
    .group = "monitor",
    .summary = "show the sizes of a domain's block device",
    .description = "Print the capacity, allocation and physical size of a disk in bytes "
                   "(--human: with units), or with --all a table of every disk; empty "
                   "drives show '-'.",
    .opts = opts_domblkinfo,
    .exclusive = excl_domblkinfo,
    .flags = LVSH_CMD_CONN,
    .handler = run_domblkinfo,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- domblkstat ------------------------------------------------------ */

static const struct { const char *param, *name, *human; } blkstat_names[] = {
    { VIR_DOMAIN_BLOCK_STATS_READ_REQ, "rd_req", "number of read operations:" },
    { VIR_DOMAIN_BLOCK_STATS_READ_BYTES, "rd_bytes", "number of bytes read:" },
    { VIR_DOMAIN_BLOCK_STATS_WRITE_REQ, "wr_req", "number of write operations:" },
    { VIR_DOMAIN_BLOCK_STATS_WRITE_BYTES, "wr_bytes", "number of bytes written:" },
    { VIR_DOMAIN_BLOCK_STATS_ERRS, "errs", "error count:" },
    { VIR_DOMAIN_BLOCK_STATS_FLUSH_REQ, "flush_operations", "number of flush operations:" },
    { VIR_DOMAIN_BLOCK_STATS_READ_TOTAL_TIMES, "rd_total_times",
      "total duration of reads (ns):" },
    { VIR_DOMAIN_BLOCK_STATS_WRITE_TOTAL_TIMES, "wr_total_times",
      "total duration of writes (ns):" },
    { VIR_DOMAIN_BLOCK_STATS_FLUSH_TOTAL_TIMES, "flush_total_times",
      "total duration of flushes (ns):" },
};

static void blkstat_line(struct lvsh_result *r, json_t *o, const char *dev, const char *param,
                         long long v, bool human)
{
    const char *name = param, *label = param;
    for (size_t i = 0; i < sizeof(blkstat_names) / sizeof(blkstat_names[0]); i++) {
        if (strcmp(blkstat_names[i].param, param) == 0) {
            name = blkstat_names[i].name;
            label = blkstat_names[i].human;
        }
    }
    if (human)
        out_text(r, " %-31s %lld\n", label, v);
    else
        out_text(r, "%s %s %lld\n", dev, name, v);
    json_object_set_new(o, name, json_integer(v));
}

/* The counters of dev as typed parameters: the typed API, or the old
 * struct for drivers without it. */
static int blkstat_fetch(virDomainPtr d, const char *dev, virTypedParameterPtr *out)
{
    int n = 0, max = 0;
    virDomainBlockStatsStruct st;
    if (virDomainBlockStatsFlags(d, dev, NULL, &n, 0) == 0 && n > 0) {
        *out = xcalloc((size_t)n, sizeof(**out));
        if (virDomainBlockStatsFlags(d, dev, *out, &n, 0) == 0)
            return n;
        free(*out);
        *out = NULL;
        return -1;
    }
    virErrorPtr e = virGetLastError();
    if (e && e->code != VIR_ERR_NO_SUPPORT)
        return -1;
    virResetLastError();
    if (virDomainBlockStats(d, dev, &st, sizeof(st)) < 0)
        return -1;
    const struct { const char *f; long long v; } legacy[] = {
        { VIR_DOMAIN_BLOCK_STATS_READ_REQ, st.rd_req },
        { VIR_DOMAIN_BLOCK_STATS_READ_BYTES, st.rd_bytes },
        { VIR_DOMAIN_BLOCK_STATS_WRITE_REQ, st.wr_req },
        { VIR_DOMAIN_BLOCK_STATS_WRITE_BYTES, st.wr_bytes },
        { VIR_DOMAIN_BLOCK_STATS_ERRS, st.errs },
    };
    n = 0;
    *out = NULL;
    for (size_t i = 0; i < sizeof(legacy) / sizeof(legacy[0]); i++)
        virTypedParamsAddLLong(out, &n, &max, legacy[i].f, legacy[i].v);
    return n;
}

static enum lvsh_status run_domblkstat(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    const char *dev = args_str(a, "device") ? args_str(a, "device") : "";
    bool human = args_has(a, "human");
    virTypedParameterPtr p = NULL;
    virDomainPtr d = args_target(a);
    int n = blkstat_fetch(d, dev, &p);
    if (n < 0)
        return err_virt(r, "Failed to get block stats %s %s", args_str(a, "domain"), dev ? dev : "");
    json_t *o = json_object();
    if (human)
        out_text(r, "Device: %s\n", dev);
    for (int i = 0; i < n; i++) {
        long long v = p[i].type == VIR_TYPED_PARAM_LLONG ? p[i].value.l
                                                          : (long long)p[i].value.ul;
        if (v >= 0)   /* -1 marks a counter the driver does not have */
            blkstat_line(r, o, dev, p[i].field, v, human);
    }
    json_object_set_new(o, "device", json_str(dev));
    out_json(r, o);
    virTypedParamsFree(p, n);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domblkstat[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "device", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "disk target or source path (none: the sum over every disk)",
      .complete = LVSH_COMP_DOMAIN_DISK },
    { .name = "human", .type = LVSH_OPT_BOOL, .help = "label the counters in words" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domblkstat = {
    .name = "domblkstat",
    .group = "monitor",
    .summary = "show a domain's block device statistics",
    .description = "Print the I/O counters of a disk of a running domain, one "
                   "'DEVICE NAME VALUE' line each (rd_req, rd_bytes, wr_req, wr_bytes, "
                   "errs, ...); counters the driver lacks are left out.",
    .opts = opts_domblkstat,
    .flags = LVSH_CMD_CONN,
    .handler = run_domblkstat,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- domblkerror, domifstat, dommemstat ------------------------------ */

static const char *disk_error_word(int e)
{
    switch (e) {
    case VIR_DOMAIN_DISK_ERROR_NONE: return "no error";
    case VIR_DOMAIN_DISK_ERROR_NO_SPACE: return "no space";
    default: return "unspecified error";
    }
}

static enum lvsh_status run_domblkerror(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    virDomainPtr d = args_target(a);
    int n = virDomainGetDiskErrors(d, NULL, 0, 0);
    virDomainDiskErrorPtr errs = n > 0 ? xcalloc((size_t)n, sizeof(*errs)) : NULL;
    if (n > 0)
        n = virDomainGetDiskErrors(d, errs, (unsigned)n, 0);
    if (n < 0) {
        free(errs);
        return err_virt(r, "failed to get the disk errors of domain '%s'",
                        args_str(a, "domain"));
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        out_text(r, "%s: %s\n", errs[i].disk, disk_error_word(errs[i].error));
        json_array_append_new(arr, json_pack("{s:o,s:s}", "disk", json_str(errs[i].disk),
                                             "error", disk_error_word(errs[i].error)));
        free(errs[i].disk);
    }
    if (n == 0)
        out_text(r, "No errors found\n");
    free(errs);
    out_json(r, arr);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domain_only[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domblkerror = {
    .name = "domblkerror",
    .group = "monitor",
    .summary = "show the errors of a domain's block devices",
    .description = "Print 'DISK: error' for every disk that hit an I/O error, or "
                   "'No errors found'.",
    .opts = opts_domain_only,
    .flags = LVSH_CMD_CONN,
    .handler = run_domblkerror,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_domifstat(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    const char *dev = args_str(a, "interface");
    virDomainInterfaceStatsStruct st;
    virDomainPtr d = args_target(a);
    if (virDomainInterfaceStats(d, dev, &st, sizeof(st)) < 0)
        return err_virt(r, "Failed to get interface stats %s %s", args_str(a, "domain"), dev);
    const struct { const char *name; long long v; } f[] = {
        { "rx_bytes", st.rx_bytes }, { "rx_packets", st.rx_packets },
        { "rx_errs", st.rx_errs }, { "rx_drop", st.rx_drop },
        { "tx_bytes", st.tx_bytes }, { "tx_packets", st.tx_packets },
        { "tx_errs", st.tx_errs }, { "tx_drop", st.tx_drop },
    };
    json_t *o = json_pack("{s:o}", "interface", json_str(dev));
    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
        if (f[i].v < 0)
            continue;
        out_text(r, "%s %s %lld\n", dev, f[i].name, f[i].v);
        json_object_set_new(o, f[i].name, json_integer(f[i].v));
    }
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domifstat[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "interface", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "interface device (vnet0) or MAC address", .complete = LVSH_COMP_DOMAIN_IFACE },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domifstat = {
    .name = "domifstat",
    .group = "monitor",
    .summary = "show a domain's network interface statistics",
    .description = "Print the traffic counters of an interface of a running domain, one "
                   "'INTERFACE NAME VALUE' line each.",
    .opts = opts_domifstat,
    .flags = LVSH_CMD_CONN,
    .handler = run_domifstat,
    .target = LVSH_KIND_DOMAIN,
};

static const char *memstat_name(int tag)
{
    static const char *const names[] = {
        "swap_in", "swap_out", "major_fault", "minor_fault", "unused", "available",
        "actual", "rss", "usable", "last_update", "disk_caches", "hugetlb_pgalloc",
        "hugetlb_pgfail",
    };
    return tag >= 0 && (size_t)tag < sizeof(names) / sizeof(names[0]) ? names[tag] : NULL;
}

static enum lvsh_status memstat_period(virDomainPtr d, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    long long period = 0;
    args_int(a, "period", &period);
    if (virDomainSetMemoryStatsPeriod(d, (int)period, args_affect_flags(a)) < 0)
        return err_virt(r, "failed to set the memory statistics period of domain '%s'",
                        args_str(a, "domain"));
    act_json(r, LVSH_KIND_DOMAIN, d, "period set");
    out_json_set(r, "period_s", json_integer(period));
    return LVSH_OK;
}

static enum lvsh_status run_dommemstat(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    virDomainMemoryStatStruct st[VIR_DOMAIN_MEMORY_STAT_NR];
    virDomainPtr d = args_target(a);
    if (args_has(a, "period")) {
        enum lvsh_status rc = memstat_period(d, a, r);
        return rc;
    }
    int n = virDomainMemoryStats(d, st, VIR_DOMAIN_MEMORY_STAT_NR, 0);
    if (n < 0)
        return err_virt(r, "failed to get the memory statistics of domain '%s'",
                        args_str(a, "domain"));
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
        const char *name = memstat_name(st[i].tag);
        if (!name)
            continue;
        out_text(r, "%s %llu\n", name, st[i].val);
        /* sizes are KiB, except the timestamp and the counters */
        bool kib = st[i].tag != VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT &&
                   st[i].tag != VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT &&
                   st[i].tag != VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE &&
                   st[i].tag != VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC &&
                   st[i].tag != VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL;
        json_object_set_new(o, name, json_integer((json_int_t)(kib ? st[i].val * 1024
                                                                   : st[i].val)));
    }
    out_json(r, o);
    return LVSH_OK;
}

static const struct lvsh_opt opts_dommemstat[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "period", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_NAMED | LVSH_OPTF_WRITES,
      .min = 0, .max = 0x7fffffff,
      .help = "set the balloon statistics period in seconds (0 stops collection)",
      .metavar = "seconds" },
    { .name = "config", .type = LVSH_OPT_BOOL, .help = "set the period in the persistent "
      "definition" },
    { .name = "live", .type = LVSH_OPT_BOOL, .help = "set the period of the running domain" },
    { .name = "current", .type = LVSH_OPT_BOOL, .help = "set the period in the current state" },
    LVSH_OPT_END,
};

static const char *const excl_affect[] = { "current live", "current config", NULL };

static const struct lvsh_cmd cmd_dommemstat = {
    .name = "dommemstat",
    .group = "monitor",
    .summary = "show a domain's memory statistics",
    .description = "Print the balloon driver's memory statistics of a running domain, "
                   "one 'NAME VALUE' line each (sizes in KiB; bytes in JSON).  With "
                   "--period, set how often the guest reports them instead.",
    .opts = opts_dommemstat,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_dommemstat,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_monitor) = { &cmd_domblklist, &cmd_domiflist, &cmd_domblkinfo,
                                &cmd_domblkstat, &cmd_domblkerror, &cmd_domifstat,
                                &cmd_dommemstat, NULL };
