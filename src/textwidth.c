/* textwidth.c: UTF-8 decoding, escaping and column widths, locale-independent.
 *
 * Widths come from glibc's wcwidth under C.UTF-8 regardless of the user's
 * locale, so tables line up the same under LANG=C and in UTF-8 locales. */
#include "textwidth.h"
#include "util.h"

#include <locale.h>
#include <string.h>
#include <wchar.h>

/* Decode one UTF-8 sequence at s; returns its length, or 0 if invalid. */
static size_t utf8_decode(const unsigned char *s, unsigned *cp)
{
    unsigned c = s[0];
    size_t n;
    unsigned min;

    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xc2 && c <= 0xdf) { n = 2; *cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 3; *cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 4; *cp = c & 0x07; min = 0x10000; }
    else return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        *cp = (*cp << 6) | (s[i] & 0x3f);
    }
    if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
        return 0;
    return n;
}

static bool is_control(unsigned cp)
{
    return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

/* Walk s calling back per unit: a printable code point or an escaped byte. */
static size_t walk(const char *s, struct buf *out)
{
    static locale_t utf8 = (locale_t)0;
    static bool tried;
    const unsigned char *p = (const unsigned char *)s;
    size_t width = 0;
    locale_t old = (locale_t)0;

    if (!tried) {  /* one immutable locale object, created once */
        tried = true;
        utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    }
    if (utf8)
        old = uselocale(utf8);
    while (*p) {
        /* a run of printable ASCII, the usual case, in one go */
        const unsigned char *run = p;
        while (*p >= 0x20 && *p < 0x7f)
            p++;
        if (p > run) {
            width += (size_t)(p - run);
            if (out)
                buf_add(out, (const char *)run, (size_t)(p - run));
            continue;
        }
        unsigned cp;
        size_t n = utf8_decode(p, &cp);
        if (n == 0 || is_control(cp)) {
            size_t bytes = n ? n : 1;
            for (size_t i = 0; i < bytes; i++) {
                if (out)
                    buf_printf(out, "\\x%02x", p[i]);
                width += 4;
            }
            p += bytes;
            continue;
        }
        int w = cp < 0x80 ? 1 : (utf8 ? wcwidth((wchar_t)cp) : 1);
        width += w < 0 ? 1 : (size_t)w;
        if (out)
            buf_add(out, (const char *)p, n);
        p += n;
    }
    if (utf8)
        uselocale(old);
    return width;
}

char *text_escape(const char *s)
{
    struct buf b = BUF_INIT;
    walk(s ? s : "", &b);
    return buf_steal(&b);
}

size_t text_printable_ascii(const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    const unsigned char *start = p;
    while (*p >= 0x20 && *p < 0x7f)
        p++;
    return *p ? (size_t)-1 : (size_t)(p - start);
}

size_t text_width(const char *s)
{
    size_t n = text_printable_ascii(s);   /* the usual case: no locale switch */
    return n != (size_t)-1 ? n : walk(s ? s : "", NULL);
}
