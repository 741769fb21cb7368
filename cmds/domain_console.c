/* domain_console.c: `console`, a guest's serial console over a libvirt stream.
 *
 * The relay runs on the libvirt event loop thread the core already runs:
 * one handle watches stdin, one stream callback watches the console.  The
 * handler thread only sets the terminal up, waits for the session to end
 * (escape, stream end or error, Ctrl-C, a signal, connection loss) and
 * puts the terminal back on every one of those paths.
 *
 * This is the one place where a command writes to the terminal itself:
 * the guest's bytes must reach it live, while the session runs, which the
 * result API (rendered after the handler returns) cannot do.  Only the
 * console I/O functions below write to the terminal. */
#include "domain_common.h"
#include "domain_util.h"
#include "bounded.h"
#include "session.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* Without a terminal, stdin's end stops the relay once the console has
 * been quiet this long, so a script sees the answer to its last line. */
#define CON_DRAIN_MS 1000

enum con_end { CON_RUNNING, CON_ESCAPE, CON_EOF, CON_STREAM_ERROR, CON_INTERRUPTED,
               CON_SIGNAL, CON_CONN_LOST, CON_STDIN_DONE };

struct con {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int refs;                  /* the handler and each event registration */
    virStreamPtr st;
    int stdin_watch;           /* -1 when not registered */
    int in_fd, out_fd;
    int escape;                /* the byte that ends the session */
    enum con_end end;
    char *error;               /* libvirt's message when the stream failed */
    struct buf pending;        /* typed bytes the stream could not take yet */
    bool stdin_eof;
    struct timespec last_io;   /* for the drain after stdin's end */
};

/* Set while the console runs; the handler re-raises it once the terminal is
 * restored.  A signal handler can touch nothing else. */
static volatile sig_atomic_t con_signal;

static void on_fatal_signal(int sig)
{
    con_signal = sig;
}

static void con_unref(struct con *c)
{
    if (__atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL) > 0)
        return;
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->cond);
    buf_free(&c->pending);
    free(c->error);
    free(c);
}

static void con_unref_cb(void *opaque)
{
    con_unref(opaque);
}

/* Runs on the event thread after whatever callback was running there when
 * the stream callback was removed: only then may the stream's reference go.
 * (libvirt's remote streams skip the free function when the callback is
 * removed mid-dispatch, so it cannot be relied on.) */
static void con_barrier(int timer, void *opaque)
{
    virEventRemoveTimeout(timer);
    con_unref(opaque);
}

static void now(struct timespec *ts)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
}

/* Called with the lock held. */
static void con_finish(struct con *c, enum con_end end)
{
    if (c->end != CON_RUNNING)
        return;
    c->end = end;
    if (end == CON_STREAM_ERROR) {
        const char *msg = virGetLastErrorMessage();
        c->error = xstrdup(msg ? msg : "unknown error");
    }
    pthread_cond_broadcast(&c->cond);
}

