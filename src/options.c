/* options.c: the option parser driven by each command's table. */
#include "options.h"
#include "target.h"
#include "cmdtab.h"
#include "suggest.h"
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
    case LVSH_OPT_ALIAS: return "alias";
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

/* A value as error messages may quote it: never a secret's. */
static const char *shown(const struct lvsh_opt *o, const char *text)
{
    return o->flags & LVSH_OPTF_SECRET ? "(secret, not shown)" : text;
}

bool opts_fills(const struct lvsh_opt *o)
{
    return o->type != LVSH_OPT_BOOL && o->type != LVSH_OPT_ALIAS &&
           !(o->flags & LVSH_OPTF_NAMED);
}

int opts_resolve(const struct lvsh_cmd *cmd, const char *name, const char **fixed)
{
    int k = opts_index(cmd, name);
    *fixed = NULL;
    if (k < 0 || cmd->opts[k].type != LVSH_OPT_ALIAS)
        return k;
    const char *target = cmd->opts[k].alias_of;
    const char *eq = strchr(target, '=');
    char *tname = eq ? xstrndup(target, (size_t)(eq - target)) : xstrdup(target);
    k = opts_index(cmd, tname);
    free(tname);
    if (eq)
        *fixed = eq + 1;
    return k;
}

/* The value name virsh shows in "expected syntax: --size <number>". */
static const char *virsh_type_word(const struct lvsh_opt *o)
{
    return o->type == LVSH_OPT_INT || o->type == LVSH_OPT_SIZE ? "number" : "string";
}

static enum lvsh_status dup_error(const struct lvsh_cmd *cmd, const struct lvsh_opt *o,
                                  unsigned how, struct lvsh_result *r)
{
    if (how & OPTS_VIRSH)
        return err_usage(r, "option --%s already seen", o->name);
    return err_usage(r, "option --%s was given more than once to '%s'", o->name, cmd->name);
}

/* A malformed number: a usage error in virsh's wording, which scripts match,
 * but (as virsh, which finds it while running the command) the one-shot
 * blank line stays (r->value_error). */
static enum lvsh_status opt_value_error(struct lvsh_result *r, const char *kind,
                                        const struct lvsh_opt *o, const char *text)
{
    r->value_error = true;
    return err_usage(r, "%s value '%s' for <%s> option is malformed or out of range", kind,
                     shown(o, text), o->name);
}

static bool scaled_size(const char *s, unsigned long long unit, unsigned long long *out,
                        char **why);

/* Check one value and keep its number or size; the text stays owned by argv. */
static enum lvsh_status opt_check(const struct lvsh_cmd *cmd, const struct lvsh_opt *o,
                                  struct lvsh_argval *v, unsigned how, struct lvsh_result *r)
{
    const char *text = v->str;
    if (!*text && o->type == LVSH_OPT_STRING && !(o->flags & LVSH_OPTF_EMPTY_OK)) {
        if (how & OPTS_VIRSH)
            return err_usage(r, "Failed to get option '%s': Option argument is empty",
                             o->name);
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
                      shown(o, text), o->name, cmd->name, buf_str(&b));
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
    char *why = NULL;
    if (o->type == LVSH_OPT_SIZE && !scaled_size(text, o->unit ? o->unit : 1, &v->size, &why)) {
        opt_value_error(r, "Scaled numeric", o, text);
        /* virsh adds libvirt's own line; never for a secret's value */
        if (why && !(o->flags & LVSH_OPTF_SECRET))
            err_add_detail(r, "%s", why);
        free(why);
        return LVSH_USAGE;
    }
    return LVSH_OK;
}

/* Store one value (its checks wait for opts_check_values under OPTS_DEFER). */
static enum lvsh_status opt_set(const struct lvsh_cmd *cmd, const struct lvsh_opt *o,
                                struct lvsh_argval *v, const char *text, unsigned how,
                                struct lvsh_result *r)
{
    if (v->set)
        return dup_error(cmd, o, how, r);
    v->set = true;
    v->str = text;
    return how & OPTS_DEFER ? LVSH_OK : opt_check(cmd, o, v, how, r);
}

