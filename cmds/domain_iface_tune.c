/* domain_iface_tune.c: a domain's virtual interfaces: link state
 * (domif-getlink, domif-setlink) and bandwidth (domiftune). */
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "aa:bb:cc:dd:ee:ff": the interface argument names a MAC, not a device. */
static bool looks_like_mac(const char *s)
{
    if (strlen(s) != 17)
        return false;
    for (int i = 0; i < 17; i++) {
        bool colon = i % 3 == 2;
        if (colon ? s[i] != ':' : !strchr("0123456789abcdefABCDEF", s[i]))
            return false;
    }
    return true;
}

/* The <interface> whose MAC (any case) or target device is iface; NULL if none. */
static xmlNodePtr find_iface(struct dom_xml *x, const char *iface)
{
    bool mac = looks_like_mac(iface);
    xmlXPathObjectPtr o = dom_xml_nodes(x, "/domain/devices/interface");
    xmlNodePtr found = NULL;
    for (int i = 0; o->nodesetval && i < o->nodesetval->nodeNr && !found; i++) {
        xmlNodePtr n = o->nodesetval->nodeTab[i];
        char *v = dom_xml_str(x, n, mac ? "string(mac/@address)" : "string(target/@dev)");
        if (v && (mac ? strcasecmp(v, iface) == 0 : strcmp(v, iface) == 0))
            found = n;
        free(v);
    }
    xmlXPathFreeObject(o);
    return found;
}

static enum lvsh_status iface_missing(struct lvsh_result *r, const char *iface)
{
    return err_fail(r, "Interface (%s: %s) not found.", looks_like_mac(iface) ? "mac" : "dev",
                    iface);   /* virsh's words */
}

static const struct lvsh_opt opts_getlink[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "interface", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "interface",
      .help = "interface device (vnet0) or MAC address", .complete = LVSH_COMP_DOMAIN_IFACE },
    LVSH_OPT_ALIAS_OF("persistent", "config"),
    { .name = "config", .type = LVSH_OPT_BOOL,
      .help = "the link state of the persistent definition" },
    LVSH_OPT_END,
};

static enum lvsh_status run_domif_getlink(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)s;
    const char *iface = args_str(a, "interface");
    virDomainPtr d = args_target(a);
    struct dom_xml x;
    bool ok = dom_xml_load(&x, d, args_has(a, "config") ? VIR_DOMAIN_XML_INACTIVE : 0, r,
                           args_target_key(a));
    if (!ok)
        return LVSH_FAILED;
    xmlNodePtr n = find_iface(&x, iface);
    enum lvsh_status st = LVSH_OK;
    if (!n) {
        st = iface_missing(r, iface);
    } else {
        char *state = dom_xml_str(&x, n, "string(link/@state)");
        const char *word = state ? state : "up";
        out_text(r, "%s %s\n", iface, word);
        out_json(r, json_pack("{s:o,s:s}", "interface", json_str(iface), "state", word));
        out_bare(r);   /* virsh: a blank line only after a failure */
        free(state);
    }
    dom_xml_free(&x);
    return st;
}

static const struct lvsh_cmd cmd_domif_getlink = {
    .name = "domif-getlink",
    .group = "domain",
    .summary = "show the link state of a domain's virtual interface",
    .description = "Print the interface as given and its link state, up or down.  The "
                   "interface is a MAC address or the host-side device name.",
    .opts = opts_getlink,
    .flags = LVSH_CMD_CONN,
    .handler = run_domif_getlink,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- domif-setlink ----------------------------------------------------- */

/* The <interface> element as XML with its <link state=...> set. */
static char *iface_with_link(xmlDocPtr doc, xmlNodePtr n, const char *state)
{
    xmlNodePtr link = NULL;
    for (xmlNodePtr c = n->children; c && !link; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "link"))
            link = c;
    if (!link)
        link = xmlNewChild(n, NULL, BAD_CAST "link", NULL);
    xmlSetProp(link, BAD_CAST "state", BAD_CAST state);
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, n, 0, 0);
    char *xml = xstrdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return xml;
}

