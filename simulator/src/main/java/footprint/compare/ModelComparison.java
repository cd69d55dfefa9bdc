package footprint.compare;

import java.util.List;

/**
 * Everything compared on one CPU model: the main rows (per exit reason, then the mix), the
 * guest-pressure sweep and the placement sweep.
 */
public record ModelComparison(String model, List<String> levels, double memoryLevelParallelism,
        List<ExitComparison> rows, List<GuestSweepPoint> guestSweep, PlacementSweep placementSweep) {
    public ExitComparison mix() {
        return rows.get(rows.size() - 1);
    }
}
