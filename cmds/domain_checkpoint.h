/* domain_checkpoint.h: what the checkpoint command files share. */
#ifndef LVSH_DOMAIN_CHECKPOINT_H
#define LVSH_DOMAIN_CHECKPOINT_H

#include "domain_common.h"

/* The facts the listing reads from a checkpoint's XML. */
struct ckpt_facts {
    char *parent;       /* NULL for a root */
    char *description;  /* NULL when there is none */
    long long ctime;    /* creation time, seconds since the epoch */
};

/* Parse a checkpoint's XML; false (r filled unless NULL) when unreadable. */
bool ckpt_facts_parse(struct lvsh_result *r, const char *xml, struct ckpt_facts *f);
void ckpt_facts_free(struct ckpt_facts *f);

/* The checkpoint named by option opt in *out; fills r and returns the
 * failure status when it is missing or not found. */
enum lvsh_status ckpt_lookup(struct lvsh_result *r, virDomainPtr d, const struct lvsh_args *a,
                             const char *opt, virDomainCheckpointPtr *out);

/* The parent's name, NULL for a root; false (r filled) on failure. */
bool ckpt_parent_name(struct lvsh_result *r, virDomainCheckpointPtr cp, char **out);

/* {"domain": ..., "name": ...} for a checkpoint */
json_t *ckpt_json_ref(virDomainPtr d, const char *name);

/* The usual checkpoint-name option, positional after the domain; as virsh,
 * its absence is found by ckpt_lookup, after the domain's. */
#define CKPT_OPT_NAME(helptext) \
    { .name = "checkpointname", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_POSITIONAL, \
      .help = (helptext), .metavar = "checkpoint" }

#endif
