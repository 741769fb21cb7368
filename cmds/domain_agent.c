/* domain_agent.c: commands answered by the guest agent inside a domain
 * (file system freeze/thaw/trim, users' SSH keys and passwords, guest
 * information, guest vCPUs, the agent's timeout and raw agent commands). */
#include "domain_util.h"
#include "util.h"

#include <libvirt/libvirt-qemu.h>
#include <stdlib.h>
#include <string.h>

/* ---- domfsfreeze, domfsthaw, domfstrim ---------------------------------- */

static enum lvsh_status fs_freeze_thaw(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r, bool freeze)
{
    (void)s;
    int n = 0;
    char *const *mnt = args_rest(a, "mountpoint", &n);
    virDomainPtr d = args_target(a);
    int done = freeze ? virDomainFSFreeze(d, (const char **)mnt, (unsigned)n, 0)
                      : virDomainFSThaw(d, (const char **)mnt, (unsigned)n, 0);
    if (done < 0)
        return err_virt(r, freeze ? "Unable to freeze filesystems"
                                  : "Unable to thaw filesystems");
    out_info(r, freeze ? "Froze %d filesystem(s)" : "Thawed %d filesystem(s)", done);
    out_json(r, json_pack("{s:i}", freeze ? "frozen" : "thawed", done));
    return LVSH_OK;
}

static enum lvsh_status run_domfsfreeze(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    return fs_freeze_thaw(s, a, r, true);
}

static enum lvsh_status run_domfsthaw(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    return fs_freeze_thaw(s, a, r, false);
}

static const struct lvsh_opt opts_domfsfreeze[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    { .name = "mountpoint", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL,
      .help = "a mount point to freeze (repeatable; default: all)", .metavar = "path",
      .complete = LVSH_COMP_DIR },
    LVSH_OPT_END,
};

