package footprint.sim;

import java.util.PrimitiveIterator;

/** Opens the exit sequence (exit indices of the program) afresh for a replicate's seed: the same seed, the same order. */
@FunctionalInterface
public interface ExitSequence {
    PrimitiveIterator.OfInt open(long seed);
}
