package footprint.cache;

/**
 * Binary-tree pseudo-LRU. The textbook form keeps a tree of direction bits per set (node n has
 * children 2n and 2n+1); using a way flips the bits on its path to point away from it, and the
 * victim search follows the bits from the root. A node's bit therefore always points away from
 * the subtree of the most recent use that passed through it, i.e. the subtree holding the
 * newest use stamp below the node, and a node no use has passed yet points left. This level
 * keeps the stamps and reads the bits off them when it needs a victim, so a hit only writes a
 * stamp (no read-modify-write of shared per-set bits on the hit path). For a way count that is
 * not a power of two (12-way Ice Lake L1D) the tree spans the next power of two and the search
 * never enters a subtree that holds no real way. Empty ways are filled before any search.
 */
final class TreePlruLevel extends StampLevel {
    private final int leaves;

    TreePlruLevel(Geometry geometry) {
        super(geometry);
        if (ways > 64) {
            throw new IllegalArgumentException("tree-PLRU supports at most 64 ways, got " + ways);
        }
        this.leaves = ways == 1 ? 1 : Integer.highestOneBit(ways - 1) << 1;
    }

    @Override
    public Replacement replacement() {
        return Replacement.TREE_PLRU;
    }

    @Override
    int victim(int base) {
        long[] s = stamps;
        for (int i = base, end = base + ways; i < end; i++) {
            if (s[i] == 0) {
                return i;
            }
        }
        int lo = 0;
        for (int half = leaves >>> 1; half > 0; half >>>= 1) {
            int mid = lo + half;
            // The right subtree [mid, mid + half) holds no real way: the search stays left.
            if (mid < ways && newest(s, base + lo, base + mid) > newest(s, base + mid, base + Math.min(mid + half, ways))) {
                lo = mid;
            }
        }
        return base + lo;
    }

    private static long newest(long[] s, int from, int to) {
        long max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, s[i]);
        }
        return max;
    }
}
