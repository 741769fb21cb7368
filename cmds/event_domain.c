/* event_domain.c: every domain event libvirt 9.0 offers, decoded into
 * virsh's wording and a JSON details object. */
#include "event_common.h"
#include "host_common.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* every event id of libvirt 9.0 (the enum's own sentinel is opt-in) */
#define DOM_EVENT_COUNT (VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE + 1)

const char *ev_word(const char *const *table, size_t n, int v)
{
    return v >= 0 && (size_t)v < n && table[v] ? table[v] : "unknown";
}

const char *const ev_domain_names[] = {
    [VIR_DOMAIN_EVENT_ID_LIFECYCLE] = "lifecycle",
    [VIR_DOMAIN_EVENT_ID_REBOOT] = "reboot",
    [VIR_DOMAIN_EVENT_ID_RTC_CHANGE] = "rtc-change",
    [VIR_DOMAIN_EVENT_ID_WATCHDOG] = "watchdog",
    [VIR_DOMAIN_EVENT_ID_IO_ERROR] = "io-error",
    [VIR_DOMAIN_EVENT_ID_GRAPHICS] = "graphics",
    [VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON] = "io-error-reason",
    [VIR_DOMAIN_EVENT_ID_CONTROL_ERROR] = "control-error",
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB] = "block-job",
    [VIR_DOMAIN_EVENT_ID_DISK_CHANGE] = "disk-change",
    [VIR_DOMAIN_EVENT_ID_TRAY_CHANGE] = "tray-change",
    [VIR_DOMAIN_EVENT_ID_PMWAKEUP] = "pm-wakeup",
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND] = "pm-suspend",
    [VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE] = "balloon-change",
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK] = "pm-suspend-disk",
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED] = "device-removed",
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2] = "block-job-2",
    [VIR_DOMAIN_EVENT_ID_TUNABLE] = "tunable",
    [VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE] = "agent-lifecycle",
    [VIR_DOMAIN_EVENT_ID_DEVICE_ADDED] = "device-added",
    [VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION] = "migration-iteration",
    [VIR_DOMAIN_EVENT_ID_JOB_COMPLETED] = "job-completed",
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED] = "device-removal-failed",
    [VIR_DOMAIN_EVENT_ID_METADATA_CHANGE] = "metadata-change",
    [VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD] = "block-threshold",
    [VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE] = "memory-failure",
    [VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE] = "memory-device-size-change",
    NULL,
};

/* ---- lifecycle words ---------------------------------------------------- */

static const char *const lc_events[] = {
    "Defined", "Undefined", "Started", "Suspended", "Resumed", "Stopped", "Shutdown",
    "PMSuspended", "Crashed",
};
static const char *const lc_defined[] = { "Added", "Updated", "Renamed", "Snapshot" };
static const char *const lc_undefined[] = { "Removed", "Renamed" };
static const char *const lc_started[] = {
    "Booted", "Migrated", "Restored", "Snapshot", "Event wakeup",
};
static const char *const lc_suspended[] = {
    "Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot", "API error",
    "Post-copy", "Post-copy Error",
};
static const char *const lc_resumed[] = {
    "Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error",
};
static const char *const lc_stopped[] = {
    "Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot",
};
static const char *const lc_shutdown[] = {
    "Finished", "Finished after guest request", "Finished after host request",
};
static const char *const lc_pmsuspended[] = { "Memory", "Disk" };
static const char *const lc_crashed[] = { "Panicked", "Crashloaded" };

static const char *lifecycle_detail(int event, int detail)
{
    switch (event) {
    case VIR_DOMAIN_EVENT_DEFINED: return EV_WORD(lc_defined, detail);
    case VIR_DOMAIN_EVENT_UNDEFINED: return EV_WORD(lc_undefined, detail);
    case VIR_DOMAIN_EVENT_STARTED: return EV_WORD(lc_started, detail);
    case VIR_DOMAIN_EVENT_SUSPENDED: return EV_WORD(lc_suspended, detail);
    case VIR_DOMAIN_EVENT_RESUMED: return EV_WORD(lc_resumed, detail);
    case VIR_DOMAIN_EVENT_STOPPED: return EV_WORD(lc_stopped, detail);
    case VIR_DOMAIN_EVENT_SHUTDOWN: return EV_WORD(lc_shutdown, detail);
    case VIR_DOMAIN_EVENT_PMSUSPENDED: return EV_WORD(lc_pmsuspended, detail);
    case VIR_DOMAIN_EVENT_CRASHED: return EV_WORD(lc_crashed, detail);
    default: return "unknown";
    }
}

