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
    private final int lineShift;
    private final long lines;
    private final int[] zipfRankToLine;
    private final double[] zipfCdf;
    private long state;
    private long position;

    /** Stall of an access served by each level: its latency minus the L1D's. */
    private final int[] stall;

    /** A runner for one cache: the line size and latencies are read once, not per access. */
    GuestRunner(GuestModel model, LineCache cache, long seed) {
        this.model = model;
        this.lineShift = Integer.numberOfTrailingZeros(cache.lineSize());
        this.stall = new int[cache.levels() + 1];
        for (int l = 0; l <= cache.levels(); l++) {
            stall[l] = cache.latency(l) - cache.latency(0);
        }
        this.lines = Math.max(1, model.workingSetBytes() >> lineShift);
        if (lines > (1L << 31)) {
            throw new IllegalArgumentException("guest working set too large: " + model.workingSetBytes() + " bytes");
        }
        this.state = seed ^ GOLDEN_GAMMA;
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
     * L1D latency, summed).
     */
    int phase(LineCache cache, int[] missesOut) {
        int count = model.accessesPerExit();
        RecordedGuest recorded = model.recorded();
        if (recorded != null) {
            return recordedPhase(cache, missesOut, count, recorded);
        }
        // One loop per pattern, with the generator state in locals: no pattern switch per access.
        int cycles = 0;
        long p = position;
        switch (model.pattern()) {
            case UNIFORM -> {
                long r = state;
                for (int i = 0; i < count; i++, p++) {
                    r += GOLDEN_GAMMA;
                    long line = fastRange(mix64(r));
                    cycles += serve(cache.accessLine(GuestModel.GUEST_REGION + (line << lineShift), isWrite(p)), missesOut);
                }
                state = r;
            }
            case SWEEP -> {
                for (int i = 0; i < count; i++, p++) {
                    long line = p % lines;
                    cycles += serve(cache.accessLine(GuestModel.GUEST_REGION + (line << lineShift), isWrite(p)), missesOut);
                }
            }
            case ZIPF -> {
                for (int i = 0; i < count; i++, p++) {
                    long line = zipfRankToLine[zipfRank(nextRandom())];
                    cycles += serve(cache.accessLine(GuestModel.GUEST_REGION + (line << lineShift), isWrite(p)), missesOut);
                }
            }
        }
        position = p;
        return cycles;
    }

    private int recordedPhase(LineCache cache, int[] missesOut, int count, RecordedGuest recorded) {
        int cycles = 0;
        long p = position;
        for (int i = 0; i < count; i++, p++) {
            int at = (int) (p % recorded.length());
            cycles += serve(cache.accessLine(recorded.address(at), recorded.write(at)), missesOut);
        }
        position = p;
        return cycles;
    }

    /** Synthetic guests store on every fourth access of their stream. */
    private static boolean isWrite(long position) {
        return position % WRITE_EVERY == WRITE_EVERY - 1;
    }

    /** Counts the misses of an access served by {@code level} and returns its stall cycles. */
    private int serve(int level, int[] missesOut) {
        if (level == 0) {
            return 0;
        }
        for (int m = 0; m < level; m++) {
            missesOut[m]++;
        }
        return stall[level];
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
