package footprint.cache;

/**
 * A three-level hierarchy small enough that a few thousand accesses exercise every path: L1 4
 * sets x 4 ways, L2 8 sets x 8 ways (the inclusion under test), an inclusive LLC of 16 sets x 8
 * ways, 64-byte lines.
 */
final class SmallHierarchy {
    static final int LINE = 64;

    private SmallHierarchy() {}

    static CacheHierarchy build(Replacement l1, Replacement outer, Inclusion l2, boolean nextLine, boolean pair,
            long seed) {
        return CacheHierarchy.builder()
                .level("L1D", new Geometry(16 * LINE, 4, LINE), l1, Inclusion.NON_INCLUSIVE, 4)
                .level("L2", new Geometry(64 * LINE, 8, LINE), outer, l2, 12)
                .level("LLC", new Geometry(128 * LINE, 8, LINE), outer, Inclusion.INCLUSIVE, 40)
                .memoryLatency(200)
                .nextLinePrefetch(nextLine)
                .adjacentLinePrefetch(pair)
                .build(seed);
    }
}