/* ---- other payload words ------------------------------------------------ */

static const char *const wd_actions[] = {
    "none", "pause", "reset", "poweroff", "shutdown", "debug", "inject-nmi",
};
static const char *const io_actions[] = { "none", "pause", "report" };
static const char *const gfx_phases[] = { "connect", "initialize", "disconnect" };
static const char *const gfx_families[] = { "ipv4", "ipv6", "unix" };
static const char *const job_types[] = {
    "unknown", "pull", "copy", "commit", "active commit", "backup",
};
static const char *const job_status[] = { "completed", "failed", "canceled", "ready" };
static const char *const disk_reasons[] = { "changed", "dropped" };
static const char *const tray_reasons[] = { "opened", "closed" };
static const char *const agent_states[] = { "unknown", "connected", "disconnected" };
static const char *const agent_reasons[] = { "unknown", "domain started", "channel event" };
static const char *const meta_types[] = { "description", "title", "element" };
static const char *const mf_recipients[] = { "hypervisor", "guest" };
static const char *const mf_actions[] = { "ignore", "inject", "fatal", "reset" };

/* ---- emitting ----------------------------------------------------------- */

static void dom_emit(void *opaque, virDomainPtr dom, int id, json_t *details,
                     const char *text)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virDomainGetUUIDString(dom, uuid);
    ev_emit(opaque, "domain", ev_domain_names[id], virDomainGetName(dom), uuid, details,
            "%s", text);
}

/* Free a text made with xasprintf after emitting it. */
static void dom_emit_free(void *opaque, virDomainPtr dom, int id, json_t *details, char *text)
{
    dom_emit(opaque, dom, id, details, text);
    free(text);
}

static int cb_lifecycle(virConnectPtr c, virDomainPtr dom, int event, int detail, void *op)
{
    (void)c;
    const char *ev = EV_WORD(lc_events, event), *det = lifecycle_detail(event, detail);
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                  json_pack("{s:s,s:s}", "event", ev, "detail", det),
                  xasprintf(": %s %s", ev, det));
    return 0;
}

static void cb_reboot(virConnectPtr c, virDomainPtr dom, void *op)
{
    (void)c;
    dom_emit(op, dom, VIR_DOMAIN_EVENT_ID_REBOOT, json_object(), "");
}

static void cb_rtc_change(virConnectPtr c, virDomainPtr dom, long long offset, void *op)
{
    (void)c;
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_RTC_CHANGE,
                  json_pack("{s:I}", "offset", (json_int_t)offset),
                  xasprintf(": %lld", offset));
}

static void cb_watchdog(virConnectPtr c, virDomainPtr dom, int action, void *op)
{
    (void)c;
    const char *w = EV_WORD(wd_actions, action);
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_WATCHDOG, json_pack("{s:s}", "action", w),
                  xasprintf(": %s", w));
}

static void cb_io_error(virConnectPtr c, virDomainPtr dom, const char *path, const char *alias,
                        int action, void *op)
{
    (void)c;
    const char *w = EV_WORD(io_actions, action);
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_IO_ERROR,
                  json_pack("{s:o,s:o,s:s}", "path", json_str(path), "alias", json_str(alias),
                            "action", w),
                  xasprintf(": %s (%s) %s", path, alias, w));
}

static json_t *gfx_address_json(const virDomainEventGraphicsAddress *a)
{
    return json_pack("{s:s,s:o,s:o}", "family", EV_WORD(gfx_families, a->family), "node",
                     json_str(a->node), "service", json_str(a->service));
}

static void cb_graphics(virConnectPtr c, virDomainPtr dom, int phase,
                        const virDomainEventGraphicsAddress *local,
                        const virDomainEventGraphicsAddress *remote, const char *scheme,
                        const virDomainEventGraphicsSubject *subject, void *op)
{
    (void)c;
    const char *ph = EV_WORD(gfx_phases, phase);
    struct buf b = BUF_INIT;
    json_t *subj = json_array();
    buf_printf(&b, ": %s local[%s %s %s] remote[%s %s %s] %s", ph,
               EV_WORD(gfx_families, local->family), local->node, local->service,
               EV_WORD(gfx_families, remote->family), remote->node, remote->service, scheme);
    for (int i = 0; subject && i < subject->nidentity; i++) {
        buf_printf(&b, "\n\t%s=%s", subject->identities[i].type, subject->identities[i].name);
        json_array_append_new(subj, json_pack("{s:o,s:o}", "type",
                                              json_str(subject->identities[i].type), "name",
                                              json_str(subject->identities[i].name)));
    }
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_GRAPHICS,
                  json_pack("{s:s,s:o,s:o,s:o,s:o}", "phase", ph, "local",
                            gfx_address_json(local), "remote", gfx_address_json(remote),
                            "auth_scheme", json_str(scheme), "subject", subj),
                  buf_steal(&b));
}

