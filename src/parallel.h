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

/* Fill r as err_virt() would, from an error a worker kept with
 * virSaveLastError() (libvirt's last error is per thread).  Frees err. */
enum lvsh_status par_fail(struct lvsh_result *r, virErrorPtr err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
