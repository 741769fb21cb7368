/* tree.h: the ASCII trees of snapshot-list, checkpoint-list and
 * nodedev-list --tree, drawn the way virsh draws them.
 *
 * Rows are given in the order they print among siblings; a row's parent is
 * named.  The children are found through an index of the names, so a tree
 * of n rows costs about n log n, not a scan of every row per node. */
#ifndef LVSH_TREE_H
#define LVSH_TREE_H

#include "util.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Draw into out every root (in row order) with its subtree below it.
 * parents[i] names row i's parent or is NULL.  roots[i] says whether row
 * i starts a tree; with roots NULL, the rows without a parent, or whose
 * parent is not listed, do.  Rows not reached from a root are left out.
 * When json is not NULL it gets the roots as nested {name, children}. */
void tree_draw(struct buf *out, size_t n, const char *const *names,
               const char *const *parents, const bool *roots, json_t **json);

/* For every row, the row its parent names, or -1 (none, or not listed);
 * caller frees. */
long *tree_parent_rows(size_t n, const char *const *names, const char *const *parents);

#endif
