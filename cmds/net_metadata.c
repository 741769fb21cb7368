/* net_metadata.c: `net-desc` and `net-metadata`, a network's title,
 * description and custom XML metadata.  libvirt gained these calls in 9.7;
 * built against an older library the family is empty. */
#include "net_common.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#if LIBVIR_CHECK_VERSION(9, 7, 0)

/* Reading is allowed on a read-only connection, so the commands carry no
 * LVSH_CMD_WRITES and refuse only their changing forms under -r. */
static bool meta_readonly(struct lvsh_session *s, struct lvsh_result *r, const char *cmd)
{
    if (!s->readonly)
        return false;
    err_fail(r, "'%s' changes state, but the connection is read-only (-r)", cmd);
    return true;
}

/* The current value, "" when the network has none; NULL on a real error. */
static char *meta_get(virNetworkPtr n, int type, const char *uri, unsigned flags)
{
    char *v = virNetworkGetMetadata(n, type, uri, flags);
    if (!v && virGetLastErrorCode() == VIR_ERR_NO_NETWORK_METADATA) {
        virResetLastError();
        return xstrdup("");
    }
    return v;
}

/* Edit text; NULL with r filled on failure, *changed as edit_in_editor. */
static char *meta_edit(struct lvsh_session *s, struct lvsh_result *r, const char *cur,
                       bool *changed)
{
    char *edited = edit_in_editor(s, r, cur, ".xml", changed);
    if (!edited)
        return NULL;
    size_t len = strlen(edited);   /* editors add a final newline */
    if (len && edited[len - 1] == '\n')
        edited[--len] = '\0';
    *changed = strcmp(edited, cur) != 0;
    return edited;
}

static char *desc_words(const struct lvsh_args *a)
{
    int nw = 0;
    char *const *w = args_rest(a, "new-desc", &nw);
    struct buf b = BUF_INIT;
    for (int i = 0; i < nw; i++)
        buf_printf(&b, "%s%s", i ? " " : "", w[i]);
    return nw ? buf_steal(&b) : NULL;
}

static enum lvsh_status desc_show(struct lvsh_result *r, virNetworkPtr n, int type,
                                  const char *what, unsigned flags)
{
    const char *name = virNetworkGetName(n);
    char *cur = meta_get(n, type, NULL, flags);
    if (!cur)
        return err_virt(r, "failed to get the %s of network '%s'", what, name);
    json_t *j = kind_json_ref(LVSH_KIND_NETWORK, n);
    json_object_set_new(j, what, *cur ? json_str(cur) : json_null());
    out_json(r, j);
    if (*cur)
        out_text(r, "%s\n", cur);
    else
        out_info(r, "No %s for network: %s", what, name);
    free(cur);
    return LVSH_OK;
}

static enum lvsh_status run_net_desc(struct lvsh_session *s, const struct lvsh_args *a,
                                     struct lvsh_result *r)
{
    bool title = args_has(a, "title");
    int type = title ? VIR_NETWORK_METADATA_TITLE : VIR_NETWORK_METADATA_DESCRIPTION;
    const char *what = title ? "title" : "description";
    unsigned flags = args_flags(a);
    virNetworkPtr n = args_target(a);
    const char *name = virNetworkGetName(n);
    char *desc = desc_words(a), *cur = NULL;
    enum lvsh_status st = LVSH_FAILED;
    bool changed = true;
    if (!desc && !args_has(a, "edit")) {
        st = desc_show(r, n, type, what, flags);
        goto out;
    }
    if (meta_readonly(s, r, "net-desc"))
        goto out;
    if (args_has(a, "edit")) {
        cur = meta_get(n, type, NULL, flags);
        if (!cur) {
            err_virt(r, "failed to get the %s of network '%s'", what, name);
            goto out;
        }
        if (!(desc = meta_edit(s, r, cur, &changed)))
            goto out;
    }
    json_t *j = kind_json_ref(LVSH_KIND_NETWORK, n);
    if (!changed) {
        json_object_set_new(j, "action", json_string("unchanged"));
        out_json(r, j);
        out_info(r, "Network %s not changed", what);
        st = LVSH_OK;
    } else if (virNetworkSetMetadata(n, type, desc, NULL, NULL, flags) < 0) {
        json_decref(j);
        st = err_virt(r, "failed to set the %s of network '%s'", what, name);
    } else {
        json_object_set_new(j, what, json_str(desc));
        json_object_set_new(j, "action", json_string("updated"));
        out_json(r, j);
        out_info(r, "Network %s updated successfully", what);
        st = LVSH_OK;
    }
out:
    free(cur);
    free(desc);
    return st;
}

static const struct lvsh_opt opts_net_desc[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK),
    LVSH_AFFECT_OPTS("network"),
    { .name = "title", .type = LVSH_OPT_BOOL, .help = "the title instead of the description" },
    { .name = "edit", .type = LVSH_OPT_BOOL, .help = "change it in your editor" },
    { .name = "new-desc", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL,
      .help = "the new text (its words joined by spaces)", .metavar = "text" },
    LVSH_OPT_END,
};

static const char *const excl_meta_affect[] = {
    LVSH_AFFECT_EXCL, "edit new-desc", NULL,
};

