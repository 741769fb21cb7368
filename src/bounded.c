/* bounded.c: blocking calls on a worker thread the main thread can give up on. */
#include "bounded.h"
#include "xmlutil.h"
#include "util.h"

#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct bcall {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool done;                  /* fn returned */
    bool abandoned;             /* the main thread went on without it */
    volatile sig_atomic_t cancel;
    int noticed;                /* atomic: the worker saw cancel */
    void (*fn)(void *);
    void *arg;
    void (*free_fn)(void *);
    void (*on_abandon)(void *);
    int local_depth;            /* inside session_local_begin() */
    bool pass_sigint;
    long long local_since, local_ms;
    bool tty_held;              /* the worker has the terminal in its own mode */
    int tty_fd;
    struct termios tty_saved;
};

static __thread struct bcall *self;
static int pending;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void bcall_free(struct bcall *c)
{
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->cond);
    free(c);
}

static void *worker(void *opaque)
{
    struct bcall *c = opaque;
    self = c;
    xml_quiet_this_thread();
    c->fn(c->arg);
    pthread_mutex_lock(&c->lock);
    c->done = true;
    bool abandoned = c->abandoned;
    pthread_cond_signal(&c->cond);
    pthread_mutex_unlock(&c->lock);
    /* from here on c is the main thread's unless it gave up on us */
    if (abandoned) {
        c->free_fn(c->arg);
        bcall_free(c);
        __atomic_sub_fetch(&pending, 1, __ATOMIC_SEQ_CST);
    }
    return NULL;
}

void bounded_block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTSTP);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

void bounded_unblock(const sigset_t *old)
{
    pthread_sigmask(SIG_SETMASK, old, NULL);
}

/* Give up on c (its lock held): the terminal goes back to what it was. */
static void abandon(struct bcall *c)
{
    c->abandoned = true;
    if (c->on_abandon)
        c->on_abandon(c->arg);
    __atomic_add_fetch(&pending, 1, __ATOMIC_SEQ_CST);
    if (c->tty_held)
        tcsetattr(c->tty_fd, TCSADRAIN, &c->tty_saved);
    c->tty_held = false;
}

/* The main thread's side: wait, cancel, and give up after the grace time. */
static enum bounded_end wait_call(struct bcall *c, volatile sig_atomic_t *sigint,
                                  int timeout_s, bool *abandoned)
{
    long long start = now_ms(), cancel_at = 0;
    enum bounded_end why = BOUNDED_DONE;
    pthread_mutex_lock(&c->lock);
    while (!c->done) {
        struct timespec until = timespec_in_ms(CLOCK_MONOTONIC, 50);
        pthread_cond_timedwait(&c->cond, &c->lock, &until);
        if (c->done)
            break;
        long long t = now_ms();
        if (sigint && *sigint && why == BOUNDED_DONE) {
            if (c->local_depth && c->pass_sigint) {
                *sigint = 0;   /* the editor's Ctrl-C, not ours */
            } else {
                why = BOUNDED_INTERRUPTED;
                c->cancel = 1;
                cancel_at = t;
            }
        }
        long long local = c->local_ms + (c->local_depth ? t - c->local_since : 0);
        if (why == BOUNDED_DONE && timeout_s > 0 && t - start - local >= timeout_s * 1000LL) {
            why = BOUNDED_TIMED_OUT;
            c->cancel = 1;
            cancel_at = t;
        }
        long long grace = __atomic_load_n(&c->noticed, __ATOMIC_ACQUIRE) ? BOUNDED_GRACE_MS
                                                                        : BOUNDED_NOTICE_MS;
        if (why != BOUNDED_DONE && !c->local_depth && t - cancel_at >= grace) {
            abandon(c);
            break;
        }
    }
    *abandoned = c->abandoned;
    pthread_mutex_unlock(&c->lock);
    return why;
}

enum bounded_end bounded_run(void (*fn)(void *), void *arg, void (*free_fn)(void *),
                             volatile sig_atomic_t *sigint, int timeout_s, bool *abandoned)
{
    return bounded_run_ex(fn, arg, free_fn, NULL, sigint, timeout_s, abandoned);
}

