/* Completion engine on partial lines: commands, options, positional values,
 * `--`, `;`, the cursor in the middle, quoting, the listing cache and its
 * invalidation, on the test driver with tests/fixtures/complete.xml. */
#include "unit.h"
#include "complete.h"
#include "help.h"
#include "session.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

static struct lvsh_session sess;

/* All candidates joined with '|', for one comparison per case. */
static char *joined(struct completion *c)
{
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < c->n; i++)
        buf_printf(&b, "%s%s", i ? "|" : "", c->v[i]);
    completion_free(c);
    return buf_steal(&b);
}

static char *at(const char *line, size_t cursor)
{
    struct completion c;
    complete_line(&sess, line, cursor, &c);
    return joined(&c);
}

static char *line(const char *l)
{
    return at(l, strlen(l));
}

#define CHECK_LINE(l, want) do { \
        char *got_ = line(l); \
        CHECK(strcmp(got_, want) == 0, "'%s': got '%s', want '%s'", l, got_, want); \
        free(got_); \
    } while (0)

static void test_quote(void)
{
    char *q;
    CHECK_STR(q = complete_quote("web1", 0, true, true), "web1"); free(q);
    CHECK_STR(q = complete_quote("beta db", 0, true, true), "'beta db'"); free(q);
    CHECK_STR(q = complete_quote("beta d", 0, true, false), "'beta d"); free(q);
    CHECK_STR(q = complete_quote("it's", 0, true, true), "'it'\\''s'"); free(q);
    CHECK_STR(q = complete_quote("it's", '\'', false, true), "it'\\''s'"); free(q);
    CHECK_STR(q = complete_quote("say \"hi\"", '"', false, true), "say \\\"hi\\\"\""); free(q);
    CHECK_STR(q = complete_quote("a\\b", '"', false, false), "a\\\\b"); free(q);
    CHECK_STR(q = complete_quote("#x", 0, true, true), "'#x'"); free(q);
    CHECK_STR(q = complete_quote("#x", 0, false, true), "#x"); free(q);
    CHECK_STR(q = complete_quote("a;b", 0, true, true), "'a;b'"); free(q);
    CHECK_STR(q = complete_quote("café-虚拟机", 0, true, true), "café-虚拟机"); free(q);
}

static void test_commands_and_options(void)
{
    CHECK_LINE("sta", "start");
    CHECK_LINE("  dominf", "dominfo");
    CHECK_LINE("exi", "exit");
    CHECK_LINE("frobnicate ", "");
    CHECK_LINE("list --a", "--all|--autostart");
    CHECK_LINE("list --all --a", "--autostart");
    CHECK_LINE("domstate -", "--domain|--help|--json|--reason");
    CHECK_LINE("domstate --reason -", "--domain|--help|--json");
    /* a positional value given: only options are left */
    CHECK_LINE("domstate web1 ", "--help|--json|--reason");
    CHECK_LINE("set ", "connect-timeout|output|quiet|timeout");
    CHECK_LINE("help sta", "start");
    CHECK_LINE("help domai", "domain");
    CHECK_LINE("help dominf", "dominfo");
    CHECK_LINE("complete --kind domain-p", "domain-paused|domain-persistent");
}

static void test_positional_values(void)
{
    CHECK_LINE("domstate b", "beta db|beta dc");
    CHECK_LINE("domstate --reason b", "beta db|beta dc");
    CHECK_LINE("domstate --domain b", "beta db|beta dc");
    CHECK_LINE("domstate --domain=b", "--domain=beta db|--domain=beta dc");
    CHECK_LINE("domstate caf", "café-one|cafë-two");
    CHECK_LINE("domstate café", "café-one");
    /* context: start offers shut-off domains, suspend running, resume paused */
    CHECK_LINE("start ", "#hashed|cafë-two|it's here|say \"hi\"|snapdom");
    CHECK_LINE("suspend ", "beta dc|café-one|web1");
    CHECK_LINE("resume ", "beta db");
    CHECK_LINE("destroy b", "beta db|beta dc");
}

static void test_dashdash_and_separators(void)
{
    CHECK_LINE("domstate -- ", "#hashed|beta db|beta dc|café-one|cafë-two|it's here|"
               "say \"hi\"|snapdom|web1");
    CHECK_LINE("domstate -- -", "");          /* only positionals after -- */
    CHECK_LINE("domstate -- web1 ", "");      /* and no options */
    CHECK_LINE("list --all; dominf", "dominfo");
    CHECK_LINE("list --all ; resume ", "beta db");
    /* quotes: the word is read unquoted */
    CHECK_LINE("domstate \"beta d", "beta db|beta dc");
    CHECK_LINE("domstate 'it", "it's here");
    CHECK_LINE("domstate say\\ \\\"", "say \"hi\"");
    CHECK_LINE("echo 'a;b' ; sta", "start");
}

static void test_cursor_in_middle(void)
{
    const char *l = "domstate be; list --all";
    char *got = at(l, strlen("domstate be"));
    CHECK_STR(got, "beta db|beta dc");
    free(got);
    got = at("sta web1", 3);
    CHECK_STR(got, "start");
    free(got);
}

