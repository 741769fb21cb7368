/* Walk the whole command table: every command documented, names unique,
 * option tables well formed.  New commands are checked automatically. */
#include "unit.h"
#include "lvsh.h"
#include "cmdtab.h"
#include "options.h"
#include "help.h"
#include "result.h"
#include "target.h"

#include <ctype.h>

static void check_opts(const struct lvsh_cmd *c)
{
    bool optional_positional = false, rest = false;
    for (int i = 0; c->opts && c->opts[i].name; i++) {
        const struct lvsh_opt *o = &c->opts[i];
        bool pos = o->flags & LVSH_OPTF_POSITIONAL, req = o->flags & LVSH_OPTF_REQUIRED;
        EXPECT(*o->name && o->name[0] != '-', "%s: option name '%s' is bare", c->name, o->name);
        EXPECT(o->help && *o->help, "%s --%s has help text", c->name, o->name);
        EXPECT(strcmp(o->name, "help") != 0 && strcmp(o->name, "json") != 0,
              "%s --%s: help and json are reserved for the core", c->name, o->name);
        for (int k = 0; k < i; k++)
            EXPECT(strcmp(c->opts[k].name, o->name) != 0, "%s: option --%s declared twice",
                  c->name, o->name);
        EXPECT(!(o->type == LVSH_OPT_BOOL && (pos || req)), "%s --%s: a bool is neither "
              "positional nor required", c->name, o->name);
        EXPECT(!o->choices || o->type == LVSH_OPT_STRING, "%s --%s: choices need a string",
              c->name, o->name);
        EXPECT(o->complete != LVSH_COMP_CHOICES || o->choices, "%s --%s: completes choices "
              "but has none", c->name, o->name);
        EXPECT((unsigned)o->complete < LVSH_COMP__COUNT, "%s --%s: completer in range",
              c->name, o->name);
        EXPECT(!rest, "%s --%s: nothing may follow a rest-of-arguments option", c->name, o->name);
        if (o->type == LVSH_OPT_REST) {
            EXPECT(pos, "%s --%s: rest options are positional", c->name, o->name);
            rest = true;
        }
        if (o->type == LVSH_OPT_ALIAS) {
            const char *fixed;
            int k = opts_resolve(c, o->name, &fixed);
            EXPECT(k >= 0 && c->opts[k].type != LVSH_OPT_ALIAS, "%s --%s: alias of a real "
                  "option", c->name, o->name);
            EXPECT(k < 0 || !fixed || c->opts[k].type != LVSH_OPT_BOOL, "%s --%s: an alias "
                  "with a value spells a valued option", c->name, o->name);
            EXPECT(o->flags & LVSH_OPTF_HIDDEN, "%s --%s: aliases are hidden", c->name, o->name);
            continue;
        }
        /* virsh fills every non-bool option positionally, in table order */
        if (opts_fills(o) && o->type != LVSH_OPT_REST) {
            EXPECT(!(req && optional_positional), "%s --%s: required option after an "
                  "optional one that takes positional words", c->name, o->name);
            if (!req)
                optional_positional = true;
        }
    }
    if (c->flags & LVSH_CMD_XML)
        EXPECT(opts_index(c, "xpath") >= 0 && opts_index(c, "wrap") >= 0,
              "%s returns XML but lacks --xpath/--wrap", c->name);
    if (c->target) {   /* looked up before the handler, from a string option */
        int k = opts_index(c, target_opt_name(c));
        EXPECT((unsigned)c->target < LVSH_KIND__COUNT, "%s: target kind in range", c->name);
        EXPECT(c->flags & LVSH_CMD_CONN, "%s: a target needs a connection", c->name);
        EXPECT(k >= 0 && c->opts[k].type == LVSH_OPT_STRING, "%s: target option --%s is "
              "a string option", c->name, target_opt_name(c));
    }
    for (int i = 0; c->exclusive && c->exclusive[i]; i++) {
        char *list = strdup(c->exclusive[i]), *save = NULL;
        for (char *n = strtok_r(list, " ", &save); n; n = strtok_r(NULL, " ", &save))
            EXPECT(opts_index(c, n) >= 0, "%s: exclusive names unknown option '%s'", c->name, n);
        free(list);
    }
}

