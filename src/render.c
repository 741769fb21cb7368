/* render.c: the one place that turns results into bytes on stdout/stderr. */
#include "result.h"
#include "textwidth.h"
#include "xmlutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_spaces(FILE *out, size_t n)
{
    static const char blanks[] = "                                ";
    for (; n >= sizeof(blanks) - 1; n -= sizeof(blanks) - 1)
        fwrite(blanks, 1, sizeof(blanks) - 1, out);
    fwrite(blanks, 1, n, out);
}

static void put_padded(FILE *out, const char *text, size_t width, bool right, bool pad)
{
    char *esc = text_escape(text);
    size_t w = text_width(text);
    size_t fill = width > w ? width - w : 0;
    if (right && pad)
        put_spaces(out, fill);
    fputs(esc, out);
    if (!right && pad)
        put_spaces(out, fill);
    free(esc);
}

/* virsh's layout: one leading space, three between columns, a dashed rule. */
static void render_table_text(FILE *out, const struct out_table *t, bool quiet)
{
    size_t *w = xcalloc((size_t)t->ncols, sizeof(size_t));
    size_t total = 0;

    for (int c = 0; c < t->ncols; c++) {
        if (!quiet)
            w[c] = text_width(t->headers[c]);
        for (int r = 0; r < t->nrows; r++) {
            size_t cw = text_width(t->cells[r * t->ncols + c].text);
            if (cw > w[c])
                w[c] = cw;
        }
        total += w[c] + 3;
    }
    for (int r = quiet ? 0 : -1; r < t->nrows; r++) {
        fputc(' ', out);
        for (int c = 0; c < t->ncols; c++) {
            const char *text = r < 0 ? t->headers[c] : t->cells[r * t->ncols + c].text;
            bool right = (t->colflags[c] & OUT_COL_RIGHT) != 0;
            if (c > 0)
                fputs("   ", out);
            put_padded(out, text, w[c], right, c + 1 < t->ncols || right);
        }
        fputc('\n', out);
        if (r < 0) {
            for (size_t i = 0; i < total; i++)
                fputc('-', out);
            fputc('\n', out);
        }
    }
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

static void render_table_csv(FILE *out, const struct out_table *t, bool quiet)
{
    for (int r = quiet ? 0 : -1; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputc(',', out);
            put_csv_field(out, r < 0 ? t->keys[c] : t->cells[r * t->ncols + c].text);
        }
        fputc('\n', out);
    }
}

/* One "Header: value" line per cell, a blank line between rows. */
static void render_table_vertical(FILE *out, const struct out_table *t)
{
    size_t w = 0;
    for (int c = 0; c < t->ncols; c++)
        if (text_width(t->headers[c]) > w)
            w = text_width(t->headers[c]);
    for (int r = 0; r < t->nrows; r++) {
        if (r)
            fputc('\n', out);
        for (int c = 0; c < t->ncols; c++) {
            put_padded(out, t->headers[c], w, false, true);
            fputs(" : ", out);
            put_padded(out, t->cells[r * t->ncols + c].text, 0, false, false);
            fputc('\n', out);
        }
    }
}

static void render_fields_text(FILE *out, const struct lvsh_result *r)
{
    for (int i = 0; i < r->nfields; i++) {
        /* an empty label continues the previous field on a new line */
        char *label = xasprintf("%s%s", r->fields[i].label, *r->fields[i].label ? ":" : "");
        put_padded(out, label, (size_t)r->label_width, false, true);
        fputc(' ', out);
        put_padded(out, r->fields[i].text, 0, false, false);
        fputc('\n', out);
        free(label);
    }
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
    if (r->stream_json && record) {
        put_json(stdout, record, false);
    } else if (!r->stream_json) {
        va_list ap;
        va_start(ap, fmt);
        vfprintf(stdout, fmt, ap);
        va_end(ap);
    }
    json_decref(record);
    fflush(stdout);
}

void out_stream_warn(struct lvsh_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    if (r->stream_json) {
        json_t *doc = json_pack("{s:o}", "warning", json_str(msg));
        put_json(stderr, doc, false);
        json_decref(doc);
    } else {
        fprintf(stderr, "warning: %s\n", msg);
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
        fprintf(err, "error: %s\n", r->err_msg);
    }
    if (r->err_detail && !r->err_msg_only) {
        put_prefix(err, o);
        fprintf(err, "error: %s\n", r->err_detail);
    }
}

static void render_xml_text(FILE *out, const struct lvsh_result *r, json_t *xres,
                            bool wrap)
{
    if (!xres) {
        fputs(r->xml, out);
        if (*r->xml && r->xml[strlen(r->xml) - 1] != '\n')
            fputc('\n', out);
        return;
    }
    json_t *arr = json_object_get(xres, "results"), *wrapped = json_object_get(xres, "wrapped");
    size_t i;
    json_t *v;
    if (wrap && wrapped) {
        fprintf(out, "%s\n", json_string_value(wrapped));
        return;
    }
    json_array_foreach(arr, i, v) {
        fputs(json_string_value(v), out);
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
        fprintf(err, "warning: %s\n", r->warns[i]);
    }
    if (o->format == LVSH_FMT_JSON) {
        json_t *doc = result_failed(r) ? NULL : result_json(r, xres);
        if (doc)
            put_json(out, doc, o->pretty);
        json_decref(doc);
    } else if (!(result_failed(r) && xres == NULL && r->xml && o->xpath)) {
        if (r->text.len)   /* raw bytes: secret-get-value --plain may hold NULs */
            fwrite(r->text.data, 1, r->text.len, out);
        if (r->table) {
            if (o->format == LVSH_FMT_CSV)
                render_table_csv(out, r->table, o->quiet);
            else if (o->format == LVSH_FMT_VERTICAL)
                render_table_vertical(out, r->table);
            else
                render_table_text(out, r->table, o->quiet);
        }
        render_fields_text(out, r);
        if (r->xml)
            render_xml_text(out, r, xres, o->wrap);
        for (int i = 0; i < r->ninfos && !o->quiet; i++)
            fprintf(out, "%s\n", r->infos[i]);
    }
    fflush(out);
    if (st == LVSH_OK && result_failed(r))
        st = LVSH_FAILED;   /* a handler that set an error but said OK */
    render_error(err, r, o, st);
    if (o->trailer && o->format != LVSH_FMT_JSON && !o->quiet)
        fputc('\n', out);
    fflush(out);
    fflush(err);
    json_decref(xres);
    return st;
}
