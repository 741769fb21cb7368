/* Fuzz the output layer: results built from arbitrary bytes (table cells,
 * record fields, text, messages, XML) rendered in every format.
 * Properties: tables, CSV and records never let a control byte out (only
 * the newlines of the layout); a JSON document is valid JSON; the status
 * comes back unchanged; nothing crashes.  See driver.h. */
#include "result.h"

#include <jansson.h>

#include "driver.h"

enum { P_CLEAN, P_JSON, P_STATUS, P__COUNT };
static struct fuzz_prop props[P__COUNT] = {
    { "tables and records escape control bytes", 0 },
    { "JSON output parses", 0 },
    { "render keeps the status", 0 },
};


/* The input cut at 0x1f (unit separator) into NUL-terminated pieces. */
static char **split(const uint8_t *d, size_t n, int *count)
{
    char **v = NULL;
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && d[i] != 0x1f)
            continue;
        v = xrealloc(v, (size_t)(k + 1) * sizeof(char *));
        v[k++] = xstrndup((const char *)d + start, i - start);
        start = i + 1;
    }
    *count = k;
    return v;
}

/* Render r in format f; the stdout bytes in *out (caller frees). */
static enum lvsh_status render_to(struct lvsh_result *r, enum lvsh_format f, bool quiet,
                                  enum lvsh_status st, char **out, size_t *len)
{
    static FILE *null;
    if (!null)
        null = fopen("/dev/null", "w");
    FILE *m = open_memstream(out, len);
    struct render_opts o;
    memset(&o, 0, sizeof(o));
    o.format = f;
    o.quiet = quiet;
    o.where_file = "<fuzz>";
    o.where_line = 1;
    st = render_result(m, null, r, &o, st);
    fclose(m);
    return st;
}

static void check_clean(const char *out, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)out[i];
        if ((c < 0x20 && c != '\n') || c == 0x7f) {
            fuzz_fail(&props[P_CLEAN], "a control byte reached the output");
            return;
        }
    }
}

/* A table (1 to 4 columns) and records from the pieces: text formats stay
 * clean and JSON parses. */
static void fuzz_table(char **pc, int n, unsigned sel)
{
    for (int f = 0; f < 4; f++) {
        struct lvsh_result r;
        result_init(&r);
        struct out_table *t = out_table(&r);
        int cols = 1 + (int)(sel % 4);
        for (int c = 0; c < cols; c++)
            out_table_col(t, c < n ? pc[c] : "H", c < n ? pc[c] : "k", c & 1 ? OUT_COL_RIGHT : 0);
        for (int i = cols; i < n; i++) {
            if ((i - cols) % cols == 0)
                out_table_row(t);
            if (i % 3 == 0)
                out_cell_int(t, (long long)i * 1000003);
            else
                out_cell_str(t, pc[i]);
        }
        char *out = NULL;
        size_t len = 0;
        enum lvsh_format fmt = (enum lvsh_format)f;
        if (render_to(&r, fmt, sel & 4, LVSH_OK, &out, &len) != LVSH_OK)
            fuzz_fail(&props[P_STATUS], "a table failed to render");
        if (fmt == LVSH_FMT_JSON) {
            json_t *j = len ? json_loadb(out, len, JSON_DECODE_ANY, NULL) : NULL;
            if (len && !j)
                fuzz_fail(&props[P_JSON], "the JSON of a table does not parse");
            json_decref(j);
        } else {
            check_clean(out, len);
        }
        free(out);
        result_free(&r);

        /* records: a label and a value per pair of pieces */
        result_init(&r);
        for (int i = 0; i + 1 < n; i += 2)
            out_field_str(&r, pc[i], pc[i], pc[i + 1]);
        out = NULL;
        len = 0;
        render_to(&r, fmt, false, LVSH_OK, &out, &len);
        if (fmt == LVSH_FMT_JSON) {
            json_t *j = len ? json_loadb(out, len, JSON_DECODE_ANY, NULL) : NULL;
            if (len && !j)
                fuzz_fail(&props[P_JSON], "the JSON of records does not parse");
            json_decref(j);
        } else {
            check_clean(out, len);
        }
        free(out);
        result_free(&r);
    }
}

/* Everything at once, with an error: no crash, the status kept. */
static void fuzz_mixed(char **pc, int n, unsigned sel)
{
    for (int f = 0; f < 4; f++) {
        struct lvsh_result r;
        result_init(&r);
        for (int i = 0; i < n; i++) {
            switch ((sel + (unsigned)i) % 5) {
            case 0: out_text(&r, "%s\n", pc[i]); break;
            case 1: out_info(&r, "%s", pc[i]); break;
            case 2: out_warn(&r, "%s", pc[i]); break;
            case 3: out_xml(&r, pc[i]); break;
            default: out_json_set(&r, "k", json_str(pc[i])); break;
            }
        }
        enum lvsh_status st = sel & 8 ? err_virt(&r, "failed on '%s'", n ? pc[0] : "") : LVSH_OK;
        char *out = NULL;
        size_t len = 0;
        if (render_to(&r, (enum lvsh_format)f, sel & 16, st, &out, &len) != st)
            fuzz_fail(&props[P_STATUS], "render changed the status");
        free(out);
        result_free(&r);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool init;
    if (!init)   /* err_virt reads libvirt's per-thread error */
        init = virInitialize() == 0 || true;
    int total;
    unsigned sel = size ? data[0] : 0;
    char **pc = split(size ? data + 1 : data, size ? size - 1 : 0, &total);
    int n = total > 64 ? 64 : total;   /* a wide table says no more than a narrow one */
    fuzz_table(pc, n, sel);
    fuzz_mixed(pc, n, sel);
    for (int i = 0; i < total; i++)
        free(pc[i]);
    free(pc);
    return 0;
}

FUZZ_MAIN("fuzz-render", props, P__COUNT, 3000)
