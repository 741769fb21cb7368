/* edit.c: sizes as virsh prints them, and editing text in the user's editor. */
#include "lvsh.h"
#include "edit.h"
#include "result.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

char *fmt_size_digits(unsigned long long bytes, int digits)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    double v = (double)bytes;
    size_t u = 0;
    while (v >= 1024.0 && u + 1 < sizeof(units) / sizeof(units[0])) {
        v /= 1024.0;
        u++;
    }
    return xasprintf("%.*f %s", digits, v, units[u]);
}

char *fmt_size_bytes(unsigned long long bytes)
{
    return fmt_size_digits(bytes, 2);
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

/* ---- the edit loop ------------------------------------------------------- */

char edit_ask(const char *before, bool can_relax,
              char *(*read_line)(const char *prompt, bool echo))
{
    const char *choices = can_relax ? "[y,n,i,f,?]" : "[y,n,f,?]";
    char *prompt = xasprintf("%sTry again? %s: ", before ? before : "", choices);
    char c = '\0';
    for (;;) {
        char *answer = read_line(prompt, true);
        if (!answer) {
            c = '\0';   /* no terminal, end of input or Ctrl-C: give up */
            break;
        }
        c = (char)tolower((unsigned char)answer[0]);
        bool one = answer[0] && (!answer[1] || strcasecmp(answer, "yes") == 0 ||
                                 strcasecmp(answer, "no") == 0);
        free(answer);
        if (one && (c == 'y' || c == 'n' || c == 'f' || (c == 'i' && can_relax)))
            break;
        free(prompt);
        prompt = xasprintf("y - open the editor again on this text\n"
                           "n - give up, dropping the changes\n"
                           "%s"
                           "f - define the same text again\n"
                           "? - show this list\n"
                           "Try again? %s: ",
                           can_relax ? "i - define it again without validating it\n" : "",
                           choices);
    }
    free(prompt);
    return c;
}

/* Move the error of a scratch result into r (the command's own). */
static void take_error(struct lvsh_result *r, struct lvsh_result *tmp)
{
    free(r->err_msg);
    free(r->err_detail);
    r->err_msg = tmp->err_msg;
    r->err_detail = tmp->err_detail;
    r->err_code = tmp->err_code;
    r->err_detail_only = tmp->err_detail_only;
    r->err_msg_only = tmp->err_msg_only;
    tmp->err_msg = tmp->err_detail = NULL;
}

/* The error lines as render would print them, for the terminal. */
static char *error_lines(const struct lvsh_result *e)
{
    struct buf b = BUF_INIT;
    if (!e->err_detail_only)
        buf_printf(&b, "error: %s\n", e->err_msg);
    if (e->err_detail && !e->err_msg_only)
        buf_printf(&b, "error: %s\n", e->err_detail);
    return buf_steal(&b);
}

/* One attempt to apply text: the well-formedness check, then the job's. */
static bool attempt(const struct edit_job *job, const char *text, bool relaxed,
                    struct lvsh_result *tmp)
{
    return xml_check_wellformed(tmp, text, job->file ? job->file : "edited XML") &&
           job->apply(job->ctx, text, relaxed, tmp);
}

/* Apply text until libvirt takes it or the person stops retrying it:
 * 'a' applied, else the answer ('y' edit again, 'n' or '\0' give up). */
static char apply_text(const struct edit_job *job, struct lvsh_result *r, const char *text,
                       bool *relaxed)
{
    for (;;) {
        struct lvsh_result tmp;
        result_init(&tmp);
        char c = 'a';
        if (!attempt(job, text, *relaxed, &tmp)) {
            /* the error is shown with the question; after an answer (a
             * person read it) it is not repeated, as virsh does not */
            char *err = error_lines(&tmp);
            c = edit_ask(err, job->can_relax && !*relaxed, tty_prompt);
            free(err);
            if (!c)
                take_error(r, &tmp);
        }
        result_free(&tmp);
        if (c != 'f' && c != 'i')
            return c;
        *relaxed = *relaxed || c == 'i';   /* 'f' and 'i': define this text again */
    }
}

enum edit_outcome edit_loop(struct lvsh_session *s, struct lvsh_result *r,
                            const struct edit_job *job)
{
    char *cur = xstrdup(job->xml);
    bool relaxed = false;
    for (;;) {
        char *ed = edit_in_editor(s, r, cur, ".xml", NULL);
        free(cur);
        if (!ed)
            return EDIT_FAILED;
        if (!job->apply_unchanged && strcmp(ed, job->xml) == 0) {
            free(ed);
            return EDIT_UNCHANGED;
        }
        char c = apply_text(job, r, ed, &relaxed);
        if (c != 'y') {
            free(ed);
            return c == 'a' ? EDIT_APPLIED : EDIT_FAILED;
        }
        cur = ed;   /* edit the user's last attempt again, not the original */
    }
}

struct redefine_ctx {
    virConnectPtr conn;
    const struct edit_redefine *how;
    const char *name;
    void *made;
};

static bool redefine_apply(void *ctx, const char *xml, bool relaxed, struct lvsh_result *r)
{
    struct redefine_ctx *c = ctx;
    (void)relaxed;
    c->made = c->how->define(c->conn, xml);
    if (!c->made)
        err_virt(r, "failed to define %s '%s' from the edited XML", c->how->what, c->name);
    return c->made != NULL;
}

enum lvsh_status edit_redefine(struct lvsh_session *s, const struct lvsh_args *a,
                               struct lvsh_result *r, const char *xml,
                               const struct edit_redefine *how)
{
    enum lvsh_kind k = a->cmd->target;
    void *obj = args_target(a);
    struct redefine_ctx c = { s->conn, how, kind_name(k, obj), NULL };
    if (!xml)
        return err_virt(r, "failed to get the XML of %s '%s'", how->what, c.name);
    struct edit_job job = { .xml = xml, .apply = redefine_apply, .ctx = &c };
    enum edit_outcome o = edit_loop(s, r, &job);
    if (o == EDIT_UNCHANGED)
        act_done(r, k, obj, "unchanged", "%s %s XML configuration not changed.", how->title,
                 c.name);
    if (o != EDIT_APPLIED)
        return o == EDIT_FAILED ? LVSH_FAILED : LVSH_OK;
    act_done(r, k, c.made, "edited", "%s %s XML configuration edited.", how->title,
             kind_name(k, c.made));
    kind_free(k, c.made);
    return LVSH_OK;
}
