/* domain_save.c: saving RAM state to files and managed save images. */
#include "domain_common.h"
#include "domain_util.h"
#include "bounded.h"
#include "edit.h"
#include "progress.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The --xml file, read and checked; *xml stays NULL when not given. */
static bool read_xml_opt(const struct lvsh_args *a, struct lvsh_result *r, char **xml)
{
    *xml = NULL;
    if (!args_has(a, "xml"))
        return true;
    *xml = xml_read_file(r, args_str(a, "xml"));
    return *xml != NULL;
}

#define OPT_BYPASS(what) \
    { .name = "bypass-cache", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SAVE_BYPASS_CACHE, \
      .help = "avoid the file system cache when " what }
#define OPT_RUNNING(when) \
    { .name = "running", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SAVE_RUNNING, \
      .help = "make it running " when }, \
    { .name = "paused", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SAVE_PAUSED, \
      .help = "make it paused " when }

static const char *const excl_running_paused[] = { "running paused", NULL };

/* ---- a save as a job ----------------------------------------------------- */

/* save and managed save, on the job's thread (file NULL: managed save) */
static int save_call(struct dom_job *j)
{
    const char *name = virDomainGetName(j->d);
    int rc;
    if (!j->file)
        rc = virDomainManagedSave(j->d, j->flags);
    else if (j->flags || j->xml)
        rc = virDomainSaveFlags(j->d, j->file, j->xml, j->flags);
    else
        rc = virDomainSave(j->d, j->file);
    if (rc < 0 && j->file)
        err_virt(j->r, "failed to save domain '%s' to %s", name, j->file);
    else if (rc < 0)
        err_virt(j->r, "failed to save domain '%s' state", name);
    return rc;
}

#define OPT_VERBOSE(what) \
    { .name = "verbose", .type = LVSH_OPT_BOOL, \
      .help = "display the progress of the " what " (on a terminal); Ctrl-C aborts it" }

/* ---- save and restore --------------------------------------------------- */

static enum lvsh_status run_save(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r)
{
    const char *file = args_str(a, "file");
    char *xml;
    if (!read_xml_opt(a, r, &xml))
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    const char *name = args_target_key(a);   /* as typed, as virsh */
    struct dom_job j = { .d = d, .call = save_call, .file = file, .xml = xml,
                         .flags = args_flags(a), .r = r };
    enum lvsh_status st = LVSH_OK;
    if (dom_job_run(s, a, &j, "Save") < 0) {
        st = LVSH_FAILED;
    } else {
        act_done(r, LVSH_KIND_DOMAIN, d, "saved", "\nDomain '%s' saved to %s", name, file);
        out_json_set(r, "file", json_str(file));
    }
    free(xml);
    return st;
}

