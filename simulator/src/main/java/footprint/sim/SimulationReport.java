package footprint.sim;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code footprint simulate}: the settings, the objects' base addresses, and one
 * row per exit reason plus the mix. Reports render it.
 */
public record SimulationReport(String commandLine, String trace, String model, List<String> levels,
        double memoryLevelParallelism, String placement, Map<String, String> bases, String guest, long seed,
        int exits, List<ExitSummary> rows) {}
