/* repl.c: readline's callback interface, so Ctrl-C and connection loss can
 * be handled at the prompt without losing the terminal state. */
#include "repl.h"
#include "cmdtab.h"
#include "complete.h"
#include "dispatch.h"
#include "prompt.h"
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

/* bash's ignoreboth: no line that starts with a blank, no repeat of the
 * line just before it. */
static bool history_wanted(const char *line)
{
    if (!*line || *line == ' ' || *line == '\t')
        return false;
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1)
                                          : NULL;
    if (last && strcmp(last->line, line) == 0)
        return false;
    return line_may_enter_history(line);
}

void repl_history_each(int last, void (*fn)(void *opaque, int num, const char *line),
                       void *opaque)
{
    if (history_length == 0) {   /* a script or one-shot: the saved history */
        char *path = repl_history_path();
        using_history();
        read_history(path);
        free(path);
    }
    int first = last >= 0 && last < history_length ? history_length - last : 0;
    for (int i = first; i < history_length; i++) {
        HIST_ENTRY *e = history_get(history_base + i);
        if (e)
            fn(opaque, history_base + i, e->line);
    }
}

char *repl_rc_path(void)
{
    const char *conf = getenv("XDG_CONFIG_HOME");
    if (conf && *conf == '/')
        return xasprintf("%s/lvsh/lvshrc", conf);
    const char *home = getenv("HOME");
    return xasprintf("%s/.config/lvsh/lvshrc", home && *home ? home : ".");
}

/* The start-up file: every line runs (errors are reported with its name and
 * line, and do not stop it), nothing in it is paged. */
static void run_rc(struct lvsh_session *s)
{
    char *path = repl_rc_path();
    FILE *f = fopen(path, "r");
    if (f) {
        s->no_pager_now = true;
        run_stream(s, f, path, false);
        s->no_pager_now = false;
        fclose(f);
    }
    free(path);
}

/* One line for a newcomer; `set quiet on` in the rc file or -q drops it. */
static void welcome(const struct lvsh_session *s)
{
    if (s->quiet)
        return;
    printf("lvsh %s on %s: 'help' lists the commands, 'quit' leaves.\n", LVSH_VERSION,
           session_host_label(s));
    fflush(stdout);
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

int repl_run(struct lvsh_session *s, bool rc)
{
    char *hist = repl_history_path();
    mkdir_parents(hist);
    using_history();
    read_history(hist);
    rl_readline_name = "lvsh";
    rl_catch_signals = 0;
    complete_install_readline(s);
    if (rc)
        run_rc(s);
    welcome(s);
    /* connect while the person types: the first TAB then lists at once */
    session_background_start(s);

    while (!repl_done && !s->quit_requested) {
        char *prompt = prompt_expand(s, s->prompt);
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
        if (history_wanted(line))
            history_save_line(hist, line);
        s->last_status = run_text(s, line, strlen(line), NULL, 1, true);
        free(line);
        /* the command has dealt with its Ctrl-C: no second prompt for it */
        if (s->interrupted)
            *s->interrupted = 0;
    }
    free(hist);
    return 0;
}
