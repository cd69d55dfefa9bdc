package footprint.compare;

import java.util.List;
import java.util.Map;

/**
 * One exit reason (or the mix) compared: touched lines per object with the ideal, and paired
 * differences of the per-exit metrics (misses per level, stall and estimated cycles).
 */
public record ExitComparison(String exit, boolean fastpath, long count, List<ObjectLines> lines,
        Map<String, PairedDiff> metrics) {
    public double linesBefore() {
        return lines.stream().mapToDouble(ObjectLines::before).sum();
    }

    public double linesAfter() {
        return lines.stream().mapToDouble(ObjectLines::after).sum();
    }

    public double linesIdeal() {
        return lines.stream().mapToDouble(ObjectLines::ideal).sum();
    }

    public PairedDiff metric(String name) {
        PairedDiff d = metrics.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no metric " + name + " (have " + metrics.keySet() + ")");
        }
        return d;
    }
}
