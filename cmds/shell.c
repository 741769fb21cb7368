/* shell.c: commands of the shell itself (help, quit, connect, echo, cd, ...). */
#include "lvsh.h"
#include "cmdtab.h"
#include "complete.h"
#include "fleet.h"
#include "help.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum lvsh_status run_help(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    const char *topic = args_str(a, "command");
    (void)s;
    if (!topic) {
        help_groups(r, NULL);
        return LVSH_OK;
    }
    /* virsh's keywords first: 'help events' lists the event commands */
    if (help_virsh_keyword(r, topic))
        return LVSH_OK;
    const struct lvsh_cmd *c = cmdtab_find(topic);
    if (c) {
        help_command(c, r);
        return LVSH_OK;
    }
    if (cmdtab_group(topic)) {
        help_groups(r, topic);
        return LVSH_OK;
    }
    char *hint = cmdtab_suggest(topic);
    enum lvsh_status st = hint
        ? err_usage(r, "no command or group '%s' (did you mean %s?)", topic, hint)
        : err_usage(r, "no command or group '%s'", topic);
    free(hint);
    return st;
}

static const struct lvsh_opt opts_shell_help[] = {
    { .name = "command", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "a command name or a group keyword", .metavar = "command|group",
      .complete = LVSH_COMP_GROUP_OR_COMMAND },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_help = {
    .name = "help",
    .group = "shell",
    .summary = "print help for commands and groups",
    .description = "Without an argument, list every command by group.  With a group keyword, "
                   "list that group; with a command name, show its synopsis and options.  "
                   "With --json, the same as machine-readable JSON.",
    .opts = opts_shell_help,
    .handler = run_help,
};

static enum lvsh_status run_quit(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)a;
    (void)r;
    s->quit_requested = true;
    return LVSH_OK;
}

static const struct lvsh_opt opts_none[] = { LVSH_OPT_END };
static const char *const aliases_quit[] = { "exit", NULL };

static const struct lvsh_cmd cmd_quit = {
    .name = "quit",
    .aliases = aliases_quit,
    .group = "shell",
    .summary = "leave the shell",
    .description = "End the interactive session or the script.",
    .opts = opts_none,
    .flags = LVSH_CMD_NO_JSON | LVSH_CMD_BARE,
    .handler = run_quit,
};

static enum lvsh_status run_connect(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    const char *uri = args_str(a, "name");
    char *want = uri ? fleet_single_uri(uri) : NULL;   /* an inventory host */
    if (!want)
        want = uri || s->uri ? xstrdup(uri ? uri : s->uri) : NULL;
    bool ro = args_has(a, "readonly");
    enum lvsh_status st = session_connect(s, want, ro, r);
    free(want);
    if (st == LVSH_OK && uri)
        session_set_host_name(s, uri);
    if (st == LVSH_OK)
        out_json(r, json_pack("{s:o,s:b}", "uri", json_str(s->conn_uri), "readonly", ro));
    return st;
}

