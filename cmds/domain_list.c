/* domain_list.c: `list`, in a constant number of round trips.
 *
 * One virConnectGetAllDomainStats call returns every domain with its state
 * when the filters are ones it understands; otherwise one filtered listing
 * plus one virDomainListGetStats call.  Columns that are listing filters
 * (autostart, persistent, managed save) cost one filtered listing each;
 * only --title needs one call per domain, as libvirt has no bulk form
 * (many in flight at once, so they cost a few round-trip latencies).
 * The filtered listings go together with the main one. */
#include "domain_common.h"
#include "parallel.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct dom_row {
    virDomainPtr dom;
    const char *name;   /* the domain's own; cached for sorting */
    unsigned id;        /* cached: virDomainGetID formats the UUID for its debug log */
    char *title;        /* --title only */
    int state, reason;
};

struct list_filter {
    unsigned list_flags;   /* VIR_CONNECT_LIST_DOMAINS_* */
    unsigned stats_flags;  /* VIR_CONNECT_GET_ALL_DOMAINS_STATS_*, if expressible */
    bool stats_ok;         /* every filter is expressible for GetAllDomainStats */
};

static void list_filter_init(const struct lvsh_args *a, struct list_filter *f)
{
    static const struct { const char *opt; unsigned list, stats; } map[] = {
        { "persistent", VIR_CONNECT_LIST_DOMAINS_PERSISTENT,
          VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT },
        { "transient", VIR_CONNECT_LIST_DOMAINS_TRANSIENT,
          VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT },
        { "state-running", VIR_CONNECT_LIST_DOMAINS_RUNNING,
          VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING },
        { "state-paused", VIR_CONNECT_LIST_DOMAINS_PAUSED,
          VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED },
        { "state-shutoff", VIR_CONNECT_LIST_DOMAINS_SHUTOFF,
          VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF },
        { "state-other", VIR_CONNECT_LIST_DOMAINS_OTHER,
          VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER },
        { "autostart", VIR_CONNECT_LIST_DOMAINS_AUTOSTART, 0 },
        { "no-autostart", VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART, 0 },
        { "with-managed-save", VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE, 0 },
        { "without-managed-save", VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE, 0 },
        { "with-snapshot", VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT, 0 },
        { "without-snapshot", VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT, 0 },
        { "with-checkpoint", VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT, 0 },
        { "without-checkpoint", VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT, 0 },
    };
    bool any_state = false;

    memset(f, 0, sizeof(*f));
    f->stats_ok = true;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
        if (!args_has(a, map[i].opt))
            continue;
        f->list_flags |= map[i].list;
        f->stats_flags |= map[i].stats;
        if (!map[i].stats)
            f->stats_ok = false;
        if (str_prefix(map[i].opt, "state-"))
            any_state = true;
    }
    /* virsh: both halves of a pair mean no filter on that property */
    static const unsigned pairs[][2] = {
        { VIR_CONNECT_LIST_DOMAINS_PERSISTENT, VIR_CONNECT_LIST_DOMAINS_TRANSIENT },
        { VIR_CONNECT_LIST_DOMAINS_AUTOSTART, VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART },
        { VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE, VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE },
        { VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT, VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT },
        { VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT, VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT },
    };
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        unsigned both = pairs[i][0] | pairs[i][1];
        if ((f->list_flags & both) == both)
            f->list_flags &= ~both;
    }
    if ((f->stats_flags & (VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT |
                           VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT)) ==
        (VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT |
         VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT))
        f->stats_flags &= ~(VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT |
                            VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT);
    if (args_has(a, "all"))
        return;
    /* --inactive still narrows state filters (virsh: --inactive --state-running
     * lists nothing); without it, state filters replace the default --active */
    if (any_state && !args_has(a, "inactive"))
        return;
    if (args_has(a, "inactive")) {
        f->list_flags |= VIR_CONNECT_LIST_DOMAINS_INACTIVE;
        f->stats_flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE;
    } else {
        f->list_flags |= VIR_CONNECT_LIST_DOMAINS_ACTIVE;
        f->stats_flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE;
    }
}

static void row_state_from_params(struct dom_row *row, virTypedParameterPtr p, int n)
{
    row->state = VIR_DOMAIN_NOSTATE;
    row->reason = 0;
    virTypedParamsGetInt(p, n, "state.state", &row->state);
    virTypedParamsGetInt(p, n, "state.reason", &row->reason);
}

/* Collect rows from stats records, which keep the domain refs until the
 * listing is done (a ref and a free per domain cost as much as the RPC:
 * libvirt formats the UUID for the debug log of each). */