static void test_files(void)
{
    struct completion c;
    complete_line(&sess, "cd /us", 6, &c);
    CHECK(c.files, "cd completes file names");
    char *got = joined(&c);
    CHECK_STR(got, "/usr/");
    free(got);
}

/* A command table like vol-info and snapshot-info: values that depend on
 * another option of the line. */
static const struct lvsh_opt vol_opts[] = {
    { .name = "vol", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "volume", .complete = LVSH_COMP_VOLUME },
    { .name = "pool", .type = LVSH_OPT_STRING, .help = "pool", .complete = LVSH_COMP_POOL },
    LVSH_OPT_END,
};
static const struct lvsh_cmd vol_cmd = { .name = "vol-x", .opts = vol_opts };

static const struct lvsh_opt snap_opts[] = {
    { .name = "domain", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "domain", .complete = LVSH_COMP_DOMAIN },
    { .name = "snapshotname", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "snapshot", .complete = LVSH_COMP_DOMAIN_SNAPSHOT },
    { .name = "disk", .type = LVSH_OPT_STRING, .help = "disk",
      .complete = LVSH_COMP_DOMAIN_DISK },
    { .name = "iface", .type = LVSH_OPT_STRING, .help = "iface",
      .complete = LVSH_COMP_DOMAIN_IFACE },
    { .name = "cap", .type = LVSH_OPT_STRING, .help = "caps",
      .complete = LVSH_COMP_NODEDEV_CAP },
    LVSH_OPT_END,
};
static const struct lvsh_cmd snap_cmd = { .name = "snap-x", .opts = snap_opts };

static char *cmd_words(const struct lvsh_cmd *cmd, const char *cur, int n, ...)
{
    char *words[8] = { (char *)cmd->name };
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        words[i + 1] = va_arg(ap, char *);
    va_end(ap);
    struct completion c;
    complete_cmd_words(&sess, cmd, words, n + 1, cur, &c);
    return joined(&c);
}

static void test_dependent_values(void)
{
    char *g;
    CHECK_STR(g = cmd_words(&vol_cmd, "", 2, "--pool", "images"),
              "root disk.qcow2|root-2.img"); free(g);
    CHECK_STR(g = cmd_words(&vol_cmd, "root-", 2, "--pool", "images"), "root-2.img"); free(g);
    CHECK_STR(g = cmd_words(&vol_cmd, "i", 1, "--pool"), "images|isos"); free(g);
    /* an empty pool: nothing to fill, so the options left */
    CHECK_STR(g = cmd_words(&vol_cmd, "", 2, "--pool", "isos"), "--help|--json|--vol"); free(g);
    /* no --pool: the paths of every pool's volumes */
    CHECK_STR(g = cmd_words(&vol_cmd, "/var/lib/libvirt/images/root-", 0),
              "/var/lib/libvirt/images/root-2.img"); free(g);
    CHECK_STR(g = cmd_words(&snap_cmd, "", 1, "snapdom"), "before upgrade|clean"); free(g);
    CHECK_STR(g = cmd_words(&snap_cmd, "c", 2, "--domain", "snapdom"), "clean"); free(g);
    CHECK_STR(g = cmd_words(&snap_cmd, "", 2, "web1", "--disk"), "sdc|vda|vdb"); free(g);
    CHECK_STR(g = cmd_words(&snap_cmd, "", 2, "web1", "--iface"),
              "52:54:00:cc:00:01|testnet0"); free(g);
    CHECK_STR(g = cmd_words(&snap_cmd, "", 2, "nosuch", "--disk"), ""); free(g);
    CHECK_STR(g = cmd_words(&snap_cmd, "pci,us", 2, "web1", "--cap"),
              "pci,usb|pci,usb_device"); free(g);
}

/* readline's view: replace line[start, end) with m[0]. */
static void check_match(const char *l, size_t start, const char *want0, size_t want_n)
{
    struct complete_info info;
    char **m = complete_matches(&sess, l, start, strlen(l), &info);
    CHECK(m != NULL, "'%s' has matches", l);
    if (!m)
        return;
    size_t n = 0;
    while (m[n + 1])
        n++;
    CHECK(strcmp(m[0], want0) == 0, "'%s': inserts '%s', want '%s'", l, m[0], want0);
    CHECK(n == want_n, "'%s': lists %zu, want %zu", l, n, want_n);
    for (size_t i = 0; m[i]; i++)
        free(m[i]);
    free(m);
}

