package footprint.compare;

import footprint.sim.ExitProgram;
import footprint.sim.GuestModel;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.sim.ReplayProgress;
import footprint.sim.Replicates;
import footprint.units.ByteSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Replays one trace against two layouts on each model, in independent replicates (own seed
 * each for the exit order, the guest's addresses and the placement draw), both layouts of a
 * replicate over the same exits, and pairs the results replicate by replicate.
 */
public final class LayoutComparison {
    /**
     * The largest guest working set of the guest-pressure sweep: a point touches every line of its
     * working set between two exits; 1 GiB is 16 Mi accesses per exit, 64 GiB would run for hours.
     */
    public static final long MAX_SWEEP_WORKING_SET = 1L << 30;

    /**
     * Guest accesses per replicate of a guest-sweep point; bounds the sweep's run time. The
     * interval comes from the spread between replicates, so short replicates stay honest: they
     * only widen it.
     */
    static final long SWEEP_GUEST_BUDGET = 100_000;
    /** Guest accesses per placement of the placement sweep (each placement is one replicate). */
    static final long PLACEMENT_GUEST_BUDGET = 300_000;
    /** Exits per replicate at least, however large the guest. */
    public static final int MIN_SWEEP_EXITS = 5;

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

    /** The seeds of the main comparison's replicates, then those of the placement sweep's placements. */
    private long[] seeds() {
        return Replicates.seeds(setup.seed(), setup.replicates() + setup.placements());
    }

    private ModelComparison compare(ModelUnderTest m) {
        String id = m.cost().modelId();
        long[] replicateSeeds = Arrays.copyOf(seeds(), setup.replicates());
        progress.accept(id + ": main comparison, " + setup.replicates() + " replicates of " + setup.exits() + " exits");
        List<ExitComparison> rows = rows(m, setup.placement(), replicateSeeds, setup.guest(), setup.exits());
        List<GuestSweepPoint> sweep = new ArrayList<>();
        int lineSize = m.caches().lineSize();
        for (long ws : setup.guestSweep()) {
            int accesses = ws == 0 ? 0 : (int) Math.max(setup.guestAccesses(), ws / lineSize);
            GuestModel guest = GuestModel.synthetic(ws, accesses, setup.guestPattern());
            int exits = exitsFor(accesses, SWEEP_GUEST_BUDGET);
            progress.accept(id + ": guest sweep " + ByteSize.format(ws) + ", " + setup.replicates() + " replicates of " + exits
                    + " exits");
            sweep.add(new GuestSweepPoint(ws, accesses, exits, rows(m, setup.placement(), replicateSeeds, guest, exits)));
        }
        PlacementSweep placements = null;
        if (setup.placements() > 0) {
            placements = placementSweep(m);
        }
        m.caches().drain(); // the next model's hierarchies differ: this one's would only hold memory
        List<BaseCost> baseCosts = m.cost().baseCycles().entrySet().stream()
                .map(e -> new BaseCost(e.getKey(), e.getValue(), m.cost().baseBasis().getOrDefault(e.getKey(), "")))
                .toList();
        return new ModelComparison(id, m.cost().levelNames(), m.cost().memoryLevelParallelism(), baseCosts, rows, sweep,
                placements);
    }

    /** Exits per replicate for a guest of {@code guestAccesses} per exit within {@code budget} guest accesses. */
    private int exitsFor(int guestAccesses, long budget) {
        if (guestAccesses == 0) {
            return setup.exits();
        }
        long n = budget / guestAccesses;
        return (int) Math.min(setup.exits(), Math.max(MIN_SWEEP_EXITS, n));
    }

    /** Each placement is one replicate of its own (own seed for everything, a random placement). */
    private PlacementSweep placementSweep(ModelUnderTest m) {
        int exits = exitsFor(setup.guest().accessesPerExit(), PLACEMENT_GUEST_BUDGET);
        Placement random = new Placement(PlacementKind.RANDOM, Map.of());
        long[] seeds = Arrays.copyOfRange(seeds(), setup.replicates(), setup.replicates() + setup.placements());
        progress.accept(m.cost().modelId() + ": placement sweep, " + seeds.length + " random placements of " + exits
                + " exits");
        ReplayProgress replayed = new ReplayProgress(progress, m.cost().modelId() + ": placements,",
                (long) seeds.length * exits);
        List<PlacementPoint> points = Replicates.map(seeds.length, k -> {
            LockstepReplay r = LockstepReplay.run(setup, m, random, seeds[k], setup.guest(), exits, replayed);
            return new PlacementPoint(seeds[k], r.linesDiff(), r.mixCyclesDiff());
        });
        return PlacementSweep.of(PlacementKind.RANDOM.name().toLowerCase(Locale.ROOT), exits, points);
    }

    private List<ExitComparison> rows(ModelUnderTest m, Placement placement, long[] seeds, GuestModel guest, int exits) {
        ReplayProgress replayed = new ReplayProgress(progress, m.cost().modelId() + ": compared",
                (long) seeds.length * exits);
        return LockstepReplay.rows(Replicates.map(seeds.length,
                r -> LockstepReplay.run(setup, m, placement, seeds[r], guest, exits, replayed)));
    }
}