static int rows_from_stats(virDomainStatsRecordPtr *recs, int n, struct dom_row **rows)
{
    *rows = xcalloc((size_t)n + 1, sizeof(**rows));
    for (int i = 0; i < n; i++) {
        (*rows)[i].dom = recs[i]->dom;
        row_state_from_params(&(*rows)[i], recs[i]->params, recs[i]->nparams);
        /* the parameters are read: free them now, not with the listing */
        virTypedParamsFree(recs[i]->params, recs[i]->nparams);
        recs[i]->params = NULL;
        recs[i]->nparams = 0;
    }
    return n;
}

/* Fetch the domains and their states: one or two RPCs in all.  The rows'
 * domains belong to *owner when set (free it with the stats record list
 * free), else to the rows. */
static int list_fetch(virConnectPtr conn, const struct list_filter *f, bool need_state,
                      struct dom_row **rows, virDomainStatsRecordPtr **owner)
{
    virDomainStatsRecordPtr *recs = NULL;
    virDomainPtr *doms = NULL;
    int n;

    *owner = NULL;
    if (need_state && f->stats_ok) {
        n = virConnectGetAllDomainStats(conn, VIR_DOMAIN_STATS_STATE, &recs, f->stats_flags);
        if (n >= 0) {
            rows_from_stats(recs, n, rows);
            *owner = recs;
            return n;
        }
        virResetLastError();   /* older drivers: fall back to listing */
    }
    n = virConnectListAllDomains(conn, &doms, f->list_flags);
    if (n < 0)
        return -1;
    *rows = xcalloc((size_t)n + 1, sizeof(**rows));
    for (int i = 0; i < n; i++)
        (*rows)[i].dom = doms[i];
    if (need_state && n > 0) {
        doms = xrealloc(doms, (size_t)(n + 1) * sizeof(*doms));
        doms[n] = NULL;
        int m = virDomainListGetStats(doms, VIR_DOMAIN_STATS_STATE, &recs, 0);
        /* records come back in the order asked, skipping vanished domains */
        for (int i = 0, k = 0; i < n; i++) {
            (*rows)[i].state = VIR_DOMAIN_NOSTATE;
            if (k < m && strcmp(virDomainGetName(recs[k]->dom),
                                virDomainGetName(doms[i])) == 0) {
                row_state_from_params(&(*rows)[i], recs[k]->params, recs[k]->nparams);
                k++;
            } else if (m < 0) {   /* no bulk stats: one call each, as a last resort */
                virDomainGetState(doms[i], &(*rows)[i].state, &(*rows)[i].reason, 0);
            }
        }
        if (m < 0)
            virResetLastError();
        else
            virDomainStatsRecordListFree(recs);
    }
    free(doms);
    return n;
}

/* virsh's order: running domains by id, then the rest by name. */
static int row_cmp(const void *pa, const void *pb)
{
    const struct dom_row *a = pa, *b = pb;
    unsigned ia = a->id, ib = b->id;
    if (ia == (unsigned)-1 && ib == (unsigned)-1)
        return strcasecmp(a->name, b->name);
    if (ia != (unsigned)-1 && ib != (unsigned)-1)
        return ia < ib ? -1 : ia > ib;
    return ia != (unsigned)-1 ? -1 : 1;
}

static char *dom_title(virDomainPtr d)
{
    char *t = virDomainGetMetadata(d, VIR_DOMAIN_METADATA_TITLE, NULL, 0);
    if (!t) {
        virResetLastError();
        return xstrdup("");
    }
    /* a title shows on one line */
    char *nl = strchr(t, '\n');
    if (nl)
        *nl = '\0';
    return t;
}

