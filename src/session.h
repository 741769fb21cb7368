/* session.h: the one session context: connection, event loop, settings. */
#ifndef LVSH_SESSION_H
#define LVSH_SESSION_H

#include "lvsh.h"

void session_init(struct lvsh_session *s);
void session_free(struct lvsh_session *s);
/* Register libvirt's default event loop and run it on its own thread. */
bool session_start_event_loop(struct lvsh_session *s);
/* If the connection was lost since the last report: the reason, once;
 * caller frees.  The dead connection is closed so the next use reconnects. */
char *session_take_lost_report(struct lvsh_session *s);
const char *session_close_reason_text(int reason);

/* "error: interrupted", exit status 130. */
enum lvsh_status session_err_interrupted(struct lvsh_result *r);
/* A command thread's own copy of s: its own strings and reference to the
 * connection, so that the main thread may go on (reconnect, change
 * settings) while an abandoned command still runs. */
void session_copy(struct lvsh_session *ws, struct lvsh_session *s);
void session_copy_free(struct lvsh_session *ws);
/* Forget a connection that a given-up command still uses: its cleanup runs
 * on a thread of its own; the next command opens a fresh one. */
void session_drop_abandoned(struct lvsh_session *s);
/* Make c, opened for uri, the session's connection; watched: its close
 * callback is registered already. */
void session_adopt(struct lvsh_session *s, virConnectPtr c, const char *uri, bool readonly,
                   bool watched);
/* Register (or remove) the session's close callback on c. */
bool session_watch_conn(struct lvsh_session *s, virConnectPtr c);
void session_unwatch_conn(virConnectPtr c);

/* Connecting in the background (session_bg.c): the REPL starts it so that
 * the first TAB finds a connection.  wait: up to ms (< 0: until done, or
 * Ctrl-C), adopting the connection when one came; false when still
 * pending (or interrupted).  No pending connect: true at once. */
void session_background_start(struct lvsh_session *s);
bool session_background_wait(struct lvsh_session *s, long ms);
/* Forget a pending connect (its thread closes what it gets). */
void session_background_abandon(struct lvsh_session *s);

#endif
