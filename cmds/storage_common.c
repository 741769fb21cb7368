/* storage_common.c: lookups, state words and formatting shared by the
 * pool and volume commands. */
#include "storage_common.h"

#include <stdlib.h>
#include <string.h>

const char *pool_state_name(int state)
{
    switch (state) {
    case VIR_STORAGE_POOL_INACTIVE: return "inactive";
    case VIR_STORAGE_POOL_BUILDING: return "building";
    case VIR_STORAGE_POOL_RUNNING: return "running";
    case VIR_STORAGE_POOL_DEGRADED: return "degraded";
    case VIR_STORAGE_POOL_INACCESSIBLE: return "inaccessible";
    default: return "unknown";
    }
}

const char *vol_type_name(int type)
{
    switch (type) {
    case VIR_STORAGE_VOL_FILE: return "file";
    case VIR_STORAGE_VOL_BLOCK: return "block";
    case VIR_STORAGE_VOL_DIR: return "dir";
    case VIR_STORAGE_VOL_NETWORK: return "network";
    case VIR_STORAGE_VOL_NETDIR: return "netdir";
    case VIR_STORAGE_VOL_PLOOP: return "ploop";
    default: return "unknown";
    }
}

char *size_text(unsigned long long v, bool bytes)
{
    return bytes ? xasprintf("%llu", v) : fmt_size_bytes(v);
}

void buf_add_xml(struct buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': buf_adds(b, "&lt;"); break;
        case '>': buf_adds(b, "&gt;"); break;
        case '&': buf_adds(b, "&amp;"); break;
        case '\'': buf_adds(b, "&apos;"); break;
        case '"': buf_adds(b, "&quot;"); break;
        default: buf_addc(b, *s);
        }
    }
}
