/* result.c: the builder side of command results (tables, records, errors). */
#include "result.h"
#include "textwidth.h"

#include <stdlib.h>
#include <string.h>

/* The latest libvirt error raised on each thread (see result.h); a thread
 * key frees it when a worker thread ends. */
static pthread_key_t latest_error_key;
static pthread_once_t latest_error_once = PTHREAD_ONCE_INIT;

static void latest_error_free(void *p)
{
    virFreeError(p);
}

static void latest_error_init(void)
{
    pthread_key_create(&latest_error_key, latest_error_free);
}

static virErrorPtr latest_error(void)
{
    pthread_once(&latest_error_once, latest_error_init);
    return pthread_getspecific(latest_error_key);
}

void result_libvirt_error_hook(void *opaque, virErrorPtr err)
{
    (void)opaque;
    if (!err)
        return;
    virErrorPtr e = latest_error();
    if (!e) {
        e = calloc(1, sizeof(*e));
        if (!e)
            return;
        pthread_setspecific(latest_error_key, e);
    } else {
        virResetError(e);
    }
    virCopyLastError(e);
}

void result_forget_libvirt_error(void)
{
    virResetLastError();
    virErrorPtr e = latest_error();
    if (e)
        virResetError(e);
}

void result_init(struct lvsh_result *r)
{
    memset(r, 0, sizeof(*r));
    r->label_width = 15;
}

static void table_free(struct out_table *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->ncols; i++) {
        free(t->headers[i]);
        free(t->keys[i]);
    }
    for (int i = 0; i < t->nrows * t->ncols; i++) {
        json_decref(t->cells[i].value);
        free(t->cells[i].text);
    }
    free(t->headers);
    free(t->keys);
    free(t->colflags);
    free(t->cells);
    free(t);
}

static void strv_free(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void result_free(struct lvsh_result *r)
{
    if (r->text.data)   /* it may have held a secret's value */
        wipe(r->text.data, r->text.cap);
    buf_free(&r->text);
    strv_free(r->infos, r->ninfos);
    strv_free(r->warns, r->nwarns);
    free(r->warn_is_error);
    free(r->xml);
    json_decref(r->json);
    table_free(r->table);
    for (int i = 0; i < r->nfields; i++) {
        free(r->fields[i].label);
        free(r->fields[i].key);
        json_decref(r->fields[i].value);
        free(r->fields[i].text);
    }
    free(r->fields);
    free(r->err_msg);
    free(r->err_detail);
    memset(r, 0, sizeof(*r));
}

void out_bare(struct lvsh_result *r)
{
    r->bare = true;
}

bool result_failed(const struct lvsh_result *r)
{
    return r->err_msg != NULL;
}

json_t *json_str(const char *s)
{
    if (!s)
        return json_null();
    json_t *v = json_string(s);
    if (v)
        return v;
    /* jansson refuses invalid UTF-8: keep the escaped text instead */
    char *esc = text_escape(s);
    v = json_string(esc);
    free(esc);
    return v ? v : json_null();
}

json_t *json_strf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    json_t *v = json_str(s);
    free(s);
    return v;
}

static void strv_push(char ***v, int *n, char *s)
{
    *v = xrealloc(*v, (size_t)(*n + 1) * sizeof(char *));
    (*v)[(*n)++] = s;
}

void out_text(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&r->text, fmt, ap);
    va_end(ap);
}

void out_info(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strv_push(&r->infos, &r->ninfos, xvasprintf(fmt, ap));
    va_end(ap);
}

static void push_warn(struct lvsh_result *r, char *msg, bool is_error)
{
    r->warn_is_error = xrealloc(r->warn_is_error, (size_t)(r->nwarns + 1) * sizeof(bool));
    r->warn_is_error[r->nwarns] = is_error;
    strv_push(&r->warns, &r->nwarns, msg);
}

void out_warn(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push_warn(r, xvasprintf(fmt, ap), false);
    va_end(ap);
}

void out_err_line(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push_warn(r, xvasprintf(fmt, ap), true);
    va_end(ap);
}

void out_xml(struct lvsh_result *r, const char *xml)
{
    free(r->xml);
    r->xml = xstrdup(xml);
}

void out_json(struct lvsh_result *r, json_t *v)
{
    json_decref(r->json);
    r->json = v;
}

void out_json_set(struct lvsh_result *r, const char *key, json_t *v)
{
    if (!r->json || !json_is_object(r->json)) {
        json_decref(r->json);
        r->json = json_object();
    }
    json_object_set_new(r->json, key, v ? v : json_null());
}

struct out_table *out_table(struct lvsh_result *r)
{
    if (!r->table) {
        r->table = xcalloc(1, sizeof(*r->table));
        r->table->text_only = r->text_only;
    }
    return r->table;
}

void out_table_col(struct out_table *t, const char *header, const char *key,
                   unsigned flags)
{
    size_t n = (size_t)t->ncols + 1;
    t->headers = xrealloc(t->headers, n * sizeof(char *));
    t->keys = xrealloc(t->keys, n * sizeof(char *));
    t->colflags = xrealloc(t->colflags, n * sizeof(unsigned));
    t->headers[t->ncols] = xstrdup(header);
    t->keys[t->ncols] = xstrdup(key);
    t->colflags[t->ncols] = flags;
    t->ncols++;
}

struct out_table *out_table_cols(struct lvsh_result *r, const struct out_col *cols)
{
    struct out_table *t = out_table(r);
    for (; cols->header; cols++)
        out_table_col(t, cols->header, cols->key, cols->flags);
    return t;
}

