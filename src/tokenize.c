/* tokenize.c: the line syntax shared by the REPL, -f scripts and one-shots. */
#include "tokenize.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum tok_kind { TK_WORD, TK_SEP };

struct tok {
    enum tok_kind kind;
    char *text;
    size_t start;
    int line;
};

struct scan {
    struct tok *toks;
    size_t n, cap;
    char open_quote;      /* quote still open at the end of input */
    size_t quote_off;     /* where it was opened */
    int quote_line, quote_col;
    bool word_at_end;     /* input ended inside a word */
    bool dangling;        /* input ended in a backslash with nothing to escape */
    size_t dangling_off;
    int dangling_line, dangling_col;
    bool dashdash;        /* last command saw a bare "--" before the end word */
    bool nul;             /* a NUL byte was seen in a quote or after \ */
    size_t nul_off;
    int nul_line, nul_col;
};

static void scan_push(struct scan *sc, enum tok_kind kind, char *text,
                      size_t start, int line)
{
    if (sc->n == sc->cap) {
        sc->cap = sc->cap ? sc->cap * 2 : 16;
        sc->toks = xrealloc(sc->toks, sc->cap * sizeof(*sc->toks));
    }
    sc->toks[sc->n++] = (struct tok){ kind, text, start, line };
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\0';
}

/* Remember the first NUL byte: C strings would cut the word there. */
static void scan_note_nul(struct scan *sc, size_t off, int line, size_t line_start)
{
    if (sc->nul)
        return;
    sc->nul = true;
    sc->nul_off = off;
    sc->nul_line = line;
    sc->nul_col = (int)(off - line_start) + 1;
}

/* Does a line continuation (backslash, then LF or CRLF) start at i? */
static size_t continuation_len(const char *text, size_t len, size_t i)
{
    if (text[i] != '\\' || i + 1 >= len)
        return 0;
    if (text[i + 1] == '\n')
        return 2;
    return i + 2 < len && text[i + 1] == '\r' && text[i + 2] == '\n' ? 3 : 0;
}

/* Scan text into words and separators, starting inside quote `quote` (0:
 * none); never fails, records open quotes and NUL bytes. */
static void scan_text_from(const char *text, size_t len, int first_line, char quote,
                           struct scan *sc)
{
    struct buf w = BUF_INIT;
    bool in_word = quote != 0;
    size_t word_start = 0, line_start = 0;
    int line = first_line, word_line = first_line;

    memset(sc, 0, sizeof(*sc));
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        /* unquoted, a NUL separates words; quoted or escaped it would cut one */
        if ((c == '\0' && quote) || (c == '\\' && quote != '\'' && i + 1 < len &&
                                     text[i + 1] == '\0'))
            scan_note_nul(sc, c ? i + 1 : i, line, line_start);
        if (quote == '\'') {
            if (c == '\'')
                quote = 0;
            else
                buf_addc(&w, c);
            if (c == '\n') { line++; line_start = i + 1; }
            continue;
        }
        if (quote == '"') {
            if (c == '"') {
                quote = 0;
            } else if (c == '\\' && i + 1 < len && text[i + 1] == '\n') {
                i++;   /* as virsh: a backslash-newline joins, in quotes too */
                line++;
                line_start = i + 1;
            } else if (c == '\\' && i + 1 < len) {
                buf_addc(&w, text[++i]);
                if (text[i] == '\n') { line++; line_start = i + 1; }
            } else {
                buf_addc(&w, c);
                if (c == '\n') { line++; line_start = i + 1; }
            }
            continue;
        }
        if (c == '\n' || c == ';' || is_blank(c)) {
            if (in_word) {
                scan_push(sc, TK_WORD, buf_steal(&w), word_start, word_line);
                in_word = false;
            }
            if (c == '\n' || c == ';')
                scan_push(sc, TK_SEP, NULL, i, line);
            if (c == '\n') { line++; line_start = i + 1; }
            continue;
        }
        if (continuation_len(text, len, i)) {
            i += continuation_len(text, len, i) - 1;   /* joins lines, makes no word */
            line++;
            line_start = i + 1;
            continue;
        }
        if (c == '#' && !in_word) {
            while (i + 1 < len && text[i + 1] != '\n')
                i++;
            continue;
        }
        if (!in_word) {
            in_word = true;
            word_start = i;
            word_line = line;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            sc->quote_off = i;
            sc->quote_line = line;
            sc->quote_col = (int)(i - line_start) + 1;
        } else if (c == '\\' && i + 1 < len) {
            buf_addc(&w, text[++i]);
        } else {
            buf_addc(&w, c);
        }
    }
    /* a final backslash escapes nothing: virsh's "dangling \" */
    if (len && text[len - 1] == '\\' && quote != '\'') {
        size_t k = len - 1, n = 0;
        while (k > 0 && text[k - 1] == '\\') {
            k--;
            n++;
        }
        if (n % 2 == 0) {
            sc->dangling = true;
            sc->dangling_off = len - 1;
            sc->dangling_line = line;
            sc->dangling_col = (int)(len - 1 - line_start) + 1;
        }
    }
    sc->open_quote = quote;
    if (in_word) {
        scan_push(sc, TK_WORD, buf_steal(&w), word_start, word_line);
        sc->word_at_end = true;
    }
    buf_free(&w);
}

