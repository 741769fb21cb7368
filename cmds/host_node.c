/* host_node.c: the physical node: CPU and memory facts, statistics, free
 * memory and pages, memory tuning, SEV and suspend. */
#include "lvsh.h"
#include "host_common.h"
#include "domain_util.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct lvsh_opt opts_none[] = { LVSH_OPT_END };

/* "name:" in buf, for virsh's padded "%-15s value" lines. */
static const char *colon(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s:", name);
    return buf;
}

static enum lvsh_status run_nodeinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)a;
    virNodeInfo info;
    if (virNodeGetInfo(s->conn, &info) < 0)
        return err_virt(r, "failed to get node information");
    out_record_width(r, 20);
    out_field_str(r, "CPU model", "model", info.model);
    out_field_int(r, "CPU(s)", "cpus", info.cpus);
    if (info.mhz)
        out_field_fmt(r, "CPU frequency", "mhz", json_integer(info.mhz), "%u MHz", info.mhz);
    out_field_int(r, "CPU socket(s)", "sockets", info.sockets);
    out_field_int(r, "Core(s) per socket", "cores", info.cores);
    out_field_int(r, "Thread(s) per core", "threads", info.threads);
    out_field_int(r, "NUMA cell(s)", "cells", info.nodes);
    out_field_fmt(r, "Memory size", "memory", json_integer((json_int_t)info.memory * 1024),
                  "%lu KiB", info.memory);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_nodeinfo = {
    .name = "nodeinfo",
    .group = "host",
    .summary = "show the node's CPU and memory",
    .description = "Print the host's CPU model, CPU count, frequency, sockets, cores, "
                   "threads, NUMA cells and memory size.  In JSON the memory is in bytes.",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN,
    .handler = run_nodeinfo,
};

static enum lvsh_status run_nodecpumap(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    unsigned char *map = NULL;
    unsigned online = 0;
    int ncpus = virNodeGetCPUMap(s->conn, &map, &online, 0);
    if (ncpus < 0)
        return err_virt(r, "unable to get the node's CPU map");
    char *ranges = cpumap_format(map, ncpus);
    struct buf text = BUF_INIT;
    json_t *online_ids = json_array();
    for (int i = 0; i < ncpus; i++) {
        buf_addc(&text, VIR_CPU_USED(map, i) ? 'y' : '-');
        if (VIR_CPU_USED(map, i))
            json_array_append_new(online_ids, json_integer(i));
    }
    out_field_int(r, "CPUs present", "present", ncpus);
    out_field_int(r, "CPUs online", "online", online);
    out_field(r, "CPU map", "map", online_ids,
              args_has(a, "pretty") ? ranges : buf_str(&text));
    buf_free(&text);
    free(ranges);
    free(map);
    return LVSH_OK;
}

