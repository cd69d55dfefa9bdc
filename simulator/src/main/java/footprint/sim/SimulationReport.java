package footprint.sim;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code footprint simulate}: the settings, each replicate's seed and objects'
 * base addresses, and one row per exit reason plus the mix. Reports render it.
 */
public record SimulationReport(String commandLine, String trace, String model, List<String> levels,
        double memoryLevelParallelism, String placement, String guest, long seed, int exitsPerReplicate,
        List<Replicate> replicates, List<ExitSummary> rows) {
    /** One replicate: the seed of its exit order, guest and placement draw, and where it placed each object. */
    public record Replicate(long seed, Map<String, String> bases) {}
}
