package footprint.cache;

import java.util.Arrays;

/**
 * Tree-PLRU as textbooks describe it, for tests: a tree of direction bits per set (node 1 is the
 * root, node n has children 2n and 2n+1; 0 points the victim search left, 1 right), and using a
 * way sets the bits on its path to point away from it. For a way count that is not a power of
 * two the tree spans the next power of two and the search never enters a subtree with no real
 * way. Tags are a plain array per set; empty ways are filled first, lowest way first.
 */
final class TreePlruBits {
    private final int sets;
    private final int ways;
    private final int depth;
    private final long[] bits;
    private final long[] tags;

    TreePlruBits(int sets, int ways) {
        this.sets = sets;
        this.ways = ways;
        int leaves = ways == 1 ? 1 : Integer.highestOneBit(ways - 1) << 1;
        this.depth = Integer.numberOfTrailingZeros(leaves);
        this.bits = new long[sets];
        this.tags = new long[sets * ways];
        Arrays.fill(tags, CacheLevel.NO_LINE);
    }

    boolean access(long line) {
        int way = wayOf(line);
        if (way >= 0) {
            touch((int) line % sets, way);
        }
        return way >= 0;
    }

    /** Fills an absent line; returns the evicted line or NO_LINE. */
    long fill(long line) {
        int set = (int) line % sets;
        int way = -1;
        for (int w = 0; w < ways && way < 0; w++) {
            if (tags[set * ways + w] == CacheLevel.NO_LINE) {
                way = w;
            }
        }
        if (way < 0) {
            way = victim(set);
        }
        long evicted = tags[set * ways + way];
        tags[set * ways + way] = line;
        touch(set, way);
        return evicted;
    }

    boolean invalidate(long line) {
        int way = wayOf(line);
        if (way >= 0) {
            tags[(int) line % sets * ways + way] = CacheLevel.NO_LINE;
        }
        return way >= 0;
    }

    void clear() {
        Arrays.fill(tags, CacheLevel.NO_LINE);
        Arrays.fill(bits, 0);
    }

    private int wayOf(long line) {
        int set = (int) line % sets;
        for (int w = 0; w < ways; w++) {
            if (tags[set * ways + w] == line) {
                return w;
            }
        }
        return -1;
    }

    private void touch(int set, int way) {
        int node = 1;
        for (int level = depth - 1; level >= 0; level--) {
            int goRight = (way >>> level) & 1;
            if (goRight == 1) {
                bits[set] &= ~(1L << node); // used the right child: point left
            } else {
                bits[set] |= 1L << node;
            }
            node = 2 * node + goRight;
        }
    }

    private int victim(int set) {
        int node = 1;
        int way = 0;
        for (int level = depth - 1; level >= 0; level--) {
            int dir = (int) (bits[set] >>> node) & 1;
            if (dir == 1 && (way | (1 << level)) >= ways) {
                dir = 0;
            }
            way |= dir << level;
            node = 2 * node + dir;
        }
        return way;
    }
}
