/* domain_display.c: where to reach a domain's displays and console
 * (domdisplay, vncdisplay, ttyconsole), read from its live XML with XPath
 * the way virsh reads it, so scripts get the same URIs. */
#include "domain_util.h"
#include "util.h"

#include <limits.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <libxml/uri.h>

/* virsh tries the display types in this order */
static const char *const display_types[] = { "vnc", "spice", "rdp", NULL };

/* The domain's XML parsed (with its passwords when secure). */
static bool display_xml(struct dom_xml *x, virDomainPtr d, bool secure,
                        struct lvsh_result *r, const char *name)
{
    return dom_xml_load(x, d, secure ? VIR_DOMAIN_XML_SECURE : 0, r, name);
}

/* string(/domain/devices/graphics[@type='TYPE']/WHAT), NULL when empty */
static char *gfx_str(struct dom_xml *x, const char *type, const char *what)
{
    char *expr = xasprintf("string(/domain/devices/graphics[@type='%s']/%s)", type, what);
    char *v = dom_xml_str(x, xmlDocGetRootElement(x->doc), expr);
    free(expr);
    return v;
}

/* An integer attribute as virsh reads it: 0 unless the whole text is one. */
static int gfx_int(struct dom_xml *x, const char *type, const char *what, bool *ok)
{
    char *v = gfx_str(x, type, what), *end = NULL;
    long n = v ? strtol(v, &end, 10) : 0;
    *ok = v && end != v && *end == '\0' && n >= INT_MIN && n <= INT_MAX;
    free(v);
    return *ok ? (int)n : 0;
}

/* 0.0.0.0, ::, or another spelling of "any address" */
static bool addr_is_wildcard(const char *s)
{
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_flags = AI_NUMERICHOST };
    struct addrinfo *res = NULL;
    bool any = false;
    if (getaddrinfo(s, NULL, &hints, &res) != 0 || !res)
        return false;
    if (res->ai_family == AF_INET) {
        const struct sockaddr_in *in = (const void *)res->ai_addr;
        any = in->sin_addr.s_addr == 0;
    } else if (res->ai_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const void *)res->ai_addr;
        static const unsigned char zero[16];
        any = memcmp(&in6->sin6_addr, zero, sizeof(zero)) == 0;
    }
    freeaddrinfo(res);
    return any;
}

/* A wildcard listen address means "the host we are connected to". */
static char *uri_server(virConnectPtr conn)
{
    char *uri = virConnectGetURI(conn), *server = NULL;
    xmlURIPtr u = uri ? xmlParseURI(uri) : NULL;
    if (u && u->server && *u->server) {
        const char *h = u->server;
        size_t n = strlen(h);
        if (h[0] == '[' && n > 1 && h[n - 1] == ']')
            server = xstrndup(h + 1, n - 2);
        else
            server = xstrdup(h);
    }
    if (u)
        xmlFreeURI(u);
    free(uri);
    return server;
}

/* The URI of one display type, or NULL when the domain has none.  *params
 * carries over between types as it does in virsh. */
static char *display_uri(struct dom_xml *x, virConnectPtr conn, const char *type,
                         bool *params)
{
    bool ok;
    int port = gfx_int(x, type, "@port", &ok);
    int tls = gfx_int(x, type, "@tlsPort", &ok);
    char *listen = gfx_str(x, type, "@listen"), *sock = NULL;
    char *ltype = gfx_str(x, type, "listen/@type");
    if (ltype && strcmp(ltype, "socket") == 0)
        sock = gfx_str(x, type, "listen/@socket");
    free(ltype);
    if (!port && !tls && !sock) {
        free(listen);
        return NULL;
    }
    if (!listen) {
        listen = gfx_str(x, type, "listen/@address");
    } else if (addr_is_wildcard(listen)) {
        free(listen);
        listen = uri_server(conn);
    }
    char *pw = gfx_str(x, type, "@passwd");
    struct buf b = BUF_INIT;
    buf_printf(&b, "%s%s://", type, sock ? "+unix" : "");
    if (strcmp(type, "vnc") == 0 && pw)
        buf_printf(&b, ":%s@", pw);
    if (sock)
        buf_adds(&b, sock);
    else if (!listen)
        buf_adds(&b, "localhost");
    else if (strchr(listen, ':'))
        buf_printf(&b, "[%s]", listen);
    else
        buf_adds(&b, listen);
    if (port)
        buf_printf(&b, ":%d", strcmp(type, "vnc") == 0 ? port - 5900 : port);
    if (tls) {
        buf_printf(&b, "?tls-port=%d", tls);
        *params = true;
    }
    if (strcmp(type, "spice") == 0 && pw) {
        buf_printf(&b, "%spassword=%s", *params ? "&" : "?", pw);
        *params = true;
    }
    if (pw) {
        wipe(pw, strlen(pw));
        free(pw);
    }
    free(listen);
    free(sock);
    return buf_steal(&b);
}

/* virsh refuses display questions about a domain that is not running */
static virDomainPtr running_dom(const struct lvsh_args *a, struct lvsh_result *r)
{
    virDomainPtr d = args_target(a);
    int active = virDomainIsActive(d);
    if (active < 0) {
        err_virt(r, "failed to get the state of domain '%s'", args_target_key(a));
        return NULL;
    }
    if (!active) {
        err_fail(r, "Domain is not running");
        return NULL;
    }
    return d;
}

