/* suggest.h: "did you mean" for mistyped names (commands, options, objects). */
#ifndef LVSH_SUGGEST_H
#define LVSH_SUGGEST_H

#include "util.h"

#include <stddef.h>

/* Collects the candidates closest to a word: at most two edits away (one
 * for words shorter than four characters), up to three of them. */
struct suggest {
    const char *word;
    size_t best;
    int found;
    struct buf list;
};

void suggest_init(struct suggest *sg, const char *word);
/* Consider one candidate; shown as text (NULL: the candidate itself). */
void suggest_add(struct suggest *sg, const char *cand, const char *text);
/* "'a', 'b'" or NULL when nothing was close; frees the collector. */
char *suggest_take(struct suggest *sg);
/* Optimal string alignment distance (edits plus adjacent swaps). */
size_t suggest_distance(const char *a, const char *b);

#endif
