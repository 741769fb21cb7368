/* textwidth.h: display width and safe escaping of text for terminals. */
#ifndef LVSH_TEXTWIDTH_H
#define LVSH_TEXTWIDTH_H

#include <stddef.h>
#include <stdbool.h>

/* Copy s with control bytes and invalid UTF-8 escaped as \xNN; caller frees. */
char *text_escape(const char *s);
/* Columns that text_escape(s) occupies on a terminal (wide chars count 2). */
size_t text_width(const char *s);
/* strlen(s) when s is all printable ASCII (it needs no escaping and is as
 * wide as long), else (size_t)-1. */
size_t text_printable_ascii(const char *s);

#endif
