/* The "Try again?" question of the edit loop (src/edit.c), with scripted
 * answers instead of a terminal: which answers count, and what it shows. */
#include "unit.h"
#include "lvsh.h"
#include "edit.h"
#include "util.h"

#include <stdlib.h>

static const char *const *answers;   /* the lines "typed", NULL-terminated */
static struct buf shown;             /* every prompt, in order */

static char *scripted(const char *prompt, bool echo)
{
    (void)echo;
    buf_adds(&shown, prompt);
    buf_adds(&shown, "|");
    return *answers ? xstrdup(*answers++) : NULL;
}

static char ask(bool relax, const char *const *lines)
{
    answers = lines;
    buf_free(&shown);
    buf_adds(&shown, "");
    return edit_ask("error: x\n", relax, scripted);
}

int main(void)
{
    CHECK_INT(ask(false, (const char *const[]){ "y", NULL }), 'y');
    CHECK_STR(buf_str(&shown), "error: x\nTry again? [y,n,f,?]: |");
    CHECK_INT(ask(true, (const char *const[]){ "N", NULL }), 'n');
    CHECK_STR(buf_str(&shown), "error: x\nTry again? [y,n,i,f,?]: |");
    CHECK_INT(ask(false, (const char *const[]){ "yes", NULL }), 'y');
    CHECK_INT(ask(true, (const char *const[]){ "f", NULL }), 'f');
    CHECK_INT(ask(true, (const char *const[]){ "i", NULL }), 'i');
    /* 'i' only where validation can be turned off; anything else asks again
     * with the list of answers, and no answer at all gives up */
    CHECK_INT(ask(false, (const char *const[]){ "i", "f", NULL }), 'f');
    CHECK(strstr(buf_str(&shown), "i - ") == NULL, "no 'i' in the list: %s", buf_str(&shown));
    CHECK(strstr(buf_str(&shown), "|y - open the editor again") != NULL, "the list: %s",
          buf_str(&shown));
    CHECK_INT(ask(true, (const char *const[]){ "?", "", "yess", "i", NULL }), 'i');
    CHECK(strstr(buf_str(&shown), "\ni - define it again without validating") != NULL,
          "'i' in the list: %s", buf_str(&shown));
    CHECK_INT(ask(true, (const char *const[]){ NULL }), '\0');
    CHECK_INT(ask(true, (const char *const[]){ "?", NULL }), '\0');
    buf_free(&shown);
    return unit_done("edit");
}
