/* The inventory: ranges, the file format and its errors, target lists, and
 * folding host sets for display. */
#include "unit.h"
#include "inventory.h"
#include "util.h"

#include <stdlib.h>

/* A list of strings joined with spaces, for one comparison. */
static char *joined(char **v, long n)
{
    struct buf b = BUF_INIT;
    for (long i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? " " : "", v[i]);
    return buf_steal(&b);
}

static void ranges(void)
{
    char **v, *err, *s;
    long n = range_expand("kvm[01-03]", &v, &err);
    CHECK_INT(n, 3);
    s = joined(v, n);
    CHECK_STR(s, "kvm01 kvm02 kvm03");
    free(s);
    strv_free(v, (size_t)n);

    n = range_expand("a[1-3,7]b", &v, &err);
    s = joined(v, n);
    CHECK_STR(s, "a1b a2b a3b a7b");
    free(s);
    strv_free(v, (size_t)n);

    /* padding comes from the bound: [8-10] is not padded, [08-10] is */
    n = range_expand("h[8-10]", &v, &err);
    s = joined(v, n);
    CHECK_STR(s, "h8 h9 h10");
    free(s);
    strv_free(v, (size_t)n);
    n = range_expand("h[008-010]", &v, &err);
    s = joined(v, n);
    CHECK_STR(s, "h008 h009 h010");
    free(s);
    strv_free(v, (size_t)n);

    /* two ranges multiply; an IPv6 bracket is no range */
    n = range_expand("r[1-2]n[1-2]", &v, &err);
    s = joined(v, n);
    CHECK_STR(s, "r1n1 r1n2 r2n1 r2n2");
    free(s);
    strv_free(v, (size_t)n);
    n = range_expand("qemu+tcp://[::1]/system", &v, &err);
    CHECK_INT(n, 1);
    CHECK_STR(v[0], "qemu+tcp://[::1]/system");
    strv_free(v, (size_t)n);

    CHECK_INT(range_expand("k[3-1]", &v, &err), -1);
    CHECK_STR(err, "descending range '[3-1]'");
    free(err);
    CHECK_INT(range_expand("k[0-99999999]", &v, &err), -1);
    CHECK_STR(err, "range '[0-99999999]' is too large");
    free(err);
}

static const char inv_text[] =
    "# the lab\n"
    "kvm[01-03] qemu+ssh://root@kvm[01-03].lab/system   # three hosts\n"
    "kvm07 qemu+tls://kvm07.lab/system\n"
    "solo test:///default\n"
    "@web: kvm[01-02] kvm07\n"
    "@all-web : @web solo\n"
    "@bad: @nosuch\n"
    "broken line with words\n"
    "kvm01 test:///default\n"
    "@all: kvm01\n"
    "bad,name test:///default\n";

static char *targets(const struct inventory *inv, const char *spec)
{
    struct inv_host *h;
    size_t n;
    char *err;
    if (!inventory_targets(inv, spec, &h, &n, &err))
        return err;
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s%s=%s", i ? " " : "", h[i].name, h[i].uri);
    inv_hosts_free(h, n);
    return buf_steal(&b);
}

static void file_format(void)
{
    struct inventory *inv = inventory_parse(inv_text, "hosts");
    CHECK_INT(inv->nhosts, 5);
    CHECK_STR(inv->hosts[2].name, "kvm03");
    CHECK_STR(inv->hosts[2].uri, "qemu+ssh://root@kvm03.lab/system");
    CHECK_INT(inv->ngroups, 3);
    CHECK_INT(inv->nerrors, 4);
    CHECK_STR(inv->errors[0], "hosts:8: expected 'NAME URI' or '@GROUP: MEMBER...'");
    CHECK_STR(inv->errors[1], "hosts:9: host 'kvm01' is defined twice");
    CHECK_STR(inv->errors[2], "hosts:10: '@all' is every host and cannot be defined");
    CHECK_STR(inv->errors[3], "hosts:11: invalid host name 'bad,name'");

    char *s = targets(inv, "@web");
    CHECK_STR(s, "kvm01=qemu+ssh://root@kvm01.lab/system kvm02=qemu+ssh://root@kvm02.lab/system "
                 "kvm07=qemu+tls://kvm07.lab/system");
    free(s);
    s = targets(inv, "@all-web,kvm01");
    CHECK_STR(s, "kvm01=qemu+ssh://root@kvm01.lab/system kvm02=qemu+ssh://root@kvm02.lab/system "
                 "kvm07=qemu+tls://kvm07.lab/system solo=test:///default");
    free(s);
    s = targets(inv, "@all");
    CHECK_INT(strlen(s) > 0, 1);
    CHECK(strstr(s, "kvm03=") && strstr(s, "solo="), "@all: %s", s);
    free(s);
    /* a URI the inventory knows is shown by name; others as written */
    s = targets(inv, "test:///default,kvm[02-03],myalias");
    CHECK_STR(s, "solo=test:///default kvm02=qemu+ssh://root@kvm02.lab/system "
                 "kvm03=qemu+ssh://root@kvm03.lab/system myalias=myalias");
    free(s);
    s = targets(inv, "@bad");
    CHECK_STR(s, "unknown group '@nosuch'");
    free(s);
    s = targets(inv, "kvm01,,kvm02");
    CHECK_STR(s, "empty host name in the target list");
    free(s);
    inventory_free(inv);

    inv = inventory_parse("@a: @b\n@b: @a\n", "loop");
    s = targets(inv, "@a");
    CHECK(strstr(s, "contains itself") != NULL, "loop: %s", s);
    free(s);
    inventory_free(inv);
}

static void spec_is_set(void)
{
    CHECK_INT(inventory_spec_is_set("test:///default"), 0);
    CHECK_INT(inventory_spec_is_set("kvm01"), 0);
    CHECK_INT(inventory_spec_is_set("qemu+tcp://[::1]/system"), 0);
    CHECK_INT(inventory_spec_is_set("qemu:///system?a=1,2"), 0);
    CHECK_INT(inventory_spec_is_set("a,b"), 1);
    CHECK_INT(inventory_spec_is_set("@web"), 1);
    CHECK_INT(inventory_spec_is_set("kvm[1-2]"), 1);
}

static void fold(void)
{
    const char *a[] = { "kvm01", "kvm02", "kvm03", "kvm07" };
    char *s = hostset_fold(a, 4);
    CHECK_STR(s, "kvm[01-03],kvm07");
    free(s);
    const char *b[] = { "kvm07", "web", "kvm02", "kvm01", "db3.lab", "db4.lab", "kvm03" };
    s = hostset_fold(b, 7);
    CHECK_STR(s, "kvm[01-03],kvm07,web,db[3-4].lab");
    free(s);
    const char *c[] = { "test:///default" };
    s = hostset_fold(c, 1);
    CHECK_STR(s, "test:///default");
    free(s);
    s = hostset_fold(NULL, 0);
    CHECK_STR(s, "");
    free(s);
}

int main(void)
{
    ranges();
    file_format();
    spec_is_set();
    fold();
    return unit_done("inventory");
}