static enum lvsh_status check_exclusive(const struct lvsh_cmd *cmd, struct lvsh_args *a,
                                        unsigned how, struct lvsh_result *r)
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
            if (first && (how & OPTS_VIRSH))
                clash = xasprintf("Options --%s and --%s are mutually exclusive", first, name);
            else if (first)
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
    return LVSH_OK;
}

/* "has no option --alll (did you mean --all?)" */
static enum lvsh_status unknown_option(const struct lvsh_cmd *cmd, const char *name,
                                       struct lvsh_result *r)
{
    struct suggest sg;
    suggest_init(&sg, name);
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
        if (cmd->opts[i].flags & LVSH_OPTF_HIDDEN)
            continue;
        char *flag = xasprintf("--%s", cmd->opts[i].name);
        suggest_add(&sg, cmd->opts[i].name, flag);
        free(flag);
    }
    suggest_add(&sg, "help", "--help");
    char *hint = suggest_take(&sg);
    enum lvsh_status st = hint
        ? err_usage(r, "command '%s' has no option --%s (did you mean %s?)", cmd->name, name,
                    hint)
        : err_usage(r, "command '%s' has no option --%s", cmd->name, name);
    free(hint);
    return st;
}

static char *missing_msg(const struct lvsh_cmd *cmd, const struct lvsh_opt *o, unsigned how)
{
    if (!(how & OPTS_VIRSH))
        return xasprintf("command '%s' requires option --%s", cmd->name, o->name);
    if ((o->type == LVSH_OPT_INT || o->type == LVSH_OPT_SIZE) &&
        !(o->flags & LVSH_OPTF_VIRSH_WORD))
        return xasprintf("command '%s' requires --%s option", cmd->name, o->name);
    return xasprintf("command '%s' requires <%s> option", cmd->name, o->name);
}

/* Every missing required option on a line of its own, as virsh: the
 * earlier ones as error lines, the last one as the error. */
static enum lvsh_status check_required(const struct lvsh_cmd *cmd, struct lvsh_args *a,
                                       unsigned how, struct lvsh_result *r)
{
    char *last = NULL;
    for (int i = 0; i < a->nopts; i++) {
        const struct lvsh_opt *o = &cmd->opts[i];
        if (!(o->flags & LVSH_OPTF_REQUIRED) || a->v[i].set)
            continue;
        if (last)
            out_err_line(r, "%s", last);
        free(last);
        last = missing_msg(cmd, o, how);
    }
    if (!last)
        return LVSH_OK;
    err_usage(r, "%s", last);
    free(last);
    return LVSH_USAGE;
}

enum lvsh_status opts_check_values(const struct lvsh_cmd *cmd, struct lvsh_args *a,
                                   unsigned how, struct lvsh_result *r)
{
    for (int i = 0; i < a->nopts; i++) {
        const struct lvsh_opt *o = &cmd->opts[i];
        if (!a->v[i].set || o->type == LVSH_OPT_BOOL || o->type == LVSH_OPT_REST ||
            o->type == LVSH_OPT_ALIAS)
            continue;
        enum lvsh_status st = opt_check(cmd, o, &a->v[i], how, r);
        if (st != LVSH_OK)
            return st;
    }
    return check_exclusive(cmd, a, how, r);
}

/* Parser state: the one list option collects its values, named or not. */
struct parse {
    const struct lvsh_cmd *cmd;
    struct lvsh_args *a;
    unsigned how;
    struct lvsh_result *r;
    int rest;         /* index of the REST option, or -1 */
    char **restv;     /* its values so far */
    int nrest;
    int npos;         /* words taken without --name */
};

static void rest_add(struct parse *p, char *word)
{
    struct lvsh_argval *v = &p->a->v[p->rest];
    p->restv[p->nrest++] = word;
    v->set = true;
    v->rest = p->restv;
    v->nrest = p->nrest;
}

