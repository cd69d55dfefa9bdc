package footprint.sim;

/**
 * Runs one guest phase (the guest's accesses between two exits) on a cache; the mutable
 * generator state is a few primitives, so a phase allocates nothing.
 */
final class GuestRunner {
    /** One guest access in four is a store: a guess, no measured mix behind it. */
    private static final int WRITE_EVERY = 4;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final GuestModel model;
    /** The runner's own pass over a streamed guest trace (null for the other guests). */
    private final StreamedGuest.Loop streamed;
    private final int lineShift;
    private final long lines;
    private final int[] zipfRankToLine;
    private final double[] zipfCdf;
    private long state;
    private long position;

    /** Accesses drawn per call of the cache: enough to amortise the call, small enough to stay in the host's L1D. */
    private static final int BLOCK = 512;
    private final long[] block = new long[BLOCK];
    private final boolean[] blockWrites = new boolean[BLOCK];

    /** A runner for one cache: the line size and latencies are read once, not per access. */
    GuestRunner(GuestModel model, LineCache cache, long seed) {
        this.model = model;
        this.lineShift = Integer.numberOfTrailingZeros(cache.lineSize());
        this.lines = Math.max(1, model.workingSetBytes() >> lineShift);
        if (lines > (1L << 31)) {
            throw new IllegalArgumentException("guest working set too large: " + model.workingSetBytes() + " bytes");
        }
        this.state = seed ^ GOLDEN_GAMMA;
        this.streamed = model.recorded() instanceof StreamedGuest s ? s.open() : null;
        if (model.pattern() == GuestPattern.ZIPF && model.recorded() == null && !model.isNone()) {
            if (lines > (1 << 24)) {
                throw new IllegalArgumentException("zipf working set too large (max 1G)");
            }
            int n = (int) lines;
            zipfCdf = new double[n];
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += 1.0 / (r + 1);
                zipfCdf[r] = sum;
            }
            for (int r = 0; r < n; r++) {
                zipfCdf[r] /= sum;
            }
            zipfRankToLine = new int[n];
            for (int i = 0; i < n; i++) {
                zipfRankToLine[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = (int) Long.remainderUnsigned(nextRandom(), i + 1);
                int t = zipfRankToLine[i];
                zipfRankToLine[i] = zipfRankToLine[j];
                zipfRankToLine[j] = t;
            }
        } else {
            zipfCdf = null;
            zipfRankToLine = null;
        }
    }

    /**
     * Runs the accesses of one phase on the runner's cache; adds the misses per level to
     * {@code missesOut} and returns the stall cycles (latency of the serving level minus the
     * L1D latency, summed). Synthetic and streamed accesses are drawn or read a block at a time
     * and the block goes to the cache in one call, so the cache's hit loop runs without the
     * generator or the parser in between.
     */
    int phase(LineCache cache, int[] missesOut) {
        int cycles = 0;
        for (int left = model.accessesPerExit(); left > 0; ) {
            int n;
            if (model.recorded() instanceof RecordedGuest recorded) {
                // A stream in memory is its own block: hand over the slice up to its end.
                int length = (int) recorded.length();
                int at = (int) (position % length);
                n = Math.min(left, length - at);
                cycles += cache.accessAll(recorded.addresses(), recorded.writes(), at, at + n, missesOut);
            } else {
                n = Math.min(left, BLOCK);
                if (streamed != null) {
                    streamed.fill(block, blockWrites, n);
                } else {
                    draw(n);
                }
                cycles += cache.accessAll(block, blockWrites, 0, n, missesOut);
            }
            position += n;
            left -= n;
        }
        return cycles;
    }

    /** Fills the first {@code n} entries of the block with the next guest accesses; one loop per pattern. */
    private void draw(int n) {
        long p = position;
        long region = GuestModel.GUEST_REGION;
        switch (model.pattern()) {
            case UNIFORM -> {
                // SplitMix64 in two passes: first the states (one addition each), then the output
                // mix of each state, which no draw depends on another for, so it vectorises.
                long[] b = block;
                long r = state;
                for (int i = 0; i < n; i++) {
                    r += GOLDEN_GAMMA;
                    b[i] = r;
                }
                state = r;
                for (int i = 0; i < n; i++) {
                    b[i] = region + (fastRange(mix64(b[i])) << lineShift);
                }
            }
            case SWEEP -> {
                long line = p % lines; // one division per block, not one per access
                for (int i = 0; i < n; i++) {
                    block[i] = region + (line << lineShift);
                    if (++line == lines) {
                        line = 0;
                    }
                }
            }
            case ZIPF -> {
                for (int i = 0; i < n; i++) {
                    block[i] = region + ((long) zipfRankToLine[zipfRank(nextRandom())] << lineShift);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            blockWrites[i] = ((p + i) & (WRITE_EVERY - 1)) == WRITE_EVERY - 1; // a store on every fourth access
        }
    }

    /**
     * A line index in [0, lines) from the random's high 32 bits by multiply-shift (Lemire,
     * "Fast random integer generation in an interval", 2019): no division per access.
     */
    private long fastRange(long random) {
        return ((random >>> 32) * lines) >>> 32;
    }

    private int zipfRank(long random) {
        double u = (random >>> 11) * 0x1.0p-53;
        int lo = 0;
        int hi = zipfCdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipfCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** SplitMix64 (Steele, Lea, Flood 2014): a seeded generator held in one long. */
    private long nextRandom() {
        return mix64(state += GOLDEN_GAMMA);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
