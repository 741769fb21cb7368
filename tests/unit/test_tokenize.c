/* Tokenizer: quotes, escapes, comments, separators, errors, huge lines. */
#include "unit.h"
#include "tokenize.h"
#include "util.h"

#include <stdlib.h>

static struct tok_list tk(const char *s, bool *ok)
{
    struct tok_list l;
    *ok = tokenize(s, strlen(s), 1, &l);
    return l;
}

static void test_words(void)
{
    bool ok;
    struct tok_list l = tk("  list   --all\t--name ", &ok);
    CHECK(ok, "plain line parses");
    CHECK_INT(l.ncmds, 1);
    CHECK_INT(l.cmds[0].argc, 3);
    CHECK_STR(l.cmds[0].argv[0], "list");
    CHECK_STR(l.cmds[0].argv[2], "--name");
    CHECK(l.cmds[0].argv[3] == NULL, "argv is NULL-terminated");
    tok_list_free(&l);
}

static void test_quotes(void)
{
    bool ok;
    struct tok_list l = tk("echo 'a b' \"c \\\"d\\\" e\" f\\ g 'it'\\''s' \"\" x\"y\"z", &ok);
    CHECK(ok, "quotes parse");
    CHECK_INT(l.cmds[0].argc, 7);
    CHECK_STR(l.cmds[0].argv[1], "a b");
    CHECK_STR(l.cmds[0].argv[2], "c \"d\" e");
    CHECK_STR(l.cmds[0].argv[3], "f g");
    CHECK_STR(l.cmds[0].argv[4], "it's");
    CHECK_STR(l.cmds[0].argv[5], "");
    CHECK_STR(l.cmds[0].argv[6], "xyz");
    tok_list_free(&l);

    l = tk("echo 'single \\ stays' \"semi;colon\" 'hash #x'", &ok);
    CHECK_STR(l.cmds[0].argv[1], "single \\ stays");
    CHECK_STR(l.cmds[0].argv[2], "semi;colon");
    CHECK_STR(l.cmds[0].argv[3], "hash #x");
    tok_list_free(&l);
}

static void test_separators_comments(void)
{
    bool ok;
    struct tok_list l = tk("a 1; b 2\n# whole line\nc#notcomment # comment\n;;\n d", &ok);
    CHECK(ok, "separators parse");
    CHECK_INT(l.ncmds, 4);
    CHECK_STR(l.cmds[0].argv[0], "a");
    CHECK_STR(l.cmds[1].argv[1], "2");
    CHECK_STR(l.cmds[2].argv[0], "c#notcomment");
    CHECK_INT(l.cmds[2].argc, 1);
    CHECK_INT(l.cmds[2].line, 3);
    CHECK_STR(l.cmds[3].argv[0], "d");
    CHECK_INT(l.cmds[3].line, 5);
    tok_list_free(&l);

    l = tk("list --all\r\ndomstate test\r\n", &ok);
    CHECK_INT(l.ncmds, 2);
    CHECK_STR(l.cmds[0].argv[1], "--all");
    CHECK_STR(l.cmds[1].argv[1], "test");
    tok_list_free(&l);

    l = tk("a \\\n b", &ok);
    CHECK_INT(l.ncmds, 1);
    CHECK_INT(l.cmds[0].argc, 2);
    tok_list_free(&l);
}

static void test_errors(void)
{
    bool ok;
    struct tok_list l = tk("list; echo \"open", &ok);
    CHECK(!ok, "unterminated double quote fails");
    CHECK_INT(l.ncmds, 1);
    CHECK_INT(l.err_col, 12);
    CHECK(l.error && strstr(l.error, "double"), "error names the quote: %s", l.error);
    tok_list_free(&l);

    l = tk("x\n  echo 'a", &ok);
    CHECK(!ok, "unterminated single quote fails");
    CHECK_INT(l.err_line, 2);
    CHECK_INT(l.err_col, 8);
    tok_list_free(&l);
}

static void test_huge_and_binary(void)
{
    size_t n = 1024 * 1024;
    char *s = xmalloc(n + 8);
    memcpy(s, "echo ", 5);
    memset(s + 5, 'x', n);
    s[n + 5] = '\0';
    bool ok;
    struct tok_list l = tk(s, &ok);
    CHECK(ok && l.ncmds == 1 && strlen(l.cmds[0].argv[1]) == n, "1 MB word survives");
    tok_list_free(&l);
    free(s);

    const char bin[] = { 'a', 0, 'b', '\xff', ';', '\x01', 'c' };
    ok = tokenize(bin, sizeof(bin), 1, &l);
    CHECK(ok && l.ncmds == 2, "NUL bytes separate words, no crash");
    tok_list_free(&l);
}

