/* prompt.c: expanding the prompt's % escapes. */
#include "prompt.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The URI the session talks to: libvirt's once connected, else the asked one. */
static const char *prompt_uri(const struct lvsh_session *s)
{
    if (s->conn_uri && *s->conn_uri)
        return s->conn_uri;
    return s->uri ? s->uri : "";
}

/* "qemu+ssh" -> "qemu" */
static char *uri_driver(const char *uri)
{
    size_t n = strcspn(uri, "+:");
    return uri[n] == '+' || uri[n] == ':' ? xstrndup(uri, n) : xstrdup("");
}

static bool is_address(const char *h)
{
    for (; *h; h++)
        if (!isdigit((unsigned char)*h) && *h != '.' && *h != ':' && *h != '[' && *h != ']')
            return false;
    return true;
}

char *prompt_host(const char *uri, bool shorten)
{
    const char *p = strstr(uri, "://");
    if (!p && !strchr(uri, ':'))   /* an alias or a fleet's targets (@web,kvm07) */
        return xstrdup(uri);
    if (!p)
        return uri_driver(uri);
    p += 3;
    size_t n = strcspn(p, "/?#");
    char *auth = xstrndup(p, n);
    char *host = strrchr(auth, '@') ? strrchr(auth, '@') + 1 : auth;
    if (*host == '[') {                         /* [::1]:16509 */
        char *end = strchr(host, ']');
        if (end)
            end[1] = '\0';
    } else {
        host[strcspn(host, ":")] = '\0';         /* no port */
    }
    char *out;
    if (!*host)
        out = uri_driver(uri);
    else if (shorten && !is_address(host))
        out = xstrndup(host, strcspn(host, "."));
    else
        out = xstrdup(host);
    free(auth);
    return out;
}

char *prompt_expand(const struct lvsh_session *s, const char *fmt)
{
    struct buf b = BUF_INIT;
    const char *uri = prompt_uri(s);
    if (!fmt) {   /* the default, without a blank where the host is unknown */
        char *host = prompt_host(uri, true);
        char *p = xasprintf("lvsh%s%s%c ", *host ? " " : "", host, s->readonly ? '>' : '#');
        free(host);
        return p;
    }
    for (const char *f = fmt; *f; f++) {
        if (*f != '%' || !f[1]) {
            buf_addc(&b, *f);
            continue;
        }
        char *t = NULL;
        switch (*++f) {
        case 'm': t = prompt_host(uri, true); break;
        case 'M': t = prompt_host(uri, false); break;
        case 'U': buf_adds(&b, uri); break;
        case 'd': t = uri_driver(uri); break;
        case '#': buf_addc(&b, s->readonly ? '>' : '#'); break;
        case '?': buf_printf(&b, "%d", s->last_status); break;
        case '[': buf_addc(&b, '\001'); break;   /* readline: takes no room */
        case ']': buf_addc(&b, '\002'); break;
        case '%': buf_addc(&b, '%'); break;
        default: buf_addc(&b, '%'); buf_addc(&b, *f); break;
        }
        if (t)
            buf_adds(&b, t);
        free(t);
    }
    return buf_steal(&b);
}
