package footprint.measure;

import java.util.List;

/**
 * One fork's result when it times both sides of a comparison, whichever way it interleaves them
 * ({@link AlternatingSides}: iteration by iteration; the exit-alone timing: exit by exit): each
 * side's mean in nanoseconds per exit, and the differences (after - before) of its pairs.
 */
public record PairedFork(double beforeNanos, double afterNanos, List<Double> pairDiffs) {
    public PairedFork {
        pairDiffs = List.copyOf(pairDiffs);
    }

    public double diffNanos() {
        return afterNanos - beforeNanos;
    }
}
