/* repl.h: the interactive terminal (GNU readline). */
#ifndef LVSH_REPL_H
#define LVSH_REPL_H

#include "lvsh.h"

/* Run until quit or end of input; returns the exit status. */
int repl_run(struct lvsh_session *s);
/* Where history lives: $XDG_STATE_HOME/lvsh/history; caller frees. */
char *repl_history_path(void);

#endif
