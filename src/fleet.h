/* fleet.h: one command on many libvirt hosts at once.
 *
 * A fleet is the session's set of target hosts (-c with several hosts or a
 * group, `use`, `on`).  Each host keeps a session of its own (its own
 * connection, opened in parallel and kept open).  A command runs on every
 * host from a pool of at most --fanout threads; each host's connect and
 * call run under the connect and call deadlines (bounded.h), so a dead or
 * frozen host costs its deadline, not everyone's time.  Handlers fill one
 * result per host; fleet_render composes them (Host column, one JSON line
 * per host, identical text once under its folded host set). */
#ifndef LVSH_FLEET_H
#define LVSH_FLEET_H

#include "lvsh.h"
#include "result.h"
#include "inventory.h"

/* Exit statuses of a fleet command beyond lvsh_status's: a host could not
 * be reached or timed out (4), and that with a failure elsewhere (5). */
#define FLEET_ST_UNREACHABLE 4
#define FLEET_ST_BOTH 5
#define FLEET_FANOUT_DEFAULT 32

enum fleet_state {
    FLEET_NEW,          /* not tried yet */
    FLEET_CONNECTED,
    FLEET_UNREACHABLE,  /* the open failed */
    FLEET_TIMED_OUT,    /* the open or the call passed its deadline */
    FLEET_FAILED,       /* connected, but the command failed there */
    FLEET_INTERRUPTED,  /* Ctrl-C before it answered */
};

struct fleet_host {
    char *name;
    char *uri;
    struct lvsh_session hs;     /* its connection and deadlines */
    enum fleet_state state;     /* the last connect's outcome */
    double rtt_ms;              /* the last `hosts` probe's round trip */
};

struct lvsh_fleet {
    struct fleet_host *hosts;
    size_t n;
    bool active;                /* commands fan out (else the session's one host) */
    /* completion of `on TARGETS COMMAND ...`: the hosts TARGETS names
     * (comp_on even when none: an unresolvable list offers no names);
     * comp_own holds those not among hosts, kept open for the next TAB */
    bool comp_on;
    struct fleet_host **comp;
    size_t ncomp;
    struct fleet_host *comp_own;
    size_t ncomp_own;
    /* global options */
    int fanout;
    bool by_host;
    bool yes;
    bool dry_run;
};

/* The session's fleet, made on first use (options, no hosts). */
struct lvsh_fleet *fleet_of(struct lvsh_session *s);
void fleet_free(struct lvsh_session *s);

/* Resolve spec against the inventory (warning about its bad lines on
 * stderr); false with *err for a usage error. */
bool fleet_resolve(const char *spec, struct inv_host **out, size_t *n, char **err);
/* Make hosts the fleet's targets (connections of hosts kept stay open). */
void fleet_set_hosts(struct lvsh_session *s, const struct inv_host *h, size_t n);
/* Free hosts[0..n) (not the array), closing their connections together
 * from at most fanout threads; hosts without a name are skipped. */
void fleet_hosts_free(struct fleet_host *hosts, size_t n, int fanout);
/* The hosts of a resolved target list h[0..n): the fleet's own where name
 * and URI match (their connections stay open), else new ones made in tmp
 * (an empty URI is libvirt's default).  n pointers; the caller frees the
 * array, and tmp with fleet_tmp_free. */
struct fleet_host **fleet_hosts_of(struct lvsh_session *s, const struct inv_host *h, size_t n,
                                   struct lvsh_fleet *tmp);
void fleet_tmp_free(struct lvsh_session *s, struct lvsh_fleet *tmp);
/* The URI shown for h: its own, or for a uri_aliases name (or libvirt's
 * default) the URI libvirt opened, once connected; its name shows the alias. */
const char *fleet_host_uri(const struct fleet_host *h);
/* -c NAME of one inventory host: its URI (caller frees), else NULL. */
char *fleet_single_uri(const char *name);

