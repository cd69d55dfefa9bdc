package footprint.cache;

/**
 * Per-set replacement state of a {@link PolicyLevel}; the level owns the tags and asks the
 * policy which way to evict. Slots are absolute indices {@code set * ways + way} into the tags.
 */
interface ReplacementPolicy {
    /** The line in {@code slot} was used (hit or just filled). */
    void touch(int set, int slot);

    /** The way to fill in a full set (every way of the set holds a valid line). */
    int victim(int set);

    /** The line in {@code slot} was removed (back-invalidation or exclusive promotion). */
    void invalidate(int set, int slot);
}
