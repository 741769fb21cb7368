/* session.c: lazy connection, authentication, close callback, event thread. */
#include "session.h"
#include "complete.h"
#include "result.h"

#include <fcntl.h>
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
}

static void stop_event_loop(struct lvsh_session *s);

void session_free(struct lvsh_session *s)
{
    session_disconnect(s);
    complete_cache_free(s);
    stop_event_loop(s);
    free(s->uri);
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
    if (pthread_create(&s->event_thread, NULL, event_loop_main, s) != 0)
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
    default: return "unknown reason";
    }
}

/* Runs on the event thread: only record what happened. */
static void on_conn_close(virConnectPtr conn, int reason, void *opaque)
{
    struct lvsh_session *s = opaque;
    (void)conn;
    if (reason == VIR_CONNECT_CLOSE_REASON_CLIENT)
        return;
    pthread_mutex_lock(&s->lock);
    s->conn_lost = true;
    s->conn_lost_reason = reason;
    pthread_mutex_unlock(&s->lock);
}

bool session_conn_lost(struct lvsh_session *s)
{
    pthread_mutex_lock(&s->lock);
    bool lost = s->conn_lost;
    pthread_mutex_unlock(&s->lock);
    return lost;
}

char *session_take_lost_report(struct lvsh_session *s)
{
    if (!s->conn || !session_conn_lost(s))
        return NULL;
    char *msg = xasprintf("connection to '%s' lost: %s", session_uri_label(s),
                          session_close_reason_text(s->conn_lost_reason));
    session_disconnect(s);
    return msg;
}

char *tty_prompt(const char *prompt, bool echo)
{
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "r+");
    if (!f) {
        close(fd);
        return NULL;
    }
    struct termios old, quiet;
    bool restore = false;
    if (!echo && tcgetattr(fd, &old) == 0) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        restore = tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
    }
    fputs(prompt, f);
    fflush(f);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, f);
    if (restore) {
        tcsetattr(fd, TCSAFLUSH, &old);
        fputc('\n', f);
    }
    fclose(f);
    if (n < 0) {
        free(line);
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[n - 1] = '\0';
    return line;
}

/* libvirt's credential callback: ask on the terminal, never elsewhere. */
static int auth_callback(virConnectCredentialPtr cred, unsigned int ncred, void *opaque)
{
    struct lvsh_session *s = opaque;
    if (s->no_auth_prompt)
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
            return -1;  /* no terminal: libvirt reports the auth failure */
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

enum lvsh_status session_connect(struct lvsh_session *s, const char *uri, bool readonly,
                                 struct lvsh_result *r)
{
    virConnectAuth auth = { auth_types, sizeof(auth_types) / sizeof(auth_types[0]),
                            auth_callback, s };
    virConnectPtr c = virConnectOpenAuth(uri, &auth, readonly ? VIR_CONNECT_RO : 0);
    if (!c)   /* virsh's wording: scripts and cluster agents match this line */
        return err_virt(r, "failed to connect to the hypervisor");
    session_disconnect(s);
    s->conn = c;
    s->readonly = readonly;
    if (uri != s->uri) {
        free(s->uri);
        s->uri = uri ? xstrdup(uri) : NULL;
    }
    char *actual = virConnectGetURI(c);
    s->conn_uri = actual ? actual : xstrdup(uri ? uri : "");
    pthread_mutex_lock(&s->lock);
    s->conn_lost = false;
    pthread_mutex_unlock(&s->lock);
    virConnectRegisterCloseCallback(c, on_conn_close, s, NULL);
    if (s->keepalive_interval > 0)
        virConnectSetKeepAlive(c, s->keepalive_interval, s->keepalive_count);
    result_forget_libvirt_error();   /* local drivers refuse keepalives */
    return LVSH_OK;
}

virConnectPtr session_conn(struct lvsh_session *s, struct lvsh_result *r)
{
    if (s->conn && session_conn_lost(s))
        session_disconnect(s);
    if (!s->conn && session_connect(s, s->uri, s->readonly, r) != LVSH_OK) {
        r->bare = true;   /* virsh fails before any command: nothing on stdout */
        return NULL;
    }
    return s->conn;
}

void session_disconnect(struct lvsh_session *s)
{
    if (s->conn) {
        complete_cache_drop(s);  /* its event callbacks hold the connection */
        virConnectUnregisterCloseCallback(s->conn, on_conn_close);
        virConnectClose(s->conn);
        virResetLastError();
        s->conn = NULL;
    }
    free(s->conn_uri);
    s->conn_uri = NULL;
}

bool session_interrupted(const struct lvsh_session *s)
{
    return s->interrupted && *s->interrupted;
}

const char *session_uri_label(const struct lvsh_session *s)
{
    if (s->conn_uri)
        return s->conn_uri;
    return s->uri ? s->uri : "default";
}
