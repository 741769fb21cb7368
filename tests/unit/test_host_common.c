/* host_common: nesting of domstats keys, typed parameter text and JSON,
 * XPath number lists, the --timestamp format. */
#include "unit.h"
#include "host_common.h"

#include <stdlib.h>

static char *dump(json_t *v)
{
    return json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
}

static void test_dotted(void)
{
    json_t *o = json_object();
    json_set_dotted(o, "state.state", json_integer(1));
    json_set_dotted(o, "vcpu.current", json_integer(2));
    json_set_dotted(o, "vcpu.0.time", json_integer(10));
    json_set_dotted(o, "vcpu.1.time", json_integer(20));
    json_set_dotted(o, "plain", json_string("x"));
    char *s = dump(o);
    CHECK_STR(s, "{\"plain\":\"x\",\"state\":{\"state\":1},"
                 "\"vcpu\":{\"0\":{\"time\":10},\"1\":{\"time\":20},\"current\":2}}");
    free(s);
    json_decref(o);

    /* a key that is a value and a prefix keeps both, in either order */
    o = json_object();
    json_set_dotted(o, "net.0.rx", json_integer(5));
    json_set_dotted(o, "net.0.rx.bytes", json_integer(6));
    json_set_dotted(o, "blk.x.y", json_integer(7));
    json_set_dotted(o, "blk.x", json_integer(8));
    s = dump(o);
    CHECK_STR(s, "{\"blk\":{\"x\":{\"value\":8,\"y\":7}},"
                 "\"net\":{\"0\":{\"rx\":{\"bytes\":6,\"value\":5}}}}");
    free(s);
    json_decref(o);
}

static void test_tparams(void)
{
    virTypedParameter p[4];
    memset(p, 0, sizeof(p));
    strcpy(p[0].field, "big");
    p[0].type = VIR_TYPED_PARAM_ULLONG;
    p[0].value.ul = 18446744073709551615ULL;
    strcpy(p[1].field, "flag");
    p[1].type = VIR_TYPED_PARAM_BOOLEAN;
    p[1].value.b = 1;
    strcpy(p[2].field, "neg");
    p[2].type = VIR_TYPED_PARAM_LLONG;
    p[2].value.l = -3;
    strcpy(p[3].field, "ratio");
    p[3].type = VIR_TYPED_PARAM_DOUBLE;
    p[3].value.d = 0.5;
    char *t = tparam_text(&p[0]);
    CHECK_STR(t, "18446744073709551615");
    free(t);
    t = tparam_text(&p[1]);
    CHECK_STR(t, "yes");
    free(t);
    t = tparam_text(&p[3]);
    CHECK_STR(t, "0.500000");
    free(t);
    json_t *j = tparams_json(p, 4);
    CHECK(json_is_real(json_object_get(j, "big")), "a ullong beyond int64 becomes a real");
    CHECK(json_is_true(json_object_get(j, "flag")), "booleans stay booleans");
    CHECK_INT(json_integer_value(json_object_get(j, "neg")), -3);
    json_decref(j);
}

static void test_xpath_numbers(void)
{
    unsigned long long *v = NULL;
    int n = xml_xpath_numbers("<c><p size='4'/><p size='2048'/><q>7</q></c>", "//p/@size", &v);
    CHECK_INT(n, 2);
    CHECK_INT(n == 2 ? v[1] : 0, 2048);
    free(v);
    n = xml_xpath_numbers("<c>", "//p", &v);
    CHECK_INT(n, -1);
    free(v);
    n = xml_xpath_numbers("<c/>", "//p", &v);
    CHECK_INT(n, 0);
    free(v);
}

static void test_timestamp(void)
{
    char *ts = host_timestamp();
    /* 2024-01-31 12:00:00.123+0000 */
    CHECK_INT(strlen(ts), 28);
    CHECK(ts[10] == ' ' && ts[19] == '.' && strcmp(ts + 23, "+0000") == 0,
          "timestamp '%s' has virsh's layout", ts);
    free(ts);
}

static void test_stats_bytes(void)
{
    virTypedParameter p = { .type = VIR_TYPED_PARAM_ULLONG };
    json_t *v;
    strcpy(p.field, "balloon.current");
    p.value.ul = 2048;
    v = stats_param_json(&p);
    CHECK_INT(json_integer_value(v), 2048 * 1024);
    json_decref(v);
    strcpy(p.field, "balloon.major_fault");
    v = stats_param_json(&p);
    CHECK_INT(json_integer_value(v), 2048);   /* a count stays a count */
    json_decref(v);
    strcpy(p.field, "block.0.capacity");
    v = stats_param_json(&p);
    CHECK_INT(json_integer_value(v), 2048);   /* already bytes */
    json_decref(v);
}

int main(void)
{
    test_stats_bytes();
    test_dotted();
    test_tparams();
    test_xpath_numbers();
    test_timestamp();
    return unit_done("unit host_common");
}
