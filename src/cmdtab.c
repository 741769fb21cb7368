/* cmdtab.c: command lookup by name and alias, and spelling suggestions. */
#include "cmdtab.h"
#include "tokenize.h"
#include "suggest.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const struct lvsh_group lvsh_groups[] = {
    { "domain", "Domain Management" },
    { "monitor", "Domain Monitoring" },
    { "snapshot", "Snapshot" },
    { "checkpoint", "Checkpoint" },
    { "host", "Host and Hypervisor" },
    { "event", "Events" },
    { "network", "Networking" },
    { "filter", "Network Filter" },
    { "pool", "Storage Pool" },
    { "volume", "Storage Volume" },
    { "secret", "Secret" },
    { "interface", "Interface" },
    { "nodedev", "Node Device" },
    { "shell", "Shell Commands" },
    { NULL, NULL },
};

const struct lvsh_group *cmdtab_group(const char *keyword)
{
    for (const struct lvsh_group *g = lvsh_groups; g->keyword; g++)
        if (strcmp(g->keyword, keyword) == 0)
            return g;
    return NULL;
}

const struct lvsh_cmd *cmdtab_next(struct cmdtab_iter *it)
{
    while (lvsh_families[it->fam]) {
        const struct lvsh_cmd *c = lvsh_families[it->fam][it->idx];
        if (c) {
            it->idx++;
            return c;
        }
        it->fam++;
        it->idx = 0;
    }
    return NULL;
}

const struct lvsh_cmd *cmdtab_find(const char *name)
{
    struct cmdtab_iter it = CMDTAB_ITER_INIT;
    const struct lvsh_cmd *c;
    while ((c = cmdtab_next(&it))) {
        if (strcmp(c->name, name) == 0)
            return c;
        for (int i = 0; c->aliases && c->aliases[i]; i++)
            if (strcmp(c->aliases[i], name) == 0)
                return c;
    }
    return NULL;
}

char *cmdtab_suggest(const char *name)
{
    struct cmdtab_iter it = CMDTAB_ITER_INIT;
    const struct lvsh_cmd *c;
    struct suggest sg;
    suggest_init(&sg, name);
    while ((c = cmdtab_next(&it)))
        if (!(c->flags & LVSH_CMD_HIDDEN))
            suggest_add(&sg, c->name, NULL);
    return suggest_take(&sg);
}

static int cmd_cmp(const void *a, const void *b)
{
    const struct lvsh_cmd *const *x = a, *const *y = b;
    return strcmp((*x)->name, (*y)->name);
}

const struct lvsh_cmd **cmdtab_sorted(int *n)
{
    struct cmdtab_iter it = CMDTAB_ITER_INIT;
    const struct lvsh_cmd **v = NULL;
    const struct lvsh_cmd *c;
    *n = 0;
    while ((c = cmdtab_next(&it))) {
        v = xrealloc(v, (size_t)(*n + 1) * sizeof(*v));
        v[(*n)++] = c;
    }
    qsort(v, (size_t)*n, sizeof(*v), cmd_cmp);
    return v;
}

/* ---- secrets: what must stay out of history and process arguments ---- */

bool cmdtab_takes_secret(const struct lvsh_cmd *c)
{
    if (c->flags & LVSH_CMD_NO_HISTORY)
        return true;
    for (int i = 0; c->opts && c->opts[i].name; i++)
        if (c->opts[i].flags & LVSH_OPTF_SECRET)
            return true;
    return false;
}

/* Is word "--NAME" or "--NAME=..." for a secret option of any command? */
static bool names_secret_opt(const char *word)
{
    if (strncmp(word, "--", 2) != 0)
        return false;
    size_t n = strcspn(word + 2, "=");
    struct cmdtab_iter it = CMDTAB_ITER_INIT;
    const struct lvsh_cmd *c;
    while ((c = cmdtab_next(&it)))
        for (int i = 0; c->opts && c->opts[i].name; i++)
            if ((c->opts[i].flags & LVSH_OPTF_SECRET) && strlen(c->opts[i].name) == n &&
                strncmp(c->opts[i].name, word + 2, n) == 0)
                return true;
    return false;
}

bool cmdtab_may_hold_secret(int argc, char *const argv[], bool unknown_counts)
{
    const struct lvsh_cmd *c = argc > 0 ? cmdtab_find(argv[0]) : NULL;
    if (c ? cmdtab_takes_secret(c) : unknown_counts)
        return true;
    for (int i = 1; i < argc; i++)
        if (names_secret_opt(argv[i]))
            return true;
    return false;
}

bool cmdtab_text_may_hold_secret(const char *text, size_t len)
{
    struct tok_list l;
    bool parsed = tokenize(text, len, 1, &l);
    if (!parsed) {   /* the command cut by the error counts too: close its quote */
        char q = tok_open_quote(text, len, 0);
        struct buf b = BUF_INIT;
        buf_add(&b, text, len);
        buf_addc(&b, q ? q : ' ');
        tok_list_free(&l);
        if (!tokenize(b.data, b.len, 1, &l)) {
            buf_free(&b);
            tok_list_free(&l);
            return true;   /* still not parsed: assume the worst */
        }
        buf_free(&b);
    }
    bool secret = false;
    for (int i = 0; i < l.ncmds && !secret; i++)
        secret = cmdtab_may_hold_secret(l.cmds[i].argc, l.cmds[i].argv, !parsed);
    tok_list_free(&l);
    return secret;
}
