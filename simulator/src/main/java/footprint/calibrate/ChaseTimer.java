package footprint.calibrate;

import java.util.Arrays;

/**
 * Times pointer chases: each run is long enough to dwarf the timer's resolution, the first runs
 * let the JIT compile the loop, and the median of the timed runs is the answer (an interrupt or
 * a noisy neighbour spoils one run, not the result).
 */
public final class ChaseTimer {
    private final long runNanos;
    private final int runs;
    private long sink;

    /** {@code runNanos}: target length of one timed run; {@code runs}: how many are timed. */
    public ChaseTimer(long runNanos, int runs) {
        this.runNanos = runNanos;
        this.runs = runs;
    }

    /** Compiles the chase loops before anything is timed. */
    public void warmUp() {
        try (ChaseRing ring = new ChaseRing(16 * 1024, 1)) {
            long p = ring.start(0, 1);
            long[] chains = {p, ring.start(1, 2)};
            for (int i = 0; i < 200; i++) {
                p = ChaseRing.chase(p, 20_000);
                ChaseRing.chaseAll(chains, 10_000);
            }
            sink += p + chains[0];
        }
        for (int i = 0; i < 200; i++) {
            sink += MultiplyChain.run(sink | 1, 20_000);
        }
    }

    /** Median nanoseconds per load of one dependent chase through {@code ring}. */
    public double latencyNanos(ChaseRing ring) {
        long p = ring.start(0, 1);
        // One pass over the ring brings it into whatever level holds it; 512 Ki lines (32 MiB) cover
        // every cache, and a larger ring lives in memory anyway.
        p = ChaseRing.chase(p, Math.min(ring.lines(), 1 << 19));
        long t0 = System.nanoTime();
        p = ChaseRing.chase(p, 10_000);
        double probe = Math.max(0.1, (System.nanoTime() - t0) / 10_000.0);
        int steps = (int) Math.min(Integer.MAX_VALUE, Math.max(1_000, runNanos / probe));
        double[] perLoad = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            p = ChaseRing.chase(p, steps);
            perLoad[r] = (System.nanoTime() - start) / (double) steps;
        }
        sink += p;
        return median(perLoad);
    }

    /** Median nanoseconds per load with {@code k} independent chases through {@code ring} interleaved. */
    public double throughputNanos(ChaseRing ring, int k) {
        long[] chains = new long[k];
        for (int j = 0; j < k; j++) {
            chains[j] = ring.start(j, k);
        }
        ChaseRing.chaseAll(chains, 10_000 / k + 1);
        long t0 = System.nanoTime();
        ChaseRing.chaseAll(chains, 10_000 / k + 1);
        double probe = Math.max(0.1, (System.nanoTime() - t0) / (double) (k * (10_000 / k + 1)));
        int steps = (int) Math.max(1_000, runNanos / probe / k);
        double[] perLoad = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            ChaseRing.chaseAll(chains, steps);
            perLoad[r] = (System.nanoTime() - start) / (double) steps / k;
        }
        sink += chains[0];
        return median(perLoad);
    }

    /** Median nanoseconds per multiply of a dependent 64-bit multiply chain. */
    public double multiplyNanos() {
        int steps = (int) Math.max(10_000, runNanos);
        double[] perOp = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            sink += MultiplyChain.run(sink | 1, steps);
            perOp[r] = (System.nanoTime() - start) / (double) steps;
        }
        return median(perOp);
    }

    /** Keeps the chase results alive so that the JIT cannot drop the loads. */
    public long sink() {
        return sink;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
