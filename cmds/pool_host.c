/* pool_host.c: storage pools as the host offers them: the pool types and
 * formats it supports (pool-capabilities) and the sources it finds
 * (find-storage-pool-sources, -as). */
#include "host_common.h"
#include "lvsh.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const struct lvsh_opt opts_pool_capabilities[] = { LVSH_XPATH_OPTS, LVSH_OPT_END };

static enum lvsh_status run_pool_capabilities(struct lvsh_session *s,
                                                   const struct lvsh_args *a,
                                                   struct lvsh_result *r)
{
    (void)a;
    char *xml = virConnectGetStoragePoolCapabilities(s->conn, 0);
    if (!xml)
        return err_virt(r, "failed to get storage pool capabilities");
    host_out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_pool_capabilities = {
    .name = "pool-capabilities",
    .group = "pool",
    .summary = "print the storage pool types and formats the host supports",
    .description = "Print the storage pool capabilities document: which pool types the "
                   "daemon supports and their source and target formats.",
    .opts = opts_pool_capabilities,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_pool_capabilities,
};

/* ---- storage pool source discovery -------------------------------------- */

static enum lvsh_status find_sources(struct lvsh_session *s, struct lvsh_result *r,
                                     const char *type, const char *spec)
{
    char *xml = virConnectFindStoragePoolSources(s->conn, type, spec, 0);
    if (!xml)
        return err_virt(r, "Failed to find any %s pool sources", type);
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static enum lvsh_status run_find_storage_pool_sources(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    char *spec = NULL;
    if (args_has(a, "srcSpec") && !(spec = xml_read_file(r, args_str(a, "srcSpec"))))
        return LVSH_FAILED;
    enum lvsh_status st = find_sources(s, r, args_str(a, "type"), spec);
    free(spec);
    return st;
}

#define POOL_OPT_TYPE \
    { .name = "type", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "pool type (logical, netfs, iscsi, fs, ...)", .metavar = "type" }

static const struct lvsh_opt opts_find_sources[] = {
    POOL_OPT_TYPE,
    { .name = "srcSpec", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "file with a <source> element saying where to look",
      .complete = LVSH_COMP_FILE, .metavar = "file" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_find_storage_pool_sources = {
    .name = "find-storage-pool-sources",
    .group = "pool",
    .summary = "discover the sources a pool of some type could use",
    .description = "Print the <sources> that a pool of TYPE could use (volume groups, NFS "
                   "exports, iSCSI targets, ...), optionally where a <source> element in "
                   "srcSpec says to look.",
    .opts = opts_find_sources,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_find_storage_pool_sources,
};

/* Text safe inside a single-quoted XML attribute. */
static char *xml_escape_attr(const char *v)
{
    struct buf b = BUF_INIT;
    for (; *v; v++) {
        switch (*v) {
        case '<': buf_adds(&b, "&lt;"); break;
        case '>': buf_adds(&b, "&gt;"); break;
        case '&': buf_adds(&b, "&amp;"); break;
        case '\'': buf_adds(&b, "&apos;"); break;
        case '"': buf_adds(&b, "&quot;"); break;
        default: buf_addc(&b, *v);
        }
    }
    return buf_steal(&b);
}

/* Build the <source> element from --host, --port and --initiator. */
static char *source_spec(const struct lvsh_args *a)
{
    const char *host = args_str(a, "host"), *port = args_str(a, "port");
    const char *iqn = args_str(a, "initiator");
    if (!host && !iqn)
        return NULL;
    struct buf b = BUF_INIT;
    buf_adds(&b, "<source>\n");
    if (host) {
        char *h = xml_escape_attr(host);
        buf_printf(&b, "  <host name='%s'", h);
        free(h);
        if (port)
            buf_printf(&b, " port='%s'", port);
        buf_adds(&b, "/>\n");
    }
    if (iqn) {
        char *i = xml_escape_attr(iqn);
        buf_printf(&b, "  <initiator>\n    <iqn name='%s'/>\n  </initiator>\n", i);
        free(i);
    }
    buf_adds(&b, "</source>\n");
    return buf_steal(&b);
}

static enum lvsh_status run_find_storage_pool_sources_as(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    if (args_has(a, "port") && !args_has(a, "host"))
        return err_usage(r, "--port needs --host");
    char *spec = source_spec(a);
    enum lvsh_status st = find_sources(s, r, args_str(a, "type"), spec);
    free(spec);
    return st;
}

static const struct lvsh_opt opts_find_sources_as[] = {
    POOL_OPT_TYPE,
    { .name = "host", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "host to query", .metavar = "host" },
    { .name = "port", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 1,
      .max = 65535, .help = "port to query", .metavar = "port" },
    { .name = "initiator", .type = LVSH_OPT_STRING, .help = "initiator IQN to query with",
      .metavar = "iqn" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_find_storage_pool_sources_as = {
    .name = "find-storage-pool-sources-as",
    .group = "pool",
    .summary = "discover pool sources on a host given by options",
    .description = "Like find-storage-pool-sources, with the <source> element built from "
                   "--host, --port and --initiator.",
    .opts = opts_find_sources_as,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_find_storage_pool_sources_as,
};

LVSH_FAMILY(pool_host) = { &cmd_pool_capabilities, &cmd_find_storage_pool_sources,
                           &cmd_find_storage_pool_sources_as, NULL };
