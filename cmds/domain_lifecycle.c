/* domain_lifecycle.c: creating, starting, stopping and undefining domains. */
#include "domain_common.h"
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

static enum lvsh_status run_start(struct lvsh_session *s, const struct lvsh_args *a,
                                  struct lvsh_result *r)
{
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    const char *name = virDomainGetName(d);
    int *fds = NULL;
    unsigned nfds = 0;
    if (virDomainIsActive(d) == 1)   /* virsh's check and words */
        return err_fail(r, "Domain is already active");
    if (args_has(a, "pass-fds") && !dom_parse_fds(args_str(a, "pass-fds"), &fds, &nfds))
        return err_usage(r, "Unable to parse FD number '%s'", args_str(a, "pass-fds"));
    int rc = nfds ? virDomainCreateWithFiles(d, nfds, fds, flags)
             : flags ? virDomainCreateWithFlags(d, flags) : virDomainCreate(d);
    enum lvsh_status st = LVSH_OK;
    if (rc < 0)
        st = err_virt(r, "Failed to start domain '%s'", name);
    else if (!args_has(a, "console") || lvsh_wants_json(s, a))
        act_done(r, LVSH_KIND_DOMAIN, d, "started", "Domain '%s' started", name);
    else if (!s->quiet)   /* said before the console takes the terminal */
        out_stream(r, NULL, "Domain '%s' started\n", name);
    if (rc == 0 && args_has(a, "console"))
        st = dom_console_attach(s, r, d, false);
    free(fds);
    return st;
}

