/* The --tree printer (snapshot-list, checkpoint-list, nodedev-list): exact
 * layout on small trees, and linear growth on large ones. */
#include "unit.h"
#include "lvsh.h"
#include "tree.h"

#include <stdlib.h>
#include <time.h>

static char *draw(size_t n, const char *const *names, const char *const *parents,
                  const bool *roots, char **json)
{
    struct buf out = BUF_INIT;
    json_t *j = NULL;
    tree_draw(&out, n, names, parents, roots, json ? &j : NULL);
    if (json) {
        *json = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(j);
    }
    buf_adds(&out, "");
    return buf_steal(&out);
}

static void small_trees(void)
{
    /* rows in print order; b and c under a, d under b, e a second root */
    const char *names[] = { "a", "b", "c", "d", "e" };
    const char *parents[] = { NULL, "a", "a", "b", NULL };
    char *json;
    char *s = draw(5, names, parents, NULL, &json);
    CHECK_STR(s, "a\n"
                 "  |\n"
                 "  +- b\n"
                 "  |   |\n"
                 "  |   +- d\n"
                 "  |     \n"
                 "  +- c\n"
                 "    \n"
                 "e\n"
                 "\n");
    CHECK_STR(json, "[{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":"
                    "[{\"name\":\"d\",\"children\":[]}]},{\"name\":\"c\",\"children\":[]}]},"
                    "{\"name\":\"e\",\"children\":[]}]");
    free(s);
    free(json);

    /* children print in row order, wherever their parent is */
    const char *n2[] = { "z-child", "root", "a-child" };
    const char *p2[] = { "root", NULL, "root" };
    s = draw(3, n2, p2, NULL, NULL);
    CHECK_STR(s, "root\n  |\n  +- z-child\n  +- a-child\n    \n");
    free(s);

    /* an unlisted parent: a root of its own, unless roots are given */
    const char *n3[] = { "orphan", "x" };
    const char *p3[] = { "gone", NULL };
    s = draw(2, n3, p3, NULL, NULL);
    CHECK_STR(s, "orphan\n\nx\n\n");
    free(s);
    const bool r3[] = { false, true };
    s = draw(2, n3, p3, r3, NULL);
    CHECK_STR(s, "x\n\n");
    free(s);

    /* explicit roots: --from makes a row with a parent the root */
    const char *n4[] = { "mid", "leaf" };
    const char *p4[] = { "top", "mid" };
    const bool r4[] = { true, false };
    s = draw(2, n4, p4, r4, NULL);
    CHECK_STR(s, "mid\n  |\n  +- leaf\n    \n");
    free(s);

    long *up = tree_parent_rows(3, n2, p2);
    CHECK_INT(up[0], 1);
    CHECK_INT(up[1], -1);
    CHECK_INT(up[2], 1);
    free(up);

    s = draw(0, NULL, NULL, NULL, NULL);
    CHECK_STR(s, "");
    free(s);
}

/* CPU seconds to draw n rows shaped like the bench's snapshots (each the
 * child of row (i - 1) / 4, names in shuffled order). */
static double draw_time(size_t n)
{
    char **names = calloc(n, sizeof(char *));
    const char **parents = calloc(n, sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        size_t v = (i * 7919) % n;   /* 7919 is prime: a permutation */
        names[i] = xasprintf("snap-%06zu", v);
    }
    for (size_t i = 0; i < n; i++) {
        unsigned long v = strtoul(names[i] + 5, NULL, 10);
        parents[i] = v ? xasprintf("snap-%06lu", (v - 1) / 4) : NULL;
    }
    double best = 1e9;
    for (int rep = 0; rep < 3; rep++) {
        struct timespec t0, t1;
        struct buf out = BUF_INIT;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
        tree_draw(&out, n, (const char *const *)names, parents, NULL, NULL);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
        double t = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        if (t < best)
            best = t;
        CHECK(out.len > n * 8, "%zu rows drew only %zu bytes", n, out.len);
        buf_free(&out);
    }
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
        free((char *)parents[i]);
    }
    free(names);
    free(parents);
    return best;
}

/* 8 times the rows must cost well under 64 times the time (what a scan of
 * every row per node costs); n log n gives about 10. */
static void large_trees(void)
{
    double small = draw_time(2000), big = draw_time(16000);
    double ratio = big / (small > 1e-6 ? small : 1e-6);
    CHECK(ratio < 24, "16,000 rows took %.1f times as long as 2,000 (%.4fs, %.4fs)", ratio,
          big, small);
    CHECK(big < 5, "16,000 rows took %.2fs", big);
}

int main(void)
{
    small_trees();
    large_trees();
    return unit_done("test_tree");
}