static void scan_text(const char *text, size_t len, int first_line, struct scan *sc)
{
    scan_text_from(text, len, first_line, 0, sc);
}

static void scan_free(struct scan *sc)
{
    for (size_t i = 0; i < sc->n; i++)
        free(sc->toks[i].text);
    free(sc->toks);
}

char tok_open_quote(const char *text, size_t len, char open)
{
    struct scan sc;
    scan_text_from(text, len, 1, open, &sc);
    char q = sc.open_quote;
    scan_free(&sc);
    return q;
}

static void list_add_cmd(struct tok_list *l, char **argv, int argc, int line)
{
    /* double at powers of two: one slot at a time is quadratic under valgrind */
    if ((l->ncmds & (l->ncmds - 1)) == 0)
        l->cmds = xrealloc(l->cmds, (size_t)(l->ncmds ? l->ncmds * 2 : 1) * sizeof(*l->cmds));
    l->cmds[l->ncmds++] = (struct tok_cmd){ argv, argc, line };
}

/* A NUL byte makes its command, and every one after, not run: a C string
 * would end the word there ('test\0-staging' would name 'test'). */
static bool nul_cuts(const struct scan *sc, size_t sep)
{
    return sc->nul && (sep == sc->n || sc->toks[sep].start >= sc->nul_off);
}

bool tokenize(const char *text, size_t len, int first_line, struct tok_list *out)
{
    struct scan sc;
    size_t i = 0;

    memset(out, 0, sizeof(*out));
    scan_text(text, len, first_line, &sc);
    while (i < sc.n) {
        size_t j = i;
        while (j < sc.n && sc.toks[j].kind == TK_WORD)
            j++;
        /* a command cut by an unterminated quote is not run; one whose
         * first word is a quoted or escaped '#' is a comment, as in virsh */
        bool cut = (sc.open_quote || sc.dangling) && j == sc.n;
        if (nul_cuts(&sc, j))
            break;
        if (j > i && !cut && sc.toks[i].text[0] != '#') {
            int argc = (int)(j - i);
            char **argv = xcalloc((size_t)argc + 1, sizeof(*argv));
            for (size_t k = i; k < j; k++) {
                argv[k - i] = sc.toks[k].text;
                sc.toks[k].text = NULL;
            }
            list_add_cmd(out, argv, argc, sc.toks[i].line);
        }
        i = j < sc.n ? j + 1 : j;
    }
    if (sc.dangling && !(sc.nul && sc.nul_off < sc.dangling_off)) {
        out->error = xstrdup("dangling \\");
        out->err_line = sc.dangling_line;
        out->err_col = sc.dangling_col;
    } else if (sc.nul) {
        out->error = xstrdup("NUL byte in the line");
        out->err_line = sc.nul_line;
        out->err_col = sc.nul_col;
    } else if (sc.open_quote) {
        out->error = xasprintf("unterminated %s quote",
                               sc.open_quote == '"' ? "double" : "single");
        out->err_line = sc.quote_line;
        out->err_col = sc.quote_col;
    }
    scan_free(&sc);
    return out->error == NULL;
}

void tok_list_free(struct tok_list *l)
{
    for (int i = 0; i < l->ncmds; i++) {
        for (int k = 0; k < l->cmds[i].argc; k++)
            free(l->cmds[i].argv[k]);
        free(l->cmds[i].argv);
    }
    free(l->cmds);
    free(l->error);
    memset(l, 0, sizeof(*l));
}

void tokenize_partial(const char *line, size_t cursor, struct tok_partial *p)
{
    struct scan sc;
    size_t first = 0, end;

    memset(p, 0, sizeof(*p));
    scan_text(line, cursor, 1, &sc);
    for (size_t i = 0; i < sc.n; i++)
        if (sc.toks[i].kind == TK_SEP)
            first = i + 1;
    end = sc.n;
    if (sc.word_at_end && end > first) {
        end--;
        p->word = sc.toks[end].text;
        sc.toks[end].text = NULL;
        p->word_start = sc.toks[end].start;
        p->quote = sc.open_quote;
        if (!p->quote && (line[p->word_start] == '"' || line[p->word_start] == '\''))
            p->quote = 0;
    } else {
        p->word = xstrdup("");
        p->word_start = cursor;
    }
    p->words = xcalloc(end - first + 1, sizeof(char *));
    for (size_t i = first; i < end; i++) {
        if (strcmp(sc.toks[i].text, "--") == 0)
            p->after_dashdash = true;
        p->words[p->nwords++] = sc.toks[i].text;
        sc.toks[i].text = NULL;
    }
    scan_free(&sc);
}

void tok_partial_free(struct tok_partial *p)
{
    for (int i = 0; i < p->nwords; i++)
        free(p->words[i]);
    free(p->words);
    free(p->word);
    memset(p, 0, sizeof(*p));
}

char *tok_quote(const char *word)
{
    bool plain = *word != '\0';
    for (const char *c = word; *c && plain; c++)
        if (is_blank(*c) || strchr("'\"\\;#\n", *c))
            plain = false;
    if (plain)
        return xstrdup(word);
    struct buf b = BUF_INIT;
    buf_addc(&b, '\'');
    for (const char *c = word; *c; c++) {
        if (*c == '\'')
            buf_adds(&b, "'\\''");
        else
            buf_addc(&b, *c);
    }
    buf_addc(&b, '\'');
    return buf_steal(&b);
}
