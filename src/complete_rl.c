/* complete_rl.c: quoting candidates for the line, and the readline glue.
 *
 * readline finds the word itself (honouring an open quote) and replaces
 * line[start, cursor) with what we return.  We re-read the line with the
 * shell's own tokenizer: the unquoted text before start is the part of the
 * candidate already on the line; the rest is quoted for the quote state at
 * start.  Unquoted names that need quoting get single quotes, as tok_quote
 * and `echo --shell` do: 'beta db'. */
#include "complete.h"
#include "tokenize.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>

static bool is_special(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           c == '\'' || c == '"' || c == '\\' || c == ';';
}

char *complete_quote(const char *text, char q, bool at_start, bool close)
{
    struct buf b = BUF_INIT;
    if (q == 0) {
        bool plain = !(at_start && text[0] == '#');
        for (const char *p = text; *p && plain; p++)
            plain = !is_special(*p);
        if (plain)
            return xstrdup(text);
        q = '\'';
        buf_addc(&b, q);
    }
    for (const char *p = text; *p; p++) {
        if (q == '\'' && *p == '\'')
            buf_adds(&b, "'\\''");
        else if (q == '"' && (*p == '"' || *p == '\\'))
            buf_printf(&b, "\\%c", *p);
        else
            buf_addc(&b, *p);
    }
    if (close)
        buf_addc(&b, q);
    return buf_steal(&b);
}

/* Length of the common prefix of all candidates, on a character boundary. */
static size_t common_prefix(char *const *v, size_t n)
{
    size_t len = strlen(v[0]);
    for (size_t i = 1; i < n; i++) {
        size_t k = 0;
        while (k < len && v[i][k] == v[0][k])
            k++;
        len = k;
    }
    while (len > 0 && ((unsigned char)v[0][len] & 0xC0) == 0x80)
        len--;   /* never split a UTF-8 sequence */
    return len;
}

/* The replacement for line[start, cursor) when the candidates are c. */
static char *replacement(const struct completion *c, const char *line, size_t start,
                         size_t cursor, const char *typed, const char *done, char q,
                         bool *dir_end)
{
    size_t dlen = strlen(done);
    if (c->n == 1) {
        *dir_end = c->files && c->v[0][strlen(c->v[0]) - 1] == '/';
        return complete_quote(c->v[0] + dlen, q, dlen == 0, !*dir_end);
    }
    size_t lcd = common_prefix(c->v, c->n);
    if (lcd <= strlen(typed) || lcd < dlen)
        return xstrndup(line + start, cursor - start);  /* keep what was typed */
    char *part = xstrndup(c->v[0] + dlen, lcd - dlen);
    char *r = complete_quote(part, q, dlen == 0, false);
    free(part);
    return r;
}

char **complete_matches(struct lvsh_session *s, const char *line, size_t start,
                        size_t cursor, struct complete_info *info)
{
    struct tok_partial full, pre;
    struct completion c;
    char **m = NULL;

    memset(info, 0, sizeof(*info));
    if (start > cursor)
        return NULL;
    tokenize_partial(line, cursor, &full);
    tokenize_partial(line, start, &pre);
    bool inside = start > full.word_start;
    const char *done = inside ? pre.word : "";
    char q = inside ? pre.quote : 0;
    complete_words(s, full.words, full.nwords, full.word, &c);
    info->files = c.files;
    /* readline must agree with us on where the word starts */
    bool ok = c.n > 0 && (!inside || pre.word_start == full.word_start);
    for (size_t i = 0; ok && i < c.n; i++)
        ok = str_prefix(c.v[i], done);
    if (ok) {
        m = xcalloc(c.n + 2, sizeof(char *));
        m[0] = replacement(&c, line, start, cursor, full.word, done, q, &info->dir_end);
        if (q && m[0][0] == q) {
            /* readline would take this quote for the one it opened */
            char *r = xasprintf("%c%s", q, m[0]);
            free(m[0]);
            m[0] = r;
        }
        for (size_t i = 0; c.n > 1 && i < c.n; i++)
            m[i + 1] = xstrdup(c.v[i]);
    }
    completion_free(&c);
    tok_partial_free(&full);
    tok_partial_free(&pre);
    return m;
}

/* ---- readline ----------------------------------------------------------- */

/* readline's hooks take no user pointer: the session travels through here. */
static struct lvsh_session *rl_sess;

/* File names are listed by their last part, as shells do. */
static void rl_display_files(char **matches, int n, int max)
{
    char **disp = xcalloc((size_t)n + 2, sizeof(char *));
    (void)max;
    int width = 0;
    disp[0] = matches[0];
    for (int i = 1; i <= n; i++) {
        const char *m = matches[i];
        size_t len = strlen(m);
        const char *base = m + len;
        if (len && m[len - 1] == '/')
            base--;
        while (base > m && base[-1] != '/')
            base--;
        disp[i] = (char *)base;
        if ((int)strlen(base) > width)
            width = (int)strlen(base);
    }
    rl_display_match_list(disp, n, width);
    rl_forced_update_display();
    free(disp);
}

static char **rl_attempt(const char *text, int start, int end)
{
    struct complete_info info;
    (void)text;
    rl_attempted_completion_over = 1;   /* never readline's own file names */
    rl_completion_suppress_quote = 1;   /* our replacement closes quotes */
    char **m = complete_matches(rl_sess, rl_line_buffer, (size_t)start, (size_t)end, &info);
    rl_completion_suppress_append = info.dir_end;
    rl_completion_display_matches_hook = info.files ? rl_display_files : NULL;
    return m;
}

void complete_install_readline(struct lvsh_session *s)
{
    rl_sess = s;
    rl_attempted_completion_function = rl_attempt;
    rl_completer_word_break_characters = (char *)" \t\n;";
    rl_completer_quote_characters = "\"'";
}
