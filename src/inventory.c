/* inventory.c: the host inventory, target lists and folded host sets. */
#include "inventory.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* More hosts than this from one range is a typo, not a fleet. */
#define RANGE_MAX 100000
/* Groups nested deeper than this loop on themselves. */
#define GROUP_DEPTH 32

void strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void strv_push(char ***v, size_t *n, char *s)
{
    *v = xrealloc(*v, (*n + 1) * sizeof(**v));
    (*v)[(*n)++] = s;
}

/* The length of a range token at s ("[01-12,15]"), 0 if s holds none. */
static size_t range_token(const char *s)
{
    if (*s != '[')
        return 0;
    size_t i = 1;
    for (;;) {
        if (!isdigit((unsigned char)s[i]))
            return 0;
        while (isdigit((unsigned char)s[i]))
            i++;
        if (s[i] == '-') {
            i++;
            if (!isdigit((unsigned char)s[i]))
                return 0;
            while (isdigit((unsigned char)s[i]))
                i++;
        }
        if (s[i] == ']')
            return i + 1;
        if (s[i] != ',')
            return 0;
        i++;
    }
}

/* The values of a range token, as strings with the padding of its bounds. */
static bool range_values(const char *tok, size_t len, char ***out, size_t *n, char **err)
{
    const char *p = tok + 1, *end = tok + len - 1;
    while (p < end) {
        char *q;
        const char *lo_s = p;
        unsigned long lo = strtoul(p, &q, 10), hi = lo;
        int width = q - lo_s > 1 && *lo_s == '0' ? (int)(q - lo_s) : 0;
        p = q;
        if (*p == '-')
            hi = strtoul(p + 1, &q, 10), p = q;
        if (hi < lo) {
            *err = xasprintf("descending range '%.*s'", (int)len, tok);
            return false;
        }
        if (hi - lo >= RANGE_MAX || *n + (hi - lo) >= RANGE_MAX) {
            *err = xasprintf("range '%.*s' is too large", (int)len, tok);
            return false;
        }
        for (unsigned long v = lo; v <= hi; v++)
            strv_push(out, n, xasprintf("%0*lu", width, v));
        if (*p == ',')
            p++;
    }
    return true;
}

/* s with every occurrence of tok replaced by val. */
static char *replace_all(const char *s, const char *tok, size_t toklen, const char *val)
{
    struct buf b = BUF_INIT;
    const char *hit;
    while ((hit = strstr(s, tok)) != NULL) {
        buf_add(&b, s, (size_t)(hit - s));
        buf_adds(&b, val);
        s = hit + toklen;
    }
    buf_adds(&b, s);
    return buf_steal(&b);
}

/* Expand the ranges of name; the same range text in uri (when given) takes
 * the same value, so "kvm[01-02] ssh://kvm[01-02]/" pairs them up. */
static bool expand_pair(const char *name, const char *uri, char ***names, char ***uris,
                        size_t *n, char **err)
{
    const char *at = name;
    size_t len = 0;
    for (; *at && !(len = range_token(at)); at++)
        ;
    if (!len) {
        size_t k = *n;
        strv_push(names, &k, xstrdup(name));
        if (uris) {
            k = *n;
            strv_push(uris, &k, xstrdup(uri));
        }
        *n = k;
        return true;
    }
    char *tok = xstrndup(at, len), **vals = NULL;
    size_t nvals = 0;
    bool ok = range_values(at, len, &vals, &nvals, err);
    for (size_t i = 0; ok && i < nvals; i++) {
        char *nm = xasprintf("%.*s%s%s", (int)(at - name), name, vals[i], at + len);
        char *u = uri ? replace_all(uri, tok, len, vals[i]) : NULL;
        ok = expand_pair(nm, u, names, uris, n, err);
        if (ok && *n > RANGE_MAX) {
            *err = xasprintf("range '%s' is too large", tok);
            ok = false;
        }
        free(nm);
        free(u);
    }
    strv_free(vals, nvals);
    free(tok);
    return ok;
}

long range_expand(const char *word, char ***out, char **err)
{
    size_t n = 0;
    *out = NULL;
    *err = NULL;
    if (!expand_pair(word, NULL, out, NULL, &n, err)) {
        strv_free(*out, n);
        *out = NULL;
        return -1;
    }
    return (long)n;
}

/* ---- the file ---------------------------------------------------------- */