/* A word without --name fills the first option still free, as virsh does. */
static enum lvsh_status take_positional(struct parse *p, char *word)
{
    const struct lvsh_cmd *cmd = p->cmd;
    p->npos++;
    for (int i = 0; i < p->a->nopts; i++) {
        const struct lvsh_opt *o = &cmd->opts[i];
        if (!opts_fills(o))
            continue;
        /* options first, then another command's words (watch): only those */
        if ((cmd->flags & LVSH_CMD_OPTS_FIRST) && !(o->flags & LVSH_OPTF_POSITIONAL))
            continue;
        if (i == p->rest) {
            rest_add(p, word);
            return LVSH_OK;
        }
        if (!p->a->v[i].set)
            return opt_set(cmd, o, &p->a->v[i], word, p->how, p->r);
    }
    /* a stray word of a command that takes a secret may be the secret */
    if (cmdtab_takes_secret(cmd))
        return err_usage(p->r, "unexpected argument for command '%s' (not shown: the "
                               "command takes a secret)", cmd->name);
    if (p->how & OPTS_VIRSH)
        return err_usage(p->r, "unexpected data '%s'", word);
    return err_usage(p->r, "unexpected argument '%s' for command '%s'", word, cmd->name);
}

/* One --name or --name=value word; *i moves past a separate value. */
static enum lvsh_status take_named(struct parse *p, int argc, char *const argv[], int *i)
{
    const struct lvsh_cmd *cmd = p->cmd;
    struct lvsh_args *a = p->a;
    const char *w = argv[*i], *fixed;
    const char *eq = strchr(w + 2, '=');
    char *name = eq ? xstrndup(w + 2, (size_t)(eq - w - 2)) : xstrdup(w + 2);
    bool virsh = p->how & OPTS_VIRSH;
    int k = opts_resolve(cmd, name, &fixed);
    enum lvsh_status st = LVSH_OK;
    const struct lvsh_opt *o = k >= 0 ? &cmd->opts[k] : NULL;

    if (k < 0 && strcmp(name, "help") == 0 && !eq) {
        a->help = true;
    } else if (k < 0 && strcmp(name, "json") == 0 && !eq && !virsh) {
        a->json = 1;
    } else if (k < 0) {
        st = virsh ? err_usage(p->r, "command '%s' doesn't support option --%s", cmd->name, name)
                   : unknown_option(cmd, name, p->r);
    } else if ((fixed || o->type == LVSH_OPT_BOOL) && eq) {
        st = virsh ? err_usage(p->r, "invalid '=' after option --%s", name)
                   : err_usage(p->r, "option --%s of '%s' takes no value", name, cmd->name);
    } else if (fixed && o->type == LVSH_OPT_REST) {
        rest_add(p, (char *)fixed);
    } else if (fixed) {
        st = opt_set(cmd, o, &a->v[k], fixed, p->how, p->r);
    } else if (o->type == LVSH_OPT_BOOL) {
        if (a->v[k].set)
            st = dup_error(cmd, o, p->how, p->r);
        a->v[k].set = true;
    } else if (!eq && *i + 1 >= argc) {
        st = virsh ? err_usage(p->r, "expected syntax: --%s <%s>", o->name, virsh_type_word(o))
                   : err_usage(p->r, "option --%s of '%s' needs a value", o->name, cmd->name);
    } else {
        char *val = eq ? (char *)eq + 1 : argv[++*i];
        if (o->type == LVSH_OPT_REST)
            rest_add(p, val);   /* repeatable: each value joins the list */
        else
            st = opt_set(cmd, o, &a->v[k], val, p->how, p->r);
    }
    free(name);
    return st;
}

enum lvsh_status opts_parse_ex(const struct lvsh_cmd *cmd, int argc, char *const argv[],
                               struct lvsh_args *a, unsigned how, struct lvsh_result *r)
{
    struct parse p = { cmd, a, how, r, -1, NULL, 0, 0 };
    bool dashdash = false;
    enum lvsh_status st = LVSH_OK;

