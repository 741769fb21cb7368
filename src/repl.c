/* repl.c: readline's callback interface, so Ctrl-C and connection loss can
 * be handled at the prompt without losing the terminal state. */
#include "repl.h"
#include "cmdtab.h"
#include "complete.h"
#include "dispatch.h"
#include "session.h"
#include "tokenize.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/* readline's callbacks take no user pointer: the line travels through here. */

static bool repl_done;
static char *repl_pending_line;
static bool repl_have_line;

char *repl_history_path(void)
{
    const char *state = getenv("XDG_STATE_HOME");
    if (state && *state == '/')
        return xasprintf("%s/lvsh/history", state);
    const char *home = getenv("HOME");
    return xasprintf("%s/.local/state/lvsh/history", home && *home ? home : ".");
}

static void mkdir_parents(const char *path)
{
    char *dir = xstrdup(path);
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(dir, 0700);
        *p = '/';
    }
    free(dir);
}

/* Keep secrets out of history (see cmdtab_text_may_hold_secret). */
static bool line_may_enter_history(const char *line)
{
    struct tok_list l;
    bool any = (tokenize(line, strlen(line), 1, &l), l.ncmds > 0);
    tok_list_free(&l);
    return any && !cmdtab_text_may_hold_secret(line, strlen(line));
}

static void history_save_line(const char *path, const char *line)
{
    add_history(line);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    fchmod(fd, 0600);
    close(fd);
    append_history(1, path);
    history_truncate_file(path, 5000);
}

static char *make_prompt(const struct lvsh_session *s)
{
    return xasprintf("lvsh (%s)%c ", session_uri_label(s), s->readonly ? '>' : '#');
}

static void on_line(char *line)
{
    repl_pending_line = line;
    repl_have_line = true;
    if (!line)
        repl_done = true;
    rl_callback_handler_remove();
}

/* Ctrl-C at the prompt: drop the line, start a fresh one. */
static void clear_line(void)
{
    rl_free_line_state();
    rl_crlf();
    rl_replace_line("", 0);
    rl_point = rl_end = 0;
    rl_on_new_line();
    rl_redisplay();
}

/* Ctrl-Z at the prompt: readline's terminal mode cannot survive a stop
 * (the shell puts its own back), so leave it, stop, and take it again. */
static volatile sig_atomic_t tstp_seen;

static void on_sigtstp(int sig)
{
    (void)sig;
    tstp_seen = 1;
}

static void catch_tstp(bool on)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on ? on_sigtstp : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTSTP, &sa, NULL);
}

static void suspend_at_prompt(void)
{
    tstp_seen = 0;
    rl_deprep_terminal();
    catch_tstp(false);
    raise(SIGTSTP);   /* stops here until fg */
    catch_tstp(true);
    rl_prep_terminal(0);
    rl_forced_update_display();
}

/* Tell the user about a lost connection without breaking the edited line. */
static void report_lost_at_prompt(struct lvsh_session *s)
{
    if (!s->conn || !session_conn_lost(s))
        return;
    char *saved = rl_copy_text(0, rl_end);
    int point = rl_point;
    rl_save_prompt();
    rl_replace_line("", 0);
    rl_redisplay();
    rl_crlf();
    dispatch_report_lost(s, NULL, 0);
    rl_restore_prompt();
    rl_replace_line(saved, 0);
    rl_point = point;
    rl_forced_update_display();
    free(saved);
}

int repl_run(struct lvsh_session *s)
{
    char *hist = repl_history_path();
    mkdir_parents(hist);
    using_history();
    read_history(hist);
    rl_readline_name = "lvsh";
    rl_catch_signals = 0;
    complete_install_readline(s);
    /* connect while the person types: the first TAB then lists at once */
    session_background_start(s);

    while (!repl_done && !s->quit_requested) {
        char *prompt = make_prompt(s);
        repl_have_line = false;
        rl_callback_handler_install(prompt, on_line);
        catch_tstp(true);
        while (!repl_have_line) {
            struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
            int n = poll(&p, 1, 250);
            if (tstp_seen) {
                suspend_at_prompt();
                continue;
            }
            if (s->interrupted && *s->interrupted) {
                *s->interrupted = 0;
                clear_line();
                continue;
            }
            if (n < 0 && errno != EINTR)
                break;
            if (n > 0)
                rl_callback_read_char();
            else
                report_lost_at_prompt(s);
        }
        catch_tstp(false);   /* a running command stops the ordinary way */
        free(prompt);
        if (!repl_have_line) {
            rl_callback_handler_remove();
            break;
        }
        char *line = repl_pending_line;
        if (!line) {
            putchar('\n');
            break;
        }
        if (*line && line_may_enter_history(line))
            history_save_line(hist, line);
        run_text(s, line, strlen(line), NULL, 1, true);
        free(line);
        /* the command has dealt with its Ctrl-C: no second prompt for it */
        if (s->interrupted)
            *s->interrupted = 0;
    }
    free(hist);
    return 0;
}
