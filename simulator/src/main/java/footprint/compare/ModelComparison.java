package footprint.compare;

import java.util.List;

/**
 * Everything compared on one CPU model: the main rows (per exit reason, then the mix), the
 * guest-pressure sweep and the placement sweep, with the base cost of each exit they rest on.
 */
public record ModelComparison(String model, List<String> levels, double memoryLevelParallelism,
        List<BaseCost> baseCosts, List<ExitComparison> rows, List<GuestSweepPoint> guestSweep, PlacementSweep placementSweep) {
    public ExitComparison mix() {
        return rows.get(rows.size() - 1);
    }
}
