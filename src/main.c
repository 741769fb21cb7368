/* main.c: global options, choosing a mode, and the process exit status. */
#include "lvsh.h"
#include "cmdtab.h"
#include "bounded.h"
#include "dispatch.h"
#include "fleet.h"
#include "options.h"
#include "globalopts.h"
#include "result.h"
#include "repl.h"
#include "session.h"
#include "xmlutil.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
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
    bool on_error_given;
    int version;   /* 1 short, 2 long */
    bool no_rc;    /* -n: skip the start-up file */
    int nconnect;  /* -c given this many times: more than once is a fleet */
};

/* A global option problem: virsh mode words it as virsh and exits 1. */
static int global_error(const struct lvsh_session *s, const char *lvsh_msg,
                        const char *virsh_msg)
{
    fprintf(stderr, "error: %s\n", s->virsh_mode && virsh_msg ? virsh_msg : lvsh_msg);
    return s->virsh_mode ? 1 : 2;
}

/* The option getopt stopped at: "-x" for a short one (even "-x0"), else the
 * long word up to any "=value". */
static char *bad_option_word(char **argv)
{
    const char *w = argv[optind - 1];
    if (optopt && !(w[0] == '-' && w[1] == '-'))
        return xasprintf("-%c", optopt);
    const char *eq = strchr(w, '=');
    return eq ? xstrndup(w, (size_t)(eq - w)) : xstrdup(w);
}

/* Returns -1 to go on, or an exit status. */
static int parse_global(int argc, char **argv, struct lvsh_session *s, struct main_opts *m)
{
    const char *optstring;
    const struct option *longopts;
    globalopts_getopt(&optstring, &longopts);
    int c;
    long n;
    char *word, *msg;
    opterr = 0;
    while ((optopt = 0, c = getopt_long(argc, argv, optstring, longopts,
                                        NULL)) != -1) {
        switch (c) {
        case 'c':
            if (m->nconnect++ > 0) {   /* -c a -c b: the hosts a,b (fleet.h) */
                char *both = xasprintf("%s,%s", s->uri, optarg);
                free(s->uri);
                s->uri = both;
            } else {
                free(s->uri);
                s->uri = xstrdup(optarg);
            }
            s->uri_named = true;
            break;
        case GOPT_FANOUT:
            if (!parse_nonneg(optarg, &n) || n < 1 || n > 10000) {
                fprintf(stderr, "error: invalid fanout '%s' (1 to 10000 hosts at once)\n", optarg);
                return 2;
            }
            fleet_of(s)->fanout = (int)n;
            break;
        case GOPT_BY_HOST: fleet_of(s)->by_host = true; break;
        case GOPT_YES: fleet_of(s)->yes = true; break;
        case GOPT_DRY_RUN: fleet_of(s)->dry_run = true; break;
        case 'r': s->readonly = true; break;
        case 'q': s->quiet = true; break;
        case GOPT_JSON: s->format = LVSH_FMT_JSON; break;
        case 'o':
            if (!lvsh_format_parse(optarg, &s->format)) {
                fprintf(stderr, "error: unknown output format '%s' (" LVSH_FORMAT_LIST ")\n",
                        optarg);
                return 2;
            }
            break;
        case 'f': m->file = optarg; break;
        case GOPT_ON_ERROR:
            if (strcmp(optarg, "stop") && strcmp(optarg, "continue")) {
                fprintf(stderr, "error: --on-error takes 'stop' or 'continue', not '%s'\n", optarg);
                return 2;
            }
            m->stop_on_error = strcmp(optarg, "stop") == 0;
            m->on_error_given = true;
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
        case GOPT_CONNECT_TIMEOUT:
        case GOPT_TIMEOUT:
            if (!parse_nonneg(optarg, &n) || n > 86400) {
                fprintf(stderr, "error: invalid %s '%s' (seconds, 0 for none)\n",
                        c == GOPT_TIMEOUT ? "timeout" : "connect timeout", optarg);
                return 2;
            }
            *(c == GOPT_TIMEOUT ? &s->timeout : &s->connect_timeout) = (int)n;
            break;
        case 't': s->timing = true; break;
        case 'n': m->no_rc = true; break;
        case GOPT_NO_HEADER: s->no_header = true; break;
        case 'v':
            /* virsh: --version=long is -V, anything else the short form */
            m->version = optarg && strcmp(optarg, "long") == 0 ? 2 : 1;
            break;
        case 'd':
            if (!parse_nonneg(optarg, &n))
                return global_error(s, "option -d takes a number from 0 to 4",
                                    "option -d takes a numeric argument");
            if (n > 4)
                fprintf(stderr, "error: ignoring debug level %ld out of range [0-4]\n", n);
            else
                s->debug_level = (int)n;
            break;
        case 'l':
            if (s->log)
                fclose(s->log);
            s->log = fopen(optarg, "a");
            if (!s->log) {
                fprintf(stderr, "error: cannot open log file '%s': %m\n", optarg);
                return s->virsh_mode ? 1 : 2;
            }
            break;
        case GOPT_VIRSH: s->virsh_mode = true; break;
        case 'V': m->version = 2; break;
        case 'h': usage(stdout); return 0;
        case ':':
            word = bad_option_word(argv);
            msg = xasprintf("option '%s' needs a value", word);
            c = global_error(s, msg, NULL);
            free(msg);
            free(word);
            return c;
        default:
            word = bad_option_word(argv);
            msg = xasprintf("unknown option '%s' (see lvsh --help)", word);
            char *vmsg = xasprintf("unsupported option '%s'. See --help.", word);
            c = global_error(s, msg, vmsg);
            free(vmsg);
            free(msg);
            free(word);
            return c;
        }
    }
    return -1;
}

