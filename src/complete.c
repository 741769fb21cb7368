/* complete.c: completion of command names, option names and option values. */
#include "complete.h"
#include "cmdtab.h"
#include "options.h"
#include "tokenize.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>

struct cands {
    char **v;
    size_t n;
};

static void cands_add(struct cands *c, const char *word, const char *prefix)
{
    if (!str_prefix(word, prefix))
        return;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i], word) == 0)
            return;
    c->v = xrealloc(c->v, (c->n + 2) * sizeof(char *));
    c->v[c->n++] = xstrdup(word);
    c->v[c->n] = NULL;
}

static void complete_commands(struct cands *c, const char *prefix)
{
    struct cmdtab_iter it = CMDTAB_ITER_INIT;
    const struct lvsh_cmd *cmd;
    while ((cmd = cmdtab_next(&it))) {
        if (cmd->flags & LVSH_CMD_HIDDEN)
            continue;
        cands_add(c, cmd->name, prefix);
        for (int i = 0; cmd->aliases && cmd->aliases[i]; i++)
            cands_add(c, cmd->aliases[i], prefix);
    }
}

/* Options not given yet on the line. */
static void complete_options(struct cands *c, const struct lvsh_cmd *cmd,
                             char **words, int nwords, const char *prefix)
{
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
        const struct lvsh_opt *o = &cmd->opts[i];
        if (o->flags & LVSH_OPTF_HIDDEN || o->type == LVSH_OPT_REST)
            continue;
        char *flag = xasprintf("--%s", o->name);
        bool used = false;
        for (int w = 1; w < nwords && !used; w++)
            used = strcmp(words[w], flag) == 0 || (str_prefix(words[w], flag) &&
                                                    words[w][strlen(flag)] == '=');
        if (!used)
            cands_add(c, flag, prefix);
        free(flag);
    }
    cands_add(c, "--help", prefix);
}

/* Which option does the word at the end of words fill? */
static const struct lvsh_opt *value_option(const struct lvsh_cmd *cmd, char **words,
                                           int nwords, bool dashdash)
{
    if (nwords > 1 && !dashdash && str_prefix(words[nwords - 1], "--")) {
        int k = opts_index(cmd, words[nwords - 1] + 2);
        if (k >= 0 && cmd->opts[k].type != LVSH_OPT_BOOL)
            return &cmd->opts[k];
    }
    /* count positional words already given, skipping options and values */
    int given = 0;
    for (int w = 1; w < nwords; w++) {
        if (str_prefix(words[w], "--") && strcmp(words[w], "--") != 0) {
            int k = opts_index(cmd, words[w] + 2);
            if (k >= 0 && cmd->opts[k].type != LVSH_OPT_BOOL && !strchr(words[w], '='))
                w++;
            continue;
        }
        given++;
    }
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
        const struct lvsh_opt *o = &cmd->opts[i];
        if (!(o->flags & LVSH_OPTF_POSITIONAL) || o->type == LVSH_OPT_BOOL)
            continue;
        if (o->type == LVSH_OPT_REST || given-- == 0)
            return o;
    }
    return NULL;
}

static void complete_value(struct cands *c, const struct lvsh_opt *o, const char *prefix)
{
    if (o->complete == LVSH_COMP_CHOICES || o->choices)
        for (int i = 0; o->choices && o->choices[i]; i++)
            cands_add(c, o->choices[i], prefix);
    if (o->complete == LVSH_COMP_COMMAND || o->complete == LVSH_COMP_GROUP_OR_COMMAND)
        complete_commands(c, prefix);
    if (o->complete == LVSH_COMP_GROUP_OR_COMMAND)
        for (const struct lvsh_group *g = lvsh_groups; g->keyword; g++)
            cands_add(c, g->keyword, prefix);
}

char **complete_line(struct lvsh_session *s, const char *line, size_t cursor,
                     size_t *word_start)
{
    struct tok_partial p;
    struct cands c = { NULL, 0 };
    (void)s;

    tokenize_partial(line, cursor, &p);
    *word_start = p.word_start;
    if (p.nwords == 0) {
        complete_commands(&c, p.word);
    } else {
        const struct lvsh_cmd *cmd = cmdtab_find(p.words[0]);
        if (cmd && !p.after_dashdash && str_prefix(p.word, "-")) {
            complete_options(&c, cmd, p.words, p.nwords, p.word);
        } else if (cmd) {
            const struct lvsh_opt *o = value_option(cmd, p.words, p.nwords, p.after_dashdash);
            if (o)
                complete_value(&c, o, p.word);
        }
    }
    tok_partial_free(&p);
    if (!c.v)
        c.v = xcalloc(1, sizeof(char *));
    return c.v;
}

void complete_free(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* readline glue: the engine computes everything at the first call. */
static struct lvsh_session *rl_sess;
static char **rl_cands;
static size_t rl_idx;

static char *rl_generator(const char *text, int state)
{
    (void)text;
    if (!rl_cands || !rl_cands[rl_idx])
        return NULL;
    (void)state;
    return xstrdup(rl_cands[rl_idx++]);
}

static char **rl_attempt(const char *text, int start, int end)
{
    size_t ws;
    (void)text;
    (void)start;
    complete_free(rl_cands);
    rl_cands = complete_line(rl_sess, rl_line_buffer, (size_t)end, &ws);
    rl_idx = 0;
    rl_attempted_completion_over = 1;
    if (!rl_cands[0])
        return NULL;
    return rl_completion_matches(text, rl_generator);
}

void complete_install_readline(struct lvsh_session *s)
{
    rl_sess = s;
    rl_attempted_completion_function = rl_attempt;
    rl_completer_word_break_characters = (char *)" \t\n;";
    rl_completer_quote_characters = "\"'";
}
