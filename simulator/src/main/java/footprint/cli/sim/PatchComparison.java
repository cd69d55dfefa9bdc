package footprint.cli.sim;

import footprint.compare.Comparison;
import footprint.compare.ComparisonReport;
import footprint.compare.ComparisonSetup;
import footprint.compare.ExitComparison;
import footprint.compare.ModelComparison;
import footprint.compare.ModelUnderTest;
import footprint.compare.PairedDiff;
import footprint.layout.LayoutSet;
import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.patch.CoverLetter;
import footprint.sim.CostModel;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.HierarchyCache;
import footprint.sim.Metrics;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.sim.Replicates;
import footprint.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of a patch's cover letter, as {@code footprint compare} gets them: the trace replayed
 * against the current and the proposed layout on one CPU model, with compare's defaults for the
 * main comparison (replicates, exits, seed, slab placement, 32 KiB guest) and no guest or
 * placement sweep, which the letter does not quote.
 */
public final class PatchComparison {
    /** The model {@code optimize --patch} replays on unless --model says otherwise: compare's example model. */
    public static final String DEFAULT_MODEL = "skylake-sp";
    private static final int REPLICATES = 10;
    private static final long SEED = 1;

    private PatchComparison() {}

    /** The bundled model {@code id} (or the default), read before the optimisation so that a wrong id fails at once. */
    public static CpuModel model(String id) {
        return CpuModels.find(CpuModels.defaultDirectory(), id != null ? id : DEFAULT_MODEL);
    }

    /** {@code before} and {@code after} are the layouts of the whole trace (the proposal composed over the inputs). */
    public static CoverLetter.Measured measure(Trace trace, LayoutSet before, String beforeFiles, LayoutSet after,
            CpuModel cpu, boolean allowMissing, List<String> warnings) {
        ReplayInputs a = ReplayInputs.bind(trace, before, "current", beforeFiles, allowMissing, warnings);
        ReplayInputs b = ReplayInputs.bind(trace, after, "proposed", "the proposed layout", allowMissing,
                new ArrayList<>());
        List<String> exitNames = new ArrayList<>();
        for (int e = 0; e < a.program().exitCount(); e++) {
            exitNames.add(a.program().exitName(e));
        }
        ModelUnderTest model = new ModelUnderTest(CostModel.of(cpu, exitNames), HierarchyCache.factory(cpu));
        int exits = Replicates.exitsEach(CompareCommand.DEFAULT_EXITS, REPLICATES);
        GuestModel guest = GuestModel.synthetic(ReplayOptions.size("guest", CompareCommand.DEFAULT_GUEST_WS),
                ReplayOptions.DEFAULT_GUEST_ACCESSES, GuestPattern.UNIFORM);
        ComparisonSetup setup = new ComparisonSetup(a.program(), b.program(), (s, n) -> a.stream().iterator(n, s),
                List.of(model), REPLICATES, exits, SEED, new Placement(PlacementKind.SLAB, Map.of()), guest, List.of(),
                ReplayOptions.DEFAULT_GUEST_ACCESSES, GuestPattern.UNIFORM, 0, Map.of(), Map.of());
        ComparisonReport report = Comparison.run(setup, trace.source(), "", List.of(), List.of(), p -> { });
        ModelComparison m = report.models().get(0);
        ExitComparison mix = m.mix();
        PairedDiff cycles = mix.metric(Metrics.ESTIMATED);
        ComparisonReport.Settings s = report.settings();
        String how = String.format(Locale.ROOT, "%d replicates of %d exits, seed %d, %s placement, guest %s",
                s.replicates(), s.exits(), s.seed(), s.placement(), s.guest());
        return new CoverLetter.Measured(m.model(), how, mix.linesBefore(), mix.linesAfter(), mix.linesIdeal(),
                cycles.before(), cycles.after(), cycles.diff(), cycles.ciLow(), cycles.ciHigh());
    }
}
