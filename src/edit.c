/* edit.c: sizes as virsh prints them, and editing text in the user's editor. */
#include "lvsh.h"
#include "result.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

char *fmt_size_bytes(unsigned long long bytes)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    double v = (double)bytes;
    size_t u = 0;
    while (v >= 1024.0 && u + 1 < sizeof(units) / sizeof(units[0])) {
        v /= 1024.0;
        u++;
    }
    return xasprintf("%.2f %s", v, units[u]);
}

bool lvsh_wants_json(const struct lvsh_session *s, const struct lvsh_args *a)
{
    return a->json == 1 || s->format == LVSH_FMT_JSON;
}

char *edit_in_editor(struct lvsh_session *s, struct lvsh_result *r, const char *text,
                     const char *suffix, bool *changed)
{
    const char *editor = getenv("VISUAL");
    char path[] = "/tmp/lvsh-edit-XXXXXX.xml";
    int slen = 4;
    (void)s;

    if (!editor || !*editor)
        editor = getenv("EDITOR");
    if (!editor || !*editor)
        editor = "vi";
    if (suffix && strcmp(suffix, ".xml") != 0) {
        err_fail(r, "unsupported edit suffix '%s'", suffix);
        return NULL;
    }
    int fd = mkstemps(path, slen);
    if (fd < 0) {
        err_fail(r, "cannot create a temporary file: %s", strerror(errno));
        return NULL;
    }
    size_t len = strlen(text);
    bool ok = write(fd, text, len) == (ssize_t)len;
    close(fd);
    if (!ok) {
        unlink(path);
        err_fail(r, "cannot write '%s': %s", path, strerror(errno));
        return NULL;
    }
    char *cmd = xasprintf("%s \"$1\"", editor);
    pid_t pid = fork();
    if (pid == 0) {
        sigset_t none;   /* a command thread blocks Ctrl-C and Ctrl-Z: the editor must not */
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    session_local_begin(true);   /* the editor's time and its Ctrl-C are the person's */
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    session_local_end();
    free(cmd);
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        unlink(path);
        err_fail(r, "the editor '%s' failed", editor);
        return NULL;
    }
    char *out = file_read_all(r, path, NULL);
    unlink(path);
    if (out && changed)
        *changed = strcmp(out, text) != 0;
    return out;
}
