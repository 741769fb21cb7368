/* driver.h: the plain (gcc) driver shared by the fuzz harnesses of the
 * fuzz tier.  A harness defines LLVMFuzzerTestOneInput() and fuzz_check()'s
 * properties, then includes this file.  Built with -DLVSH_LIBFUZZER it adds
 * nothing and libFuzzer drives the harness (`make fuzz`); built plainly,
 * main() replays every file of the seed directories given as arguments (the
 * corpus tests/fuzz/seeds.py derives from the transcripts and fixtures), then
 * runs LVSH_FUZZ_ITERS deterministic mutations of them (LVSH_FUZZ_SEED).
 * It ends with "NAME: N passed, N failed", one count per property. */
#ifndef LVSH_FUZZ_DRIVER_H
#define LVSH_FUZZ_DRIVER_H

#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* properties: each harness names its own, counted once at the end */
struct fuzz_prop {
    const char *name;
    long failed;
};
static const uint8_t *fuzz_cur;
static size_t fuzz_cur_size;
static FILE *fuzz_out;   /* the real stdout: a harness may silence stdout */

/* Record a broken property; libFuzzer stops at the first one. */
static void fuzz_fail(struct fuzz_prop *p, const char *what)
{
    if (p->failed++ == 0) {
        FILE *o = fuzz_out ? fuzz_out : stdout;
        fprintf(o, "not ok %s: %s\n    input (%zu bytes):", p->name, what, fuzz_cur_size);
        for (size_t i = 0; i < fuzz_cur_size && i < 256; i++)
            fprintf(o, " %02x", fuzz_cur[i]);
        fprintf(o, "%s\n", fuzz_cur_size > 256 ? " ..." : "");
    }
#ifdef LVSH_LIBFUZZER
    abort();
#endif
}

#ifndef LVSH_LIBFUZZER
#include <dirent.h>

static uint64_t fuzz_rng = 1;

static uint32_t fuzz_rnd(void)  /* xorshift64*: the same sequence everywhere */
{
    fuzz_rng ^= fuzz_rng >> 12;
    fuzz_rng ^= fuzz_rng << 25;
    fuzz_rng ^= fuzz_rng >> 27;
    return (uint32_t)((fuzz_rng * 0x2545F4914F6CDD1DULL) >> 32);
}

static struct buf *fuzz_seeds;
static size_t fuzz_nseeds;

static void fuzz_add_seed(const char *data, size_t n)
{
    fuzz_seeds = xrealloc(fuzz_seeds, (fuzz_nseeds + 1) * sizeof(*fuzz_seeds));
    fuzz_seeds[fuzz_nseeds] = (struct buf)BUF_INIT;
    buf_add(&fuzz_seeds[fuzz_nseeds++], data, n);
}

static void fuzz_load_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (!d)
        return;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *path = xasprintf("%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        free(path);
        if (!f)
            continue;
        struct buf b = BUF_INIT;
        buf_read(&b, f, 0);
        fclose(f);
        fuzz_add_seed(b.data ? b.data : "", b.len);
        buf_free(&b);
    }
    closedir(d);
}

static const char *const fuzz_pieces[] = {
    " ", "\t", "\n", "\r\n", ";", "'", "\"", "\\", "#", "--", "=", "-", "\0", "\x1b",
    "\xc2\x9b", "\xff", "<", ">", "/", "&", "&#0;", "]]>", "<!--", "--json", "--help",
    "--all", "-1", "99999999999999999999", "'x'", "//", "@", "[1]", "(", ")", "|",
};

