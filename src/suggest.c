/* suggest.c: the closest candidates to a mistyped word. */
#include "suggest.h"

#include <string.h>

size_t suggest_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[la][lb];
}

void suggest_init(struct suggest *sg, const char *word)
{
    memset(sg, 0, sizeof(*sg));
    sg->word = word;
    sg->best = strlen(word) < 4 ? 1 : 2;
}

void suggest_add(struct suggest *sg, const char *cand, const char *text)
{
    size_t d = suggest_distance(sg->word, cand);
    if (d == 0 || d > sg->best)
        return;
    if (d < sg->best) {   /* closer than all before: start the list again */
        sg->best = d;
        sg->found = 0;
        buf_free(&sg->list);
    }
    if (sg->found >= 3)
        return;
    buf_printf(&sg->list, "%s'%s'", sg->found++ ? ", " : "", text ? text : cand);
}

char *suggest_take(struct suggest *sg)
{
    if (!sg->found) {
        buf_free(&sg->list);
        return NULL;
    }
    return buf_steal(&sg->list);
}