/* Row i's title (run on several threads: par_each). */
static void row_title(void *ctx, size_t i)
{
    struct dom_row *row = (struct dom_row *)ctx + i;
    row->title = dom_title(row->dom);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A filtered listing whose names mark rows (fetched on its own thread). */
struct dom_marks {
    virConnectPtr conn;
    unsigned flag;
    virDomainPtr *doms;
    int m;
};

/* Which rows match a filtered listing, fetched beforehand; frees it. */
static bool *marks_of(struct dom_marks *l, struct dom_row *rows, int n)
{
    bool *marks = xcalloc((size_t)n + 1, sizeof(bool));
    int m = l->m;
    if (m < 0)
        return marks;
    const char **names = xcalloc((size_t)m + 1, sizeof(char *));
    for (int k = 0; k < m; k++)
        names[k] = virDomainGetName(l->doms[k]);
    qsort(names, (size_t)m, sizeof(*names), name_cmp);
    for (int i = 0; i < n; i++) {
        const char *key = rows[i].name;
        marks[i] = bsearch(&key, names, (size_t)m, sizeof(*names), name_cmp) != NULL;
    }
    free(names);
    for (int k = 0; k < m; k++)
        virDomainFree(l->doms[k]);
    free(l->doms);
    l->doms = NULL;
    l->m = -1;
    return marks;
}

static const char *row_state_word(const struct dom_row *row, const bool *saved, int i)
{
    if (saved && saved[i] && row->state == VIR_DOMAIN_SHUTOFF)
        return "saved";
    return dom_state_name(row->state);
}

/* marks: the managed-save, autostart and persistent listings */
static void list_json(const struct lvsh_args *a, struct lvsh_result *r, struct dom_row *rows,
                      int n, struct dom_marks *marks)
{
    bool *saved = marks_of(&marks[0], rows, n);
    bool *autostart = marks_of(&marks[1], rows, n);
    bool *persistent = marks_of(&marks[2], rows, n);
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        virDomainPtr d = rows[i].dom;
        unsigned id = rows[i].id;
        json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
        json_object_set_new(o, "id", id == (unsigned)-1 ? json_null() : json_integer(id));
        json_object_set_new(o, "state", json_str(row_state_word(&rows[i],
                                                  args_has(a, "managed-save") ? saved : NULL,
                                                  i)));
        json_object_set_new(o, "reason", json_str(dom_state_reason(rows[i].state,
                                                                   rows[i].reason)));
        json_object_set_new(o, "persistent", json_boolean(persistent[i]));
        json_object_set_new(o, "autostart", json_boolean(autostart[i]));
        json_object_set_new(o, "managed_save", json_boolean(saved[i]));
        if (args_has(a, "title"))
            json_object_set_new(o, "title", json_str(rows[i].title));
        json_array_append_new(arr, o);
    }
    virResetLastError();
    free(autostart);
    free(persistent);
    free(saved);
    out_json(r, arr);
}

static void list_plain(const struct lvsh_args *a, struct lvsh_result *r,
                       struct dom_row *rows, int n)
{
    bool uuid = args_has(a, "uuid"), name = args_has(a, "name"), id = args_has(a, "id");
    for (int i = 0; i < n; i++) {
        unsigned did = rows[i].id;
        char u[VIR_UUID_STRING_BUFLEN] = "";
        if (id && !uuid && !name && did == (unsigned)-1)
            continue;   /* ids alone: inactive domains have none */
        struct buf line = BUF_INIT;
        if (uuid) {
            virDomainGetUUIDString(rows[i].dom, u);
            buf_adds(&line, u);
        }
        if (id) {
            if (line.len)
                buf_addc(&line, ' ');
            if (did == (unsigned)-1)
                buf_addc(&line, '-');
            else
                buf_printf(&line, "%u", did);
        }
        if (name)
            buf_printf(&line, "%s%s", line.len ? " " : "", rows[i].name);
        out_text(r, "%s\n", buf_str(&line));
        buf_free(&line);
    }
}

/* marks: the managed-save listing, with --managed-save */
static void list_table(const struct lvsh_args *a, struct lvsh_result *r, struct dom_row *rows,
                       int n, struct dom_marks *marks)
{
    static const struct out_col cols[] = {
        { "Id", "id", 0 },
        { "Name", "name", 0 },
        { "State", "state", 0 },
        { NULL, NULL, 0 },
    };
    struct out_table *t = out_table_cols(r, cols);
    bool title = args_has(a, "title");
    bool *saved = args_has(a, "managed-save") ? marks_of(&marks[0], rows, n) : NULL;
    if (title)
        out_table_col(t, "Title", "title", 0);
    for (int i = 0; i < n; i++) {
        unsigned id = rows[i].id;
        out_table_row(t);
        if (id == (unsigned)-1)
            out_cell(t, json_null(), "-");
        else
            out_cell_int(t, id);
        out_cell_str(t, rows[i].name);
        out_cell_str(t, row_state_word(&rows[i], saved, i));
        if (title)
            out_cell_str(t, rows[i].title);
    }
    free(saved);
}

/* What list asks of the daemon before the titles, all in flight
 * together: the domains with their states, and the filtered listings that
 * give the other columns. */
struct list_calls {
    virConnectPtr conn;
    const struct list_filter *f;
    bool need_state;
    struct dom_row *rows;
    virDomainStatsRecordPtr *owner;
    int n;
    virErrorPtr err;
    struct dom_marks marks[3];   /* managed save, autostart, persistent */
};

/* Call i of struct list_calls (run on its own thread: par_calls). */
static void list_call(void *ctx, size_t i)
{
    struct list_calls *c = ctx;
    if (i == 0) {
        c->n = list_fetch(c->conn, c->f, c->need_state, &c->rows, &c->owner);
        if (c->n < 0)
            c->err = virSaveLastError();
    } else {
        struct dom_marks *l = &c->marks[i - 1];
        l->m = virConnectListAllDomains(l->conn, &l->doms, l->flag);
    }
    virResetLastError();
}

