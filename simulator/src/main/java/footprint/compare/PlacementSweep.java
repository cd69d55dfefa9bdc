package footprint.compare;

import java.util.List;

/**
 * The comparison over K seeded random placements: each point, the distribution of the cycle
 * and line differences, and how many placements were better, equal and worse after.
 */
public record PlacementSweep(String kind, int exitsPerPlacement, List<PlacementPoint> points,
        Distribution cyclesDiff, Distribution linesDiff, int better, int equal, int worse) {
    static PlacementSweep of(String kind, int exitsPerPlacement, List<PlacementPoint> points) {
        double[] cycles = points.stream().mapToDouble(p -> p.cycles().diff()).toArray();
        double[] lines = points.stream().mapToDouble(PlacementPoint::linesDiff).toArray();
        int better = (int) points.stream().filter(p -> p.outcome() == PlacementPoint.Outcome.BETTER).count();
        int worse = (int) points.stream().filter(p -> p.outcome() == PlacementPoint.Outcome.WORSE).count();
        return new PlacementSweep(kind, exitsPerPlacement, List.copyOf(points), Distribution.of(cycles),
                Distribution.of(lines), better, points.size() - better - worse, worse);
    }
}
