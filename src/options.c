/* options.c: the option parser driven by each command's table. */
#include "options.h"
#include "result.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int opts_index(const struct lvsh_cmd *cmd, const char *name)
{
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
        if (strcmp(cmd->opts[i].name, name) == 0)
            return i;
    return -1;
}

const char *opts_type_name(enum lvsh_opt_type t)
{
    switch (t) {
    case LVSH_OPT_BOOL: return "bool";
    case LVSH_OPT_STRING: return "string";
    case LVSH_OPT_INT: return "int";
    case LVSH_OPT_SIZE: return "size";
    case LVSH_OPT_REST: return "rest";
    }
    return "?";
}

const char *opts_metavar(const struct lvsh_opt *o)
{
    if (o->metavar)
        return o->metavar;
    switch (o->type) {
    case LVSH_OPT_INT: return "number";
    case LVSH_OPT_SIZE: return "size";
    default: return "string";
    }
}

static bool parse_ll(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end)
        return false;
    *out = v;
    return true;
}

/* A malformed number: a usage error, but (as virsh, which finds it while
 * running the command) the one-shot blank line stays (r->value_error). */
static enum lvsh_status opt_value_error(struct lvsh_result *r, const char *kind,
                                        const struct lvsh_opt *o, const char *text)
{
    r->value_error = true;
    return err_usage(r, "%s value '%s' for <%s> option is malformed or out of range", kind,
                     text, o->name);
}

/* Check and store one value; the text stays owned by argv. */
static enum lvsh_status opt_set(const struct lvsh_cmd *cmd, const struct lvsh_opt *o,
                                struct lvsh_argval *v, const char *text,
                                struct lvsh_result *r)
{
    if (v->set)
        return err_usage(r, "option --%s was given more than once to '%s'", o->name,
                         cmd->name);
    if (!*text && o->type == LVSH_OPT_STRING && !(o->flags & LVSH_OPTF_EMPTY_OK)) {
        r->value_error = true;   /* virsh finds these while running: blank line kept */
        return err_usage(r, "option --%s of '%s' needs a non-empty value", o->name,
                         cmd->name);
    }
    if (o->choices) {
        bool ok = false;
        for (int i = 0; o->choices[i] && !ok; i++)
            ok = strcmp(o->choices[i], text) == 0;
        if (!ok) {
            struct buf b = BUF_INIT;
            for (int i = 0; o->choices[i]; i++)
                buf_printf(&b, "%s%s", i ? ", " : "", o->choices[i]);
            r->value_error = true;
            err_usage(r, "invalid value '%s' for --%s of '%s' (expected one of: %s)",
                      text, o->name, cmd->name, buf_str(&b));
            buf_free(&b);
            return LVSH_USAGE;
        }
    }
    if (o->type == LVSH_OPT_INT) {
        /* virsh's wording, which scripts match */
        if (!parse_ll(text, &v->num) ||
            (o->min < o->max && (v->num < o->min || v->num > o->max)))
            return opt_value_error(r, "Numeric", o, text);
    }
    if (o->type == LVSH_OPT_SIZE && !parse_scaled_size(text, o->unit ? o->unit : 1, &v->size))
        return opt_value_error(r, "Scaled numeric", o, text);
    v->set = true;
    v->str = text;
    return LVSH_OK;
}

/* Values given as "--rest-opt value" (virsh's repeated --diskspec) sit in
 * named[0..nnamed) with room after them; leftover positional words join them. */
struct named_rest {
    int k;            /* the REST option given by name, or -1 */
    char **v;
    int n;
};

