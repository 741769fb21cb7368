/* parallel.h: many libvirt calls in flight on one connection.
 *
 * Where libvirt has no bulk form (a volume's path, a domain's title, a
 * snapshot's XML), a listing needs one call per object.  The remote driver
 * lets several threads have calls in flight on one connection, so making
 * them from PAR_THREADS threads turns N round trips into about
 * N / PAR_THREADS latencies.  The number of calls does not change.
 *
 * The daemon limits how many calls of one client it *processes* at once
 * (max_client_requests, 5 by default); the rest wait in its socket buffer
 * for microseconds, while a round trip to a remote host costs milliseconds.
 * So the number in flight is sized for latency, not for that limit. */
#ifndef LVSH_PARALLEL_H
#define LVSH_PARALLEL_H

#include "lvsh.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* Calls in flight at most (threads, the calling one included), on a
 * connection to another host; on a local one (a unix socket, no host) a
 * round trip costs microseconds, and a thread's start more than it saves:
 * PAR_LOCAL_THREADS for listings, independent calls one after another. */
#define PAR_THREADS 64
#define PAR_LOCAL_THREADS 4

/* Size what follows for the connection to uri (the session calls this
 * when it connects); until then, as for a local one. */
void par_for_uri(const char *uri);

/* Call fn(ctx, i) once for every i in [0, n), from the calling thread and
 * up to PAR_THREADS - 1 others (PAR_LOCAL_THREADS - 1 on a local connection).  fn must only write what belongs to i, and
 * handles libvirt's (per-thread) errors itself.  Runs serially for small n
 * or when threads cannot be started. */
void par_each(size_t n, void (*fn)(void *ctx, size_t i), void *ctx);

/* The same for a few independent calls of one command (n <= PAR_THREADS):
 * each gets a thread, so all are on the wire together: one round trip.
 * On a local connection they run one after another on the calling thread. */
void par_calls(size_t n, void (*fn)(void *ctx, size_t i), void *ctx);

/* The threads behind both, for a caller that runs stages side by side (the
 * fleet): up to a number of threads take the indexes [0, n) from one
 * counter and call fn(ctx, i).  Set n, fn and ctx, zero the rest. */
struct par_pool {
    size_t n;
    size_t next;                    /* the next index to take (atomic) */
    void (*fn)(void *ctx, size_t i);
    void *ctx;
    pthread_t *threads;
    size_t started;
};

/* Start up to nthreads threads (no more than n) on p; they take no Ctrl-C
 * or Ctrl-Z, which belong to the main thread. */
void par_pool_start(struct par_pool *p, size_t nthreads);

/* Wait for p's threads.  The calling thread takes indexes too when help is
 * true, and always when no thread started. */
void par_pool_join(struct par_pool *p, bool help);

/* Fill r as err_virt() would, from an error a worker kept with
 * virSaveLastError() (libvirt's last error is per thread).  Frees err. */
enum lvsh_status par_fail(struct lvsh_result *r, virErrorPtr err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
