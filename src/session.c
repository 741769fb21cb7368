/* session.c: lazy connection, authentication, close callback, event thread. */
#include "session.h"
#include "bounded.h"
#include "complete.h"
#include "parallel.h"
#include "result.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

void session_init(struct lvsh_session *s)
{
    memset(s, 0, sizeof(*s));
    pthread_mutex_init(&s->lock, NULL);
    s->keepalive_interval = 5;
    s->keepalive_count = 6;
    s->console_escape = "^]";
    s->connect_timeout = 15;
    s->pager = true;
}

/* The main thread's Ctrl-C flag, for prompts outside a command thread. */
static volatile sig_atomic_t *main_sigint;

static void stop_event_loop(struct lvsh_session *s);

void session_free(struct lvsh_session *s)
{
    session_background_abandon(s);
    session_disconnect(s);
    complete_cache_free(s);
    stop_event_loop(s);
    free(s->uri);
    free(s->host_name);
    free(s->prompt);
    /* an abandoned call may still look at the lock when it returns */
    if (bounded_pending() == 0)
        pthread_mutex_destroy(&s->lock);
}

static void *event_loop_main(void *opaque)
{
    struct lvsh_session *s = opaque;
    while (!__atomic_load_n(&s->event_quit, __ATOMIC_SEQ_CST))
        if (virEventRunDefaultImpl() < 0)
            break;
    return NULL;
}

bool session_start_event_loop(struct lvsh_session *s)
{
    if (virEventRegisterDefaultImpl() < 0)
        return false;
    main_sigint = s->interrupted;
    sigset_t old;
    bounded_block_signals(&old);   /* Ctrl-C and Ctrl-Z wake the main thread */
    int rc = pthread_create(&s->event_thread, NULL, event_loop_main, s);
    bounded_unblock(&old);
    if (rc != 0)
        return false;
    s->event_thread_running = true;
    return true;
}

static void wake_noop(int timer, void *opaque)
{
    (void)opaque;
    virEventRemoveTimeout(timer);
}

static void stop_event_loop(struct lvsh_session *s)
{
    if (!s->event_thread_running)
        return;
    __atomic_store_n(&s->event_quit, 1, __ATOMIC_SEQ_CST);
    /* a zero timeout makes the loop iterate and see the quit flag */
    virEventAddTimeout(0, wake_noop, NULL, NULL);
    pthread_join(s->event_thread, NULL);
    s->event_thread_running = false;
}

const char *session_close_reason_text(int reason)
{
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_ERROR: return "misc I/O error";
    case VIR_CONNECT_CLOSE_REASON_EOF: return "end of file from the daemon";
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE: return "keepalive timeout";
    case VIR_CONNECT_CLOSE_REASON_CLIENT: return "closed by the client";
    case -1: return "the connection closed";
    default: return "unknown reason";
    }
}

/* Runs on the event thread: only record what happened. */
static void on_conn_close(virConnectPtr conn, int reason, void *opaque)
{
    struct lvsh_session *s = opaque;
    if (reason == VIR_CONNECT_CLOSE_REASON_CLIENT)
        return;
    pthread_mutex_lock(&s->lock);
    if (conn == s->watched) {   /* not one given up on (session_drop_abandoned) */
        s->conn_lost = true;
        s->conn_lost_reason = reason;
    }
    pthread_mutex_unlock(&s->lock);
}

bool session_conn_lost(struct lvsh_session *s)
{
    /* a command's copy: the close callback reports to the parent; the
     * socket's own state covers a parent that has moved on */
    if (s->parent)
        return s->conn && (virConnectIsAlive(s->conn) == 0 || session_conn_lost(s->parent));
    pthread_mutex_lock(&s->lock);
    bool lost = s->conn_lost;
    /* without the close callback: a closed client (a local check) */
    if (!lost && s->conn && !s->close_watched && virConnectIsAlive(s->conn) == 0) {
        lost = s->conn_lost = true;
        s->conn_lost_reason = -1;
    }
    pthread_mutex_unlock(&s->lock);
    return lost;
}

char *session_take_lost_report(struct lvsh_session *s)
{
    if (!s->conn || !session_conn_lost(s))
        return NULL;
    struct lvsh_session *o = s->parent ? s->parent : s;
    pthread_mutex_lock(&o->lock);
    int reason = o->conn_lost ? o->conn_lost_reason : VIR_CONNECT_CLOSE_REASON_ERROR;
    pthread_mutex_unlock(&o->lock);
    char *msg = xasprintf("connection to '%s' lost: %s", session_uri_label(s),
                          session_close_reason_text(reason));
    session_disconnect(s);
    return msg;
}