static enum lvsh_status run_domdisplay(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    const char *want = args_str(a, "type");
    bool all = args_has(a, "all"), params = false;
    struct dom_xml x;
    virDomainPtr d = running_dom(a, r);
    if (!d)
        return LVSH_FAILED;
    bool ok = display_xml(&x, d, args_has(a, "include-password"), r, args_target_key(a));
    if (!ok)
        return LVSH_FAILED;
    json_t *arr = json_array();
    for (int i = 0; display_types[i]; i++) {
        if (!all && want && strcmp(want, display_types[i]) != 0)
            continue;
        char *uri = display_uri(&x, s->conn, display_types[i], &params);
        if (!uri)
            continue;
        out_text(r, "%s\n", uri);
        json_array_append_new(arr, json_pack("{s:s,s:o}", "type", display_types[i],
                                             "uri", json_str(uri)));
        wipe(uri, strlen(uri));
        free(uri);
        if (!all)
            break;
    }
    dom_xml_free(&x);
    if (json_array_size(arr) == 0) {
        json_decref(arr);
        if (want)
            return err_fail(r, "No graphical display with type '%s' found", want);
        return err_fail(r, "No graphical display found");
    }
    if (!all)
        out_bare(r);   /* virsh ends the single URI with its own one-shot newline */
    out_json(r, arr);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domdisplay[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "include-password", .type = LVSH_OPT_BOOL,
      .help = "put the display password in the URI when there is one" },
    /* no .choices: virsh answers an unknown type with "not found", exit 1 */
    { .name = "type", .type = LVSH_OPT_STRING,
      .help = "only this kind of display (vnc, spice, rdp, dbus)", .metavar = "type" },
    { .name = "all", .type = LVSH_OPT_BOOL, .help = "show every graphical display" },
    LVSH_OPT_END,
};

static const char *const domdisplay_exclusive[] = { "all type", NULL };

static const struct lvsh_cmd cmd_domdisplay = {
    .name = "domdisplay",
    .group = "domain",
    .summary = "show the URI of a domain's graphical display",
    .description = "Print the URI a viewer connects to for a running domain's graphical "
                   "display (vnc, spice or rdp): address, port, TLS port and, with "
                   "--include-password, the password.",
    .opts = opts_domdisplay,
    .exclusive = domdisplay_exclusive,
    .flags = LVSH_CMD_CONN,
    .handler = run_domdisplay,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_vncdisplay(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    struct dom_xml x;
    bool ok;
    virDomainPtr d = running_dom(a, r);
    if (!d)
        return LVSH_FAILED;
    ok = display_xml(&x, d, false, r, args_target_key(a));
    if (!ok)
        return LVSH_FAILED;
    int port = gfx_int(&x, "vnc", "@port", &ok);
    if (!ok) {
        dom_xml_free(&x);
        return err_fail(r, "Failed to get VNC port. Is this domain using VNC?");
    }
    char *listen = gfx_str(&x, "vnc", "@listen");
    if (!listen)
        listen = gfx_str(&x, "vnc", "listen/@address");
    dom_xml_free(&x);
    if (listen && strcmp(listen, "0.0.0.0") == 0) {
        free(listen);
        listen = NULL;
    }
    out_text(r, "%s:%d\n", listen ? listen : "", port - 5900);
    out_json(r, json_pack("{s:o,s:i,s:i}", "address", json_str(listen),
                          "display", port - 5900, "port", port));
    free(listen);
    return LVSH_OK;
}

static const struct lvsh_opt opts_display_dom[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_vncdisplay = {
    .name = "vncdisplay",
    .group = "domain",
    .summary = "show a domain's VNC display",
    .description = "Print the address and display number (port minus 5900) of a running "
                   "domain's VNC display.",
    .opts = opts_display_dom,
    .flags = LVSH_CMD_CONN,
    .handler = run_vncdisplay,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_ttyconsole(struct lvsh_session *s, const struct lvsh_args *a,
                                       struct lvsh_result *r)
{
    (void)s;
    struct dom_xml x;
    virDomainPtr d = args_target(a);
    bool ok = display_xml(&x, d, false, r, args_str(a, "domain"));
    if (!ok)
        return LVSH_FAILED;
    char *tty = dom_xml_str(&x, xmlDocGetRootElement(x.doc),
                            "string(/domain/devices/console/@tty)");
    dom_xml_free(&x);
    if (!tty)
        return LVSH_FAILED;   /* as virsh: no console tty, no message */
    out_text(r, "%s\n", tty);
    out_json(r, json_pack("{s:o}", "tty", json_str(tty)));
    free(tty);
    return LVSH_OK;
}

static const struct lvsh_opt opts_ttyconsole[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_ttyconsole = {
    .name = "ttyconsole",
    .group = "domain",
    .summary = "show the terminal device of a domain's console",
    .description = "Print the host pseudo-terminal behind a domain's console, for tools "
                   "that attach to it directly.",
    .opts = opts_ttyconsole,
    .flags = LVSH_CMD_CONN,
    .handler = run_ttyconsole,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_display) = { &cmd_domdisplay, &cmd_vncdisplay, &cmd_ttyconsole, NULL };
