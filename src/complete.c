/* complete.c: what TAB offers, from the option tables.
 *
 * The words before the cursor are replayed the way the option parser
 * reads them (named options, --opt=value, positional fill in table order,
 * `--`), which tells which option the word under the cursor belongs to;
 * that option's .complete says where the candidates come from. */
#include "complete.h"
#include "cmdtab.h"
#include "fleet.h"
#include "inventory.h"
#include "options.h"
#include "tokenize.h"
#include "util.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The kinds by their names (help, the man page, complete --kind); the
 * last entry is NULL, so it is also --kind's list of choices. */
const char *const complete_kind_names[LVSH_COMP__COUNT + 1] = {
    [LVSH_COMP_NONE] = "none", [LVSH_COMP_FILE] = "file", [LVSH_COMP_DIR] = "dir",
    [LVSH_COMP_CHOICES] = "choices", [LVSH_COMP_COMMAND] = "command",
    [LVSH_COMP_GROUP_OR_COMMAND] = "group-or-command",
    [LVSH_COMP_DOMAIN] = "domain", [LVSH_COMP_DOMAIN_ACTIVE] = "domain-active",
    [LVSH_COMP_DOMAIN_INACTIVE] = "domain-inactive",
    [LVSH_COMP_DOMAIN_RUNNING] = "domain-running",
    [LVSH_COMP_DOMAIN_PAUSED] = "domain-paused",
    [LVSH_COMP_DOMAIN_PERSISTENT] = "domain-persistent",
    [LVSH_COMP_DOMAIN_SNAPSHOT] = "snapshot",
    [LVSH_COMP_DOMAIN_CHECKPOINT] = "checkpoint", [LVSH_COMP_DOMAIN_DISK] = "domain-disk",
    [LVSH_COMP_DOMAIN_IFACE] = "domain-interface", [LVSH_COMP_NETWORK] = "network",
    [LVSH_COMP_NETWORK_ACTIVE] = "network-active",
    [LVSH_COMP_NETWORK_INACTIVE] = "network-inactive",
    [LVSH_COMP_NETWORK_PORT] = "network-port", [LVSH_COMP_POOL] = "pool",
    [LVSH_COMP_POOL_ACTIVE] = "pool-active", [LVSH_COMP_POOL_INACTIVE] = "pool-inactive",
    [LVSH_COMP_VOLUME] = "volume", [LVSH_COMP_SECRET] = "secret",
    [LVSH_COMP_NWFILTER] = "nwfilter", [LVSH_COMP_NWFILTER_BINDING] = "nwfilter-binding",
    [LVSH_COMP_IFACE] = "interface", [LVSH_COMP_IFACE_ACTIVE] = "interface-active",
    [LVSH_COMP_IFACE_INACTIVE] = "interface-inactive", [LVSH_COMP_NODEDEV] = "nodedev",
    [LVSH_COMP_NODEDEV_CAP] = "nodedev-capability", [LVSH_COMP_URI] = "uri",
    [LVSH_COMP_EVENT] = "event", [LVSH_COMP_SET_VALUE] = "setting-value",
    [LVSH_COMP_SHUTDOWN_MODE] = "shutdown-mode", [LVSH_COMP_TARGETS] = "targets",
};

int complete_kind_by_name(const char *name)
{
    for (int i = 0; complete_kind_names[i]; i++)
        if (strcmp(complete_kind_names[i], name) == 0)
            return i;
    return -1;
}

/* ---- candidate lists ---------------------------------------------------- */

struct cands {
    struct completion *c;
    const char *prefix;  /* only words starting with it are kept */
    const char *lead;    /* prepended to every kept word ("--opt=") */
    size_t cap;
};

/* `complete --describe`: "word<TAB>what it is" for commands and options. */
static bool describe;

void complete_set_describe(bool on)
{
    describe = on;
}

static void cands_push_desc(struct cands *cs, const char *word, const char *desc);

static void cands_push(struct cands *cs, const char *word)
{
    cands_push_desc(cs, word, NULL);
}

