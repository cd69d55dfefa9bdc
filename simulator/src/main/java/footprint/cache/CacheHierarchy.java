package footprint.cache;

import footprint.units.LineSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-cache path of one core: L1D, then further levels, then memory. Every level is
 * write-allocate (a write miss fills the line like a read miss); write-backs of dirty lines
 * are not modelled because they do not change which accesses hit. Each level declares its
 * {@link Inclusion} towards the levels above it. The optional prefetchers are the two simplest
 * Intel ones (Optimization Reference Manual, "Data Prefetching"): the DCU next-line prefetcher
 * into L1D and the L2 spatial prefetcher that completes a 128-byte aligned line pair.
 */
public final class CacheHierarchy {
    private final CacheLevel[] levels;
    private final CacheLevel l1d;
    private final String[] names;
    private final Inclusion[] inclusion;
    private final int[] latency; // index levels.length = memory
    private final int lineShift;
    private final boolean nextLine;
    private final boolean adjacentPair;
    private final int pairLevel;
    // Counters per level, as parallel primitive arrays so the hot path only increments.
    private final long[] accesses;
    private final long[] misses;
    private final long[] writes;
    private final long[] prefetches;
    private final long[] backInvalidations;
    // L1D accesses and writes: fields, not array slots, so the hit path has no array to load and check.
    private long l1dAccesses;
    private long l1dWrites;

