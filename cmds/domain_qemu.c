/* domain_qemu.c: QEMU's own interfaces through libvirt-qemu
 * (qemu-monitor-command, qemu-monitor-event, qemu-attach).  Unsupported by
 * libvirt; meant for debugging. */
#include "domain_util.h"
#include "event_common.h"
#include "util.h"

#include <libvirt/libvirt-qemu.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- qemu-monitor-command ---------------------------------------------- */

/* The QMP reply as virsh shows it: whole or its "return", compact or pretty. */
static enum lvsh_status show_qmp(struct lvsh_result *r, const struct lvsh_args *a,
                                 const char *reply)
{
    bool pretty = args_has(a, "pretty"), retval = args_has(a, "return-value");
    json_error_t jerr;
    out_bare(r); /* virsh: a QMP reply has no blank line after it, HMP text has */
    json_t *doc = json_loads(reply, JSON_DECODE_ANY, &jerr);
    if (!doc)
        return err_fail(r, "failed to parse the QMP reply: %s", jerr.text);
    json_t *v = retval ? json_object_get(doc, "return") : doc;
    if (!v) {
        json_decref(doc);
        return err_fail(r, "'return' key not found in QMP result");
    }
    if (pretty || retval) {
        size_t flags = JSON_ENCODE_ANY | JSON_PRESERVE_ORDER |
                       (pretty ? JSON_INDENT(2) : JSON_COMPACT);
        char *text = json_dumps(v, flags);
        out_text(r, "%s\n", text ? text : "");
        free(text);
    } else {
        out_text(r, "%s\n", reply);
    }
    out_json(r, json_incref(v));
    json_decref(doc);
    return LVSH_OK;
}

static enum lvsh_status run_qemu_monitor_command(struct lvsh_session *s,
                                                 const struct lvsh_args *a,
                                                 struct lvsh_result *r)
{
    (void)s;
    int nwords, *fds = NULL, *outfds = NULL;
    unsigned nfds = 0, noutfds = 0;
    char *const *words = args_rest(a, "cmd", &nwords);
    const char *fdlist = args_str(a, "pass-fds");
    if (fdlist && !dom_parse_fds(fdlist, &fds, &nfds))
        return err_usage(r, "malformed --pass-fds '%s' (expected N,M,...)", fdlist);
    struct buf b = { 0 };
    for (int i = 0; i < nwords; i++)
        buf_printf(&b, "%s%s", i ? " " : "", words[i]);
    char *cmd = buf_steal(&b), *reply = NULL;
    bool hmp = args_has(a, "hmp");
    unsigned flags = args_flags(a);
    virDomainPtr d = args_target(a);
    enum lvsh_status st = LVSH_FAILED;
    if (virDomainQemuMonitorCommandWithFiles(d, cmd, nfds, fds, &noutfds, &outfds, &reply,
                                             flags) < 0) {
        err_virt(r, "failed to run monitor command '%s' on domain '%s'", cmd,
                 args_target_key(a));
    } else if (hmp) {
        out_text(r, "%s\n", reply);
        out_json(r, json_pack("{s:o}", "reply", json_str(reply)));
        st = LVSH_OK;
    } else {
        st = show_qmp(r, a, reply);
    }
    for (unsigned i = 0; i < noutfds; i++)
        close(outfds[i]);
    free(outfds);
    free(reply);
    free(cmd);
    free(fds);
    return st;
}

static const struct lvsh_opt opts_qemu_monitor_command[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "hmp", .type = LVSH_OPT_BOOL, .flag = VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP,
      .help = "the command is in the human monitor protocol" },
    { .name = "pretty", .type = LVSH_OPT_BOOL, .help = "indent the QMP reply" },
    { .name = "return-value", .type = LVSH_OPT_BOOL,
      .help = "print only the value of the reply's 'return' key" },
    { .name = "pass-fds", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED, .metavar = "N,M,...",
      .help = "pass these file descriptors along with the command" },
    { .name = "cmd", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .metavar = "command", .help = "the command: QMP JSON, or HMP text with --hmp" },
    LVSH_OPT_END,
};

static const char *const excl_qmc[] = { "hmp pretty", "hmp return-value", NULL };

static const struct lvsh_cmd cmd_qemu_monitor_command = {
    .name = "qemu-monitor-command",
    .group = "domain",
    .summary = "run a command on a domain's QEMU monitor",
    .description = "Send a QMP command (JSON) or, with --hmp, a human monitor command to "
                   "QEMU directly and print its reply.  Changes made this way are unknown "
                   "to libvirt: for debugging only.",
    .opts = opts_qemu_monitor_command,
    .exclusive = excl_qmc,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_qemu_monitor_command,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- qemu-monitor-event ------------------------------------------------ */

/* details indented for --pretty; a copy of them otherwise ("<null>" if none). */
static char *qev_details(const char *details, bool pretty)
{
    if (!details)
        return xstrdup("<null>");
    json_t *v = pretty ? json_loads(details, JSON_DECODE_ANY, NULL) : NULL;
    char *text = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_PRESERVE_ORDER | JSON_INDENT(2))
                   : NULL;
    json_decref(v);
    return text ? text : xstrdup(details);
}

