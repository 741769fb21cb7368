/* help.c: every help view is derived from the option tables. */
#include "help.h"
#include "cmdtab.h"
#include "complete.h"
#include "options.h"
#include "result.h"

#include <stdlib.h>
#include <string.h>


const char *help_completer_name(enum lvsh_completer c)
{
    return (unsigned)c < LVSH_COMP__COUNT && complete_kind_names[c] ? complete_kind_names[c]
                                                                     : "?";
}

char *help_option_usage(const struct lvsh_opt *o)
{
    bool req = o->flags & LVSH_OPTF_REQUIRED, pos = o->flags & LVSH_OPTF_POSITIONAL;
    const char *mv = opts_metavar(o);
    switch (o->type) {
    case LVSH_OPT_BOOL:
        return xasprintf("[--%s]", o->name);
    case LVSH_OPT_REST:
        return req ? xasprintf("<%s>...", mv) : xasprintf("[<%s>]...", mv);
    default:
        if (pos)
            return req ? xasprintf("[--%s] <%s>", o->name, mv)
                       : xasprintf("[[--%s] <%s>]", o->name, mv);
        return req ? xasprintf("--%s <%s>", o->name, mv)
                   : xasprintf("[--%s <%s>]", o->name, mv);
    }
}

char *help_synopsis(const struct lvsh_cmd *c)
{
    struct buf b = BUF_INIT;
    buf_adds(&b, c->name);
    for (int i = 0; c->opts && c->opts[i].name; i++) {
        if (c->opts[i].flags & LVSH_OPTF_HIDDEN)
            continue;
        char *u = help_option_usage(&c->opts[i]);
        buf_printf(&b, " %s", u);
        free(u);
    }
    return buf_steal(&b);
}

static json_t *strv_json(const char *const *v)
{
    json_t *a = json_array();
    for (int i = 0; v && v[i]; i++)
        json_array_append_new(a, json_string(v[i]));
    return a;
}

static json_t *opt_json(const struct lvsh_opt *o)
{
    json_t *j = json_pack("{s:s,s:s,s:b,s:b,s:s,s:s}", "name", o->name,
                          "type", opts_type_name(o->type),
                          "required", (o->flags & LVSH_OPTF_REQUIRED) != 0,
                          "positional", opts_fills(o),
                          "help", o->help ? o->help : "",
                          "completer", help_completer_name(o->complete));
    if (o->type != LVSH_OPT_BOOL)
        json_object_set_new(j, "metavar", json_string(opts_metavar(o)));
    if (o->choices)
        json_object_set_new(j, "choices", strv_json(o->choices));
    if (o->type == LVSH_OPT_INT && o->min < o->max) {
        json_object_set_new(j, "min", json_integer(o->min));
        json_object_set_new(j, "max", json_integer(o->max));
    }
    if (o->type == LVSH_OPT_SIZE)
        json_object_set_new(j, "unit", json_integer((json_int_t)(o->unit ? o->unit : 1)));
    return j;
}

json_t *help_cmd_json(const struct lvsh_cmd *c)
{
    json_t *opts = json_array();
    for (int i = 0; c->opts && c->opts[i].name; i++)
        if (!(c->opts[i].flags & LVSH_OPTF_HIDDEN))
            json_array_append_new(opts, opt_json(&c->opts[i]));
    char *syn = help_synopsis(c);
    json_t *j = json_pack("{s:s,s:o,s:s,s:s,s:s,s:s,s:o,s:o,s:{s:b,s:b,s:b}}",
                          "name", c->name, "aliases", strv_json(c->aliases),
                          "group", c->group, "summary", c->summary,
                          "description", c->description ? c->description : "",
                          "synopsis", syn, "options", opts,
                          "exclusive", strv_json(c->exclusive), "flags",
                          "connection", (c->flags & LVSH_CMD_CONN) != 0,
                          "writes", (c->flags & LVSH_CMD_WRITES) != 0,
                          "xml", (c->flags & LVSH_CMD_XML) != 0);
    free(syn);
    return j;
}

