package footprint.cache;

/** The replacement policies a cache level can use; each constant builds its per-set state. */
public enum Replacement {
    /** True least-recently-used, kept as a per-way access stamp (what cachegrind simulates). */
    LRU,
    /** Binary-tree pseudo-LRU: ways - 1 direction bits per set (Intel L1D-style). */
    TREE_PLRU,
    /** Uniformly random victim among the ways, from a seeded xorshift generator. */
    RANDOM;

    ReplacementPolicy create(int sets, int ways, long seed) {
        return switch (this) {
            case LRU -> new LruPolicy(sets, ways);
            case TREE_PLRU -> new TreePlruPolicy(sets, ways);
            case RANDOM -> new RandomPolicy(ways, seed);
        };
    }
}