static void cands_push_desc(struct cands *cs, const char *word, const char *desc)
{
    struct completion *c = cs->c;
    if (!str_prefix(word, cs->prefix))
        return;
    if (c->n + 2 > cs->cap) {
        cs->cap = cs->cap ? cs->cap * 2 : 32;
        c->v = xrealloc(c->v, cs->cap * sizeof(char *));
    }
    bool d = describe && desc && *desc;
    c->v[c->n++] = xasprintf("%s%s%s%s", cs->lead ? cs->lead : "", word, d ? "\t" : "",
                             d ? desc : "");
    c->v[c->n] = NULL;
}

static void cands_add_cb(void *opaque, const char *word)
{
    cands_push(opaque, word);
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop duplicates (a secret's uuid may equal another's usage). */
static void completion_finish(struct completion *c)
{
    if (!c->v) {
        c->v = xcalloc(1, sizeof(char *));
        return;
    }
    qsort(c->v, c->n, sizeof(char *), str_cmp);
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (k && strcmp(c->v[k - 1], c->v[i]) == 0)
            free(c->v[i]);
        else
            c->v[k++] = c->v[i];
    }
    c->n = k;
    c->v[k] = NULL;
}

void completion_free(struct completion *c)
{
    for (size_t i = 0; c->v && i < c->n; i++)
        free(c->v[i]);
    free(c->v);
    memset(c, 0, sizeof(*c));
}

/* ---- static completers ------------------------------------------------ */

static void add_commands(struct lvsh_session *s, struct cands *cs)
{
    struct cmdtab_iter it = CMDTAB_ITER_INIT;
    const struct lvsh_cmd *cmd;
    while ((cmd = cmdtab_next(&it))) {
        /* under -r, commands that write would only be refused */
        if (cmd->flags & LVSH_CMD_HIDDEN || (s->readonly && cmd->flags & LVSH_CMD_WRITES))
            continue;
        cands_push_desc(cs, cmd->name, cmd->summary);
        for (int i = 0; cmd->aliases && cmd->aliases[i]; i++)
            cands_push_desc(cs, cmd->aliases[i], cmd->summary);
    }
}

/* Entries of the directory part of cur; directories get a '/'. */
static void add_files(struct cands *cs, const char *cur, bool dirs_only)
{
    const char *slash = strrchr(cur, '/');
    char *dir = slash ? xstrndup(cur, (size_t)(slash - cur) + 1) : xstrdup("");
    const char *base = slash ? slash + 1 : cur;
    char *open_path = *dir ? xstrdup(dir) : xstrdup(".");
    if (dir[0] == '~' && (dir[1] == '/' || dir[1] == '\0') && getenv("HOME")) {
        free(open_path);
        open_path = xasprintf("%s%s", getenv("HOME"), dir + 1);
    }
    DIR *d = opendir(open_path);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
            (e->d_name[0] == '.' && base[0] != '.') || !str_prefix(e->d_name, base))
            continue;
        char *full = xasprintf("%s/%s", open_path, e->d_name);
        struct stat st;
        bool isdir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
        free(full);
        if (dirs_only && !isdir)
            continue;
        char *word = xasprintf("%s%s%s", dir, e->d_name, isdir ? "/" : "");
        cands_push(cs, word);
        free(word);
    }
    if (d)
        closedir(d);
    free(open_path);
    free(dir);
}

/* The capability names libvirt's node device API knows (virsh's list). */
static const char *const nodedev_caps[] = {
    "system", "pci", "usb_device", "usb", "net", "scsi_host", "scsi_target", "scsi",
    "storage", "fc_host", "vports", "scsi_generic", "drm", "mdev_types", "mdev", "ccw",
    "css", "vdpa", "ap_card", "ap_queue", "ap_matrix", "vpd", NULL,
};

static const char *const shutdown_modes[] = {
    "acpi", "agent", "initctl", "signal", "paravirt", NULL,
};

static const char *const uris[] = {
    "qemu:///system", "qemu:///session", "test:///default", "lxc:///system",
    "ch:///system", "xen:///system", "vbox:///session", NULL,
};

static const char *const events_domain[] = {
    "lifecycle", "reboot", "rtc-change", "watchdog", "io-error", "graphics",
    "io-error-reason", "control-error", "block-job", "disk-change", "tray-change",
    "pm-wakeup", "pm-suspend", "balloon-change", "pm-suspend-disk", "device-removed",
    "block-job-2", "tunable", "agent-lifecycle", "device-added", "migration-iteration",
    "job-completed", "device-removal-failed", "metadata-change", "block-threshold",
    "memory-failure", "memory-device-size-change", NULL,
};
static const char *const events_network[] = { "lifecycle", NULL };
static const char *const events_pool[] = { "lifecycle", "refresh", NULL };
static const char *const events_nodedev[] = { "lifecycle", "update", NULL };
static const char *const events_secret[] = { "lifecycle", "value-changed", NULL };