static const struct lvsh_opt opts_nodecpumap[] = {
    { .name = "pretty", .type = LVSH_OPT_BOOL,
      .help = "print the map as ranges of CPU numbers (0-2,5)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodecpumap = {
    .name = "nodecpumap",
    .group = "host",
    .summary = "show which host CPUs are online",
    .description = "Print how many CPUs the host has, how many are online and a map of "
                   "them ('y' online, '-' offline; ranges with --pretty).  In JSON the map "
                   "is the list of online CPU numbers.",
    .opts = opts_nodecpumap,
    .flags = LVSH_CMD_CONN,
    .handler = run_nodecpumap,
};

/* ---- nodecpustats ------------------------------------------------------ */

enum cpu_stat { CPU_USER, CPU_SYSTEM, CPU_IDLE, CPU_IOWAIT, CPU_INTR, CPU_USAGE, CPU__N };
static const char *const cpu_stat_names[CPU__N] = {
    "user", "system", "idle", "iowait", "intr", "usage",
};

struct cpu_sample {
    unsigned long long v[CPU__N];
    bool present[CPU__N];
};

static enum cpu_stat cpu_stat_of(const char *field)
{
    static const struct { const char *field; enum cpu_stat st; } map[] = {
        { VIR_NODE_CPU_STATS_USER, CPU_USER }, { VIR_NODE_CPU_STATS_KERNEL, CPU_SYSTEM },
        { VIR_NODE_CPU_STATS_IDLE, CPU_IDLE }, { VIR_NODE_CPU_STATS_IOWAIT, CPU_IOWAIT },
        { VIR_NODE_CPU_STATS_INTR, CPU_INTR }, { VIR_NODE_CPU_STATS_UTILIZATION, CPU_USAGE },
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(field, map[i].field) == 0)
            return map[i].st;
    return CPU__N;
}

static bool cpu_sample_get(virConnectPtr conn, int cpu, struct cpu_sample *out)
{
    int n = 0;
    memset(out, 0, sizeof(*out));
    if (virNodeGetCPUStats(conn, cpu, NULL, &n, 0) < 0)
        return false;
    virNodeCPUStatsPtr p = xcalloc((size_t)n + 1, sizeof(*p));
    bool ok = virNodeGetCPUStats(conn, cpu, p, &n, 0) == 0;
    for (int i = 0; ok && i < n; i++) {
        enum cpu_stat st = cpu_stat_of(p[i].field);
        if (st < CPU__N) {
            out->v[st] = p[i].value;
            out->present[st] = true;
        }
    }
    free(p);
    return ok;
}

static void cpustats_absolute(struct lvsh_result *r, const struct cpu_sample *c)
{
    char lbl[32];
    json_t *j = json_object();
    for (int i = 0; i < CPU__N; i++) {
        if (!c->present[i])
            continue;
        out_text(r, "%-15s %20llu\n", colon(lbl, sizeof(lbl), cpu_stat_names[i]), c->v[i]);
        json_object_set_new(j, cpu_stat_names[i], json_integer((json_int_t)c->v[i]));
    }
    out_json(r, j);
}

/* The share of the time between two samples, as virsh computes it. */
static void pct_line(struct lvsh_result *r, json_t *j, const char *name, double pct)
{
    char lbl[32];
    out_text(r, "%-15s %5.1lf%%\n", colon(lbl, sizeof(lbl), name), pct);
    json_object_set_new(j, name, isnan(pct) ? json_null() : json_real((double)(long long)(pct * 10 + 0.5) / 10));
}

static void cpustats_percent(struct lvsh_result *r, const struct cpu_sample *c0,
                             const struct cpu_sample *c1)
{
    json_t *j = json_object();
    if (c1->present[CPU_USAGE]) {
        pct_line(r, j, "usage", (double)c1->v[CPU_USAGE]);
        pct_line(r, j, "idle", 100.0 - (double)c1->v[CPU_USAGE]);
        out_json(r, j);
        return;
    }
    double diff[CPU_USAGE], total = 0;
    for (int i = 0; i < CPU_USAGE; i++) {
        diff[i] = (double)(c1->v[i] - c0->v[i]);
        total += diff[i];
    }
    pct_line(r, j, "usage", (diff[CPU_USER] + diff[CPU_SYSTEM]) / total * 100);
    for (int i = 0; i < CPU_USAGE; i++)
        if (c1->present[i])
            pct_line(r, j, cpu_stat_names[i], diff[i] / total * 100);
    out_json(r, j);
}

static enum lvsh_status run_nodecpustats(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    long long cpu = VIR_NODE_CPU_STATS_ALL_CPUS;
    struct cpu_sample c0, c1;
    args_int(a, "cpu", &cpu);
    if (!cpu_sample_get(s->conn, (int)cpu, &c0))
        return err_virt(r, "unable to get the node's CPU statistics");
    if (!args_has(a, "percent")) {
        cpustats_absolute(r, &c0);
        return LVSH_OK;
    }
    if (!c0.present[CPU_USAGE]) {
        /* a second sample one second later; Ctrl-C cuts the wait short */
        for (int i = 0; i < 10 && !session_interrupted(s); i++)
            usleep(100000);
        if (session_interrupted(s))
            return err_fail(r, "interrupted");
    }
    if (!cpu_sample_get(s->conn, (int)cpu, &c1))
        return err_virt(r, "unable to get the node's CPU statistics");
    cpustats_percent(r, &c0, &c1);
    return LVSH_OK;
}

static const struct lvsh_opt opts_nodecpustats[] = {
    { .name = "cpu", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 0,
      .max = 65535, .help = "only this CPU (default: all CPUs together)", .metavar = "cpu" },
    { .name = "percent", .type = LVSH_OPT_BOOL,
      .help = "print percentages over one second instead of cumulative times" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodecpustats = {
    .name = "nodecpustats",
    .group = "host",
    .summary = "show the node's CPU time statistics",
    .description = "Print cumulative user, system, idle and iowait CPU time (nanoseconds) "
                   "of one CPU or of all CPUs together; --percent samples twice one second "
                   "apart and prints each as a share of the elapsed time.",
    .opts = opts_nodecpustats,
    .flags = LVSH_CMD_CONN,
    .handler = run_nodecpustats,
};

/* ---- nodememstats ------------------------------------------------------ */

static enum lvsh_status run_nodememstats(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    long long cell = VIR_NODE_MEMORY_STATS_ALL_CELLS;
    int n = 0;
    args_int(a, "cell", &cell);
    if (virNodeGetMemoryStats(s->conn, (int)cell, NULL, &n, 0) < 0)
        return err_virt(r, "Unable to get number of memory stats");
    virNodeMemoryStatsPtr p = xcalloc((size_t)n + 1, sizeof(*p));
    if (virNodeGetMemoryStats(s->conn, (int)cell, p, &n, 0) < 0) {
        free(p);
        return err_virt(r, "unable to get the node's memory statistics");
    }
    json_t *j = json_object();
    for (int i = 0; i < n; i++) {
        out_text(r, "%-7s: %20llu KiB\n", p[i].field, p[i].value);
        json_object_set_new(j, p[i].field, json_integer((json_int_t)p[i].value * 1024));
    }
    out_json(r, j);
    free(p);
    return LVSH_OK;
}

static const struct lvsh_opt opts_nodememstats[] = {
    { .name = "cell", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 0,
      .max = 65535, .help = "only this NUMA cell (default: all cells)", .metavar = "cell" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodememstats = {
    .name = "nodememstats",
    .group = "host",
    .summary = "show the node's memory statistics",
    .description = "Print total, free, buffers and cached memory of one NUMA cell or of "
                   "the whole host, in KiB (bytes in JSON).",
    .opts = opts_nodememstats,
    .flags = LVSH_CMD_CONN,
    .handler = run_nodememstats,
};

/* ---- node-memory-tune and nodesevinfo ---------------------------------- */

static enum lvsh_status memtune_show(struct lvsh_session *s, struct lvsh_result *r)
{
    int n = 0;
    virTypedParameterPtr p = NULL;
    if (virNodeGetMemoryParameters(s->conn, NULL, &n, 0) < 0)
        return err_virt(r, "Unable to get number of memory parameters");
    p = xcalloc((size_t)n + 1, sizeof(*p));
    if (virNodeGetMemoryParameters(s->conn, p, &n, 0) < 0) {
        free(p);
        return err_virt(r, "unable to get the node's memory parameters");
    }
    out_text(r, "Shared memory:\n");
    for (int i = 0; i < n; i++) {
        char *v = tparam_text(&p[i]);
        out_text(r, "\t%-15s %s\n", p[i].field, v);
        free(v);
    }
    out_json(r, tparams_json(p, n));
    virTypedParamsClear(p, n);
    free(p);
    return LVSH_OK;
}

static enum lvsh_status run_node_memory_tune(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    static const struct { const char *opt, *field; } map[] = {
        { "shm-pages-to-scan", VIR_NODE_MEMORY_SHARED_PAGES_TO_SCAN },
        { "shm-sleep-millisecs", VIR_NODE_MEMORY_SHARED_SLEEP_MILLISECS },
        { "shm-merge-across-nodes", VIR_NODE_MEMORY_SHARED_MERGE_ACROSS_NODES },
    };
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    long long v;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (args_int(a, map[i].opt, &v))
            virTypedParamsAddUInt(&p, &n, &max, map[i].field, (unsigned)v);
    if (n == 0)
        return memtune_show(s, r);
    int rc = virNodeSetMemoryParameters(s->conn, p, n, 0);
    if (rc == 0)
        out_json(r, json_pack("{s:s,s:o}", "action", "tuned", "changed", tparams_json(p, n)));
    virTypedParamsFree(p, n);
    if (rc < 0)
        return err_virt(r, "unable to change the node's memory parameters");
    s->write_generation++;
    return LVSH_OK;
}

static const struct lvsh_opt opts_node_memory_tune[] = {
    { .name = "shm-pages-to-scan", .type = LVSH_OPT_INT, .min = 0, .max = 4294967295LL,
      .flags = LVSH_OPTF_WRITES,
      .help = "pages the shared memory service scans before it sleeps", .metavar = "n" },
    { .name = "shm-sleep-millisecs", .type = LVSH_OPT_INT, .min = 0, .max = 4294967295LL,
      .flags = LVSH_OPTF_WRITES,
      .help = "milliseconds it sleeps before the next scan", .metavar = "ms" },
    { .name = "shm-merge-across-nodes", .type = LVSH_OPT_INT, .min = 0, .max = 1,
      .flags = LVSH_OPTF_WRITES,
      .help = "1 lets pages of different NUMA nodes merge, 0 forbids it", .metavar = "0|1" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_node_memory_tune = {
    .name = "node-memory-tune",
    .group = "host",
    .summary = "show or change the node's shared memory (KSM) parameters",
    .description = "Without options, print the kernel same-page merging parameters and "
                   "counters of the host.  With options, change them (refused under -r).",
    .opts = opts_node_memory_tune,
    .flags = LVSH_CMD_CONN,
    .handler = run_node_memory_tune,
};

static enum lvsh_status run_nodesevinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    (void)a;
    virTypedParameterPtr p = NULL;
    int n = 0;
    if (virNodeGetSEVInfo(s->conn, &p, &n, 0) < 0)
        return err_virt(r, "Unable to get host SEV information");
    for (int i = 0; i < n; i++) {
        char *v = tparam_text(&p[i]);
        char lbl[VIR_TYPED_PARAM_FIELD_LENGTH + 2];
        out_text(r, "%-18s %s\n", colon(lbl, sizeof(lbl), p[i].field), v);
        free(v);
    }
    out_json(r, tparams_json(p, n));
    virTypedParamsFree(p, n);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_nodesevinfo = {
    .name = "nodesevinfo",
    .group = "host",
    .summary = "show the host's AMD SEV capabilities",
    .description = "Print the platform's Secure Encrypted Virtualization parameters (PDH, "
                   "certificate chain, cbitpos, reduced physical bits, ...).",
    .opts = opts_none,
    .flags = LVSH_CMD_CONN,
    .handler = run_nodesevinfo,
};

/* ---- freecell ---------------------------------------------------------- */

static enum lvsh_status freecell_all(struct lvsh_session *s, struct lvsh_result *r)
{
    char *caps = virConnectGetCapabilities(s->conn);
    unsigned long long *ids = NULL, total = 0;
    int n = caps ? xml_xpath_numbers(caps, "/capabilities/host/topology/cells/cell/@id",
                                     &ids) : -1;
    free(caps);
    if (n < 0) {
        free(ids);
        return err_virt(r, "unable to get the NUMA cells from the capabilities");
    }
    /* no cells (the test driver's nodes): virsh prints a zero total */
    unsigned long long *mem = xcalloc((size_t)n + 1, sizeof(*mem));
    int got = n ? virNodeGetCellsFreeMemory(s->conn, mem, (int)ids[0], n) : 0;
    if (got != n) {
        free(ids);
        free(mem);
        return err_virt(r, "failed to get the free memory of the NUMA cells");
    }
    json_t *cells = json_array();
    for (int i = 0; i < n; i++) {
        out_text(r, "%5llu: %10llu KiB\n", ids[i], mem[i] / 1024);
        json_array_append_new(cells, json_pack("{s:I,s:I}", "cell", (json_int_t)ids[i],
                                               "free", (json_int_t)mem[i]));
        total += mem[i];
    }
    out_text(r, "--------------------\n%5s: %10llu KiB\n", "Total", total / 1024);
    out_json(r, json_pack("{s:o,s:I}", "cells", cells, "total", (json_int_t)total));
    free(ids);
    free(mem);
    return LVSH_OK;
}

static enum lvsh_status run_freecell(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    long long cell;
    unsigned long long mem = 0;
    if (args_has(a, "all"))
        return freecell_all(s, r);
    if (args_int(a, "cellno", &cell)) {
        if (virNodeGetCellsFreeMemory(s->conn, &mem, (int)cell, 1) != 1)
            return err_virt(r, "failed to get the free memory of cell %lld", cell);
        out_text(r, "%lld: %llu KiB\n", cell, mem / 1024);
        out_json(r, json_pack("{s:I,s:I}", "cell", (json_int_t)cell, "free",
                              (json_int_t)mem));
        return LVSH_OK;
    }
    mem = virNodeGetFreeMemory(s->conn);
    if (mem == 0)
        return err_lib(r, "failed to get the node's free memory");
    out_text(r, "Total: %llu KiB\n", mem / 1024);
    out_json(r, json_pack("{s:I}", "total", (json_int_t)mem));
    return LVSH_OK;
}

static const char *const excl_all_cellno[] = { "all cellno", NULL };

static const struct lvsh_opt opts_freecell[] = {
    { .name = "cellno", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 0,
      .max = 65535, .help = "only this NUMA cell", .metavar = "cell" },
    { .name = "all", .type = LVSH_OPT_BOOL, .help = "every NUMA cell and the total" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_freecell = {
    .name = "freecell",
    .group = "host",
    .summary = "show free memory of the host or of NUMA cells",
    .description = "Print the host's free memory, that of one NUMA cell (--cellno) or of "
                   "every cell and their total (--all), in KiB (bytes in JSON).",
    .opts = opts_freecell,
    .exclusive = excl_all_cellno,
    .flags = LVSH_CMD_CONN,
    .handler = run_freecell,
};

/* ---- freepages and allocpages ------------------------------------------ */

/* Page sizes (KiB) and cell ids the capabilities list (a host without
 * NUMA topology is one cell, number 0). */
static bool caps_pages_and_cells(struct lvsh_session *s, struct lvsh_result *r,
                                 unsigned long long **sizes, int *nsizes,
                                 unsigned long long **cells, int *ncells)
{
    char *caps = virConnectGetCapabilities(s->conn);
    if (!caps) {
        err_virt(r, "failed to get capabilities");
        return false;
    }
    *nsizes = xml_xpath_numbers(caps, "/capabilities/host/cpu/pages/@size", sizes);
    *ncells = xml_xpath_numbers(caps, "/capabilities/host/topology/cells/cell/@id", cells);
    free(caps);
    if (*ncells <= 0) {
        free(*cells);
        *cells = xcalloc(1, sizeof(**cells));
        *ncells = 1;
    }
    return true;
}

static void freepages_cell(struct lvsh_result *r, json_t *jcells, unsigned long long cell,
                           const unsigned *sizes, int nsizes, const unsigned long long *counts,
                           bool heading)
{
    json_t *jp = json_array();
    if (heading)
        out_text(r, "Node %llu:\n", cell);
    for (int i = 0; i < nsizes; i++) {
        out_text(r, "%uKiB: %llu\n", sizes[i], counts[i]);
        json_array_append_new(jp, json_pack("{s:I,s:I}", "size", (json_int_t)sizes[i] * 1024,
                                            "free", (json_int_t)counts[i]));
    }
    if (heading)
        out_text(r, "\n");
    json_array_append_new(jcells, json_pack("{s:I,s:o}", "cell", (json_int_t)cell,
                                            "pages", jp));
}

/* The page sizes to ask about: --pagesize, else every size the host has. */
static unsigned *freepages_sizes(const struct lvsh_args *a, const unsigned long long *caps,
                                 int ncaps, int *n)
{
    unsigned long long bytes;
    if (args_size(a, "pagesize", &bytes)) {
        unsigned *one = xcalloc(1, sizeof(*one));
        one[0] = (unsigned)(bytes / 1024);
        *n = 1;
        return one;
    }
    unsigned *v = xcalloc((size_t)ncaps + 1, sizeof(*v));
    for (int i = 0; i < ncaps; i++)
        v[i] = (unsigned)caps[i];
    *n = ncaps;
    return v;
}

static enum lvsh_status run_freepages(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    unsigned long long *caps_sizes = NULL, *cells = NULL;
    int ncaps = 0, ncells = 0, nsizes = 0;
    long long cellno;
    bool one = args_int(a, "cellno", &cellno);

    if (!caps_pages_and_cells(s, r, &caps_sizes, &ncaps, &cells, &ncells))
        return LVSH_FAILED;
    unsigned *sizes = freepages_sizes(a, caps_sizes, ncaps, &nsizes);
    free(caps_sizes);
    if (nsizes == 0) {
        free(sizes);
        free(cells);
        return err_fail(r, "the capabilities list no page sizes; give --pagesize");
    }
    if (one) {
        cells[0] = (unsigned long long)cellno;
        ncells = 1;
    }
    unsigned long long *counts = xcalloc((size_t)nsizes, sizeof(*counts));
    json_t *jcells = json_array();
    enum lvsh_status st = LVSH_OK;
    for (int c = 0; c < ncells && st == LVSH_OK; c++) {
        if (virNodeGetFreePages(s->conn, (unsigned)nsizes, sizes, (int)cells[c], 1, counts,
                                0) < 0)
            st = err_virt(r, "failed to get the free pages of cell %llu", cells[c]);
        else
            freepages_cell(r, jcells, cells[c], sizes, nsizes, counts, !one);
    }
    if (st == LVSH_OK)
        out_json(r, one ? json_incref(json_object_get(json_array_get(jcells, 0), "pages"))
                        : json_incref(jcells));
    json_decref(jcells);
    free(sizes);
    free(counts);
    free(cells);
    return st;
}

static const struct lvsh_opt opts_freepages[] = {
    { .name = "cellno", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 0,
      .max = 65535, .help = "only this NUMA cell (default: every cell)", .metavar = "cell" },
    { .name = "pagesize", .type = LVSH_OPT_SIZE, .flags = LVSH_OPTF_POSITIONAL,
      .unit = 1024, .help = "only this page size (KiB, or with a unit: 2M, 1G)" },
    { .name = "all", .type = LVSH_OPT_BOOL,
      .help = "every cell and page size (the default without --cellno)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_freepages = {
    .name = "freepages",
    .group = "host",
    .summary = "show free memory pages per NUMA cell and page size",
    .description = "Print how many pages of each size are free in each NUMA cell.  Without "
                   "--pagesize every size the host supports is shown; without --cellno "
                   "every cell, each under a 'Node N:' heading.  JSON sizes are in bytes.",
    .opts = opts_freepages,
    .exclusive = excl_all_cellno,
    .flags = LVSH_CMD_CONN,
    .handler = run_freepages,
};

static enum lvsh_status run_allocpages(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    unsigned long long bytes = 0;
    long long count = 0, cell = -1;
    args_size(a, "pagesize", &bytes);
    args_int(a, "pagecount", &count);
    bool one = args_int(a, "cellno", &cell);
    unsigned size = (unsigned)(bytes / 1024);
    unsigned long long ucount = (unsigned long long)count;
    unsigned flags = args_flags(a);   /* --add */

    /* startCell -1 means every cell, as libvirt defines it */
    int rc = virNodeAllocPages(s->conn, 1, &size, &ucount, one ? (int)cell : -1,
                               1, flags);
    if (rc < 0)
        return err_lib(r, "failed to allocate %u KiB pages", size);
    out_info(r, "%s %lld pages of %u KiB %s %s", flags ? "Added" : "Set the pool to", count,
             size, one ? "on cell" : "on", one ? args_str(a, "cellno") : "every cell");
    out_json(r, json_pack("{s:I,s:I,s:b,s:i}", "pagesize", (json_int_t)bytes, "pagecount",
                          (json_int_t)count, "add", flags != 0, "cells_changed", rc));
    return LVSH_OK;
}

static const struct lvsh_opt opts_allocpages[] = {
    { .name = "pagesize", .type = LVSH_OPT_SIZE,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_REQUIRED, .unit = 1024,
      .help = "page size (KiB, or with a unit: 2M, 1G)" },
    { .name = "pagecount", .type = LVSH_OPT_INT,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_REQUIRED, .min = 0, .max = 1LL << 40,
      .help = "number of pages", .metavar = "count" },
    { .name = "cellno", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 0,
      .max = 65535, .help = "only this NUMA cell", .metavar = "cell" },
    { .name = "add", .type = LVSH_OPT_BOOL, .flag = VIR_NODE_ALLOC_PAGES_ADD,
      .help = "add the pages to the pool instead of setting its size" },
    { .name = "all", .type = LVSH_OPT_BOOL, .help = "every NUMA cell (the default)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_allocpages = {
    .name = "allocpages",
    .group = "host",
    .summary = "resize the host's pool of huge pages",
    .description = "Set (or with --add, grow) the number of pages of one size the host "
                   "keeps, on one NUMA cell or on every cell.",
    .opts = opts_allocpages,
    .exclusive = excl_all_cellno,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_allocpages,
};

static const char *const suspend_targets[] = { "mem", "disk", "hybrid", NULL };

static enum lvsh_status run_nodesuspend(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    const char *target = args_str(a, "target");
    long long duration = 0;
    unsigned t = strcmp(target, "mem") == 0 ? VIR_NODE_SUSPEND_TARGET_MEM
               : strcmp(target, "disk") == 0 ? VIR_NODE_SUSPEND_TARGET_DISK
               : VIR_NODE_SUSPEND_TARGET_HYBRID;
    args_int(a, "duration", &duration);
    if (virNodeSuspendForDuration(s->conn, t, (unsigned long long)duration, 0) < 0)
        return err_virt(r, "the host was not suspended");
    out_info(r, "Host suspended to %s for %lld seconds", target, duration);
    out_json(r, json_pack("{s:s,s:s,s:I}", "action", "suspended", "target", target,
                          "duration_s", (json_int_t)duration));
    return LVSH_OK;
}

static const struct lvsh_opt opts_nodesuspend[] = {
    { .name = "target", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_REQUIRED, .choices = suspend_targets,
      .complete = LVSH_COMP_CHOICES, .help = "mem (suspend to RAM), disk or hybrid",
      .metavar = "target" },
    { .name = "duration", .type = LVSH_OPT_INT,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_REQUIRED, .min = 0, .max = 1LL << 40,
      .help = "seconds before the host wakes up again", .metavar = "seconds" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_nodesuspend = {
    .name = "nodesuspend",
    .group = "host",
    .summary = "suspend the host for a while",
    .description = "Suspend the whole host to RAM, disk or both and set an RTC alarm to "
                   "wake it after --duration seconds.",
    .opts = opts_nodesuspend,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_nodesuspend,
};

LVSH_FAMILY(host_node) = { &cmd_nodeinfo, &cmd_nodecpumap, &cmd_nodecpustats,
                           &cmd_nodememstats, &cmd_node_memory_tune, &cmd_nodesevinfo,
                           &cmd_freecell, &cmd_freepages, &cmd_allocpages, &cmd_nodesuspend,
                           NULL };