/* Read one line from the terminal fd (canonical mode: the driver edits it),
 * giving up when *cancel is set.  NULL on cancellation (errno EINTR) or EOF. */
static char *tty_read_line(int fd, volatile sig_atomic_t *cancel)
{
    struct buf line = BUF_INIT;
    char chunk[256];
    for (;;) {
        if (cancel && *cancel) {
            errno = EINTR;
            break;
        }
        struct pollfd p = { .fd = fd, .events = POLLIN };
        int n = poll(&p, 1, 100);
        if (n < 0 && errno != EINTR)
            break;
        if (n <= 0)
            continue;
        ssize_t k = read(fd, chunk, sizeof(chunk));
        if (k < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (k <= 0)
            break;
        char *nl = memchr(chunk, '\n', (size_t)k);
        buf_add(&line, chunk, nl ? (size_t)(nl - chunk) : (size_t)k);
        wipe(chunk, sizeof(chunk));
        if (nl)
            return buf_steal(&line);
    }
    if (line.data)
        wipe(line.data, line.len);
    buf_free(&line);
    return NULL;
}

static void tty_write(int fd, const char *text)
{
    size_t len = strlen(text);
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;   /* a terminal that went away: the read fails too */
        text += n;
        len -= (size_t)n;
    }
}

char *tty_prompt(const char *prompt, bool echo)
{
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct termios old, quiet;
    bool restore = false;
    if (!echo && tcgetattr(fd, &old) == 0) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        restore = tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
    }
    tty_write(fd, prompt);
    volatile sig_atomic_t *cancel = bounded_cancel_flag();
    session_local_begin(false);   /* the person's time is not the command's */
    char *line = tty_read_line(fd, cancel ? cancel : main_sigint);
    int saved_errno = errno;
    session_local_end();
    if (restore)
        tcsetattr(fd, TCSAFLUSH, &old);
    if (restore || !line)
        tty_write(fd, "\n");
    close(fd);
    errno = line ? 0 : saved_errno;
    return line;
}

/* Opening a connection runs on a thread of its own (bounded.h): the open
 * can block for minutes on a host that never answers, and libvirt starts
 * keepalive only once it has returned. */
struct open_job {
    char *uri;
    unsigned flags;
    bool no_prompt;
    virConnectPtr conn;
    struct lvsh_result r;       /* the error, made on the opening thread */
};

/* libvirt's credential callback: ask on the terminal, never elsewhere. */
static int auth_callback(virConnectCredentialPtr cred, unsigned int ncred, void *opaque)
{
    struct open_job *j = opaque;
    if (j->no_prompt)
        return -1;
    for (unsigned i = 0; i < ncred; i++) {
        bool echo = cred[i].type == VIR_CRED_AUTHNAME || cred[i].type == VIR_CRED_USERNAME ||
                    cred[i].type == VIR_CRED_ECHOPROMPT || cred[i].type == VIR_CRED_REALM ||
                    cred[i].type == VIR_CRED_CNONCE || cred[i].type == VIR_CRED_LANGUAGE;
        char *prompt = cred[i].defresult && *cred[i].defresult
            ? xasprintf("%s [%s]: ", cred[i].prompt, cred[i].defresult)
            : xasprintf("%s: ", cred[i].prompt ? cred[i].prompt : "credential");
        char *answer = tty_prompt(prompt, echo);
        free(prompt);
        if (!answer)
            return -1;  /* no terminal, or Ctrl-C: libvirt reports the auth failure */
        if (!*answer && cred[i].defresult) {
            free(answer);
            answer = xstrdup(cred[i].defresult);
        }
        cred[i].result = answer;
        cred[i].resultlen = (unsigned)strlen(answer);
    }
    return 0;
}

static int auth_types[] = {
    VIR_CRED_AUTHNAME, VIR_CRED_ECHOPROMPT, VIR_CRED_REALM, VIR_CRED_PASSPHRASE,
    VIR_CRED_NOECHOPROMPT, VIR_CRED_USERNAME, VIR_CRED_CNONCE, VIR_CRED_LANGUAGE,
};

