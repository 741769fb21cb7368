/* complete_bench.c: TAB latency of the completion engine on a connection,
 * cold (first TAB: event registration and one bulk listing), warm (the
 * cached listing), and after the cache is invalidated by the shell's own
 * write and by a lifecycle event.  Run by bench/complete.sh.
 *
 *   complete_bench URI [WARM_RUNS [STEM [RUNNING]]]
 *
 * STEM (dom-) starts the domain names typed; RUNNING (STEM00001) is a
 * running domain to suspend for the event. */
#include "complete.h"
#include "result.h"
#include "session.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* One TAB as readline asks for it: the matches for the end of line. */
static double tab(struct lvsh_session *s, const char *line, size_t start, size_t *n)
{
    struct complete_info info;
    double t0 = now_ms();
    char **m = complete_matches(s, line, start, strlen(line), &info);
    double dt = now_ms() - t0;
    *n = 0;
    for (size_t i = 0; m && m[i]; i++) {
        if (i > 0)
            (*n)++;
        free(m[i]);
    }
    if (m && *n == 0)
        *n = 1;
    free(m);
    return dt;
}

static void warm(struct lvsh_session *s, const char *label, const char *line, size_t start,
                 int runs)
{
    double sum = 0, max = 0;
    size_t n = 0;
    for (int i = 0; i < runs; i++) {
        double dt = tab(s, line, start, &n);
        sum += dt;
        if (dt > max)
            max = dt;
    }
    printf("%-34s avg %7.2f ms  max %7.2f ms  (%d TABs, %zu candidates)\n", label,
           sum / runs, max, runs, n);
}

static void quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s URI [WARM_RUNS]\n", argv[0]);
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 50;
    const char *stem = argc > 3 ? argv[3] : "dom-";
    char *running = argc > 4 ? xstrdup(argv[4]) : xasprintf("%s00001", stem);
    char *partial4 = xasprintf("domstate %s0123", stem);
    char *partial5 = xasprintf("domstate %s01234", stem);
    struct lvsh_session s;
    struct lvsh_result r;
    session_init(&s);
    s.uri = xstrdup(argv[1]);
    s.interactive = true;   /* the REPL: its cache follows events */
    virSetErrorFunc(NULL, quiet);
    if (virInitialize() < 0 || !session_start_event_loop(&s))
        return 1;
    double t0 = now_ms();
    result_init(&r);
    if (!session_conn(&s, &r)) {
        fprintf(stderr, "cannot connect to %s\n", argv[1]);
        return 1;
    }
    result_free(&r);
    printf("%-34s %7.2f ms\n", "connect", now_ms() - t0);

    size_t n;
    double dt = tab(&s, "start ", 6, &n);
    printf("%-34s %7.2f ms  (%zu candidates)\n", "cold TAB 'start '", dt, n);
    dt = tab(&s, "domstate ", 9, &n);
    printf("%-34s %7.2f ms  (%zu candidates)\n", "cold TAB 'domstate '", dt, n);
    warm(&s, "warm TAB 'start '", "start ", 6, runs);
    warm(&s, "warm TAB 'domstate '", "domstate ", 9, runs);
    warm(&s, "warm TAB 'domstate STEM0123'", partial4, 9, runs);
    warm(&s, "warm TAB 'domstate STEM01234'", partial5, 9, runs);

    s.write_generation++;  /* what a command that writes does */
    dt = tab(&s, "domstate ", 9, &n);
    printf("%-34s %7.2f ms  (%zu candidates)\n", "TAB after the shell wrote", dt, n);

    /* a change from outside: the lifecycle event marks the listing stale */
    virDomainPtr d = virDomainLookupByName(s.conn, running);
    if (d && virDomainSuspend(d) == 0) {
        usleep(200000);
        dt = tab(&s, "domstate ", 9, &n);
        printf("%-34s %7.2f ms  (%zu candidates)\n", "TAB after a lifecycle event", dt, n);
        dt = tab(&s, "domstate ", 9, &n);
        printf("%-34s %7.2f ms  (%zu candidates)\n", "next TAB (cached again)", dt, n);
        virDomainResume(d);
    }
    if (d)
        virDomainFree(d);
    session_free(&s);
    free(running);
    free(partial4);
    free(partial5);
    return 0;
}