    memset(a, 0, sizeof(*a));
    a->cmd = cmd;
    a->json = -1;
    while (cmd->opts && cmd->opts[a->nopts].name) {
        if (cmd->opts[a->nopts].type == LVSH_OPT_REST && p.rest < 0)
            p.rest = a->nopts;
        a->nopts++;
    }
    a->v = xcalloc((size_t)a->nopts + 1, sizeof(*a->v));
    p.restv = a->positional = xcalloc((size_t)argc + 1, sizeof(char *));

    for (int i = 1; i < argc && st == LVSH_OK; i++) {
        const char *w = argv[i];
        if (p.npos > 0 && (cmd->flags & LVSH_CMD_OPTS_FIRST))
            dashdash = true;   /* the rest are the words of another command (watch) */
        if (!dashdash && strcmp(w, "--") == 0)
            dashdash = true;
        else if (dashdash || strncmp(w, "--", 2) != 0)
            st = take_positional(&p, argv[i]);
        else
            st = take_named(&p, argc, argv, &i);
    }
    if (st == LVSH_OK && !a->help)
        st = check_required(cmd, a, how, r);
    if (st == LVSH_OK && !a->help && !(how & OPTS_DEFER))
        st = opts_check_values(cmd, a, how, r);
    return st;
}

bool args_would_write(const struct lvsh_args *a)
{
    if (a->cmd->flags & LVSH_CMD_WRITES)
        return true;
    for (int i = 0; i < a->nopts; i++)
        if (a->v[i].set && (a->cmd->opts[i].flags & LVSH_OPTF_WRITES))
            return true;
    return false;
}

enum lvsh_status opts_parse(const struct lvsh_cmd *cmd, int argc, char *const argv[],
                            struct lvsh_args *a, struct lvsh_result *r)
{
    return opts_parse_ex(cmd, argc, argv, a, 0, r);
}

void args_free(struct lvsh_args *a)
{
    target_release(a);
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

unsigned args_flags(const struct lvsh_args *a)
{
    unsigned f = 0;
    for (int i = 0; i < a->nopts; i++)
        if (a->v[i].set)
            f |= a->cmd->opts[i].flag;
    return f;
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

/* parse_scaled_size; on failure *why (when why) is the libvirt line virsh
 * adds after its own for a bad suffix or an overflow, NULL when the number
 * itself is malformed */
static bool scaled_size(const char *s, unsigned long long unit, unsigned long long *out,
                        char **why)
{
    static const struct { const char *suffix; unsigned long long mult; } units[] = {
        { "", 0 }, { "b", 1 }, { "byte", 1 }, { "bytes", 1 },
        { "k", 1ULL << 10 }, { "kib", 1ULL << 10 }, { "kb", 1000ULL },
        { "m", 1ULL << 20 }, { "mib", 1ULL << 20 }, { "mb", 1000000ULL },
        { "g", 1ULL << 30 }, { "gib", 1ULL << 30 }, { "gb", 1000000000ULL },
        { "t", 1ULL << 40 }, { "tib", 1ULL << 40 }, { "tb", 1000000000000ULL },
        { "p", 1ULL << 50 }, { "pib", 1ULL << 50 }, { "pb", 1000000000000000ULL },
        { "e", 1ULL << 60 }, { "eib", 1ULL << 60 }, { "eb", 1000000000000000000ULL },
    };
    char *end;
    if (!s || *s == '\0' || s[strspn(s, " \t\n\v\f\r")] == '-')
        return false;   /* strtoull would wrap " -1" to 2^64-1 */
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return false;
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcasecmp(end, units[i].suffix) != 0)
            continue;
        unsigned long long m = units[i].mult ? units[i].mult : unit;
        if (m && v > ~0ULL / m) {
            if (why)
                *why = xasprintf("numerical overflow: value too large: %llu%s", v, end);
            return false;
        }
        *out = v * m;
        return true;
    }
    if (why)
        *why = xasprintf("invalid argument: unknown suffix '%s'", end);
    return false;
}

bool parse_scaled_size(const char *s, unsigned long long unit, unsigned long long *out)
{
    return scaled_size(s, unit, out, NULL);
}
