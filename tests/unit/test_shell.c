/* The interactive shell's pieces: prompt escapes, host names of URIs, the
 * pager's line count, "did you mean" suggestions. */
#include "unit.h"
#include "lvsh.h"
#include "pager.h"
#include "prompt.h"
#include "session.h"
#include "suggest.h"

#include <stdlib.h>

static void check_prompt(struct lvsh_session *s, const char *fmt, const char *want)
{
    char *p = prompt_expand(s, fmt);
    CHECK(strcmp(p, want) == 0, "prompt '%s': got '%s', want '%s'", fmt ? fmt : "(default)",
          p, want);
    free(p);
}

static void check_host(const char *uri, bool shorten, const char *want)
{
    char *h = prompt_host(uri, shorten);
    CHECK(strcmp(h, want) == 0, "host of '%s': got '%s', want '%s'", uri, h, want);
    free(h);
}

static void test_hosts(void)
{
    check_host("test:///default", true, "test");
    check_host("qemu:///system", true, "qemu");
    check_host("qemu+unix:///system?socket=/run/x.sock", true, "qemu");
    check_host("qemu+ssh://root@kvm01.example.com/system", true, "kvm01");
    check_host("qemu+ssh://root@kvm01.example.com/system", false, "kvm01.example.com");
    check_host("qemu+tcp://127.0.0.1:16509/system", true, "127.0.0.1");
    check_host("qemu+tcp://[::1]:16509/system", true, "[::1]");
    check_host("", true, "");
    check_host("kvm01", true, "kvm01");             /* a uri_aliases name */
    check_host("@web,kvm07", true, "@web,kvm07");   /* a fleet's targets */
    /* URIs among a fleet's targets are shortened one by one */
    check_host("@web,qemu+ssh://root@kvm9.lab/system", true, "@web,kvm9");
    check_host("@web,qemu+ssh://root@kvm9.lab/system", false, "@web,kvm9.lab");
    check_host("kvm[01-02,7],test:///default", true, "kvm[01-02,7],test");
}

/* -c or connect gave the host a name: the prompt shows it, %U the URI */
static void test_prompt_host_name(void)
{
    struct lvsh_session s;
    session_init(&s);
    s.uri = strdup("qemu+ssh://root@kvm01.example.com/system");
    session_set_host_name(&s, "kvm01");
    check_prompt(&s, NULL, "lvsh kvm01# ");
    check_prompt(&s, "%M [%U]", "kvm01 [qemu+ssh://root@kvm01.example.com/system]");
    CHECK(strcmp(session_host_label(&s), "kvm01") == 0, "host label is the name");
    session_set_host_name(&s, "test:///default");   /* a URI is no name */
    CHECK(s.host_name == NULL, "a URI forgets the name");
    check_prompt(&s, NULL, "lvsh kvm01# ");
    CHECK(strcmp(session_host_label(&s), s.uri) == 0, "host label is the URI");
    session_free(&s);
}


static void test_prompt(void)
{
    struct lvsh_session s;
    session_init(&s);
    check_prompt(&s, NULL, "lvsh# ");
    s.uri = strdup("qemu+ssh://root@kvm01.example.com/system");
    check_prompt(&s, NULL, "lvsh kvm01# ");
    s.readonly = true;
    check_prompt(&s, NULL, "lvsh kvm01> ");
    check_prompt(&s, "%M%#", "kvm01.example.com>");
    check_prompt(&s, "[%U] ", "[qemu+ssh://root@kvm01.example.com/system] ");
    check_prompt(&s, "%d %m", "qemu kvm01");
    s.last_status = 2;
    check_prompt(&s, "%?%% %x", "2% %x");
    check_prompt(&s, "%[\033[1m%]x%", "\001\033[1m\002x%");
    session_free(&s);
}

static void test_pager_lines(void)
{
    CHECK_INT(pager_lines("", 0, 80), 0);
    CHECK_INT(pager_lines("a\nb\n", 4, 80), 2);
    CHECK_INT(pager_lines("a\nb", 3, 80), 2);
    /* 100 columns on an 80-column screen take two lines, blank lines one */
    char line[102];
    memset(line, 'x', 100);
    line[100] = '\n';
    line[101] = '\0';
    CHECK_INT(pager_lines(line, 101, 80), 2);
    CHECK_INT(pager_lines("\n\n", 2, 80), 2);
}

static void check_suggest(const char *word, const char *const *cands, const char *want)
{
    struct suggest sg;
    suggest_init(&sg, word);
    for (int i = 0; cands[i]; i++)
        suggest_add(&sg, cands[i], NULL);
    char *got = suggest_take(&sg);
    CHECK(want ? got && strcmp(got, want) == 0 : got == NULL,
          "suggest '%s': got '%s', want '%s'", word, got ? got : "(null)",
          want ? want : "(null)");
    free(got);
}

static void test_suggest(void)
{
    static const char *const names[] = { "all", "autostart", "name", "state", NULL };
    static const char *const doms[] = { "test", "web1", "web2", "db", NULL };
    check_suggest("alll", names, "'all'");
    check_suggest("nmae", names, "'name'");
    check_suggest("zzzz", names, NULL);
    check_suggest("tset", doms, "'test'");
    check_suggest("web3", doms, "'web1', 'web2'");
    check_suggest("dx", doms, "'db'");
    check_suggest("xy", doms, NULL);
    check_suggest("test", doms, NULL);   /* the name itself is no suggestion */
}

int main(void)
{
    test_hosts();
    test_prompt();
    test_prompt_host_name();
    test_pager_lines();
    test_suggest();
    return unit_done("shell");
}
