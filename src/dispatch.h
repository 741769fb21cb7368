/* dispatch.h: run commands: look up, parse, check, call, render. */
#ifndef LVSH_DISPATCH_H
#define LVSH_DISPATCH_H

#include "lvsh.h"

/* Run one command given as words; errors name file:line when file is set. */
enum lvsh_status dispatch_argv(struct lvsh_session *s, int argc, char *const argv[],
                               const char *file, int line);

/* Run every command in text.  With stop set, the first failure ends the
 * run.  Returns the first failure's status (or LVSH_OK). */
enum lvsh_status run_text(struct lvsh_session *s, const char *text, size_t len,
                          const char *file, int first_line, bool stop);

/* Run a script stream line by line (so a pipe is served as it arrives). */
enum lvsh_status run_stream(struct lvsh_session *s, FILE *in, const char *name, bool stop);

/* On a command's worker thread: the thread's cancellation flag becomes the
 * session's, the core looks up the command's .target, then the handler runs. */
enum lvsh_status dispatch_job_handler(const struct lvsh_cmd *cmd, struct lvsh_session *ws,
                                      struct lvsh_args *a, struct lvsh_result *r);

/* virsh mode with -c: connect before running anything, as virsh does; a
 * failure is reported (nothing on stdout) and nothing runs. */
enum lvsh_status dispatch_connect_first(struct lvsh_session *s);

/* Report a lost connection once, before the next command uses it. */
void dispatch_report_lost(struct lvsh_session *s, const char *file, int line);

#endif
