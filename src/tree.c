/* tree.c: ASCII trees from rows that name their parent. */
#include "tree.h"
#include "lvsh.h"

#include <stdlib.h>
#include <string.h>

struct tree {
    const char *const *names;
    size_t *first;           /* row i's children: kids[first[i] .. first[i + 1]) */
    size_t *kids;
    struct buf *out;
    struct buf indent;
};

/* Sorting row numbers by name (qsort_r: the names are the context). */
static int by_name(const void *a, const void *b, void *ctx)
{
    const char *const *names = ctx;
    return strcmp(names[*(const size_t *)a], names[*(const size_t *)b]);
}

/* The row named name, or -1: a binary search of the sorted row numbers. */
static long find_row(const char *const *names, const size_t *sorted, size_t n,
                     const char *name)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(names[sorted[mid]], name);
        if (c == 0)
            return (long)sorted[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static void indent_cut(struct buf *b, size_t len)
{
    b->len = len;
    if (b->data)
        b->data[len] = '\0';
}

/* Row id and its subtree; last: it is the last of its siblings. */
static json_t *draw_node(struct tree *t, size_t id, bool last, bool root, bool json)
{
    const char *name = t->names[id];
    size_t base = t->indent.len, nkids = t->first[id + 1] - t->first[id];
    json_t *children = json ? json_array() : NULL;

    buf_printf(t->out, "%s%s%s\n", buf_str(&t->indent), root ? "" : "+- ", name);
    if (!root)
        buf_adds(&t->indent, last ? "  " : "| ");
    if (nkids)
        buf_printf(t->out, "%s  |\n", buf_str(&t->indent));
    size_t mid = t->indent.len;
    buf_adds(&t->indent, "  ");
    for (size_t k = 0; k < nkids; k++) {
        json_t *c = draw_node(t, t->kids[t->first[id] + k], k + 1 == nkids, false, json);
        if (json)
            json_array_append_new(children, c);
    }
    indent_cut(&t->indent, mid);
    if (!nkids && last)
        buf_printf(t->out, "%s\n", buf_str(&t->indent));
    indent_cut(&t->indent, base);
    return json ? json_pack("{s:o,s:o}", "name", json_str(name), "children", children) : NULL;
}

long *tree_parent_rows(size_t n, const char *const *names, const char *const *parents)
{
    size_t *sorted = xcalloc(n + 1, sizeof(size_t));
    long *up = xcalloc(n + 1, sizeof(long));
    for (size_t i = 0; i < n; i++)
        sorted[i] = i;
    qsort_r(sorted, n, sizeof(*sorted), by_name, (void *)names);
    for (size_t i = 0; i < n; i++)
        up[i] = parents[i] ? find_row(names, sorted, n, parents[i]) : -1;
    free(sorted);
    return up;
}

void tree_draw(struct buf *out, size_t n, const char *const *names,
               const char *const *parents, const bool *roots, json_t **json)
{
    long *up = tree_parent_rows(n, names, parents);
    struct tree t = { names, xcalloc(n + 2, sizeof(size_t)), xcalloc(n + 1, sizeof(size_t)),
                      out, BUF_INIT };
    size_t *fill = xcalloc(n + 1, sizeof(size_t));

    /* children in row order: counted, then placed (first[] as in CSR) */
    for (size_t i = 0; i < n; i++)
        if (up[i] >= 0)
            t.first[up[i] + 1]++;
    for (size_t i = 0; i < n; i++)
        t.first[i + 1] += t.first[i];
    for (size_t i = 0; i < n; i++)
        if (up[i] >= 0)
            t.kids[t.first[up[i]] + fill[up[i]]++] = i;
    if (json)
        *json = json_array();
    buf_adds(&t.indent, "");
    for (size_t i = 0; i < n; i++) {
        if (roots ? !roots[i] : up[i] >= 0)
            continue;
        json_t *j = draw_node(&t, i, true, true, json != NULL);
        if (json)
            json_array_append_new(*json, j);
    }
    buf_free(&t.indent);
    free(fill);
    free(t.first);
    free(t.kids);
    free(up);
}
