/* repl.h: the interactive terminal (GNU readline). */
#ifndef LVSH_REPL_H
#define LVSH_REPL_H

#include "lvsh.h"

/* Run until quit or end of input (after the start-up file when rc);
 * returns the exit status. */
int repl_run(struct lvsh_session *s, bool rc);
/* Where the start-up file lives: $XDG_CONFIG_HOME/lvsh/lvshrc; caller frees. */
char *repl_rc_path(void);
/* Call fn for each of the last `last` history lines (all when last < 0),
 * with their numbers; outside the shell, the saved history file's. */
void repl_history_each(int last, void (*fn)(void *opaque, int num, const char *line),
                       void *opaque);
/* Where history lives: $XDG_STATE_HOME/lvsh/history; caller frees. */
char *repl_history_path(void);

#endif
