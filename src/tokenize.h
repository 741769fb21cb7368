/* tokenize.h: split command lines into commands and words (virsh syntax). */
#ifndef LVSH_TOKENIZE_H
#define LVSH_TOKENIZE_H

#include <stddef.h>
#include <stdbool.h>

struct tok_cmd {
    char **argv;     /* NULL-terminated */
    int argc;
    int line;        /* line of the first word, counting from first_line */
};

struct tok_list {
    struct tok_cmd *cmds;
    int ncmds;
    char *error;     /* set on a syntax error */
    int err_line;
    int err_col;     /* 1-based column of the offending quote */
};

/* Split text into commands: blanks separate words; ';' and newline
 * separate commands; '...' is literal, "..." allows \-escapes, a bare
 * backslash escapes the next character; '#' at the start of a word
 * comments to the end of the line.  Returns false on a syntax error
 * (an unterminated quote, a quoted or escaped NUL byte), with the
 * commands before it still listed. */
bool tokenize(const char *text, size_t len, int first_line, struct tok_list *out);
void tok_list_free(struct tok_list *l);

/* The quote still open at the end of text when scanning starts inside
 * quote `open` (0: none): a reader follows a command over many lines by
 * feeding each new chunk once, in linear time. */
char tok_open_quote(const char *text, size_t len, char open);

/* The state at a cursor, for completion. */
struct tok_partial {
    char **words;    /* complete words of the current command before the word */
    int nwords;
    char *word;      /* the (unquoted) word under the cursor, maybe "" */
    size_t word_start; /* byte offset where that word begins in the line */
    char quote;      /* open quote char of the word, or 0 */
    bool after_dashdash; /* a bare "--" came before the word */
};
void tokenize_partial(const char *line, size_t cursor, struct tok_partial *p);
void tok_partial_free(struct tok_partial *p);

/* Quote a word so tokenize() gives it back unchanged; caller frees. */
char *tok_quote(const char *word);

#endif
