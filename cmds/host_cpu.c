/* host_cpu.c: CPU models, comparison and baseline, against the host CPU
 * or the CPU the hypervisor can provide.
 *
 * Every FILE may hold one or more <cpu> elements (loose or inside a
 * domain), host capabilities, or domain capabilities (whose host-model
 * mode becomes a <cpu>), as virsh accepts. */
#include "lvsh.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#define XML_PARSE_QUIET (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Several top-level <cpu> elements are not a document: wrap them. */
static xmlDocPtr cpu_doc_parse(const char *text)
{
    xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "cpu.xml", NULL, XML_PARSE_QUIET);
    if (doc)
        return doc;
    const char *body = text;
    if (strncmp(body, "<?xml", 5) == 0 && strstr(body, "?>"))
        body = strstr(body, "?>") + 2;
    char *wrapped = xasprintf("<container>%s</container>", body);
    doc = xmlReadMemory(wrapped, (int)strlen(wrapped), "cpu.xml", NULL, XML_PARSE_QUIET);
    free(wrapped);
    return doc;
}

static char *node_xml(xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr b = xmlBufferCreate();
    xmlNodeDump(b, doc, node, 0, 1);
    char *s = xstrdup((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return s;
}

/* The host-model mode of domain capabilities describes a CPU: make it a
 * <cpu>.  cpu-baseline needs the document's <arch> in it (virsh fails with
 * "Missing CPU architecture"); comparison and the hypervisor baseline must
 * not get one (a CPU with <arch> is taken as a host CPU, and without KVM
 * the hypervisor baseline then keeps features QEMU cannot provide). */
static void host_model_to_cpu(xmlXPathContextPtr ctx, xmlNodePtr node, bool with_arch)
{
    xmlNodeSetName(node, BAD_CAST "cpu");
    xmlUnsetProp(node, BAD_CAST "name");
    xmlUnsetProp(node, BAD_CAST "supported");
    if (!with_arch)
        return;
    xmlXPathObjectPtr arch = xmlXPathEvalExpression(BAD_CAST "string(/domainCapabilities/arch)",
                                                    ctx);
    if (arch && arch->stringval && *arch->stringval) {
        xmlNodePtr a = xmlNewNode(NULL, BAD_CAST "arch");
        xmlNodeSetContent(a, arch->stringval);
        if (node->children)
            xmlAddPrevSibling(node->children, a);
        else
            xmlAddChild(node, a);
    }
    xmlXPathFreeObject(arch);
}

/* The <cpu> definitions in text, as XML strings; returns how many. */
static int cpu_defs_extract(const char *text, bool with_arch, char ***out)
{
    static const char *const exprs[] = {
        /* <cpu> elements anywhere but the topology and the domcaps container */
        "//cpu[not(ancestor::cpus) and not(parent::domainCapabilities)]",
        "/domainCapabilities/cpu/mode[@name='host-model' and @supported='yes']",
    };
    int n = 0;
    *out = NULL;
    xmlDocPtr doc = cpu_doc_parse(text);
    if (!doc)
        return -1;
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    for (size_t e = 0; e < sizeof(exprs) / sizeof(exprs[0]); e++) {
        xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST exprs[e], ctx);
        int cnt = obj && obj->nodesetval ? obj->nodesetval->nodeNr : 0;
        for (int i = 0; i < cnt; i++) {
            xmlNodePtr node = obj->nodesetval->nodeTab[i];
            if (e == 1)
                host_model_to_cpu(ctx, node, with_arch);
            *out = xrealloc(*out, (size_t)(n + 1) * sizeof(char *));
            (*out)[n++] = node_xml(doc, node);
        }
        xmlXPathFreeObject(obj);
    }
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return n;
}

static void strv_free(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Read FILE and extract its CPUs; 0 with r filled on failure. */
static int cpu_defs_from_file(struct lvsh_result *r, const char *path, bool with_arch,
                              char ***defs)
{
    char *text = file_read_all(r, path, NULL);
    if (!text)
        return 0;
    int n = cpu_defs_extract(text, with_arch, defs);
    free(text);
    if (n < 0) {
        err_fail(r, "file '%s' is not well-formed XML", path);
        return 0;
    }
    if (n == 0)
        err_fail(r, "File '%s' does not contain any <cpu> element or valid domain XML, "
                 "host capabilities XML, or domain capabilities XML", path);
    return n;
}

/* ---- cpu-models --------------------------------------------------------- */

static enum lvsh_status run_cpu_models(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    char **models = NULL;
    int n = virConnectGetCPUModelNames(s->conn, args_str(a, "arch"), &models, 0);
    if (n < 0)
        return err_virt(r, "failed to get CPU model names");
    json_t *j = json_array();
    if (n == 0)
        out_text(r, "all CPU models are accepted\n");
    for (int i = 0; i < n; i++) {
        out_text(r, "%s\n", models[i]);
        json_array_append_new(j, json_str(models[i]));
    }
    out_json(r, json_pack("{s:o,s:o}", "arch", json_str(args_str(a, "arch")), "models", j));
    strv_free(models, n);
    return LVSH_OK;
}

static const struct lvsh_opt opts_cpu_models[] = {
    { .name = "arch", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "CPU architecture (x86_64, aarch64, ppc64, ...)", .metavar = "arch" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_cpu_models = {
    .name = "cpu-models",
    .group = "host",
    .summary = "list the CPU models known for an architecture",
    .description = "Print the CPU model names libvirt knows for ARCH, one per line (or "
                   "'all CPU models are accepted' when the driver does not restrict them).",
    .opts = opts_cpu_models,
    .flags = LVSH_CMD_CONN,
    .handler = run_cpu_models,
};

/* ---- compare ------------------------------------------------------------ */

static const char *compare_word(int rc)
{
    switch (rc) {
    case VIR_CPU_COMPARE_INCOMPATIBLE: return "incompatible";
    case VIR_CPU_COMPARE_IDENTICAL: return "identical";
    case VIR_CPU_COMPARE_SUPERSET: return "superset";
    default: return "error";
    }
}

/* Print the verdict; an incompatible CPU fails the command, as in virsh. */
static enum lvsh_status compare_report(struct lvsh_result *r, const char *file, int rc,
                                       bool hypervisor)
{
    const char *host = hypervisor ? "the CPU provided by hypervisor on the host"
                                   : "host CPU";
    out_json(r, json_pack("{s:o,s:s}", "file", json_str(file), "result", compare_word(rc)));
    switch (rc) {
    case VIR_CPU_COMPARE_INCOMPATIBLE:
        out_text(r, "CPU described in %s is incompatible with %s\n", file, host);
        return LVSH_FAILED;
    case VIR_CPU_COMPARE_IDENTICAL:
        out_text(r, "CPU described in %s is identical to %s\n", file, host);
        return LVSH_OK;
    default:
        out_text(r, "%s is a superset of CPU described in %s\n",
                 hypervisor ? "The CPU provided by hypervisor on the host" : "Host CPU", file);
        return LVSH_OK;
    }
}

/* cpu-compare and hypervisor-cpu-compare: FILE's first CPU against the
 * host's, or against what the hypervisor can give a guest. */
static enum lvsh_status cpu_compare(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r, bool hypervisor)
{
    const char *file = args_str(a, "file");
    char **defs = NULL;
    int n = cpu_defs_from_file(r, file, false, &defs);
    if (n == 0)
        return LVSH_FAILED;
    int rc = hypervisor
        ? virConnectCompareHypervisorCPU(s->conn, args_str(a, "emulator"), args_str(a, "arch"),
                                         args_str(a, "machine"), args_str(a, "virttype"),
                                         defs[0], args_flags(a))
        : virConnectCompareCPU(s->conn, defs[0], args_flags(a));
    strv_free(defs, n);
    if (rc == VIR_CPU_COMPARE_ERROR)
        return err_virt(r, "Failed to compare %s CPU with %s", hypervisor ? "hypervisor" : "host",
                        file);
    return compare_report(r, file, rc, hypervisor);
}

static enum lvsh_status run_cpu_compare(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    return cpu_compare(s, a, r, false);
}

#define CPU_OPT_FILE(req) \
    { .name = "file", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL | (req), \
      .help = "file with a <cpu> element, host capabilities or domain capabilities", \
      .complete = LVSH_COMP_FILE, .metavar = "file" }
#define CPU_OPT_COMPARE_FLAGS \
    { .name = "error", .type = LVSH_OPT_BOOL, \
      .flag = VIR_CONNECT_COMPARE_CPU_FAIL_INCOMPATIBLE, \
      .help = "report an incompatible CPU as an error with the reason" }, \
    { .name = "validate", .type = LVSH_OPT_BOOL, \
      .flag = VIR_CONNECT_COMPARE_CPU_VALIDATE_XML, \
      .help = "validate the XML against the schema" }
#define CPU_OPT_HYPERVISOR \
    { .name = "virttype", .type = LVSH_OPT_STRING, \
      .help = "virtualization type (kvm, qemu, ...)", .metavar = "type" }, \
    { .name = "emulator", .type = LVSH_OPT_STRING, .help = "path to the emulator binary", \
      .complete = LVSH_COMP_FILE, .metavar = "path" }, \
    { .name = "arch", .type = LVSH_OPT_STRING, .help = "CPU architecture", \
      .metavar = "arch" }, \
    { .name = "machine", .type = LVSH_OPT_STRING, .help = "machine type", \
      .metavar = "machine" }

static const struct lvsh_opt opts_cpu_compare[] = {
    CPU_OPT_FILE(LVSH_OPTF_REQUIRED),
    CPU_OPT_COMPARE_FLAGS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_cpu_compare = {
    .name = "cpu-compare",
    .group = "host",
    .summary = "compare the host CPU with a CPU description",
    .description = "Say whether the CPU described in FILE is identical to, a subset of or "
                   "incompatible with the host CPU; an incompatible CPU exits with status "
                   "1.  FILE may hold a <cpu> element, a domain, host capabilities or "
                   "domain capabilities (its host-model CPU).",
    .opts = opts_cpu_compare,
    .flags = LVSH_CMD_CONN,
    .handler = run_cpu_compare,
};

static enum lvsh_status run_hypervisor_cpu_compare(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    return cpu_compare(s, a, r, true);
}

static const struct lvsh_opt opts_hv_cpu_compare[] = {
    CPU_OPT_FILE(LVSH_OPTF_REQUIRED),
    CPU_OPT_HYPERVISOR,
    CPU_OPT_COMPARE_FLAGS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_hypervisor_cpu_compare = {
    .name = "hypervisor-cpu-compare",
    .group = "host",
    .summary = "compare the CPU the hypervisor provides with a CPU description",
    .description = "Like cpu-compare, but against the CPU the hypervisor can give a guest "
                   "of the given virttype, emulator, arch and machine.",
    .opts = opts_hv_cpu_compare,
    .flags = LVSH_CMD_CONN,
    .handler = run_hypervisor_cpu_compare,
};

/* ---- baseline ----------------------------------------------------------- */

static enum lvsh_status baseline_done(struct lvsh_result *r, char *xml)
{
    if (!xml)
        return err_virt(r, "failed to compute a baseline CPU");
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static enum lvsh_status run_cpu_baseline(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    char **defs = NULL;
    int n = cpu_defs_from_file(r, args_str(a, "file"), true, &defs);
    if (n == 0)
        return LVSH_FAILED;
    char *xml = virConnectBaselineCPU(s->conn, (const char **)defs, (unsigned)n,
                                      args_flags(a));
    strv_free(defs, n);
    return baseline_done(r, xml);
}

#define CPU_OPT_BASELINE_FLAGS \
    { .name = "features", .type = LVSH_OPT_BOOL, \
      .flag = VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES, \
      .help = "list every feature, including those the model implies" }, \
    { .name = "migratable", .type = LVSH_OPT_BOOL, \
      .flag = VIR_CONNECT_BASELINE_CPU_MIGRATABLE, \
      .help = "leave out features that block migration" }

static const struct lvsh_opt opts_cpu_baseline[] = {
    CPU_OPT_FILE(LVSH_OPTF_REQUIRED),
    CPU_OPT_BASELINE_FLAGS,
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_cpu_baseline = {
    .name = "cpu-baseline",
    .group = "host",
    .summary = "compute the CPU every given CPU can provide",
    .description = "Print the most capable CPU that all the CPUs in FILE are compatible "
                   "with (for a migration pool).  FILE may hold several <cpu> elements, "
                   "host capabilities or domain capabilities documents.",
    .opts = opts_cpu_baseline,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_cpu_baseline,
};

static enum lvsh_status run_hypervisor_cpu_baseline(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    const char *file = args_str(a, "file"), *model = args_str(a, "model");
    char **defs = NULL;
    int n;
    if (!file && !model)
        return err_usage(r, "Either --file or --model must be provided");
    if (file) {
        if ((n = cpu_defs_from_file(r, file, false, &defs)) == 0)
            return LVSH_FAILED;
    } else {
        /* a bare model name stands for a custom CPU of that model */
        defs = xcalloc(1, sizeof(char *));
        defs[0] = xasprintf("<cpu mode='custom' match='exact'><model>%s</model></cpu>", model);
        n = 1;
    }
    char *xml = virConnectBaselineHypervisorCPU(s->conn, args_str(a, "emulator"),
                                                args_str(a, "arch"), args_str(a, "machine"),
                                                args_str(a, "virttype"), (const char **)defs,
                                                (unsigned)n, args_flags(a));
    strv_free(defs, n);
    return baseline_done(r, xml);
}

static const char *const excl_file_model[] = { "file model", NULL };

static const struct lvsh_opt opts_hv_cpu_baseline[] = {
    CPU_OPT_FILE(0),
    CPU_OPT_HYPERVISOR,
    CPU_OPT_BASELINE_FLAGS,
    { .name = "model", .type = LVSH_OPT_STRING,
      .help = "a CPU model name instead of a file", .metavar = "model" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_hypervisor_cpu_baseline = {
    .name = "hypervisor-cpu-baseline",
    .group = "host",
    .summary = "compute a baseline CPU the hypervisor can provide",
    .description = "Like cpu-baseline, but the result is a CPU the hypervisor can give a "
                   "guest of the given virttype, emulator, arch and machine.  --model "
                   "names one CPU model instead of a FILE.",
    .opts = opts_hv_cpu_baseline,
    .exclusive = excl_file_model,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_hypervisor_cpu_baseline,
};

LVSH_FAMILY(host_cpu) = { &cmd_cpu_models, &cmd_cpu_compare, &cmd_hypervisor_cpu_compare,
                          &cmd_cpu_baseline, &cmd_hypervisor_cpu_baseline, NULL };
