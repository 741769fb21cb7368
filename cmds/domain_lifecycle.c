/* domain_lifecycle.c: starting and stopping domains. */
#include "domain_common.h"
#include "util.h"

#include <stdlib.h>

/* Report an action: "Domain 'x' started" in text, an object in JSON. */
static void action_done(struct lvsh_result *r, virDomainPtr d, const char *verb)
{
    json_t *j = dom_json_ref(d);
    json_object_set_new(j, "action", json_string(verb));
    out_json(r, j);
    out_info(r, "Domain '%s' %s", virDomainGetName(d), verb);
}

static enum lvsh_status cmd_domain_start(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    unsigned flags = 0;
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    if (args_has(a, "paused"))
        flags |= VIR_DOMAIN_START_PAUSED;
    if (args_has(a, "autodestroy"))
        flags |= VIR_DOMAIN_START_AUTODESTROY;
    if (args_has(a, "bypass-cache"))
        flags |= VIR_DOMAIN_START_BYPASS_CACHE;
    if (args_has(a, "force-boot"))
        flags |= VIR_DOMAIN_START_FORCE_BOOT;
    if (args_has(a, "reset-nvram"))
        flags |= VIR_DOMAIN_START_RESET_NVRAM;
    int rc = flags ? virDomainCreateWithFlags(d, flags) : virDomainCreate(d);
    enum lvsh_status st = LVSH_OK;
    if (rc < 0)
        st = err_virt(r, "failed to start domain '%s'", virDomainGetName(d));
    else
        action_done(r, d, "started");
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_domain_start[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_INACTIVE),
    { .name = "paused", .type = LVSH_OPT_BOOL, .help = "leave the guest paused after start" },
    { .name = "autodestroy", .type = LVSH_OPT_BOOL,
      .help = "destroy the guest when this connection closes" },
    { .name = "bypass-cache", .type = LVSH_OPT_BOOL,
      .help = "avoid the file system cache when restoring" },
    { .name = "force-boot", .type = LVSH_OPT_BOOL,
      .help = "boot afresh, discarding any managed save image" },
    { .name = "reset-nvram", .type = LVSH_OPT_BOOL, .help = "re-initialize NVRAM from its template" },
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
    .handler = cmd_domain_start,
};

static enum lvsh_status cmd_domain_destroy(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    int rc = args_has(a, "graceful")
        ? virDomainDestroyFlags(d, VIR_DOMAIN_DESTROY_GRACEFUL) : virDomainDestroy(d);
    enum lvsh_status st = LVSH_OK;
    if (rc < 0)
        st = err_virt(r, "failed to destroy domain '%s'", virDomainGetName(d));
    else
        action_done(r, d, "destroyed");
    virDomainFree(d);
    return st;
}

static const struct lvsh_opt opts_domain_destroy[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "graceful", .type = LVSH_OPT_BOOL,
      .help = "only send SIGTERM, never SIGKILL, to the hypervisor process" },
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
    .handler = cmd_domain_destroy,
};

static enum lvsh_status cmd_domain_suspend(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    enum lvsh_status st = LVSH_OK;
    if (virDomainSuspend(d) < 0)
        st = err_virt(r, "failed to suspend domain '%s'", virDomainGetName(d));
    else
        action_done(r, d, "suspended");
    virDomainFree(d);
    return st;
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
    .handler = cmd_domain_suspend,
};

static enum lvsh_status cmd_domain_resume(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    virDomainPtr d = dom_arg(s, a, r);
    if (!d)
        return LVSH_FAILED;
    enum lvsh_status st = LVSH_OK;
    if (virDomainResume(d) < 0)
        st = err_virt(r, "failed to resume domain '%s'", virDomainGetName(d));
    else
        action_done(r, d, "resumed");
    virDomainFree(d);
    return st;
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
    .handler = cmd_domain_resume,
};

LVSH_FAMILY(domain_lifecycle) = { &cmd_start, &cmd_destroy, &cmd_suspend, &cmd_resume, NULL };