static void qev_callback(virConnectPtr conn, virDomainPtr dom, const char *event,
                         long long seconds, unsigned int micros, const char *details,
                         void *opaque)
{
    struct ev_ctx *c = opaque;
    (void)conn;
    char *text = qev_details(details, c->pretty);
    json_t *data = details ? json_loads(details, JSON_DECODE_ANY, NULL) : NULL;
    json_t *rec = json_pack("{s:s,s:o,s:f,s:o}", "event", event, "domain",
                            json_str(virDomainGetName(dom)), "time",
                            (double)seconds + micros / 1e6, "details",
                            data ? data : json_null());
    char *line = xasprintf("event %s at %lld.%06u for domain '%s': %s\n", event, seconds,
                           micros, virDomainGetName(dom), text);
    ev_stream(c, rec, line);
    free(line);
    free(text);
}

static enum lvsh_status run_qemu_monitor_event(struct lvsh_session *s,
                                               const struct lvsh_args *a, struct lvsh_result *r)
{
    virDomainPtr d = args_target(a);   /* NULL: every domain */
    struct ev_ctx *c = ev_ctx_new(r, args_has(a, "loop"), args_has(a, "timestamp"));
    c->pretty = args_has(a, "pretty");
    ev_ctx_ref(c);   /* libvirt's */
    int id = virConnectDomainQemuMonitorEventRegister(s->conn, d, args_str(a, "event"),
                                                      qev_callback, c, ev_ctx_unref,
                                                      args_flags(a));
    if (id < 0) {
        ev_ctx_unref(c);   /* libvirt took none */
        ev_ctx_unref(c);
        return err_virt(r, "failed to listen for QEMU monitor events");
    }
    int count;
    enum ev_end end = ev_wait(s, a, c, &count);
    virConnectDomainQemuMonitorEventDeregister(s->conn, id);
    ev_ctx_unref(c);
    return ev_finish(s, r, end, count);
}

static const struct lvsh_opt opts_qemu_monitor_event[] = {
    { .name = "domain", .type = LVSH_OPT_STRING, .complete = LVSH_COMP_DOMAIN_ACTIVE,
      .metavar = "domain", .help = "only events of this domain (name, id or uuid)" },
    { .name = "event", .type = LVSH_OPT_STRING, .metavar = "name",
      .help = "only this event (STOP, RESUME, ...)" },
    { .name = "pretty", .type = LVSH_OPT_BOOL, .help = "indent the event details" },
    { .name = "loop", .type = LVSH_OPT_BOOL,
      .help = "go on after the first event, until --timeout or Ctrl-C" },
    { .name = "timeout", .type = LVSH_OPT_INT, .min = 1, .max = 2147483, .metavar = "seconds",
      .help = "stop waiting after this many seconds" },
    { .name = "regex", .type = LVSH_OPT_BOOL,
      .flag = VIR_CONNECT_DOMAIN_QEMU_MONITOR_EVENT_REGISTER_REGEX,
      .help = "--event is a regular expression" },
    { .name = "no-case", .type = LVSH_OPT_BOOL,
      .flag = VIR_CONNECT_DOMAIN_QEMU_MONITOR_EVENT_REGISTER_NOCASE,
      .help = "match --event in any case" },
    { .name = "timestamp", .type = LVSH_OPT_BOOL, .help = "show when each event was received" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_qemu_monitor_event = {
    .name = "qemu-monitor-event",
    .group = "domain",
    .summary = "listen for QEMU monitor events",
    .description = "Print QEMU's own monitor events as they come.  Without --loop the "
                   "command ends after the first event; --timeout or Ctrl-C end it too.",
    .opts = opts_qemu_monitor_event,
    .flags = LVSH_CMD_CONN,
    .handler = run_qemu_monitor_event,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- qemu-attach ------------------------------------------------------- */

static enum lvsh_status run_qemu_attach(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    long long pid = 0;
    args_int(a, "pid", &pid);
    virDomainPtr d = virDomainQemuAttach(s->conn, (unsigned)pid, 0);
    if (!d)
        return err_virt(r, "Failed to attach to pid %lld", pid);
    out_info(r, "Domain '%s' attached to pid %lld\n", virDomainGetName(d), pid);
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(o, "pid", json_integer(pid));
    out_json(r, o);
    virDomainFree(d);
    return LVSH_OK;
}

static const struct lvsh_opt opts_qemu_attach[] = {
    { .name = "pid", .type = LVSH_OPT_INT,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL | LVSH_OPTF_VIRSH_WORD,
      .min = 1, .max = 0x7fffffff, .metavar = "pid", .help = "the process ID of the QEMU" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_qemu_attach = {
    .name = "qemu-attach",
    .group = "domain",
    .summary = "attach libvirt to a QEMU process started outside it",
    .description = "Make libvirt manage a QEMU process it did not start.  Modern QEMU "
                   "drivers refuse this; libvirt's error is shown.",
    .opts = opts_qemu_attach,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_qemu_attach,
};

LVSH_FAMILY(domain_qemu) = { &cmd_qemu_monitor_command, &cmd_qemu_monitor_event,
                             &cmd_qemu_attach, NULL };