static enum lvsh_status setlink_apply(virDomainPtr d, const struct lvsh_args *a,
                                      struct lvsh_result *r, const char *xml, unsigned flags)
{
    if (args_has(a, "print-xml")) {
        out_text(r, "%s\n", xml);
        out_json(r, json_pack("{s:o}", "xml", json_str(xml)));
        return LVSH_OK;
    }
    if (virDomainUpdateDeviceFlags(d, xml, flags) < 0)
        return err_virt(r, "failed to update the link state of interface '%s'",
                        args_str(a, "interface"));
    out_info(r, "Device updated successfully\n");
    json_t *o = kind_json_ref(LVSH_KIND_DOMAIN, d);
    json_object_set_new(o, "interface", json_str(args_str(a, "interface")));
    json_object_set_new(o, "state", json_str(args_str(a, "state")));
    out_json(r, o);
    return LVSH_OK;
}

static enum lvsh_status run_domif_setlink(struct lvsh_session *s, const struct lvsh_args *a,
                                          struct lvsh_result *r)
{
    (void)s;
    const char *iface = args_str(a, "interface"), *state = args_str(a, "state");
    if (strcmp(state, "up") != 0 && strcmp(state, "down") != 0)
        return err_usage(r, "invalid link state '%s': expected up or down", state);
    virDomainPtr d = args_target(a);
    /* virsh's rule: an inactive domain or --config edits the definition */
    bool config = args_has(a, "config") || virDomainIsActive(d) == 0;
    unsigned flags = config ? VIR_DOMAIN_AFFECT_CONFIG : VIR_DOMAIN_AFFECT_LIVE;
    struct dom_xml x;
    if (!dom_xml_load(&x, d, config ? VIR_DOMAIN_XML_INACTIVE : 0, r, args_str(a, "domain")))
        return LVSH_FAILED;
    enum lvsh_status st;
    xmlNodePtr n = find_iface(&x, iface);
    if (!n) {
        st = err_fail(r, "interface '%s' not found", iface);
    } else {
        char *xml = iface_with_link(x.doc, n, state);
        st = setlink_apply(d, a, r, xml, flags);
        free(xml);
    }
    dom_xml_free(&x);
    if (st == LVSH_OK)
        out_bare(r);   /* virsh: a blank line only after a failure */
    return st;
}

static const char *const link_states[] = { "up", "down", NULL };