static void cb_io_error_reason(virConnectPtr c, virDomainPtr dom, const char *path,
                               const char *alias, int action, const char *reason, void *op)
{
    (void)c;
    const char *w = EV_WORD(io_actions, action);
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON,
                  json_pack("{s:o,s:o,s:s,s:o}", "path", json_str(path), "alias",
                            json_str(alias), "action", w, "reason", json_str(reason)),
                  xasprintf(": %s (%s) %s due to %s", path, alias, w, reason));
}

static void cb_control_error(virConnectPtr c, virDomainPtr dom, void *op)
{
    (void)c;
    dom_emit(op, dom, VIR_DOMAIN_EVENT_ID_CONTROL_ERROR, json_object(), "");
}

/* block-job carries the disk path, block-job-2 the target name */
static void block_job(void *op, virDomainPtr dom, int id, const char *disk, int type,
                      int status)
{
    const char *t = EV_WORD(job_types, type), *st = EV_WORD(job_status, status);
    dom_emit_free(op, dom, id,
                  json_pack("{s:o,s:s,s:s}", "disk", json_str(disk), "type", t, "status", st),
                  xasprintf(": %s for %s %s", t, disk, st));
}

static void cb_block_job(virConnectPtr c, virDomainPtr dom, const char *disk, int type,
                         int status, void *op)
{
    (void)c;
    block_job(op, dom, VIR_DOMAIN_EVENT_ID_BLOCK_JOB, disk, type, status);
}

static void cb_block_job_2(virConnectPtr c, virDomainPtr dom, const char *disk, int type,
                           int status, void *op)
{
    (void)c;
    block_job(op, dom, VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, disk, type, status);
}

static void cb_disk_change(virConnectPtr c, virDomainPtr dom, const char *old_src,
                           const char *new_src, const char *alias, int reason, void *op)
{
    (void)c;
    const char *w = EV_WORD(disk_reasons, reason);
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_DISK_CHANGE,
                  json_pack("{s:o,s:o,s:o,s:s}", "alias", json_str(alias), "old_source",
                            json_str(old_src), "new_source", json_str(new_src), "reason", w),
                  xasprintf(" disk %s: %s -> %s: %s", alias, old_src ? old_src : "",
                            new_src ? new_src : "", w));
}

static void cb_tray_change(virConnectPtr c, virDomainPtr dom, const char *alias, int reason,
                           void *op)
{
    (void)c;
    const char *w = EV_WORD(tray_reasons, reason);
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_TRAY_CHANGE,
                  json_pack("{s:o,s:s}", "alias", json_str(alias), "reason", w),
                  xasprintf(" disk %s: %s", alias, w));
}

/* pm-wakeup, pm-suspend, pm-suspend-disk: the reason is always "unknown" */
static void cb_pm(void *op, virDomainPtr dom, int id)
{
    dom_emit(op, dom, id, json_pack("{s:s}", "reason", "unknown"), ": unknown");
}

static void cb_pmwakeup(virConnectPtr c, virDomainPtr dom, int reason, void *op)
{
    (void)c, (void)reason;
    cb_pm(op, dom, VIR_DOMAIN_EVENT_ID_PMWAKEUP);
}

static void cb_pmsuspend(virConnectPtr c, virDomainPtr dom, int reason, void *op)
{
    (void)c, (void)reason;
    cb_pm(op, dom, VIR_DOMAIN_EVENT_ID_PMSUSPEND);
}

static void cb_pmsuspend_disk(virConnectPtr c, virDomainPtr dom, int reason, void *op)
{
    (void)c, (void)reason;
    cb_pm(op, dom, VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK);
}

static void cb_balloon_change(virConnectPtr c, virDomainPtr dom, unsigned long long actual,
                              void *op)
{
    (void)c;
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE,
                  json_pack("{s:I}", "actual", (json_int_t)actual * 1024),
                  xasprintf(": %lluKiB", actual));
}

