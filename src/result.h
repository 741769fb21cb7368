/* result.h: what a handler leaves behind, and how the core renders it. */
#ifndef LVSH_RESULT_H
#define LVSH_RESULT_H

#include "lvsh.h"
#include "util.h"

#include <stdio.h>

struct out_cellv {
    json_t *value;
    char *text;
};

struct out_table {
    int ncols;
    char **headers;
    char **keys;
    unsigned *colflags;
    struct out_cellv *cells;   /* nrows * ncols, row-major */
    int nrows;
    int cap;                   /* rows allocated */
    int cur;                   /* cells filled in the current row */
    bool text_only;            /* keep no JSON values: the output is text */
};

struct out_fieldv {
    char *label;
    char *key;
    json_t *value;
    char *text;
};

struct lvsh_result {
    struct buf text;
    char **infos;
    int ninfos;
    char **warns;
    int nwarns;
    bool *warn_is_error;       /* out_err_line(): "error: " in text, still a warning */
    char *xml;
    json_t *json;
    struct out_table *table;
    struct out_fieldv *fields;
    int nfields;
    int label_width;
    bool bare;                 /* out_bare(): no one-shot blank line */
    bool text_only;            /* rendered as text: tables need no JSON values */

    /* the error, if the command failed */
    char *err_msg;
    char *err_detail;          /* libvirt's own message */
    int err_code;              /* libvirt's error number, 0 for lvsh errors */
    bool err_detail_only;      /* err_lib(): text shows only err_detail */
    bool err_msg_only;         /* text shows only err_msg (JSON keeps the detail) */
    bool value_error;          /* a usage error virsh finds only when running the
                                  command (a value, a clash): blank line kept */

    bool stream_json;          /* out_stream() writes JSON lines (set by dispatch) */
    int muted;                 /* atomic: the command was given up on; stream nothing */
    const char *stream_host;   /* one host of several (fleet.c): streamed lines name it */
    const char *stream_uri;
};

struct render_opts {
    enum lvsh_format format;
    bool quiet;
    bool no_header;            /* CSV without its header line (--no-header) */
    bool pretty;               /* indent JSON (a terminal is reading) */
    bool trailer;              /* virsh one-shot: blank line after output */
    const char *xpath;
    bool wrap;
    const char *where_file;    /* "script.lvsh" for batch error lines */
    int where_line;
};

/* Room for nrows rows in all, so that adding them moves nothing. */
void out_table_reserve(struct out_table *t, int nrows);
/* out_cell() taking text (malloc'd) and value as they are: a table made
 * of other tables' cells (fleet_render.c) moves them instead of copying. */
void out_cell_take(struct out_table *t, json_t *value, char *text);

/* libvirt's error callback: keeps the thread's latest error so err_virt()
 * still has it after a later successful call (virDomainGetName() in the
 * message arguments) has reset libvirt's last error; prints nothing. */
void result_libvirt_error_hook(void *opaque, virErrorPtr err);
/* Drop the thread's libvirt error and the hook's copy (an expected failure). */
void result_forget_libvirt_error(void);

void result_init(struct lvsh_result *r);
void result_free(struct lvsh_result *r);
bool result_failed(const struct lvsh_result *r);
/* Render data to out and messages/errors to err.  Returns the final
 * status: an --xpath evaluation error can fail an otherwise good result. */
enum lvsh_status render_result(FILE *out, FILE *err, struct lvsh_result *r,
                               const struct render_opts *o, enum lvsh_status st);
/* True once stdout cannot take more output: a write failed (EPIPE, ENOSPC,
 * EBADF...) or the pipe's reader went away.  Commands stop (see
 * session_interrupted) and the session ends. */
bool render_output_gone(void);
/* The process exit status: flushes stdout, reports a write error not yet
 * reported, and turns 0 into 1 when output was lost. */
int render_exit_status(int st);
/* Render only an error (usage problems found before a handler ran). */
void render_error(FILE *err, const struct lvsh_result *r, const struct render_opts *o,
                  int status);

#endif
