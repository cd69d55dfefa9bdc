package footprint.sim;

/**
 * Per-exit measurements of one replay, as columns of primitive arrays indexed by the exit's
 * position in the sequence: exit index, host misses per level, host stall cycles, and the
 * misses and stall cycles of the guest phase that follows the exit.
 */
public final class ReplaySamples {
    final int[] exit;
    final int[][] hostMisses;
    final int[] hostStall;
    final int[][] guestMisses;
    final int[] guestStall;

    ReplaySamples(int count, int levels) {
        exit = new int[count];
        hostMisses = new int[levels][count];
        hostStall = new int[count];
        guestMisses = new int[levels][count];
        guestStall = new int[count];
    }

    public int count() {
        return exit.length;
    }

    public int exit(int n) {
        return exit[n];
    }

    /** Host accesses of exit {@code n} not served by {@code level} (0 = L1D). */
    public int hostMisses(int level, int n) {
        return hostMisses[level][n];
    }

    public int hostStall(int n) {
        return hostStall[n];
    }

    public int guestMisses(int level, int n) {
        return guestMisses[level][n];
    }

    public int guestStall(int n) {
        return guestStall[n];
    }
}