static const struct lvsh_cmd cmd_net_desc = {
    .name = "net-desc",
    .group = "network",
    .summary = "show or set a network's description or title",
    .description = "Print the description (or with --title the title) of a network; with "
                   "text or --edit, set it.  An empty text removes it.",
    .opts = opts_net_desc,
    .exclusive = excl_meta_affect,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_desc,
    .target = LVSH_KIND_NETWORK,
};

static enum lvsh_status meta_set(struct lvsh_session *s, const struct lvsh_args *a,
                                 struct lvsh_result *r, virNetworkPtr n)
{
    const char *uri = args_str(a, "uri"), *key = args_str(a, "key");
    const char *name = virNetworkGetName(n);
    unsigned flags = args_flags(a);
    char *cur = NULL, *xml = NULL;
    bool changed = true;
    enum lvsh_status st = LVSH_FAILED;
    if (args_has(a, "edit")) {
        cur = meta_get(n, VIR_NETWORK_METADATA_ELEMENT, uri, flags);
        if (!cur) {
            err_virt(r, "failed to get the metadata of network '%s'", name);
            goto out;
        }
        if (!*cur) {   /* start the editor with an empty element to fill */
            free(cur);
            cur = xasprintf("<%s/>", key);
        }
        if (!(xml = meta_edit(s, r, cur, &changed)))
            goto out;
    } else {
        xml = xstrdup(args_str(a, "set"));
    }
    if (!changed) {
        out_info(r, "Metadata not changed");
        st = LVSH_OK;
    } else if (!xml_check_wellformed(r, xml, "metadata")) {
        goto out;
    } else if (virNetworkSetMetadata(n, VIR_NETWORK_METADATA_ELEMENT, xml, key, uri,
                                     flags) < 0) {
        st = err_virt(r, "failed to set the metadata of network '%s'", name);
    } else {
        out_info(r, "Metadata modified");
        st = LVSH_OK;
    }
    if (st == LVSH_OK)
        out_json_set(r, "action", json_string(changed ? "modified" : "unchanged"));
out:
    free(cur);
    free(xml);
    return st;
}

static enum lvsh_status run_net_metadata(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    const char *uri = args_str(a, "uri");
    bool set = args_has(a, "set") || args_has(a, "edit");
    if (set && !args_has(a, "key"))
        return err_usage(r, "--key is required with --set and --edit");
    if ((set || args_has(a, "remove")) && meta_readonly(s, r, "net-metadata"))
        return LVSH_FAILED;
    virNetworkPtr n = args_target(a);
    const char *name = virNetworkGetName(n);
    enum lvsh_status st = LVSH_OK;
    out_json(r, kind_json_ref(LVSH_KIND_NETWORK, n));
    out_json_set(r, "uri", json_str(uri));
    if (set) {
        st = meta_set(s, a, r, n);
    } else if (args_has(a, "remove")) {
        if (virNetworkSetMetadata(n, VIR_NETWORK_METADATA_ELEMENT, NULL, NULL, uri,
                                  args_flags(a)) < 0) {
            st = err_virt(r, "failed to remove the metadata of network '%s'", name);
        } else {
            out_json_set(r, "action", json_string("removed"));
            out_info(r, "Metadata removed");
        }
    } else {
        char *xml = virNetworkGetMetadata(n, VIR_NETWORK_METADATA_ELEMENT, uri,
                                          args_flags(a));
        if (!xml) {
            st = err_virt(r, "failed to get the metadata of network '%s'", name);
        } else {
            out_json_set(r, "metadata", json_str(xml));
            out_text(r, "%s\n", xml);
        }
        free(xml);
    }
    return st;
}

static const struct lvsh_opt opts_net_metadata[] = {
    NET_OPT_NETWORK(LVSH_COMP_NETWORK),
    { .name = "uri", .type = LVSH_OPT_STRING,
      .flags = LVSH_OPTF_REQUIRED | LVSH_OPTF_POSITIONAL,
      .help = "the namespace URI of the metadata element", .metavar = "uri" },
    LVSH_AFFECT_OPTS("network"),
    { .name = "edit", .type = LVSH_OPT_BOOL, .help = "change the element in your editor" },
    { .name = "key", .type = LVSH_OPT_STRING,
      .help = "the namespace prefix to use when setting", .metavar = "key" },
    { .name = "set", .type = LVSH_OPT_STRING, .help = "the new XML element",
      .metavar = "xml" },
    { .name = "remove", .type = LVSH_OPT_BOOL, .help = "remove the element of this URI" },
    LVSH_OPT_END,
};

static const char *const excl_net_metadata[] = {
    LVSH_AFFECT_EXCL, "edit set remove", NULL,
};

static const struct lvsh_cmd cmd_net_metadata = {
    .name = "net-metadata",
    .group = "network",
    .summary = "show or set a network's custom XML metadata",
    .description = "Print the metadata element of a namespace URI; --set (with --key) "
                   "replaces it, --edit changes it in your editor, --remove deletes it.",
    .opts = opts_net_metadata,
    .exclusive = excl_net_metadata,
    .flags = LVSH_CMD_CONN,
    .handler = run_net_metadata,
    .target = LVSH_KIND_NETWORK,
};

#endif /* LIBVIR_CHECK_VERSION(9, 7, 0) */

LVSH_FAMILY(net_metadata) = {
#if LIBVIR_CHECK_VERSION(9, 7, 0)
    &cmd_net_desc, &cmd_net_metadata,
#endif
    NULL,
};
