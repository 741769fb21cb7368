/* main.c: global options, choosing a mode, and the process exit status. */
#include "lvsh.h"
#include "bounded.h"
#include "dispatch.h"
#include "globalopts.h"
#include "result.h"
#include "repl.h"
#include "session.h"
#include "util.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>

/* The one piece of state a signal handler may touch. */
static volatile sig_atomic_t sigint_seen;

static void on_sigint(int sig)
{
    (void)sig;
    sigint_seen = 1;
}

/* libxml2 would print parse warnings of libvirt's own files on stderr. */
static void xml_error_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void usage(FILE *f)
{
    fputs("usage: lvsh [OPTIONS] [COMMAND [ARGS...]]\n"
          "       lvsh [OPTIONS] 'cmd1; cmd2'\n"
          "       lvsh [OPTIONS] -f FILE\n"
          "\n"
          "An interactive shell for libvirt.\n\n", f);
    for (const struct lvsh_global_opt *o = lvsh_global_opts; o->help; o++) {
        char flags[64];
        int n = o->short_name ? snprintf(flags, sizeof(flags), "-%c", o->short_name)
                              : snprintf(flags, sizeof(flags), "  ");
        if (o->long_name)
            n += snprintf(flags + n, sizeof(flags) - (size_t)n, "%s--%s",
                          o->short_name ? ", " : "  ", o->long_name);
        if (o->arg)
            snprintf(flags + n, sizeof(flags) - (size_t)n, "%c%s", o->long_name ? '=' : ' ',
                     o->arg);
        fprintf(f, "  %-28s %s\n", flags, o->help);
    }
    fputs("\nRun 'lvsh help' for the list of commands.\n", f);
}

static bool parse_format(const char *s, enum lvsh_format *f)
{
    static const struct { const char *name; enum lvsh_format fmt; } fmts[] = {
        { "table", LVSH_FMT_TABLE }, { "text", LVSH_FMT_TABLE }, { "json", LVSH_FMT_JSON },
        { "csv", LVSH_FMT_CSV }, { "vertical", LVSH_FMT_VERTICAL },
    };
    for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++)
        if (strcmp(s, fmts[i].name) == 0) {
            *f = fmts[i].fmt;
            return true;
        }
    return false;
}

static bool parse_nonneg(const char *s, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0)
        return false;
    *out = v;
    return true;
}

static void print_versions(void)
{
    unsigned long v = 0;
    virGetVersion(&v, NULL, NULL);
    printf("lvsh %s\nlibvirt library %lu.%lu.%lu (compiled against %d.%d.%d)\n", LVSH_VERSION,
           v / 1000000, (v / 1000) % 1000, v % 1000, LIBVIR_VERSION_NUMBER / 1000000,
           (LIBVIR_VERSION_NUMBER / 1000) % 1000, LIBVIR_VERSION_NUMBER % 1000);
}

struct main_opts {
    const char *file;
    bool stop_on_error;
    int version;   /* 1 short, 2 long */
};