/* The outcome of one host's run. */
struct fleet_out {
    struct fleet_host *h;
    enum fleet_state state;     /* CONNECTED when the command ran and finished */
    enum lvsh_status st;
    struct lvsh_result r;       /* its result (the error of a failed connect) */
    double ms;
};

/* What runs on each connected host: a command (argv) or a probe. */
typedef enum lvsh_status (*fleet_probe)(struct lvsh_session *ws, const char *word,
                                        struct lvsh_result *r);

/* Run on every host of hosts[] (pointers into a fleet): connect where
 * needed, then the command argv (argc > 0) or probe(word), or nothing.
 * Returns one fleet_out per host, in order; free with fleet_outs_free. */
struct fleet_out *fleet_run_hosts(struct lvsh_session *s, struct fleet_host **hosts, size_t n,
                                  const struct lvsh_cmd *cmd, int argc, char *const argv[],
                                  fleet_probe probe, const char *word, enum lvsh_format fmt);
void fleet_outs_free(struct fleet_out *o, size_t n);
/* 0, 1 (a command failed), 4 (a host unreachable or timed out), 5, or 130. */
int fleet_status(const struct fleet_out *o, size_t n);
/* st of a command that ran while some other host did not answer: 4, or
 * 5 when it failed too (an interruption or a usage error stays). */
int fleet_status_silent(int st);
/* "2 of 5 hosts unreachable: kvm[03-04]" lines on stderr (JSON under json). */
void fleet_summary(const struct fleet_out *o, size_t n, bool json);

/* `on TARGETS COMMAND...`: run one command (words, rest[0] its name) on
 * other hosts and print the composition. */
enum lvsh_status fleet_on(struct lvsh_session *s, const char *targets, int nrest,
                          char *const rest[]);

/* Completion inside `on TARGETS ...`: names come from TARGETS' hosts
 * (the fleet's open ones, the others opened together under the connect
 * deadline) until fleet_complete_off; none when TARGETS does not resolve. */
void fleet_complete_on(struct lvsh_session *s, const char *targets);
void fleet_complete_off(struct lvsh_session *s);
/* Completion on a fleet (or inside `on`): the names of every host (each
 * with its own cache and connection); false when the session is not a
 * fleet. */
bool fleet_cache_list(struct lvsh_session *s, enum lvsh_completer kind, const char *arg,
                      void (*add)(void *opaque, const char *name), void *opaque);

/* Routing (fleet_route.c): the index of the option naming the command's
 * one object (domain, network or pool), or -1. */
int fleet_route_opt(const struct lvsh_cmd *cmd, const struct lvsh_args *a);
/* Narrow hosts[] to where the object is: NAME@HOST names the host (argv
 * becomes a new copy without "@HOST", the caller frees it), else every host
 * is asked.  Hosts made on the way (an inventory host outside the targets)
 * belong to tmp.  Fails (r filled) when no host or several have it, with 4
 * when no answering host has it and some did not answer.  Found while some
 * host did not answer: *asked holds every host's answer (the caller prints
 * fleet_summary of it after the command, adds it to the status with
 * fleet_status_silent, and frees it), else it is NULL. */
enum lvsh_status fleet_route(struct lvsh_session *s, const struct lvsh_cmd *cmd,
                             const struct lvsh_args *a, int *argc, char ***argv,
                             struct fleet_host ***hosts, size_t *n, struct lvsh_fleet *tmp,
                             struct fleet_out **asked, size_t *nasked, struct lvsh_result *r);

/* The dispatch hook: run a parsed command on the fleet, or on the host of
 * its NAME@HOST object, and render it.  false: dispatch runs it as usual.
 * A URI option naming an inventory host becomes its URI first (argv is the
 * job's own copy: a word may be replaced). */
bool fleet_dispatch(struct lvsh_session *s, const struct lvsh_cmd *cmd, struct lvsh_args *a,
                    int argc, char **argv, const struct render_opts *o, enum lvsh_status *st);

#endif