/* Event names belong to the family of the command (net-event, ...). */
static const char *const *event_names(const struct lvsh_cmd *cmd)
{
    const char *n = cmd ? cmd->name : "";
    if (str_prefix(n, "net-"))
        return events_network;
    if (str_prefix(n, "pool-"))
        return events_pool;
    if (str_prefix(n, "nodedev-"))
        return events_nodedev;
    if (str_prefix(n, "secret-"))
        return events_secret;
    return events_domain;
}

static void add_list(struct cands *cs, const char *const *list)
{
    for (int i = 0; list && list[i]; i++)
        cands_push(cs, list[i]);
}

/* "pci,net,us" completes its last item: the rest becomes the lead. */
static void add_csv(struct cands *cs, const char *cur, const char *const *list)
{
    const char *comma = strrchr(cur, ',');
    if (!comma) {
        add_list(cs, list);
        return;
    }
    char *lead = xasprintf("%s%.*s", cs->lead ? cs->lead : "", (int)(comma - cur + 1), cur);
    struct cands sub = { cs->c, comma + 1, lead, cs->cap };
    add_list(&sub, list);
    cs->cap = sub.cap;
    free(lead);
}

/* URIs, and the inventory's hosts (a URI option takes an inventory name). */
static void add_uris(struct lvsh_session *s, struct cands *cs, const struct inventory *inv)
{
    add_list(cs, uris);
    /* a fleet's own "URI" is its target list, not one host's */
    if (s->uri && !inventory_spec_is_set(s->uri))
        cands_push(cs, s->uri);
    if (s->conn_uri && *s->conn_uri)
        cands_push(cs, s->conn_uri);
    for (size_t i = 0; inv && i < inv->nhosts; i++)
        cands_push(cs, inv->hosts[i].name);
}

/* The end of the last item of a target list before its last word: the
 * comma that ends it (commas inside a range belong to it), or NULL. */
static const char *targets_last_comma(const char *cur)
{
    const char *comma = NULL;
    for (const char *end = inventory_item_end(cur); *end; end = inventory_item_end(end + 1))
        comma = end;
    return comma;
}

/* A target list: the inventory's hosts, its ranges (hosts folded), its
 * @groups and @all, and URIs; after a comma, the next item. */
static void add_targets(struct lvsh_session *s, struct cands *cs, const char *cur)
{
    const char *comma = targets_last_comma(cur);
    char *lead = comma ? xasprintf("%s%.*s", cs->lead ? cs->lead : "",
                                   (int)(comma - cur + 1), cur) : NULL;
    struct cands sub = { cs->c, comma ? comma + 1 : cs->prefix, lead ? lead : cs->lead,
                         cs->cap };
    struct inventory *inv = inventory_load();
    add_uris(s, &sub, inv);
    if (inv->nhosts)
        cands_push(&sub, "@all");
    for (size_t i = 0; i < inv->ngroups; i++) {
        char *g = xasprintf("@%s", inv->groups[i].name);
        cands_push(&sub, g);
        free(g);
    }
    const char **names = xcalloc(inv->nhosts + 1, sizeof(char *));
    for (size_t i = 0; i < inv->nhosts; i++)
        names[i] = inv->hosts[i].name;
    char *folded = hostset_fold(names, inv->nhosts), *save = NULL;
    for (char *t = strtok_r(folded, ",", &save); t; t = strtok_r(NULL, ",", &save))
        if (strchr(t, '['))   /* only the ranges: the names are there already */
            cands_push(&sub, t);
    free(folded);
    free(names);
    inventory_free(inv);
    cs->cap = sub.cap;
    free(lead);
}

/* ---- values of one option ------------------------------------------- */