static void test_matches(void)
{
    /* an open double quote is continued and closed */
    check_match("domstate \"beta db", 10, "beta db\"", 0);
    check_match("domstate \"say", 10, "say \\\"hi\\\"\"", 0);
    /* no quote: single quotes when needed */
    check_match("domstate it", 9, "'it'\\''s here'", 0);
    check_match("domstate say", 9, "'say \"hi\"'", 0);
    check_match("domstate we", 9, "web1", 0);
    check_match("domstate sn", 9, "snapdom", 0);
    check_match("domstate '#", 10, "#hashed'", 0);
    /* several: the common part, quoted and left open */
    check_match("domstate b", 9, "'beta d", 2);
    check_match("domstate 'beta d", 10, "beta d", 2);
    /* the common bytes end inside 'é'/'ë': keep what was typed */
    check_match("domstate ca", 9, "caf", 2);
    check_match("domstate café", 9, "café-one", 0);
    /* readline starts after an escaped blank: the rest continues the word */
    check_match("domstate beta\\ db", strlen("domstate beta\\ "), "db", 0);
    check_match("domstate --domain=beta\\ dc", strlen("domstate "), "'--domain=beta dc'", 0);
    check_match("sta", 0, "start", 0);

    struct complete_info info;
    char **m = complete_matches(&sess, "cd /us", 3, 6, &info);
    CHECK(m && strcmp(m[0], "/usr/") == 0 && info.dir_end && info.files,
          "a directory ends without a space");
    for (size_t i = 0; m && m[i]; i++)
        free(m[i]);
    free(m);
    CHECK(complete_matches(&sess, "domstate zzz", 9, 12, &info) == NULL, "no match: NULL");
}

static void test_kind_names(void)
{
    for (int k = 0; k < LVSH_COMP__COUNT; k++)
        CHECK(complete_kind_names[k] &&
              strcmp(complete_kind_names[k], help_completer_name((enum lvsh_completer)k)) == 0,
              "kind %d is named as in help", k);
    CHECK(complete_kind_names[LVSH_COMP__COUNT] == NULL, "kind names end with NULL");
    CHECK_INT(complete_kind_by_name("pool-active"), LVSH_COMP_POOL_ACTIVE);
    CHECK_INT(complete_kind_by_name("nosuch"), -1);
}

static char *kind(enum lvsh_completer k, const char *cur)
{
    struct completion c;
    complete_kind(&sess, k, NULL, cur, &c);
    return joined(&c);
}

/* Wait for the event thread to deliver the change. */
static bool wait_for(enum lvsh_completer k, const char *cur, const char *want)
{
    for (int i = 0; i < 100; i++) {
        char *g = kind(k, cur);
        bool same = strcmp(g, want) == 0;
        free(g);
        if (same)
            return true;
        usleep(20000);
    }
    return false;
}

static void test_cache(void)
{
    char *g;
    CHECK_STR(g = kind(LVSH_COMP_DOMAIN_RUNNING, "beta"), "beta dc"); free(g);
    /* a change from outside the shell: the lifecycle event makes it stale */
    virDomainPtr d = virDomainLookupByName(sess.conn, "beta dc");
    CHECK(d && virDomainDestroy(d) == 0, "destroy 'beta dc' behind the shell's back");
    if (d)
        virDomainFree(d);
    CHECK(wait_for(LVSH_COMP_DOMAIN_RUNNING, "beta", ""), "event invalidates domains");

    /* interfaces have no events: the listing is cached ... */
    CHECK_STR(g = kind(LVSH_COMP_IFACE, "eth"), "eth0|eth1"); free(g);
    virInterfacePtr i = virInterfaceDefineXML(sess.conn,
        "<interface type='ethernet' name='eth9'><mac address='52:54:00:00:00:09'/>"
        "</interface>", 0);
    CHECK(i != NULL, "define eth9");
    CHECK_STR(g = kind(LVSH_COMP_IFACE, "eth"), "eth0|eth1"); free(g);
    /* ... until the shell itself writes */
    sess.write_generation++;
    CHECK_STR(g = kind(LVSH_COMP_IFACE, "eth"), "eth0|eth1|eth9"); free(g);
    if (i) {
        virInterfaceUndefine(i);
        virInterfaceFree(i);
    }

    /* a lost connection offers nothing, at once */
    pthread_mutex_lock(&sess.lock);
    sess.conn_lost = true;
    pthread_mutex_unlock(&sess.lock);
    CHECK_STR(g = kind(LVSH_COMP_DOMAIN, ""), ""); free(g);
    CHECK_STR(g = line("sta"), "start"); free(g);  /* static names still work */
    pthread_mutex_lock(&sess.lock);
    sess.conn_lost = false;
    pthread_mutex_unlock(&sess.lock);

    /* a new connection starts from scratch */
    session_disconnect(&sess);
    CHECK_STR(g = kind(LVSH_COMP_DOMAIN_RUNNING, "beta"), "beta dc"); free(g);
}

static void quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

int main(void)
{
    char path[PATH_MAX];
    if (!realpath("tests/fixtures/complete.xml", path)) {
        printf("not ok: run from the source tree (tests/fixtures/complete.xml)\n");
        return 1;
    }
    virSetErrorFunc(NULL, quiet);
    session_init(&sess);
    sess.uri = xasprintf("test://%s", path);
    sess.interactive = true;   /* the REPL's cache: it follows events */
    if (virInitialize() < 0 || !session_start_event_loop(&sess)) {
        printf("not ok: libvirt init\n");
        return 1;
    }
    test_quote();
    test_commands_and_options();
    test_positional_values();
    test_dashdash_and_separators();
    test_cursor_in_middle();
    test_files();
    test_dependent_values();
    test_matches();
    test_kind_names();
    test_cache();
    session_free(&sess);
    return unit_done("complete");
}
