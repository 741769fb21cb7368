/* render.c: the one place that turns results into bytes on stdout/stderr. */
#include "result.h"
#include "textwidth.h"
#include "xmlutil.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- write errors ------------------------------------------------------ */

/* The first failed write to stdout (an errno), 0 while all is well.  Once
 * output cannot be delivered the session ends: quietly for EPIPE. */
const char *const lvsh_format_names[] = {
    [LVSH_FMT_TABLE] = "table", [LVSH_FMT_JSON] = "json", [LVSH_FMT_CSV] = "csv",
    [LVSH_FMT_VERTICAL] = "vertical", NULL,
};

bool lvsh_format_parse(const char *name, enum lvsh_format *f)
{
    if (strcmp(name, "text") == 0)   /* another word for table */
        name = "table";
    for (int i = 0; lvsh_format_names[i]; i++)
        if (strcmp(name, lvsh_format_names[i]) == 0) {
            *f = (enum lvsh_format)i;
            return true;
        }
    return false;
}

static int stdout_errno;

static void note_stdout_errno(int e)
{
    int none = 0;
    __atomic_compare_exchange_n(&stdout_errno, &none, e, false, __ATOMIC_SEQ_CST,
                                __ATOMIC_SEQ_CST);
}

/* Flush f: the errno of a write that failed or fell short since the last
 * check (which stdio keeps only as a flag), else 0. */
static int flush_errno(FILE *f)
{
    errno = 0;
    int e = fflush(f) == EOF ? (errno ? errno : EIO) : 0;
    if (!e && ferror(f))
        e = EIO;
    if (e) {
        __fpurge(f);   /* what could not be written is dropped, not retried */
        clearerr(f);
        if (f == stdout)
            note_stdout_errno(e);
    }
    return e;
}

bool render_output_gone(void)
{
    static int pipe_like = -1;
    if (__atomic_load_n(&stdout_errno, __ATOMIC_SEQ_CST))
        return true;
    if (pipe_like < 0) {
        struct stat sb;
        pipe_like = fstat(STDOUT_FILENO, &sb) == 0 &&
                    (S_ISFIFO(sb.st_mode) || S_ISSOCK(sb.st_mode));
    }
    /* a reader that went away (`| head -1`) shows before the next write */
    struct pollfd p = { .fd = STDOUT_FILENO, .events = 0 };
    if (pipe_like && poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP))) {
        note_stdout_errno(EPIPE);
        return true;
    }
    return false;
}

static void report_write_error(FILE *err, const struct render_opts *o, int e)
{
    struct lvsh_result w;
    result_init(&w);
    err_fail(&w, "cannot write the output: %s", strerror(e));
    render_error(err, &w, o, LVSH_FAILED);
    result_free(&w);
}

int render_exit_status(int st)
{
    int e = flush_errno(stdout);
    if (e && e != EPIPE)
        fprintf(stderr, "error: cannot write the output: %s\n", strerror(e));
    if (st == 0 && __atomic_load_n(&stdout_errno, __ATOMIC_SEQ_CST))
        st = 1;
    return st;
}

/* ---- text for people: escaped at a terminal ---------------------------- */

static bool is_term(FILE *f)
{
    return isatty(fileno(f)) == 1;
}

/* At a terminal, data from objects (names, titles, guest output) must not
 * drive it: control characters but newline and tab, and invalid UTF-8, are
 * shown escaped as tables show them. */
static char *term_escape(const char *s, size_t len)
{
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\t' && s[j] != '\0')
            j++;
        if (j > i) {
            char *run = xstrndup(s + i, j - i), *esc = text_escape(run);
            buf_adds(&b, esc);
            free(esc);
            free(run);
        }
        if (j < len) {
            if (s[j])
                buf_addc(&b, s[j]);
            else
                buf_adds(&b, "\\x00");
            j++;
        }
        i = j;
    }
    return buf_steal(&b);
}

/* Text as it is, or escaped at a terminal. */
static void put_text(FILE *f, const char *s, size_t len, bool term)
{
    if (!term) {
        fwrite(s, 1, len, f);
        return;
    }
    char *esc = term_escape(s, len);
    fputs(esc, f);
    free(esc);
}

