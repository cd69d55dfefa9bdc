package footprint.cache;

/**
 * Binary-tree pseudo-LRU. Each set has a tree of direction bits over the ways (node 1 is the
 * root, node n has children 2n and 2n+1); a bit of 0 points the victim search left, 1 right.
 * Using a way flips the bits on its path to point away from it. For a way count that is not a
 * power of two (12-way Ice Lake L1D) the tree is built over the next power of two and the
 * victim search never enters a subtree that holds no real way.
 */
final class TreePlruPolicy implements ReplacementPolicy {
    private final long[] bits;
    private final int ways;
    private final int leaves;
    private final int depth;
    /** Per way, the tree bits on its path and the values they take when it is used. */
    private final long[] pathMask;
    private final long[] pathValue;

    TreePlruPolicy(int sets, int ways) {
        if (ways > 64) {
            throw new IllegalArgumentException("tree-PLRU supports at most 64 ways, got " + ways);
        }
        this.bits = new long[sets];
        this.ways = ways;
        this.leaves = ways == 1 ? 1 : Integer.highestOneBit(ways - 1) << 1;
        this.depth = Integer.numberOfTrailingZeros(leaves);
        this.pathMask = new long[ways];
        this.pathValue = new long[ways];
        for (int way = 0; way < ways; way++) {
            int node = 1;
            for (int level = depth - 1; level >= 0; level--) {
                int goRight = (way >>> level) & 1;
                // Point away from the used way: used the right child -> bit 0 (left), and vice versa.
                pathMask[way] |= 1L << node;
                pathValue[way] |= (long) (goRight ^ 1) << node;
                node = 2 * node + goRight;
            }
        }
    }

    /** Sets the bits on the way's path in one step: which way is used is random, so a walk down the tree would mispredict. */
    @Override
    public void touch(int set, int slot) {
        int way = slot - set * ways;
        bits[set] = (bits[set] & ~pathMask[way]) | pathValue[way];
    }

    @Override
    public int victim(int set) {
        long b = bits[set];
        int node = 1;
        int way = 0;
        for (int level = depth - 1; level >= 0; level--) {
            int dir = (int) (b >>> node) & 1;
            // Right subtree starts at way | (1 << level); skip it when it holds no real way.
            if (dir == 1 && (way | (1 << level)) >= ways) {
                dir = 0;
            }
            way |= dir << level;
            node = 2 * node + dir;
        }
        return set * ways + way;
    }

    @Override
    public void invalidate(int set, int slot) {
        // An emptied way is refilled before any victim search (the level fills invalid ways first).
    }
}
