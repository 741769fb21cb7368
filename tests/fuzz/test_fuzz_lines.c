/* Fuzz the line syntax and the option parser with mutated command lines.
 *
 * One function, fuzz_one(), takes arbitrary bytes and checks properties:
 *   - tokenize() never fails in a bad way: every command has argc >= 1, a
 *     NULL-terminated argv, and a line number inside the input; a syntax
 *     error has a message, a line and a column inside the input;
 *   - tok_quote() round-trips every word it produced;
 *   - tokenize_partial() (completion) copes with any prefix;
 *   - opts_parse() against the command named by the first word (or a
 *     command picked from the table) returns OK or USAGE, a usage error
 *     has a message, an OK parse respects required options, ranges and
 *     choices; the error renders as text and as JSON.
 * Built two ways: as a plain program (this file's main) that runs a fixed
 * number of deterministic mutations for make check, and, with
 * -DLVSH_LIBFUZZER, as a libFuzzer target for `make fuzz`.
 *
 * Environment: LVSH_FUZZ_ITERS (default 3000), LVSH_FUZZ_SEED (default 1). */
#include "unit.h"
#include "cmdtab.h"
#include "options.h"
#include "result.h"
#include "tokenize.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>

/* properties, each counted once at the end */
enum { P_TOKENS, P_QUOTE, P_PARTIAL, P_OPTIONS, P_RENDER, P__COUNT };
static const char *const prop_names[P__COUNT] = {
    "tokenize gives well-formed commands", "tok_quote round-trips words",
    "tokenize_partial copes", "opts_parse keeps its contract", "errors render",
};
static long prop_fail[P__COUNT];
static const uint8_t *cur_data;
static size_t cur_size;

static void report_input(void)
{
    printf("    input (%zu bytes):", cur_size);
    for (size_t i = 0; i < cur_size && i < 256; i++)
        printf(" %02x", cur_data[i]);
    printf("%s\n", cur_size > 256 ? " ..." : "");
}

static void fail(int prop, const char *what)
{
    if (prop_fail[prop]++ == 0) {
        printf("not ok fuzz: %s: %s\n", prop_names[prop], what);
        report_input();
    }
#ifdef LVSH_LIBFUZZER
    abort();
#endif
}

static int count_lines(const uint8_t *d, size_t n)
{
    int lines = 1;
    for (size_t i = 0; i < n; i++)
        lines += d[i] == '\n';
    return lines;
}

static void check_quote(const char *word)
{
    /* as an argument: a first word that is a quoted '#' starts a comment */
    char *q = tok_quote(word), *line = xasprintf("x %s", q);
    struct tok_list l;
    bool ok = tokenize(line, strlen(line), 1, &l);
    free(line);
    if (!ok || l.ncmds != 1 || l.cmds[0].argc != 2 || strcmp(l.cmds[0].argv[1], word) != 0)
        fail(P_QUOTE, "a quoted word does not tokenize back to itself");
    tok_list_free(&l);
    free(q);
}

static void check_render(struct lvsh_result *r, enum lvsh_status st)
{
    static FILE *null;
    if (!null && !(null = fopen("/dev/null", "w")))
        return;
    for (int f = 0; f < 2; f++) {
        struct render_opts o;
        memset(&o, 0, sizeof(o));
        o.format = f ? LVSH_FMT_JSON : LVSH_FMT_TABLE;
        o.where_file = "<fuzz>";
        o.where_line = 1;
        if (render_result(null, null, r, &o, st) != st)
            fail(P_RENDER, "render_result changed the status");
    }
}

