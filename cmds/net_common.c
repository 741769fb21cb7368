/* net_common.c: helpers shared by the network and filter command files. */
#include "net_common.h"
#include "util.h"

#include <stdlib.h>
#include <strings.h>

virNetworkPtr net_arg(struct lvsh_session *s, const struct lvsh_args *a,
                      struct lvsh_result *r)
{
    return lookup_network(s, r, args_str(a, "network"));
}

json_t *net_json_ref(virNetworkPtr n)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";
    virNetworkGetUUIDString(n, uuid);
    return json_pack("{s:o,s:s}", "name", json_str(virNetworkGetName(n)), "uuid", uuid);
}

void net_action_done(struct lvsh_result *r, virNetworkPtr n, const char *action,
                     const char *fmt, ...)
{
    va_list ap;
    json_t *j = net_json_ref(n);
    json_object_set_new(j, "action", json_string(action));
    out_json(r, j);
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    out_info(r, "%s", msg);
    free(msg);
}

int net_name_cmp(const char *a, const char *b)
{
    return strcasecmp(a, b);
}