/* The value of the option a dependent kind needs (--domain for snapshots). */
static const char *kind_arg_option(enum lvsh_completer k)
{
    switch (k) {
    case LVSH_COMP_DOMAIN_SNAPSHOT:
    case LVSH_COMP_DOMAIN_CHECKPOINT:
    case LVSH_COMP_DOMAIN_DISK:
    case LVSH_COMP_DOMAIN_IFACE: return "domain";
    case LVSH_COMP_VOLUME: return "pool";
    case LVSH_COMP_NETWORK_PORT: return "network";
    case LVSH_COMP_SET_VALUE: return "name";
    default: return NULL;
    }
}

static void add_kind(struct lvsh_session *s, struct cands *cs, const struct lvsh_cmd *cmd,
                     const struct lvsh_opt *o, enum lvsh_completer k, const char *arg,
                     const char *cur)
{
    switch (k) {
    case LVSH_COMP_NONE:
        break;
    case LVSH_COMP_FILE:
    case LVSH_COMP_DIR:
        cs->c->files = true;
        add_files(cs, cur, k == LVSH_COMP_DIR);
        break;
    case LVSH_COMP_CHOICES:
        add_list(cs, o ? o->choices : NULL);
        break;
    case LVSH_COMP_GROUP_OR_COMMAND:
        for (const struct lvsh_group *g = lvsh_groups; g->keyword; g++)
            cands_push_desc(cs, g->keyword, g->title);
        /* fall through */
    case LVSH_COMP_COMMAND:
        add_commands(s, cs);
        break;
    case LVSH_COMP_NODEDEV_CAP:
        add_csv(cs, cur, nodedev_caps);
        break;
    case LVSH_COMP_URI: {
        struct inventory *inv = inventory_load();
        add_uris(s, cs, inv);
        inventory_free(inv);
        break;
    }
    case LVSH_COMP_TARGETS:
        add_targets(s, cs, cur);
        break;
    case LVSH_COMP_EVENT:
        add_list(cs, event_names(cmd));
        break;
    case LVSH_COMP_SHUTDOWN_MODE:
        add_csv(cs, cur, shutdown_modes);
        break;
    case LVSH_COMP_SET_VALUE:
        add_list(cs, shell_set_values(arg));
        break;
    default:
        cache_list(s, k, arg, cands_add_cb, cs);
        break;
    }
}

void complete_kind(struct lvsh_session *s, enum lvsh_completer kind, const char *arg,
                   const char *cur, struct completion *out)
{
    memset(out, 0, sizeof(*out));
    struct cands cs = { out, cur, NULL, 0 };
    if ((unsigned)kind < LVSH_COMP__COUNT)
        add_kind(s, &cs, NULL, NULL, kind, arg, cur);
    completion_finish(out);
}

/* ---- where the cursor is ---------------------------------------------- */

struct ctx {
    const struct lvsh_cmd *cmd;
    int nopts;
    const char **val;     /* per option: its value on the line, or NULL */
    bool *used;           /* per option: given on the line (named or filled) */
    int pending;          /* the option whose value is the word, or -1 */
    bool dashdash;        /* a bare "--" came before the word */
};

/* Replay words[1..] as opts_parse would, up to the word under the cursor. */
static void ctx_scan(struct ctx *x, char *const *words, int nwords)
{
    const char **pos = xcalloc((size_t)nwords + 1, sizeof(char *));
    int npos = 0;
    for (int w = 1; w < nwords; w++) {
        const char *word = words[w];
        if (x->dashdash || strncmp(word, "--", 2) != 0) {
            pos[npos++] = word;
            continue;
        }
        if (word[2] == '\0') {
            x->dashdash = true;
            continue;
        }
        const char *eq = strchr(word, '=');
        char *name = eq ? xstrndup(word + 2, (size_t)(eq - word - 2)) : xstrdup(word + 2);
        const char *fixed;   /* an alias with its own value takes none */
        int k = opts_resolve(x->cmd, name, &fixed);
        free(name);
        if (k < 0)
            continue;
        x->used[k] = true;
        enum lvsh_opt_type t = x->cmd->opts[k].type;
        if (t == LVSH_OPT_BOOL || t == LVSH_OPT_REST || fixed)
            continue;
        if (eq)
            x->val[k] = eq + 1;
        else if (w + 1 < nwords)
            x->val[k] = words[++w];
        else
            x->pending = k;
    }
    /* positional words fill the positional options not named, in order */
    int p = 0;
    for (int k = 0; k < x->nopts && p < npos; k++) {
        const struct lvsh_opt *o = &x->cmd->opts[k];
        if (!(o->flags & LVSH_OPTF_POSITIONAL) || x->used[k] || o->type == LVSH_OPT_BOOL)
            continue;
        x->used[k] = true;
        x->val[k] = pos[p];
        p = o->type == LVSH_OPT_REST ? npos : p + 1;
    }
    free(pos);
}

