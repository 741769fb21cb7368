/* complete.h: the completion engine behind TAB and `lvsh complete`.
 *
 * The engine works on unquoted words: the words of the command before the
 * cursor and the (partial) word under it.  It offers raw names; quoting
 * them for a line is a separate step (complete_matches), so the REPL and
 * the shell scripts share one engine. */
#ifndef LVSH_COMPLETE_H
#define LVSH_COMPLETE_H

#include "lvsh.h"

struct completion {
    char **v;      /* raw candidates, sorted, NULL-terminated (never NULL) */
    size_t n;
    bool files;    /* file names: directories end in '/' and take no space */
};

/* The candidates for cur, the word after words[0..nwords-1] (the command
 * so far; nwords == 0 means cur is a command name). */
void complete_words(struct lvsh_session *s, char *const *words, int nwords,
                    const char *cur, struct completion *out);
/* The same for a given command table (words[0] is its name). */
void complete_cmd_words(struct lvsh_session *s, const struct lvsh_cmd *cmd,
                        char *const *words, int nwords, const char *cur,
                        struct completion *out);
/* The candidates of one completer kind for cur; arg is the object the
 * kind depends on (the --domain of a snapshot, the --pool of a volume). */
void complete_kind(struct lvsh_session *s, enum lvsh_completer kind,
                   const char *arg, const char *cur, struct completion *out);
/* The candidates for the word that ends at cursor in line. */
void complete_line(struct lvsh_session *s, const char *line, size_t cursor,
                   struct completion *out);
void completion_free(struct completion *c);
/* Candidates that are commands or options carry "\t" and a description
 * (fish shows it); for `lvsh complete --describe`. */
void complete_set_describe(bool on);

/* What TAB inserts, in readline's convention: readline replaces
 * line[start, cursor) (start is past an opening quote, if any) with
 * matches[0], quoted for the line; matches[1..] are the raw candidates to
 * list when there are several.  NULL when nothing matches. */
struct complete_info {
    bool files;    /* the candidates are file names (list their last part) */
    bool dir_end;  /* the unique match is a directory: no space after it */
};
char **complete_matches(struct lvsh_session *s, const char *line, size_t start,
                        size_t cursor, struct complete_info *info);
/* text quoted to continue a word whose open quote is q (0: none); close
 * ends the quote; at_start says text begins the word ('#' would comment). */
char *complete_quote(const char *text, char q, bool at_start, bool close);

/* Completer kinds by name ("domain", "pool", ...), in enum order, for
 * `complete --kind`; NULL-terminated. */
extern const char *const complete_kind_names[];
/* The kind with this name, or -1. */
int complete_kind_by_name(const char *name);

/* The values `set NAME` takes (on, off, ...), or NULL; cmds/shell.c. */
const char *const *shell_set_values(const char *name);

/* Hook the engine into readline for the REPL. */
void complete_install_readline(struct lvsh_session *s);

/* ---- the listing cache (complete_cache.c) ----------------------------- */

/* Add the live names of kind (filtered by arg where the kind needs one)
 * through add(); false when there is no usable connection. */
bool cache_list(struct lvsh_session *s, enum lvsh_completer kind, const char *arg,
                void (*add)(void *opaque, const char *name), void *opaque);
/* How long TAB waits for a listing, in ms ($LVSH_COMPLETE_TIMEOUT_MS). */
long complete_timeout_ms(void);
/* Forget every listing and event callback of the session's connection;
 * session_disconnect calls this before closing it. */
void complete_cache_drop(struct lvsh_session *s);
/* Free the cache itself (session_free). */
void complete_cache_free(struct lvsh_session *s);

#endif
