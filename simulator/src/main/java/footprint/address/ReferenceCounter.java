package footprint.address;

import footprint.cache.CacheHierarchy;
import footprint.units.LineSpan;

/**
 * Feeds an address stream into a cache hierarchy and counts per trace record, the way cachegrind
 * counts: a record is one access however many lines it touches, and it misses a level when any
 * of its lines misses there. Keeps a histogram of the deepest level that served each record.
 */
public final class ReferenceCounter implements AddressSink {
    /** Called now and then on long streams with the records so far and the seconds elapsed. */
    public interface Progress {
        void report(long references, double seconds);
    }

    private static final long PROGRESS_MASK = (1L << 22) - 1;
    private static final long PROGRESS_EVERY_NANOS = 3_000_000_000L;

    private final CacheHierarchy hierarchy;
    private final int lineShift;
    private final long[] servedBy; // index: deepest level that served a record, levels() = memory
    private final Progress progress;
    private final long started = System.nanoTime();
    private long lastReport = started;
    private long references;
    private long writes;
    private long straddling;

    public ReferenceCounter(CacheHierarchy hierarchy, Progress progress) {
        this.hierarchy = hierarchy;
        this.lineShift = LineSpan.shift(hierarchy.lineSize());
        this.servedBy = new long[hierarchy.levels() + 1];
        this.progress = progress;
    }

    @Override
    public void access(long address, int size, boolean write) {
        long first = LineSpan.first(address, lineShift);
        long last = LineSpan.last(address, size, lineShift);
        int served = hierarchy.accessLine(address, write);
        if (last != first) {
            straddling++;
            for (long line = first + 1; line <= last; line++) {
                served = Math.max(served, hierarchy.accessLine(line << lineShift, write));
            }
        }
        servedBy[served]++;
        writes += write ? 1 : 0;
        if ((++references & PROGRESS_MASK) == 0 && progress != null) {
            long now = System.nanoTime();
            if (now - lastReport > PROGRESS_EVERY_NANOS) {
                lastReport = now;
                progress.report(references, (now - started) / 1e9);
            }
        }
    }

    @Override
    public void flush() {
        hierarchy.clear();
    }

    public long references() {
        return references;
    }

    public long writes() {
        return writes;
    }

    /** Records whose bytes cross a line boundary. */
    public long straddling() {
        return straddling;
    }

    /** Records that reached {@code level} (all of them for level 0; level == levels() means memory). */
    public long accesses(int level) {
        long n = 0;
        for (int k = level; k < servedBy.length; k++) {
            n += servedBy[k];
        }
        return n;
    }

    /** Records served by {@code level}: every line they touch hit there or closer to the core. */
    public long hits(int level) {
        return servedBy[level];
    }

    /** Records that reached {@code level} and had a line miss there. */
    public long misses(int level) {
        return accesses(level) - servedBy[level];
    }
}