static enum lvsh_status fill_positionals(const struct lvsh_cmd *cmd, struct lvsh_args *a,
                                         char *const *words, int n,
                                         const struct named_rest *nr, struct lvsh_result *r)
{
    int w = 0;
    for (int i = 0; i < a->nopts && w < n; i++) {
        const struct lvsh_opt *o = &cmd->opts[i];
        struct lvsh_argval *v = &a->v[i];
        if (!(o->flags & LVSH_OPTF_POSITIONAL))
            continue;
        if (o->type == LVSH_OPT_REST) {
            if (v->set)
                continue;
            v->set = true;
            if (i == nr->k) {
                for (int j = w; j < n; j++)
                    nr->v[nr->n + j - w] = words[j];
                v->rest = nr->v;
                v->nrest = nr->n + n - w;
            } else {
                v->rest = &words[w];
                v->nrest = n - w;
            }
            return LVSH_OK;
        }
        if (v->set || o->type == LVSH_OPT_BOOL)
            continue;
        enum lvsh_status st = opt_set(cmd, o, v, words[w++], r);
        if (st != LVSH_OK)
            return st;
    }
    if (w < n)
        return err_usage(r, "unexpected argument '%s' for command '%s'", words[w],
                         cmd->name);
    if (nr->k >= 0 && !a->v[nr->k].set) {
        a->v[nr->k].set = true;
        a->v[nr->k].rest = nr->v;
        a->v[nr->k].nrest = nr->n;
    }
    return LVSH_OK;
}

static enum lvsh_status check_complete(const struct lvsh_cmd *cmd, struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    for (int i = 0; cmd->exclusive && cmd->exclusive[i]; i++) {
        char *list = xstrdup(cmd->exclusive[i]), *save = NULL;
        const char *first = NULL;
        char *clash = NULL;
        for (char *name = strtok_r(list, " ", &save); name && !clash;
             name = strtok_r(NULL, " ", &save)) {
            int k = opts_index(cmd, name);
            if (k < 0 || !a->v[k].set)
                continue;
            if (first)
                clash = xasprintf("options --%s and --%s of '%s' cannot be used together",
                                  first, name, cmd->name);
            else
                first = cmd->opts[k].name;
        }
        free(list);
        if (clash) {
            r->value_error = true;
            err_usage(r, "%s", clash);
            free(clash);
            return LVSH_USAGE;
        }
    }
    for (int i = 0; i < a->nopts; i++)
        if ((cmd->opts[i].flags & LVSH_OPTF_REQUIRED) && !a->v[i].set)
            return err_usage(r, "command '%s' requires option --%s", cmd->name,
                             cmd->opts[i].name);
    return LVSH_OK;
}

enum lvsh_status opts_parse(const struct lvsh_cmd *cmd, int argc, char *const argv[],
                            struct lvsh_args *a, struct lvsh_result *r)
{
    /* positional words in the first half, named REST values in the second */
    char **pos = xcalloc(2 * (size_t)argc + 1, sizeof(char *));
    struct named_rest nr = { -1, pos + argc, 0 };
    int npos = 0;
    bool dashdash = false;
    enum lvsh_status st = LVSH_OK;

    memset(a, 0, sizeof(*a));
    a->cmd = cmd;
    a->json = -1;
    while (cmd->opts && cmd->opts[a->nopts].name)
        a->nopts++;
    a->v = xcalloc((size_t)a->nopts + 1, sizeof(*a->v));
    a->positional = pos;

    for (int i = 1; i < argc && st == LVSH_OK; i++) {
        const char *w = argv[i];
        if (dashdash || strncmp(w, "--", 2) != 0 || w[2] == '\0') {
            if (!dashdash && strcmp(w, "--") == 0)
                dashdash = true;
            else
                pos[npos++] = argv[i];
            continue;
        }
        const char *eq = strchr(w + 2, '=');
        char *name = eq ? xstrndup(w + 2, (size_t)(eq - w - 2)) : xstrdup(w + 2);
        int k = opts_index(cmd, name);
        if (k < 0 && strcmp(name, "help") == 0 && !eq) {
            a->help = true;
        } else if (k < 0 && strcmp(name, "json") == 0 && !eq) {
            a->json = 1;
        } else if (k < 0) {
            st = err_usage(r, "command '%s' has no option --%s", cmd->name, name);
        } else if (cmd->opts[k].type == LVSH_OPT_BOOL) {
            if (eq)
                st = err_usage(r, "option --%s of '%s' takes no value", name, cmd->name);
            else if (a->v[k].set)
                st = err_usage(r, "option --%s was given more than once to '%s'", name,
                               cmd->name);
            else
                a->v[k].set = true;
        } else if (cmd->opts[k].type == LVSH_OPT_REST) {
            /* --opt value, repeatable: each value joins the list */
            if (!eq && i + 1 >= argc)
                st = err_usage(r, "option --%s of '%s' needs a value", name, cmd->name);
            else if (nr.k >= 0 && nr.k != k)
                st = err_usage(r, "command '%s' takes only one list option by name",
                               cmd->name);
            else {
                nr.k = k;
                nr.v[nr.n++] = eq ? (char *)eq + 1 : argv[++i];
            }
        } else if (eq) {
            st = opt_set(cmd, &cmd->opts[k], &a->v[k], eq + 1, r);
        } else if (i + 1 < argc) {
            st = opt_set(cmd, &cmd->opts[k], &a->v[k], argv[++i], r);
        } else {
            st = err_usage(r, "option --%s of '%s' needs a value", name, cmd->name);
        }
        free(name);
    }
    if (st == LVSH_OK)
        st = fill_positionals(cmd, a, pos, npos, &nr, r);
    if (st == LVSH_OK && !a->help)
        st = check_complete(cmd, a, r);
    return st;
}

