/* parallel.c: many libvirt calls in flight on one connection. */
#include "parallel.h"

#include "bounded.h"
#include "result.h"
#include "util.h"
#include "xmlutil.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A worker only makes libvirt calls: a small stack is plenty, and 64 of
 * libc's default 8 MiB would reserve half a gigabyte of address space. */
#define PAR_STACK (512 * 1024)

static void *par_worker(void *opaque);

/* A started thread: libxml2's error handler is per thread, and a driver
 * in this process may parse XML in a call (as quiet as the main thread). */
static void *par_thread(void *opaque)
{
    xml_quiet_this_thread();
    return par_worker(opaque);
}

static void *par_worker(void *opaque)
{
    struct par_pool *p = opaque;
    size_t i;
    while ((i = __atomic_fetch_add(&p->next, 1, __ATOMIC_RELAXED)) < p->n)
        p->fn(p->ctx, i);
    return NULL;
}

void par_pool_start(struct par_pool *p, size_t nthreads)
{
    if (nthreads > p->n)
        nthreads = p->n;
    p->started = 0;
    pthread_attr_t attr;
    if (nthreads == 0 || pthread_attr_init(&attr) != 0)
        return;
    p->threads = xcalloc(nthreads, sizeof(*p->threads));
    pthread_attr_setstacksize(&attr, PAR_STACK);
    sigset_t old;
    bounded_block_signals(&old);
    while (p->started < nthreads &&
           pthread_create(&p->threads[p->started], &attr, par_thread, p) == 0)
        p->started++;
    bounded_unblock(&old);
    pthread_attr_destroy(&attr);
}

void par_pool_join(struct par_pool *p, bool help)
{
    if (help || p->started == 0)
        par_worker(p);
    for (size_t k = 0; k < p->started; k++)
        pthread_join(p->threads[k], NULL);
    free(p->threads);
    p->threads = NULL;
}

/* fn for every index, on the calling thread and up to extra others. */
static void par_run(size_t n, void (*fn)(void *ctx, size_t i), void *ctx, size_t extra)
{
    struct par_pool p = { .n = n, .fn = fn, .ctx = ctx };
    if (extra > PAR_THREADS - 1)
        extra = PAR_THREADS - 1;
    par_pool_start(&p, extra);
    par_pool_join(&p, true);
}

static bool par_remote;   /* the connection reaches another host */

void par_for_uri(const char *uri)
{
    const char *sep = uri ? strstr(uri, "://") : NULL;
    if (!sep) {   /* no URI, or libvirt's own default: this host */
        par_remote = false;
        return;
    }
    const char *plus = memchr(uri, '+', (size_t)(sep - uri));
    bool unix_socket = plus && strncmp(plus, "+unix:", 6) == 0;
    /* a host part (qemu://host/, test+tcp://h:16509/), or a transport
     * that may lead anywhere (ssh, tls, tcp, ext, libssh) */
    par_remote = !unix_socket && (sep[3] != '/' || plus);
}

void par_each(size_t n, void (*fn)(void *ctx, size_t i), void *ctx)
{
    size_t extra = n < 8 ? 0 : n / 2 - 1;
    /* a few calls are not worth a thread; beyond that, about one thread
     * per two calls, so a short listing does not start threads that
     * would find nothing left to do */
    if (!par_remote && extra > PAR_LOCAL_THREADS - 1)
        extra = PAR_LOCAL_THREADS - 1;
    par_run(n, fn, ctx, extra);
}

void par_calls(size_t n, void (*fn)(void *ctx, size_t i), void *ctx)
{
    par_run(n, fn, ctx, par_remote && n > 1 ? n - 1 : 0);
}

enum lvsh_status par_fail(struct lvsh_result *r, virErrorPtr err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    err_fail(r, "%s", msg);
    free(msg);
    free(r->err_detail);
    r->err_detail = err && err->message ? xstrdup(err->message) : NULL;
    r->err_code = err ? err->code : 0;
    virFreeError(err);
    return LVSH_FAILED;
}
