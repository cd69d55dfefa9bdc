package footprint.sim;

import footprint.cache.CacheHierarchy;
import footprint.model.CpuModel;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A CPU model's cache hierarchy seen through {@link LineCache}. */
public final class HierarchyCache implements LineCache {
    private final CacheHierarchy hierarchy;

    public HierarchyCache(CacheHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * Hierarchies of {@code model}, reused: a released one is reset for the next run instead of
     * allocating and filling the arrays of a large last-level cache again (hundreds of runs per
     * comparison). Released hierarchies wait in a shared queue, so one thread's release can serve
     * another thread's next run; the queue holds at most as many as ran at once.
     */
    public static CacheFactory factory(CpuModel model) {
        return new CacheFactory() {
            private final ConcurrentLinkedQueue<HierarchyCache> free = new ConcurrentLinkedQueue<>();

            @Override
            public LineCache create(long seed) {
                HierarchyCache reused = free.poll();
                if (reused == null) {
                    return new HierarchyCache(model.cacheHierarchy(seed));
                }
                reused.hierarchy.reset(seed);
                return reused;
            }

            @Override
            public void release(LineCache cache) {
                free.add((HierarchyCache) cache);
            }

            @Override
            public void drain() {
                free.clear();
            }

            @Override
            public int lineSize() {
                return model.lineSize();
            }
        };
    }

    @Override
    public int accessLine(long address, boolean write) {
        return hierarchy.accessLine(address, write);
    }

    @Override
    public int accessAll(long[] addresses, boolean[] writes, int from, int to, int[] missesOut) {
        return hierarchy.accessAll(addresses, writes, from, to, missesOut);
    }

    @Override
    public int latency(int level) {
        return hierarchy.latency(level);
    }

    @Override
    public int levels() {
        return hierarchy.levels();
    }

    @Override
    public int lineSize() {
        return hierarchy.lineSize();
    }
}
