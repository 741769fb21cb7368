/* domain_meta.c: what a domain says about itself: its description, title
 * and metadata, its clock and host name (desc, metadata, domtime,
 * domhostname). */
#include "edit.h"
#include "domain_util.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define AFFECT_OPTS(what) \
    { .name = "live", .type = LVSH_OPT_BOOL, .help = what " of the running domain" }, \
    { .name = "config", .type = LVSH_OPT_BOOL, .help = what " of the persistent definition" }, \
    { .name = "current", .type = LVSH_OPT_BOOL, .help = what " of the current state" }

static const char *const excl_affect[] = { "current live", "current config", NULL };

/* --new-desc and the words after it, joined by spaces as virsh does;
 * NULL when not given. */
static char *desc_joined(const struct lvsh_args *a)
{
    int n = 0;
    const char *first = args_str(a, "new-desc");
    char *const *w = args_rest(a, "more", &n);
    if (!first)
        return NULL;
    struct buf b = BUF_INIT;
    buf_adds(&b, first);
    for (int i = 0; i < n; i++)
        buf_printf(&b, " %s", w[i]);
    return buf_steal(&b);
}

/* The description or title; *absent says the domain has none. */
static char *desc_get(virDomainPtr d, int type, unsigned flags, bool *absent)
{
    char *v = virDomainGetMetadata(d, type, NULL, flags);
    virErrorPtr e = v ? NULL : virGetLastError();
    *absent = e && e->code == VIR_ERR_NO_DOMAIN_METADATA;
    if (*absent)
        virResetLastError();
    return v;
}

static enum lvsh_status desc_edit(virDomainPtr d, struct lvsh_session *s,
                                  struct lvsh_result *r, int type, unsigned flags,
                                  char **out)
{
    bool absent = false, changed = false;
    char *cur = desc_get(d, type, flags, &absent);
    if (!cur && !absent)
        return err_virt(r, "failed to get the %s of the domain",
                        type == VIR_DOMAIN_METADATA_TITLE ? "title" : "description");
    *out = edit_in_editor(s, r, cur ? cur : "", ".xml", &changed);
    free(cur);
    if (!*out)
        return LVSH_FAILED;
    if (!changed) {
        free(*out);
        *out = NULL;
    }
    return LVSH_OK;
}

static enum lvsh_status desc_show(virDomainPtr d, const struct lvsh_args *a,
                                  struct lvsh_result *r, int type, unsigned flags)
{
    bool title = type == VIR_DOMAIN_METADATA_TITLE, absent = false;
    const char *what = title ? "title" : "description";
    char *v = desc_get(d, type, flags, &absent);
    if (!v && !absent)
        return err_virt(r, "failed to get the %s of domain '%s'", what, args_str(a, "domain"));
    if (v)
        out_text(r, "%s\n", v);
    else
        out_info(r, "No %s for domain: %s", what, virDomainGetName(d));   /* not under -q */
    out_json(r, json_pack("{s:o}", what, json_str(v)));
    free(v);
    return LVSH_OK;
}

/* "Domain title updated successfully"; {name, uuid, action, title: text}. */
static void desc_done(struct lvsh_result *r, virDomainPtr d, const char *what,
                      const char *text)
{
    out_info(r, "Domain %s updated successfully", what);
    act_json(r, LVSH_KIND_DOMAIN, d, *text ? "updated" : "removed");
    out_json_set(r, what, *text ? json_str(text) : json_null());
}

static enum lvsh_status run_desc(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r)
{
    int type = args_has(a, "title") ? VIR_DOMAIN_METADATA_TITLE
                                    : VIR_DOMAIN_METADATA_DESCRIPTION;
    const char *what = type == VIR_DOMAIN_METADATA_TITLE ? "title" : "description";
    unsigned flags = args_affect_flags(a);
    virDomainPtr d = args_target(a);
    char *text = desc_joined(a);
    enum lvsh_status st = LVSH_OK;
    if (!text && !args_has(a, "edit")) {
        st = desc_show(d, a, r, type, flags);
        if (st == LVSH_OK)
            out_bare(r);
        return st;
    }
    if (args_has(a, "edit"))
        st = desc_edit(d, s, r, type, flags, &text);
    if (st == LVSH_OK && args_has(a, "edit") && !text) {
        out_info(r, "Domain %s not changed", what);
        act_json(r, LVSH_KIND_DOMAIN, d, "unchanged");
    } else if (st == LVSH_OK) {
        if (virDomainSetMetadata(d, type, *text ? text : NULL, NULL, NULL, flags) < 0)
            st = err_virt(r, "failed to set the %s of domain '%s'", what,
                          args_str(a, "domain"));
        else
            desc_done(r, d, what, text);
    }
    free(text);
    if (st == LVSH_OK)
        out_bare(r);   /* virsh ends none of desc's outputs with a blank line */
    return st;
}