static const struct lvsh_opt opts_domain_start[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_INACTIVE),
    { .name = "console", .type = LVSH_OPT_BOOL,
      .help = "attach to its console once started (needs a terminal)" },
    { .name = "paused", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_PAUSED,
      .help = "leave the guest paused after start" },
    { .name = "autodestroy", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_AUTODESTROY,
      .help = "destroy the guest when this connection closes" },
    { .name = "bypass-cache", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_BYPASS_CACHE,
      .help = "avoid the file system cache when restoring" },
    { .name = "force-boot", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_FORCE_BOOT,
      .help = "boot afresh, discarding any managed save image" },
    { .name = "pass-fds", .type = LVSH_OPT_STRING, .metavar = "N,M,...",
      .help = "open descriptors of lvsh to pass to the guest" },
    { .name = "reset-nvram", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_RESET_NVRAM,
      .help = "re-initialize NVRAM from its template" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_start = {
    .name = "start",
    .group = "domain",
    .summary = "start a defined, inactive domain",
    .description = "Boot a persistent domain that is shut off, or resume it from its managed "
                   "save image if it has one (unless --force-boot).",
    .opts = opts_domain_start,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_start,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_destroy(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    static const struct lvsh_action act = {   /* virsh's words */
        .word = "destroyed", .fail = "Failed to destroy domain '%s'",
        .done = "Domain '%s' destroyed" };
    virDomainPtr d = args_target(a);
    unsigned flags = args_flags(a);
    (void)s;
    return act_report(r, a, flags ? virDomainDestroyFlags(d, flags) : virDomainDestroy(d), &act);
}

static const struct lvsh_opt opts_domain_destroy[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "graceful", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_DESTROY_GRACEFUL,
      .help = "only send SIGTERM, never SIGKILL, to the hypervisor process" },
    { .name = "remove-logs", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_DESTROY_REMOVE_LOGS,
      .help = "also remove the domain's log files (QEMU)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_destroy = {
    .name = "destroy",
    .group = "domain",
    .summary = "stop a domain immediately",
    .description = "Pull the virtual power plug: the guest stops at once without shutting "
                   "down.  A persistent domain stays defined; a transient one disappears.",
    .opts = opts_domain_destroy,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_destroy,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_suspend(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r)
{
    static const struct lvsh_action act = {
        .word = "suspended", .fail = "failed to suspend domain '%s'",
        .done = "Domain '%s' suspended" };
    (void)s;
    return act_report(r, a, virDomainSuspend(args_target(a)), &act);
}

static const struct lvsh_opt opts_domain_suspend[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_suspend = {
    .name = "suspend",
    .group = "domain",
    .summary = "pause a running domain",
    .description = "Stop scheduling the guest's vCPUs; memory stays allocated.  'resume' "
                   "continues it.",
    .opts = opts_domain_suspend,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_suspend,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_resume(struct lvsh_session *s, const struct lvsh_args *a,
                                  struct lvsh_result *r)
{
    static const struct lvsh_action act = {
        .word = "resumed", .fail = "Failed to resume domain '%s'",
        .done = "Domain '%s' resumed" };
    (void)s;
    return act_report(r, a, virDomainResume(args_target(a)), &act);
}

static const struct lvsh_opt opts_domain_resume[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_PAUSED),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_resume = {
    .name = "resume",
    .group = "domain",
    .summary = "resume a paused domain",
    .description = "Let a suspended guest run again.",
    .opts = opts_domain_resume,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_resume,
    .target = LVSH_KIND_DOMAIN,
};


/* ---- create and define -------------------------------------------------- */

static enum lvsh_status run_create(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r)
{
    const char *file = args_str(a, "file");
    unsigned flags = args_flags(a);
    int *fds = NULL;
    unsigned nfds = 0;

    if (args_has(a, "pass-fds") && !dom_parse_fds(args_str(a, "pass-fds"), &fds, &nfds))
        return err_usage(r, "malformed --pass-fds '%s' (expected N,M,...)",
                         args_str(a, "pass-fds"));
    char *xml = xml_read_file(r, file);
    if (!xml) {
        free(fds);
        return LVSH_FAILED;
    }
    virDomainPtr d = nfds ? virDomainCreateXMLWithFiles(s->conn, xml, nfds, fds, flags)
                          : virDomainCreateXML(s->conn, xml, flags);
    free(xml);
    free(fds);
    if (!d)
        return err_virt(r, "Failed to create domain from %s", file);
    enum lvsh_status st = LVSH_OK;
    if (!args_has(a, "console") || lvsh_wants_json(s, a)) {
        act_done(r, LVSH_KIND_DOMAIN, d, "created", "Domain '%s' created from %s",
                 virDomainGetName(d), file);
        out_json_set(r, "file", json_str(file));
    } else if (!s->quiet) {   /* said before the console takes the terminal */
        out_stream(r, NULL, "Domain '%s' created from %s\n", virDomainGetName(d), file);
    }
    /* virsh keeps create's status whatever the console does */
    if (args_has(a, "console"))
        st = dom_console_attach(s, r, d, true);
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_domain_create[] = {
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "file",
      .help = "file with the domain's XML description ('-' for stdin)",
      .complete = LVSH_COMP_FILE },
    { .name = "console", .type = LVSH_OPT_BOOL,
      .help = "attach to its console once created (needs a terminal)" },
    { .name = "paused", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_PAUSED,
      .help = "leave the guest paused after creation" },
    { .name = "autodestroy", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_AUTODESTROY,
      .help = "destroy the guest when this connection closes" },
    { .name = "pass-fds", .type = LVSH_OPT_STRING, .metavar = "N,M,...",
      .help = "pass these open file descriptors to the guest" },
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_VALIDATE,
      .help = "validate the XML against the schema" },
    { .name = "reset-nvram", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_START_RESET_NVRAM,
      .help = "re-initialize NVRAM from its template" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_create = {
    .name = "create",
    .group = "domain",
    .summary = "create and start a transient domain from an XML file",
    .description = "Start a guest from an XML description without defining it: it disappears "
                   "when it stops.  The file must be well-formed XML; errors give its line "
                   "and column.",
    .opts = opts_domain_create,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_create,
};

static void *dom_define_xml(virConnectPtr c, const char *xml, unsigned flags)
{
    return flags ? virDomainDefineXMLFlags(c, xml, flags) : virDomainDefineXML(c, xml);
}

static enum lvsh_status run_define(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r)
{
    static const struct lvsh_from_file how = {
        LVSH_KIND_DOMAIN, dom_define_xml, "defined", "Failed to define domain from %s",
        "Domain '%s' defined from %s", true };
    return act_from_file(s, a, r, &how);
}

static const struct lvsh_opt opts_domain_define[] = {
    { .name = "file", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "file",
      .help = "file with the domain's XML description ('-' for stdin)",
      .complete = LVSH_COMP_FILE },
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_DEFINE_VALIDATE,
      .help = "validate the XML against the schema" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_define = {
    .name = "define",
    .group = "domain",
    .summary = "define a persistent domain from an XML file",
    .description = "Define (or redefine) a domain from its XML description without starting "
                   "it.  lvsh checks that the file is well-formed XML first and reports "
                   "FILE:LINE:COLUMN on an error, so nothing is defined from a broken file.",
    .opts = opts_domain_define,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_define,
};

/* ---- shutdown, reboot, reset -------------------------------------------- */

struct mode_word {
    const char *word;
    unsigned shutdown_flag, reboot_flag;
};

static const struct mode_word mode_words[] = {
    { "acpi", VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN, VIR_DOMAIN_REBOOT_ACPI_POWER_BTN },
    { "agent", VIR_DOMAIN_SHUTDOWN_GUEST_AGENT, VIR_DOMAIN_REBOOT_GUEST_AGENT },
    { "initctl", VIR_DOMAIN_SHUTDOWN_INITCTL, VIR_DOMAIN_REBOOT_INITCTL },
    { "signal", VIR_DOMAIN_SHUTDOWN_SIGNAL, VIR_DOMAIN_REBOOT_SIGNAL },
    { "paravirt", VIR_DOMAIN_SHUTDOWN_PARAVIRT, VIR_DOMAIN_REBOOT_PARAVIRT },
};

/* --mode acpi,agent into flags; false (r filled) on an unknown word. */
static bool parse_modes(const struct lvsh_args *a, bool reboot, unsigned *flags,
                        struct lvsh_result *r)
{
    const char *modes = args_str(a, "mode");
    *flags = 0;
    if (!modes)
        return true;
    char *list = xstrdup(modes), *save = NULL;
    bool ok = true;
    for (char *w = strtok_r(list, ",", &save); w && ok; w = strtok_r(NULL, ",", &save)) {
        size_t i = 0, n = sizeof(mode_words) / sizeof(mode_words[0]);
        while (i < n && strcmp(mode_words[i].word, w) != 0)
            i++;
        if (i == n) {
            err_usage(r, "unknown mode '%s' (expected acpi, agent, initctl, signal or "
                      "paravirt)", w);
            ok = false;
        } else {
            *flags |= reboot ? mode_words[i].reboot_flag : mode_words[i].shutdown_flag;
        }
    }
    free(list);
    return ok;
}

static enum lvsh_status run_shutdown(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    static const struct lvsh_action act = {
        .word = "shutdown", .fail = "failed to shut down domain '%s'",
        .done = "Domain '%s' is being shutdown" };
    unsigned flags;
    virDomainPtr d = args_target(a);
    (void)s;
    if (!parse_modes(a, false, &flags, r))
        return LVSH_USAGE;
    return act_report(r, a, flags ? virDomainShutdownFlags(d, flags) : virDomainShutdown(d),
                      &act);
}

static const struct lvsh_opt opts_domain_shutdown[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "mode", .type = LVSH_OPT_STRING, .metavar = "mode[,mode]",
      .complete = LVSH_COMP_SHUTDOWN_MODE,
      .help = "how to ask the guest: acpi, agent, initctl, signal, paravirt (comma list)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_shutdown = {
    .name = "shutdown",
    .group = "domain",
    .summary = "ask a domain to shut down",
    .description = "Ask the guest OS to power off (ACPI button, guest agent, ...).  The "
                   "command returns at once; the guest may take time, or ignore it.",
    .opts = opts_domain_shutdown,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_shutdown,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_reboot(struct lvsh_session *s, const struct lvsh_args *a,
                                   struct lvsh_result *r)
{
    static const struct lvsh_action act = {
        .word = "reboot", .fail = "failed to reboot domain '%s'",
        .done = "Domain '%s' is being rebooted" };
    unsigned flags;
    (void)s;
    if (!parse_modes(a, true, &flags, r))
        return LVSH_USAGE;
    return act_report(r, a, virDomainReboot(args_target(a), flags), &act);
}

static const struct lvsh_opt opts_domain_reboot[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "mode", .type = LVSH_OPT_STRING, .metavar = "mode[,mode]",
      .complete = LVSH_COMP_SHUTDOWN_MODE,
      .help = "how to ask the guest: acpi, agent, initctl, signal, paravirt (comma list)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_reboot = {
    .name = "reboot",
    .group = "domain",
    .summary = "ask a domain to reboot",
    .description = "Ask the guest OS to restart.  The command returns at once.",
    .opts = opts_domain_reboot,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_reboot,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_reset(struct lvsh_session *s, const struct lvsh_args *a,
                                  struct lvsh_result *r)
{
    static const struct lvsh_action act = {
        .word = "reset", .fail = "failed to reset domain '%s'",
        .done = "Domain '%s' was reset" };
    (void)s;
    return act_report(r, a, virDomainReset(args_target(a), 0), &act);
}

static const struct lvsh_opt opts_domain_active[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_reset = {
    .name = "reset",
    .group = "domain",
    .summary = "reset a domain as if by its reset button",
    .description = "Reset the virtual hardware at once, without asking the guest OS.",
    .opts = opts_domain_active,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_reset,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- autostart, rename, power management -------------------------------- */

static enum lvsh_status run_autostart(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    static const struct lvsh_action act_on = {
        .word = "autostart enabled", .fail = "failed to mark domain '%s' as autostarted",
        .done = "Domain '%s' marked as autostarted" };
    static const struct lvsh_action act_off = {
        .word = "autostart disabled", .fail = "failed to unmark domain '%s' as autostarted",
        .done = "Domain '%s' unmarked as autostarted" };
    bool on = !args_has(a, "disable");
    (void)s;
    enum lvsh_status st = act_report(r, a, virDomainSetAutostart(args_target(a), on),
                                     on ? &act_on : &act_off);
    if (st == LVSH_OK)
        out_json_set(r, "autostart", json_boolean(on));
    return st;
}

static const struct lvsh_opt opts_domain_autostart[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_PERSISTENT),
    { .name = "disable", .type = LVSH_OPT_BOOL, .help = "stop starting it when the host boots" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_autostart = {
    .name = "autostart",
    .group = "domain",
    .summary = "start a domain when the host boots",
    .description = "Mark a persistent domain to be started when libvirtd starts, or with "
                   "--disable stop doing so.",
    .opts = opts_domain_autostart,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_autostart,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_domrename(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    const char *to = args_str(a, "new-name");
    virDomainPtr d = args_target(a);
    (void)s;
    char *old = xstrdup(virDomainGetName(d));
    enum lvsh_status st = LVSH_OK;
    if (virDomainRename(d, to, 0) < 0) {
        st = err_lib(r, "failed to rename domain '%s' to '%s'", old, to);
    } else {
        act_done(r, LVSH_KIND_DOMAIN, d, "renamed", "Domain successfully renamed");
        out_json_set(r, "name", json_str(to));
        out_json_set(r, "old_name", json_str(old));
    }
    free(old);
    return st;
}

static const struct lvsh_opt opts_domain_domrename[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_INACTIVE),
    { .name = "new-name", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "new-name",
      .help = "the domain's new name" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domrename = {
    .name = "domrename",
    .group = "domain",
    .summary = "rename an inactive domain",
    .description = "Give a shut off domain a new name; its UUID stays the same.",
    .opts = opts_domain_domrename,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_domrename,
    .target = LVSH_KIND_DOMAIN,
};

static const char *const pm_targets[] = { "mem", "disk", "hybrid", NULL };

static enum lvsh_status run_dompmsuspend(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    const char *target = args_str(a, "target");
    unsigned t = strcmp(target, "mem") == 0 ? VIR_NODE_SUSPEND_TARGET_MEM
               : strcmp(target, "disk") == 0 ? VIR_NODE_SUSPEND_TARGET_DISK
               : VIR_NODE_SUSPEND_TARGET_HYBRID;
    long long duration = 0;
    args_int(a, "duration", &duration);
    virDomainPtr d = args_target(a);
    const char *name = args_target_key(a);   /* as typed, as virsh */
    (void)s;
    if (virDomainPMSuspendForDuration(d, t, (unsigned long long)duration, 0) < 0)
        return err_virt(r, "failed to suspend domain '%s' to %s", name, target);
    act_done(r, LVSH_KIND_DOMAIN, d, "pmsuspended", "Domain '%s' successfully suspended", name);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domain_dompmsuspend[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    { .name = "target", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "target",
      .help = "mem (suspend to RAM), disk (to disk) or hybrid", .choices = pm_targets,
      .complete = LVSH_COMP_CHOICES },
    { .name = "duration", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_NAMED,
      .min = 0, .max = 0x7fffffff,
      .metavar = "seconds", .help = "wake up after this many seconds" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_dompmsuspend = {
    .name = "dompmsuspend",
    .group = "domain",
    .summary = "suspend a domain through its guest power management",
    .description = "Ask the guest OS, through the guest agent, to suspend to RAM, to disk, "
                   "or both.  Needs a guest agent running in the guest.",
    .opts = opts_domain_dompmsuspend,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_dompmsuspend,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_dompmwakeup(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    static const struct lvsh_action act = {
        .word = "woken up", .fail = "Domain '%s' could not be woken up",
        .done = "Domain '%s' successfully woken up" };
    (void)s;
    return act_report(r, a, virDomainPMWakeup(args_target(a), 0), &act);
}

static const struct lvsh_opt opts_domain_pm[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_dompmwakeup = {
    .name = "dompmwakeup",
    .group = "domain",
    .summary = "wake up a domain suspended by its power management",
    .description = "Wake a guest that dompmsuspend (or the guest itself) suspended.",
    .opts = opts_domain_pm,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_dompmwakeup,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- undefine ----------------------------------------------------------- */

/* A disk of the domain whose storage undefine may remove. */
struct undef_vol {
    char *target;           /* "vda" */
    char *source;           /* a path, or "pool/volume" */
    char *path;             /* the volume's path, when managed */
    virStorageVolPtr vol;   /* NULL when libvirt does not manage it */
    bool wanted;
};

struct undef_plan {
    struct undef_vol *v;
    int n;
};

static void plan_free(struct undef_plan *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->v[i].target);
        free(p->v[i].source);
        free(p->v[i].path);
        if (p->v[i].vol)
            virStorageVolFree(p->v[i].vol);
    }
    free(p->v);
}

static char *xml_prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = n ? xmlGetProp(n, BAD_CAST name) : NULL;
    char *s = v ? xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static xmlNodePtr xml_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name))
            return c;
    return NULL;
}

/* The storage volume behind one <disk>, or NULL when unmanaged. */
static virStorageVolPtr disk_volume(virConnectPtr conn, xmlNodePtr disk, char **source)
{
    xmlNodePtr src = xml_child(disk, "source");
    char *type = xml_prop(disk, "type");
    virStorageVolPtr vol = NULL;
    *source = NULL;
    if (type && strcmp(type, "volume") == 0) {
        char *pool = xml_prop(src, "pool"), *name = xml_prop(src, "volume");
        if (pool && name) {
            *source = xasprintf("%s/%s", pool, name);
            virStoragePoolPtr p = virStoragePoolLookupByName(conn, pool);
            vol = p ? virStorageVolLookupByName(p, name) : NULL;
            if (p)
                virStoragePoolFree(p);
        }
        free(pool);
        free(name);
    } else {
        static const char *const attrs[] = { "file", "dev", "dir", "name" };
        for (size_t i = 0; i < 4 && !*source; i++)
            *source = xml_prop(src, attrs[i]);
        if (*source)
            vol = virStorageVolLookupByPath(conn, *source);
    }
    virResetLastError();
    free(type);
    return vol;
}

/* Collect the domain's disks with a source; false (r filled) on failure. */
static bool plan_collect(virDomainPtr d, struct undef_plan *p, struct lvsh_result *r)
{
    struct dom_xml x;
    if (!dom_xml_load(&x, d, 0, r, virDomainGetName(d)))
        return false;
    xmlNodePtr devs = xml_child(xmlDocGetRootElement(x.doc), "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "disk"))
            continue;
        char *source = NULL;
        virStorageVolPtr vol = disk_volume(virDomainGetConnect(d), c, &source);
        if (!source)
            continue;
        p->v = xrealloc(p->v, (size_t)(p->n + 1) * sizeof(*p->v));
        char *path = vol ? virStorageVolGetPath(vol) : NULL;
        p->v[p->n++] = (struct undef_vol){ xml_prop(xml_child(c, "target"), "dev"),
                                           source, path, vol, false };
    }
    dom_xml_free(&x);
    return true;
}

/* Mark the disks --storage names (targets or sources), or all of them. */
static bool plan_select(struct undef_plan *p, const char *list, struct lvsh_result *r)
{
    if (!list) {
        for (int i = 0; i < p->n; i++)
            p->v[i].wanted = true;
        return true;
    }
    char *copy = xstrdup(list), *save = NULL;
    bool ok = true;
    for (char *w = strtok_r(copy, ",", &save); w && ok; w = strtok_r(NULL, ",", &save)) {
        bool found = false;
        for (int i = 0; i < p->n; i++) {
            if ((p->v[i].target && strcmp(p->v[i].target, w) == 0) ||
                strcmp(p->v[i].source, w) == 0 ||
                (p->v[i].path && strcmp(p->v[i].path, w) == 0)) {
                p->v[i].wanted = found = true;
            }
        }
        if (!found) {
            err_fail(r, "volume '%s' was not found in the domain's definition", w);
            ok = false;
        }
    }
    free(copy);
    return ok;
}

/* Wipe (if asked) and delete one volume; NULL, or what went wrong. */
static char *remove_one(struct undef_vol *v, const struct lvsh_args *a, struct lvsh_result *r)
{
    unsigned dflags = args_has(a, "delete-storage-volume-snapshots")
        ? VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS : 0;
    const char *tgt = v->target ? v->target : "-";
    const char *what = NULL;
    if (args_has(a, "wipe-storage") && virStorageVolWipe(v->vol, 0) < 0)
        what = "wipe";
    else if (virStorageVolDelete(v->vol, dflags) < 0)
        what = "remove";
    if (!what) {
        out_info(r, "Volume '%s'(%s) removed.", tgt, v->source);
        return NULL;
    }
    virErrorPtr e = virGetLastError();
    char *msg = xasprintf("failed to %s storage volume '%s'(%s): %s", what, tgt, v->source,
                          e && e->message ? e->message : "unknown error");
    virResetLastError();
    return msg;
}

/* Remove the selected volumes, going on past failures; how many failed.
 * Problems are warnings in text and a "problem" member in JSON. */
static int plan_remove(struct undef_plan *p, const struct lvsh_args *a, bool json,
                       json_t *arr, struct lvsh_result *r)
{
    int failed = 0;
    for (int i = 0; i < p->n; i++) {
        struct undef_vol *v = &p->v[i];
        char *problem = NULL;
        if (!v->wanted)
            continue;
        if (!v->vol)
            problem = xasprintf("storage volume '%s'(%s) is not managed by libvirt; remove "
                                "it manually", v->target ? v->target : "-", v->source);
        else if ((problem = remove_one(v, a, r)))
            failed++;
        json_t *o = json_pack("{s:o,s:o,s:b}", "target", json_str(v->target),
                              "source", json_str(v->source), "removed", !problem);
        if (problem && json)
            json_object_set_new(o, "problem", json_str(problem));
        else if (problem)
            out_warn(r, "%s", problem);
        json_array_append_new(arr, o);
        free(problem);
    }
    return failed;
}

/* A server that refuses undefine's flags (an older one, the test driver):
 * as virsh, do their work piecewise and undefine without them.  -2 when
 * r is filled already. */
static int undefine_piecewise(virDomainPtr d, unsigned flags, struct lvsh_result *r)
{
    if ((flags & VIR_DOMAIN_UNDEFINE_MANAGED_SAVE) && virDomainHasManagedSaveImage(d, 0) > 0 &&
        virDomainManagedSaveRemove(d, 0) < 0) {
        err_lib(r, "failed to remove the managed save image");
        return -2;
    }
    virResetLastError();
    int nsnap = virDomainSnapshotNum(d, VIR_DOMAIN_SNAPSHOT_LIST_METADATA);
    virResetLastError();
    if (nsnap > 0) {
        if (flags & VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA)
            err_fail(r, "Unable to remove metadata of %d snapshots", nsnap);
        else
            err_fail(r, "Refusing to undefine while %d snapshots exist", nsnap);
        return -2;
    }
    return virDomainUndefine(d);
}

/* Undefine d, then remove the storage the plan selected. */
static enum lvsh_status undefine_with_plan(virDomainPtr d, const struct lvsh_args *a,
                                           struct undef_plan *p, bool json,
                                           struct lvsh_result *r)
{
    unsigned flags = args_flags(a);
    const char *name = args_target_key(a);   /* as typed, as virsh */
    /* as virsh: without --managed-save a managed save image is refused
     * here, in its own words, before libvirt is asked */
    if (!(flags & VIR_DOMAIN_UNDEFINE_MANAGED_SAVE) && virDomainHasManagedSaveImage(d, 0) > 0)
        return err_fail(r, "Refusing to undefine while domain managed save image exists");
    virResetLastError();
    int rc = flags ? virDomainUndefineFlags(d, flags) : virDomainUndefine(d);
    virErrorPtr e = rc < 0 && flags ? virGetLastError() : NULL;
    if (e && (e->code == VIR_ERR_NO_SUPPORT || e->code == VIR_ERR_INVALID_ARG)) {
        virResetLastError();
        if ((rc = undefine_piecewise(d, flags, r)) == -2)
            return LVSH_FAILED;
    }
    if (rc < 0)
        return err_virt(r, "Failed to undefine domain '%s'", name);
    act_done(r, LVSH_KIND_DOMAIN, d, "undefined", "Domain '%s' has been undefined", name);
    if (!p)
        return LVSH_OK;
    json_t *arr = json_array();
    int failed = plan_remove(p, a, json, arr, r);
    out_json_set(r, "volumes", arr);
    if (failed)
        return err_fail(r, "%d storage volume(s) of domain '%s' could not be removed",
                        failed, name);
    return LVSH_OK;
}

static enum lvsh_status run_undefine(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    bool storage = args_has(a, "storage") || args_has(a, "remove-all-storage");
    if (args_has(a, "delete-storage-volume-snapshots") && !args_has(a, "remove-all-storage"))
        return err_usage(r, "--delete-storage-volume-snapshots requires --remove-all-storage");
    if (args_has(a, "wipe-storage") && !storage)
        return err_usage(r, "--wipe-storage requires --storage or --remove-all-storage");
    virDomainPtr d = args_target(a);
    struct undef_plan plan = { NULL, 0 };
    enum lvsh_status st = LVSH_FAILED;
    if (storage && virDomainIsActive(d) == 1)
        err_fail(r, "Storage volume deletion is supported only on stopped domains");
    else if (!storage || (plan_collect(d, &plan, r) &&
                          plan_select(&plan, args_str(a, "storage"), r)))
        st = undefine_with_plan(d, a, storage ? &plan : NULL, lvsh_wants_json(s, a), r);
    plan_free(&plan);
    return st;
}

static const struct lvsh_opt opts_domain_undefine[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_PERSISTENT),
    { .name = "managed-save", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE,
      .help = "remove its managed save image too" },
    { .name = "storage", .type = LVSH_OPT_STRING, .metavar = "target|path[,...]",
      .help = "remove these storage volumes (disk targets or source paths, see domblklist)" },
    { .name = "remove-all-storage", .type = LVSH_OPT_BOOL,
      .help = "remove every storage volume of its disks (use with caution)" },
    LVSH_OPT_ALIAS_OF("delete-snapshots", "delete-storage-volume-snapshots"),
    { .name = "delete-storage-volume-snapshots", .type = LVSH_OPT_BOOL,
      .help = "delete the volumes' snapshots too (needs --remove-all-storage)" },
    { .name = "wipe-storage", .type = LVSH_OPT_BOOL,
      .help = "wipe the data of the removed volumes first" },
    { .name = "snapshots-metadata", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA,
      .help = "remove its snapshot metadata (domain must be inactive)" },
    { .name = "checkpoints-metadata", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA,
      .help = "remove its checkpoint metadata (domain must be inactive)" },
    { .name = "nvram", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_UNDEFINE_NVRAM,
      .help = "remove its NVRAM file" },
    { .name = "keep-nvram", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_UNDEFINE_KEEP_NVRAM,
      .help = "keep its NVRAM file" },
    { .name = "tpm", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_UNDEFINE_TPM,
      .help = "remove its TPM state" },
    { .name = "keep-tpm", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_UNDEFINE_KEEP_TPM,
      .help = "keep its TPM state" },
    LVSH_OPT_END,
};

static const char *const excl_domain_undefine[] = {
    "storage remove-all-storage", "nvram keep-nvram", "tpm keep-tpm", NULL,
};

static const struct lvsh_cmd cmd_undefine = {
    .name = "undefine",
    .group = "domain",
    .summary = "undefine a domain",
    .description = "Remove a domain's persistent configuration: an inactive domain goes "
                   "away, a running one becomes transient.  --storage and "
                   "--remove-all-storage delete the storage volumes behind its disks after "
                   "undefining it (disks libvirt does not manage are left, with a warning).",
    .opts = opts_domain_undefine,
    .exclusive = excl_domain_undefine,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_undefine,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_lifecycle) = {
    &cmd_create, &cmd_define, &cmd_undefine, &cmd_start, &cmd_shutdown, &cmd_reboot, &cmd_reset,
    &cmd_destroy, &cmd_suspend, &cmd_resume, &cmd_autostart, &cmd_domrename,
    &cmd_dompmsuspend, &cmd_dompmwakeup, NULL
};
