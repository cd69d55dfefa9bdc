package footprint.sim;

import java.util.PrimitiveIterator;

/**
 * Opens the exit sequence (exit indices of the program) afresh for a replicate's seed: the same
 * seed, the same order. The replay asks for {@code length} exits, its warm-up's included
 * ({@link ReplayDriver#sequenceLength}); a sequence may hold more.
 */
@FunctionalInterface
public interface ExitSequence {
    PrimitiveIterator.OfInt open(long seed, int length);
}
