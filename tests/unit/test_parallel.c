/* par_each and par_calls: every index once, and par_calls' calls truly
 * together (each waits for all the others to have started). */
#include "unit.h"
#include "parallel.h"

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

int main(void)
{
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