    private CacheHierarchy(Builder b, long seed) {
        int n = b.levels.size();
        if (n == 0) {
            throw new IllegalArgumentException("a cache hierarchy needs at least one level");
        }
        levels = new CacheLevel[n];
        names = new String[n];
        inclusion = new Inclusion[n];
        latency = new int[n + 1];
        int line = b.levels.get(0).geometry.lineSize();
        for (int i = 0; i < n; i++) {
            LevelSpec s = b.levels.get(i);
            if (s.geometry.lineSize() != line) {
                throw new IllegalArgumentException("all levels must share one line size: " + names[0] + " has "
                        + line + " B, " + s.name + " has " + s.geometry.lineSize() + " B");
            }
            if (i == 0 && s.inclusion == Inclusion.EXCLUSIVE) {
                throw new IllegalArgumentException("the first level cannot be exclusive (nothing above it evicts into it)");
            }
            levels[i] = CacheLevel.of(s.geometry, s.replacement, levelSeed(seed, i));
            names[i] = s.name;
            inclusion[i] = s.inclusion;
            latency[i] = s.latency;
        }
        latency[n] = b.memoryLatency;
        l1d = levels[0];
        lineShift = Integer.numberOfTrailingZeros(line);
        nextLine = b.nextLine;
        adjacentPair = b.adjacentPair;
        pairLevel = Math.min(1, n - 1);
        accesses = new long[n];
        misses = new long[n];
        writes = new long[n];
        prefetches = new long[n];
        backInvalidations = new long[n];
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of cache levels; {@code levels()} as a level index means memory. */
    public int levels() {
        return levels.length;
    }

    public String levelName(int level) {
        return level == levels.length ? "memory" : names[level];
    }

    public CacheLevel level(int level) {
        return levels[level];
    }

    public int lineSize() {
        return 1 << lineShift;
    }

    /** Load-to-use cycles of a level; {@code latency(levels())} is the memory latency. */
    public int latency(int level) {
        return latency[level];
    }

    /**
     * A demand access to the line containing {@code address}. Returns the level that served it:
     * 0 = L1D hit, ..., {@link #levels()} = memory.
     */
    public int accessLine(long address, boolean write) {
        long line = address >>> lineShift;
        // L1D hits are the common case: count them in plain fields and skip the level loop.
        l1dAccesses++;
        if (write) {
            l1dWrites++;
        }
        if (l1d.access(line)) {
            return 0;
        }
        return l1dMiss(line, write);
    }

    /**
     * {@link #accessLine} for each of {@code addresses[from..to)} in order, with the write flags
     * of {@code writes} at the same indices: the same cache state and counters as one call per
     * access. Adds one to {@code missesOut[k]} for every access level {@code k} did not serve
     * and returns the sum of {@code latency(served) - latency(0)} over the accesses: the cycles
     * they cost beyond an L1D hit.
     */
    public int accessAll(long[] addresses, boolean[] writes, int from, int to, int[] missesOut) {
        int writeCount = 0;
        for (int i = from; i < to; i++) {
            writeCount += writes[i] ? 1 : 0;
        }
        l1dAccesses += to - from;
        l1dWrites += writeCount;
        int stall = 0;
        int i = from;
        while (i < to) {
            i = l1d.accessWhileHit(addresses, lineShift, i, to);
            if (i == to) {
                break;
            }
            int served = l1dMiss(addresses[i] >>> lineShift, writes[i]);
            stall += latency[served] - latency[0];
            for (int k = 0; k < served; k++) {
                missesOut[k]++;
            }
            i++;
        }
        return stall;
    }

    /** The rest of a demand access after an L1D miss (kept apart so the hit path stays small). */
    private int l1dMiss(long line, boolean write) {
        misses[0]++;
        int served = lookup(line, write, 1, true);
        fillInner(line, served, 0);
        prefetchAfterMiss(line, served);
        return served;
    }

    /**
     * A demand access of {@code size} bytes (at least 1) at {@code address}: every line the
     * bytes touch is accessed once, in address order. Returns the deepest level that served
     * any of them.
     */
    public int access(long address, int size, boolean write) {
        long first = LineSpan.first(address, lineShift);
        long last = LineSpan.last(address, size, lineShift);
        int deepest = 0;
        for (long line = first; line <= last; line++) {
            int served = accessLine(line << lineShift, write);
            deepest = Math.max(deepest, served);
        }
        return deepest;
    }

    private void prefetchAfterMiss(long line, int served) {
        if (nextLine && !levels[0].contains(line + 1)) {
            prefetches[0]++;
            fetch(line + 1, false, 0, false);
        }
        // The spatial prefetcher acts on lines the L2 had to fetch from further out.
        if (adjacentPair && served > pairLevel && !levels[pairLevel].contains(line ^ 1)) {
            prefetches[pairLevel]++;
            fetch(line ^ 1, false, pairLevel, false);
        }
    }

    /** Looks {@code line} up from level {@code from} outwards, then fills the levels it missed. */
    private int fetch(long line, boolean write, int from, boolean demand) {
        int served = lookup(line, write, from, demand);
        fillInner(line, served, from);
        return served;
    }

    /** The first level from {@code from} on that holds {@code line} ({@code levels()} if none). */
    private int lookup(long line, boolean write, int from, boolean demand) {
        int n = levels.length;
        for (int k = from; k < n; k++) {
            boolean hit;
            if (inclusion[k] == Inclusion.EXCLUSIVE) {
                // A victim-cache hit moves the line to the inner levels and leaves this one.
                hit = levels[k].invalidate(line);
            } else {
                hit = levels[k].access(line);
            }
            if (demand) {
                accesses[k]++;
                writes[k] += write ? 1 : 0;
                misses[k] += hit ? 0 : 1;
            }
            if (hit) {
                return k;
            }
        }
        return n;
    }

    /** Fills {@code line} into levels {@code served - 1} down to {@code from}, skipping victim caches. */
    private void fillInner(long line, int served, int from) {
        // Outer levels first, so an inclusive level's back-invalidation cannot remove the new line.
        for (int k = served - 1; k >= from; k--) {
            if (inclusion[k] != Inclusion.EXCLUSIVE) {
                fill(k, line);
            }
        }
    }

    private void fill(int k, long line) {
        long victim = levels[k].fill(line);
        if (victim != CacheLevel.NO_LINE) {
            evicted(k, victim);
        }
    }

    private void evicted(int k, long victim) {
        if (inclusion[k] == Inclusion.INCLUSIVE) {
            for (int j = 0; j < k; j++) {
                if (levels[j].invalidate(victim)) {
                    backInvalidations[k]++;
                }
            }
        }
        int next = k + 1;
        if (next < levels.length && inclusion[next] == Inclusion.EXCLUSIVE) {
            CacheLevel victimCache = levels[next];
            if (victimCache.access(victim)) {
                return;
            }
            long out = victimCache.fill(victim);
            if (out != CacheLevel.NO_LINE) {
                evicted(next, out);
            }
        }
    }

    /** Counters of one level since construction or the last {@link #resetStats()}. */
    public LevelStats stats(int level) {
        long a = level == 0 ? l1dAccesses : accesses[level];
        long m = misses[level];
        long w = level == 0 ? l1dWrites : writes[level];
        return new LevelStats(names[level], a, a - m, m, a - w, w, prefetches[level], backInvalidations[level]);
    }

    public void resetStats() {
        l1dAccesses = 0;
        l1dWrites = 0;
        java.util.Arrays.fill(accesses, 0);
        java.util.Arrays.fill(misses, 0);
        java.util.Arrays.fill(writes, 0);
        java.util.Arrays.fill(prefetches, 0);
        java.util.Arrays.fill(backInvalidations, 0);
    }

    /**
     * Makes this hierarchy behave exactly as a new one built with {@code seed}: every level
     * empty, random replacement reseeded, counters zero. Costs what the last use filled, so
     * reusing a hierarchy with a large last-level cache is cheaper than building a new one.
     */
    public void reset(long seed) {
        for (int i = 0; i < levels.length; i++) {
            levels[i].reset(levelSeed(seed, i));
        }
        resetStats();
    }

    /** Distinct streams per level so two random levels never draw the same victims. */
    private static long levelSeed(long seed, int level) {
        return seed * 0x9E3779B97F4A7C15L + level;
    }

    /** Empties every level (a cold cache); counters are kept. */
    public void clear() {
        for (CacheLevel l : levels) {
            l.clear();
        }
    }

    private record LevelSpec(String name, Geometry geometry, Replacement replacement, Inclusion inclusion, int latency) {}

    /** Assembles a hierarchy level by level, L1D first. */
    public static final class Builder {
        private final List<LevelSpec> levels = new ArrayList<>();
        private int memoryLatency;
        private boolean nextLine;
        private boolean adjacentPair;

        private Builder() {}

        public Builder level(String name, Geometry geometry, Replacement replacement, Inclusion inclusion, int latencyCycles) {
            levels.add(new LevelSpec(name, geometry, replacement, inclusion, latencyCycles));
            return this;
        }

        public Builder memoryLatency(int cycles) {
            this.memoryLatency = cycles;
            return this;
        }

        /** DCU next-line prefetcher: an L1D miss on line L also fetches L+1 into L1D. */
        public Builder nextLinePrefetch(boolean on) {
            this.nextLine = on;
            return this;
        }

        /** Spatial prefetcher: a line the L2 fetches from further out brings its 128-byte pair line too. */
        public Builder adjacentLinePrefetch(boolean on) {
            this.adjacentPair = on;
            return this;
        }

        public CacheHierarchy build(long seed) {
            return new CacheHierarchy(this, seed);
        }
    }
}
