/* net_common.h: what the network, port and filter command files share. */
#ifndef LVSH_NET_COMMON_H
#define LVSH_NET_COMMON_H

#include "lvsh.h"

/* The usual first option: the network, by name or uuid. */
#define NET_OPT_NETWORK(comp) \
    { .name = "network", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "network name or uuid", .metavar = "network", .complete = (comp) }

/* An XML file to read: "-" is standard input. */
#define NET_OPT_FILE(what) \
    { .name = "file", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "file holding the XML description of the " what, .metavar = "file", \
      .complete = LVSH_COMP_FILE }

#define NET_OPT_VALIDATE(bit) \
    { .name = "validate", .type = LVSH_OPT_BOOL, .flag = (bit), \
      .help = "validate the XML against the schema before using it" }

/* Case-insensitive comparison of names, as virsh sorts its listings. */
int net_name_cmp(const char *a, const char *b);

#endif
