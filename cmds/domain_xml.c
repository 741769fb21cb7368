/* domain_xml.c: a domain's XML: dumpxml and edit. */
#include "domain_common.h"
#include "edit.h"
#include "result.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- dumpxml ------------------------------------------------------------ */

static enum lvsh_status run_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    (void)s;
    unsigned flags = 0;
    if (args_has(a, "inactive"))
        flags |= VIR_DOMAIN_XML_INACTIVE;
    if (args_has(a, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    if (args_has(a, "update-cpu"))
        flags |= VIR_DOMAIN_XML_UPDATE_CPU;
    if (args_has(a, "migratable"))
        flags |= VIR_DOMAIN_XML_MIGRATABLE;
    virDomainPtr d = args_target(a);
    const char *name = virDomainGetName(d);
    char *xml = virDomainGetXMLDesc(d, flags);
    enum lvsh_status st = LVSH_OK;
    if (!xml) {
        st = err_virt(r, "failed to get the XML of domain '%s'", name);
    } else {
        out_xml(r, xml);
        free(xml);
    }
    return st;
}

static const struct lvsh_opt opts_domain_dumpxml[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "inactive", .type = LVSH_OPT_BOOL,
      .help = "the configuration for its next boot, not the running one" },
    { .name = "security-info", .type = LVSH_OPT_BOOL,
      .help = "include security sensitive information (passwords)" },
    { .name = "update-cpu", .type = LVSH_OPT_BOOL,
      .help = "update the guest CPU according to the host CPU" },
    { .name = "migratable", .type = LVSH_OPT_BOOL, .help = "XML suitable for migration" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_dumpxml = {
    .name = "dumpxml",
    .group = "domain",
    .summary = "print a domain's XML description",
    .description = "Print the domain's XML, the live one for a running domain unless "
                   "--inactive.  --xpath prints only what an expression selects.",
    .opts = opts_domain_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_dumpxml,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- edit --------------------------------------------------------------- */

struct edit_ctx {
    virConnectPtr conn;
    unsigned flags;
    virDomainPtr result;
};

/* Define the edited domain; relaxed ('i' at the question) drops validation. */
static bool edit_define(void *opaque, const char *xml, bool relaxed, struct lvsh_result *r)
{
    struct edit_ctx *c = opaque;
    unsigned flags = relaxed ? c->flags & ~(unsigned)VIR_DOMAIN_DEFINE_VALIDATE : c->flags;
    c->result = flags ? virDomainDefineXMLFlags(c->conn, xml, flags)
                      : virDomainDefineXML(c->conn, xml);
    if (!c->result)
        err_virt(r, "failed to define the edited domain");
    return c->result != NULL;
}

static enum lvsh_status run_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r)
{
    virDomainPtr d = args_target(a);
    const char *name = virDomainGetName(d);
    char *xml = virDomainGetXMLDesc(d, VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE);
    if (!xml)
        return err_virt(r, "failed to get the XML of domain '%s'", name);
    struct edit_ctx c = { s->conn, args_has(a, "skip-validate") ? 0
                                   : VIR_DOMAIN_DEFINE_VALIDATE, NULL };
    struct edit_job job = { .xml = xml, .can_relax = true, .apply = edit_define, .ctx = &c };
    enum edit_outcome o = edit_loop(s, r, &job);
    free(xml);
    if (o == EDIT_UNCHANGED)
        act_done(r, LVSH_KIND_DOMAIN, d, "unchanged",
                 "Domain '%s' XML configuration not changed.", name);
    else if (o == EDIT_APPLIED)
        act_done(r, LVSH_KIND_DOMAIN, c.result, "edited",
                 "Domain '%s' XML configuration edited.", virDomainGetName(c.result));
    if (c.result)
        virDomainFree(c.result);
    return o == EDIT_FAILED ? LVSH_FAILED : LVSH_OK;
}

static const struct lvsh_opt opts_domain_edit[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_PERSISTENT),
    { .name = "skip-validate", .type = LVSH_OPT_BOOL,
      .help = "do not validate the edited XML against the schema" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_edit = {
    .name = "edit",
    .group = "domain",
    .summary = "edit a domain's XML configuration in your editor",
    .description = "Open the domain's persistent XML in $VISUAL or $EDITOR (vi by default) "
                   "and define the result.  Malformed XML or a definition libvirt refuses "
                   "offers to edit again when a terminal is there; an unchanged file "
                   "changes nothing.",
    .opts = opts_domain_edit,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_edit,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_xml) = { &cmd_dumpxml, &cmd_edit, NULL };
