/* domain_snapshot.h: what the snapshot command files share. */
#ifndef LVSH_DOMAIN_SNAPSHOT_H
#define LVSH_DOMAIN_SNAPSHOT_H

#include "domain_common.h"

/* The facts virsh reads from a snapshot's XML. */
struct snap_facts {
    char *state;        /* running, shutoff, disk-snapshot, ... */
    char *parent;       /* NULL for a root */
    char *description;  /* NULL when there is none */
    long long ctime;    /* creation time, seconds since the epoch */
    bool external;      /* memory or a disk is stored outside the image */
};

/* Parse a snapshot's XML; false (r filled unless NULL) when it cannot be read. */
bool snap_facts_parse(struct lvsh_result *r, const char *xml, struct snap_facts *f);
void snap_facts_free(struct snap_facts *f);

/* "2024-01-31 12:00:00 +0100" in local time, as virsh shows creation times;
 * the caller frees. */
char *snap_time_text(long long t);

/* The snapshot named by option opt ("snapshotname", "from") or, with
 * --current, the current one, in *out; the status tells a usage error (no
 * name and no --current) from a failed lookup. */
enum lvsh_status snap_lookup(struct lvsh_result *r, virDomainPtr d, const struct lvsh_args *a,
                             const char *opt, virDomainSnapshotPtr *out);

/* {"domain": ..., "name": ...} for a snapshot */
json_t *snap_json_ref(virDomainPtr d, const char *snapname);

/* The usual snapshot-name option, positional after the domain. */
#define SNAP_OPT_NAME(helptext) \
    { .name = "snapshotname", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_POSITIONAL, \
      .help = (helptext), .metavar = "snapshot", .complete = LVSH_COMP_DOMAIN_SNAPSHOT }

#endif