static const struct lvsh_opt opts_domfsthaw[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    { .name = "mountpoint", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL,
      .help = "a mount point to thaw (repeatable; default: all)", .metavar = "path",
      .complete = LVSH_COMP_DIR },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domfsfreeze = {
    .name = "domfsfreeze",
    .group = "domain",
    .summary = "freeze a domain's mounted file systems",
    .description = "Ask the guest agent to flush and freeze the guest's mounted file "
                   "systems (all, or the mount points given), e.g. around a disk snapshot.",
    .opts = opts_domfsfreeze,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_domfsfreeze,
    .target = LVSH_KIND_DOMAIN,
};

static const struct lvsh_cmd cmd_domfsthaw = {
    .name = "domfsthaw",
    .group = "domain",
    .summary = "thaw a domain's frozen file systems",
    .description = "Ask the guest agent to thaw file systems frozen by domfsfreeze (all, or "
                   "the mount points given).",
    .opts = opts_domfsthaw,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_domfsthaw,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_domfstrim(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    unsigned long long minimum = 0;
    long long v;
    if (args_int(a, "minimum", &v))
        minimum = (unsigned long long)v;
    virDomainPtr d = args_target(a);
    if (virDomainFSTrim(d, args_str(a, "mountpoint"), minimum, 0) < 0)
        return err_virt(r, "Unable to invoke fstrim");
    out_json(r, json_pack("{s:b}", "trimmed", 1));
    return LVSH_OK;
}

static const struct lvsh_opt opts_domfstrim[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    { .name = "minimum", .type = LVSH_OPT_INT, .min = 0, .max = 0x7fffffffffffffffLL,
      .help = "a hint: skip free ranges smaller than this many bytes", .metavar = "bytes" },
    { .name = "mountpoint", .type = LVSH_OPT_STRING, .complete = LVSH_COMP_DIR,
      .help = "trim only this mount point", .metavar = "path" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domfstrim = {
    .name = "domfstrim",
    .group = "domain",
    .summary = "discard unused blocks of a domain's file systems",
    .description = "Ask the guest agent to run fstrim on the guest's mounted file systems "
                   "(or one mount point), returning unused blocks to the host.",
    .opts = opts_domfstrim,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_domfstrim,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- get-user-sshkeys, set-user-sshkeys --------------------------------- */

#define OPT_USER(help_) \
    { .name = "user", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .help = help_, .metavar = "user" }

static enum lvsh_status run_get_user_sshkeys(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    char **keys = NULL;
    const char *user = args_str(a, "user");
    virDomainPtr d = args_target(a);
    int n = virDomainAuthorizedSSHKeysGet(d, user, &keys, 0);
    if (n < 0)
        return err_lib(r, "failed to get the SSH keys of user '%s'", user);
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        out_text(r, "%s\n", keys[i]);
        json_array_append_new(arr, json_str(keys[i]));
        free(keys[i]);
    }
    free(keys);
    out_json(r, arr);
    return LVSH_OK;
}

static const struct lvsh_opt opts_get_user_sshkeys[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    OPT_USER("the user whose authorized keys to list"),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_get_user_sshkeys = {
    .name = "get-user-sshkeys",
    .group = "domain",
    .summary = "list a guest user's authorized SSH keys",
    .description = "Ask the guest agent for the keys in a user's authorized_keys file.",
    .opts = opts_get_user_sshkeys,
    .flags = LVSH_CMD_CONN,
    .handler = run_get_user_sshkeys,
    .target = LVSH_KIND_DOMAIN,
};

/* The key lines of a file: blank lines and # comments are not keys. */
static char **read_keys(struct lvsh_result *r, const char *path, int *n)
{
    char *text = file_read_all(r, path, NULL);
    if (!text)
        return NULL;
    char **keys = xcalloc(strlen(text) / 2 + 2, sizeof(char *));
    char *save = NULL;
    *n = 0;
    for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
        if (*l && *l != '#')
            keys[(*n)++] = xstrdup(l);
    free(text);
    return keys;
}

static enum lvsh_status run_set_user_sshkeys(struct lvsh_session *s, const struct lvsh_args *a,
                                             struct lvsh_result *r)
{
    (void)s;
    const char *user = args_str(a, "user"), *file = args_str(a, "file");
    unsigned flags = 0;
    char **keys = NULL;
    int n = 0;
    if (args_has(a, "remove"))
        flags |= VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE;
    else if (!args_has(a, "reset"))
        flags |= VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND;
    if (!file && !args_has(a, "reset"))
        return err_fail(r, args_has(a, "remove") ? "Option --file is required by option --remove"
                                                 : "Option --file is required");
    if (file) {
        if (!(keys = read_keys(r, file, &n)))
            return LVSH_FAILED;
        if (n == 0) {
            free(keys);
            return err_fail(r, "File %s contains no keys", file);
        }
    }
    enum lvsh_status st = LVSH_OK;
    if (virDomainAuthorizedSSHKeysSet(args_target(a), user, (const char **)keys, (unsigned)n,
                                      flags) < 0)
        st = err_virt(r, "failed to set the SSH keys of user '%s'", user);
    else
        out_json(r, json_pack("{s:o,s:i}", "user", json_str(user), "keys", n));
    for (int i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
    return st;
}

static const struct lvsh_opt opts_set_user_sshkeys[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    OPT_USER("the user whose authorized keys to change"),
    { .name = "file", .type = LVSH_OPT_STRING, .complete = LVSH_COMP_FILE,
      .help = "read the keys from this file, one a line (- for stdin)", .metavar = "file" },
    { .name = "reset", .type = LVSH_OPT_BOOL,
      .help = "empty the authorized keys file before adding the keys" },
    { .name = "remove", .type = LVSH_OPT_BOOL,
      .help = "remove the keys from the authorized keys file" },
    LVSH_OPT_END,
};

static const char *const set_sshkeys_exclusive[] = { "reset remove", NULL };

static const struct lvsh_cmd cmd_set_user_sshkeys = {
    .name = "set-user-sshkeys",
    .group = "domain",
    .summary = "change a guest user's authorized SSH keys",
    .description = "Through the guest agent, append the keys of --file to a user's "
                   "authorized_keys file, replace it (--reset) or remove keys (--remove).",
    .opts = opts_set_user_sshkeys,
    .exclusive = set_sshkeys_exclusive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_set_user_sshkeys,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- set-user-password -------------------------------------------------- */

static enum lvsh_status run_set_user_password(struct lvsh_session *s, const struct lvsh_args *a,
                                              struct lvsh_result *r)
{
    (void)s;
    const char *user = args_str(a, "user");
    char *pw = (char *)args_str(a, "password");  /* the parser's copy: wiped below */
    unsigned flags = args_flags(a);
    enum lvsh_status st = LVSH_FAILED;
    virDomainPtr d = args_target(a);
    if (virDomainSetUserPassword(d, user, pw, flags) < 0) {
        err_virt(r, "failed to set the password of user '%s'", user);
    } else {
        out_info(r, "Password set successfully for %s in %s", user, virDomainGetName(d));
        out_bare(r);   /* virsh's message has no newline of its own */
        out_json(r, json_pack("{s:o,s:o}", "user", json_str(user), "domain",
                              json_str(virDomainGetName(d))));
        st = LVSH_OK;
    }
    wipe(pw, strlen(pw));
    return st;
}

static const struct lvsh_opt opts_set_user_password[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    OPT_USER("the guest user"),
    { .name = "password", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL | LVSH_OPTF_SECRET,
      .help = "the new password", .metavar = "password" },
    { .name = "encrypted", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_PASSWORD_ENCRYPTED,
      .help = "the password is already encrypted (a crypt(3) hash)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_set_user_password = {
    .name = "set-user-password",
    .group = "domain",
    .summary = "change a guest user's password",
    .description = "Set the password of a user inside a running domain through the guest "
                   "agent.  The line carrying the password never enters the history.",
    .opts = opts_set_user_password,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES | LVSH_CMD_NO_HISTORY,
    .handler = run_set_user_password,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- guest-agent-timeout ------------------------------------------------ */

static enum lvsh_status run_guest_agent_timeout(struct lvsh_session *s,
                                                const struct lvsh_args *a,
                                                struct lvsh_result *r)
{
    (void)s;
    long long t = VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_BLOCK;
    args_int(a, "timeout", &t);
    virDomainPtr d = args_target(a);
    if (virDomainAgentSetResponseTimeout(d, (int)t, 0) < 0)
        return err_lib(r, "failed to set the guest agent timeout of domain '%s'",
                   args_str(a, "domain"));
    out_json(r, json_pack("{s:I}", "timeout", (json_int_t)t));
    return LVSH_OK;
}

static const struct lvsh_opt opts_guest_agent_timeout[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "timeout", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_NAMED,
      .min = -2, .max = 0x7fffffff,
      .help = "seconds to wait for the agent (-2 forever, the default; -1 the "
              "driver's default; 0 not at all)", .metavar = "seconds" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_guest_agent_timeout = {
    .name = "guest-agent-timeout",
    .group = "domain",
    .summary = "set how long to wait for the guest agent",
    .description = "Set the number of seconds libvirt waits for the guest agent's answers.",
    .opts = opts_guest_agent_timeout,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_guest_agent_timeout,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- guestinfo ---------------------------------------------------------- */

static const struct {
    const char *opt;
    unsigned flag;
} guestinfo_types[] = {
    { "user", VIR_DOMAIN_GUEST_INFO_USERS },
    { "os", VIR_DOMAIN_GUEST_INFO_OS },
    { "timezone", VIR_DOMAIN_GUEST_INFO_TIMEZONE },
    { "hostname", VIR_DOMAIN_GUEST_INFO_HOSTNAME },
    { "filesystem", VIR_DOMAIN_GUEST_INFO_FILESYSTEM },
    { "disk", VIR_DOMAIN_GUEST_INFO_DISKS },
    { "interface", VIR_DOMAIN_GUEST_INFO_INTERFACES },
};

static enum lvsh_status run_guestinfo(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    unsigned types = 0;
    virTypedParameterPtr p = NULL;
    int n = 0;
    for (size_t i = 0; i < sizeof(guestinfo_types) / sizeof(guestinfo_types[0]); i++)
        if (args_has(a, guestinfo_types[i].opt))
            types |= guestinfo_types[i].flag;
    virDomainPtr d = args_target(a);
    if (virDomainGetGuestInfo(d, types, &p, &n, 0) < 0)
        return err_lib(r, "failed to get the guest information of domain '%s'",
                   args_str(a, "domain"));
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
        char *v = tparam_text(&p[i]);
        out_text(r, "%-20s: %s\n", p[i].field, v);
        json_object_set_new(o, p[i].field, tparam_json(&p[i]));
        free(v);
    }
    out_json(r, o);
    virTypedParamsFree(p, n);
    return LVSH_OK;
}

static const struct lvsh_opt opts_guestinfo[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    { .name = "user", .type = LVSH_OPT_BOOL, .help = "report the users logged in" },
    { .name = "os", .type = LVSH_OPT_BOOL, .help = "report the operating system" },
    { .name = "timezone", .type = LVSH_OPT_BOOL, .help = "report the time zone" },
    { .name = "hostname", .type = LVSH_OPT_BOOL, .help = "report the host name" },
    { .name = "filesystem", .type = LVSH_OPT_BOOL, .help = "report the file systems" },
    { .name = "disk", .type = LVSH_OPT_BOOL, .help = "report the disks" },
    { .name = "interface", .type = LVSH_OPT_BOOL, .help = "report the network interfaces" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_guestinfo = {
    .name = "guestinfo",
    .group = "domain",
    .summary = "show what the guest agent reports about the guest",
    .description = "Ask the guest agent for users, operating system, time zone, host name, "
                   "file systems, disks and interfaces (every category unless some are "
                   "chosen), as \"name: value\" lines.",
    .opts = opts_guestinfo,
    .flags = LVSH_CMD_CONN,
    .handler = run_guestinfo,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- guestvcpus --------------------------------------------------------- */

static enum lvsh_status run_guestvcpus(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    const char *list = args_str(a, "cpulist");
    bool enable = args_has(a, "enable"), disable = args_has(a, "disable");
    if ((enable || disable) && !list)
        return err_fail(r, "Option --cpulist is required by option --%s",
                        enable ? "enable" : "disable");
    if (list && !enable && !disable)
        return err_fail(r, "One of options --enable or --disable is required by option "
                           "--cpulist");
    virDomainPtr d = args_target(a);
    if (list) {
        if (virDomainSetGuestVcpus(d, list, enable, 0) < 0)
            return err_virt(r, "failed to change the guest vCPUs of domain '%s'",
                            args_str(a, "domain"));
        out_json(r, json_pack("{s:o,s:b}", "cpulist", json_str(list), "enabled", enable));
        return LVSH_OK;
    }
    virTypedParameterPtr p = NULL;
    unsigned int n = 0;
    if (virDomainGetGuestVcpus(d, &p, &n, 0) < 0)
        return err_lib(r, "failed to get the guest vCPUs of domain '%s'",
                   args_str(a, "domain"));
    tparams_out(r, p, (int)n);
    virTypedParamsFree(p, (int)n);
    return LVSH_OK;
}

static const struct lvsh_opt opts_guestvcpus[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    { .name = "cpulist", .type = LVSH_OPT_STRING,
      .help = "the guest CPUs to change, e.g. 1-3,^2", .metavar = "list" },
    { .name = "enable", .type = LVSH_OPT_BOOL, .help = "bring the CPUs of --cpulist online" },
    { .name = "disable", .type = LVSH_OPT_BOOL, .help = "take the CPUs of --cpulist offline" },
    LVSH_OPT_END,
};

static const char *const guestvcpus_exclusive[] = { "enable disable", NULL };

static const struct lvsh_cmd cmd_guestvcpus = {
    .name = "guestvcpus",
    .group = "domain",
    .summary = "show or change the guest's online vCPUs",
    .description = "Without --cpulist, show which vCPUs the guest has online and which it "
                   "could take offline; with --cpulist and --enable or --disable, change "
                   "them through the guest agent.",
    .opts = opts_guestvcpus,
    .exclusive = guestvcpus_exclusive,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_guestvcpus,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- qemu-agent-command ------------------------------------------------- */

/* --timeout, --async and --block into the agent timeout; -99 when misused */
static int agent_cmd_timeout(const struct lvsh_args *a, struct lvsh_result *r)
{
    long long t = VIR_DOMAIN_QEMU_AGENT_COMMAND_DEFAULT;
    bool has_t = args_int(a, "timeout", &t);
    if (has_t + args_has(a, "async") + args_has(a, "block") > 1) {
        err_fail(r, "timeout, async and block options are exclusive");
        return -99;
    }
    if (has_t && t < 1) {
        err_fail(r, "timeout must be positive");
        return -99;
    }
    if (args_has(a, "async"))
        return VIR_DOMAIN_QEMU_AGENT_COMMAND_NOWAIT;
    if (args_has(a, "block"))
        return VIR_DOMAIN_QEMU_AGENT_COMMAND_BLOCK;
    return (int)t;
}

static enum lvsh_status run_qemu_agent_command(struct lvsh_session *s,
                                               const struct lvsh_args *a, struct lvsh_result *r)
{
    (void)s;
    int n = 0;
    char *const *words = args_rest(a, "cmd", &n);
    int timeout = agent_cmd_timeout(a, r);
    if (timeout == -99)
        return LVSH_FAILED;
    struct buf b = BUF_INIT;
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? " " : "", words[i]);
    char *res = virDomainQemuAgentCommand(args_target(a), buf_str(&b), timeout, 0);
    buf_free(&b);
    if (!res)
        return err_lib(r, "failed to run the agent command in domain '%s'",
                       args_target_key(a));
    json_t *j = json_loads(res, JSON_DECODE_ANY, NULL);
    if (j && args_has(a, "pretty")) {
        char *p = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
        out_text(r, "%s\n", p ? p : res);
        free(p);
    } else {
        out_text(r, "%s\n", res);
    }
    out_json(r, j ? j : json_str(res));
    free(res);
    return LVSH_OK;
}

static const struct lvsh_opt opts_qemu_agent_command[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_RUNNING),
    { .name = "timeout", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_NAMED,
      .min = -0x7fffffffLL, .max = 0x7fffffff,
      .help = "seconds to wait for the answer (positive)", .metavar = "seconds" },
    { .name = "async", .type = LVSH_OPT_BOOL, .help = "do not wait for the answer" },
    { .name = "block", .type = LVSH_OPT_BOOL, .help = "wait for the answer forever" },
    { .name = "pretty", .type = LVSH_OPT_BOOL, .help = "indent the JSON answer" },
    { .name = "cmd", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "the agent command, in JSON (words are joined with spaces)",
      .metavar = "json" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_qemu_agent_command = {
    .name = "qemu-agent-command",
    .group = "domain",
    .summary = "run a raw QEMU guest agent command",
    .description = "Send a JSON command to the QEMU guest agent and print its JSON answer. "
                   "libvirt does not track what the command does: use at your own risk.",
    .opts = opts_qemu_agent_command,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_qemu_agent_command,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_agent) = {
    &cmd_domfsfreeze, &cmd_domfsthaw, &cmd_domfstrim, &cmd_get_user_sshkeys,
    &cmd_set_user_sshkeys, &cmd_set_user_password, &cmd_guest_agent_timeout,
    &cmd_guestinfo, &cmd_guestvcpus, &cmd_qemu_agent_command, NULL,
};