/* Console I/O: guest bytes go straight to the terminal (see the top). */
static bool con_write_out(struct con *c, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(c->out_fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* Send what was typed; what the stream cannot take waits for WRITABLE,
 * and stdin is not read meanwhile so the backlog stays bounded. */
static void con_flush_pending(struct con *c)
{
    while (c->pending.len > 0) {
        int n = virStreamSend(c->st, c->pending.data, c->pending.len);
        if (n == -2)
            break;
        if (n < 0) {
            con_finish(c, CON_STREAM_ERROR);
            return;
        }
        memmove(c->pending.data, c->pending.data + n, c->pending.len - (size_t)n);
        c->pending.len -= (size_t)n;
    }
    bool backlog = c->pending.len > 0;
    virStreamEventUpdateCallback(c->st, VIR_STREAM_EVENT_READABLE | VIR_STREAM_EVENT_ERROR |
                                 VIR_STREAM_EVENT_HANGUP |
                                 (backlog ? VIR_STREAM_EVENT_WRITABLE : 0));
    if (c->stdin_watch >= 0 && !c->stdin_eof)
        virEventUpdateHandle(c->stdin_watch, backlog ? 0 : VIR_EVENT_HANDLE_READABLE);
}

static void con_stdin_ready(int watch, int fd, int events, void *opaque)
{
    struct con *c = opaque;
    char data[1024];
    (void)watch;
    (void)events;
    pthread_mutex_lock(&c->lock);
    if (c->end == CON_RUNNING) {
        ssize_t n = read(fd, data, sizeof(data));
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            pthread_mutex_unlock(&c->lock);
            return;
        }
        if (n <= 0) {
            c->stdin_eof = true;
            now(&c->last_io);
            virEventUpdateHandle(c->stdin_watch, 0);
        } else {
            char *esc = memchr(data, c->escape, (size_t)n);
            buf_add(&c->pending, data, esc ? (size_t)(esc - data) : (size_t)n);
            con_flush_pending(c);
            if (esc)
                con_finish(c, CON_ESCAPE);
        }
    }
    pthread_mutex_unlock(&c->lock);
}

static void con_stream_ready(virStreamPtr st, int events, void *opaque)
{
    struct con *c = opaque;
    char data[16384];
    pthread_mutex_lock(&c->lock);
    while (c->end == CON_RUNNING && (events & VIR_STREAM_EVENT_READABLE)) {
        int n = virStreamRecv(st, data, sizeof(data));
        if (n == -2)
            break;
        if (n == 0)
            con_finish(c, CON_EOF);
        else if (n < 0)
            con_finish(c, CON_STREAM_ERROR);
        else if (!con_write_out(c, data, (size_t)n))
            con_finish(c, CON_STDIN_DONE);   /* nobody reads our output any more */
        now(&c->last_io);
    }
    if (c->end == CON_RUNNING && (events & VIR_STREAM_EVENT_WRITABLE))
        con_flush_pending(c);
    if (c->end == CON_RUNNING && (events & (VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP)))
        con_finish(c, (events & VIR_STREAM_EVENT_ERROR) ? CON_STREAM_ERROR : CON_EOF);
    pthread_mutex_unlock(&c->lock);
}

static long ms_since(const struct timespec *t)
{
    struct timespec n;
    now(&n);
    return (n.tv_sec - t->tv_sec) * 1000 + (n.tv_nsec - t->tv_nsec) / 1000000;
}

/* The handler thread's part: wake up often enough to notice Ctrl-C, a
 * signal and a lost connection, which no callback reports. */
static enum con_end con_wait(struct lvsh_session *s, struct con *c)
{
    session_watch_close(s);   /* a loss while waiting: say why */
    pthread_mutex_lock(&c->lock);
    while (c->end == CON_RUNNING) {
        struct timespec until = timespec_in_ms(CLOCK_REALTIME, 100);
        pthread_cond_timedwait(&c->cond, &c->lock, &until);
        if (session_interrupted(s))
            con_finish(c, CON_INTERRUPTED);
        else if (con_signal)
            con_finish(c, CON_SIGNAL);
        else if (session_conn_lost(s))
            con_finish(c, CON_CONN_LOST);
        else if (c->stdin_eof && ms_since(&c->last_io) >= CON_DRAIN_MS)
            con_finish(c, CON_STDIN_DONE);
    }
    enum con_end end = c->end;
    pthread_mutex_unlock(&c->lock);
    return end;
}

/* "^]" is Ctrl + ], "x" is x; anything else is refused like virsh does. */
static int escape_byte(const char *seq)
{
    if (seq[0] && seq[0] != '^' && !seq[1])
        return (unsigned char)seq[0];
    if (seq[0] == '^' && seq[1] && !seq[2]) {
        int ch = toupper((unsigned char)seq[1]);
        if (ch >= '@' && ch <= '_')
            return ch ^ 0x40;
    }
    return -1;
}

struct term_state {
    bool raw;
    bool taken;                /* bounded_tty_take() said yes */
    struct termios saved;
    struct sigaction old_term, old_hup, old_quit;
};

static void term_enter(struct term_state *t, int fd)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    con_signal = 0;
    sigaction(SIGTERM, &sa, &t->old_term);
    sigaction(SIGHUP, &sa, &t->old_hup);
    sigaction(SIGQUIT, &sa, &t->old_quit);
    t->raw = false;
    /* a console given up on (Ctrl-C at a frozen daemon) must not take the
     * terminal from the prompt when the daemon answers at last */
    t->taken = !bounded_abandoned();
    if (t->taken && isatty(fd) && tcgetattr(fd, &t->saved) == 0 &&
        bounded_tty_take(fd, &t->saved)) {
        struct termios raw = t->saved;
        cfmakeraw(&raw);
        t->raw = tcsetattr(fd, TCSAFLUSH, &raw) == 0;
        if (!t->raw)
            bounded_tty_give_back();
    }
}

/* Put the terminal back, then let a fatal signal do what it came to do. */
static void term_leave(struct term_state *t, int fd)
{
    (void)fd;
    if (t->raw)
        bounded_tty_give_back();   /* unless lvsh gave up on us and did it */
    t->raw = false;
    sigaction(SIGTERM, &t->old_term, NULL);
    sigaction(SIGHUP, &t->old_hup, NULL);
    sigaction(SIGQUIT, &t->old_quit, NULL);
    if (con_signal)
        raise(con_signal);
}

