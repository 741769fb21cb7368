/* cmdtab.c: command lookup by name and alias, and spelling suggestions. */
#include "cmdtab.h"
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
