/* domain_conv.c: a domain's configuration in other forms: native hypervisor
 * config <-> domain XML, and the domain XML inside saved state images. */
#include "lvsh.h"
#include "edit.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* ---- native configuration formats --------------------------------------- */

static enum lvsh_status run_domxml_from_native(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    char *config = file_read_all(r, args_str(a, "config"), NULL);
    if (!config)
        return LVSH_FAILED;
    char *xml = virConnectDomainXMLFromNative(s->conn, args_str(a, "format"), config, 0);
    free(config);
    if (!xml)
        return err_virt(r, "failed to convert the %s configuration to domain XML",
                        args_str(a, "format"));
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static const struct lvsh_opt opts_from_native[] = {
    { .name = "format", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "the native format (qemu-argv, xen-xm, xen-sxpr, xen-xl, vmware-vmx, ...)",
      .metavar = "format" },
    { .name = "config", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "file holding the native configuration", .complete = LVSH_COMP_FILE,
      .metavar = "file" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domxml_from_native = {
    .name = "domxml-from-native",
    .group = "domain",
    .summary = "convert a native guest configuration to domain XML",
    .description = "Convert a hypervisor's own configuration (a QEMU command line, a Xen or "
                   "VMware config file) to libvirt domain XML.",
    .opts = opts_from_native,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_domxml_from_native,
};

/* The domain XML to convert: --xml FILE, or the --domain's current XML. */
static char *to_native_source(struct lvsh_session *s, const struct lvsh_args *a,
                              struct lvsh_result *r)
{
    if (args_has(a, "xml"))
        return xml_read_file(r, args_str(a, "xml"));
    virDomainPtr d = lookup_domain(s, r, args_str(a, "domain"));
    if (!d)
        return NULL;
    char *xml = virDomainGetXMLDesc(d, 0);
    if (!xml)
        err_virt(r, "failed to get the XML of domain '%s'", args_str(a, "domain"));
    virDomainFree(d);
    return xml;
}

static enum lvsh_status run_domxml_to_native(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    if (!args_has(a, "xml") && !args_has(a, "domain"))
        return err_usage(r, "one of --domain or --xml is required");
    char *xml = to_native_source(s, a, r);
    if (!xml)
        return LVSH_FAILED;
    char *native = virConnectDomainXMLToNative(s->conn, args_str(a, "format"), xml, 0);
    free(xml);
    if (!native)
        return err_lib(r, "failed to convert the domain XML to %s", args_str(a, "format"));
    out_text(r, "%s", native);
    out_json(r, json_pack("{s:o,s:o}", "format", json_str(args_str(a, "format")), "config",
                          json_str(native)));
    free(native);
    return LVSH_OK;
}

static const struct lvsh_opt opts_to_native[] = {
    { .name = "format", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "the native format (qemu-argv, xen-xm, ...)", .metavar = "format" },
    { .name = "domain", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED,
      .help = "convert this domain's XML",
      .complete = LVSH_COMP_DOMAIN, .metavar = "domain" },
    { .name = "xml", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "file holding the domain XML", .complete = LVSH_COMP_FILE, .metavar = "file" },
    LVSH_OPT_END,
};

static const char *const excl_domain_xml[] = { "domain xml", NULL };

static const struct lvsh_cmd cmd_domxml_to_native = {
    .name = "domxml-to-native",
    .group = "domain",
    .summary = "convert domain XML to a native guest configuration",
    .description = "Convert domain XML (from --xml FILE, or the current XML of --domain) "
                   "to the hypervisor's own configuration format.",
    .opts = opts_to_native,
    .exclusive = excl_domain_xml,
    .flags = LVSH_CMD_CONN,
    .handler = run_domxml_to_native,
};

/* ---- saved state images ------------------------------------------------- */

static unsigned save_state_flags(const struct lvsh_args *a)
{
    return args_has(a, "running") ? VIR_DOMAIN_SAVE_RUNNING
         : args_has(a, "paused") ? VIR_DOMAIN_SAVE_PAUSED : 0;
}

static enum lvsh_status run_save_image_dumpxml(struct lvsh_session *s,
                                              const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    unsigned flags = args_has(a, "security-info") ? VIR_DOMAIN_SAVE_IMAGE_XML_SECURE : 0;
    char *xml = virDomainSaveImageGetXMLDesc(s->conn, args_str(a, "file"), flags);
    if (!xml)
        return err_lib(r, "failed to read the XML of saved image '%s'", args_str(a, "file"));
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

#define SAVE_OPT_FILE \
    { .name = "file", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .help = "saved state file", \
      .complete = LVSH_COMP_FILE, .metavar = "file" }
#define SAVE_OPTS_STATE \
    { .name = "running", .type = LVSH_OPT_BOOL, .help = "restore the domain running" }, \
    { .name = "paused", .type = LVSH_OPT_BOOL, .help = "restore the domain paused" }

static const struct lvsh_opt opts_save_dumpxml[] = {
    SAVE_OPT_FILE,
    { .name = "security-info", .type = LVSH_OPT_BOOL,
      .help = "include security-sensitive information" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_save_image_dumpxml = {
    .name = "save-image-dumpxml",
    .group = "domain",
    .summary = "print the domain XML stored in a saved state file",
    .description = "Print the domain XML a saved state file (from 'save') will restore.",
    .opts = opts_save_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_save_image_dumpxml,
};

static enum lvsh_status run_save_image_define(struct lvsh_session *s,
                                             const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    const char *file = args_str(a, "file");
    char *xml = xml_read_file(r, args_str(a, "xml"));
    if (!xml)
        return LVSH_FAILED;
    int rc = virDomainSaveImageDefineXML(s->conn, file, xml, save_state_flags(a));
    free(xml);
    if (rc < 0)
        return err_virt(r, "Failed to update %s", file);   /* virsh's words */
    out_info(r, "State file %s updated.", file);
    out_json(r, json_pack("{s:o,s:s}", "file", json_str(file), "action", "updated"));
    return LVSH_OK;
}

static const char *const excl_running_paused[] = { "running paused", NULL };

static const struct lvsh_opt opts_save_define[] = {
    SAVE_OPT_FILE,
    { .name = "xml", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "file with the new domain XML", .complete = LVSH_COMP_FILE, .metavar = "xml" },
    SAVE_OPTS_STATE,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_save_image_define = {
    .name = "save-image-define",
    .group = "domain",
    .summary = "replace the domain XML stored in a saved state file",
    .description = "Store new domain XML (compatible with the saved guest) in a saved "
                   "state file; --running or --paused also sets the state it restores to.",
    .opts = opts_save_define,
    .exclusive = excl_running_paused,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_save_image_define,
};

struct save_edit_ctx {
    virConnectPtr conn;
    const char *file;
    unsigned flags;
};

static bool save_edit_apply(void *opaque, const char *xml, bool relaxed,
                            struct lvsh_result *r)
{
    struct save_edit_ctx *c = opaque;
    (void)relaxed;
    if (virDomainSaveImageDefineXML(c->conn, c->file, xml, c->flags) == 0)
        return true;
    err_virt(r, "failed to update saved image '%s'", c->file);
    return false;
}

static enum lvsh_status run_save_image_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                            struct lvsh_result *r)
{
    const char *file = args_str(a, "file");
    char *xml = virDomainSaveImageGetXMLDesc(s->conn, file, VIR_DOMAIN_SAVE_IMAGE_XML_SECURE);
    if (!xml)
        return err_lib(r, "failed to read the XML of saved image '%s'", file);
    struct save_edit_ctx c = { s->conn, file, save_state_flags(a) };
    /* --running/--paused alone still change the image */
    struct edit_job job = { .xml = xml, .apply = save_edit_apply, .ctx = &c,
                            .apply_unchanged = c.flags != 0 };
    enum edit_outcome o = edit_loop(s, r, &job);
    free(xml);
    if (o == EDIT_FAILED)
        return LVSH_FAILED;
    const char *word = o == EDIT_UNCHANGED ? "unchanged" : "edited";
    if (o == EDIT_UNCHANGED)
        out_info(r, "Saved image %s XML configuration not changed.", file);
    else
        out_info(r, "State file %s edited.", file);
    out_json(r, json_pack("{s:o,s:s}", "file", json_str(file), "action", word));
    return LVSH_OK;
}

static const struct lvsh_opt opts_save_edit[] = {
    SAVE_OPT_FILE,
    SAVE_OPTS_STATE,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_save_image_edit = {
    .name = "save-image-edit",
    .group = "domain",
    .summary = "edit the domain XML stored in a saved state file",
    .description = "Open the saved image's domain XML in $VISUAL or $EDITOR and store the "
                   "result back.",
    .opts = opts_save_edit,
    .exclusive = excl_running_paused,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_save_image_edit,
};

LVSH_FAMILY(domain_conv) = { &cmd_domxml_from_native, &cmd_domxml_to_native,
                             &cmd_save_image_dumpxml, &cmd_save_image_define,
                             &cmd_save_image_edit, NULL };
