package footprint.testsupport;

import footprint.sim.CacheFactory;
import footprint.sim.LineCache;

/**
 * A small exact LRU hierarchy for tests of the replay (each level set-associative, filled on
 * every miss, lines never written back): results can be worked out by hand.
 */
public final class SmallLruCache implements LineCache {
    private final int[] sets;
    private final int[] ways;
    private final int[] latency;
    private final long[][] tags;
    private final long[][] stamp;
    private long clock;

    /** {@code geometry[l] = {sets, ways}}; {@code latency} has one more entry, for memory. */
    public SmallLruCache(int[][] geometry, int[] latency) {
        int levels = geometry.length;
        this.sets = new int[levels];
        this.ways = new int[levels];
        this.tags = new long[levels][];
        this.stamp = new long[levels][];
        for (int l = 0; l < levels; l++) {
            sets[l] = geometry[l][0];
            ways[l] = geometry[l][1];
            tags[l] = new long[sets[l] * ways[l]];
            java.util.Arrays.fill(tags[l], -1);
            stamp[l] = new long[sets[l] * ways[l]];
        }
        this.latency = latency.clone();
    }

    /** 32 KiB 8-way L1D (4 cycles), 256 KiB 4-way L2 (14), memory 200. */
    public static SmallLruCache twoLevel() {
        return new SmallLruCache(new int[][] {{64, 8}, {1024, 4}}, new int[] {4, 14, 200});
    }

    /** A fresh {@link #twoLevel()} for every run. */
    public static CacheFactory twoLevelFactory() {
        return new CacheFactory() {
            @Override
            public LineCache create(long seed) {
                return twoLevel();
            }

            @Override
            public int lineSize() {
                return 64;
            }
        };
    }

    @Override
    public int accessLine(long address, boolean write) {
        long line = address >>> 6;
        clock++;
        int served = sets.length;
        for (int l = 0; l < sets.length; l++) {
            int base = (int) (line % sets[l]) * ways[l];
            for (int w = 0; w < ways[l]; w++) {
                if (tags[l][base + w] == line) {
                    served = l;
                    break;
                }
            }
            if (served == l) {
                break;
            }
        }
        for (int l = 0; l < sets.length; l++) {
            touch(l, line);
        }
        return served;
    }

    private void touch(int l, long line) {
        int base = (int) (line % sets[l]) * ways[l];
        int victim = base;
        for (int w = 0; w < ways[l]; w++) {
            if (tags[l][base + w] == line) {
                stamp[l][base + w] = clock;
                return;
            }
            if (stamp[l][base + w] < stamp[l][victim]) {
                victim = base + w;
            }
        }
        tags[l][victim] = line;
        stamp[l][victim] = clock;
    }

    @Override
    public int latency(int level) {
        return latency[level];
    }

    @Override
    public int levels() {
        return sets.length;
    }

    @Override
    public int lineSize() {
        return 64;
    }
}