static const struct lvsh_opt opts_desc[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    AFFECT_OPTS("change or show the text"),
    { .name = "title", .type = LVSH_OPT_BOOL,
      .help = "the one-line title instead of the description" },
    { .name = "edit", .type = LVSH_OPT_BOOL, .flags = LVSH_OPTF_WRITES,
      .help = "change the text in $VISUAL or $EDITOR" },
    { .name = "new-desc", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_EMPTY_OK | LVSH_OPTF_WRITES,
      .help = "the new text (the words after it are joined by spaces; empty removes it)",
      .metavar = "text" },
    { .name = "more", .type = LVSH_OPT_REST,
      .flags = LVSH_OPTF_POSITIONAL | LVSH_OPTF_HIDDEN | LVSH_OPTF_WRITES,
      .help = "further words of the new text", .metavar = "word" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_desc = {
    .name = "desc",
    .group = "domain",
    .summary = "show or set a domain's description or title",
    .description = "Print the description of a domain (--title: its title), or set it to "
                   "the words given, or edit it.",
    .opts = opts_desc,
    .exclusive = excl_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_desc,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- metadata ---------------------------------------------------------- */

/* Set (xml NULL: remove) the element; false with r filled on failure. */
static bool meta_apply(virDomainPtr d, const struct lvsh_args *a, struct lvsh_result *r,
                       const char *xml, unsigned flags)
{
    const char *uri = args_str(a, "uri"), *key = args_str(a, "key");
    if (virDomainSetMetadata(d, VIR_DOMAIN_METADATA_ELEMENT, xml, key, uri, flags) == 0)
        return true;
    err_virt(r, "failed to change the metadata '%s' of domain '%s'", uri, args_str(a, "domain"));
    return false;
}

/* The message of a metadata change and its JSON ({name, uuid, action, uri}). */
static void meta_said(virDomainPtr d, const struct lvsh_args *a, struct lvsh_result *r,
                      const char *action, const char *msg)
{
    out_info(r, "%s", msg);
    act_json(r, LVSH_KIND_DOMAIN, d, action);
    out_json_set(r, "uri", json_str(args_str(a, "uri")));
}

static enum lvsh_status meta_set(virDomainPtr d, const struct lvsh_args *a,
                                 struct lvsh_result *r, const char *xml, unsigned flags)
{
    if (xml && !args_str(a, "key"))
        return err_usage(r, "metadata needs --key (a namespace prefix) to set an element");
    if (!meta_apply(d, a, r, xml, flags))
        return LVSH_FAILED;
    meta_said(d, a, r, xml ? "modified" : "removed", xml ? "Metadata modified"
                                                         : "Metadata removed");
    return LVSH_OK;
}

struct meta_edit_ctx {
    virDomainPtr d;
    const struct lvsh_args *a;
    unsigned flags;
};

static bool meta_edit_apply(void *opaque, const char *xml, bool relaxed,
                            struct lvsh_result *r)
{
    struct meta_edit_ctx *c = opaque;
    (void)relaxed;
    return meta_apply(c->d, c->a, r, xml, c->flags);
}

static enum lvsh_status meta_edit(virDomainPtr d, struct lvsh_session *s,
                                  const struct lvsh_args *a, struct lvsh_result *r,
                                  unsigned flags)
{
    const char *key = args_str(a, "key");
    if (!key)
        return err_usage(r, "metadata needs --key (a namespace prefix) to edit an element");
    char *cur = virDomainGetMetadata(d, VIR_DOMAIN_METADATA_ELEMENT, args_str(a, "uri"),
                                     flags);
    if (!cur) {
        virErrorPtr e = virGetLastError();
        if (!e || e->code != VIR_ERR_NO_DOMAIN_METADATA)
            return err_virt(r, "failed to get the metadata of domain '%s'",
                            args_str(a, "domain"));
        virResetLastError();
        cur = xasprintf("<%s/>\n", key);
    }
    struct meta_edit_ctx c = { d, a, flags };
    struct edit_job job = { .xml = cur, .file = "metadata", .apply = meta_edit_apply,
                            .ctx = &c };
    enum edit_outcome o = edit_loop(s, r, &job);
    free(cur);
    if (o == EDIT_UNCHANGED)
        meta_said(d, a, r, "unchanged", "Metadata not changed");
    else if (o == EDIT_APPLIED)
        meta_said(d, a, r, "modified", "Metadata modified");
    return o == EDIT_FAILED ? LVSH_FAILED : LVSH_OK;
}

static enum lvsh_status meta_show(virDomainPtr d, const struct lvsh_args *a,
                                  struct lvsh_result *r, unsigned flags)
{
    char *xml = virDomainGetMetadata(d, VIR_DOMAIN_METADATA_ELEMENT, args_str(a, "uri"),
                                     flags);
    if (!xml)
        return err_lib(r, "failed to get the metadata '%s' of domain '%s'",
                        args_str(a, "uri"), args_str(a, "domain"));
    out_xml(r, xml);
    free(xml);
    return LVSH_OK;
}

static enum lvsh_status run_metadata(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    unsigned flags = args_affect_flags(a);
    const char *set = args_str(a, "set");
    if (set && *set && !xml_check_wellformed(r, set, "--set"))
        return LVSH_FAILED;
    virDomainPtr d = args_target(a);
    enum lvsh_status st;
    if (args_has(a, "edit"))
        st = meta_edit(d, s, a, r, flags);
    else if (set)
        st = meta_set(d, a, r, *set ? set : NULL, flags);
    else if (args_has(a, "remove"))
        st = meta_set(d, a, r, NULL, flags);
    else
        st = meta_show(d, a, r, flags);
    return st;
}

static const struct lvsh_opt opts_metadata[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN),
    { .name = "uri", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "the namespace URI of the metadata element", .metavar = "uri" },
    AFFECT_OPTS("change or show the metadata"),
    { .name = "edit", .type = LVSH_OPT_BOOL, .flags = LVSH_OPTF_WRITES,
      .help = "change the element in an editor" },
    { .name = "key", .type = LVSH_OPT_STRING,
      .help = "namespace prefix to use when setting the element" },
    { .name = "set", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_EMPTY_OK | LVSH_OPTF_WRITES,
      .help = "the new element as XML (empty removes it)", .metavar = "xml" },
    { .name = "remove", .type = LVSH_OPT_BOOL, .flags = LVSH_OPTF_WRITES,
      .help = "remove the element" },
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const char *const excl_metadata[] = {
    "current live", "current config", "edit set remove", NULL,
};

static const struct lvsh_cmd cmd_metadata = {
    .name = "metadata",
    .group = "domain",
    .summary = "show or set a domain's custom metadata",
    .description = "Print the metadata element of the namespace URI, or set it (--set with "
                   "--key), remove it, or edit it.",
    .opts = opts_metadata,
    .exclusive = excl_metadata,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_metadata,
    .target = LVSH_KIND_DOMAIN,
};

/* ---- domtime, domhostname --------------------------------------------- */

static enum lvsh_status domtime_show(virDomainPtr d, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    long long secs = 0;
    unsigned int nsecs = 0;
    if (virDomainGetTime(d, &secs, &nsecs, 0) < 0)
        return err_lib(r, "failed to get the time of domain '%s'", args_str(a, "domain"));
    if (args_has(a, "pretty")) {
        time_t t = (time_t)secs;
        struct tm tm;
        char buf[64] = "";
        gmtime_r(&t, &tm);
        strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
        out_text(r, "Time: %s\n", buf);
    } else {
        out_text(r, "Time: %lld\n", secs);
    }
    out_json(r, json_pack("{s:I,s:I}", "seconds", (json_int_t)secs, "nseconds",
                          (json_int_t)nsecs));
    out_bare(r);   /* virsh: no blank line after the time, one after the rest */
    return LVSH_OK;
}

/* {name, uuid, action: "time set", seconds, nseconds}: the time given. */
static void domtime_set_json(struct lvsh_result *r, virDomainPtr d, long long secs,
                             unsigned nsecs)
{
    act_json(r, LVSH_KIND_DOMAIN, d, "time set");
    out_json_set(r, "seconds", json_integer(secs));
    out_json_set(r, "nseconds", json_integer(nsecs));
}

static enum lvsh_status run_domtime(struct lvsh_session *s, const struct lvsh_args *a,
                                    struct lvsh_result *r)
{
    (void)s;
    long long secs = 0;
    unsigned int nsecs = 0;
    bool now = args_has(a, "now"), sync = args_has(a, "sync");
    bool set = now || sync || args_int(a, "time", &secs);
    if (set && args_has(a, "pretty"))
        return err_usage(r, "domtime --pretty only applies when reading the time");
    virDomainPtr d = args_target(a);
    enum lvsh_status st = LVSH_OK;
    if (!set) {
        st = domtime_show(d, a, r);
    } else {
        if (now) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            secs = ts.tv_sec;
            nsecs = (unsigned)ts.tv_nsec;
        }
        if (virDomainSetTime(d, secs, nsecs, sync ? VIR_DOMAIN_TIME_SYNC : 0) < 0)
            st = err_lib(r, "failed to set the time of domain '%s'", args_str(a, "domain"));
        else if (sync)
            act_json(r, LVSH_KIND_DOMAIN, d, "time synced");
        else
            domtime_set_json(r, d, secs, nsecs);
    }
    return st;
}

static const struct lvsh_opt opts_domtime[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "now", .type = LVSH_OPT_BOOL, .flags = LVSH_OPTF_WRITES,
      .help = "set the guest clock to the host's time" },
    { .name = "pretty", .type = LVSH_OPT_BOOL, .help = "print the time as a UTC date" },
    { .name = "sync", .type = LVSH_OPT_BOOL, .flags = LVSH_OPTF_WRITES,
      .help = "resynchronise the guest clock from its RTC" },
    { .name = "time", .type = LVSH_OPT_INT, .flags = LVSH_OPTF_WRITES,
      .help = "set the guest clock to this epoch time",
      .metavar = "seconds" },
    LVSH_OPT_END,
};

static const char *const excl_domtime[] = { "now sync time", NULL };

static const struct lvsh_cmd cmd_domtime = {
    .name = "domtime",
    .group = "domain",
    .summary = "show or set a domain's clock",
    .description = "Print the guest's time in seconds since the epoch (--pretty: as a "
                   "date), or set it from the host (--now), its RTC (--sync) or a value "
                   "(--time).  Needs the guest agent.",
    .opts = opts_domtime,
    .exclusive = excl_domtime,
    .flags = LVSH_CMD_CONN,
    .handler = run_domtime,
    .target = LVSH_KIND_DOMAIN,
};

static const char *const hostname_sources[] = { "lease", "agent", NULL };

static enum lvsh_status run_domhostname(struct lvsh_session *s, const struct lvsh_args *a,
                                        struct lvsh_result *r)
{
    (void)s;
    const char *src = args_str(a, "source");
    unsigned flags = 0;
    if (src)
        flags = strcmp(src, "agent") == 0 ? VIR_DOMAIN_GET_HOSTNAME_AGENT
                                          : VIR_DOMAIN_GET_HOSTNAME_LEASE;
    virDomainPtr d = args_target(a);
    char *name = virDomainGetHostname(d, flags);
    if (!name)
        return err_virt(r, "failed to get the host name of domain '%s'",
                        args_str(a, "domain"));
    out_text(r, "%s\n", name);
    out_json(r, json_pack("{s:o}", "hostname", json_str(name)));
    free(name);
    return LVSH_OK;
}

static const struct lvsh_opt opts_domhostname[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "source", .type = LVSH_OPT_STRING, .choices = hostname_sources,
      .complete = LVSH_COMP_CHOICES, .help = "ask the DHCP leases or the guest agent" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_domhostname = {
    .name = "domhostname",
    .group = "domain",
    .summary = "print a domain's host name",
    .description = "Print the host name the guest reports.",
    .opts = opts_domhostname,
    .flags = LVSH_CMD_CONN,
    .handler = run_domhostname,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_meta) = { &cmd_desc, &cmd_metadata, &cmd_domtime, &cmd_domhostname, NULL };
