package footprint.sim;

/**
 * The cache hierarchy as the exit replay sees it: one access to the line holding an address,
 * answered with the level that served it (0 = L1D ... {@link #levels()} = memory).
 */
public interface LineCache {
    /** Accesses the line containing {@code address}; returns the level that served it. */
    int accessLine(long address, boolean write);

    /** Load-to-use latency in cycles of a level ({@code levels()} is memory). */
    int latency(int level);

    /** Number of cache levels; memory is level {@code levels()}. */
    int levels();

    /** Line size in bytes (a power of two). */
    int lineSize();
}