/* Console I/O: the banner belongs to the live session, before raw mode. */
static void con_banner(struct lvsh_session *s, virDomainPtr d, const char *seq)
{
    if (s->quiet)
        return;
    printf("Connected to domain '%s'\n", virDomainGetName(d));
    printf("Escape character is %s", seq);
    if (seq[0] == '^' && seq[1])
        printf(" (Ctrl + %c)", seq[1]);
    printf("\n");
    fflush(stdout);
}

static struct con *con_new(virStreamPtr st, int escape)
{
    struct con *c = xcalloc(1, sizeof(*c));
    pthread_mutex_init(&c->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_cond_init(&c->cond, &ca);
    pthread_condattr_destroy(&ca);
    c->refs = 1;
    c->st = st;
    c->stdin_watch = -1;
    c->in_fd = STDIN_FILENO;
    c->out_fd = STDOUT_FILENO;
    c->escape = escape;
    return c;
}

/* Register both ends with the event loop; false (r filled) on failure. */
static bool con_register(struct lvsh_result *r, struct con *c)
{
    __atomic_add_fetch(&c->refs, 1, __ATOMIC_ACQ_REL);
    if (virStreamEventAddCallback(c->st, VIR_STREAM_EVENT_READABLE | VIR_STREAM_EVENT_ERROR |
                                  VIR_STREAM_EVENT_HANGUP, con_stream_ready, c,
                                  NULL) < 0) {
        __atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL);
        err_virt(r, "failed to watch the console stream");
        return false;
    }
    __atomic_add_fetch(&c->refs, 1, __ATOMIC_ACQ_REL);
    c->stdin_watch = virEventAddHandle(c->in_fd, VIR_EVENT_HANDLE_READABLE, con_stdin_ready,
                                       c, con_unref_cb);
    if (c->stdin_watch < 0) {
        __atomic_sub_fetch(&c->refs, 1, __ATOMIC_ACQ_REL);
        err_fail(r, "cannot watch standard input");
        return false;
    }
    return true;
}

/* Stop both ends; after the lock is taken once no callback is running and
 * every later one sees the session has ended. */
static void con_unregister(struct con *c)
{
    pthread_mutex_lock(&c->lock);
    con_finish(c, CON_INTERRUPTED);
    pthread_mutex_unlock(&c->lock);
    if (c->stdin_watch >= 0)
        virEventRemoveHandle(c->stdin_watch);
    if (virStreamEventRemoveCallback(c->st) == 0 &&
        virEventAddTimeout(0, con_barrier, c, NULL) < 0)
        con_unref(c);   /* no loop to run it: nothing can call back either */
}

static enum lvsh_status con_report(struct lvsh_result *r, virDomainPtr d, struct con *c,
                                   enum con_end end)
{
    static const char *const words[] = {
        [CON_ESCAPE] = "escape", [CON_EOF] = "closed", [CON_STDIN_DONE] = "input ended",
    };
    const char *name = virDomainGetName(d);
    switch (end) {
    case CON_STREAM_ERROR:
        return err_fail(r, "the console of domain '%s' failed: %s", name, c->error);
    case CON_INTERRUPTED:
        return err_fail(r, "the console of domain '%s' was interrupted", name);
    case CON_SIGNAL:
        return err_fail(r, "the console of domain '%s' ended by a signal", name);
    case CON_CONN_LOST:
        return err_fail(r, "the connection was lost during the console of domain '%s'", name);
    default:
        break;
    }
    json_t *j = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(j, "ended", json_string(words[end] ? words[end] : "unknown"));
    out_json(r, j);
    return LVSH_OK;
}

/* The session proper, once the stream is open. */
static enum lvsh_status con_run(struct lvsh_session *s, struct lvsh_result *r, virDomainPtr d,
                                virStreamPtr st, int escape)
{
    struct con *c = con_new(st, escape);
    struct term_state t;
    con_banner(s, d, s->console_escape);
    term_enter(&t, c->in_fd);
    if (!t.taken) {   /* given up on while the console opened */
        virStreamAbort(st);
        con_unref(c);
        return session_err_interrupted(r);
    }
    enum lvsh_status status = LVSH_FAILED;
    /* the terminal comes back before the stream calls, which wait for the
     * daemon: a frozen one must leave Ctrl-C working */
    if (con_register(r, c)) {
        enum con_end end = con_wait(s, c);
        con_unregister(c);
        term_leave(&t, c->in_fd);
        if (end == CON_EOF)
            virStreamFinish(st);
        else
            virStreamAbort(st);
        virResetLastError();
        status = con_report(r, d, c, end);
    } else {
        con_unregister(c);
        term_leave(&t, c->in_fd);
        virStreamAbort(st);
    }
    con_unref(c);
    return status;
}