/* An OK parse must honour the table: required set, ranges, choices. */
static void check_args(const struct lvsh_cmd *cmd, const struct lvsh_args *a)
{
    for (int i = 0; i < a->nopts; i++) {
        const struct lvsh_opt *o = &cmd->opts[i];
        const struct lvsh_argval *v = &a->v[i];
        if ((o->flags & LVSH_OPTF_REQUIRED) && !v->set && !a->help)
            fail(P_OPTIONS, "a required option is missing after an OK parse");
        if (!v->set)
            continue;
        if (o->type == LVSH_OPT_INT && o->min < o->max && (v->num < o->min || v->num > o->max))
            fail(P_OPTIONS, "an integer outside its range was accepted");
        if (o->choices && v->str) {
            bool found = false;
            for (int k = 0; o->choices[k] && !found; k++)
                found = strcmp(o->choices[k], v->str) == 0;
            if (!found)
                fail(P_OPTIONS, "a value outside the choices was accepted");
        }
        if (o->type == LVSH_OPT_REST && v->nrest < 0)
            fail(P_OPTIONS, "negative rest count");
    }
}

static void check_parse(const struct lvsh_cmd *cmd, int argc, char **argv)
{
    struct lvsh_result r;
    struct lvsh_args a;
    result_init(&r);
    enum lvsh_status st = opts_parse(cmd, argc, argv, &a, &r);
    if (st == LVSH_OK)
        check_args(cmd, &a);
    else if (st != LVSH_USAGE)
        fail(P_OPTIONS, "opts_parse returned neither OK nor USAGE");
    else if (!r.err_msg)
        fail(P_OPTIONS, "a usage error without a message");
    if (st != LVSH_OK)
        check_render(&r, st);
    args_free(&a);
    result_free(&r);
}

static const struct lvsh_cmd *pick_cmd(unsigned n)
{
    static const struct lvsh_cmd **all;
    static int count;
    if (!all)
        all = cmdtab_sorted(&count);
    return count ? all[n % (unsigned)count] : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tok_list l;
    int lines = count_lines(data, size);

    cur_data = data;
    cur_size = size;
    bool ok = tokenize((const char *)data, size, 1, &l);
    if (!ok && (!l.error || l.err_line < 1 || l.err_line > lines || l.err_col < 1))
        fail(P_TOKENS, "a syntax error without message, line or column");
    for (int i = 0; i < l.ncmds; i++) {
        struct tok_cmd *c = &l.cmds[i];
        bool good = c->argc >= 1 && c->argv[c->argc] == NULL && c->line >= 1 &&
                    c->line <= lines;
        for (int k = 0; good && k < c->argc; k++)
            good = c->argv[k] != NULL;
        if (!good) {
            fail(P_TOKENS, "a malformed command");
            continue;
        }
        for (int k = 0; k < c->argc; k++)
            check_quote(c->argv[k]);
        const struct lvsh_cmd *cmd = cmdtab_find(c->argv[0]);
        check_parse(cmd ? cmd : pick_cmd((unsigned)(c->argc * 31 + i)), c->argc, c->argv);
    }
    tok_list_free(&l);

    /* completion sees a NUL-terminated line and a cursor inside it */
    char *line = xstrndup((const char *)data, size);
    size_t len = strlen(line);
    for (size_t cursor = 0; cursor <= len; cursor += len / 3 + 1) {
        struct tok_partial p;
        tokenize_partial(line, cursor, &p);
        if (!p.word || p.word_start > cursor || p.nwords < 0)
            fail(P_PARTIAL, "a bad partial word");
        tok_partial_free(&p);
    }
    free(line);
    return 0;
}

#ifndef LVSH_LIBFUZZER
/* ---- the deterministic driver for make check ------------------------- */

static uint64_t rng_state;

static uint32_t rnd(void)  /* xorshift64*: the same sequence everywhere */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static const char *const seeds[] = {
    "list --all",
    "domstate test --reason; dominfo 'a b'",
    "echo \"two\\nlines\" 'it'\\''s' x\\ y # comment",
    "iface-dumpxml eth1 --xpath 'string(//mac/@address)' --wrap",
    "nodedev-list --cap pci,net --tree",
    "secret-set-value --secret s --base64 dGxz --plain",
    "help domstate\nquit",
    "set output json; domid test --json",
    "echo a \\\n  b\r\n",
    "start --domain=web --console --autodestroy",
    "list --state-running --name -- --all",
    "echo \"unterminated",
    "nodedev-detach dev --driver vfio",
    "echo t\xc3\xa9st \xff\xfe 'r\xc3\xa9seau'",
    "echo '#not a comment' \\#x \"a;b\" ''",
};