static void open_run(void *opaque)
{
    struct open_job *j = opaque;
    virConnectAuth auth = { auth_types, sizeof(auth_types) / sizeof(auth_types[0]),
                            auth_callback, j };
    j->conn = virConnectOpenAuth(j->uri, &auth, j->flags);
    if (!j->conn)
        /* virsh's wording: scripts and cluster agents match this line */
        err_virt(&j->r, "failed to connect to the hypervisor");
}

/* Whoever ends last: the caller, or an abandoned opening thread. */
static void open_free(void *opaque)
{
    struct open_job *j = opaque;
    if (j->conn)
        virConnectClose(j->conn);
    result_free(&j->r);
    free(j->uri);
    free(j);
}

/* Move the error of a finished job into r. */
static enum lvsh_status take_error(struct lvsh_result *r, struct lvsh_result *from)
{
    free(r->err_msg);
    free(r->err_detail);
    r->err_msg = from->err_msg;
    r->err_detail = from->err_detail;
    r->err_code = from->err_code;
    from->err_msg = from->err_detail = NULL;
    return LVSH_FAILED;
}

enum lvsh_status session_connect(struct lvsh_session *s, const char *uri, bool readonly,
                                 struct lvsh_result *r)
{
    session_background_abandon(s);
    struct open_job *j = xcalloc(1, sizeof(*j));
    j->uri = uri ? xstrdup(uri) : NULL;
    j->flags = readonly ? VIR_CONNECT_RO : 0;
    j->no_prompt = s->no_auth_prompt;
    result_init(&j->r);
    bool abandoned;
    enum bounded_end end = bounded_run(open_run, j, open_free, s->interrupted,
                                       s->connect_timeout, &abandoned);
    const char *label = uri ? uri : "the default hypervisor";
    if (abandoned || end != BOUNDED_DONE) {
        if (!abandoned)
            open_free(j);
        if (end == BOUNDED_INTERRUPTED)
            return session_err_interrupted(r);
        err_fail(r, "failed to connect to the hypervisor");
        r->err_detail = xasprintf("timed out after %d s connecting to '%s'",
                                  s->connect_timeout, label);
        return LVSH_FAILED;
    }
    virConnectPtr c = j->conn;
    j->conn = NULL;
    if (!c) {
        take_error(r, &j->r);
        open_free(j);
        return LVSH_FAILED;
    }
    open_free(j);
    session_adopt(s, c, uri, readonly, false);
    return LVSH_OK;
}

/* Make c the session's connection (opened for uri); watched: its close
 * callback is registered already (session_watch_conn). */
void session_adopt(struct lvsh_session *s, virConnectPtr c, const char *uri, bool readonly,
                   bool watched)
{
    session_disconnect(s);
    s->conn = c;
    s->close_watched = watched;
    s->readonly = readonly;
    if (uri != s->uri) {
        free(s->uri);
        s->uri = uri ? xstrdup(uri) : NULL;
    }
    char *actual = virConnectGetURI(c);
    s->conn_uri = actual ? actual : xstrdup(uri ? uri : "");
    par_for_uri(s->conn_uri);   /* calls in flight: sized for the distance */
    pthread_mutex_lock(&s->lock);
    s->conn_lost = watched && virConnectIsAlive(c) == 0;   /* died before adoption */
    s->conn_lost_reason = -1;
    s->watched = c;
    pthread_mutex_unlock(&s->lock);
    /* a person's shell lives long enough to want the reason of a loss;
     * one-shot and -f runs save the two round trips (session_conn_lost
     * still sees a dead connection) */
    if (s->interactive)
        session_watch_close(s);
    if (s->keepalive_interval > 0)
        virConnectSetKeepAlive(c, s->keepalive_interval, s->keepalive_count);
    virResetLastError();
    result_forget_libvirt_error();   /* local drivers refuse keepalives */
}

bool session_watch_conn(struct lvsh_session *s, virConnectPtr c)
{
    bool ok = virConnectRegisterCloseCallback(c, on_conn_close, s, NULL) == 0;
    virResetLastError();
    return ok;
}

void session_unwatch_conn(virConnectPtr c)
{
    virConnectUnregisterCloseCallback(c, on_conn_close);
    virResetLastError();
}

void session_watch_close(struct lvsh_session *s)
{
    if (s->conn && !s->close_watched)
        s->close_watched = session_watch_conn(s, s->conn);
}

