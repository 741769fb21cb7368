/* prompt.h: the interactive prompt and its % escapes (psql-like). */
#ifndef LVSH_PROMPT_H
#define LVSH_PROMPT_H

#include "lvsh.h"

/* Escapes of `set prompt`:
 *   %m  the host's short name (up to the first dot), or the driver for a
 *       local URI (qemu, test, ...); the name -c or connect gave it (an
 *       inventory host, a uri_aliases alias); a fleet's targets as given,
 *       each URI among them shortened so
 *   %M  the full host name, or the driver for a local URI
 *   %U  the full URI       %d  the driver
 *   %#  '#', or '>' when the connection is read-only
 *   %?  the last command line's exit status
 *   %[ %]  around terminal escapes (colours) that take no room
 *   %%  a percent sign
 * Without `set prompt`, the prompt is "lvsh %m%# " ("lvsh# " when the host
 * is not known yet). */

/* Expand fmt for the session (NULL: the default prompt); caller frees. */
char *prompt_expand(const struct lvsh_session *s, const char *fmt);
/* The host part of a URI, shortened at the first dot when short; the driver
 * for a local URI; "" when unknown.  Caller frees. */
char *prompt_host(const char *uri, bool shorten);

#endif
