/* lvsh.h: the contract between the core and the command families.
 *
 * A command is one const struct lvsh_cmd: its option table drives parsing,
 * help, completion and the man page.  Handlers receive the session, the
 * parsed arguments and an empty result; they fill the result and return a
 * status.  They never print: the output layer renders the result. */
#ifndef LVSH_H
#define LVSH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <signal.h>
#include <pthread.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <jansson.h>

#define LVSH_VERSION "0.1.0"

/* Exit statuses: 0 success, 1 the command failed, 2 it was used wrongly,
 * 130 interrupted by Ctrl-C (as a shell reports SIGINT). */
enum lvsh_status { LVSH_OK = 0, LVSH_FAILED = 1, LVSH_USAGE = 2, LVSH_INTERRUPTED = 130 };

enum lvsh_opt_type {
    LVSH_OPT_BOOL,   /* --flag */
    LVSH_OPT_STRING, /* --name value */
    LVSH_OPT_INT,    /* signed integer, range-checked when min < max */
    LVSH_OPT_SIZE,   /* scaled size: 512M, 2GiB; bare numbers in .unit bytes */
    LVSH_OPT_REST,   /* every remaining positional word */
    LVSH_OPT_ALIAS,  /* another spelling: .alias_of is "name" or "name=value" */
};

#define LVSH_OPTF_REQUIRED   0x01u /* must be given */
#define LVSH_OPTF_POSITIONAL 0x02u /* may be given without its --name */
#define LVSH_OPTF_HIDDEN     0x04u /* accepted, not shown in help */
#define LVSH_OPTF_EMPTY_OK   0x08u /* an empty string is a valid value */
#define LVSH_OPTF_SECRET     0x10u /* value is sensitive: never echo or log */
#define LVSH_OPTF_WRITES     0x20u /* giving it makes the command change state:
                                      refused under -r before connecting */
#define LVSH_OPTF_NAMED      0x40u /* never filled by a positional word */
#define LVSH_OPTF_VIRSH_WORD 0x80u /* a number virsh reads as a plain word: missing,
                                      virsh says "requires <name>", not "--name" */

/* Every non-bool option takes positional words in table order, as virsh
 * fills them (LVSH_OPTF_POSITIONAL only shows it in help and completion);
 * LVSH_OPTF_NAMED opts out, as virsh's --xpath. */

/* What TAB offers for an option's value. */
enum lvsh_completer {
    LVSH_COMP_NONE = 0,
    LVSH_COMP_FILE,
    LVSH_COMP_DIR,
    LVSH_COMP_CHOICES,       /* the option's .choices */
    LVSH_COMP_COMMAND,       /* command names (help CMD) */
    LVSH_COMP_GROUP_OR_COMMAND,
    LVSH_COMP_DOMAIN,
    LVSH_COMP_DOMAIN_ACTIVE,
    LVSH_COMP_DOMAIN_INACTIVE,
    LVSH_COMP_DOMAIN_RUNNING,
    LVSH_COMP_DOMAIN_PAUSED,
    LVSH_COMP_DOMAIN_PERSISTENT,
    LVSH_COMP_DOMAIN_SNAPSHOT, /* snapshots of the --domain given */
    LVSH_COMP_DOMAIN_CHECKPOINT, /* checkpoints of the --domain given */
    LVSH_COMP_DOMAIN_DISK,     /* disk targets of the --domain given */
    LVSH_COMP_DOMAIN_IFACE,    /* interfaces of the --domain given */
    LVSH_COMP_NETWORK,
    LVSH_COMP_NETWORK_ACTIVE,
    LVSH_COMP_NETWORK_INACTIVE,
    LVSH_COMP_NETWORK_PORT,
    LVSH_COMP_POOL,
    LVSH_COMP_POOL_ACTIVE,
    LVSH_COMP_POOL_INACTIVE,
    LVSH_COMP_VOLUME,        /* volumes of --pool, else volume paths */
    LVSH_COMP_SECRET,
    LVSH_COMP_NWFILTER,
    LVSH_COMP_NWFILTER_BINDING,
    LVSH_COMP_IFACE,
    LVSH_COMP_IFACE_ACTIVE,
    LVSH_COMP_IFACE_INACTIVE,
    LVSH_COMP_NODEDEV,
    LVSH_COMP_NODEDEV_CAP,
    LVSH_COMP_URI,           /* URIs and the inventory's host names */
    LVSH_COMP_EVENT,         /* event names of the command's family */
    LVSH_COMP_SET_VALUE,     /* values of the `set` setting given as --name */
    LVSH_COMP_SHUTDOWN_MODE, /* acpi,agent,...: a comma list of shutdown modes */
    LVSH_COMP_TARGETS,       /* a target list: inventory names, @groups, ranges, URIs */
    LVSH_COMP__COUNT
};

