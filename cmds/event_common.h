/* event_common.h: what the event loop (event.c) and the per-family event
 * decoders (event_domain.c, event_objects.c) share.
 *
 * Callbacks run on libvirt's event thread.  They decode the payload into a
 * text line (virsh's wording) and a JSON details object and hand both to
 * ev_emit(), which counts the event and streams it through out_stream(). */
#ifndef LVSH_EVENT_COMMON_H
#define LVSH_EVENT_COMMON_H

#include "lvsh.h"

#include <pthread.h>

/* What a wait shares with libvirt's callbacks: refcounted, since libvirt may
 * call a freecb after the handler has returned. */
struct ev_ctx {
    pthread_mutex_t lock;
    int refs;
    bool closed;        /* the handler is done: drop late events */
    bool loop;
    bool timestamp;
    bool pretty;        /* qemu-monitor-event --pretty */
    int count;
    struct lvsh_result *r;
};

/* A context with one reference, the handler's. */
struct ev_ctx *ev_ctx_new(struct lvsh_result *r, bool loop, bool timestamp);
void ev_ctx_ref(struct ev_ctx *c);
/* Also libvirt's freecb for every registration. */
void ev_ctx_unref(void *opaque);

/* Stream one event if the wait still wants it (the first, or every one with
 * --loop): the record, and the text line after the --timestamp prefix.
 * rec is stolen. */
void ev_stream(struct ev_ctx *c, json_t *rec, const char *text);

/* Stream one event.  text_fmt is what follows "event 'E' for domain 'x'"
 * (": Started Booted"); details is stolen. */
void ev_emit(struct ev_ctx *c, const char *family, const char *event, const char *name,
             const char *uuid, json_t *details, const char *text_fmt, ...)
    __attribute__((format(printf, 7, 8)));

enum ev_end { EV_DONE, EV_TIMEOUT, EV_INTERRUPTED, EV_LOST };
/* Wait for the first event (every one with --loop) until --timeout, Ctrl-C
 * or the loss of the connection; then c drops what comes later.  *count:
 * the events streamed. */
enum ev_end ev_wait(struct lvsh_session *s, const struct lvsh_args *a, struct ev_ctx *c,
                    int *count);
/* The wait's last lines ("events received: N") and status: as virsh, a wait
 * that saw no event fails. */
enum lvsh_status ev_finish(struct lvsh_session *s, struct lvsh_result *r, enum ev_end end,
                           int count);

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
