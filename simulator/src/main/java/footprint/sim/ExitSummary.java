package footprint.sim;

import java.util.List;
import java.util.Map;

/**
 * One row of a simulation: an exit reason (or the mix of all exits in the sequence) with its
 * count over all replicates, touched and ideal lines per object, the summaries of every
 * per-exit metric over all replicates' exits, and the mean estimated cycles with its interval
 * over the replicates.
 */
public record ExitSummary(String exit, boolean fastpath, long count, Map<String, Double> touchedLines,
        Map<String, Double> idealLines, List<OfMetric> metrics, MeanInterval cycles) {
    /** The name of the row that sums up all exits of the sequence. */
    public static final String MIX = "mix";

    /** The summary of one metric over the row's exits. */
    public record OfMetric(Metric metric, MetricSummary summary) {}

    public MetricSummary metric(Metric metric) {
        return metrics.stream().filter(m -> m.metric().equals(metric)).findFirst().map(OfMetric::summary)
                .orElseThrow(() -> new IllegalArgumentException("no metric " + metric));
    }

    public double touchedTotal() {
        return touchedLines.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double idealTotal() {
        return idealLines.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
