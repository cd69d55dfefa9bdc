package footprint.calibrate;

import java.util.SplittableRandom;

/**
 * A dependent pointer chase over a working set: one pointer per 64-byte line, the lines linked
 * in a random cyclic order (Sattolo's algorithm gives a single cycle through every line), so
 * that each load's address comes from the previous load and no prefetcher can guess the next
 * line. Each pointer holds the absolute address of the next one.
 */
public final class ChaseRing implements AutoCloseable {
    public static final int LINE = 64;

    private final NativeMemory memory;
    private final int lines;

    public ChaseRing(long workingSetBytes, long seed) {
        long n = workingSetBytes / LINE;
        if (n < 2 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("working set " + workingSetBytes + " bytes");
        }
        this.lines = (int) n;
        this.memory = new NativeMemory(n * LINE, NativeMemory.PAGE);
        int[] order = new int[lines];
        for (int i = 0; i < lines; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = lines - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long base = memory.base();
        for (int i = 0; i < lines; i++) {
            NativeMemory.putLong(base + (long) order[i] * LINE, base + (long) order[(i + 1) % lines] * LINE);
        }
    }

    public int lines() {
        return lines;
    }

    /** A start address; start(k, K) for k < K are K points spread evenly along the one cycle. */
    public long start(int k, int of) {
        long p = memory.base();
        long skip = (long) lines * k / of;
        for (long i = 0; i < skip; i++) {
            p = NativeMemory.getLong(p);
        }
        return p;
    }

    /** Follows {@code steps} pointers from {@code p}; returns where it stopped (so the loads are not dead). */
    public static long chase(long p, int steps) {
        for (int i = 0; i < steps; i++) {
            p = NativeMemory.getLong(p);
        }
        return p;
    }

    /** Advances every chain in {@code p} by {@code steps} pointers, interleaved: the chains are independent. */
    public static void chaseAll(long[] p, int steps) {
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < p.length; j++) {
                p[j] = NativeMemory.getLong(p[j]);
            }
        }
    }

    @Override
    public void close() {
        memory.close();
    }
}
