/* storage_common.h: what the pool and volume command files share. */
#ifndef LVSH_STORAGE_COMMON_H
#define LVSH_STORAGE_COMMON_H

#include "lvsh.h"
#include "util.h"

/* The usual first option: the pool, by name, uuid or target path. */
#define POOL_OPT_POOL(comp, helptext) \
    { .name = "pool", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = helptext, .metavar = "pool", .complete = (comp) }

/* A volume by name (with --pool), key or path, and the optional --pool. */
#define VOL_OPT_VOL \
    { .name = "vol", .type = LVSH_OPT_STRING, \
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, \
      .help = "volume name (with --pool), key or path", .metavar = "vol", \
      .complete = LVSH_COMP_VOLUME }
#define VOL_OPT_POOL \
    { .name = "pool", .type = LVSH_OPT_STRING, \
      .help = "pool name, uuid or target path of the volume's pool", .metavar = "pool", \
      .complete = LVSH_COMP_POOL }

/* virsh's words: "running", "inactive", ...; "file", "block", ... */
const char *pool_state_name(int state);
const char *vol_type_name(int type);

/* A size as text: "10.00 GiB", or the plain byte count with bytes true. */
char *size_text(unsigned long long v, bool bytes);

/* Append s to b with XML's five special characters escaped. */
void buf_add_xml(struct buf *b, const char *s);

/* virsh's --build/--overwrite/--no-overwrite, as pool-create flags */
#define POOL_BUILD_OPTS \
    { .name = "build", .type = LVSH_OPT_BOOL, .flag = VIR_STORAGE_POOL_CREATE_WITH_BUILD, \
      .help = "build the pool before starting it" }, \
    { .name = "no-overwrite", .type = LVSH_OPT_BOOL, \
      .flag = VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE, \
      .help = "build, but refuse to overwrite existing data" }, \
    { .name = "overwrite", .type = LVSH_OPT_BOOL, \
      .flag = VIR_STORAGE_POOL_CREATE_WITH_BUILD_OVERWRITE, \
      .help = "build, overwriting any existing data" }

#endif