static void inv_error(struct inventory *inv, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void inv_error(struct inventory *inv, const char *path, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    strv_push(&inv->errors, &inv->nerrors, xasprintf("%s:%d: %s", path, line, msg));
    free(msg);
}

static const struct inv_host *find_host(const struct inventory *inv, const char *name)
{
    for (size_t i = 0; i < inv->nhosts; i++)
        if (strcmp(inv->hosts[i].name, name) == 0)
            return &inv->hosts[i];
    return NULL;
}

static const struct inv_group *find_group(const struct inventory *inv, const char *name)
{
    for (size_t i = 0; i < inv->ngroups; i++)
        if (strcmp(inv->groups[i].name, name) == 0)
            return &inv->groups[i];
    return NULL;
}

/* A host or group name: no separators a target list or URI would use. */
static bool good_name(const char *s)
{
    if (!*s || *s == '@')
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("._-[]", *s))
            return false;
    return true;
}

/* Split a line into words; a '#' at the start of a word ends the line. */
static size_t split_words(char *line, char **w, size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *t = strtok_r(line, " \t\r", &save); t && n < max;
         t = strtok_r(NULL, " \t\r", &save)) {
        if (*t == '#')
            break;
        w[n++] = t;
    }
    return n;
}

static void parse_host(struct inventory *inv, const char *path, int line, char **w, size_t n)
{
    if (n != 2) {
        inv_error(inv, path, line, "expected 'NAME URI' or '@GROUP: MEMBER...'");
        return;
    }
    if (!good_name(w[0])) {
        inv_error(inv, path, line, "invalid host name '%s'", w[0]);
        return;
    }
    char **names = NULL, **uris = NULL, *err = NULL;
    size_t k = 0;
    if (!expand_pair(w[0], w[1], &names, &uris, &k, &err)) {
        inv_error(inv, path, line, "%s", err);
        free(err);
    } else {
        for (size_t i = 0; i < k; i++) {
            if (find_host(inv, names[i])) {
                inv_error(inv, path, line, "host '%s' is defined twice", names[i]);
                continue;
            }
            inv->hosts = xrealloc(inv->hosts, (inv->nhosts + 1) * sizeof(*inv->hosts));
            inv->hosts[inv->nhosts].name = xstrdup(names[i]);
            inv->hosts[inv->nhosts++].uri = xstrdup(uris[i]);
        }
    }
    strv_free(names, k);
    strv_free(uris, k);
}

const char *inventory_item_end(const char *s)
{
    int depth = 0;
    for (;; s++) {
        if (*s == '[')
            depth++;
        else if (*s == ']' && depth > 0)
            depth--;
        else if (*s == '\0' || (*s == ',' && depth == 0))
            return s;
    }
}

/* Split a member word on commas outside brackets ("kvm[1-3,7],kvm9"). */
static void split_list(const char *s, char ***out, size_t *n)
{
    for (const char *start = s;; ) {
        const char *end = inventory_item_end(start), *a = start, *b = end;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        strv_push(out, n, xstrndup(a, (size_t)(b - a)));
        if (!*end)
            return;
        start = end + 1;
    }
}

static void parse_group(struct inventory *inv, const char *path, int line, char **w, size_t n)
{
    char *name = xstrdup(w[0] + 1);
    size_t first = 1;
    size_t len = strlen(name);
    if (len && name[len - 1] == ':')
        name[len - 1] = '\0';
    else if (n > 1 && strcmp(w[1], ":") == 0)
        first = 2;
    else
        len = 0;
    if (!len || !good_name(name) || strcmp(name, "all") == 0) {
        inv_error(inv, path, line, !len ? "expected '@GROUP: MEMBER...'"
                  : strcmp(name, "all") == 0 ? "'@all' is every host and cannot be defined"
                  : "invalid group name '@%s'", name);
        free(name);
        return;
    }
    if (find_group(inv, name)) {
        inv_error(inv, path, line, "group '@%s' is defined twice", name);
        free(name);
        return;
    }
    struct inv_group g = { .name = name };
    for (size_t i = first; i < n; i++) {
        char **parts = NULL;
        size_t np = 0;
        split_list(w[i], &parts, &np);
        for (size_t k = 0; k < np; k++) {
            if (*parts[k])
                strv_push(&g.members, &g.nmembers, parts[k]);
            else
                free(parts[k]);
        }
        free(parts);
    }
    inv->groups = xrealloc(inv->groups, (inv->ngroups + 1) * sizeof(*inv->groups));
    inv->groups[inv->ngroups++] = g;
}

