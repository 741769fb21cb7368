/* inventory.h: lvsh's host inventory, target lists and folded host sets.
 *
 * The inventory file ($LVSH_HOSTS, else $XDG_CONFIG_HOME/lvsh/hosts) holds
 * one entry a line: "NAME URI" defines a host, "@GROUP: MEMBER..." a group,
 * '#' starts a comment.  A range "kvm[01-12]" expands in the name and the
 * URI together, keeping zero padding.  A bad line is reported (file:line)
 * and skipped; the other hosts stay usable. */
#ifndef LVSH_INVENTORY_H
#define LVSH_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>

struct inv_host {
    char *name;       /* what lvsh shows: the inventory name, alias or URI */
    char *uri;        /* what libvirt opens */
};

struct inv_group {
    char *name;       /* without the '@' */
    char **members;   /* words as written: names, @groups, ranges */
    size_t nmembers;
};

struct inventory {
    struct inv_host *hosts;
    size_t nhosts;
    struct inv_group *groups;
    size_t ngroups;
    char **errors;    /* "FILE:LINE: message", one per bad line */
    size_t nerrors;
};

/* Expand every range of word ("a[1-3,7]b" -> a1b a2b a3b a7b).  A bracket
 * that is not a list of numbers and ranges ("[::1]") stays as it is.
 * Returns the count (>= 1) or -1 with *err set (a range too large, or
 * descending). */
long range_expand(const char *word, char ***out, char **err);
void strv_free(char **v, size_t n);

/* Parse inventory text; path names the file in error lines. */
struct inventory *inventory_parse(const char *text, const char *path);
/* Load the user's inventory; an empty one when there is no file.  The path
 * used is $LVSH_HOSTS, else $XDG_CONFIG_HOME/lvsh/hosts, else
 * ~/.config/lvsh/hosts; an unreadable $LVSH_HOSTS is an error entry. */
struct inventory *inventory_load(void);
void inventory_free(struct inventory *inv);

/* Resolve a target list (comma-separated names, URIs, @groups, ranges;
 * commas inside brackets belong to the range) into hosts, in order, each
 * once.  A word that is neither an inventory name nor a group is a host
 * of its own: a URI or a libvirt uri_aliases name, shown as written.
 * false with *err set for an unknown group or a bad range. */
bool inventory_targets(const struct inventory *inv, const char *spec,
                       struct inv_host **out, size_t *n, char **err);
void inv_hosts_free(struct inv_host *h, size_t n);
/* The end of the target-list item at s: the comma after it (commas inside
 * a range's brackets belong to the range) or the end of s. */
const char *inventory_item_end(const char *s);
/* Does spec name possibly several hosts (a comma, an @group, a range)? */
bool inventory_spec_is_set(const char *spec);

/* Fold host names for display: consecutive numbers of one prefix, suffix
 * and width become a range ("kvm01,kvm02,kvm03,kvm07" -> "kvm[01-03],kvm07"),
 * in order of first appearance. */
char *hostset_fold(const char *const *names, size_t n);

#endif
