package footprint.compare;

import footprint.sim.Metric;
import java.util.List;

/**
 * One exit reason (or the mix) compared: touched lines per object with the ideal, and paired
 * differences of the per-exit metrics (misses per level, stall and estimated cycles).
 */
public record ExitComparison(String exit, boolean fastpath, long count, List<ObjectLines> lines,
        List<OfMetric> metrics) {
    /** One metric's paired difference over the row's exits. */
    public record OfMetric(Metric metric, PairedDiff diff) {}

    public double linesBefore() {
        return lines.stream().mapToDouble(ObjectLines::before).sum();
    }

    public double linesAfter() {
        return lines.stream().mapToDouble(ObjectLines::after).sum();
    }

    public double linesIdeal() {
        return lines.stream().mapToDouble(ObjectLines::ideal).sum();
    }

    public PairedDiff metric(Metric metric) {
        return metrics.stream().filter(m -> m.metric().equals(metric)).findFirst().map(OfMetric::diff)
                .orElseThrow(() -> new IllegalArgumentException("no metric " + metric));
    }
}
