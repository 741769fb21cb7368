/* Progress line: bar, percentage, sizes, rate and ETA for known and unknown totals. */
#include "unit.h"
#include "progress.h"

#include <stdlib.h>
#include <unistd.h>

static void test_known_total(void)
{
    /* 1 GiB of 2 GiB in 10 s: 50%, 102.40 MiB/s, 10 s left */
    char *s = progress_format("Uploading", 1ULL << 30, 2ULL << 30, 10.0, 100);
    CHECK(strncmp(s, "Uploading  50% [", 16) == 0, "starts with label and percent: '%s'", s);
    CHECK(strstr(s, "] 1.00 GiB / 2.00 GiB  102.40 MiB/s  ETA 0:10") != NULL,
          "sizes, rate, ETA: '%s'", s);
    CHECK(strstr(s, "=>") != NULL, "bar has a head: '%s'", s);
    CHECK((int)strlen(s) <= 100, "fits the width: %zu", strlen(s));
    free(s);
}

static void test_done_and_hours(void)
{
    char *s = progress_format("Downloading", 8 << 20, 8 << 20, 1.0, 80);
    CHECK(strstr(s, "100% [") != NULL, "complete: '%s'", s);
    CHECK(strstr(s, "ETA") == NULL, "no ETA once done: '%s'", s);
    free(s);
    s = progress_format("Saving", 1 << 20, 10ULL << 30, 1.0, 80);
    CHECK(strstr(s, "ETA 2:50:39") != NULL, "hours in the ETA: '%s'", s);
    free(s);
}

static void test_unknown_total_and_narrow(void)
{
    char *s = progress_format("Uploading", 3 << 20, 0, 2.0, 80);
    CHECK_STR(s, "Uploading 3.00 MiB  1.50 MiB/s");
    free(s);
    s = progress_format("Uploading", 0, 100, 0.0, 30);
    CHECK_STR(s, "Uploading   0% 0.00 B / 100.00 B");
    free(s);
}

/* The bytes a progress line writes on stderr under a given TERM. */
static char *drawn_bytes(const char *term)
{
    char path[] = "/tmp/lvsh-progress.XXXXXX";
    int fd = mkstemp(path), saved = dup(STDERR_FILENO);
    struct lvsh_progress p;
    static char buf[4096];
    setenv("TERM", term, 1);
    fflush(stderr);
    dup2(fd, STDERR_FILENO);
    progress_start(&p, "Uploading", 1 << 20, true);
    p.last_draw = 0;
    progress_set(&p, 1 << 19);   /* a shorter line after a longer one too */
    progress_end(&p, true);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
    buf[n > 0 ? n : 0] = '\0';
    close(fd);
    unlink(path);
    return buf;
}

static void test_dumb_terminal(void)
{
    char *b = drawn_bytes("dumb");
    CHECK(strstr(b, "\033") == NULL, "no escape under TERM=dumb: '%s'", b);
    CHECK(strchr(b, '\r') != NULL && strstr(b, " 50%") != NULL, "still redrawn with \\r");
    b = drawn_bytes("xterm");
    CHECK(strstr(b, "\033[K") != NULL, "xterm clears the line end");
}

int main(void)
{
    test_dumb_terminal();
    test_known_total();
    test_done_and_hours();
    test_unknown_total_and_narrow();
    return unit_done("progress");
}