static enum lvsh_status con_open(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r, virDomainPtr d, int escape)
{
    const char *name = virDomainGetName(d);
    int state, reason;
    if (virDomainGetState(d, &state, &reason, 0) < 0)
        return err_virt(r, "failed to get the state of domain '%s'", name);
    if (state == VIR_DOMAIN_SHUTOFF)
        return err_fail(r, "domain '%s' is not running", name);
    unsigned flags = args_flags(a);
    virStreamPtr st = virStreamNew(s->conn, VIR_STREAM_NONBLOCK);
    if (!st)
        return err_virt(r, "failed to create a stream");
    enum lvsh_status status;
    if (virDomainOpenConsole(d, args_str(a, "devname"), st, flags) < 0)
        status = err_virt(r, "failed to open the console of domain '%s'", name);
    else
        status = con_run(s, r, d, st, escape);
    virStreamFree(st);
    return status;
}

/* A failure of start/create --console: an error, or (soft: create, whose
 * status virsh keeps) only an error line.  The console's own refusal keeps
 * libvirt's words alone, as virsh. */
static enum lvsh_status attach_failed(struct lvsh_result *r, bool soft, const char *msg)
{
    if (soft) {
        out_err_line(r, "%s", msg);
        return LVSH_OK;
    }
    return err_fail(r, "%s", msg);
}

enum lvsh_status dom_console_attach(struct lvsh_session *s, struct lvsh_result *r,
                                    virDomainPtr d, bool soft)
{
    int escape = escape_byte(s->console_escape);
    if (escape < 0)
        return err_usage(r, "invalid console escape sequence '%s' (-e): use one character "
                         "or ^ and a letter", s->console_escape);
    if (!isatty(STDIN_FILENO))
        return attach_failed(r, soft, "Cannot run interactive console without a "
                                      "controlling TTY");
    virStreamPtr st = virStreamNew(s->conn, VIR_STREAM_NONBLOCK);
    if (!st)
        return err_virt(r, "failed to create a stream");
    enum lvsh_status status;
    if (virDomainOpenConsole(d, NULL, st, 0) < 0) {
        char *msg = xstrdup(virGetLastErrorMessage());   /* GetName resets it */
        virResetLastError();
        con_banner(s, d, s->console_escape);   /* virsh says it before it tries */
        /* create --console drops libvirt's refusal silently, as virsh */
        status = soft ? LVSH_OK : attach_failed(r, soft, msg);
        free(msg);
    } else {
        status = con_run(s, r, d, st, escape);
        if (soft)
            status = LVSH_OK;
    }
    virStreamFree(st);
    return status;
}

static enum lvsh_status run_console(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    int escape = escape_byte(s->console_escape);
    if (escape < 0)
        return err_usage(r, "invalid console escape sequence '%s' (-e): use one character "
                         "or ^ and a letter", s->console_escape);
    /* taking a console over is for a person at a terminal, as virsh says */
    if (args_has(a, "force") && !isatty(STDIN_FILENO))
        return err_fail(r, "cannot run interactive console without a controlling TTY");
    virDomainPtr d = args_target(a);
    enum lvsh_status st = con_open(s, a, r, d, escape);
    return st;
}

static const struct lvsh_opt opts_console[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "devname", .type = LVSH_OPT_STRING,
      .help = "the console, serial or parallel device alias (default: the first console)",
      .metavar = "alias" },
    { .name = "force", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_CONSOLE_FORCE,
      .help = "take the console over from a session already connected (only from a "
              "terminal)" },
    { .name = "safe", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_CONSOLE_SAFE,
      .help = "connect only if the driver guarantees exclusive access" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_console = {
    .name = "console",
    .group = "domain",
    .summary = "connect to a domain's serial console",
    .description = "Attach the terminal to the guest's console, in raw mode, until the "
                   "escape character (^] unless lvsh -e says otherwise) is typed or the "
                   "console closes; the terminal is restored however the session ends.  "
                   "Without a terminal, standard input is relayed to the console until it "
                   "ends and the console has been quiet for a second.",
    .opts = opts_console,
    .flags = LVSH_CMD_CONN,
    .handler = run_console,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_console) = { &cmd_console, NULL };
