package footprint.sim;

/** Builds a fresh, empty cache hierarchy for one run; the seed drives seeded replacement. */
public interface CacheFactory {
    LineCache create(long seed);

    /** The line size of the hierarchies {@link #create} builds, known without building one. */
    int lineSize();
}