static void test_partial(void)
{
    struct tok_partial p;
    tokenize_partial("list; domstate \"beta d", 22, &p);
    CHECK_INT(p.nwords, 1);
    CHECK_STR(p.words[0], "domstate");
    CHECK_STR(p.word, "beta d");
    CHECK_INT(p.quote, '"');
    CHECK_INT(p.word_start, 15);
    tok_partial_free(&p);

    tokenize_partial("start ", 6, &p);
    CHECK_INT(p.nwords, 1);
    CHECK_STR(p.word, "");
    CHECK_INT(p.word_start, 6);
    tok_partial_free(&p);

    tokenize_partial("echo -- --x tail", 11, &p);
    CHECK(p.after_dashdash, "-- seen before the word");
    CHECK_STR(p.word, "--x");
    tok_partial_free(&p);
}

/* virsh's rules: backslash-newline joins in double quotes too, a quoted or
 * escaped '#' first word comments out its command, a final backslash is
 * an error. */
static void test_virsh_rules(void)
{
    bool ok;
    struct tok_list l = tk("echo \"a\\\nb\"", &ok);
    CHECK(ok && l.ncmds == 1 && strcmp(l.cmds[0].argv[1], "ab") == 0, "joined in quotes");
    tok_list_free(&l);
    l = tk("\\# x;echo y\n'#also' ignored\necho a '#b'", &ok);
    CHECK(ok && l.ncmds == 2 && strcmp(l.cmds[0].argv[1], "y") == 0 &&
          strcmp(l.cmds[1].argv[1], "a") == 0 && strcmp(l.cmds[1].argv[2], "#b") == 0,
          "quoted # first words are comments, later ones words");
    tok_list_free(&l);
    l = tk("echo a; echo b\\", &ok);
    CHECK(!ok && l.error && strcmp(l.error, "dangling \\") == 0 && l.err_col == 15,
          "dangling backslash at column 15: %s %d", l.error ? l.error : "-", l.err_col);
    tok_list_free(&l);
    l = tk("echo a\\\\", &ok);
    CHECK(ok && l.ncmds == 1 && strcmp(l.cmds[0].argv[1], "a\\") == 0, "escaped backslash");
    tok_list_free(&l);
}

static void test_quote_roundtrip(void)
{
    const char *words[] = { "plain", "two words", "it's", "semi;colon", "", "#hash", "back\\slash" };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        /* as an argument: a first word that is a quoted '#' is a comment */
        char *q = tok_quote(words[i]), *line = xasprintf("x %s", q);
        bool ok;
        struct tok_list l = tk(line, &ok);
        CHECK(ok && l.ncmds == 1 && l.cmds[0].argc == 2 && strcmp(l.cmds[0].argv[1], words[i]) == 0,
              "quote round trip of '%s' via %s", words[i], q);
        tok_list_free(&l);
        free(line);
        free(q);
    }
}

/* NUL inside quotes or after a backslash is an error naming line and
 * column; the commands before it stay, the one holding it is dropped. */
static void test_quoted_nul(void)
{
    static const char text[] = "echo a\necho 'x\0y'; echo b";
    struct tok_list l;
    bool ok = tokenize(text, sizeof(text) - 1, 1, &l);
    CHECK(!ok && l.error && strstr(l.error, "NUL"), "quoted NUL refused: %s", l.error);
    CHECK(l.err_line == 2 && l.err_col == 8, "at 2:8, not %d:%d", l.err_line, l.err_col);
    CHECK(l.ncmds == 1 && strcmp(l.cmds[0].argv[1], "a") == 0, "the command before runs");
    tok_list_free(&l);
    static const char esc[] = "echo a\\\0b";
    ok = tokenize(esc, sizeof(esc) - 1, 1, &l);
    CHECK(!ok && l.ncmds == 0, "escaped NUL refused, command dropped");
    tok_list_free(&l);
}

/* tok_open_quote follows a quote across chunks, as the batch reader feeds them. */
static void test_open_quote(void)
{
    char q = tok_open_quote("echo \"a\n", 8, 0);
    CHECK(q == '"', "a double quote stays open");
    q = tok_open_quote("it's\n", 5, q);
    CHECK(q == '"', "a single quote inside it changes nothing");
    q = tok_open_quote("b\" # it's\n", 11, q);
    CHECK(q == 0, "closed, and the comment's quote does not count");
    q = tok_open_quote("x\"#y'\n", 7, '"');
    CHECK(q == '\'', "mid-word after a quote, # is no comment");
}

int main(void)
{
    test_words();
    test_quotes();
    test_separators_comments();
    test_errors();
    test_huge_and_binary();
    test_partial();
    test_quote_roundtrip();
    test_virsh_rules();
    test_quoted_nul();
    test_open_quote();
    return unit_done("tokenize");
}
