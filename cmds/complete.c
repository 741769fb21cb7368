/* complete.c: `lvsh complete -- WORDS...`, the engine behind TAB for the
 * bash, zsh and fish scripts in completion/. */
#include "lvsh.h"
#include "complete.h"
#include "util.h"

#include <string.h>

static enum lvsh_status run_complete(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    int n = 0;
    char *const *words = args_rest(a, "words", &n);
    const char *kind = args_str(a, "kind");
    struct completion c;

    if (!kind && args_has(a, "arg"))
        return err_usage(r, "option --arg of 'complete' needs --kind");
    /* a shell asking for candidates must never stop to ask for a password */
    bool quiet = s->no_auth_prompt;
    s->no_auth_prompt = true;
    complete_set_describe(args_has(a, "describe"));
    if (kind) {
        int k = complete_kind_by_name(kind);
        complete_kind(s, (enum lvsh_completer)k, args_str(a, "arg"), n ? words[n - 1] : "",
                      &c);
    } else {
        complete_words(s, words, n ? n - 1 : 0, n ? words[n - 1] : "", &c);
    }
    json_t *j = json_array();
    for (size_t i = 0; i < c.n; i++) {
        out_text(r, "%s\n", c.v[i]);
        json_array_append_new(j, json_str(c.v[i]));
    }
    out_json(r, j);
    completion_free(&c);
    complete_set_describe(false);
    s->no_auth_prompt = quiet;
    return LVSH_OK;
}

static const struct lvsh_opt opts_shell_complete[] = {
    { .name = "kind", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED, .choices = complete_kind_names,
      .complete = LVSH_COMP_CHOICES, .metavar = "kind",
      .help = "list the candidates of one completer kind instead (domain, pool, ...)" },
    { .name = "arg", .type = LVSH_OPT_STRING, .flags = LVSH_OPTF_NAMED, .metavar = "object",
      .help = "with --kind: the domain, pool or network the kind belongs to" },
    { .name = "describe", .type = LVSH_OPT_BOOL,
      .help = "follow commands and options with a tab and what they do (for fish)" },
    { .name = "words", .type = LVSH_OPT_REST, .flags = LVSH_OPTF_POSITIONAL,
      .metavar = "word", .help = "the command line so far; the last word is completed" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_complete = {
    .name = "complete",
    .group = "shell",
    .summary = "print the completions of a partial command line",
    .description = "Print what TAB would offer for the last of WORDS, one candidate per "
                   "line, unquoted.  Put -- before the words so their options are not "
                   "taken for complete's own: `lvsh complete -- start ''`.  The last word "
                   "may be empty.  Used by the bash, zsh and fish completion scripts; it "
                   "never prompts for credentials.",
    .opts = opts_shell_complete,
    .flags = LVSH_CMD_BARE,
    .handler = run_complete,
};

LVSH_FAMILY(complete) = { &cmd_complete, NULL };
