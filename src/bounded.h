/* bounded.h: run a blocking call on a thread of its own, so that the main
 * thread can give up on it (Ctrl-C, a deadline) and go on.
 *
 * libvirt has no way to cancel most calls: a frozen daemon keeps a caller
 * blocked until keepalive closes the socket, or for ever without it.  So
 * the call runs on a worker thread that owns everything it touches (its
 * argument, its result); the main thread waits, and when it gives up it
 * marks the call abandoned and returns at once.  The abandoned worker frees
 * its argument when the call finally returns (or never, if the process
 * exits first); nothing of the main thread's is written by it. */
#ifndef LVSH_BOUNDED_H
#define LVSH_BOUNDED_H

#include "lvsh.h"

#include <termios.h>

enum bounded_end {
    BOUNDED_DONE,          /* finished by itself */
    BOUNDED_INTERRUPTED,   /* Ctrl-C */
    BOUNDED_TIMED_OUT,     /* the deadline passed */
};

/* How long a cancelled call may take to end by itself before it is
 * abandoned: a call that does not look at its cancellation flag (blocked
 * in libvirt) gets BOUNDED_NOTICE_MS; one that has seen it (it is aborting
 * its job or stream) gets BOUNDED_GRACE_MS to finish. */
#define BOUNDED_NOTICE_MS 150
#define BOUNDED_GRACE_MS 500

/* Run fn(arg) on a new thread with SIGINT and SIGTSTP blocked; fn polls
 * bounded_cancel_flag() to notice a cancellation.  Waits until fn returns, Ctrl-C (*sigint
 * set) or timeout_s seconds of waiting that are not spent in a local section
 * (0: no deadline).  After a cancellation fn gets the time above to
 * return.  *abandoned tells whether it did: if it did not, arg belongs to the
 * worker and free_fn(arg) runs there when fn returns; the caller must not
 * touch arg again.  If the thread cannot be created fn runs here. */
enum bounded_end bounded_run(void (*fn)(void *), void *arg, void (*free_fn)(void *),
                             volatile sig_atomic_t *sigint, int timeout_s,
                             bool *abandoned);
/* The same, calling on_abandon(arg) at the moment of giving up (arg is still
 * alive then: the worker cannot free it before), to silence it. */
enum bounded_end bounded_run_ex(void (*fn)(void *), void *arg, void (*free_fn)(void *),
                                void (*on_abandon)(void *), volatile sig_atomic_t *sigint,
                                int timeout_s, bool *abandoned);

/* For the worker: has the main thread given up on this call?  Always false
 * outside a worker. */
bool bounded_abandoned(void);
/* The cancellation flag of the calling worker, or NULL. */
volatile sig_atomic_t *bounded_cancel_flag(void);
/* The worker has seen its cancellation and is ending (session_interrupted()). */
void bounded_noticed(void);

/* The terminal as a worker leaves it: take it over (false if the call was
 * abandoned: the main thread owns the terminal again), and give it back,
 * restoring saved unless the main thread already did on abandoning. */
bool bounded_tty_take(int fd, const struct termios *saved);
void bounded_tty_give_back(void);

/* Calls abandoned so far whose worker has not returned yet. */
int bounded_pending(void);

/* Block SIGINT and SIGTSTP in threads created by the caller until
 * bounded_unblock(old); they belong to the main thread. */
void bounded_block_signals(sigset_t *old);
/* Start fn(arg) on a detached thread that never takes Ctrl-C or Ctrl-Z;
 * false when no thread could be made. */
bool bounded_spawn(void *(*fn)(void *), void *arg);
void bounded_unblock(const sigset_t *old);

#endif