/* A thread that never takes Ctrl-C or Ctrl-Z, joinable or detached. */
static bool spawn_thread(void *(*fn)(void *), void *arg, bool detached, pthread_t *t)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    if (detached)
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    sigset_t old;
    bounded_block_signals(&old);
    int rc = pthread_create(t, &attr, fn, arg);
    bounded_unblock(&old);
    pthread_attr_destroy(&attr);
    return rc == 0;
}

bool bounded_spawn(void *(*fn)(void *), void *arg)
{
    pthread_t t;
    return spawn_thread(fn, arg, true, &t);
}

enum bounded_end bounded_run_ex(void (*fn)(void *), void *arg, void (*free_fn)(void *),
                                void (*on_abandon)(void *), volatile sig_atomic_t *sigint,
                                int timeout_s, bool *abandoned)
{
    struct bcall *c = xcalloc(1, sizeof(*c));
    pthread_mutex_init(&c->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&c->cond, &ca);
    pthread_condattr_destroy(&ca);
    c->fn = fn;
    c->arg = arg;
    c->free_fn = free_fn;
    c->on_abandon = on_abandon;
    *abandoned = false;

    pthread_t t;
    if (!spawn_thread(worker, c, false, &t)) {
        bcall_free(c);
        fn(arg);
        return sigint && *sigint ? BOUNDED_INTERRUPTED : BOUNDED_DONE;
    }
    enum bounded_end why = wait_call(c, sigint, timeout_s, abandoned);
    if (*abandoned) {
        pthread_detach(t);
    } else {
        /* it has signalled and is only exiting: waiting for it lets the
         * thread-local state of libvirt, glib and libxml2 be freed before
         * a one-shot lvsh exits */
        pthread_join(t, NULL);
        bcall_free(c);
    }
    return why;
}

bool bounded_abandoned(void)
{
    struct bcall *c = self;
    if (!c)
        return false;
    pthread_mutex_lock(&c->lock);
    bool a = c->abandoned;
    pthread_mutex_unlock(&c->lock);
    return a;
}

volatile sig_atomic_t *bounded_cancel_flag(void)
{
    return self ? &self->cancel : NULL;
}

void bounded_noticed(void)
{
    if (self)
        __atomic_store_n(&self->noticed, 1, __ATOMIC_RELEASE);
}

void session_local_begin(bool pass_sigint)
{
    struct bcall *c = self;
    if (!c)
        return;
    pthread_mutex_lock(&c->lock);
    if (c->local_depth++ == 0) {
        c->local_since = now_ms();
        c->pass_sigint = pass_sigint;
    }
    pthread_mutex_unlock(&c->lock);
}

void session_local_end(void)
{
    struct bcall *c = self;
    if (!c)
        return;
    pthread_mutex_lock(&c->lock);
    if (c->local_depth > 0 && --c->local_depth == 0)
        c->local_ms += now_ms() - c->local_since;
    pthread_mutex_unlock(&c->lock);
}

/* Outside a worker the terminal is simply the caller's. */
static __thread struct termios plain_saved;
static __thread int plain_fd = -1;

bool bounded_tty_take(int fd, const struct termios *saved)
{
    struct bcall *c = self;
    if (!c) {
        plain_fd = fd;
        plain_saved = *saved;
        return true;
    }
    pthread_mutex_lock(&c->lock);
    bool ok = !c->abandoned;
    if (ok) {
        c->tty_held = true;
        c->tty_fd = fd;
        c->tty_saved = *saved;
    }
    pthread_mutex_unlock(&c->lock);
    return ok;
}

void bounded_tty_give_back(void)
{
    struct bcall *c = self;
    if (!c) {
        if (plain_fd >= 0)
            tcsetattr(plain_fd, TCSAFLUSH, &plain_saved);
        plain_fd = -1;
        return;
    }
    pthread_mutex_lock(&c->lock);
    if (c->tty_held)
        tcsetattr(c->tty_fd, TCSAFLUSH, &c->tty_saved);
    c->tty_held = false;
    pthread_mutex_unlock(&c->lock);
}

int bounded_pending(void)
{
    return __atomic_load_n(&pending, __ATOMIC_SEQ_CST);
}
