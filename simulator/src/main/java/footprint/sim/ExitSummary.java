package footprint.sim;

import java.util.Map;

/**
 * One row of a simulation: an exit reason (or the mix of all exits in the sequence) with its
 * count over all replicates, touched and ideal lines per object, the summaries of every
 * per-exit metric over all replicates' exits, and the mean estimated cycles with its interval
 * over the replicates.
 */
public record ExitSummary(String exit, boolean fastpath, long count, Map<String, Double> touchedLines,
        Map<String, Double> idealLines, Map<String, MetricSummary> metrics, MeanInterval cycles) {
    /** The name of the row that sums up all exits of the sequence. */
    public static final String MIX = "mix";

    public MetricSummary metric(String name) {
        MetricSummary m = metrics.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no metric " + name + " (have " + metrics.keySet() + ")");
        }
        return m;
    }

    public double touchedTotal() {
        return touchedLines.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double idealTotal() {
        return idealLines.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
