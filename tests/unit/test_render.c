/* Output layer: virsh table layout, display widths, escaping, JSON, records. */
#include "unit.h"
#include "lvsh.h"
#include "result.h"
#include "textwidth.h"

#include <locale.h>
#include <stdlib.h>

/* Render r with o into a string (stdout part) and *err (stderr part);
 * *st, when asked, gets what render_result returned. */
static char *render_with(struct lvsh_result *r, const struct render_opts *o,
                         enum lvsh_status *st, char **err)
{
    char *out = NULL, *e = NULL;
    size_t n1, n2;
    FILE *fo = open_memstream(&out, &n1), *fe = open_memstream(&e, &n2);
    enum lvsh_status s = render_result(fo, fe, r, o, result_failed(r) ? LVSH_FAILED : LVSH_OK);
    fclose(fo);
    fclose(fe);
    if (st)
        *st = s;
    if (err)
        *err = e;
    else
        free(e);
    return out;
}

static char *render(struct lvsh_result *r, enum lvsh_format fmt, bool quiet, char **err)
{
    struct render_opts o = { .format = fmt, .quiet = quiet };
    return render_with(r, &o, NULL, err);
}

static void fill_names(struct lvsh_result *r, const char *const *names, int n)
{
    struct out_table *t = out_table(r);
    out_table_col(t, "Id", "id", 0);
    out_table_col(t, "Name", "name", 0);
    out_table_col(t, "State", "state", 0);
    for (int i = 0; i < n; i++) {
        out_table_row(t);
        out_cell_int(t, i + 1);
        out_cell_str(t, names[i]);
        out_cell_str(t, "running");
    }
}

static void test_widths(void)
{
    CHECK_INT(text_width("abc"), 3);
    CHECK_INT(text_width("虚拟机"), 6);              /* CJK: two columns each */
    CHECK_INT(text_width("e\xcc\x81"), 1);           /* e + combining acute */
    CHECK_INT(text_width("caf\xc3\xa9"), 4);
    CHECK_INT(text_width("a\tb"), 6);                /* \x09 escaped */
    CHECK_INT(text_width("\xff"), 4);                /* invalid byte escaped */
    char *e = text_escape("a\x01" "b\xff\xc3(\x7f");
    CHECK_STR(e, "a\\x01b\\xff\\xc3(\\x7f");
    free(e);
    e = text_escape("\xc2\x85");                     /* C1 control NEL */
    CHECK_STR(e, "\\xc2\\x85");
    free(e);
    e = text_escape("\xed\xa0\x80");                 /* UTF-16 surrogate: invalid */
    CHECK_STR(e, "\\xed\\xa0\\x80");
    free(e);
    e = text_escape("\xe2\x82");                     /* truncated sequence */
    CHECK_STR(e, "\\xe2\\x82");
    free(e);
}

static void test_table_layout(void)
{
    struct lvsh_result r;
    const char *names[] = { "test", "虚拟机", "e\xcc\x81t\xc3\xa9", "bad\xff", "ctl\x1b[31m" };
    result_init(&r);
    fill_names(&r, names, 5);
    char *out = render(&r, LVSH_FMT_TABLE, false, NULL);
    CHECK_STR(out,
              " Id   Name          State\n"
              "-----------------------------\n"
              " 1    test          running\n"
              " 2    虚拟机        running\n"
              " 3    e\xcc\x81t\xc3\xa9           running\n"
              " 4    bad\\xff       running\n"
              " 5    ctl\\x1b[31m   running\n");
    free(out);
    out = render(&r, LVSH_FMT_TABLE, true, NULL);
    CHECK(strncmp(out, " 1   test          running\n", 27) == 0, "quiet: no header, own widths: %s", out);
    free(out);
    result_free(&r);

    result_init(&r);
    fill_names(&r, names, 0);
    out = render(&r, LVSH_FMT_TABLE, false, NULL);
    CHECK_STR(out, " Id   Name   State\n--------------------\n");
    free(out);
    result_free(&r);
}

/* Text-only tables (no JSON values kept), rows past the first doublings,
 * and cells moved from one table into another (fleet_render.c) render as
 * the same table built cell by cell. */