static const struct lvsh_opt opts_setlink[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "interface", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "interface",
      .help = "interface device (vnet0) or MAC address", .complete = LVSH_COMP_DOMAIN_IFACE },
    { .name = "state", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "state",
      .help = "the new link state: up or down", .complete = LVSH_COMP_CHOICES,
      .choices = link_states },
    LVSH_OPT_ALIAS_OF("persistent", "config"),
    { .name = "config", .type = LVSH_OPT_BOOL, .help = "change the persistent definition" },
    { .name = "print-xml", .type = LVSH_OPT_BOOL,
      .help = "print the updated interface XML instead of applying it" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domif_setlink = {
    .name = "domif-setlink",
    .group = "domain",
    .summary = "set the link state of a domain's virtual interface",
    .description = "Bring a virtual interface's link up or down, as update-device with the "
                   "interface's XML and a changed <link state=.../>.  A shut-off domain's "
                   "definition is changed, as with --config.",
    .opts = opts_setlink,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_domif_setlink,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- domiftune --------------------------------------------------------- */

/* "average[,peak[,burst[,floor]]]" with empty fields allowed; false if malformed. */
static bool parse_rate(const char *text, unsigned long long v[4], int nfields)
{
    const char *p = text;
    for (int i = 0; i < 4; i++)
        v[i] = 0;
    for (int i = 0; i < nfields; i++) {
        char *end = (char *)p;
        if (*p != ',' && *p != '\0') {
            if (*p < '0' || *p > '9')
                return false;
            v[i] = strtoull(p, &end, 10);
        }
        if (*end == '\0')
            return true;
        if (*end != ',')
            return false;
        p = end + 1;
    }
    return false;
}

static const char *const rate_in[] = { VIR_DOMAIN_BANDWIDTH_IN_AVERAGE,
    VIR_DOMAIN_BANDWIDTH_IN_PEAK, VIR_DOMAIN_BANDWIDTH_IN_BURST,
    VIR_DOMAIN_BANDWIDTH_IN_FLOOR };
static const char *const rate_out[] = { VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE,
    VIR_DOMAIN_BANDWIDTH_OUT_PEAK, VIR_DOMAIN_BANDWIDTH_OUT_BURST };

/* Add one direction's fields to params (average always, the rest if non-zero). */
static bool rate_params(struct lvsh_result *r, const char *dir, const char *text,
                        const char *const *fields, int nfields,
                        virTypedParameterPtr *p, int *n, int *max)
{
    unsigned long long v[4];
    if (!parse_rate(text, v, nfields)) {
        err_usage(r, "%s rate '%s' is malformed: expected average[,peak[,burst%s]]", dir,
                  text, nfields == 4 ? "[,floor]" : "");
        return false;
    }
    for (int i = 0; i < nfields; i++)
        if (v[i] > 0xffffffffULL) {
            err_usage(r, "%s rate '%s': %llu is too large", dir, text, v[i]);
            return false;
        }
    if (!v[0] && !(nfields == 4 && v[3])) {
        err_usage(r, nfields == 4 ? "either inbound average or floor is mandatory"
                                  : "outbound average is mandatory");
        return false;
    }
    for (int i = 0; i < nfields; i++)
        if (i == 0 || v[i])
            virTypedParamsAddUInt(p, n, max, fields[i], (unsigned)v[i]);
    return true;
}

static enum lvsh_status domiftune_show(virDomainPtr d, const struct lvsh_args *a,
                                       struct lvsh_result *r, unsigned flags)
{
    const char *iface = args_str(a, "interface");
    int n = 0;
    if (virDomainGetInterfaceParameters(d, iface, NULL, &n, flags) < 0)
        return err_virt(r, "Unable to get interface parameters");
    virTypedParameterPtr p = xcalloc((size_t)n + 1, sizeof(*p));
    if (n > 0 && virDomainGetInterfaceParameters(d, iface, p, &n, flags) < 0) {
        free(p);
        return err_virt(r, "Unable to get interface parameters");
    }
    tparams_out(r, p, n);
    virTypedParamsClear(p, n);
    free(p);
    return LVSH_OK;
}

static enum lvsh_status run_domiftune(struct lvsh_session *s, const struct lvsh_args *a,
                                      struct lvsh_result *r)
{
    (void)s;
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    const char *in = args_str(a, "inbound"), *out = args_str(a, "outbound");
    if ((in && !rate_params(r, "inbound", in, rate_in, 4, &p, &n, &max)) ||
        (out && !rate_params(r, "outbound", out, rate_out, 3, &p, &n, &max))) {
        virTypedParamsFree(p, n);
        return LVSH_USAGE;
    }
    virDomainPtr d = args_target(a);
    enum lvsh_status st = LVSH_FAILED;
    unsigned flags = args_flags(a);
    if (n == 0)
        st = domiftune_show(d, a, r, flags);
    else if (virDomainSetInterfaceParameters(d, args_str(a, "interface"), p, n, flags) < 0)
        st = err_virt(r, "failed to set the parameters of interface '%s'",
                      args_str(a, "interface"));
    else
        st = LVSH_OK;
    virTypedParamsFree(p, n);
    return st;
}

static const struct lvsh_opt opts_domiftune[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "interface", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL, .metavar = "interface",
      .help = "interface device (vnet0) or MAC address", .complete = LVSH_COMP_DOMAIN_IFACE },
    { .name = "inbound", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_WRITES,
      .metavar = "average[,peak[,burst[,floor]]]",
      .help = "incoming traffic limits, in KiB/s (burst in KiB)" },
    { .name = "outbound", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_WRITES,
      .metavar = "average[,peak[,burst]]",
      .help = "outgoing traffic limits, in KiB/s (burst in KiB)" },
    LVSH_AFFECT_OPTS("domain"),
    LVSH_OPT_END,
};

static const char *const excl_affect[] = { LVSH_AFFECT_EXCL, NULL };

static const struct lvsh_cmd cmd_domiftune = {
    .name = "domiftune",
    .group = "domain",
    .summary = "show or set the bandwidth of a domain's virtual interface",
    .description = "Without --inbound or --outbound, print the interface's bandwidth "
                   "parameters; with them, set the limits.",
    .opts = opts_domiftune,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_domiftune,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_iface_tune) = { &cmd_domif_getlink, &cmd_domif_setlink, &cmd_domiftune,
                                   NULL };