static void put_str(FILE *f, const char *s, bool term)
{
    put_text(f, s, strlen(s), term);
}

/* "PREFIX: message\n" with the message escaped at a terminal, in one write
 * (stderr is unbuffered and the event thread may write too). */
static void put_line(FILE *f, const char *prefix, const char *msg)
{
    if (!is_term(f)) {
        fprintf(f, "%s%s\n", prefix, msg);
        return;
    }
    char *esc = term_escape(msg, strlen(msg));
    fprintf(f, "%s%s\n", prefix, esc);
    free(esc);
}

/* The cell writers take out's lock once per table (flockfile) and then
 * write unlocked: a 100,000-row fleet table is 800,000 writes. */
static void put_spaces(FILE *out, size_t n)
{
    static const char blanks[] = "                                ";
    for (; n >= sizeof(blanks) - 1; n -= sizeof(blanks) - 1)
        fwrite_unlocked(blanks, 1, sizeof(blanks) - 1, out);
    fwrite_unlocked(blanks, 1, n, out);
}

/* text padded to width; ascii is text_printable_ascii(text), which a
 * caller that measured the text already has. */
static void put_padded_ascii(FILE *out, const char *text, size_t ascii, size_t width,
                             bool right, bool pad)
{
    size_t w = ascii;
    char *esc = w == (size_t)-1 ? text_escape(text) : NULL;   /* most text needs none */
    if (esc)
        w = text_width(text);
    size_t fill = width > w ? width - w : 0;
    if (right && pad)
        put_spaces(out, fill);
    if (esc)
        fputs_unlocked(esc, out);
    else
        fwrite_unlocked(text ? text : "", 1, w, out);
    if (!right && pad)
        put_spaces(out, fill);
    free(esc);
}

static void put_padded(FILE *out, const char *text, size_t width, bool right, bool pad)
{
    put_padded_ascii(out, text, text_printable_ascii(text), width, right, pad);
}

/* A column for machines only (JSON, CSV): the text forms leave it out. */
static bool col_shown(const struct out_table *t, int c)
{
    return !(t->colflags[c] & OUT_COL_MACHINE);
}

/* virsh's layout: one leading space, three between columns, a dashed rule. */
static void render_table_text(FILE *out, const struct out_table *t, bool quiet)
{
    size_t *w = xcalloc((size_t)t->ncols, sizeof(size_t));
    /* each cell is measured once: its text_printable_ascii, for the
     * widths and again for the writing */
    size_t ncells = (size_t)t->nrows * (size_t)t->ncols;
    size_t *ascii = xcalloc(ncells ? ncells : 1, sizeof(size_t));
    size_t total = 0;
    int last = -1;

    for (int c = 0; c < t->ncols; c++) {
        if (!col_shown(t, c))
            continue;
        last = c;
        if (!quiet)
            w[c] = text_width(t->headers[c]);
        for (int r = 0; r < t->nrows; r++) {
            size_t k = (size_t)r * (size_t)t->ncols + (size_t)c;
            ascii[k] = text_printable_ascii(t->cells[k].text);
            size_t cw = ascii[k] != (size_t)-1 ? ascii[k] : text_width(t->cells[k].text);
            if (cw > w[c])
                w[c] = cw;
        }
        total += w[c] + 3;
    }
    flockfile(out);
    for (int r = quiet ? 0 : -1; r < t->nrows; r++) {
        fputc_unlocked(' ', out);
        bool first = true;
        for (int c = 0; c < t->ncols; c++) {
            if (!col_shown(t, c))
                continue;
            bool right = (t->colflags[c] & OUT_COL_RIGHT) != 0;
            if (!first)
                fwrite_unlocked("   ", 1, 3, out);
            first = false;
            if (r < 0) {
                put_padded(out, t->headers[c], w[c], right, c < last || right);
            } else {
                size_t k = (size_t)r * (size_t)t->ncols + (size_t)c;
                put_padded_ascii(out, t->cells[k].text, ascii[k], w[c], right, c < last || right);
            }
        }
        fputc_unlocked('\n', out);
        if (r < 0) {
            for (size_t i = 0; i < total; i++)
                fputc_unlocked('-', out);
            fputc_unlocked('\n', out);
        }
    }
    funlockfile(out);
    free(ascii);
    free(w);
}