/* The option the next positional word fills, or -1. */
static int ctx_next_positional(const struct ctx *x)
{
    for (int k = 0; k < x->nopts; k++) {
        const struct lvsh_opt *o = &x->cmd->opts[k];
        if (!(o->flags & LVSH_OPTF_POSITIONAL) || o->type == LVSH_OPT_BOOL)
            continue;
        if (o->type == LVSH_OPT_REST || !x->used[k])
            return k;
    }
    return -1;
}

static void add_option_names(const struct ctx *x, struct cands *cs)
{
    for (int k = 0; k < x->nopts; k++) {
        const struct lvsh_opt *o = &x->cmd->opts[k];
        /* a list option by name (--diskspec, --keycode) may come again */
        bool rest = o->type == LVSH_OPT_REST;
        if ((x->used[k] && !rest) || o->flags & LVSH_OPTF_HIDDEN ||
            (rest && x->cmd->flags & LVSH_CMD_OPTS_FIRST))
            continue;
        char *flag = xasprintf("--%s", o->name);
        cands_push_desc(cs, flag, o->help);
        free(flag);
    }
    cands_push_desc(cs, "--help", "show this command's help");
    if (!(x->cmd->flags & LVSH_CMD_NO_JSON))
        cands_push_desc(cs, "--json", "JSON output");
}

static void add_option_value(struct lvsh_session *s, const struct ctx *x, struct cands *cs,
                             int k, const char *cur)
{
    const struct lvsh_opt *o = &x->cmd->opts[k];
    enum lvsh_completer kind = o->complete;
    if (kind == LVSH_COMP_NONE && o->choices)
        kind = LVSH_COMP_CHOICES;
    const char *argopt = kind_arg_option(kind), *arg = NULL;
    if (argopt) {
        int a = opts_index(x->cmd, argopt);
        arg = a >= 0 ? x->val[a] : NULL;
    }
    add_kind(s, cs, x->cmd, o, kind, arg, cur);
}

static void complete_in_command(struct lvsh_session *s, struct ctx *x, struct cands *cs,
                                const char *cur)
{
    if (x->pending >= 0) {
        add_option_value(s, x, cs, x->pending, cur);
        return;
    }
    if (!x->dashdash && str_prefix(cur, "--") && strchr(cur, '=')) {
        const char *eq = strchr(cur, '=');
        char *name = xstrndup(cur + 2, (size_t)(eq - cur - 2));
        int k = opts_index(x->cmd, name);
        if (k >= 0 && x->cmd->opts[k].type != LVSH_OPT_BOOL) {
            char *lead = xstrndup(cur, (size_t)(eq - cur) + 1);
            struct cands sub = { cs->c, eq + 1, lead, cs->cap };
            add_option_value(s, x, &sub, k, eq + 1);
            cs->cap = sub.cap;
            free(lead);
        }
        free(name);
        return;
    }
    if (!x->dashdash && cur[0] == '-') {
        add_option_names(x, cs);
        return;
    }
    int k = ctx_next_positional(x);
    size_t before = cs->c->n;
    if (k >= 0)
        add_option_value(s, x, cs, k, cur);
    /* nothing left to fill positionally: the options not given yet */
    if (!x->dashdash && !*cur && cs->c->n == before && !cs->c->files)
        add_option_names(x, cs);
}

/* The context of cmd's words[0..nwords) (ctx_scan); ctx_close frees it. */
static void ctx_open(struct ctx *x, const struct lvsh_cmd *cmd, char *const *words, int nwords)
{
    *x = (struct ctx){ .cmd = cmd, .pending = -1 };
    while (cmd->opts && cmd->opts[x->nopts].name)
        x->nopts++;
    x->val = xcalloc((size_t)x->nopts + 1, sizeof(char *));
    x->used = xcalloc((size_t)x->nopts + 1, sizeof(bool));
    ctx_scan(x, words, nwords);
}

