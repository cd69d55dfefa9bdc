package footprint.sim;

/** Builds a fresh, empty cache hierarchy for one run; the seed drives seeded replacement. */
public interface CacheFactory {
    LineCache create(long seed);

    /** The line size of the hierarchies {@link #create} builds, known without building one. */
    int lineSize();

    /**
     * Takes back a cache that {@link #create} returned, once its run is over and nothing uses it
     * any more: a factory may hand it out again, reset to exactly what a new one would be.
     */
    default void release(LineCache cache) {}

    /** Drops the caches kept for reuse (their memory), when no more runs on this factory follow soon. */
    default void drain() {}
}
