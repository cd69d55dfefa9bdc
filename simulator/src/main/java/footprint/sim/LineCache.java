package footprint.sim;

/**
 * The cache hierarchy as the exit replay sees it: one access to the line holding an address,
 * answered with the level that served it (0 = L1D ... {@link #levels()} = memory).
 */
public interface LineCache {
    /** Accesses the line containing {@code address}; returns the level that served it. */
    int accessLine(long address, boolean write);

    /**
     * Accesses {@code addresses[from..to)} in order ({@code writes} at the same indices), adds
     * one to {@code missesOut[k]} for every access level {@code k} did not serve, and returns
     * the cycles the accesses cost beyond L1D hits (latency of the serving level minus the
     * L1D's, summed). The same as one {@link #accessLine} per address; implementations with a
     * faster path for runs of hits override it.
     */
    default int accessAll(long[] addresses, boolean[] writes, int from, int to, int[] missesOut) {
        int stall = 0;
        for (int i = from; i < to; i++) {
            int level = accessLine(addresses[i], writes[i]);
            stall += latency(level) - latency(0);
            for (int k = 0; k < level; k++) {
                missesOut[k]++;
            }
        }
        return stall;
    }

    /** Load-to-use latency in cycles of a level ({@code levels()} is memory). */
    int latency(int level);

    /** Number of cache levels; memory is level {@code levels()}. */
    int levels();

    /** Line size in bytes (a power of two). */
    int lineSize();
}
