package footprint.cache;

/**
 * Demand-access counters of one cache level: lookups that reached it, hits, misses, and the
 * reads and writes among the lookups; prefetch fills and back-invalidations are counted apart.
 */
public record LevelStats(String name, long accesses, long hits, long misses, long reads, long writes,
                         long prefetches, long backInvalidations) {}