static void ctx_close(struct ctx *x)
{
    free(x->val);
    free(x->used);
}

/* The candidates inside one command (words[0] is its name). */
static void complete_in_words(struct lvsh_session *s, const struct lvsh_cmd *cmd,
                              char *const *words, int nwords, struct cands *cs,
                              const char *cur)
{
    struct ctx x;
    ctx_open(&x, cmd, words, nwords);
    complete_in_command(s, &x, cs, cur);
    ctx_close(&x);
}

void complete_cmd_words(struct lvsh_session *s, const struct lvsh_cmd *cmd,
                        char *const *words, int nwords, const char *cur,
                        struct completion *out)
{
    memset(out, 0, sizeof(*out));
    struct cands cs = { out, cur, NULL, 0 };
    complete_in_words(s, cmd, words, nwords, &cs, cur);
    completion_finish(out);
}

/* The index of the word that starts an OPTS_FIRST command's command, or
 * -1: its first positional word after those of the positional options
 * before the command (`on TARGETS COMMAND...`). */
static int opts_first_command(const struct lvsh_cmd *cmd, char *const *words, int nwords)
{
    int skip = 0;
    for (int k = 0; cmd->opts && cmd->opts[k].name && cmd->opts[k].type != LVSH_OPT_REST; k++)
        if (cmd->opts[k].flags & LVSH_OPTF_POSITIONAL && cmd->opts[k].type != LVSH_OPT_BOOL)
            skip++;
    bool dashdash = false;
    for (int w = 1; w < nwords; w++) {
        if (!dashdash && strcmp(words[w], "--") == 0) {
            dashdash = true;
            continue;
        }
        if (dashdash || strncmp(words[w], "--", 2) != 0) {
            if (skip-- == 0)
                return w;
            continue;
        }
        int k = strchr(words[w], '=') ? -1 : opts_index(cmd, words[w] + 2);
        if (k >= 0 && cmd->opts[k].type != LVSH_OPT_BOOL)
            w++;   /* its value */
    }
    return -1;
}

/* The target list of an OPTS_FIRST command (`on TARGETS`) among the
 * words before its command (words[k]), or NULL. */
static const char *targets_before(const struct lvsh_cmd *cmd, char *const *words, int k)
{
    struct ctx x;
    ctx_open(&x, cmd, words, k);
    const char *v = NULL;
    for (int i = 0; i < x.nopts; i++)
        if (cmd->opts[i].complete == LVSH_COMP_TARGETS && x.val[i])
            v = x.val[i];
    ctx_close(&x);
    return v;
}

void complete_words(struct lvsh_session *s, char *const *words, int nwords,
                    const char *cur, struct completion *out)
{
    memset(out, 0, sizeof(*out));
    struct cands cs = { out, cur, NULL, 0 };
    /* a ";" word (from a shell script) starts a new command */
    for (int i = nwords - 1; i >= 0; i--)
        if (strcmp(words[i], ";") == 0) {
            words += i + 1;
            nwords -= i + 1;
            break;
        }
    const struct lvsh_cmd *cmd = nwords > 0 ? cmdtab_find(words[0]) : NULL;
    /* watch [opts] CMD ...: past CMD's name, the words are CMD's; inside
     * `on TARGETS CMD ...` its live names are those of TARGETS' hosts */
    const char *targets = NULL;
    while (cmd && cmd->flags & LVSH_CMD_OPTS_FIRST) {
        int k = opts_first_command(cmd, words, nwords);
        if (k < 0)
            break;
        const char *t = targets_before(cmd, words, k);
        targets = t ? t : targets;
        words += k;
        nwords -= k;
        cmd = nwords > 0 ? cmdtab_find(words[0]) : NULL;
        if (nwords == 0)
            break;
    }
    if (nwords == 0) {
        add_commands(s, &cs);
    } else if (cmd) {
        if (targets)
            fleet_complete_on(s, targets);
        complete_in_words(s, cmd, words, nwords, &cs, cur);
        if (targets)
            fleet_complete_off(s);
    }
    completion_finish(out);
}

void complete_line(struct lvsh_session *s, const char *line, size_t cursor,
                   struct completion *out)
{
    struct tok_partial p;
    tokenize_partial(line, cursor, &p);
    complete_words(s, p.words, p.nwords, p.word, out);
    tok_partial_free(&p);
}