static const char *const pieces[] = {
    " ", "\t", "\n", "\r\n", ";", "'", "\"", "\\", "#", "--", "=", "-", "\0",
    "\xff", "\xc3", "\xe2\x82\xac", "--help", "--json", "--all", "--xpath", "--domain",
    "512M", "-1", "99999999999999999999", "0x10", "1e3", "' '", "\"\\\"\"", "''",
};

static void mutate(struct buf *b)
{
    unsigned kind = rnd() % 7;
    size_t pos = b->len ? rnd() % (b->len + 1) : 0;
    const char *ins = NULL;
    size_t inslen = 0;
    char byte;
    char *name = NULL;

    switch (kind) {
    case 0:  /* flip a byte */
        if (b->len)
            b->data[rnd() % b->len] ^= (char)(1u << (rnd() % 8));
        return;
    case 1:  /* a random byte */
        byte = (char)(rnd() & 0xff);
        ins = &byte;
        inslen = 1;
        break;
    case 2:  /* a piece of syntax */
        ins = pieces[rnd() % (sizeof(pieces) / sizeof(pieces[0]))];
        inslen = *ins ? strlen(ins) : 1;
        break;
    case 3: {  /* a real command name or one of its options */
        const struct lvsh_cmd *c = pick_cmd(rnd());
        int n = 0;
        while (c->opts && c->opts[n].name)
            n++;
        if (n && rnd() % 2)
            name = xasprintf(" --%s ", c->opts[rnd() % (unsigned)n].name);
        else
            name = xasprintf("%s ", c->name);
        ins = name;
        inslen = strlen(name);
        break;
    }
    case 4:  /* delete a range */
        if (b->len) {
            pos = rnd() % b->len;
            size_t n = 1 + rnd() % (b->len - pos);
            memmove(b->data + pos, b->data + pos + n, b->len - pos - n);
            b->len -= n;
        }
        return;
    case 5: {  /* duplicate a range (grows quotes and escapes) */
        if (!b->len)
            return;
        size_t from = rnd() % b->len, n = 1 + rnd() % (b->len - from);
        struct buf nb = BUF_INIT;
        buf_add(&nb, b->data, pos);
        buf_add(&nb, b->data + from, n);
        buf_add(&nb, b->data + pos, b->len - pos);
        buf_free(b);
        *b = nb;
        return;
    }
    default: {  /* splice in another seed */
        ins = seeds[rnd() % (sizeof(seeds) / sizeof(seeds[0]))];
        inslen = strlen(ins);
        break;
    }
    }
    struct buf nb = BUF_INIT;
    buf_add(&nb, b->data, pos);
    buf_add(&nb, ins, inslen);
    buf_add(&nb, b->data + pos, b->len - pos);
    buf_free(b);
    *b = nb;
    free(name);
}

int main(void)
{
    const char *e = getenv("LVSH_FUZZ_ITERS");
    long iters = e ? atol(e) : 3000;
    e = getenv("LVSH_FUZZ_SEED");
    rng_state = e ? strtoull(e, NULL, 10) : 1;
    if (!rng_state)
        rng_state = 1;

    for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
        LLVMFuzzerTestOneInput((const uint8_t *)seeds[i], strlen(seeds[i]));
    struct buf b = BUF_INIT;
    for (long it = 0; it < iters; it++) {
        if (it % 50 == 0 || b.len > 65536) {  /* restart from a seed now and then */
            buf_free(&b);
            buf_adds(&b, seeds[rnd() % (sizeof(seeds) / sizeof(seeds[0]))]);
        }
        unsigned n = 1 + rnd() % 4;
        for (unsigned k = 0; k < n; k++)
            mutate(&b);
        LLVMFuzzerTestOneInput((const uint8_t *)(b.data ? b.data : ""), b.len);
    }
    buf_free(&b);
    for (int p = 0; p < P__COUNT; p++)
        CHECK(prop_fail[p] == 0, "%s: %ld inputs broke it", prop_names[p], prop_fail[p]);
    return unit_done("fuzz");
}
#endif
