/* host_stats.c: `domstats`, bulk statistics of many domains in one call
 * (virConnectGetAllDomainStats, or virDomainListGetStats for named ones).
 *
 * Text is virsh's "Domain: 'x'" blocks of flat "key=value" lines; JSON
 * nests the flat keys: "vcpu.0.time" becomes {"vcpu": {"0": {"time": N}}}. */
#include "host_common.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct { const char *opt; unsigned bit; } stats_groups[] = {
    { "state", VIR_DOMAIN_STATS_STATE },
    { "cpu-total", VIR_DOMAIN_STATS_CPU_TOTAL },
    { "balloon", VIR_DOMAIN_STATS_BALLOON },
    { "vcpu", VIR_DOMAIN_STATS_VCPU },
    { "interface", VIR_DOMAIN_STATS_INTERFACE },
    { "block", VIR_DOMAIN_STATS_BLOCK },
    { "perf", VIR_DOMAIN_STATS_PERF },
    { "iothread", VIR_DOMAIN_STATS_IOTHREAD },
    { "memory", VIR_DOMAIN_STATS_MEMORY },
    { "dirtyrate", VIR_DOMAIN_STATS_DIRTYRATE },
    { "vm", VIR_DOMAIN_STATS_VM },
};

static const struct { const char *opt; unsigned flag; } stats_filters[] = {
    { "list-active", VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE },
    { "list-inactive", VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE },
    { "list-persistent", VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT },
    { "list-transient", VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT },
    { "list-running", VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING },
    { "list-paused", VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED },
    { "list-shutoff", VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF },
    { "list-other", VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER },
    { "enforce", VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS },
    { "backing", VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING },
    { "nowait", VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT },
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static json_t *record_json(const virDomainStatsRecord *rec)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    json_t *stats = json_object();
    virDomainGetUUIDString(rec->dom, uuid);
    for (int i = 0; i < rec->nparams; i++)
        json_set_dotted(stats, rec->params[i].field, stats_param_json(&rec->params[i]));
    return json_pack("{s:o,s:s,s:o}", "name", json_str(virDomainGetName(rec->dom)), "uuid",
                     uuid, "stats", stats);
}

/* Records are separated by a blank line, as virsh does. */
static void record_text(struct lvsh_result *r, const virDomainStatsRecord *rec, bool first)
{
    out_text(r, "%sDomain: '%s'\n", first ? "" : "\n", virDomainGetName(rec->dom));
    for (int i = 0; i < rec->nparams; i++) {
        char *v = tparam_text(&rec->params[i]);
        out_text(r, "  %s=%s\n", rec->params[i].field, v);
        free(v);
    }
}

/* Resolve the named domains; NULL with r filled if one is missing. */
static virDomainPtr *named_domains(struct lvsh_session *s, struct lvsh_result *r,
                                   char *const *names, int n)
{
    virDomainPtr *doms = xcalloc((size_t)n + 1, sizeof(*doms));
    for (int i = 0; i < n; i++) {
        if (!(doms[i] = lookup_domain(s, r, names[i]))) {
            for (int j = 0; j < i; j++)
                virDomainFree(doms[j]);
            free(doms);
            return NULL;
        }
    }
    return doms;
}

static enum lvsh_status run_domstats(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    unsigned groups = 0, flags = 0;
    int nnames = 0, n;
    char *const *names = args_rest(a, "domain", &nnames);
    virDomainStatsRecordPtr *recs = NULL;

    for (size_t i = 0; i < N_OF(stats_groups); i++)
        if (args_has(a, stats_groups[i].opt))
            groups |= stats_groups[i].bit;
    for (size_t i = 0; i < N_OF(stats_filters); i++)
        if (args_has(a, stats_filters[i].opt))
            flags |= stats_filters[i].flag;
    if (nnames > 0) {
        virDomainPtr *doms = named_domains(s, r, names, nnames);
        if (!doms)
            return LVSH_FAILED;
        n = virDomainListGetStats(doms, groups, &recs, flags);
        for (int i = 0; i < nnames; i++)
            virDomainFree(doms[i]);
        free(doms);
    } else {
        /* the daemon's order, as virsh prints it */
        n = virConnectGetAllDomainStats(s->conn, groups, &recs, flags);
    }
    if (n < 0)
        return err_virt(r, "failed to get domain statistics");
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        record_text(r, recs[i], i == 0);
        json_array_append_new(arr, record_json(recs[i]));
    }
    out_json(r, arr);
    virDomainStatsRecordListFree(recs);
    return LVSH_OK;
}

#define GROUP_OPT(n, h) { .name = n, .type = LVSH_OPT_BOOL, .help = h }

static const struct lvsh_opt opts_domstats[] = {
    GROUP_OPT("state", "report the domain state"),
    GROUP_OPT("cpu-total", "report the host CPU time the domain used"),
    GROUP_OPT("balloon", "report balloon statistics"),
    GROUP_OPT("vcpu", "report virtual CPU information"),
    GROUP_OPT("interface", "report network interface statistics"),
    GROUP_OPT("block", "report block device statistics"),
    GROUP_OPT("perf", "report perf event counters"),
    GROUP_OPT("iothread", "report IOThread information"),
    GROUP_OPT("memory", "report memory bandwidth statistics"),
    GROUP_OPT("dirtyrate", "report the memory dirty rate"),
    GROUP_OPT("vm", "report hypervisor-specific statistics"),
    GROUP_OPT("list-active", "only active domains"),
    GROUP_OPT("list-inactive", "only inactive domains"),
    GROUP_OPT("list-persistent", "only persistent domains"),
    GROUP_OPT("list-transient", "only transient domains"),
    GROUP_OPT("list-running", "only running domains"),
    GROUP_OPT("list-paused", "only paused domains"),
    GROUP_OPT("list-shutoff", "only shut off domains"),
    GROUP_OPT("list-other", "only domains in other states"),
    GROUP_OPT("raw", "print values as libvirt gives them (lvsh never rescales them)"),
    GROUP_OPT("enforce", "fail if a requested group is not supported"),
    GROUP_OPT("backing", "add the backing chain to block statistics"),
    GROUP_OPT("nowait", "report only statistics available without waiting"),
    { .name = "domain", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL,
      .help = "only these domains (name, id or uuid)", .complete = LVSH_COMP_DOMAIN,
      .metavar = "domain" },
    LVSH_OPT_END,
};

static const char *const excl_domstats[] = {
    "domain list-active", "domain list-inactive", "domain list-persistent",
    "domain list-transient", "domain list-running", "domain list-paused",
    "domain list-shutoff", "domain list-other", NULL,
};

static const struct lvsh_cmd cmd_domstats = {
    .name = "domstats",
    .group = "monitor",
    .summary = "get statistics of many domains in one call",
    .description = "Print the statistics groups asked for (all the driver has when none "
                   "is given) for every domain, those matching the --list-* filters, or "
                   "the domains named, with one libvirt call, in the order the daemon "
                   "gives them (named ones in the order given).  In JSON each domain is "
                   "{name, uuid, stats} and the flat keys nest: \"vcpu.0.time\" is "
                   "stats.vcpu[\"0\"].time.",
    .opts = opts_domstats,
    .exclusive = excl_domstats,
    .flags = LVSH_CMD_CONN,
    .handler = run_domstats,
};

LVSH_FAMILY(host_stats) = { &cmd_domstats, NULL };
