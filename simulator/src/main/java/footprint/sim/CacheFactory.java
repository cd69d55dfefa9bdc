package footprint.sim;

/** Builds a fresh, empty cache hierarchy for one run; the seed drives seeded replacement. */
@FunctionalInterface
public interface CacheFactory {
    LineCache create(long seed);
}