struct inventory *inventory_parse(const char *text, const char *path)
{
    struct inventory *inv = xcalloc(1, sizeof(*inv));
    int lineno = 0;
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t)(nl - text) : strlen(text);
        char *line = xstrndup(text, len), *w[4096];
        lineno++;
        size_t n = split_words(line, w, sizeof(w) / sizeof(w[0]));
        if (n > 0 && w[0][0] == '@')
            parse_group(inv, path, lineno, w, n);
        else if (n > 0)
            parse_host(inv, path, lineno, w, n);
        free(line);
        text += len + (nl ? 1 : 0);
    }
    return inv;
}

static char *inventory_path(bool *explicit)
{
    const char *env = getenv("LVSH_HOSTS");
    *explicit = env && *env;
    if (*explicit)
        return xstrdup(env);
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg)
        return xasprintf("%s/lvsh/hosts", xdg);
    const char *home = getenv("HOME");
    return home && *home ? xasprintf("%s/.config/lvsh/hosts", home) : NULL;
}

struct inventory *inventory_load(void)
{
    bool explicit;
    char *path = inventory_path(&explicit);
    FILE *f = path ? fopen(path, "r") : NULL;
    struct inventory *inv;
    if (!f) {
        inv = xcalloc(1, sizeof(*inv));
        if (path && (explicit || errno != ENOENT))
            strv_push(&inv->errors, &inv->nerrors,
                      xasprintf("cannot read inventory '%s': %s", path, strerror(errno)));
        free(path);
        return inv;
    }
    struct buf b = BUF_INIT;
    buf_read(&b, f, 0);
    fclose(f);
    inv = inventory_parse(buf_str(&b), path);
    buf_free(&b);
    free(path);
    return inv;
}

void inventory_free(struct inventory *inv)
{
    if (!inv)
        return;
    inv_hosts_free(inv->hosts, inv->nhosts);
    for (size_t i = 0; i < inv->ngroups; i++) {
        free(inv->groups[i].name);
        strv_free(inv->groups[i].members, inv->groups[i].nmembers);
    }
    free(inv->groups);
    strv_free(inv->errors, inv->nerrors);
    free(inv);
}

void inv_hosts_free(struct inv_host *h, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(h[i].name);
        free(h[i].uri);
    }
    free(h);
}

/* ---- target lists ------------------------------------------------------ */

struct tgt {
    struct inv_host *h;
    size_t n;
};

static void tgt_add(struct tgt *t, const char *name, const char *uri)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->h[i].name, name) == 0)
            return;
    t->h = xrealloc(t->h, (t->n + 1) * sizeof(*t->h));
    t->h[t->n].name = xstrdup(name);
    t->h[t->n++].uri = xstrdup(uri);
}

static bool add_item(const struct inventory *inv, const char *item, struct tgt *t, int depth,
                     char **err);

static bool add_group(const struct inventory *inv, const char *name, struct tgt *t, int depth,
                      char **err)
{
    if (strcmp(name, "all") == 0) {
        for (size_t i = 0; i < inv->nhosts; i++)
            tgt_add(t, inv->hosts[i].name, inv->hosts[i].uri);
        return true;
    }
    const struct inv_group *g = find_group(inv, name);
    if (!g) {
        *err = xasprintf("unknown group '@%s'", name);
        return false;
    }
    if (depth > GROUP_DEPTH) {
        *err = xasprintf("group '@%s' contains itself", name);
        return false;
    }
    for (size_t i = 0; i < g->nmembers; i++)
        if (!add_item(inv, g->members[i], t, depth + 1, err))
            return false;
    return true;
}

/* One name after range expansion: an inventory host, else one of its own. */
static void add_name(const struct inventory *inv, const char *word, struct tgt *t)
{
    const struct inv_host *h = find_host(inv, word);
    if (!h && strchr(word, ':'))   /* a URI the inventory names: show that name */
        for (size_t i = 0; i < inv->nhosts && !h; i++)
            if (strcmp(inv->hosts[i].uri, word) == 0)
                h = &inv->hosts[i];
    tgt_add(t, h ? h->name : word, h ? h->uri : word);
}

