/* Option parser: every type, positional fill, --opt=value, errors. */
#include "unit.h"
#include "lvsh.h"
#include "options.h"
#include "result.h"

static const char *const colors[] = { "red", "green", NULL };
static const struct lvsh_opt opts_demo[] = {
    { .name = "domain", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "d" },
    { .name = "count", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_POSITIONAL, .min = 1, .max = 10,
      .help = "c" },
    { .name = "size", .type = LVSH_OPT_SIZE, .unit = 1024, .help = "s" },
    { .name = "color", .type = LVSH_OPT_STRING, .choices = colors, .help = "k" },
    { .name = "all", .type = LVSH_OPT_BOOL, .help = "a" },
    { .name = "none", .type = LVSH_OPT_BOOL, .help = "n" },
    { .name = "rest", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL, .help = "r" },
    LVSH_OPT_END,
};
static const char *const excl_demo[] = { "all none", NULL };
static const struct lvsh_cmd cmd_demo = {
    .name = "demo", .group = "shell", .summary = "s", .opts = opts_demo, .exclusive = excl_demo,
};

static enum lvsh_status parse(int argc, char **argv, struct lvsh_args *a, char **err)
{
    struct lvsh_result r;
    result_init(&r);
    enum lvsh_status st = opts_parse(&cmd_demo, argc, argv, a, &r);
    *err = r.err_msg ? strdup(r.err_msg) : NULL;
    result_free(&r);
    return st;
}

#define ARGV(...) ((char *[]){ "demo", __VA_ARGS__, NULL })
#define NARGS(...) ((int)(sizeof((char *[]){ "demo", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(st, ...) do { \
        char *err_ = NULL; \
        struct lvsh_args a_; \
        enum lvsh_status got_ = parse(NARGS(__VA_ARGS__), ARGV(__VA_ARGS__), &a_, &err_); \
        CHECK(got_ == (st), "parse of %s: status %d (%s)", #__VA_ARGS__, got_, err_ ? err_ : ""); \
        last_err = err_; \
        last = a_; \
    } while (0)

static struct lvsh_args last;
static char *last_err;

static void done(void)
{
    args_free(&last);
    free(last_err);
    last_err = NULL;
}

/* A parse that must fail as a usage error whose message holds want. */
#define PARSE_USAGE(want, ...) do { \
        PARSE(LVSH_USAGE, __VA_ARGS__); \
        CHECK(last_err && strstr(last_err, want), "%s: %s", #__VA_ARGS__, last_err); \
        done(); \
    } while (0)

static void test_positional_and_named(void)
{
    long long n;
    unsigned long long sz;
    PARSE(LVSH_OK, "web", "3", "--size", "2M", "--color=green", "--all", "x", "y");
    CHECK_STR(args_str(&last, "domain"), "web");
    CHECK(args_int(&last, "count", &n) && n == 3, "count positional");
    CHECK(args_size(&last, "size", &sz) && sz == 2ULL << 20, "size with suffix: %llu", sz);
    CHECK_STR(args_str(&last, "color"), "green");
    CHECK(args_has(&last, "all") && !args_has(&last, "none"), "bools");
    int nr;
    char *const *rest = args_rest(&last, "rest", &nr);
    CHECK(nr == 2 && strcmp(rest[0], "x") == 0 && strcmp(rest[1], "y") == 0, "rest words");
    done();

    PARSE(LVSH_OK, "--domain", "web", "--size", "5");
    CHECK(args_size(&last, "size", &sz) && sz == 5 * 1024, "bare size uses the unit: %llu", sz);
    CHECK(!args_has(&last, "count"), "count unset");
    done();

    PARSE(LVSH_OK, "--", "--weird-name");
    CHECK_STR(args_str(&last, "domain"), "--weird-name");
    done();

    PARSE(LVSH_OK, "web", "--help");
    CHECK(last.help, "--help seen");
    done();
    PARSE(LVSH_OK, "--help");
    CHECK(last.help, "--help skips required checks");
    done();
    PARSE(LVSH_OK, "web", "--json");
    CHECK(last.json == 1, "--json is universal");
    done();
}

static void test_errors(void)
{
    PARSE_USAGE("requires option --domain", "--count", "3");
    PARSE_USAGE("no option --bogus", "web", "--bogus");
    PARSE(LVSH_USAGE, "web", "11");
    CHECK(last_err && strcmp(last_err, "Numeric value '11' for <count> option is malformed "
                                        "or out of range") == 0, "range: %s", last_err);
    done();
    PARSE_USAGE("Numeric value 'three' for <count>", "web", "three");
    PARSE_USAGE("size", "web", "--size", "12Q");
    PARSE_USAGE("red, green", "web", "--color", "blue");
    PARSE_USAGE("cannot be used together", "web", "--all", "--none");
    PARSE_USAGE("takes no value", "web", "--all=yes");
    PARSE_USAGE("more than once", "--domain", "web", "--domain", "other");
    PARSE_USAGE("needs a value", "web", "--color");
    PARSE_USAGE("non-empty", "--domain", "");
}

static void test_sizes(void)
{
    unsigned long long v;
    CHECK(parse_scaled_size("1", 1, &v) && v == 1, "1");
    CHECK(parse_scaled_size("1k", 1, &v) && v == 1024, "1k");
    CHECK(parse_scaled_size("1KB", 1, &v) && v == 1000, "1KB");
    CHECK(parse_scaled_size("2GiB", 1, &v) && v == 2ULL << 30, "2GiB");
    CHECK(parse_scaled_size("3T", 1, &v) && v == 3ULL << 40, "3T");
    CHECK(parse_scaled_size("7", 1 << 20, &v) && v == 7ULL << 20, "7 MiB default unit");
    CHECK(!parse_scaled_size("-1", 1, &v), "negative refused");
    CHECK(!parse_scaled_size("20E", 1, &v), "overflow refused");
    CHECK(!parse_scaled_size("", 1, &v), "empty refused");
    CHECK(!parse_scaled_size("5 M", 1, &v), "inner space refused");
}

int main(void)
{
    test_positional_and_named();
    test_errors();
    test_sizes();
    return unit_done("options");
}
