/* edit.h: the one edit loop every *-edit command and --edit form uses.
 *
 * The loop opens the XML in the user's editor, checks the result is
 * well-formed and hands it to the command's apply(); when that fails and a
 * person is at the terminal it shows the error and asks, as virsh does:
 *   y  edit again (the last attempt, not the original)
 *   n  give up (the command fails)
 *   i  define again without validation (only where the job can relax)
 *   f  define the same text again (it may have been a passing failure)
 *   ?  what these mean
 * Without a terminal a failure fails at once. */
#ifndef LVSH_EDIT_H
#define LVSH_EDIT_H

#include "lvsh.h"

enum edit_outcome { EDIT_FAILED, EDIT_UNCHANGED, EDIT_APPLIED };

struct edit_job {
    const char *xml;          /* what the editor starts with */
    const char *file;         /* its name in a malformed-XML error (NULL:
                                 "edited XML") */
    bool can_relax;           /* offer 'i' (apply gets relaxed = true after it) */
    bool apply_unchanged;     /* an unchanged file is applied too (options that
                                 change something by themselves) */
    /* Define the edited text; false with r filled when libvirt refuses it. */
    bool (*apply)(void *ctx, const char *xml, bool relaxed, struct lvsh_result *r);
    void *ctx;
};

enum edit_outcome edit_loop(struct lvsh_session *s, struct lvsh_result *r,
                            const struct edit_job *job);

/* The *-edit of a command's .target that the connection defines again from
 * its whole XML (net-edit, pool-edit, iface-edit, nwfilter-edit): the loop
 * on xml (NULL: the XML could not be read, libvirt's error kept), then
 * "TITLE NAME XML configuration edited." or "... not changed." and the
 * action in JSON, on the object defined. */
struct edit_redefine {
    void *(*define)(virConnectPtr conn, const char *xml);   /* NULL: libvirt's error */
    const char *what;         /* "network filter": in errors */
    const char *title;        /* "Network filter": starts the messages */
};
enum lvsh_status edit_redefine(struct lvsh_session *s, const struct lvsh_args *a,
                               struct lvsh_result *r, const char *xml,
                               const struct edit_redefine *how);

/* The answer to "Try again?" after the text before (the error): 'y', 'n',
 * 'i' or 'f'; '\0' when nobody answers (no terminal, end of input).
 * read_line asks for one line as tty_prompt does (NULL: no terminal).
 * Apart from the loop so a unit test can drive it. */
char edit_ask(const char *before, bool can_relax,
              char *(*read_line)(const char *prompt, bool echo));

#endif