static const struct lvsh_opt opts_shell_connect[] = {
    { .name = "name", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "hypervisor connection URI (default: the current one)", .metavar = "uri",
      .complete = LVSH_COMP_URI },
    { .name = "readonly", .type = LVSH_OPT_BOOL, .help = "connect read-only" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_connect = {
    .name = "connect",
    .group = "shell",
    .summary = "connect (again) to a hypervisor",
    .description = "Open a connection to URI, replacing the current one.  Without a URI, "
                   "reconnect to the current hypervisor.",
    .opts = opts_shell_connect,
    .handler = run_connect,
};

/* Quote for POSIX sh only when needed, as virsh's echo --shell does. */
static void echo_shell_quote(struct buf *b, const char *w)
{
    bool plain = *w != '\0';
    for (const char *p = w; *p && plain; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                    "@%+=:,./-_", *p))
            plain = false;
    if (plain) {
        buf_adds(b, w);
        return;
    }
    buf_addc(b, '\'');
    for (; *w; w++) {
        if (*w == '\'')
            buf_adds(b, "'\\''");
        else
            buf_addc(b, *w);
    }
    buf_addc(b, '\'');
}

static void echo_xml_escape(struct buf *b, const char *w)
{
    for (; *w; w++) {
        switch (*w) {
        case '<': buf_adds(b, "&lt;"); break;
        case '>': buf_adds(b, "&gt;"); break;
        case '&': buf_adds(b, "&amp;"); break;
        case '"': buf_adds(b, "&quot;"); break;
        case '\'': buf_adds(b, "&apos;"); break;
        default: buf_addc(b, *w);
        }
    }
}

/* Append to a word array, doubling it at powers of two: growing one slot at
 * a time is quadratic where realloc() copies (valgrind, small blocks). */
static void echo_push(char ***v, int *n, char *s)
{
    if ((*n & (*n - 1)) == 0)
        *v = xrealloc(*v, (size_t)(*n ? *n * 2 : 1) * sizeof(char *));
    (*v)[(*n)++] = s;
}

/* --split: each argument splits on ','; ",," stands for a literal comma. */
static void echo_split(const char *w, char ***out, int *n)
{
    struct buf cur = BUF_INIT;
    for (const char *p = w;; p++) {
        if (*p == ',' && p[1] == ',') {
            buf_addc(&cur, ',');
            p++;
        } else if (*p == ',' || *p == '\0') {
            echo_push(out, n, buf_steal(&cur));
            if (!*p)
                break;
        } else {
            buf_addc(&cur, *p);
        }
    }
    buf_free(&cur);
}

/* One argument as echo prints it: escaped, quoted, or split into lines. */
static void echo_word(const struct lvsh_args *a, const char *word, struct buf *out,
                      json_t *words)
{
    if (args_has(a, "split")) {
        char **parts = NULL;
        int n = 0;
        echo_split(word, &parts, &n);
        for (int i = 0; i < n; i++) {
            buf_printf(out, "%s\n", parts[i]);   /* virsh ends each piece with a newline */
            json_array_append_new(words, json_str(parts[i]));
            free(parts[i]);
        }
        free(parts);
        return;
    }
    struct buf w = BUF_INIT;
    if (args_has(a, "xml"))
        echo_xml_escape(&w, word);
    else
        buf_adds(&w, word);
    if (args_has(a, "shell")) {
        char *t = buf_steal(&w);
        echo_shell_quote(&w, t);
        free(t);
    }
    buf_adds(out, buf_str(&w));
    json_array_append_new(words, json_str(buf_str(&w)));
    buf_free(&w);
}

static enum lvsh_status run_echo(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    int n = 0;
    char *const *args = args_rest(a, "string", &n);
    struct buf b = BUF_INIT;
    json_t *words = json_array();
    (void)s;

    for (int i = 0; i < n; i++) {
        if (i)
            buf_addc(&b, ' ');
        echo_word(a, args[i], &b, words);
    }
    /* virsh prints the words without a newline and its one-shot blank line
     * ends them; --err goes to stderr as an error line, the blank line stays */
    if (args_has(a, "err")) {
        out_err_line(r, "%s", buf_str(&b));
    } else {
        out_text(r, "%s\n", buf_str(&b));
        out_bare(r);
    }
    out_json(r, json_pack("{s:o,s:o}", "text", json_str(buf_str(&b)), "words", words));
    buf_free(&b);
    return LVSH_OK;
}

static const char *const excl_shell_echo[] = { "shell split", "xml split", NULL };

static const struct lvsh_opt opts_shell_echo[] = {
    { .name = "shell", .type = LVSH_OPT_BOOL, .help = "quote each word for a POSIX shell" },
    { .name = "xml", .type = LVSH_OPT_BOOL, .help = "escape each word for XML" },
    { .name = "split", .type = LVSH_OPT_BOOL,
      .help = "split each argument on ',' (',,' is a literal comma), one piece per line" },
    { .name = "err", .type = LVSH_OPT_BOOL, .help = "write to stderr instead of stdout" },
    LVSH_OPT_ALIAS_OF("str", "string"),
    LVSH_OPT_ALIAS_OF("hi", "string=hello"),
    { .name = "string", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL,
      .help = "words to print", .metavar = "string" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_echo = {
    .name = "echo",
    .group = "shell",
    .summary = "print the arguments",
    .description = "Print the words given, separated by single spaces.  Useful in scripts to "
                   "check quoting: --shell and --xml show each word escaped for that use.",
    .opts = opts_shell_echo,
    .exclusive = excl_shell_echo,
    .handler = run_echo,
};

static enum lvsh_status run_cd(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    const char *dir = args_str(a, "dir");
    (void)s;
    if (!dir)
        dir = getenv("HOME");
    if (!dir)
        return err_fail(r, "no directory given and HOME is not set");
    if (chdir(dir) < 0)
        return err_fail(r, "cannot change directory to '%s': %s", dir, strerror(errno));
    char *cwd = getcwd(NULL, 0);
    out_json(r, json_pack("{s:o}", "cwd", json_str(cwd)));
    free(cwd);
    return LVSH_OK;
}

static const struct lvsh_opt opts_shell_cd[] = {
    { .name = "dir", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "directory to switch to (default: $HOME)", .metavar = "directory",
      .complete = LVSH_COMP_DIR },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_cd = {
    .name = "cd",
    .group = "shell",
    .summary = "change the current directory",
    .description = "Change the directory that relative file names are resolved against.",
    .opts = opts_shell_cd,
    .handler = run_cd,
};

static enum lvsh_status run_pwd(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    (void)a;
    char *cwd = getcwd(NULL, 0);
    if (!cwd)
        return err_fail(r, "cannot get the current directory: %s", strerror(errno));
    out_text(r, "%s\n", cwd);
    out_json(r, json_pack("{s:o}", "cwd", json_str(cwd)));
    free(cwd);
    return LVSH_OK;
}

static const struct lvsh_cmd cmd_pwd = {
    .name = "pwd",
    .group = "shell",
    .summary = "print the current directory",
    .description = "Print the directory that relative file names are resolved against.",
    .opts = opts_none,
    .handler = run_pwd,
};

static const char *const set_names[] = {
    "output", "quiet", "pager", "timing", "prompt", "timeout", "connect-timeout", NULL,
};
static const char *const on_off[] = { "on", "off", NULL };

/* What `set NAME <TAB>` offers (complete.c asks through complete_set_values). */
const char *const *shell_set_values(const char *name)
{
    if (!name)
        return NULL;
    if (strcmp(name, "output") == 0)
        return lvsh_format_names;
    if (strcmp(name, "quiet") == 0 || strcmp(name, "pager") == 0 ||
        strcmp(name, "timing") == 0)
        return on_off;
    return NULL;
}

static void set_show(const struct lvsh_session *s, struct lvsh_result *r)
{
    out_record_width(r, 17);
    out_field_str(r, "output", "output", lvsh_format_names[s->format]);
    out_field(r, "quiet", "quiet", json_boolean(s->quiet), s->quiet ? "on" : "off");
    out_field(r, "pager", "pager", json_boolean(s->pager), s->pager ? "on" : "off");
    out_field(r, "timing", "timing", json_boolean(s->timing), s->timing ? "on" : "off");
    out_field_str(r, "prompt", "prompt", s->prompt ? s->prompt : "lvsh %m%# ");
    out_field_fmt(r, "timeout", "timeout", json_integer(s->timeout), "%d", s->timeout);
    out_field_fmt(r, "connect-timeout", "connect_timeout", json_integer(s->connect_timeout),
                  "%d", s->connect_timeout);
}

static bool *set_flag(struct lvsh_session *s, const char *name)
{
    if (strcmp(name, "quiet") == 0)
        return &s->quiet;
    if (strcmp(name, "pager") == 0)
        return &s->pager;
    if (strcmp(name, "timing") == 0)
        return &s->timing;
    return NULL;
}

static enum lvsh_status run_set(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    const char *name = args_str(a, "name"), *value = args_str(a, "value");
    bool *flag;
    if (!name) {
        set_show(s, r);
        return LVSH_OK;
    }
    if (!value)
        return err_usage(r, "'set %s' needs a value", name);
    if (strcmp(name, "timeout") == 0 || strcmp(name, "connect-timeout") == 0) {
        char *end;
        errno = 0;
        long v = strtol(value, &end, 10);
        if (!*value || *end || v < 0 || v > 86400 || errno)
            return err_usage(r, "'set %s' takes seconds (0 for none), not '%s'", name, value);
        *(strcmp(name, "timeout") == 0 ? &s->timeout : &s->connect_timeout) = (int)v;
        return LVSH_OK;
    }
    if (strcmp(name, "output") == 0) {
        if (lvsh_format_parse(value, &s->format))
            return LVSH_OK;
        return err_usage(r, "unknown output format '%s' (" LVSH_FORMAT_LIST ")", value);
    }
    if (strcmp(name, "prompt") == 0) {   /* an empty format brings the default back */
        free(s->prompt);
        s->prompt = *value ? xstrdup(value) : NULL;
        return LVSH_OK;
    }
    if (!(flag = set_flag(s, name)))
        return err_usage(r, "no setting '%s' (output, quiet, pager, timing, prompt)", name);
    if (strcmp(value, "on") == 0 || strcmp(value, "off") == 0) {
        *flag = strcmp(value, "on") == 0;
        return LVSH_OK;
    }
    return err_usage(r, "'set %s' takes 'on' or 'off', not '%s'", name, value);
}

static const struct lvsh_opt opts_shell_set[] = {
    { .name = "name", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL,
      .help = "setting to change", .choices = set_names, .complete = LVSH_COMP_CHOICES,
      .metavar = "setting" },
    { .name = "value", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_EMPTY_OK, .complete = LVSH_COMP_SET_VALUE,
      .help = "new value: output table|json|csv|vertical; quiet, pager, timing on|off; "
              "prompt FORMAT; timeout and connect-timeout in seconds (0: none)" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_set = {
    .name = "set",
    .group = "shell",
    .summary = "show or change session settings",
    .description = "Without arguments, show the settings.  'set output json' makes JSON the "
                   "default output of commands for the rest of the session (a command's own "
                   "--json still applies to that command; help stays text); 'set quiet on' "
                   "drops headers and messages; 'set pager off' stops paging output longer "
                   "than the terminal; 'set timing on' prints the time each command took "
                   "(as -t); 'set timeout 30' fails any command still running after 30 s and "
                   "'set connect-timeout 5' bounds opening a connection (as --timeout and "
                   "--connect-timeout do; 0 means no limit).  'set prompt FORMAT' sets the prompt, with these escapes: %m the "
                   "host's short name (the driver for a local URI; the name -c or connect "
                   "gave it, as kvm01 of the inventory), %M the full host name, "
                   "%U the URI, %d the driver, %# '#' or '>' when read-only, %? the last "
                   "line's exit status, %[ and %] around colour escapes, %% a percent sign.  "
                   "The default is 'lvsh %m%# '; an empty FORMAT brings it back.",
    .opts = opts_shell_set,
    .handler = run_set,
};

LVSH_FAMILY(shell) = {
    &cmd_help, &cmd_quit, &cmd_connect, &cmd_echo, &cmd_cd, &cmd_pwd, &cmd_set, NULL,
};
