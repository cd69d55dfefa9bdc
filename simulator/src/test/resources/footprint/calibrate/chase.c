/*
 * The C side of CPointerChaseTest: the same measurement as footprint's ChaseRing/ChaseTimer,
 * written independently. For each working set given (bytes): one pointer per 64-byte line in a
 * random single cycle (Sattolo), page-aligned, a warm pass, then RUNS timed runs of about
 * 250 us each; prints "BYTES NS" with the median nanoseconds per dependent load.
 * Build: gcc -O2 -o chase chase.c ; run: ./chase 16384 262144 ...
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define LINE 64
#define RUNS 21

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_random(void) { /* xorshift64* */
    rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
    return rng * 2685821657736338717ull;
}

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void **chase(void **p, long steps) {
    for (long i = 0; i < steps; i++)
        p = (void **)*p;
    return p;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    void *volatile sink;
    for (int a = 1; a < argc; a++) {
        long bytes = atol(argv[a]);
        long lines = bytes / LINE;
        char *mem = aligned_alloc(4096, (size_t)lines * LINE);
        long *order = malloc(sizeof(long) * lines);
        if (!mem || !order) return 1;
        for (long i = 0; i < lines; i++) order[i] = i;
        for (long i = lines - 1; i > 0; i--) { /* Sattolo: one cycle through every line */
            long j = (long)(next_random() % (uint64_t)i);
            long t = order[i]; order[i] = order[j]; order[j] = t;
        }
        for (long i = 0; i < lines; i++)
            *(void **)(mem + order[i] * LINE) = mem + order[(i + 1) % lines] * LINE;
        void **p = (void **)mem;
        p = chase(p, lines < (1L << 19) ? lines : (1L << 19));
        double t0 = now_ns();
        p = chase(p, 10000);
        double probe = (now_ns() - t0) / 10000;
        if (probe < 0.1) probe = 0.1;
        long steps = (long)(250000 / probe);
        if (steps < 1000) steps = 1000;
        double per[RUNS];
        for (int r = 0; r < RUNS; r++) {
            double s = now_ns();
            p = chase(p, steps);
            per[r] = (now_ns() - s) / steps;
        }
        sink = p;
        qsort(per, RUNS, sizeof(double), cmp);
        printf("%ld %.4f\n", bytes, per[RUNS / 2]);
        fflush(stdout);
        free(order);
        free(mem);
    }
    (void)sink;
    return 0;
}
