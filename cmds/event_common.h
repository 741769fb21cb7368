/* event_common.h: what the event loop (event.c) and the per-family event
 * decoders (event_domain.c, event_objects.c) share.
 *
 * Callbacks run on libvirt's event thread.  They decode the payload into a
 * text line (virsh's wording) and a JSON details object and hand both to
 * ev_emit(), which counts the event and streams it through out_stream(). */
#ifndef LVSH_EVENT_COMMON_H
#define LVSH_EVENT_COMMON_H

#include "lvsh.h"

struct ev_ctx;

/* Stream one event.  text_fmt is what follows "event 'E' for domain 'x'"
 * (": Started Booted"); details is stolen. */
void ev_emit(struct ev_ctx *c, const char *family, const char *event, const char *name,
             const char *uuid, json_t *details, const char *text_fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* A registration function of one family: register callback `id` on obj
 * (NULL = every object), passing opaque and freecb through to libvirt;
 * returns libvirt's callback id or -1. */
typedef int (*ev_register_fn)(virConnectPtr conn, void *obj, int id, void *opaque,
                              virFreeCallback freecb);

struct ev_family {
    const char *name;           /* "domain": the JSON family and --family word */
    const char *command;        /* "event", "net-event", ... */
    const char *object_opt;     /* the filter option: "domain", "network", ... */
    const char *const *events;  /* names by libvirt's event id, NULL-terminated */
    int nevents;
    ev_register_fn reg;
    int (*dereg)(virConnectPtr conn, int callback_id);
    /* look the filter object up; NULL with r filled */
    void *(*lookup)(struct lvsh_session *s, struct lvsh_result *r, const char *key);
    void (*obj_free)(void *obj);
};

/* event names per family, indexed by event id, NULL-terminated */
extern const char *const ev_domain_names[];
extern const char *const ev_net_names[];
extern const char *const ev_pool_names[];
extern const char *const ev_nodedev_names[];
extern const char *const ev_secret_names[];

extern const struct ev_family ev_family_domain;
extern const struct ev_family ev_family_network;
extern const struct ev_family ev_family_pool;
extern const struct ev_family ev_family_nodedev;
extern const struct ev_family ev_family_secret;

/* A word from a table, or "unknown" when libvirt sends a newer value. */
const char *ev_word(const char *const *table, size_t n, int v);
#define EV_WORD(table, v) ev_word((table), sizeof(table) / sizeof((table)[0]), (v))

#endif
