/* par_each and par_calls: every index once; on a connection to another
 * host par_calls' calls truly together (each waits for all the others to
 * have started) and a listing's many at once; on a local one, the calls
 * of one command on the calling thread and a listing on four. */
#include "unit.h"
#include "parallel.h"
#include "xmlutil.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

static void count(void *ctx, size_t i)
{
    int *hits = ctx;
    __atomic_fetch_add(&hits[i], 1, __ATOMIC_RELAXED);
}

struct meet {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t arrived, want;
    bool all_met;
};

/* Arrive, then wait (5 s at most) until every call has arrived: only calls
 * that run at the same time can all see that. */
static void meet(void *ctx, size_t i)
{
    struct meet *m = ctx;
    (void)i;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 5;
    pthread_mutex_lock(&m->lock);
    m->arrived++;
    pthread_cond_broadcast(&m->cond);
    while (m->arrived < m->want &&
           pthread_cond_timedwait(&m->cond, &m->lock, &until) == 0)
        ;
    if (m->arrived < m->want)
        m->all_met = false;
    pthread_mutex_unlock(&m->lock);
}

static void each_once(size_t n)
{
    int *hits = calloc(n + 1, sizeof(int));
    par_each(n, count, hits);
    int bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += hits[i] != 1;
    CHECK(bad == 0, "par_each(%zu): %d indexes not called exactly once", n, bad);
    free(hits);
}

static void together(size_t n, void (*run)(size_t, void (*)(void *, size_t), void *))
{
    struct meet m = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, n, true };
    run(n, meet, &m);
    CHECK(m.all_met && m.arrived == n, "%zu calls were not all in flight together (%zu met)",
          n, m.arrived);
}

/* How many threads ran the n calls. */
struct who {
    pthread_mutex_t lock;
    pthread_t seen[64];
    size_t n;
};

static void note_thread(void *ctx, size_t i)
{
    struct who *w = ctx;
    (void)i;
    struct timespec pause = { 0, 200000 };   /* let the others take some */
    nanosleep(&pause, NULL);
    pthread_mutex_lock(&w->lock);
    size_t k = 0;
    while (k < w->n && !pthread_equal(w->seen[k], pthread_self()))
        k++;
    if (k == w->n && w->n < 64)
        w->seen[w->n++] = pthread_self();
    pthread_mutex_unlock(&w->lock);
}

static size_t threads_of(size_t n, void (*run)(size_t, void (*)(void *, size_t), void *))
{
    struct who w = { PTHREAD_MUTEX_INITIALIZER, { 0 }, 0 };
    run(n, note_thread, &w);
    return w.n;
}

static void local_uris(void)
{
    const char *local[] = { NULL, "qemu:///system", "test:///default",
                            "test+unix:///default?socket=/tmp/s", "qemu+unix:///system" };
    for (size_t k = 0; k < sizeof(local) / sizeof(local[0]); k++) {
        par_for_uri(local[k]);
        CHECK_INT(threads_of(8, par_calls), 1);
        CHECK(threads_of(400, par_each) <= PAR_LOCAL_THREADS, "%s: more than %d threads",
              local[k] ? local[k] : "(default)", PAR_LOCAL_THREADS);
    }
    const char *remote[] = { "qemu+ssh://root@h/system", "qemu://h/system",
                             "test+tcp://10.250.0.1:16599/x.xml", "test+ext:///default?command=x",
                             "qemu+tls://h/system", "qemu+tcp:///system" };
    for (size_t k = 0; k < sizeof(remote) / sizeof(remote[0]); k++) {
        par_for_uri(remote[k]);
        together(8, par_calls);
    }
}

int main(void)
{
    xml_init_before_threads();   /* as lvsh's main: libxml2's lazy init races */
    local_uris();
    par_for_uri("test+tcp://10.250.0.1:16599/x.xml");
    each_once(0);
    each_once(1);
    each_once(7);
    each_once(1000);
    each_once(100000);
    /* the independent calls of one command: all at once */
    together(2, par_calls);
    together(8, par_calls);
    /* a listing keeps many calls in flight: 32 of 1,000 meet */
    struct meet m = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 32, true };
    par_each(32 * 2, meet, &m);
    CHECK(m.all_met, "par_each(64) did not have 32 calls in flight together");
    return unit_done("test_parallel");
}
