/* parallel.c: per-object libvirt calls on a few threads at once. */
#include "parallel.h"

#include <pthread.h>

struct par_job {
    size_t n;
    size_t next;                    /* the next index to take (atomic) */
    void (*fn)(void *ctx, size_t i);
    void *ctx;
};

static void *par_worker(void *opaque)
{
    struct par_job *job = opaque;
    size_t i;
    while ((i = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED)) < job->n)
        job->fn(job->ctx, i);
    return NULL;
}

void par_each(size_t n, void (*fn)(void *ctx, size_t i), void *ctx)
{
    struct par_job job = { n, 0, fn, ctx };
    pthread_t t[PAR_THREADS - 1];
    int started = 0;

    /* a few calls are not worth a thread */
    for (int k = 0; n >= 8 && k < PAR_THREADS - 1; k++) {
        if (pthread_create(&t[k], NULL, par_worker, &job) != 0)
            break;
        started++;
    }
    par_worker(&job);
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
}