static void check_names(void)
{
    struct cmdtab_iter a = CMDTAB_ITER_INIT;
    const struct lvsh_cmd *c;
    int count = 0;
    while ((c = cmdtab_next(&a))) {
        int before = unit_failed;
        count++;
        EXPECT(c->name && *c->name, "command has a name");
        EXPECT(c->summary && *c->summary, "%s has a summary", c->name);
        EXPECT(c->summary && c->summary[strlen(c->summary) - 1] != '.',
              "%s: summary without a full stop", c->name);
        EXPECT(c->summary && !isupper((unsigned char)c->summary[0]), "%s: summary lowercase",
              c->name);
        EXPECT(c->description && *c->description, "%s has a description", c->name);
        EXPECT(c->group && cmdtab_group(c->group), "%s: group '%s' is known", c->name,
              c->group ? c->group : "(null)");
        EXPECT(c->handler != NULL, "%s has a handler", c->name);
        EXPECT(c->opts != NULL, "%s has an option table (maybe empty)", c->name);
        EXPECT(cmdtab_find(c->name) == c, "%s: name is unique", c->name);
        for (int i = 0; c->aliases && c->aliases[i]; i++)
            EXPECT(cmdtab_find(c->aliases[i]) == c, "%s: alias '%s' is unique", c->name,
                  c->aliases[i]);
        /* no name or alias of another command equals ours */
        struct cmdtab_iter b = CMDTAB_ITER_INIT;
        const struct lvsh_cmd *d, *clash = NULL;
        while ((d = cmdtab_next(&b)) && !clash) {
            if (d == c)
                continue;
            if (strcmp(d->name, c->name) == 0)
                clash = d;
            for (int i = 0; d->aliases && d->aliases[i]; i++)
                if (strcmp(d->aliases[i], c->name) == 0)
                    clash = d;
        }
        EXPECT(!clash, "'%s' is also a name or alias of %s", c->name, clash ? clash->name : "");
        check_opts(c);
        if (unit_failed == before)
            unit_passed++;
    }
    EXPECT(count > 10, "the table holds commands (%d)", count);
}

/* Every command's help renders with a synopsis, and its JSON form dumps:
 * in process, since 274 lvsh processes per run were too slow on a busy machine. */
static void check_help(void)
{
    struct cmdtab_iter it = CMDTAB_ITER_INIT;
    const struct lvsh_cmd *c;
    int bad = 0, count = 0;
    while ((c = cmdtab_next(&it))) {
        struct lvsh_result r;
        struct render_opts ro = { .format = LVSH_FMT_TABLE };
        char *text = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&text, &len), *err = fopen("/dev/null", "w");
        result_init(&r);
        help_command(c, &r);
        render_result(out, err, &r, &ro, LVSH_OK);
        fclose(out);
        fclose(err);
        json_t *j = help_cmd_json(c);
        char *dump = j ? json_dumps(j, 0) : NULL;
        count++;
        if (!text || !strstr(text, "  SYNOPSIS\n") || !dump || !strstr(dump, c->name)) {
            printf("not ok: help for %s: synopsis %s, json %s\n", c->name,
                   text && strstr(text, "  SYNOPSIS\n") ? "yes" : "no", dump ? "yes" : "no");
            bad++;
        }
        free(dump);
        json_decref(j);
        free(text);
        result_free(&r);
    }
    CHECK(bad == 0 && count > 10, "help renders for all %d commands (%d bad)", count, bad);
}

int main(void)
{
    check_names();
    check_help();
    return unit_done("cmdtab");
}