static void put_csv_field(FILE *out, const char *raw)
{
    char *esc = text_escape(raw);
    if (!strpbrk(esc, ",\"")) {
        fputs(esc, out);
    } else {
        fputc('"', out);
        for (const char *s = esc; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    }
    free(esc);
}

/* What a machine wants in a CSV cell: raw numbers (bytes, seconds) where
 * the value is one, nothing where virsh shows '-' for a missing value. */
static void put_csv_value(FILE *out, const json_t *value, const char *text)
{
    if (value && (json_is_integer(value) || json_is_real(value))) {
        char *num = json_dumps(value, JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
        fputs(num ? num : "", out);
        free(num);
        return;
    }
    if (!text || strcmp(text, "-") == 0 || (json_is_null(value) && strcmp(text, "unknown") == 0))
        return;
    put_csv_field(out, text);
}

/* The header line always (a CSV reader counts on it), unless --no-header. */
static void render_table_csv(FILE *out, const struct out_table *t, bool no_header)
{
    for (int r = no_header ? 0 : -1; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputc(',', out);
            if (r < 0)
                put_csv_field(out, t->keys[c]);
            else
                put_csv_value(out, t->cells[r * t->ncols + c].value,
                              t->cells[r * t->ncols + c].text);
        }
        fputc('\n', out);
    }
}

/* A record (dominfo) as two columns: its JSON key and the raw value. */
static void render_fields_csv(FILE *out, const struct lvsh_result *r, bool no_header)
{
    if (!no_header)
        fputs("field,value\n", out);
    for (int i = 0; i < r->nfields; i++) {
        if (!*r->fields[i].key)   /* a continuation line belongs to the field above */
            continue;
        put_csv_field(out, r->fields[i].key);
        fputc(',', out);
        put_csv_value(out, r->fields[i].value, r->fields[i].text);
        fputc('\n', out);
    }
}

/* One "Header: value" line per cell, a blank line between rows. */
static void render_table_vertical(FILE *out, const struct out_table *t)
{
    size_t w = 0;
    for (int c = 0; c < t->ncols; c++)
        if (col_shown(t, c) && text_width(t->headers[c]) > w)
            w = text_width(t->headers[c]);
    flockfile(out);
    for (int r = 0; r < t->nrows; r++) {
        if (r)
            fputc('\n', out);
        for (int c = 0; c < t->ncols; c++) {
            if (!col_shown(t, c))
                continue;
            put_padded(out, t->headers[c], w, false, true);
            fputs(" : ", out);
            put_padded(out, t->cells[r * t->ncols + c].text, 0, false, false);
            fputc('\n', out);
        }
    }
    funlockfile(out);
}

static void render_fields_text(FILE *out, const struct lvsh_result *r)
{
    flockfile(out);
    for (int i = 0; i < r->nfields; i++) {
        /* an empty label continues the previous field on a new line */
        char *label = xasprintf("%s%s", r->fields[i].label, *r->fields[i].label ? ":" : "");
        put_padded(out, label, (size_t)r->label_width, false, true);
        fputc(' ', out);
        put_padded(out, r->fields[i].text, 0, false, false);
        fputc('\n', out);
        free(label);
    }
    funlockfile(out);
}

static json_t *table_json(const struct out_table *t)
{
    json_t *arr = json_array();
    for (int r = 0; r < t->nrows; r++) {
        json_t *o = json_object();
        for (int c = 0; c < t->ncols; c++)
            json_object_set(o, t->keys[c], t->cells[r * t->ncols + c].value);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *fields_json(const struct lvsh_result *r)
{
    json_t *o = json_object();
    for (int i = 0; i < r->nfields; i++)
        if (*r->fields[i].key)   /* continuation lines carry no key */
            json_object_set(o, r->fields[i].key, r->fields[i].value);
    return o;
}

static json_t *messages_json(const struct lvsh_result *r)
{
    struct buf b = BUF_INIT;
    for (int i = 0; i < r->ninfos; i++)
        buf_printf(&b, "%s%s", i ? "\n" : "", r->infos[i]);
    json_t *o = json_pack("{s:o}", "message", json_str(buf_str(&b)));
    buf_free(&b);
    return o;
}

/* The JSON document of a result, or NULL when it carries nothing. */
static json_t *result_json(const struct lvsh_result *r, json_t *xpath_results)
{
    if (r->json)
        return json_incref(r->json);
    if (r->table)
        return table_json(r->table);
    if (r->nfields)
        return fields_json(r);
    if (xpath_results)
        return json_incref(xpath_results);
    if (r->xml)
        return json_pack("{s:o}", "xml", json_str(r->xml));
    if (r->text.len)
        return json_pack("{s:o}", "text", json_str(buf_str((struct buf *)&r->text)));
    if (r->ninfos)
        return messages_json(r);
    return NULL;
}

static void put_json(FILE *out, json_t *doc, bool pretty)
{
    size_t flags = pretty ? JSON_INDENT(2) : JSON_COMPACT;
    json_dumpf(doc, out, flags | JSON_ENCODE_ANY);
    fputc('\n', out);
}

void out_stream(struct lvsh_result *r, json_t *record, const char *fmt, ...)
{
    if (__atomic_load_n(&r->muted, __ATOMIC_ACQUIRE)) {
        json_decref(record);
        return;
    }
    if (r->stream_json && record && r->stream_host) {   /* as fleet.h's documents */
        json_t *doc = json_pack("{s:o,s:o,s:O}", "host", json_str(r->stream_host), "uri",
                                json_str(r->stream_uri), "result", record);
        put_json(stdout, doc, false);
        json_decref(doc);
    } else if (r->stream_json && record) {
        put_json(stdout, record, false);
    } else if (!r->stream_json) {
        va_list ap;
        va_start(ap, fmt);
        char *line = xvasprintf(fmt, ap);
        va_end(ap);
        if (r->stream_host) {   /* one write per line: hosts stream at once */
            char *named = xasprintf("%s: %s", r->stream_host, line);
            free(line);
            line = named;
        }
        put_str(stdout, line, is_term(stdout));
        free(line);
    }
    json_decref(record);
    flush_errno(stdout);   /* a failure ends the loop (render_output_gone) */
}

void out_stream_clear_screen(struct lvsh_result *r)
{
    /* lvsh's own control sequence, not object data: never escaped */
    if (__atomic_load_n(&r->muted, __ATOMIC_ACQUIRE) || r->stream_json || !is_term(stdout))
        return;
    fputs("\033[H\033[2J", stdout);
    flush_errno(stdout);
}

void out_stream_warn(struct lvsh_result *r, const char *fmt, ...)
{
    if (__atomic_load_n(&r->muted, __ATOMIC_ACQUIRE))
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    if (r->stream_json) {
        json_t *doc = json_pack("{s:o}", "warning", json_str(msg));
        put_json(stderr, doc, false);
        json_decref(doc);
    } else {
        put_line(stderr, "warning: ", msg);
    }
    fflush(stderr);
    free(msg);
}

static void put_prefix(FILE *err, const struct render_opts *o)
{
    if (o->where_file)
        fprintf(err, "%s:%d: ", o->where_file, o->where_line);
}

void render_error(FILE *err, const struct lvsh_result *r, const struct render_opts *o,
                  int status)
{
    if (!r->err_msg)
        return;
    if (o->format == LVSH_FMT_JSON) {
        json_t *e = json_pack("{s:i,s:i,s:o}", "status", status, "code", r->err_code,
                              "message", json_str(r->err_msg));
        if (r->err_detail)
            json_object_set_new(e, "detail", json_str(r->err_detail));
        if (o->where_file) {
            json_object_set_new(e, "file", json_str(o->where_file));
            json_object_set_new(e, "line", json_integer(o->where_line));
        }
        json_t *doc = json_pack("{s:o}", "error", e);
        put_json(err, doc, false);
        json_decref(doc);
        return;
    }
    if (!r->err_detail_only) {
        put_prefix(err, o);
        put_line(err, "error: ", r->err_msg);
    }
    if (r->err_detail && !r->err_msg_only) {
        put_prefix(err, o);
        put_line(err, "error: ", r->err_detail);
    }
}

static void render_xml_text(FILE *out, const struct lvsh_result *r, json_t *xres,
                            bool wrap)
{
    bool term = is_term(out);
    if (!xres) {
        put_str(out, r->xml, term);
        if (*r->xml && r->xml[strlen(r->xml) - 1] != '\n')
            fputc('\n', out);
        return;
    }
    json_t *arr = json_object_get(xres, "results"), *wrapped = json_object_get(xres, "wrapped");
    size_t i;
    json_t *v;
    if (wrap && wrapped) {
        put_str(out, json_string_value(wrapped), term);
        fputc('\n', out);
        return;
    }
    json_array_foreach(arr, i, v) {
        put_str(out, json_string_value(v), term);
        fputc('\n', out);
    }
}

enum lvsh_status render_result(FILE *out, FILE *err, struct lvsh_result *r,
                               const struct render_opts *o, enum lvsh_status st)
{
    json_t *xres = NULL;

    if (r->xml && o->xpath) {
        char *msg = NULL;
        xres = xml_xpath_eval(r->xml, o->xpath, o->wrap, &msg);
        if (!xres) {
            err_fail(r, "%s", msg);
            free(msg);
            st = LVSH_FAILED;
        }
    }
    for (int i = 0; i < r->nwarns; i++) {
        if (o->format == LVSH_FMT_JSON) {   /* stderr stays JSON too */
            json_t *doc = json_pack("{s:o}", "warning", json_str(r->warns[i]));
            put_json(err, doc, false);
            json_decref(doc);
            continue;
        }
        put_prefix(err, o);
        put_line(err, r->warn_is_error[i] ? "error: " : "warning: ", r->warns[i]);
    }
    if (o->format == LVSH_FMT_JSON) {
        json_t *doc = result_failed(r) ? NULL : result_json(r, xres);
        if (doc)
            put_json(out, doc, o->pretty);
        json_decref(doc);
    } else if (!(result_failed(r) && xres == NULL && r->xml && o->xpath)) {
        if (r->text.len)   /* raw bytes: secret-get-value --plain may hold NULs */
            put_text(out, r->text.data, r->text.len, is_term(out));
        if (r->table) {
            if (o->format == LVSH_FMT_CSV)
                render_table_csv(out, r->table, o->no_header);
            else if (o->format == LVSH_FMT_VERTICAL)
                render_table_vertical(out, r->table);
            else
                render_table_text(out, r->table, o->quiet);
        }
        if (o->format == LVSH_FMT_CSV && r->nfields)
            render_fields_csv(out, r, o->no_header);
        else
            render_fields_text(out, r);
        if (r->xml)
            render_xml_text(out, r, xres, o->wrap);
        for (int i = 0; i < r->ninfos && !o->quiet; i++)
            put_line(out, "", r->infos[i]);
    }
    int werr = flush_errno(out);
    if (st == LVSH_OK && result_failed(r))
        st = LVSH_FAILED;   /* a handler that set an error but said OK */
    render_error(err, r, o, st);
    /* no blank line after CSV: a reader would take it for an empty record */
    if (!werr && o->trailer && o->format != LVSH_FMT_JSON && o->format != LVSH_FMT_CSV &&
        !o->quiet)
        fputc('\n', out);
    if (!werr)
        werr = flush_errno(out);
    if (werr) {   /* output that did not arrive fails the command */
        st = LVSH_FAILED;
        if (werr != EPIPE)
            report_write_error(err, o, werr);
    }
    fflush(err);
    json_decref(xres);
    return st;
}
