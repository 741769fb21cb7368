/* domain_common.c: state words and helpers shared by the domain commands. */
#include "domain_common.h"

const char *dom_state_name(int state)
{
    switch (state) {
    case VIR_DOMAIN_NOSTATE: return "no state";
    case VIR_DOMAIN_RUNNING: return "running";
    case VIR_DOMAIN_BLOCKED: return "idle";
    case VIR_DOMAIN_PAUSED: return "paused";
    case VIR_DOMAIN_SHUTDOWN: return "in shutdown";
    case VIR_DOMAIN_SHUTOFF: return "shut off";
    case VIR_DOMAIN_CRASHED: return "crashed";
    case VIR_DOMAIN_PMSUSPENDED: return "pmsuspended";
    default: return "no state";
    }
}

#define PICK(arr, i) ((unsigned)(i) < sizeof(arr) / sizeof(arr[0]) ? arr[i] : "unknown")

const char *dom_state_reason(int state, int reason)
{
    static const char *const running[] = {
        "unknown", "booted", "migrated", "restored", "from snapshot", "unpaused",
        "migration canceled", "save canceled", "event wakeup", "crashed", "post-copy",
        "post-copy failed",
    };
    static const char *const paused[] = {
        "unknown", "user", "migrating", "saving", "dumping", "I/O error", "watchdog",
        "from snapshot", "shutting down", "creating snapshot", "crashed", "starting up",
        "post-copy", "post-copy failed", "api error",
    };
    static const char *const shutdown[] = { "unknown", "user" };
    static const char *const shutoff[] = {
        "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed",
        "from snapshot", "daemon",
    };
    static const char *const crashed[] = { "unknown", "panicked" };
    static const char *const pmsuspended[] = { "unknown" };

    switch (state) {
    case VIR_DOMAIN_RUNNING: return PICK(running, reason);
    case VIR_DOMAIN_PAUSED: return PICK(paused, reason);
    case VIR_DOMAIN_SHUTDOWN: return PICK(shutdown, reason);
    case VIR_DOMAIN_SHUTOFF: return PICK(shutoff, reason);
    case VIR_DOMAIN_CRASHED: return PICK(crashed, reason);
    case VIR_DOMAIN_PMSUSPENDED: return PICK(pmsuspended, reason);
    default: return "unknown";
    }
}

