/* Fuzz the whole path of a command line on test:///default: tokenize,
 * look up, parse options, run the handler, render.  The first word of each
 * command is kept only when it names a command of a fixed list that touches
 * nothing outside the process (no files, editors, terminals, other URIs);
 * otherwise one of them is picked.  Properties: every command ends with
 * status 0, 1 or 2; the session survives (the next `domstate` still
 * answers).  Output goes to /dev/null.  See driver.h. */
#include "cmdtab.h"
#include "dispatch.h"
#include "result.h"
#include "session.h"
#include "tokenize.h"

#include <fcntl.h>
#include <unistd.h>

#include "driver.h"

enum { P_STATUS, P_ALIVE, P__COUNT };
static struct fuzz_prop props[P__COUNT] = {
    { "dispatch returns 0, 1 or 2", 0 },
    { "the session survives", 0 },
};


static const char *const allowed[] = {
    "list", "dominfo", "domstate", "domid", "domuuid", "domname", "dumpxml",
    "domblklist", "domiflist", "vcpuinfo", "vcpucount", "vcpupin", "schedinfo",
    "memtune", "blkiotune", "start", "destroy", "suspend", "resume", "reboot",
    "shutdown", "setmem", "setvcpus", "domrename", "dommemstat", "domblkstat",
    "net-list", "net-info", "net-dumpxml", "net-start", "net-destroy",
    "pool-list", "pool-info", "pool-dumpxml", "vol-list", "vol-info", "vol-dumpxml",
    "vol-create-as", "vol-delete", "iface-list", "nodedev-list", "nodeinfo",
    "nodememstats", "echo", "help", "snapshot-list", "snapshot-create-as",
    "checkpoint-list", "domjobinfo", "uri", "hostname", NULL,
};

static struct lvsh_session sess;
static bool ready;

static void setup(void)
{
    int real = dup(STDOUT_FILENO);
    fuzz_out = fdopen(real, "w");
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
#ifndef LVSH_LIBFUZZER   /* libFuzzer reports on stderr: keep it */
    dup2(null, STDERR_FILENO);
#endif
    close(null);
    session_init(&sess);
    sess.uri = xstrdup("test:///default");
    virSetErrorFunc(NULL, result_libvirt_error_hook);
    if (virInitialize() == 0 && session_start_event_loop(&sess))
        ready = true;
}

static bool allowed_name(const char *w)
{
    for (int i = 0; allowed[i]; i++)
        if (strcmp(allowed[i], w) == 0)
            return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int count;
    struct tok_list l;

    if (!ready && !fuzz_out)
        setup();
    if (!ready)
        return 0;
    tokenize((const char *)data, size, 1, &l);
    for (int i = 0; i < l.ncmds && i < 8; i++) {
        struct tok_cmd *c = &l.cmds[i];
        if (!allowed_name(c->argv[0])) {
            free(c->argv[0]);
            c->argv[0] = xstrdup(allowed[(unsigned)(size + (size_t)i) %
                                         (sizeof(allowed) / sizeof(allowed[0]) - 1)]);
        }
        enum lvsh_status st = dispatch_argv(&sess, c->argc, c->argv, "<fuzz>", 1);
        if (st != LVSH_OK && st != LVSH_FAILED && st != LVSH_USAGE)
            fuzz_fail(&props[P_STATUS], "a status outside 0-2");
        sess.quit_requested = false;
    }
    tok_list_free(&l);
    if (++count % 64 == 0) {   /* now and then: does the connection still answer? */
        char *argv[] = { "uri", NULL };
        if (dispatch_argv(&sess, 1, argv, "<fuzz>", 1) != LVSH_OK)
            fuzz_fail(&props[P_ALIVE], "the session no longer answers");
    }
    return 0;
}

#ifndef LVSH_LIBFUZZER
int main(int argc, char **argv)
{
    int st = fuzz_main(argc, argv, "fuzz-dispatch", props, P__COUNT, 1500);
    if (ready)
        session_free(&sess);
    return st;
}
#endif
