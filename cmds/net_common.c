/* net_common.c: helpers shared by the network and filter command files. */
#include "net_common.h"

#include <strings.h>

int net_name_cmp(const char *a, const char *b)
{
    return strcasecmp(a, b);
}
