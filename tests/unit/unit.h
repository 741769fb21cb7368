/* unit.h: the few macros the C unit tests need. */
#ifndef LVSH_UNIT_H
#define LVSH_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;

/* count and report one failure */
#define UNIT_FAIL(...) do { \
        unit_failed++; \
        printf("not ok %s:%d: ", __FILE__, __LINE__); \
        printf(__VA_ARGS__); \
        printf("\n"); \
    } while (0)

#define CHECK(cond, ...) do { \
        if (cond) unit_passed++; else UNIT_FAIL(__VA_ARGS__); \
    } while (0)

/* Like CHECK, but only failures count (a walk that passes one test per
 * well-formed entry, not one per property). */
#define EXPECT(cond, ...) do { \
        if (!(cond)) UNIT_FAIL(__VA_ARGS__); \
    } while (0)

#define CHECK_STR(got, want) do { \
        const char *g_ = (got), *w_ = (want); \
        CHECK(g_ && w_ && strcmp(g_, w_) == 0, "%s: got '%s', want '%s'", #got, \
              g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
    } while (0)

#define CHECK_INT(got, want) do { \
        long long g_ = (long long)(got), w_ = (long long)(want); \
        CHECK(g_ == w_, "%s: got %lld, want %lld", #got, g_, w_); \
    } while (0)

static inline int unit_done(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, unit_passed, unit_failed);
    return unit_failed != 0;
}

#endif