static void list_calls_free(struct list_calls *c)
{
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < c->marks[k].m; i++)
            virDomainFree(c->marks[k].doms[i]);
        free(c->marks[k].doms);
    }
    if (c->owner)
        virDomainStatsRecordListFree(c->owner);
    for (int i = 0; !c->owner && i < c->n; i++)
        virDomainFree(c->rows[i].dom);
    for (int i = 0; i < c->n; i++)
        free(c->rows[i].title);
    free(c->rows);
}

static enum lvsh_status run_list(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r)
{
    struct list_filter f;
    bool plain = args_has(a, "name") || args_has(a, "uuid") || args_has(a, "id");
    bool json = lvsh_wants_json(s, a);
    struct list_calls c = { s->conn, &f, json || !plain, NULL, NULL, 0, NULL, {
        { s->conn, VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE, NULL, -1 },
        { s->conn, VIR_CONNECT_LIST_DOMAINS_AUTOSTART, NULL, -1 },
        { s->conn, VIR_CONNECT_LIST_DOMAINS_PERSISTENT, NULL, -1 } } };

    list_filter_init(a, &f);
    size_t calls = json ? 4 : !plain && args_has(a, "managed-save") ? 2 : 1;
    par_calls(calls, list_call, &c);
    if (c.n < 0) {
        c.n = 0;
        list_calls_free(&c);
        return par_fail(r, c.err, "failed to list domains");
    }
    struct dom_row *rows = c.rows;
    int n = c.n;
    for (int i = 0; i < n; i++) {
        rows[i].name = virDomainGetName(rows[i].dom);
        /* a shut off domain is an inactive one, which has no id: spare
         * virDomainGetID, which formats the UUID for its debug log */
        rows[i].id = c.need_state && rows[i].state == VIR_DOMAIN_SHUTOFF
                     ? (unsigned)-1 : virDomainGetID(rows[i].dom);
    }
    qsort(rows, (size_t)n, sizeof(*rows), row_cmp);
    if (args_has(a, "title") && (json || !plain))
        par_each((size_t)n, row_title, rows);
    if (json)
        list_json(a, r, rows, n, c.marks);
    else if (plain)
        list_plain(a, r, rows, n);
    else
        list_table(a, r, rows, n, c.marks);
    list_calls_free(&c);
    return LVSH_OK;
}

#define LIST_BOOL(n, h) { .name = n, .type = LVSH_OPT_BOOL, .help = h }
static const struct lvsh_opt opts_domain_list[] = {
    LIST_BOOL("inactive", "list inactive domains only"),
    LIST_BOOL("all", "list active and inactive domains"),
    LIST_BOOL("transient", "list transient domains"),
    LIST_BOOL("persistent", "list persistent domains"),
    LIST_BOOL("with-snapshot", "list domains that have snapshots"),
    LIST_BOOL("without-snapshot", "list domains without snapshots"),
    LIST_BOOL("with-checkpoint", "list domains that have checkpoints"),
    LIST_BOOL("without-checkpoint", "list domains without checkpoints"),
    LIST_BOOL("state-running", "list running domains"),
    LIST_BOOL("state-paused", "list paused domains"),
    LIST_BOOL("state-shutoff", "list shut off domains"),
    LIST_BOOL("state-other", "list domains in other states"),
    LIST_BOOL("autostart", "list domains with autostart enabled"),
    LIST_BOOL("no-autostart", "list domains with autostart disabled"),
    LIST_BOOL("with-managed-save", "list domains with a managed save image"),
    LIST_BOOL("without-managed-save", "list domains without a managed save image"),
    LIST_BOOL("uuid", "print UUIDs only"),
    LIST_BOOL("name", "print names only"),
    LIST_BOOL("id", "print ids only"),
    LIST_BOOL("table", "print a table (the default)"),
    LIST_BOOL("managed-save", "show 'saved' for shut off domains with a managed save image"),
    LIST_BOOL("title", "add a column with each domain's title (one call per domain)"),
    LVSH_OPT_END,
};

static const char *const excl_domain_list[] = {
    "table name", "table uuid", "table id", NULL,
};

static const struct lvsh_cmd cmd_list = {
    .name = "list",
    .group = "domain",
    .summary = "list domains",
    .description = "List running domains, or with --all every domain.  Filters combine; "
                   "--name, --uuid and --id print one line per domain for scripts.  The "
                   "listing costs a constant number of calls to the daemon whatever the "
                   "number of domains.",
    .opts = opts_domain_list,
    .exclusive = excl_domain_list,
    .flags = LVSH_CMD_CONN,
    .handler = run_list,
};

LVSH_FAMILY(domain_list) = { &cmd_list, NULL };