virConnectPtr session_conn(struct lvsh_session *s, struct lvsh_result *r)
{
    if (s->conn && session_conn_lost(s))
        session_disconnect(s);
    if (!s->conn && !session_background_wait(s, -1)) {
        err_fail(r, "failed to connect to '%s': interrupted", session_uri_label(s));
        return NULL;
    }
    if (!s->conn && session_connect(s, s->uri, s->readonly, r) != LVSH_OK) {
        r->bare = s->uri_named;   /* as dispatch.c: virsh's start-up failure */
        return NULL;
    }
    return s->conn;
}

void session_disconnect(struct lvsh_session *s)
{
    if (s->parent) {   /* a command's copy holds only a reference */
        if (s->conn)
            virConnectClose(s->conn);
        s->conn = NULL;
    } else if (s->conn) {
        complete_cache_drop(s);  /* its event callbacks hold the connection */
        if (s->close_watched)
            session_unwatch_conn(s->conn);
        s->close_watched = false;
        virConnectClose(s->conn);
        virResetLastError();
        s->conn = NULL;
    }
    free(s->conn_uri);
    s->conn_uri = NULL;
}

bool session_interrupted(const struct lvsh_session *s)
{
    /* output nobody can read any more ends a command as Ctrl-C does */
    bool yes = (s->interrupted && *s->interrupted) || render_output_gone();
    if (yes)
        bounded_noticed();   /* the command is ending by itself: let it */
    return yes;
}

const char *session_uri_label(const struct lvsh_session *s)
{
    if (s->conn_uri)
        return s->conn_uri;
    return s->uri ? s->uri : "default";
}

const char *session_host_label(const struct lvsh_session *s)
{
    return s->host_name ? s->host_name : session_uri_label(s);
}

void session_set_host_name(struct lvsh_session *s, const char *word)
{
    free(s->host_name);
    s->host_name = word && *word && !strpbrk(word, ":/") ? xstrdup(word) : NULL;
}

enum lvsh_status session_err_interrupted(struct lvsh_result *r)
{
    err_fail(r, "interrupted");
    return LVSH_INTERRUPTED;
}

void session_copy(struct lvsh_session *ws, struct lvsh_session *s)
{
    *ws = *s;
    pthread_mutex_init(&ws->lock, NULL);
    ws->conn_lost = false;
    ws->parent = s;
    ws->uri = s->uri ? xstrdup(s->uri) : NULL;
    ws->conn_uri = s->conn_uri ? xstrdup(s->conn_uri) : NULL;
    ws->host_name = s->host_name ? xstrdup(s->host_name) : NULL;
    ws->cache = NULL;
    ws->bg = NULL;              /* the parent's background connect stays its own */
    ws->close_watched = false;  /* the callback is the parent's */
    if (ws->conn)
        virConnectRef(ws->conn);
}

void session_copy_free(struct lvsh_session *ws)
{
    session_disconnect(ws);
    free(ws->uri);
    free(ws->host_name);
    pthread_mutex_destroy(&ws->lock);
}

/* What a connection given up on leaves: closed off the main thread, since
 * deregistering the completion cache's events waits for the daemon. */
struct dropped {
    virConnectPtr conn;
    struct lvsh_cache *cache;
};

static void *drop_main(void *opaque)
{
    struct dropped *d = opaque;
    struct lvsh_session tmp;
    memset(&tmp, 0, sizeof(tmp));
    tmp.cache = d->cache;
    complete_cache_free(&tmp);
    virConnectUnregisterCloseCallback(d->conn, on_conn_close);  /* a round trip */
    virConnectClose(d->conn);
    virResetLastError();
    free(d);
    return NULL;
}

void session_drop_abandoned(struct lvsh_session *s)
{
    if (s->conn) {
        struct dropped *d = xcalloc(1, sizeof(*d));
        d->conn = s->conn;
        d->cache = s->cache;
        s->conn = NULL;
        s->cache = NULL;
        if (!bounded_spawn(drop_main, d))
            free(d);   /* the connection leaks rather than block the prompt */
    }
    free(s->conn_uri);
    s->conn_uri = NULL;
    pthread_mutex_lock(&s->lock);
    s->conn_lost = false;
    s->watched = NULL;
    pthread_mutex_unlock(&s->lock);
}
