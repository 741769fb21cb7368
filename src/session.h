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

#endif
