/* json_action.h: the JSON document of an action command.
 *
 * Every command that changes something prints, under --json, one object
 * naming the object (its family's *_json_ref()) and what was done:
 * {"name": ..., "uuid": ..., "action": "built"}.  These helpers keep that
 * shape in one place. */
#ifndef LVSH_CMDS_JSON_ACTION_H
#define LVSH_CMDS_JSON_ACTION_H

#include "lvsh.h"

/* ref (an object, owned) with "action": verb added; returns ref. */
static inline json_t *json_action(json_t *ref, const char *verb)
{
    json_object_set_new(ref, "action", json_string(verb));
    return ref;
}

/* Make ref + "action": verb the command's JSON document. */
static inline void out_json_action(struct lvsh_result *r, json_t *ref, const char *verb)
{
    out_json(r, json_action(ref, verb));
}

#endif
