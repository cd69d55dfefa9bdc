package footprint.sim;

import footprint.cache.CacheHierarchy;
import footprint.model.CpuModel;

/** A CPU model's cache hierarchy seen through {@link LineCache}. */
public final class HierarchyCache implements LineCache {
    private final CacheHierarchy hierarchy;

    public HierarchyCache(CacheHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** Builds a fresh hierarchy of {@code model} for every run. */
    public static CacheFactory factory(CpuModel model) {
        return new CacheFactory() {
            @Override
            public LineCache create(long seed) {
                return new HierarchyCache(model.cacheHierarchy(seed));
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