void out_table_reserve(struct out_table *t, int nrows)
{
    if (nrows <= t->cap)
        return;
    t->cap = nrows;
    t->cells = xrealloc(t->cells, (size_t)t->cap * (size_t)t->ncols * sizeof(*t->cells));
}

void out_table_row(struct out_table *t)
{
    /* pad a short previous row so every row has ncols cells */
    while (t->nrows > 0 && t->cur < t->ncols)
        out_cell(t, json_null(), "");
    if (t->nrows == t->cap)   /* doubling: 100,000 rows move a few times, not each time */
        out_table_reserve(t, t->cap ? 2 * t->cap : 16);
    t->nrows++;
    /* a last row left short renders as empty cells, not as stale memory */
    memset(&t->cells[(t->nrows - 1) * t->ncols], 0, (size_t)t->ncols * sizeof(*t->cells));
    t->cur = 0;
}

/* The display text a JSON value has when no text is given. */
static char *json_text(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_STRING: return xstrdup(json_string_value(v));
    case JSON_INTEGER: return xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
    case JSON_REAL: return xasprintf("%.2f", json_real_value(v));
    case JSON_TRUE: return xstrdup("yes");
    case JSON_FALSE: return xstrdup("no");
    case JSON_NULL: return xstrdup("-");
    default: {
        char *s = json_dumps(v, JSON_COMPACT);
        char *c = xstrdup(s ? s : "");
        free(s);
        return c;
    }
    }
}

void out_cell_take(struct out_table *t, json_t *value, char *text)
{
    if (!value)
        value = json_null();
    if (t->nrows == 0 || t->cur >= t->ncols) {
        json_decref(value);  /* a cell beyond the columns is a bug; drop it */
        free(text);
        return;
    }
    struct out_cellv *c = &t->cells[(t->nrows - 1) * t->ncols + t->cur++];
    c->value = value;
    c->text = text ? text : json_text(value);
    if (t->text_only) {   /* a 10,000-row table holds 30,000 of them */
        json_decref(value);
        c->value = NULL;
    }
}

void out_cell(struct out_table *t, json_t *value, const char *text)
{
    out_cell_take(t, value, text ? xstrdup(text) : NULL);
}

/* Text tables keep no JSON values: none is made for them (json_null()
 * is a constant). */
void out_cell_str(struct out_table *t, const char *s)
{
    out_cell(t, t->text_only ? json_null() : json_str(s), s ? s : "");
}

void out_cell_int(struct out_table *t, long long v)
{
    if (t->text_only) {
        char s[24];
        snprintf(s, sizeof(s), "%lld", v);
        out_cell(t, json_null(), s);
        return;
    }
    out_cell(t, json_integer(v), NULL);
}

void out_cell_fmt(struct out_table *t, json_t *value, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    out_cell(t, value, s);
    free(s);
}

void out_record_width(struct lvsh_result *r, int label_width)
{
    r->label_width = label_width;
}

void out_field(struct lvsh_result *r, const char *label, const char *key,
               json_t *value, const char *text)
{
    if (!value)
        value = json_null();
    r->fields = xrealloc(r->fields, (size_t)(r->nfields + 1) * sizeof(*r->fields));
    struct out_fieldv *f = &r->fields[r->nfields++];
    f->label = xstrdup(label);
    f->key = xstrdup(key);
    f->value = value;
    f->text = text ? xstrdup(text) : json_text(value);
}

void out_field_str(struct lvsh_result *r, const char *label, const char *key,
                   const char *s)
{
    out_field(r, label, key, json_str(s), s ? s : "");
}

void out_field_int(struct lvsh_result *r, const char *label, const char *key,
                   long long v)
{
    out_field(r, label, key, json_integer(v), NULL);
}

void out_field_fmt(struct lvsh_result *r, const char *label, const char *key,
                   json_t *value, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    out_field(r, label, key, value, s);
    free(s);
}

static void set_error(struct lvsh_result *r, const char *fmt, va_list ap)
{
    free(r->err_msg);
    r->err_msg = xvasprintf(fmt, ap);
    r->err_detail_only = false;
    r->err_msg_only = false;
}

/* Fill err_detail/err_code from libvirt's last error and reset it. */
static void take_libvirt_error(struct lvsh_result *r)
{
    virErrorPtr e = virGetLastError(), saved = latest_error();
    if ((!e || !e->message) && saved && saved->message)
        e = saved;
    free(r->err_detail);
    r->err_detail = NULL;
    if (e && e->message) {
        r->err_detail = xstrdup(e->message);
        r->err_code = e->code;
    }
    virResetLastError();
    if (saved)
        virResetError(saved);
}

enum lvsh_status err_virt(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(r, fmt, ap);
    va_end(ap);
    r->err_detail_only = false;
    take_libvirt_error(r);
    return LVSH_FAILED;
}

enum lvsh_status err_lib(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(r, fmt, ap);
    va_end(ap);
    take_libvirt_error(r);
    if (!r->err_detail)   /* what virsh says when libvirt set no error */
        r->err_detail = xstrdup("An error occurred, but the cause is unknown");
    r->err_detail_only = true;
    return LVSH_FAILED;
}

enum lvsh_status err_fail(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(r, fmt, ap);
    va_end(ap);
    return LVSH_FAILED;
}

enum lvsh_status err_usage(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(r, fmt, ap);
    va_end(ap);
    return LVSH_USAGE;
}

void err_add_detail(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    free(r->err_detail);
    r->err_detail = xvasprintf(fmt, ap);
    va_end(ap);
}

const char *yes_no(bool v)
{
    return v ? "yes" : "no";
}
