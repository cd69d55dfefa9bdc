package footprint.compare;

import footprint.sim.ExitProgram;
import footprint.sim.ExitReplay;
import footprint.sim.GuestModel;
import footprint.sim.LineCache;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.sim.ReplayChunk;
import footprint.sim.ReplayProgress;
import footprint.sim.SimulationRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Replays one trace against two layouts over the same exit sequence, placement seeds and
 * guest, on each model, and pairs the results exit by exit.
 */
public final class LayoutComparison {
    /**
     * The largest guest working set of the guest-pressure sweep. A point touches every line of its
     * working set between two exits, over at least {@link #MIN_SWEEP_EXITS} exits, with and without
     * the exits, on both sides: 1 GiB is 16 Mi accesses per exit, about 6.4 G per model; 64 GiB
     * would run for hours.
     */
    public static final long MAX_SWEEP_WORKING_SET = 1L << 30;

    /** Guest accesses per guest-sweep point (all exits together); bounds the sweep's run time. */
    static final long SWEEP_GUEST_BUDGET = 2_000_000;
    /** Guest accesses per placement of the placement sweep. */
    static final long PLACEMENT_GUEST_BUDGET = 600_000;
    public static final int MIN_SWEEP_EXITS = 100;

    private final ComparisonSetup setup;
    private final Consumer<String> progress;

    public LayoutComparison(ComparisonSetup setup, Consumer<String> progress) {
        this.setup = setup;
        this.progress = progress;
        checkSameExits(setup.before(), setup.after());
    }

    private static void checkSameExits(ExitProgram a, ExitProgram b) {
        if (a.exitCount() != b.exitCount() || a.objects().size() != b.objects().size()) {
            throw new IllegalArgumentException("the two programs come from different traces");
        }
        for (int e = 0; e < a.exitCount(); e++) {
            if (!a.exitName(e).equals(b.exitName(e)) || a.endAccess(e) != b.endAccess(e)) {
                throw new IllegalArgumentException("the two programs come from different traces");
            }
        }
    }

    public List<ModelComparison> run() {
        List<ModelComparison> out = new ArrayList<>();
        for (ModelUnderTest m : setup.models()) {
            out.add(compare(m));
        }
        return out;
    }

    private ModelComparison compare(ModelUnderTest m) {
        String id = m.cost().modelId();
        progress.accept(id + ": main comparison, " + setup.exits() + " exits");
        List<ExitComparison> rows = rows(m, setup.placement(), setup.seed(), setup.guest(), setup.exits());
        List<GuestSweepPoint> sweep = new ArrayList<>();
        int lineSize = m.caches().create(setup.seed()).lineSize();
        for (long ws : setup.guestSweep()) {
            int accesses = ws == 0 ? 0 : (int) Math.max(setup.guestAccesses(), ws / lineSize);
            GuestModel guest = GuestModel.synthetic(ws, accesses, setup.guestPattern());
            int exits = exitsFor(accesses, SWEEP_GUEST_BUDGET);
            progress.accept(id + ": guest sweep " + footprint.sim.Sizes.format(ws) + ", " + exits + " exits");
            sweep.add(new GuestSweepPoint(ws, accesses, exits, rows(m, setup.placement(), setup.seed(), guest, exits)));
        }
        PlacementSweep placements = null;
        if (setup.placements() > 0) {
            placements = placementSweep(m);
        }
        List<BaseCost> baseCosts = m.cost().baseCycles().entrySet().stream()
                .map(e -> new BaseCost(e.getKey(), e.getValue(), m.cost().baseBasis().getOrDefault(e.getKey(), "")))
                .toList();
        return new ModelComparison(id, m.cost().levelNames(), m.cost().memoryLevelParallelism(), baseCosts, rows, sweep,
                placements);
    }

    private int exitsFor(int guestAccesses, long budget) {
        if (guestAccesses == 0) {
            return setup.exits();
        }
        long n = budget / guestAccesses;
        return (int) Math.min(setup.exits(), Math.max(MIN_SWEEP_EXITS, n));
    }

    private PlacementSweep placementSweep(ModelUnderTest m) {
        int exits = exitsFor(setup.guest().accessesPerExit(), PLACEMENT_GUEST_BUDGET);
        Placement random = new Placement(PlacementKind.RANDOM, Map.of());
        // The shadow does not depend on the placement: one run serves every placement when it fits a chunk.
        ReplayChunk shadow = null;
        if (exits <= SimulationRun.CHUNK) {
            LineCache cache = m.caches().create(setup.seed());
            shadow = ExitReplay.shadow(cache, setup.guest(), setup.seed())
                    .advance(new ReplayChunk(Math.max(1, exits), cache.levels()), exits);
        }
        List<PlacementPoint> points = new ArrayList<>();
        for (int k = 0; k < setup.placements(); k++) {
            long placementSeed = setup.seed() + 1 + k;
            if (k % 10 == 0) {
                progress.accept(m.cost().modelId() + ": placements " + (k + 1) + "-"
                        + Math.min(setup.placements(), k + 10) + " of " + setup.placements());
            }
            LockstepReplay r = replay(m, random, placementSeed, setup.guest(), exits, shadow);
            PairedDiff cycles = r.mixCycles();
            points.add(new PlacementPoint(placementSeed, r.linesDiff(), cycles, PlacementPoint.judge(cycles)));
        }
        return PlacementSweep.of(PlacementKind.RANDOM.name().toLowerCase(Locale.ROOT), exits, points);
    }

    /** Replays both layouts at the same placement seed in lockstep, against one shadow run. */
    private LockstepReplay replay(ModelUnderTest m, Placement placement, long placementSeed, GuestModel guest, int exits,
            ReplayChunk shadow) {
        long[] basesA = placement.place(setup.before().objects(), placementSeed);
        long[] basesB = placement.place(setup.after().objects(), placementSeed);
        return LockstepReplay.run(setup, m, basesA, basesB, guest, exits, shadow,
                new ReplayProgress(progress, m.cost().modelId() + ": compared", exits));
    }

    private List<ExitComparison> rows(ModelUnderTest m, Placement placement, long placementSeed, GuestModel guest, int exits) {
        return replay(m, placement, placementSeed, guest, exits, null).rows();
    }
}
