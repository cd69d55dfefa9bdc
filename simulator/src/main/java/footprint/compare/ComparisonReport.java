package footprint.compare;

import java.util.List;

/**
 * The result of {@code footprint compare}: settings, inputs with hashes, per-model comparisons
 * with both sweeps, per-field attribution, density maps and the verdict. Reports render it.
 */
public record ComparisonReport(String commandLine, List<InputFile> inputs, Settings settings,
        List<ModelComparison> models, List<FieldMove> fieldMoves, List<SoleFieldLine> soleFieldLines,
        List<DensityMap> densityMaps, List<String> verdict, List<String> warnings) {
    /** The knobs of the comparison, as used (defaults filled in); {@code exits} is per replicate. */
    public record Settings(String trace, int replicates, int exits, long seed, String placement, String guest,
            List<Long> guestSweep, int placements, double confidence) {}
}