/* The single-string one-shot: the text is copied, and the process argument
 * wiped when any of its commands could hold a secret (/proc/PID/cmdline is
 * readable by every user), before anything connects. */
static char *scrub_one_string(char *arg)
{
    size_t len = strlen(arg);
    char *copy = xstrndup(arg, len);
    if (cmdtab_text_may_hold_secret(copy, len))
        wipe(arg, len);
    return copy;
}

/* The argv one-shot: the words are copied, and the values of secret
 * options (or, when the line does not parse, every word after the command)
 * wiped from the process arguments before anything connects. */
static char **scrub_argv(int argc, char **argv)
{
    char **copy = xcalloc((size_t)argc + 1, sizeof(char *));
    for (int i = 0; i < argc; i++)
        copy[i] = xstrdup(argv[i]);
    const struct lvsh_cmd *cmd = cmdtab_find(argv[0]);
    if (!cmdtab_may_hold_secret(argc, argv, false))
        return copy;
    struct lvsh_result r;
    struct lvsh_args a;
    result_init(&r);
    memset(&a, 0, sizeof(a));
    if (!cmd || opts_parse(cmd, argc, copy, &a, &r) != LVSH_OK) {
        for (int i = 1; i < argc; i++)
            wipe(argv[i], strlen(argv[i]));
    } else {
        for (int k = 0; k < a.nopts; k++) {
            const char *v = a.v[k].set ? a.v[k].str : NULL;
            if (!v || !(cmd->opts[k].flags & LVSH_OPTF_SECRET))
                continue;
            for (int i = 1; i < argc; i++)   /* the word it came from, maybe after '=' */
                if (v >= copy[i] && v < copy[i] + strlen(copy[i]) + 1)
                    wipe(argv[i] + (v - copy[i]), strlen(v));
        }
    }
    args_free(&a);
    result_free(&r);
    return copy;
}

static void strv_wipe_free(char **v)
{
    for (int i = 0; v[i]; i++) {
        wipe(v[i], strlen(v[i]));
        free(v[i]);
    }
    free(v);
}

/* -c with several hosts (a list, a group, a range, -c twice) makes a fleet;
 * -c NAME of one inventory host opens its URI.  Returns -1 to go on. */
