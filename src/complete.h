/* complete.h: the completion engine behind TAB and `lvsh complete`. */
#ifndef LVSH_COMPLETE_H
#define LVSH_COMPLETE_H

#include "lvsh.h"

/* Candidates for the word under the cursor (NULL-terminated, caller frees
 * each and the array); *word_start is where the replaced word begins. */
char **complete_line(struct lvsh_session *s, const char *line, size_t cursor,
                     size_t *word_start);
void complete_free(char **v);
/* Hook the engine into readline for the REPL. */
void complete_install_readline(struct lvsh_session *s);

#endif
