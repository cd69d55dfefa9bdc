package footprint.cache;

/** The replacement policies a cache level can use ({@link CacheLevel#of} builds the level for each). */
public enum Replacement {
    /** True least-recently-used (what cachegrind simulates), kept as the order of each set's ways. */
    LRU,
    /** Binary-tree pseudo-LRU: ways - 1 direction bits per set (Intel L1D-style). */
    TREE_PLRU,
    /** Uniformly random victim among the ways, from a seeded xorshift generator. */
    RANDOM
}