struct lvsh_opt {
    const char *name;             /* without the leading "--" */
    enum lvsh_opt_type type;
    unsigned flags;               /* LVSH_OPTF_* */
    const char *help;
    enum lvsh_completer complete;
    const char *const *choices;   /* NULL-terminated; if set, values must be one */
    long long min, max;           /* INT: accepted range when min < max */
    unsigned long long unit;      /* SIZE: bytes per bare number (0 = 1) */
    const char *metavar;          /* value name in help; defaults per type */
    const char *alias_of;         /* ALIAS: the option it spells, "name[=value]" */
    unsigned flag;                /* a libvirt flag bit: args_flags() ORs those given */
};

#define LVSH_CMD_CONN       0x01u /* needs a connection */
#define LVSH_CMD_WRITES     0x02u /* changes state: refused under -r */
#define LVSH_CMD_HIDDEN     0x04u /* not listed in help */
#define LVSH_CMD_NO_HISTORY 0x08u /* the line never enters history */
#define LVSH_CMD_XML        0x10u /* returns XML: has --xpath and --wrap */
#define LVSH_CMD_NO_JSON    0x20u /* no data to render as JSON (rare) */
#define LVSH_CMD_BARE       0x40u /* no virsh blank line after one-shot output */
#define LVSH_CMD_OPTS_FIRST 0x80u /* words after the first positional one are all
                                     positional (watch CMD --opt: --opt is CMD's) */

struct lvsh_session;
struct lvsh_args;
struct lvsh_result;

/* The kinds of object a command can act on (see .target, src/target.c). */
enum lvsh_kind {
    LVSH_KIND_NONE = 0,
    LVSH_KIND_DOMAIN,
    LVSH_KIND_NETWORK,
    LVSH_KIND_NET_PORT,          /* a port of --network */
    LVSH_KIND_POOL,
    LVSH_KIND_VOLUME,            /* by name with --pool, key or path */
    LVSH_KIND_SECRET,
    LVSH_KIND_INTERFACE,
    LVSH_KIND_NODEDEV,
    LVSH_KIND_NWFILTER,
    LVSH_KIND_NWFILTER_BINDING,
    LVSH_KIND__COUNT
};

typedef enum lvsh_status (*lvsh_handler)(struct lvsh_session *s,
                                         const struct lvsh_args *a,
                                         struct lvsh_result *r);

struct lvsh_cmd {
    const char *name;
    const char *const *aliases;   /* NULL-terminated, or NULL */
    const char *group;            /* a keyword from lvsh_groups[] */
    const char *summary;          /* one line, lowercase, no full stop */
    const char *description;      /* a paragraph for help and the man page */
    const struct lvsh_opt *opts;  /* ends with an entry whose name is NULL */
    const char *const *exclusive; /* NULL-terminated "a b c": at most one */
    unsigned flags;               /* LVSH_CMD_* */
    lvsh_handler handler;
    /* The object the command acts on: the core looks it up from the option
     * target_opt (default: the kind's word, "network") before the handler
     * runs, fails the command if it is not found, and frees it after the
     * output is rendered.  The handler reads it with args_target(). */
    enum lvsh_kind target;
    const char *target_opt;
};

/* Every cmds/<family>.c ends with LVSH_FAMILY(name) = { &cmd_x, ..., NULL };
 * the build collects those arrays, so src/ needs no per-family edits. */
#define LVSH_FAMILY(fam) const struct lvsh_cmd *const lvsh_family_##fam[]

/* Shorthand for option tables. */
#define LVSH_OPT_END { .name = NULL }
/* A hidden old spelling virsh still accepts: "--kilobytes" for "--size", or
 * "--shareable" for "--mode shareable" (target "mode=shareable"). */
#define LVSH_OPT_ALIAS_OF(alias, target) \
    { .name = (alias), .type = LVSH_OPT_ALIAS, .flags = LVSH_OPTF_HIDDEN, \
      .alias_of = (target), .help = "another spelling of --" target }
/* virsh's --config/--live/--current, the same everywhere: the bits are
 * VIR_DOMAIN_AFFECT_* (and the equal VIR_NETWORK_UPDATE_AFFECT_*), read with
 * args_flags(); LVSH_AFFECT_EXCL goes into the command's .exclusive. */
#define LVSH_AFFECT_OPTS(what) \
    { .name = "config", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_CONFIG, \
      .help = "the persistent definition of the " what }, \
    { .name = "live", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_AFFECT_LIVE, \
      .help = "the running " what }, \
    { .name = "current", .type = LVSH_OPT_BOOL, \
      .help = "the running " what " if it runs, else its definition (the default)" }
#define LVSH_AFFECT_EXCL "current live", "current config"
#define LVSH_XPATH_OPTS \
    { .name = "xpath", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED, \
      .help = "print only what this XPath expression selects", .metavar = "expr" }, \
    { .name = "wrap", .type = LVSH_OPT_BOOL, \
      .help = "wrap several XPath results in one <nodes> element" }

struct lvsh_group {
    const char *keyword;
    const char *title;
};
extern const struct lvsh_group lvsh_groups[];

/* ---- session ---------------------------------------------------------- */

enum lvsh_format { LVSH_FMT_TABLE, LVSH_FMT_JSON, LVSH_FMT_CSV, LVSH_FMT_VERTICAL };
/* The one table of format names, indexed by enum lvsh_format, NULL-ended
 * (what -o, `set output` and completion offer); "text" also means table. */
extern const char *const lvsh_format_names[];
/* name into *f; false when it names no format */
bool lvsh_format_parse(const char *name, enum lvsh_format *f);
/* "table, json, csv, vertical", for error messages */
#define LVSH_FORMAT_LIST "table, json, csv, vertical"

struct lvsh_cache; /* completion listings, owned by complete.c */
struct lvsh_bgconn; /* a background connect, owned by session_bg.c */
struct lvsh_fleet; /* several target hosts, owned by fleet.c */

struct lvsh_session {
    virConnectPtr conn;
    char *uri;                  /* what the user asked for; NULL = default */
    bool uri_named;             /* -c named it: virsh connects before any command, so
                                 * a failure prints nothing on stdout */
    bool readonly;
    bool quiet;
    enum lvsh_format format;    /* session default, `set output` changes it */
    int keepalive_interval;     /* seconds; <= 0 disables */
    unsigned keepalive_count;
    bool interactive;           /* a person at a terminal */
    bool no_auth_prompt;        /* completion must never prompt */
    bool stdout_tty;

    /* where the running command came from, for error messages */
    const char *where_file;
    int where_line;

    /* connection loss, set by the close callback on the event thread */
    pthread_mutex_t lock;
    bool conn_lost;
    int conn_lost_reason;       /* VIR_CONNECT_CLOSE_REASON_*, -1 unknown */
    virConnectPtr watched;      /* the connection whose loss counts */
    bool close_watched;         /* the close callback is registered on conn */
    struct lvsh_bgconn *bg;     /* a connect running in the background */

    /* the libvirt event loop thread */
    pthread_t event_thread;
    bool event_thread_running;
    volatile int event_quit;

    /* interruption by Ctrl-C: points at the signal handler's flag */
    volatile sig_atomic_t *interrupted;

    unsigned long write_generation; /* bumped after commands that write */
    struct lvsh_cache *cache;
    char *conn_uri;             /* the URI libvirt reports once connected */
    char *host_name;            /* -c/connect named the host (an inventory name, a
                                 * uri_aliases alias): shown for it, not its URI */
    const char *console_escape; /* -e: console escape sequence, "^]" */
    bool quit_requested;        /* set by quit/exit */
    bool trailer;               /* virsh one-shot: blank line after output */

    /* deadlines in seconds, 0 = none (--connect-timeout, --timeout) */
    int connect_timeout;
    int timeout;
    /* a command's private copy of the session (see dispatch.c): its parent */
    struct lvsh_session *parent;
    /* the interactive shell's settings (repl.c, pager.c, `set`) */
    bool timing;                /* -t, `set timing on`: elapsed time after commands */
    bool pager;                 /* `set pager on`: page output longer than the screen */
    bool no_pager_now;          /* inside watch or the rc file: never page */
    bool no_header;             /* --no-header: CSV without its header line */
    char *prompt;               /* `set prompt FORMAT`; NULL is the default */
    int last_status;            /* the last line's status, %? in the prompt */
    bool virsh_mode;            /* invoked as virsh or with --virsh: behave as virsh 9.0
                                 * where lvsh differs on purpose */
    int debug_level;            /* -d: virsh's levels, 0 (debug: a trace of the parsed
                                 * commands on stderr) to 4 (errors only, the default) */
    FILE *log;                  /* -l: errors are appended here, as virsh logs them */
    struct lvsh_fleet *fleet;   /* -c with several hosts, `use`: see fleet.h */
};

/* ---- parsed arguments -------------------------------------------------- */

struct lvsh_argval {
    bool set;
    const char *str;            /* STRING (and the text of INT/SIZE) */
    long long num;              /* INT */
    unsigned long long size;    /* SIZE, in bytes */
    char *const *rest;          /* REST */
    int nrest;
};

struct lvsh_args {
    const struct lvsh_cmd *cmd;
    struct lvsh_argval *v;      /* parallel to cmd->opts */
    int nopts;
    bool help;                  /* --help was given */
    int json;                   /* 1 when --json was given, else -1 */
    char **positional;          /* parser scratch */
    void *target;               /* cmd->target's object, owned by the core */
};

bool args_has(const struct lvsh_args *a, const char *name);
const char *args_str(const struct lvsh_args *a, const char *name);
bool args_int(const struct lvsh_args *a, const char *name, long long *out);
bool args_size(const struct lvsh_args *a, const char *name, unsigned long long *out);
char *const *args_rest(const struct lvsh_args *a, const char *name, int *n);
/* virsh's --config/--live/--current/--persistent into VIR_DOMAIN_AFFECT_* */
unsigned args_affect_flags(const struct lvsh_args *a);
/* The .flag bits of every option given, ORed (as git's OPT_BIT). */
unsigned args_flags(const struct lvsh_args *a);
/* The command's .target object (virNetworkPtr, ...), NULL without one. */
void *args_target(const struct lvsh_args *a);
/* The target's key as the user typed it (the value of its option). */
const char *args_target_key(const struct lvsh_args *a);

/* ---- results ----------------------------------------------------------- */

struct out_table;

/* text meant as data (stdout) */
void out_text(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* informational message like "Domain 'x' started" (dropped by -q) */
void out_info(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* a warning on stderr that does not fail the command */
void out_warn(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* a line on stderr in an error's words ("error: ..."), as virsh's echo --err,
 * that does not fail the command (JSON shows it as a warning) */
void out_err_line(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* this output already ends the way virsh ends it (a message without a
 * newline of its own): no one-shot blank line after it, as LVSH_CMD_BARE
 * but decided at run time, for commands whose modes differ */
void out_bare(struct lvsh_result *r);
/* an XML document; --xpath and --wrap apply to it */
void out_xml(struct lvsh_result *r, const char *xml);
/* the JSON form of the result; steals the reference */
void out_json(struct lvsh_result *r, json_t *v);
/* set one key of the JSON object form (creates it); steals the reference */
void out_json_set(struct lvsh_result *r, const char *key, json_t *v);

/* Tables: columns first, then rows of cells.  A cell has a JSON value and
 * optional display text; with text NULL the text comes from the value. */
#define OUT_COL_RIGHT 0x1u
#define OUT_COL_MACHINE 0x2u   /* in JSON and CSV only (a URI beside a host name) */
struct out_table *out_table(struct lvsh_result *r);
void out_table_col(struct out_table *t, const char *header, const char *key,
                   unsigned flags);
/* A table whose columns are fixed declares them as data (header, JSON key,
 * OUT_COL_* flags; up to a NULL header); out_table_col() adds one that
 * depends on the options. */
struct out_col {
    const char *header, *key;
    unsigned flags;
};
struct out_table *out_table_cols(struct lvsh_result *r, const struct out_col *cols);
void out_table_row(struct out_table *t);
void out_cell(struct out_table *t, json_t *value, const char *text);
void out_cell_str(struct out_table *t, const char *s);
void out_cell_int(struct out_table *t, long long v);
void out_cell_fmt(struct out_table *t, json_t *value, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Key/value records ("Name:           test"), in order. */
void out_record_width(struct lvsh_result *r, int label_width);
void out_field(struct lvsh_result *r, const char *label, const char *key,
               json_t *value, const char *text);
void out_field_str(struct lvsh_result *r, const char *label, const char *key,
                   const char *s);
void out_field_int(struct lvsh_result *r, const char *label, const char *key,
                   long long v);
void out_field_fmt(struct lvsh_result *r, const char *label, const char *key,
                   json_t *value, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Streaming, for commands that run until stopped (event loops): render one
 * record now and flush it, as a line of text or, under JSON output, as one
 * compact JSON object per line.  Steals record (NULL: text only).  Safe from
 * another thread as long as the handler is still running. */
void out_stream(struct lvsh_result *r, json_t *record, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Clear the terminal (watch redraws in place); nothing when stdout is not one. */
void out_stream_clear_screen(struct lvsh_result *r);
/* A warning shown at once on stderr (a streaming command cannot wait). */
void out_stream_warn(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Errors: each returns the status to return from the handler. */
/* a libvirt call failed: message plus libvirt's own last error */
enum lvsh_status err_virt(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* as err_virt, but text shows only libvirt's line, as virsh does where it
 * adds no message of its own (JSON keeps both) */
enum lvsh_status err_lib(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* lvsh's own failure (no libvirt detail) */
enum lvsh_status err_fail(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* the user got the command wrong: exit 2 */
enum lvsh_status err_usage(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* a second line for the error just set (JSON's "detail"), where virsh
 * prints two: libvirt's words for what lvsh checked itself, or virsh's own
 * failure line after the reason ("Failed to detach interface") */
void err_add_detail(struct lvsh_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Helpers that build JSON values safely (invalid UTF-8 is escaped). */
json_t *json_str(const char *s);       /* NULL -> json null */
json_t *json_strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- connection -------------------------------------------------------- */

/* Connect if needed (lazy); on failure fills r and returns NULL. */
virConnectPtr session_conn(struct lvsh_session *s, struct lvsh_result *r);
enum lvsh_status session_connect(struct lvsh_session *s, const char *uri,
                                 bool readonly, struct lvsh_result *r);
void session_disconnect(struct lvsh_session *s);
/* true once Ctrl-C was pressed during the current command */
bool session_interrupted(const struct lvsh_session *s);
/* Around a wait for the person at the terminal (a prompt, an editor): the
 * time does not count against --timeout, and with pass_sigint Ctrl-C belongs
 * to the child program, not to lvsh.  No-ops outside a command thread. */
void session_local_begin(bool pass_sigint);
void session_local_end(void);
/* the URI shown in prompts and messages */
const char *session_uri_label(const struct lvsh_session *s);
/* the host as lvsh names it: its name when -c/connect gave one, else the URI */
const char *session_host_label(const struct lvsh_session *s);
/* Remember word, as given to -c or connect, as the host's name when it is
 * a name (no ':' or '/'), else forget the name. */
void session_set_host_name(struct lvsh_session *s, const char *word);
/* true when the close callback says the connection has gone */
bool session_conn_lost(struct lvsh_session *s);
/* Register the close callback (REPL: at connect; long waits: first). */
void session_watch_close(struct lvsh_session *s);

/* ---- actions ------------------------------------------------------------ */

/* A one-call change of the command's target, as data.  The JSON document is
 * the target's identity (kind_json_ref) plus "action": word, a word of the
 * vocabulary in docs/json.md (a past participle: "started", "destroyed").
 * %s in fail and done is the key as typed, or with LVSH_ACT_NAME the
 * object's own name. */
#define LVSH_ACT_NAME 0x1u
struct lvsh_action {
    const char *word;           /* JSON "action" */
    const char *fail;           /* "failed to start network '%s'" */
    const char *done;           /* "Network %s started" */
    unsigned flags;             /* LVSH_ACT_* */
};
/* Report the outcome of the call that returned rc (< 0: failed, libvirt's
 * error kept) on the command's target; returns the handler's status. */
enum lvsh_status act_report(struct lvsh_result *r, const struct lvsh_args *a, int rc,
                            const struct lvsh_action *act);
/* Report a done action on any object of kind k (defined, created ...):
 * "action": word in JSON plus info text (printf fmt). */
void act_done(struct lvsh_result *r, enum lvsh_kind k, void *obj, const char *word,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The target's XML document, fetched by the caller (taken and freed): shown,
 * or when NULL the error fail (%s: the key as typed, or with LVSH_ACT_NAME
 * the object's own name) with libvirt's message. */
enum lvsh_status target_xml(struct lvsh_result *r, const struct lvsh_args *a, char *xml,
                            const char *fail, unsigned flags);
/* Only the JSON half: the identity of obj plus "action": word. */
void act_json(struct lvsh_result *r, enum lvsh_kind k, void *obj, const char *word);

/* A command that hands the XML file of its --file option to one libvirt
 * call making an object (pool-define, net-create ...): the call (flags are
 * args_flags()), the kind of what it returns, and the words it reports.
 * fail has one %s (the file); done two (the object's name, the file). */
struct lvsh_from_file {
    enum lvsh_kind kind;
    void *(*make)(virConnectPtr conn, const char *xml, unsigned flags);
    const char *word;           /* JSON "action": "defined" */
    const char *fail;           /* "failed to define pool from '%s'" */
    const char *done;           /* "Pool %s defined from %s" */
    bool file_json;             /* "file" in the JSON document too */
};
enum lvsh_status act_from_file(struct lvsh_session *s, const struct lvsh_args *a,
                               struct lvsh_result *r, const struct lvsh_from_file *how);

/* The identity of an object in JSON: name and uuid (domain, network, pool,
 * nwfilter), name and key (volume), name and mac (interface), name (node
 * device, port device of a binding), uuid and usage (secret, net port). */
json_t *kind_json_ref(enum lvsh_kind k, void *obj);
/* Its name as libvirt reports it (a secret's usage id, a port's uuid). */
const char *kind_name(enum lvsh_kind k, void *obj);
void kind_free(enum lvsh_kind k, void *obj);
/* The name of a secret usage type ("ceph", ...). */
const char *secret_usage_name(int type);

/* ---- object lookups: one resolver per family --------------------------- */
/* Each fills r with "failed to get X 'key'" and returns NULL when not found. */
virDomainPtr lookup_domain(struct lvsh_session *s, struct lvsh_result *r,
                           const char *key);
virNetworkPtr lookup_network(struct lvsh_session *s, struct lvsh_result *r,
                             const char *key);
virStoragePoolPtr lookup_pool(struct lvsh_session *s, struct lvsh_result *r,
                              const char *key);
/* a bare name needs its pool: the hint names the option that gives it */
virStorageVolPtr lookup_volume(struct lvsh_session *s, struct lvsh_result *r,
                               const char *key, const char *pool, const char *pool_opt);
virSecretPtr lookup_secret(struct lvsh_session *s, struct lvsh_result *r,
                           const char *key);
virNWFilterPtr lookup_nwfilter(struct lvsh_session *s, struct lvsh_result *r,
                               const char *key);
virNWFilterBindingPtr lookup_nwfilter_binding(struct lvsh_session *s,
                                              struct lvsh_result *r,
                                              const char *portdev);
virInterfacePtr lookup_iface(struct lvsh_session *s, struct lvsh_result *r,
                             const char *key);
virNodeDevicePtr lookup_nodedev(struct lvsh_session *s, struct lvsh_result *r,
                                const char *key);

/* ---- XML and files ----------------------------------------------------- */

/* Read a whole file ("-" = stdin); NULL with r filled on failure. */
char *file_read_all(struct lvsh_result *r, const char *path, size_t *len);
/* Check well-formedness; on error fills r with "FILE:LINE:COL: message". */
bool xml_check_wellformed(struct lvsh_result *r, const char *xml,
                          const char *name);
/* Read FILE and check it is well-formed XML (the usual define path). */
char *xml_read_file(struct lvsh_result *r, const char *path);
/* Evaluate an XPath string expression on xml; NULL (r filled) on error. */
char *xml_xpath_string(struct lvsh_result *r, const char *xml, const char *expr);
/* Edit text in $VISUAL/$EDITOR (a temp file ending in suffix, ".xml");
 * returns the edited text (NULL and r filled on failure); *changed says
 * whether it differs from text. */
char *edit_in_editor(struct lvsh_session *s, struct lvsh_result *r,
                     const char *text, const char *suffix, bool *changed);

/* ---- formatting helpers shared by families ----------------------------- */

/* "10.00 GiB" as virsh prints sizes given in bytes */
char *fmt_size_bytes(unsigned long long bytes);
/* the same with this many decimals ("1.000 GiB": 3) */
char *fmt_size_digits(unsigned long long bytes, int digits);
/* parse "512M", "2GiB", "100" (bare numbers times unit) */
bool parse_scaled_size(const char *s, unsigned long long unit,
                       unsigned long long *out);
/* Is this command's output going to be JSON (--json or `set output json`)?
 * Only for skipping work a format does not need; fill both forms otherwise. */
bool lvsh_wants_json(const struct lvsh_session *s, const struct lvsh_args *a);
/* "yes" or "no" */
const char *yes_no(bool v);

/* ---- prompting (auth, secrets, confirmations) -------------------------- */
/* Read a line from the controlling terminal; NULL if there is none. */
char *tty_prompt(const char *prompt, bool echo);

#endif
