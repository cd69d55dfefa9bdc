package footprint.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs a whole comparison and assembles its report (sweeps, attribution, density maps, verdict). */
public final class Comparison {
    private Comparison() {}

    public static ComparisonReport run(ComparisonSetup setup, String traceName, String commandLine,
            List<InputFile> inputs, List<String> warnings, Consumer<String> progress) {
        List<ModelComparison> models = new LayoutComparison(setup, progress).run();
        int lineSize = setup.models().get(0).caches().lineSize();
        List<SoleFieldLine> sole = new ArrayList<>(FieldAttribution.soleLines("before", setup.before(), lineSize));
        sole.addAll(FieldAttribution.soleLines("after", setup.after(), lineSize));
        List<DensityMap> maps = new ArrayList<>(DensityMaps.of("before", setup.before(), setup.structsBefore()));
        maps.addAll(DensityMaps.of("after", setup.after(), setup.structsAfter()));
        ComparisonReport.Settings settings = new ComparisonReport.Settings(traceName, setup.replicates(), setup.exits(),
                setup.seed(),
                setup.placement().kind().name().toLowerCase(java.util.Locale.ROOT), setup.guest().describe(),
                setup.guestSweep(), setup.placements(), PairedDiff.CONFIDENCE);
        return new ComparisonReport(commandLine, List.copyOf(inputs), settings, models,
                FieldAttribution.moves(setup.before(), setup.after(), lineSize), sole, maps, Verdict.findings(models),
                List.copyOf(warnings));
    }
}