static void device_event(void *op, virDomainPtr dom, int id, const char *alias)
{
    dom_emit_free(op, dom, id, json_pack("{s:o}", "alias", json_str(alias)),
                  xasprintf(": %s", alias));
}

static void cb_device_removed(virConnectPtr c, virDomainPtr dom, const char *alias, void *op)
{
    (void)c;
    device_event(op, dom, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, alias);
}

static void cb_device_added(virConnectPtr c, virDomainPtr dom, const char *alias, void *op)
{
    (void)c;
    device_event(op, dom, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, alias);
}

static void cb_device_removal_failed(virConnectPtr c, virDomainPtr dom, const char *alias,
                                     void *op)
{
    (void)c;
    device_event(op, dom, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, alias);
}

/* tunable and job-completed: a typed parameter list, one per line */
static void params_event(void *op, virDomainPtr dom, int id, virTypedParameterPtr p, int n)
{
    struct buf b = BUF_INIT;
    buf_adds(&b, ":");
    for (int i = 0; i < n; i++) {
        char *v = tparam_text(&p[i]);
        buf_printf(&b, "\n\t%s: %s", p[i].field, v);
        free(v);
    }
    dom_emit_free(op, dom, id, tparams_json(p, n), buf_steal(&b));
}

static void cb_tunable(virConnectPtr c, virDomainPtr dom, virTypedParameterPtr p, int n,
                       void *op)
{
    (void)c;
    params_event(op, dom, VIR_DOMAIN_EVENT_ID_TUNABLE, p, n);
}

static void cb_job_completed(virConnectPtr c, virDomainPtr dom, virTypedParameterPtr p,
                             int n, void *op)
{
    (void)c;
    params_event(op, dom, VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, p, n);
}

static void cb_agent_lifecycle(virConnectPtr c, virDomainPtr dom, int state, int reason,
                               void *op)
{
    (void)c;
    const char *st = EV_WORD(agent_states, state), *why = EV_WORD(agent_reasons, reason);
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE,
                  json_pack("{s:s,s:s}", "state", st, "reason", why),
                  xasprintf(": state: '%s' reason: '%s'", st, why));
}

static void cb_migration_iteration(virConnectPtr c, virDomainPtr dom, int iteration, void *op)
{
    (void)c;
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION,
                  json_pack("{s:i}", "iteration", iteration),
                  xasprintf(": iteration: '%d'", iteration));
}

static void cb_metadata_change(virConnectPtr c, virDomainPtr dom, int type, const char *nsuri,
                               void *op)
{
    (void)c;
    const char *t = EV_WORD(meta_types, type);
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
                  json_pack("{s:s,s:o}", "type", t, "uri", json_str(nsuri)),
                  xasprintf(": type %s, uri %s", t, nsuri ? nsuri : "n/a"));
}

static void cb_block_threshold(virConnectPtr c, virDomainPtr dom, const char *dev,
                               const char *path, unsigned long long threshold,
                               unsigned long long excess, void *op)
{
    (void)c;
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD,
                  json_pack("{s:o,s:o,s:I,s:I}", "dev", json_str(dev), "path", json_str(path),
                            "threshold", (json_int_t)threshold, "excess", (json_int_t)excess),
                  xasprintf(": dev: %s(%s) %llu %llu", dev, path ? path : "", threshold,
                            excess));
}

static void cb_memory_failure(virConnectPtr c, virDomainPtr dom, int recipient, int action,
                              unsigned int flags, void *op)
{
    (void)c;
    const char *rc = EV_WORD(mf_recipients, recipient), *ac = EV_WORD(mf_actions, action);
    bool req = flags & VIR_DOMAIN_MEMORY_FAILURE_ACTION_REQUIRED;
    bool rec = flags & VIR_DOMAIN_MEMORY_FAILURE_RECURSIVE;
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE,
                  json_pack("{s:s,s:s,s:b,s:b}", "recipient", rc, "action", ac,
                            "action_required", req, "recursive", rec),
                  xasprintf(":\nrecipient: %s\naction: %s\nflags:\n\taction required: %d"
                            "\n\trecursive: %d", rc, ac, req, rec));
}

static void cb_memory_device_size_change(virConnectPtr c, virDomainPtr dom, const char *alias,
                                         unsigned long long size, void *op)
{
    (void)c;
    dom_emit_free(op, dom, VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE,
                  json_pack("{s:o,s:I}", "alias", json_str(alias), "size",
                            (json_int_t)size * 1024),
                  xasprintf(":\nalias: %s\nsize: %llu", alias, size));
}