/* One byte-level mutation: flip, insert, delete, duplicate, splice. */
static void fuzz_mutate(struct buf *b)
{
    unsigned kind = fuzz_rnd() % 6;
    size_t pos = b->len ? fuzz_rnd() % (b->len + 1) : 0;
    struct buf nb = BUF_INIT;
    const char *ins = NULL;
    size_t inslen = 0;
    char byte;

    if (kind == 0 && b->len) {
        b->data[fuzz_rnd() % b->len] ^= (char)(1u << (fuzz_rnd() % 8));
        return;
    }
    if (kind == 3 && b->len) {
        size_t at = fuzz_rnd() % b->len, n = 1 + fuzz_rnd() % (b->len - at);
        memmove(b->data + at, b->data + at + n, b->len - at - n);
        b->len -= n;
        return;
    }
    if (kind == 1) {
        byte = (char)(fuzz_rnd() & 0xff);
        ins = &byte;
        inslen = 1;
    } else if (kind == 2) {
        ins = fuzz_pieces[fuzz_rnd() % (sizeof(fuzz_pieces) / sizeof(fuzz_pieces[0]))];
        inslen = *ins ? strlen(ins) : 1;
    } else if (kind == 4 && b->len) {
        size_t from = fuzz_rnd() % b->len;
        ins = b->data + from;
        inslen = 1 + fuzz_rnd() % (b->len - from);
    } else if (fuzz_nseeds) {
        struct buf *o = &fuzz_seeds[fuzz_rnd() % fuzz_nseeds];
        ins = o->data ? o->data : "";
        inslen = o->len;
    }
    buf_add(&nb, b->data ? b->data : "", pos);
    buf_add(&nb, ins ? ins : "", inslen);
    buf_add(&nb, b->data ? b->data + pos : "", b->len - pos);
    buf_free(b);
    *b = nb;
}

static void fuzz_run(const uint8_t *d, size_t n)
{
    fuzz_cur = d;
    fuzz_cur_size = n;
    LLVMFuzzerTestOneInput(d, n);
}

/* Replay the seeds, then mutate them; returns the exit status. */
static int fuzz_main(int argc, char **argv, const char *name, struct fuzz_prop *props,
                     size_t nprops, long default_iters)
{
    const char *e = getenv("LVSH_FUZZ_ITERS");
    long iters = e ? atol(e) : default_iters;
    e = getenv("LVSH_FUZZ_SEED");
    fuzz_rng = e && strtoull(e, NULL, 10) ? strtoull(e, NULL, 10) : 1;
    for (int i = 1; i < argc; i++)
        fuzz_load_dir(argv[i]);
    if (!fuzz_nseeds)
        fuzz_add_seed("", 0);
    for (size_t i = 0; i < fuzz_nseeds; i++)
        fuzz_run((const uint8_t *)(fuzz_seeds[i].data ? fuzz_seeds[i].data : ""),
                 fuzz_seeds[i].len);
    struct buf b = BUF_INIT;
    for (long it = 0; it < iters; it++) {
        if (it % 40 == 0 || b.len > 65536) {   /* restart from a seed now and then */
            struct buf *s = &fuzz_seeds[fuzz_rnd() % fuzz_nseeds];
            buf_free(&b);
            buf_add(&b, s->data ? s->data : "", s->len);
        }
        for (unsigned k = 1 + fuzz_rnd() % 4; k > 0; k--)
            fuzz_mutate(&b);
        fuzz_run((const uint8_t *)(b.data ? b.data : ""), b.len);
    }
    buf_free(&b);
    int passed = 0, failed = 0;
    for (size_t p = 0; p < nprops; p++) {
        if (props[p].failed)
            failed++;
        else
            passed++;
    }
    FILE *o = fuzz_out ? fuzz_out : stdout;
    fprintf(o, "%s: %zu seeds, %ld mutations\n", name, fuzz_nseeds, iters);
    fprintf(o, "%s: %d passed, %d failed\n", name, passed, failed);
    fflush(o);
    for (size_t i = 0; i < fuzz_nseeds; i++)
        buf_free(&fuzz_seeds[i]);
    free(fuzz_seeds);
    return failed != 0;
}

/* The plain driver's main() for a harness with nothing to add around
 * fuzz_main(). */
#define FUZZ_MAIN(name, props, nprops, iters) \
    int main(int argc, char **argv) \
    { \
        return fuzz_main(argc, argv, name, props, nprops, iters); \
    }
#else
#define FUZZ_MAIN(name, props, nprops, iters)
#endif

#endif
