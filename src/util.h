/* util.h: allocation that cannot fail quietly, and a growable byte buffer. */
#ifndef LVSH_UTIL_H
#define LVSH_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

struct buf {
    char *data;
    size_t len, cap;
};
#define BUF_INIT { NULL, 0, 0 }

void buf_addc(struct buf *b, char c);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* the NUL-terminated contents (never NULL); the buffer is reset */
char *buf_steal(struct buf *b);
const char *buf_str(struct buf *b);
void buf_free(struct buf *b);
/* Append what is left of f; false when that would pass max bytes (0: no
 * limit), the rest unread.  A read error shows in ferror(f). */
bool buf_read(struct buf *b, FILE *f, size_t max);

/* Overwrite memory that held a secret, in a way the compiler keeps. */
void wipe(void *p, size_t n);
bool str_prefix(const char *s, const char *prefix);

/* The time ms milliseconds from now on clock (for pthread_cond_timedwait). */
struct timespec timespec_in_ms(clockid_t clock, long long ms);

#endif