static const virConnectDomainEventGenericCallback dom_callbacks[] = {
    [VIR_DOMAIN_EVENT_ID_LIFECYCLE] = VIR_DOMAIN_EVENT_CALLBACK(cb_lifecycle),
    [VIR_DOMAIN_EVENT_ID_REBOOT] = VIR_DOMAIN_EVENT_CALLBACK(cb_reboot),
    [VIR_DOMAIN_EVENT_ID_RTC_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(cb_rtc_change),
    [VIR_DOMAIN_EVENT_ID_WATCHDOG] = VIR_DOMAIN_EVENT_CALLBACK(cb_watchdog),
    [VIR_DOMAIN_EVENT_ID_IO_ERROR] = VIR_DOMAIN_EVENT_CALLBACK(cb_io_error),
    [VIR_DOMAIN_EVENT_ID_GRAPHICS] = VIR_DOMAIN_EVENT_CALLBACK(cb_graphics),
    [VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON] = VIR_DOMAIN_EVENT_CALLBACK(cb_io_error_reason),
    [VIR_DOMAIN_EVENT_ID_CONTROL_ERROR] = VIR_DOMAIN_EVENT_CALLBACK(cb_control_error),
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB] = VIR_DOMAIN_EVENT_CALLBACK(cb_block_job),
    [VIR_DOMAIN_EVENT_ID_DISK_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(cb_disk_change),
    [VIR_DOMAIN_EVENT_ID_TRAY_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(cb_tray_change),
    [VIR_DOMAIN_EVENT_ID_PMWAKEUP] = VIR_DOMAIN_EVENT_CALLBACK(cb_pmwakeup),
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND] = VIR_DOMAIN_EVENT_CALLBACK(cb_pmsuspend),
    [VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(cb_balloon_change),
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK] = VIR_DOMAIN_EVENT_CALLBACK(cb_pmsuspend_disk),
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED] = VIR_DOMAIN_EVENT_CALLBACK(cb_device_removed),
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2] = VIR_DOMAIN_EVENT_CALLBACK(cb_block_job_2),
    [VIR_DOMAIN_EVENT_ID_TUNABLE] = VIR_DOMAIN_EVENT_CALLBACK(cb_tunable),
    [VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE] = VIR_DOMAIN_EVENT_CALLBACK(cb_agent_lifecycle),
    [VIR_DOMAIN_EVENT_ID_DEVICE_ADDED] = VIR_DOMAIN_EVENT_CALLBACK(cb_device_added),
    [VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION] =
        VIR_DOMAIN_EVENT_CALLBACK(cb_migration_iteration),
    [VIR_DOMAIN_EVENT_ID_JOB_COMPLETED] = VIR_DOMAIN_EVENT_CALLBACK(cb_job_completed),
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED] =
        VIR_DOMAIN_EVENT_CALLBACK(cb_device_removal_failed),
    [VIR_DOMAIN_EVENT_ID_METADATA_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(cb_metadata_change),
    [VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD] = VIR_DOMAIN_EVENT_CALLBACK(cb_block_threshold),
    [VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE] = VIR_DOMAIN_EVENT_CALLBACK(cb_memory_failure),
    [VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE] =
        VIR_DOMAIN_EVENT_CALLBACK(cb_memory_device_size_change),
};

_Static_assert(sizeof(dom_callbacks) / sizeof(dom_callbacks[0]) == DOM_EVENT_COUNT,
               "a domain event of this libvirt has no decoder");
_Static_assert(sizeof(ev_domain_names) / sizeof(ev_domain_names[0]) ==
               DOM_EVENT_COUNT + 1, "a domain event of this libvirt has no name");

static int dom_register(virConnectPtr conn, void *obj, int id, void *opaque,
                        virFreeCallback freecb)
{
    return virConnectDomainEventRegisterAny(conn, obj, id, dom_callbacks[id], opaque, freecb);
}

static void *dom_lookup(struct lvsh_session *s, struct lvsh_result *r, const char *key)
{
    return lookup_domain(s, r, key);
}

static void dom_free(void *obj)
{
    virDomainFree(obj);
}

const struct ev_family ev_family_domain = {
    .name = "domain",
    .command = "event",
    .object_opt = "domain",
    .events = ev_domain_names,
    .nevents = DOM_EVENT_COUNT,
    .reg = dom_register,
    .dereg = virConnectDomainEventDeregisterAny,
    .lookup = dom_lookup,
    .obj_free = dom_free,
};