void help_command(const struct lvsh_cmd *c, struct lvsh_result *r)
{
    char *syn = help_synopsis(c);
    out_text(r, "  NAME\n    %s - %s\n", c->name, c->summary);
    if (c->aliases && c->aliases[0]) {
        out_text(r, "\n  ALIASES\n   ");
        for (int i = 0; c->aliases[i]; i++)
            out_text(r, " %s", c->aliases[i]);
        out_text(r, "\n");
    }
    out_text(r, "\n  SYNOPSIS\n    %s\n", syn);
    if (c->description && *c->description)
        out_text(r, "\n  DESCRIPTION\n    %s\n", c->description);
    bool header = false;
    for (int i = 0; c->opts && c->opts[i].name; i++) {
        const struct lvsh_opt *o = &c->opts[i];
        if (o->flags & LVSH_OPTF_HIDDEN)
            continue;
        if (!header)
            out_text(r, "\n  OPTIONS\n");
        header = true;
        char *u = o->type == LVSH_OPT_BOOL ? xasprintf("--%s", o->name)
                : o->type == LVSH_OPT_REST ? xasprintf("<%s>", opts_metavar(o))
                : xasprintf("--%s <%s>", o->name, opts_metavar(o));
        out_text(r, "    %-24s %s", u, o->help ? o->help : "");
        if (o->choices) {
            out_text(r, " (");
            for (int k = 0; o->choices[k]; k++)
                out_text(r, "%s%s", k ? ", " : "", o->choices[k]);
            out_text(r, ")");
        }
        out_text(r, "\n");
        free(u);
    }
    for (int i = 0; c->exclusive && c->exclusive[i]; i++)
        out_text(r, "%s    at most one of: %s\n", i ? "" : "\n", c->exclusive[i]);
    out_text(r, "\n");
    out_json(r, help_cmd_json(c));
    free(syn);
}

/* virsh's group keywords where lvsh groups differently: its 'events' and
 * 'virsh' are lvsh's 'event' and 'shell'; its 'backup' is the backup-*
 * commands of lvsh's 'domain'. */
static const struct { const char *keyword, *group, *prefix, *title; } virsh_keywords[] = {
    { "events", "event", NULL, NULL },
    { "virsh", "shell", NULL, NULL },
    { "backup", "domain", "backup-", "Backup" },
};

static void help_groups_filtered(struct lvsh_result *r, const char *group, const char *prefix,
                                 const char *title, const char *keyword);

bool help_virsh_keyword(struct lvsh_result *r, const char *topic)
{
    for (size_t i = 0; i < sizeof(virsh_keywords) / sizeof(virsh_keywords[0]); i++)
        if (strcmp(topic, virsh_keywords[i].keyword) == 0) {
            help_groups_filtered(r, virsh_keywords[i].group, virsh_keywords[i].prefix,
                                 virsh_keywords[i].title, topic);
            return true;
        }
    return false;
}

void help_groups(struct lvsh_result *r, const char *group)
{
    help_groups_filtered(r, group, NULL, NULL, NULL);
}

static void help_groups_filtered(struct lvsh_result *r, const char *group, const char *prefix,
                                 const char *title, const char *keyword)
{
    int n;
    const struct lvsh_cmd **all = cmdtab_sorted(&n);
    json_t *groups = json_array();
    for (const struct lvsh_group *g = lvsh_groups; g->keyword; g++) {
        if (group && strcmp(group, g->keyword) != 0)
            continue;
        json_t *cmds = json_array();
        bool any = false;
        for (int i = 0; i < n; i++) {
            if (strcmp(all[i]->group, g->keyword) != 0 || all[i]->flags & LVSH_CMD_HIDDEN)
                continue;
            if (prefix && strncmp(all[i]->name, prefix, strlen(prefix)) != 0)
                continue;
            if (!any)
                out_text(r, " %s (help keyword '%s'):\n", title ? title : g->title,
                         keyword ? keyword : g->keyword);
            any = true;
            out_text(r, "    %-30s %s\n", all[i]->name, all[i]->summary);
            json_array_append_new(cmds, help_cmd_json(all[i]));
        }
        if (any)
            out_text(r, "\n");
        json_array_append_new(groups, json_pack("{s:s,s:s,s:o}", "keyword",
                                                keyword ? keyword : g->keyword, "title",
                                                title ? title : g->title, "commands", cmds));
    }
    out_json(r, json_pack("{s:s,s:o}", "version", LVSH_VERSION, "groups", groups));
    free(all);
}
