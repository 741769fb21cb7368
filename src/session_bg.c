/* session_bg.c: connecting in the background.
 *
 * The REPL connects while the person types, so that the first TAB on a
 * remote host finds a connection and costs one round trip, not a connect.
 * The connect never prompts (it runs beside readline); when it fails, the
 * first command connects again in the foreground, prompting if needed.
 * A connect nobody waits for any more is abandoned: its thread closes
 * what it gets. */
#include "session.h"
#include "util.h"
#include "xmlutil.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct lvsh_bgconn {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int refs;                 /* the session's and the thread's */
    bool done;
    char *uri;                /* what the session asked for (NULL: default) */
    char *open_uri;           /* what is opened: uri, ssh told not to prompt */
    bool readonly;
    struct lvsh_session *watch;   /* register its close callback (the REPL) */
    bool watched;
    virConnectPtr conn;
};

static void bg_unref(struct lvsh_bgconn *b)
{
    pthread_mutex_lock(&b->lock);
    bool last = --b->refs == 0;
    pthread_mutex_unlock(&b->lock);
    if (!last)
        return;
    if (b->conn && b->watched)   /* nobody adopted it */
        session_unwatch_conn(b->conn);
    if (b->conn)
        virConnectClose(b->conn);
    virResetLastError();
    free(b->uri);
    free(b->open_uri);
    pthread_cond_destroy(&b->cond);
    pthread_mutex_destroy(&b->lock);
    free(b);
}

static int no_prompt(virConnectCredentialPtr cred, unsigned int ncred, void *opaque)
{
    (void)cred;
    (void)ncred;
    (void)opaque;
    return -1;
}

static void *bg_main(void *opaque)
{
    struct lvsh_bgconn *b = opaque;
    xml_quiet_this_thread();
    static int types[] = { VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT };
    virConnectAuth auth = { types, sizeof(types) / sizeof(types[0]), no_prompt, NULL };
    virConnectPtr c = virConnectOpenAuth(b->open_uri, &auth, b->readonly ? VIR_CONNECT_RO : 0);
    /* here too, so that the first TAB costs only its listing */
    bool watched = c && b->watch && session_watch_conn(b->watch, c);
    virResetLastError();
    pthread_mutex_lock(&b->lock);
    b->conn = c;
    b->watched = watched;
    b->done = true;
    pthread_cond_broadcast(&b->cond);
    pthread_mutex_unlock(&b->lock);
    bg_unref(b);
    return NULL;
}

/* ssh would ask for a password or a host key on the terminal readline
 * is using: in the background it must fail instead (libvirt's no_tty). */
static char *quiet_uri(const char *uri)
{
    if (!uri)
        return NULL;
    const char *sep = strstr(uri, "://");
    const char *plus = sep ? memchr(uri, '+', (size_t)(sep - uri)) : NULL;
    if (!plus || strncmp(plus, "+ssh:", 5) != 0 || strstr(uri, "no_tty="))
        return xstrdup(uri);
    return xasprintf("%s%cno_tty=1", uri, strchr(uri, '?') ? '&' : '?');
}

void session_background_start(struct lvsh_session *s)
{
    if (s->conn || s->bg)
        return;
    struct lvsh_bgconn *b = xcalloc(1, sizeof(*b));
    pthread_mutex_init(&b->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&b->cond, &ca);
    pthread_condattr_destroy(&ca);
    b->refs = 2;
    b->uri = s->uri ? xstrdup(s->uri) : NULL;
    b->open_uri = quiet_uri(s->uri);
    b->readonly = s->readonly;
    b->watch = s->interactive ? s : NULL;
    pthread_t t;
    if (pthread_create(&t, NULL, bg_main, b) != 0) {
        b->refs = 1;
        bg_unref(b);
        return;
    }
    pthread_detach(t);
    s->bg = b;
}

void session_background_abandon(struct lvsh_session *s)
{
    if (s->bg)
        bg_unref(s->bg);
    s->bg = NULL;
}

/* Wait until b is done, ms at most (< 0: no limit, but Ctrl-C ends it). */
static bool bg_wait_done(struct lvsh_session *s, struct lvsh_bgconn *b, long ms)
{
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long end_ns = (long long)end.tv_sec * 1000000000LL + end.tv_nsec +
                       (ms < 0 ? 0 : (long long)ms * 1000000LL);
    pthread_mutex_lock(&b->lock);
    while (!b->done) {
        struct timespec now, until;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long long now_ns = (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
        /* slices of 100 ms, to see Ctrl-C */
        long long next = now_ns + 100000000LL;
        if (ms >= 0 && next > end_ns)
            next = end_ns;
        if ((ms >= 0 && now_ns >= end_ns) || session_interrupted(s))
            break;
        until.tv_sec = (time_t)(next / 1000000000LL);
        until.tv_nsec = (long)(next % 1000000000LL);
        pthread_cond_timedwait(&b->cond, &b->lock, &until);
    }
    bool done = b->done;
    pthread_mutex_unlock(&b->lock);
    return done;
}

bool session_background_wait(struct lvsh_session *s, long ms)
{
    struct lvsh_bgconn *b = s->bg;
    if (!b)
        return true;
    if (!bg_wait_done(s, b, ms)) {
        if (ms < 0)   /* interrupted: the command gives up on it */
            session_background_abandon(s);
        return false;
    }
    s->bg = NULL;
    bool same = (!b->uri && !s->uri) || (b->uri && s->uri && strcmp(b->uri, s->uri) == 0);
    if (b->conn && same && b->readonly == s->readonly && !s->conn) {
        session_adopt(s, b->conn, s->uri, s->readonly, b->watched);
        if (strcmp(b->open_uri ? b->open_uri : "", b->uri ? b->uri : "") != 0) {
            free(s->conn_uri);   /* show what the person asked for */
            s->conn_uri = xstrdup(b->uri);
        }
        b->conn = NULL;
    }
    bg_unref(b);
    return true;
}