static const struct lvsh_opt opts_domain_save[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "file",
      .help = "where to save the state (a path on the host running libvirtd)",
      .complete = LVSH_COMP_FILE },
    OPT_BYPASS("saving"),
    { .name = "xml", .type = LVSH_OPT_STRING, .metavar = "file", .complete = LVSH_COMP_FILE,
      .help = "file with updated XML for the domain to restore with" },
    OPT_RUNNING("on restore"),
    OPT_VERBOSE("save"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_save = {
    .name = "save",
    .group = "domain",
    .summary = "save a running domain's state to a file and stop it",
    .description = "Write the guest's RAM and device state to a file, then stop the guest. "
                   "'restore' starts it again from that file.",
    .opts = opts_domain_save,
    .exclusive = excl_running_paused,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_save,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_restore(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    const char *file = args_str(a, "file");
    char *xml;
    if (!read_xml_opt(a, r, &xml))
        return LVSH_FAILED;
    unsigned flags = args_flags(a);
    int rc = flags || xml ? virDomainRestoreFlags(s->conn, file, xml, flags)
                          : virDomainRestore(s->conn, file);
    free(xml);
    if (rc < 0)
        return err_virt(r, "Failed to restore domain from %s", file);
    out_info(r, "Domain restored from %s", file);
    out_json(r, json_pack("{s:s,s:o}", "action", "restored", "file", json_str(file)));
    return LVSH_OK;
}

static const struct lvsh_opt opts_domain_restore[] = {
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "file",
      .help = "the saved state to restore", .complete = LVSH_COMP_FILE },
    OPT_BYPASS("restoring"),
    { .name = "xml", .type = LVSH_OPT_STRING, .metavar = "file", .complete = LVSH_COMP_FILE,
      .help = "file with updated XML for the restored domain" },
    OPT_RUNNING("after restoring"),
    { .name = "reset-nvram", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_SAVE_RESET_NVRAM,
      .help = "re-initialize NVRAM from its template" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_restore = {
    .name = "restore",
    .group = "domain",
    .summary = "restore a domain from a saved state file",
    .description = "Start a domain again from the file 'save' wrote.",
    .opts = opts_domain_restore,
    .exclusive = excl_running_paused,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_restore,
};

/* ---- managed save ------------------------------------------------------- */

static enum lvsh_status run_managedsave(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    virDomainPtr d = args_target(a);
    const char *name = args_target_key(a);   /* as typed, as virsh */
    struct dom_job j = { .d = d, .call = save_call, .flags = args_flags(a), .r = r };
    enum lvsh_status st = LVSH_OK;
    if (dom_job_run(s, a, &j, "Managed save") < 0)
        st = LVSH_FAILED;
    else
        act_done(r, LVSH_KIND_DOMAIN, d, "managed-saved",
                 "\nDomain '%s' state saved by libvirt", name);
    return st;
}

static const struct lvsh_opt opts_domain_managedsave[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    OPT_BYPASS("saving"),
    OPT_RUNNING("on its next start"),
    OPT_VERBOSE("save"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_managedsave = {
    .name = "managedsave",
    .group = "domain",
    .summary = "save a running domain's state where libvirt manages it",
    .description = "Save the guest's state to a file libvirt keeps, and stop it; the next "
                   "'start' resumes it from there.",
    .opts = opts_domain_managedsave,
    .exclusive = excl_running_paused,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_managedsave,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_managedsave_remove(struct lvsh_session *s,
                                               const struct lvsh_args *a, struct lvsh_result *r)
{
    (void)s;
    virDomainPtr d = args_target(a);
    const char *name = args_str(a, "domain");   /* as typed, as virsh */
    enum lvsh_status st = LVSH_OK;
    int has = virDomainHasManagedSaveImage(d, 0);
    if (has < 0)
        st = err_virt(r, "failed to check the managed save image of domain '%s'", name);
    else if (has == 0)
        act_done(r, LVSH_KIND_DOMAIN, d, "none",
                 "Domain '%s' has no manage save image; removal skipped", name);
    else if (virDomainManagedSaveRemove(d, 0) < 0)
        st = err_virt(r, "failed to remove the managed save image of domain '%s'", name);
    else
        act_done(r, LVSH_KIND_DOMAIN, d, "removed",
                 "Removed managedsave image for domain '%s'", name);
    if (st == LVSH_OK)
        out_bare(r);   /* virsh prints no blank line after either message */
    return st;
}

static const struct lvsh_opt opts_domain_inactive[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_INACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_managedsave_remove = {
    .name = "managedsave-remove",
    .group = "domain",
    .summary = "remove a domain's managed save image",
    .description = "Throw away the managed save image, so the next start boots afresh.",
    .opts = opts_domain_inactive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_managedsave_remove,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_managedsave_dumpxml(struct lvsh_session *s,
                                                const struct lvsh_args *a,
                                                struct lvsh_result *r)
{
    (void)s;
    unsigned flags = args_has(a, "security-info") ? VIR_DOMAIN_SAVE_IMAGE_XML_SECURE : 0;
    virDomainPtr d = args_target(a);
    const char *name = args_str(a, "domain");   /* as typed, as virsh */
    char *xml = virDomainManagedSaveGetXMLDesc(d, flags);
    enum lvsh_status st = LVSH_OK;
    if (!xml) {
        st = err_lib(r, "failed to get the managed save XML of domain '%s'",
                      name);
    } else {
        out_xml(r, xml);
        free(xml);
    }
    return st;
}

static const struct lvsh_opt opts_domain_managedsave_dumpxml[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_INACTIVE),
    { .name = "security-info", .type = LVSH_OPT_BOOL,
      .help = "include security sensitive information (passwords)" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_managedsave_dumpxml = {
    .name = "managedsave-dumpxml",
    .group = "domain",
    .summary = "print the XML stored in a domain's managed save image",
    .description = "Print the domain XML that the managed save image will restore with.",
    .opts = opts_domain_managedsave_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_managedsave_dumpxml,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_managedsave_define(struct lvsh_session *s,
                                               const struct lvsh_args *a, struct lvsh_result *r)
{
    (void)s;
    char *xml = xml_read_file(r, args_str(a, "xml"));
    if (!xml)
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    const char *name = args_target_key(a);   /* as typed, as virsh */
    enum lvsh_status st = LVSH_OK;
    if (virDomainManagedSaveDefineXML(d, xml, args_flags(a)) < 0)
        st = err_virt(r, "Failed to update %s XML configuration", name);   /* virsh's */
    else
        act_done(r, LVSH_KIND_DOMAIN, d, "updated",
                 "Managed save state file of domain '%s' updated.", name);
    free(xml);
    return st;
}

static const struct lvsh_opt opts_domain_managedsave_define[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_INACTIVE),
    { .name = "xml", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "file",
      .help = "file with the updated XML", .complete = LVSH_COMP_FILE },
    OPT_RUNNING("on its next start"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_managedsave_define = {
    .name = "managedsave-define",
    .group = "domain",
    .summary = "replace the XML stored in a domain's managed save image",
    .description = "Store new domain XML in the managed save image (only changes that keep "
                   "the guest ABI are accepted).",
    .opts = opts_domain_managedsave_define,
    .exclusive = excl_running_paused,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_managedsave_define,
    .target = LVSH_KIND_DOMAIN,
};

struct msave_ctx {
    virDomainPtr dom;
    unsigned flags;
};

static bool msave_apply(void *opaque, const char *xml, bool relaxed, struct lvsh_result *r)
{
    (void)relaxed;
    struct msave_ctx *c = opaque;
    const char *name = virDomainGetName(c->dom);
    if (virDomainManagedSaveDefineXML(c->dom, xml, c->flags) == 0)
        return true;
    err_virt(r, "failed to update the managed save XML of domain '%s'", name);
    return false;
}

static enum lvsh_status run_managedsave_edit(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    virDomainPtr d = args_target(a);
    const char *name = args_str(a, "domain");   /* as typed, as virsh */
    char *xml = virDomainManagedSaveGetXMLDesc(d, VIR_DOMAIN_SAVE_IMAGE_XML_SECURE);
    if (!xml)
        return err_lib(r, "failed to get the managed save XML of domain '%s'", name);
    struct msave_ctx c = { d, args_flags(a) };
    struct edit_job job = { .xml = xml, .apply = msave_apply, .ctx = &c };
    enum edit_outcome o = edit_loop(s, r, &job);
    free(xml);
    if (o == EDIT_UNCHANGED)
        act_done(r, LVSH_KIND_DOMAIN, d, "unchanged",
                 "Managed save image of Domain '%s' XML configuration not changed.", name);
    else if (o == EDIT_APPLIED)
        act_done(r, LVSH_KIND_DOMAIN, d, "edited",
                 "Managed save image of domain '%s' XML configuration edited.", name);
    return o == EDIT_FAILED ? LVSH_FAILED : LVSH_OK;
}

static const struct lvsh_opt opts_domain_managedsave_edit[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_INACTIVE),
    OPT_RUNNING("on its next start"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_managedsave_edit = {
    .name = "managedsave-edit",
    .group = "domain",
    .summary = "edit the XML stored in a domain's managed save image",
    .description = "Open the managed save image's domain XML in $VISUAL or $EDITOR and store "
                   "the result, offering to edit again on an error.",
    .opts = opts_domain_managedsave_edit,
    .exclusive = excl_running_paused,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_managedsave_edit,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_save) = {
    &cmd_save, &cmd_restore, &cmd_managedsave, &cmd_managedsave_remove,
    &cmd_managedsave_dumpxml, &cmd_managedsave_define, &cmd_managedsave_edit, NULL
};
