package footprint.sim;

/**
 * The per-exit measurements of one chunk of a replay, as columns of primitive arrays of a fixed
 * capacity indexed by the exit's position in the chunk: exit index, host misses per level, host
 * stall cycles, and the misses and stall cycles of the guest phase that follows the exit. A
 * replay refills the same chunk again and again, so memory does not grow with the exit count.
 */
public final class ReplayChunk {
    final int[] exit;
    final int[][] hostMisses;
    final int[] hostStall;
    final int[][] guestMisses;
    final int[] guestStall;
    int size;

    public ReplayChunk(int capacity, int levels) {
        exit = new int[capacity];
        hostMisses = new int[levels][capacity];
        hostStall = new int[capacity];
        guestMisses = new int[levels][capacity];
        guestStall = new int[capacity];
    }

    public int capacity() {
        return exit.length;
    }

    /** How many exits the last refill put in the chunk. */
    public int size() {
        return size;
    }

    public int exit(int n) {
        return exit[n];
    }

    /** Host accesses of exit {@code n} not served by {@code level} (0 = L1D). */
    public int hostMisses(int level, int n) {
        return hostMisses[level][n];
    }
}