/* Returns -1 to go on, or an exit status. */
static int parse_global(int argc, char **argv, struct lvsh_session *s, struct main_opts *m)
{
    enum { OPT_JSON = 256, OPT_ON_ERROR, OPT_CONNECT_TIMEOUT, OPT_TIMEOUT };
    static const struct option longopts[] = {
        { "connect", required_argument, NULL, 'c' },
        { "readonly", no_argument, NULL, 'r' },
        { "quiet", no_argument, NULL, 'q' },
        { "json", no_argument, NULL, OPT_JSON },
        { "output", required_argument, NULL, 'o' },
        { "file", required_argument, NULL, 'f' },
        { "on-error", required_argument, NULL, OPT_ON_ERROR },
        { "keepalive-interval", required_argument, NULL, 'k' },
        { "keepalive-count", required_argument, NULL, 'K' },
        { "escape", required_argument, NULL, 'e' },
        { "connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT },
        { "timeout", required_argument, NULL, OPT_TIMEOUT },
        { "version", no_argument, NULL, 'v' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    long n;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:c:rqo:f:k:K:e:vVh", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': free(s->uri); s->uri = xstrdup(optarg); break;
        case 'r': s->readonly = true; break;
        case 'q': s->quiet = true; break;
        case OPT_JSON: s->format = LVSH_FMT_JSON; break;
        case 'o':
            if (!parse_format(optarg, &s->format)) {
                fprintf(stderr, "error: unknown output format '%s' (table, json, csv, vertical)\n", optarg);
                return 2;
            }
            break;
        case 'f': m->file = optarg; break;
        case OPT_ON_ERROR:
            if (strcmp(optarg, "stop") && strcmp(optarg, "continue")) {
                fprintf(stderr, "error: --on-error takes 'stop' or 'continue', not '%s'\n", optarg);
                return 2;
            }
            m->stop_on_error = strcmp(optarg, "stop") == 0;
            break;
        case 'k':
            if (!parse_nonneg(optarg, &n) || n > 3600) {
                fprintf(stderr, "error: invalid keepalive interval '%s'\n", optarg);
                return 2;
            }
            s->keepalive_interval = (int)n;
            break;
        case 'K':
            if (!parse_nonneg(optarg, &n) || n > 1000) {
                fprintf(stderr, "error: invalid keepalive count '%s'\n", optarg);
                return 2;
            }
            s->keepalive_count = (unsigned)n;
            break;
        case 'e': s->console_escape = optarg; break;
        case OPT_CONNECT_TIMEOUT:
        case OPT_TIMEOUT:
            if (!parse_nonneg(optarg, &n) || n > 86400) {
                fprintf(stderr, "error: invalid %s '%s' (seconds, 0 for none)\n",
                        c == OPT_TIMEOUT ? "timeout" : "connect timeout", optarg);
                return 2;
            }
            *(c == OPT_TIMEOUT ? &s->timeout : &s->connect_timeout) = (int)n;
            break;
        case 'v': m->version = 1; break;
        case 'V': m->version = 2; break;
        case 'h': usage(stdout); return 0;
        case ':':
            fprintf(stderr, "error: option '%s' needs a value\n", argv[optind - 1]);
            return 2;
        default:
            fprintf(stderr, "error: unknown option '%s' (see lvsh --help)\n", argv[optind - 1]);
            return 2;
        }
    }
    return -1;
}

static int run_mode(struct lvsh_session *s, struct main_opts *m, int argc, char **argv)
{
    if (m->file) {
        if (strcmp(m->file, "-") == 0)
            return run_stream(s, stdin, "<stdin>", m->stop_on_error);
        FILE *f = fopen(m->file, "r");
        if (!f) {
            fprintf(stderr, "error: cannot open '%s': %m\n", m->file);
            return 1;
        }
        int st = run_stream(s, f, m->file, m->stop_on_error);
        fclose(f);
        return st;
    }
    if (optind < argc) {
        s->trailer = true;  /* virsh's blank line after each one-shot command */
        if (argc - optind == 1)
            return run_text(s, argv[optind], strlen(argv[optind]), NULL, 1,
                            m->stop_on_error);
        return dispatch_argv(s, argc - optind, argv + optind, NULL, 0);
    }
    if (isatty(STDIN_FILENO)) {
        s->interactive = true;
        return repl_run(s);
    }
    return run_stream(s, stdin, "<stdin>", m->stop_on_error);
}

int main(int argc, char **argv)
{
    struct lvsh_session s;
    struct main_opts m = { NULL, true, 0 };

    setlocale(LC_ALL, "");
    session_init(&s);
    const char *env = getenv("LVSH_DEFAULT_URI");
    if (env && *env)
        s.uri = xstrdup(env);
    int st = parse_global(argc, argv, &s, &m);
    if (st < 0 && m.version) {
        if (m.version == 1)
            printf("%s\n", LVSH_VERSION);
        else
            print_versions();
        st = 0;
    }
    if (st >= 0) {
        session_free(&s);
        return st;
    }
    s.stdout_tty = isatty(STDOUT_FILENO);
    s.interrupted = &sigint_seen;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    virSetErrorFunc(NULL, result_libvirt_error_hook);
    xmlSetGenericErrorFunc(NULL, xml_error_quiet);
    if (virInitialize() < 0 || !session_start_event_loop(&s)) {
        fprintf(stderr, "error: cannot initialise libvirt\n");
        session_free(&s);
        return 1;
    }
    st = run_mode(&s, &m, argc, argv);
    session_free(&s);
    if (bounded_pending() > 0) {
        /* a call given up on is still inside libvirt: exit handlers must
         * not tear down what it uses; its memory goes with the process */
        fflush(NULL);
        _exit(st);
    }
    xmlCleanupParser();
    return st;
}