static void test_table_text_only_and_moved(void)
{
    CHECK_INT(text_printable_ascii("abc 1-2"), 7);
    CHECK_INT(text_printable_ascii(""), 0);
    CHECK_INT(text_printable_ascii(NULL), 0);
    CHECK(text_printable_ascii("caf\xc3\xa9") == (size_t)-1, "UTF-8 is not ASCII");
    CHECK(text_printable_ascii("a\tb") == (size_t)-1, "a tab needs escaping");

    const char *names[] = { "test", "虚拟机", "bad\xff", "x" };
    struct lvsh_result plain, text, moved;
    result_init(&plain);
    result_init(&text);
    result_init(&moved);
    text.text_only = moved.text_only = true;
    struct out_table *pt = out_table(&plain), *tt = out_table(&text);
    out_table_col(pt, "Id", "id", 0);
    out_table_col(pt, "Name", "name", 0);
    out_table_col(tt, "Id", "id", 0);
    out_table_col(tt, "Name", "name", 0);
    for (int i = 0; i < 1000; i++) {   /* 16, 32, ... 1024 rows: six moves */
        out_table_row(pt);
        out_table_row(tt);
        out_cell_int(pt, i - 1);
        out_cell_int(tt, i - 1);
        out_cell_str(pt, names[i % 4]);
        out_cell_str(tt, names[i % 4]);
    }
    CHECK(tt->cells[0].value == NULL && pt->cells[0].value != NULL,
          "a text table keeps no JSON values");
    char *a = render(&plain, LVSH_FMT_TABLE, false, NULL);
    char *b = render(&text, LVSH_FMT_TABLE, false, NULL);
    CHECK(a && b && strcmp(a, b) == 0, "text-only table renders as the full one");
    struct out_table *mt = out_table(&moved);
    out_table_col(mt, "Id", "id", 0);
    out_table_col(mt, "Name", "name", 0);
    out_table_reserve(mt, tt->nrows);
    for (int i = 0; i < tt->nrows * tt->ncols; i++) {
        if (i % tt->ncols == 0)
            out_table_row(mt);
        out_cell_take(mt, tt->cells[i].value, tt->cells[i].text);
        tt->cells[i].value = NULL;
        tt->cells[i].text = NULL;
    }
    char *c = render(&moved, LVSH_FMT_TABLE, false, NULL);
    CHECK(a && c && strcmp(a, c) == 0, "moved cells render as the table they came from");
    CHECK(strstr(a, "\n -1    test\n") != NULL && strstr(a, "\n 1     bad\\xff\n") != NULL,
          "ids, padding and escapes kept: %.80s", a);
    free(a);
    free(b);
    free(c);
    result_free(&plain);
    result_free(&text);   /* its cells moved: empty texts freed as NULL */
    result_free(&moved);
}

static void test_table_json_csv(void)
{
    struct lvsh_result r;
    const char *names[] = { "a,b", "bad\xff" };
    result_init(&r);
    fill_names(&r, names, 2);
    char *out = render(&r, LVSH_FMT_JSON, false, NULL);
    CHECK_STR(out, "[{\"id\":1,\"name\":\"a,b\",\"state\":\"running\"},"
                   "{\"id\":2,\"name\":\"bad\\\\xff\",\"state\":\"running\"}]\n");
    free(out);
    out = render(&r, LVSH_FMT_CSV, false, NULL);
    CHECK_STR(out, "id,name,state\n1,\"a,b\",running\n2,bad\\xff,running\n");
    free(out);
    result_free(&r);
}

static void test_record_and_errors(void)
{
    struct lvsh_result r;
    char *err;
    result_init(&r);
    out_field_int(&r, "Id", "id", 7);
    out_field_str(&r, "Name", "name", "web 1");
    out_field(&r, "Persistent", "persistent", json_true(), NULL);
    char *out = render(&r, LVSH_FMT_TABLE, false, NULL);
    CHECK_STR(out, "Id:             7\nName:           web 1\nPersistent:     yes\n");
    free(out);
    out = render(&r, LVSH_FMT_JSON, false, NULL);
    CHECK_STR(out, "{\"id\":7,\"name\":\"web 1\",\"persistent\":true}\n");
    free(out);
    result_free(&r);

    result_init(&r);
    out_info(&r, "Domain 'x' started");
    out = render(&r, LVSH_FMT_TABLE, true, NULL);
    CHECK_STR(out, "");
    free(out);
    out = render(&r, LVSH_FMT_TABLE, false, NULL);
    CHECK_STR(out, "Domain 'x' started\n");
    free(out);
    result_free(&r);

    result_init(&r);
    err_fail(&r, "failed to do 'it'");
    out = render(&r, LVSH_FMT_JSON, false, &err);
    CHECK_STR(out, "");
    CHECK_STR(err, "{\"error\":{\"status\":1,\"code\":0,\"message\":\"failed to do 'it'\"}}\n");
    free(out);
    free(err);
    out = render(&r, LVSH_FMT_TABLE, false, &err);
    CHECK_STR(err, "error: failed to do 'it'\n");
    free(out);
    free(err);
    result_free(&r);
}

static void test_xpath(void)
{
    struct lvsh_result r;
    char *out, *e;
    enum lvsh_status st;
    result_init(&r);
    out_xml(&r, "<domain><name>x</name><devices><disk dev='a'/><disk dev='b'/></devices></domain>");
    struct render_opts o = { .format = LVSH_FMT_TABLE, .xpath = "//disk/@dev" };
    out = render_with(&r, &o, &st, NULL);
    CHECK(st == LVSH_OK, "xpath renders");
    CHECK_STR(out, " dev=\"a\"\n dev=\"b\"\n");
    free(out);
    o.xpath = "string(/domain/name)";
    o.format = LVSH_FMT_JSON;
    out = render_with(&r, &o, NULL, NULL);
    CHECK_STR(out, "{\"xpath\":\"string(/domain/name)\",\"results\":[\"x\"]}\n");
    free(out);
    o.xpath = "//[";
    o.format = LVSH_FMT_TABLE;
    out = render_with(&r, &o, &st, &e);
    CHECK(st == LVSH_FAILED, "bad xpath fails");
    CHECK(strstr(e, "invalid XPath") != NULL, "bad xpath error: %s", e);
    free(out);
    free(e);
    result_free(&r);
}

int main(void)
{
    /* the same results under LANG=C and C.UTF-8 */
    const char *locales[] = { "C", "C.UTF-8" };
    for (int i = 0; i < 2; i++) {
        setlocale(LC_ALL, locales[i]);
        test_widths();
        test_table_layout();
        test_table_text_only_and_moved();
        test_table_json_csv();
    }
    test_record_and_errors();
    test_xpath();
    return unit_done("render");
}
