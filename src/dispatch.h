/* dispatch.h: run commands: look up, parse, check, call, render. */
#ifndef LVSH_DISPATCH_H
#define LVSH_DISPATCH_H

#include "lvsh.h"
#include "result.h"

/* Run one command given as words; errors name file:line when file is set. */
enum lvsh_status dispatch_argv(struct lvsh_session *s, int argc, char *const argv[],
                               const char *file, int line);

/* Run every command in text.  With stop set, the first failure ends the
 * run.  Returns the first failure's status (or LVSH_OK). */
enum lvsh_status run_text(struct lvsh_session *s, const char *text, size_t len,
                          const char *file, int first_line, bool stop);

/* Run a script stream line by line (so a pipe is served as it arrives). */
enum lvsh_status run_stream(struct lvsh_session *s, FILE *in, const char *name, bool stop);

/* A command's run: everything its handler touches.  Commands that talk to
 * libvirt run on a thread of their own (bounded.h) so that Ctrl-C and
 * --timeout can give up on them; given up on, the job belongs to that
 * thread, which frees it when the handler finally returns. */
struct cmd_job {
    const struct lvsh_cmd *cmd;
    int argc;
    char **argv;                /* a copy: the line it came from is freed */
    struct lvsh_args a;
    struct lvsh_result r;
    struct lvsh_session ws;     /* the handler's copy of the session */
    bool has_ws;
    enum lvsh_status st;
};
/* Set up a zeroed j to run cmd on a copy of argv. */
void cmd_job_init(struct cmd_job *j, const struct lvsh_cmd *cmd, int argc, char *const argv[]);
/* Free what j holds (not j itself). */
void cmd_job_clear(struct cmd_job *j);
/* bounded_run_ex's mute, as the main thread gives up on the job at opaque
 * (a struct cmd_job, or a struct that starts with one): nothing more
 * reaches the screen. */
void cmd_job_mute(void *opaque);

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
