package footprint.compare;

import footprint.sim.MeanInterval;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The comparison over K random placements, each one replicate: each point, the distribution of
 * the cycle and line differences, the mean cycle difference with its 95% interval over the
 * placements, and at how many placements after came out lower, the same or higher in cycles.
 */
public record PlacementSweep(String kind, int exitsPerPlacement, List<PlacementPoint> points,
        Distribution cyclesDiff, Distribution linesDiff, MeanInterval cycles, int lower, int same, int higher) {
    static PlacementSweep of(String kind, int exitsPerPlacement, List<PlacementPoint> points) {
        double[] cycles = points.stream().mapToDouble(PlacementPoint::cyclesDiff).toArray();
        double[] lines = points.stream().mapToDouble(PlacementPoint::linesDiff).toArray();
        SummaryStatistics s = new SummaryStatistics();
        for (double c : cycles) {
            s.addValue(c);
        }
        int lower = (int) points.stream().filter(p -> p.cyclesDiff() < 0).count();
        int higher = (int) points.stream().filter(p -> p.cyclesDiff() > 0).count();
        return new PlacementSweep(kind, exitsPerPlacement, List.copyOf(points), Distribution.of(cycles),
                Distribution.of(lines), MeanInterval.of(s), lower, points.size() - lower - higher, higher);
    }
}