static int setup_targets(struct lvsh_session *s, const struct main_opts *m)
{
    if (!s->uri)
        return -1;
    if (m->nconnect < 2 && !inventory_spec_is_set(s->uri)) {
        char *uri = fleet_single_uri(s->uri);
        session_set_host_name(s, s->uri);   /* kvm01 in the prompt, not its URI */
        if (uri) {
            free(s->uri);
            s->uri = uri;
        }
        return -1;
    }
    struct inv_host *h;
    size_t n;
    char *err;
    if (!fleet_resolve(s->uri, &h, &n, &err)) {
        fprintf(stderr, "error: %s\n", err);
        free(err);
        return 2;
    }
    fleet_set_hosts(s, h, n);
    inv_hosts_free(h, n);
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
        int st;
        s->trailer = true;  /* virsh's blank line after each one-shot command */
        if (argc - optind == 1) {
            char *text = scrub_one_string(argv[optind]);
            st = run_text(s, text, strlen(text), NULL, 1, m->stop_on_error);
            wipe(text, strlen(text));
            free(text);
        } else {
            char **words = scrub_argv(argc - optind, argv + optind);
            st = dispatch_argv(s, argc - optind, words, NULL, 0);
            strv_wipe_free(words);
        }
        return st;
    }
    if (isatty(STDIN_FILENO)) {
        s->interactive = true;
        return repl_run(s, !m->no_rc);
    }
    return run_stream(s, stdin, "<stdin>", m->stop_on_error);
}

/* Descriptors 0-2 closed at start would be reused by the next open (libvirt's
 * socket as fd 1 would receive the tables): hold them on /dev/null, read-only,
 * so output to a closed stdout fails (EBADF) instead of vanishing. */
static void std_fds_hold(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
            continue;
        int n = open("/dev/null", O_RDONLY);
        if (n >= 0 && n != fd) {   /* open takes the lowest free one: fd */
            dup2(n, fd);
            close(n);
        }
    }
}

int main(int argc, char **argv)
{
    struct lvsh_session s;
    struct main_opts m = { .file = NULL, .stop_on_error = true };

    std_fds_hold();
    setlocale(LC_ALL, "");
    session_init(&s);
    s.debug_level = 4;   /* virsh's default: errors only */
    /* invoked as virsh (a symlink named virsh): behave as virsh 9.0 */
    const char *base = strrchr(argv[0], '/');
    s.virsh_mode = strcmp(base ? base + 1 : argv[0], "virsh") == 0;
    /* -c, then $LVSH_DEFAULT_URI, then virsh's $VIRSH_DEFAULT_CONNECT_URI;
     * libvirt itself reads $LIBVIRT_DEFAULT_URI and its config after that */
    const char *env = getenv("LVSH_DEFAULT_URI");
    if (!env || !*env)
        env = getenv("VIRSH_DEFAULT_CONNECT_URI");
    if (env && *env)
        s.uri = xstrdup(env);
    int st = parse_global(argc, argv, &s, &m);
    if (st < 0 && !m.version)
        st = setup_targets(&s, &m);
    /* virsh goes on after a failed command; --on-error still decides */
    if (s.virsh_mode && !m.on_error_given)
        m.stop_on_error = false;
    if (st < 0 && m.version) {
        if (m.version == 1)
            printf("%s\n", LVSH_VERSION);
        else
            print_versions();
        st = 0;
    }
    if (st >= 0) {
        if (s.log)
            fclose(s.log);
        fleet_free(&s);
        session_free(&s);
        return render_exit_status(st);
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
    xml_init_before_threads();
    xml_quiet_this_thread();
    if (virInitialize() < 0 || !session_start_event_loop(&s)) {
        fprintf(stderr, "error: cannot initialise libvirt\n");
        session_free(&s);
        return 1;
    }
    if (s.virsh_mode && s.uri_named)
        st = dispatch_connect_first(&s);
    else
        st = LVSH_OK;
    if (st == LVSH_OK)
        st = run_mode(&s, &m, argc, argv);
    bool virsh = s.virsh_mode;
    if (s.log)
        fclose(s.log);
    fleet_free(&s);
    session_free(&s);
    /* virsh has one failure status: usage errors exit 1 too */
    st = render_exit_status(virsh && st == LVSH_USAGE ? 1 : st);
    if (bounded_pending() > 0) {
        /* a call given up on is still inside libvirt: exit handlers must
         * not tear down what it uses; its memory goes with the process */
        fflush(NULL);
        _exit(st);
    }
    xmlCleanupParser();
    return st;
}
