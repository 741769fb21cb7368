/* domain_misc.c: pokes at a running guest (inject-nmi, send-key,
 * send-process-signal), perf events, lifecycle actions, launch security,
 * memory devices and FD groups. */
#include "domain_util.h"
#include "util.h"
#include "keynames_linux.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const excl_affect[] = { LVSH_AFFECT_EXCL, NULL };

/* Report success of a change as JSON {name, uuid, action}, no text (as virsh). */
static enum lvsh_status done(struct lvsh_result *r, virDomainPtr d, const char *action)
{
    act_json(r, LVSH_KIND_DOMAIN, d, action);
    return LVSH_OK;
}

/* ---- inject-nmi -------------------------------------------------------- */

static enum lvsh_status run_inject_nmi(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    virDomainPtr d = args_target(a);
    if (virDomainInjectNMI(d, 0) < 0)
        return err_virt(r, "failed to inject an NMI into domain '%s'", args_target_key(a));
    return done(r, d, "nmi");
}

static const struct lvsh_opt opts_domain_only[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_inject_nmi = {
    .name = "inject-nmi",
    .group = "domain",
    .summary = "inject a non-maskable interrupt into a guest",
    .description = "Send an NMI to the guest's CPUs, as a watchdog or a debugger would.",
    .opts = opts_domain_only,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_inject_nmi,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- send-key ---------------------------------------------------------- */

static const char *const codesets[] = { "linux", "xt", "atset1", "atset2", "atset3", "os_x",
                                        "xt_kbd", "usb", "win32", "qnum", NULL };

/* A key as a number (decimal, 0x hex, 0 octal) up to 0xffff, or a Linux KEY_ name. */
static int keycode_value(int codeset, const char *key)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(key, &end, 0);
    if (*key && isdigit((unsigned char)*key) && !*end && !errno && v <= 0xffff)
        return (int)v;
    if (codeset != VIR_KEYCODE_SET_LINUX)
        return -1;
    for (size_t i = 0; i < sizeof(keynames_linux) / sizeof(keynames_linux[0]); i++)
        if (strcmp(keynames_linux[i].name, key) == 0)
            return keynames_linux[i].code;
    return -1;
}

static enum lvsh_status run_send_key(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    (void)s;
    const char *cs = args_str(a, "codeset");
    int codeset = 0, nkeys;
    long long hold = 0;
    for (int i = 0; cs && codesets[i]; i++)
        if (strcmp(codesets[i], cs) == 0)
            codeset = i; /* the table follows virKeycodeSet's order */
    char *const *keys = args_rest(a, "keycode", &nkeys);
    if (nkeys > VIR_DOMAIN_SEND_KEY_MAX_KEYS)
        return err_usage(r, "too many keycodes: at most %d", VIR_DOMAIN_SEND_KEY_MAX_KEYS);
    unsigned codes[VIR_DOMAIN_SEND_KEY_MAX_KEYS];
    for (int i = 0; i < nkeys; i++) {
        int v = keycode_value(codeset, keys[i]);
        if (v < 0)
            return err_usage(r, "invalid keycode: '%s'", keys[i]);
        codes[i] = (unsigned)v;
    }
    args_int(a, "holdtime", &hold);
    virDomainPtr d = args_target(a);
    if (virDomainSendKey(d, (unsigned)codeset, (unsigned)hold, codes, nkeys, 0) < 0)
        return err_virt(r, "failed to send keys to domain '%s'", args_target_key(a));
    return done(r, d, "send-key");
}

static const struct lvsh_opt opts_send_key[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "codeset", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED, .choices = codesets,
      .complete = LVSH_COMP_CHOICES, .help = "the codeset of the key codes (default linux)" },
    { .name = "holdtime", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_NAMED,
      .min = 0, .max = 0x7fffffff,
      .help = "how long to hold the keys down, in milliseconds", .metavar = "ms" },
    { .name = "keycode", .type = LVSH_OPT_REST,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "keycode",
      .help = "keys pressed together: numbers, or KEY_* names in the linux codeset" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_send_key = {
    .name = "send-key",
    .group = "domain",
    .summary = "send key presses to a guest",
    .description = "Press the keys together, hold them, then release them.  Keys are "
                   "numbers in the codeset (linux, xt, atset1, atset2, atset3, os_x, "
                   "xt_kbd, win32, usb, qnum) or, in the linux codeset, names such as "
                   "KEY_LEFTCTRL.",
    .opts = opts_send_key,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_send_key,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- send-process-signal ----------------------------------------------- */

/* virDomainProcessSignal's names, in its order */
static const char *const signames[] = {
    "nop", "hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe", "kill", "usr1",
    "segv", "usr2", "pipe", "alrm", "term", "stkflt", "chld", "cont", "stop", "tstp",
    "ttin", "ttou", "urg", "xcpu", "xfsz", "vtalrm", "prof", "winch", "poll", "pwr", "sys",
    NULL };

/* "9", "kill", "SIGKILL", "sigrt3": the signal number, or -1. */
static int signal_value(const char *name)
{
    char *end;
    long v = strtol(name, &end, 10);
    if (*name && !*end)
        return v >= 0 && v <= VIR_DOMAIN_PROCESS_SIGNAL_RT32 ? (int)v : -1;
    if (strncasecmp(name, "sig", 3) == 0)
        name += 3;
    for (int i = 0; signames[i]; i++)
        if (strcasecmp(signames[i], name) == 0)
            return i;
    if (strncasecmp(name, "rt", 2) == 0 && isdigit((unsigned char)name[2])) {
        v = strtol(name + 2, &end, 10);
        if (!*end && v <= 32)
            return VIR_DOMAIN_PROCESS_SIGNAL_RT0 + (int)v;
    }
    return -1;
}

static enum lvsh_status run_send_process_signal(struct lvsh_session *s,
                                                const struct lvsh_args *a,
                                                struct lvsh_result *r)
{
    (void)s;
    long long pid = 0;
    const char *name = args_str(a, "signame");
    args_int(a, "pid", &pid);
    int sig = signal_value(name);
    if (sig < 0)
        return err_usage(r, "malformed signal name: %s", name);
    virDomainPtr d = args_target(a);
    if (virDomainSendProcessSignal(d, pid, (unsigned)sig, 0) < 0)
        return err_virt(r, "failed to send signal %s to process %lld of domain '%s'", name,
                        pid, args_target_key(a));
    return done(r, d, "send-process-signal");
}

static const struct lvsh_opt opts_send_signal[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "pid", .type = LVSH_OPT_INT,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL | LVSH_OPTF_VIRSH_WORD,
      .help = "the process ID in the guest", .metavar = "pid" },
    { .name = "signame", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .choices = NULL,
      .help = "the signal: a number or a name (kill, sigterm, rt3)", .metavar = "signame" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_send_process_signal = {
    .name = "send-process-signal",
    .group = "domain",
    .summary = "send a signal to a process in a guest",
    .description = "Send a signal to a process in the guest (container drivers), by number "
                   "or by name with or without SIG, in any case.",
    .opts = opts_send_signal,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_send_process_signal,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- perf -------------------------------------------------------------- */

/* Add each event of the comma-separated list as a boolean. */
static void perf_add(virTypedParameterPtr *p, int *n, int *max, const char *list, bool on)
{
    char *copy = xstrdup(list), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        virTypedParamsAddBoolean(p, n, max, t, on);
    free(copy);
}

static void perf_show(struct lvsh_result *r, const virTypedParameter *p, int n)
{
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
        out_text(r, "%-15s: %s\n", p[i].field, p[i].value.b ? "enabled" : "disabled");
        json_object_set_new(o, p[i].field, json_boolean(p[i].value.b));
    }
    out_json(r, o);
}

static enum lvsh_status run_perf(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    if (args_str(a, "enable"))
        perf_add(&p, &n, &max, args_str(a, "enable"), true);
    if (args_str(a, "disable"))
        perf_add(&p, &n, &max, args_str(a, "disable"), false);
    if (n > 0 && virDomainSetPerfEvents(d, p, n, flags) < 0) {
        virTypedParamsFree(p, n);
        return err_virt(r, "failed to change the perf events of domain '%s'",
                        args_target_key(a));
    }
    if (n > 0) { /* as virsh: after a change, show what was changed */
        perf_show(r, p, n);
        virTypedParamsFree(p, n);
        return LVSH_OK;
    }
    if (virDomainGetPerfEvents(d, &p, &n, flags) < 0)
        return err_virt(r, "failed to get the perf events of domain '%s'",
                        args_target_key(a));
    perf_show(r, p, n);
    virTypedParamsFree(p, n);
    return LVSH_OK;
}

static const struct lvsh_opt opts_perf[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "enable", .type = LVSH_OPT_STRING, .metavar = "event,...", .flags = LVSH_OPTF_WRITES,
      .help = "perf events to enable (cmt, cpu_cycles, ...)" },
    { .name = "disable", .type = LVSH_OPT_STRING, .metavar = "event,...", .flags = LVSH_OPTF_WRITES,
      .help = "perf events to disable" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_perf = {
    .name = "perf",
    .group = "domain",
    .summary = "show or change a domain's perf events",
    .description = "Print every perf event and whether it is enabled, or enable and "
                   "disable events and print those changed.",
    .opts = opts_perf,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_perf,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- set-lifecycle-action ---------------------------------------------- */

static const char *const lc_types[] = { "poweroff", "reboot", "crash", NULL };
static const char *const lc_actions[] = { "destroy", "restart", "rename-restart", "preserve",
                                          "coredump-destroy", "coredump-restart", NULL };

static int index_of(const char *const *list, const char *s)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return i;
    return -1;
}

static enum lvsh_status run_set_lifecycle_action(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    (void)s;
    int type = index_of(lc_types, args_str(a, "type"));
    int action = index_of(lc_actions, args_str(a, "action"));
    virDomainPtr d = args_target(a);
    if (virDomainSetLifecycleAction(d, (unsigned)type, (unsigned)action,
                                    args_flags(a)) < 0)
        return err_virt(r, "failed to set the %s action of domain '%s'",
                        args_str(a, "type"), args_target_key(a));
    return done(r, d, "set-lifecycle-action");
}

static const struct lvsh_opt opts_lifecycle[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "type", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .choices = lc_types, .complete = LVSH_COMP_CHOICES, .metavar = "type",
      .help = "the event: poweroff, reboot or crash" },
    { .name = "action", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .choices = lc_actions,
      .complete = LVSH_COMP_CHOICES, .metavar = "action",
      .help = "what to do: destroy, restart, rename-restart, preserve, coredump-destroy "
              "or coredump-restart" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_set_lifecycle_action = {
    .name = "set-lifecycle-action",
    .group = "domain",
    .summary = "change what happens when a guest powers off, reboots or crashes",
    .description = "Set the action libvirt takes on a guest's power-off, reboot or crash.",
    .opts = opts_lifecycle,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_set_lifecycle_action,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- domlaunchsecinfo, domsetlaunchsecstate ----------------------------- */

static enum lvsh_status run_domlaunchsecinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr p = NULL;
    int n = 0;
    virDomainPtr d = args_target(a);
    if (virDomainGetLaunchSecurityInfo(d, &p, &n, 0) < 0)
        return err_virt(r, "Unable to get launch security parameters");
    tparams_out(r, p, n);
    virTypedParamsFree(p, n);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_domlaunchsecinfo = {
    .name = "domlaunchsecinfo",
    .group = "domain",
    .summary = "show a domain's launch security parameters",
    .description = "Print the launch security parameters of a guest (AMD SEV: the "
                   "measurement and its policy).",
    .opts = opts_domain_only,
    .flags = LVSH_CMD_CONN,
    .handler = run_domlaunchsecinfo,
    .target = LVSH_KIND_DOMAIN,
};

/* Standard base64 of len bytes. */
static char *base64(const unsigned char *in, size_t len)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char *out = xcalloc(4 * ((len + 2) / 3) + 1, 1), *o = out;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < len ? (unsigned)in[i + 1] << 8 : 0) |
                     (i + 2 < len ? in[i + 2] : 0);
        *o++ = tab[v >> 18 & 63];
        *o++ = tab[v >> 12 & 63];
        *o++ = i + 1 < len ? tab[v >> 6 & 63] : '=';
        *o++ = i + 2 < len ? tab[v & 63] : '=';
    }
    return out;
}

/* Add a file's content, base64-encoded, as a string parameter. */
static bool add_file_b64(struct lvsh_result *r, virTypedParameterPtr *p, int *n, int *max,
                         const char *field, const char *path)
{
    size_t len;
    char *data = file_read_all(r, path, &len);
    if (!data)
        return false;
    char *b = base64((const unsigned char *)data, len);
    virTypedParamsAddString(p, n, max, field, b);
    free(b);
    free(data);
    return true;
}

static enum lvsh_status run_domsetlaunchsecstate(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    long long addr;
    /* as virsh: the domain first, then the two files it needs */
    virDomainPtr d = args_target(a);
    if (!args_has(a, "secrethdr") || !args_has(a, "secret"))
        return err_usage(r, "Both secret and the secret header are required");
    if (!add_file_b64(r, &p, &n, &max, VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_HEADER,
                      args_str(a, "secrethdr")) ||
        !add_file_b64(r, &p, &n, &max, VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET,
                      args_str(a, "secret"))) {
        virTypedParamsFree(p, n);
        return LVSH_FAILED;
    }
    if (args_int(a, "set-address", &addr))
        virTypedParamsAddULLong(&p, &n, &max, VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS,
                                (unsigned long long)addr);
    enum lvsh_status st = LVSH_FAILED;
    if (virDomainSetLaunchSecurityState(d, p, n, 0) < 0) {
        err_virt(r, "failed to set the launch security state of domain '%s'",
                 args_target_key(a));
    } else {
        st = done(r, d, "set-launch-security-state");
    }
    virTypedParamsFree(p, n);
    return st;
}

static const struct lvsh_opt opts_setlaunchsec[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "secrethdr", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED,
      .complete = LVSH_COMP_FILE, .metavar = "file",
      .help = "file holding the secret header" },
    { .name = "secret", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED,
      .complete = LVSH_COMP_FILE, .metavar = "file", .help = "file holding the secret" },
    { .name = "set-address", .type = LVSH_OPT_INT, .min = 0, .max = 0x7fffffffffffffffLL,
      .metavar = "address",
      .help = "guest physical address to write the secret at" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domsetlaunchsecstate = {
    .name = "domsetlaunchsecstate",
    .group = "domain",
    .summary = "inject a launch secret into a guest's memory",
    .description = "Inject a secret into the memory of a paused AMD SEV guest after checking "
                   "its measurement.  The files are sent base64-encoded.",
    .opts = opts_setlaunchsec,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_domsetlaunchsecstate,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- dom-fd-associate ---------------------------------------------------- */

static enum lvsh_status run_dom_fd_associate(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    int *fds = NULL;
    unsigned nfds = 0;
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    if (!dom_parse_fds(args_str(a, "pass-fds"), &fds, &nfds))
        return err_usage(r, "Unable to parse FD number '%s'", args_str(a, "pass-fds"));
    enum lvsh_status st = LVSH_OK;
    if (virDomainFDAssociate(d, args_str(a, "name"), nfds, fds, flags) < 0) {
        st = err_lib(r, "failed to associate descriptors with domain '%s'",
                     args_target_key(a));
    } else {
        act_json(r, LVSH_KIND_DOMAIN, d, "fds associated");
        out_json_set(r, "fdgroup", json_str(args_str(a, "name")));
    }
    free(fds);
    return st;
}

static const struct lvsh_opt opts_fd_associate[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "name", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "name",
      .help = "the FD group's name, as the domain XML refers to it" },
    { .name = "pass-fds", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "N,M,...",
      .help = "lvsh's open descriptors to hand over" },
    { .name = "seclabel-writable", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_WRITABLE,
      .help = "label the files for writing, not only reading" },
    { .name = "seclabel-restore", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_RESTORE,
      .help = "restore the files' security labels when the domain is done with them" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_dom_fd_associate = {
    .name = "dom-fd-associate",
    .group = "domain",
    .summary = "hand open file descriptors to a domain as a named FD group",
    .description = "Pass descriptors lvsh holds open (from the shell that started it: "
                   "3<file) to the domain, as the FD group NAME its disks can use.  The "
                   "association lasts while the connection is open.",
    .opts = opts_fd_associate,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_dom_fd_associate,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_misc) = { &cmd_inject_nmi, &cmd_send_key, &cmd_send_process_signal,
                             &cmd_perf, &cmd_set_lifecycle_action, &cmd_domlaunchsecinfo,
                             &cmd_domsetlaunchsecstate, &cmd_dom_fd_associate, NULL };
