/* domain_lxc.c: lxc-enter-namespace, a command run inside an LXC guest's
 * namespaces (libvirt-lxc), as virsh runs it. */
#include "domain_common.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libvirt/libvirt-lxc.h>

/* The exit statuses of virsh's child when it cannot run the command. */
enum { EXIT_CANCELED = 125, EXIT_CANNOT_INVOKE = 126, EXIT_ENOENT = 127 };

/* In the first child: take the guest's label, cgroup and namespaces, then
 * fork again (a new pid namespace applies to children only) and run argv. */
static void __attribute__((noreturn))
enter_and_run(virDomainPtr d, int nfd, int *fds, virSecurityModelPtr model,
              virSecurityLabelPtr label, char *const *argv)
{
    if (model && virDomainLxcEnterSecurityLabel(model, label, NULL, 0) < 0)
        _exit(EXIT_CANCELED);
    if (virDomainLxcEnterCGroup(d, 0) < 0 ||
        virDomainLxcEnterNamespace(d, (unsigned)nfd, fds, NULL, NULL, 0) < 0)
        _exit(EXIT_CANCELED);
    pid_t pid = fork();
    if (pid < 0)
        _exit(EXIT_CANCELED);
    if (pid == 0) {
        execv(argv[0], argv);
        _exit(errno == ENOENT ? EXIT_ENOENT : EXIT_CANNOT_INVOKE);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            _exit(EXIT_CANNOT_INVOKE);
    if (WIFEXITED(status))
        _exit(WEXITSTATUS(status));
    _exit(EXIT_CANNOT_INVOKE);
}

/* Fork the child that enters the guest and wait for it; a status other
 * than 0 is an error, in virsh's words. */
static enum lvsh_status run_in_guest(virDomainPtr d, int nfd, int *fds,
                                     virSecurityModelPtr model, virSecurityLabelPtr label,
                                     char **argv, struct lvsh_result *r)
{
    fflush(NULL);
    session_local_begin(true);   /* Ctrl-C belongs to the command in the guest */
    pid_t pid = fork();
    if (pid == 0)
        enter_and_run(d, nfd, fds, model, label, argv);
    int err = errno, status = 0;
    for (int i = 0; i < nfd; i++)
        close(fds[i]);
    pid_t w = pid;
    while (pid > 0 && (w = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
        ;
    err = pid < 0 ? err : errno;
    session_local_end();
    if (pid < 0 || w < 0)
        return err_fail(r, "cannot run '%s': %s", argv[0], strerror(err));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return LVSH_OK;
    if (WIFEXITED(status))
        return err_fail(r, "Child process (%lld) unexpected exit status %d", (long long)pid,
                        WEXITSTATUS(status));
    return err_fail(r, "Child process (%lld) unexpected fatal signal %d", (long long)pid,
                    WTERMSIG(status));
}

static enum lvsh_status run_lxc_enter_namespace(struct lvsh_session *s,
                                                const struct lvsh_args *a,
                                                struct lvsh_result *r)
{
    int argc = 0;
    char *const *words = args_rest(a, "cmd", &argc);
    virDomainPtr d = args_target(a);
    virSecurityModel model;
    virSecurityLabel label;
    bool setlabel = !args_has(a, "noseclabel");
    memset(&model, 0, sizeof(model));
    memset(&label, 0, sizeof(label));
    int *fds = NULL;
    int nfd = -1;
    enum lvsh_status st = LVSH_FAILED;
    /* as virsh: the label first, libvirt's own message when refused */
    if (setlabel && (virNodeGetSecurityModel(s->conn, &model) < 0 ||
                     virDomainGetSecurityLabel(d, &label) < 0))
        err_lib(r, "failed to get the security label of domain '%s'", args_target_key(a));
    else if ((nfd = virDomainLxcOpenNamespace(d, &fds, 0)) < 0)
        err_lib(r, "failed to open the namespaces of domain '%s'", args_target_key(a));
    else {
        char **argv = xcalloc((size_t)argc + 1, sizeof(*argv));
        for (int i = 0; i < argc; i++)
            argv[i] = words[i];
        st = run_in_guest(d, nfd, fds, setlabel ? &model : NULL, &label, argv, r);
        free(argv);
    }
    free(fds);
    return st;
}

static const struct lvsh_opt opts_domain_lxc_enter_namespace[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "noseclabel", .type = LVSH_OPT_BOOL,
      .help = "keep lvsh's own security label (do not take the guest's)" },
    { .name = "cmd", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .metavar = "command", .complete = LVSH_COMP_FILE,
      .help = "the program (an absolute path in the guest) and its arguments" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_lxc_enter_namespace = {
    .name = "lxc-enter-namespace",
    .group = "domain",
    .summary = "run a command in an LXC guest's namespaces",
    .description = "Run a program inside a running LXC guest: lvsh forks a child that takes "
                   "the guest's security label (not with --noseclabel), cgroup and "
                   "namespaces, and runs the program there with lvsh's terminal.  A status "
                   "other than 0 fails the command.  Only the LXC driver supports it; use at "
                   "your own risk, as the guest's processes can see the child.",
    .opts = opts_domain_lxc_enter_namespace,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_lxc_enter_namespace,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_lxc) = { &cmd_lxc_enter_namespace, NULL };