void args_free(struct lvsh_args *a)
{
    free(a->v);
    free(a->positional);
    memset(a, 0, sizeof(*a));
}

/* A wrong name here is a bug in a handler: fail loudly in tests. */
static const struct lvsh_argval *arg_get(const struct lvsh_args *a, const char *name)
{
    int k = opts_index(a->cmd, name);
    if (k < 0) {
        fprintf(stderr, "lvsh: internal error: command '%s' has no option '%s'\n",
                a->cmd->name, name);
        abort();
    }
    return &a->v[k];
}

bool args_has(const struct lvsh_args *a, const char *name)
{
    return arg_get(a, name)->set;
}

const char *args_str(const struct lvsh_args *a, const char *name)
{
    const struct lvsh_argval *v = arg_get(a, name);
    return v->set ? v->str : NULL;
}

bool args_int(const struct lvsh_args *a, const char *name, long long *out)
{
    const struct lvsh_argval *v = arg_get(a, name);
    if (v->set)
        *out = v->num;
    return v->set;
}

bool args_size(const struct lvsh_args *a, const char *name, unsigned long long *out)
{
    const struct lvsh_argval *v = arg_get(a, name);
    if (v->set)
        *out = v->size;
    return v->set;
}

char *const *args_rest(const struct lvsh_args *a, const char *name, int *n)
{
    const struct lvsh_argval *v = arg_get(a, name);
    *n = v->set ? v->nrest : 0;
    return v->set ? v->rest : NULL;
}

static bool has_opt(const struct lvsh_args *a, const char *name)
{
    int k = opts_index(a->cmd, name);
    return k >= 0 && a->v[k].set;
}

unsigned args_affect_flags(const struct lvsh_args *a)
{
    unsigned f = VIR_DOMAIN_AFFECT_CURRENT;
    if (has_opt(a, "config") || has_opt(a, "persistent"))
        f |= VIR_DOMAIN_AFFECT_CONFIG;
    if (has_opt(a, "live"))
        f |= VIR_DOMAIN_AFFECT_LIVE;
    return f;
}

bool parse_scaled_size(const char *s, unsigned long long unit, unsigned long long *out)
{
    static const struct { const char *suffix; unsigned long long mult; } units[] = {
        { "", 0 }, { "b", 1 }, { "bytes", 1 },
        { "k", 1ULL << 10 }, { "kib", 1ULL << 10 }, { "kb", 1000ULL },
        { "m", 1ULL << 20 }, { "mib", 1ULL << 20 }, { "mb", 1000000ULL },
        { "g", 1ULL << 30 }, { "gib", 1ULL << 30 }, { "gb", 1000000000ULL },
        { "t", 1ULL << 40 }, { "tib", 1ULL << 40 }, { "tb", 1000000000000ULL },
        { "p", 1ULL << 50 }, { "pib", 1ULL << 50 }, { "pb", 1000000000000000ULL },
        { "e", 1ULL << 60 }, { "eib", 1ULL << 60 }, { "eb", 1000000000000000000ULL },
    };
    char *end;
    if (!s || *s == '-' || *s == '\0')
        return false;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return false;
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcasecmp(end, units[i].suffix) != 0)
            continue;
        unsigned long long m = units[i].mult ? units[i].mult : unit;
        if (m && v > ~0ULL / m)
            return false;
        *out = v * m;
        return true;
    }
    return false;
}
