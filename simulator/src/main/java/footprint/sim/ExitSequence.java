package footprint.sim;

import java.util.PrimitiveIterator;

/** Opens the exit sequence (exit indices of the program) afresh, so every run sees the same order. */
@FunctionalInterface
public interface ExitSequence {
    PrimitiveIterator.OfInt open();
}
