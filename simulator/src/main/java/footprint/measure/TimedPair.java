package footprint.measure;

import java.util.List;

/**
 * Both sides timed one way ({@link Timing}) at one guest working set: ns per exit of each round
 * (a round being one fork that times both sides), the paired difference after - before in ns and
 * in cycles at the model's clock with its 95% half-width (over rounds; over the fork's iterations
 * when there is one round), and what the
 * simulator predicts for the same part of the exit: the difference in cycles under the model's
 * memory-level parallelism, and with stalls not divided (MLP 1), from which {@link #impliedMlp()}
 * follows.
 */
public record TimedPair(Timing timing, List<Double> beforeNanos, List<Double> afterNanos, double beforeMean,
                        double afterMean, double diffNanos, double diffHalfWidthNanos, double clockGhz,
                        double predictedDiffCycles, double predictedDiffCyclesMlp1) {
    public TimedPair {
        beforeNanos = List.copyOf(beforeNanos);
        afterNanos = List.copyOf(afterNanos);
    }

    public double diffCycles() {
        return diffNanos * clockGhz;
    }

    public double diffHalfWidthCycles() {
        return diffHalfWidthNanos * clockGhz;
    }

    /** The measured difference lies inside its own 95% interval around 0. */
    public boolean belowNoise() {
        return Math.abs(diffNanos) <= diffHalfWidthNanos;
    }

    /** Measured over predicted difference (NaN when the prediction is 0). */
    public double ratio() {
        return predictedDiffCycles == 0 ? Double.NaN : diffCycles() / predictedDiffCycles;
    }

    /** The MLP that makes the prediction equal the measurement: undivided stalls over the measured difference. */
    public double impliedMlp() {
        return diffCycles() == 0 ? Double.NaN : predictedDiffCyclesMlp1 / diffCycles();
    }
}