static bool add_item(const struct inventory *inv, const char *item, struct tgt *t, int depth,
                     char **err)
{
    if (!*item) {
        *err = xstrdup("empty host name in the target list");
        return false;
    }
    if (*item == '@')
        return add_group(inv, item + 1, t, depth, err);
    char **names;
    long n = range_expand(item, &names, err);
    if (n < 0)
        return false;
    for (long i = 0; i < n; i++)
        add_name(inv, names[i], t);
    strv_free(names, (size_t)n);
    return true;
}

bool inventory_targets(const struct inventory *inv, const char *spec,
                       struct inv_host **out, size_t *n, char **err)
{
    struct tgt t = { NULL, 0 };
    char **items = NULL;
    size_t nitems = 0;
    bool ok = true;
    *err = NULL;
    split_list(spec, &items, &nitems);
    for (size_t i = 0; ok && i < nitems; i++)
        ok = add_item(inv, items[i], &t, 0, err);
    strv_free(items, nitems);
    if (!ok) {
        inv_hosts_free(t.h, t.n);
        t.h = NULL;
        t.n = 0;
    }
    *out = t.h;
    *n = t.n;
    return ok;
}

bool inventory_spec_is_set(const char *spec)
{
    if (*spec == '@')
        return true;
    /* commas and ranges in a URI's query are part of it ("?a=1,2") */
    const char *q = strchr(spec, '?');
    size_t head = q ? (size_t)(q - spec) : strlen(spec);
    for (size_t i = 0; i < head; i++)
        if (spec[i] == ',' || range_token(spec + i))
            return true;
    return false;
}

/* ---- folding ----------------------------------------------------------- */

/* name = prefix + digits + suffix, digits its last run of digits. */
struct parts {
    size_t plen;      /* prefix length */
    size_t dlen;      /* digits length, 0 when none */
    unsigned long num;
};

static struct parts name_parts(const char *s)
{
    struct parts p = { strlen(s), 0, 0 };
    size_t end = strlen(s);
    while (end > 0 && !isdigit((unsigned char)s[end - 1]))
        end--;
    size_t start = end;
    while (start > 0 && isdigit((unsigned char)s[start - 1]))
        start--;
    if (end > start && end - start <= 9) {
        p.plen = start;
        p.dlen = end - start;
        p.num = strtoul(s + start, NULL, 10);
    }
    return p;
}

static bool same_key(const char *a, struct parts pa, const char *b, struct parts pb)
{
    return pa.dlen && pb.dlen && pa.plen == pb.plen && pa.dlen == pb.dlen &&
           strncmp(a, b, pa.plen) == 0 && strcmp(a + pa.plen + pa.dlen, b + pb.plen + pb.dlen) == 0;
}

static int cmp_ulong(const void *a, const void *b)
{
    unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;
    return x < y ? -1 : x > y;
}

/* The names of one key, folded into runs. */
static void fold_key(struct buf *b, const char *first, struct parts fp, unsigned long *nums,
                     size_t k)
{
    qsort(nums, k, sizeof(*nums), cmp_ulong);
    const char *suffix = first + fp.plen + fp.dlen;
    int w = (int)fp.dlen;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        while (j + 1 < k && nums[j + 1] <= nums[j] + 1)
            j++;
        if (b->len)
            buf_addc(b, ',');
        if (nums[j] == nums[i])
            buf_printf(b, "%.*s%0*lu%s", (int)fp.plen, first, w, nums[i], suffix);
        else
            buf_printf(b, "%.*s[%0*lu-%0*lu]%s", (int)fp.plen, first, w, nums[i], w, nums[j],
                       suffix);
        i = j + 1;
    }
}

char *hostset_fold(const char *const *names, size_t n)
{
    struct buf b = BUF_INIT;
    bool *done = xcalloc(n ? n : 1, sizeof(bool));
    unsigned long *nums = xcalloc(n ? n : 1, sizeof(*nums));
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        struct parts pi = name_parts(names[i]);
        if (!pi.dlen) {
            if (b.len)
                buf_addc(&b, ',');
            buf_adds(&b, names[i]);
            continue;
        }
        size_t k = 0;
        for (size_t j = i; j < n; j++) {
            struct parts pj = name_parts(names[j]);
            if (!done[j] && same_key(names[i], pi, names[j], pj)) {
                done[j] = true;
                nums[k++] = pj.num;
            }
        }
        fold_key(&b, names[i], pi, nums, k);
    }
    free(done);
    free(nums);
    return buf_steal(&b);
}
