/* prompt.c: expanding the prompt's % escapes. */
#include "prompt.h"
#include "inventory.h"
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

static char *prompt_one_host(const char *uri, bool shorten);

/* A fleet's targets, each URI among them shortened to its host:
 * "@web,qemu+ssh://root@kvm9.lab/system" -> "@web,kvm9". */
static char *prompt_targets(const char *spec, bool shorten)
{
    struct buf b = BUF_INIT;
    for (const char *start = spec;; ) {
        const char *end = inventory_item_end(start);
        char *item = xstrndup(start, (size_t)(end - start));
        char *host = prompt_one_host(item, shorten);
        if (b.len)
            buf_addc(&b, ',');
        buf_adds(&b, host);
        free(host);
        free(item);
        if (!*end)
            break;
        start = end + 1;
    }
    return buf_steal(&b);
}

char *prompt_host(const char *uri, bool shorten)
{
    if (strchr(uri, ':') && inventory_spec_is_set(uri))
        return prompt_targets(uri, shorten);
    return prompt_one_host(uri, shorten);
}

static char *prompt_one_host(const char *uri, bool shorten)
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
    /* the host's name when -c or connect named it (kvm01, not its URI) */
    const char *name = s->host_name ? s->host_name : uri;
    if (!fmt) {   /* the default, without a blank where the host is unknown */
        char *host = prompt_host(name, true);
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
        case 'm': t = prompt_host(name, true); break;
        case 'M': t = prompt_host(name, false); break;
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
