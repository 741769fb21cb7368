/* parallel.h: per-object libvirt calls on a few threads at once.
 *
 * Where libvirt has no bulk form (a volume's path, a domain's title, a
 * snapshot's XML), a listing needs one call per object.  The remote driver
 * lets several threads have calls in flight on one connection, so running
 * them from PAR_THREADS threads turns N round trips into about
 * N / PAR_THREADS latencies.  The number of calls does not change. */
#ifndef LVSH_PARALLEL_H
#define LVSH_PARALLEL_H

#include <stddef.h>

/* libvirtd serves up to 5 calls of one client at a time by default
 * (max_client_requests); more threads would only queue there. */
#define PAR_THREADS 4

/* Call fn(ctx, i) once for every i in [0, n), from the calling thread and
 * up to PAR_THREADS - 1 others.  fn must only write what belongs to i, and
 * handles libvirt's (per-thread) errors itself.  Runs serially for small n
 * or when threads cannot be started. */
void par_each(size_t n, void (*fn)(void *ctx, size_t i), void *ctx);

#endif
