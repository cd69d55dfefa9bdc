package footprint.compare;

import footprint.sim.ExitProgram;
import footprint.sim.ExitSummary;
import footprint.sim.GuestModel;
import footprint.sim.LineCache;
import footprint.sim.LineFootprint;
import footprint.sim.Metrics;
import footprint.sim.Parallel;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.sim.ReplaySamples;
import footprint.sim.SimulationRun;
import footprint.sim.ExitReplay;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays one trace against two layouts over the same exit sequence, placement seeds and
 * guest, on each model, and pairs the results exit by exit.
 */
public final class LayoutComparison {
    /** Guest accesses per guest-sweep point (all exits together); bounds the sweep's run time. */
    static final long SWEEP_GUEST_BUDGET = 2_000_000;
    /** Guest accesses per placement of the placement sweep. */
    static final long PLACEMENT_GUEST_BUDGET = 600_000;
    static final int MIN_SWEEP_EXITS = 100;

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
        Placement random = new Placement(PlacementKind.RANDOM, java.util.Map.of());
        ReplaySamples shadow = ExitReplay.shadow(m.caches().create(setup.seed()), setup.guest(), setup.seed(), exits);
        List<PlacementPoint> points = new ArrayList<>();
        for (int k = 0; k < setup.placements(); k++) {
            long placementSeed = setup.seed() + 1 + k;
            if (k % 10 == 0) {
                progress.accept(m.cost().modelId() + ": placements " + (k + 1) + "-"
                        + Math.min(setup.placements(), k + 10) + " of " + setup.placements());
            }
            Parallel.Pair<SimulationRun, SimulationRun> ab = runBoth(m, random, placementSeed, setup.guest(), exits, shadow);
            SimulationRun a = ab.first();
            SimulationRun b = ab.second();
            double[] ca = a.values(Metrics.ESTIMATED);
            PairedDiff cycles = PairedDiff.of(ca, b.values(Metrics.ESTIMATED), null, mean(ca));
            double linesDiff = mean(b.values(Metrics.TOUCHED_LINES)) - mean(a.values(Metrics.TOUCHED_LINES));
            points.add(new PlacementPoint(placementSeed, linesDiff, cycles, PlacementPoint.judge(cycles)));
        }
        return PlacementSweep.of(PlacementKind.RANDOM.name().toLowerCase(java.util.Locale.ROOT), exits, points);
    }

    /** Replays both layouts at the same placement seed, side by side, against one shadow run. */
    private Parallel.Pair<SimulationRun, SimulationRun> runBoth(ModelUnderTest m, Placement placement, long placementSeed,
            GuestModel guest, int exits, ReplaySamples shadow) {
        long[] basesA = placement.place(setup.before().objects(), placementSeed);
        long[] basesB = placement.place(setup.after().objects(), placementSeed);
        LineCache cacheA = m.caches().create(setup.seed());
        LineCache cacheB = m.caches().create(setup.seed());
        Parallel.Pair<ReplaySamples, ReplaySamples> r = Parallel.both(
                () -> ExitReplay.run(setup.before(), basesA, cacheA, guest, setup.seed(), setup.sequence().open(), exits),
                () -> ExitReplay.run(setup.after(), basesB, cacheB, guest, setup.seed(), setup.sequence().open(), exits));
        return new Parallel.Pair<>(
                SimulationRun.of(setup.before(), basesA, cacheA.lineSize(), m.cost(), r.first(), shadow),
                SimulationRun.of(setup.after(), basesB, cacheB.lineSize(), m.cost(), r.second(), shadow));
    }

    private List<ExitComparison> rows(ModelUnderTest m, Placement placement, long placementSeed, GuestModel guest, int exits) {
        ReplaySamples shadow = ExitReplay.shadow(m.caches().create(setup.seed()), guest, setup.seed(), exits);
        Parallel.Pair<SimulationRun, SimulationRun> ab = runBoth(m, placement, placementSeed, guest, exits, shadow);
        return pair(ab.first(), ab.second(), m.cost().levelNames());
    }

    /** Pairs two runs over the same exit sequence: one row per exit reason that occurs, then the mix. */
    static List<ExitComparison> pair(SimulationRun a, SimulationRun b, List<String> levels) {
        List<String> metrics = new ArrayList<>();
        levels.forEach(l -> metrics.add(Metrics.misses(l)));
        metrics.addAll(List.of(Metrics.HOST_STALL, Metrics.GUEST_STALL, Metrics.ESTIMATED));
        double[][] va = new double[metrics.size()][];
        double[][] vb = new double[metrics.size()][];
        for (int i = 0; i < metrics.size(); i++) {
            va[i] = a.values(metrics.get(i));
            vb[i] = b.values(metrics.get(i));
        }
        double[] cost = va[metrics.indexOf(Metrics.ESTIMATED)];
        ExitProgram program = a.program();
        int count = a.exits();
        List<ExitComparison> rows = new ArrayList<>();
        for (int e = 0; e <= program.exitCount(); e++) {
            boolean mix = e == program.exitCount();
            boolean[] select = new boolean[count];
            int selected = 0;
            for (int n = 0; n < count; n++) {
                select[n] = mix || a.exitAt(n) == e;
                selected += select[n] ? 1 : 0;
            }
            if (selected == 0) {
                continue;
            }
            double exitCost = 0;
            for (int n = 0; n < count; n++) {
                exitCost += select[n] ? cost[n] : 0;
            }
            exitCost /= selected;
            java.util.Map<String, PairedDiff> diffs = new java.util.LinkedHashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                // A share of the exit's cycles only means something for a difference in cycles.
                boolean cycles = metrics.get(i).endsWith("_cycles");
                diffs.put(metrics.get(i), PairedDiff.of(va[i], vb[i], select, cycles ? exitCost : 0));
            }
            rows.add(new ExitComparison(mix ? ExitSummary.MIX : program.exitName(e), !mix && program.fastpath(e),
                    selected, objectLines(a, b, select, selected), diffs));
        }
        return rows;
    }

    private static List<ObjectLines> objectLines(SimulationRun a, SimulationRun b, boolean[] select, int selected) {
        LineFootprint fa = a.footprint();
        LineFootprint fb = b.footprint();
        List<ObjectLines> out = new ArrayList<>();
        List<ExitProgram.ProgramObject> objects = a.program().objects();
        for (int o = 0; o < objects.size(); o++) {
            double ta = 0;
            double tb = 0;
            double ideal = 0;
            for (int n = 0; n < select.length; n++) {
                if (select[n]) {
                    int e = a.exitAt(n);
                    ta += fa.touched(e, o);
                    tb += fb.touched(e, o);
                    ideal += Math.min(fa.ideal(e, o), fb.ideal(e, o));
                }
            }
            if (ta + tb > 0) {
                out.add(new ObjectLines(objects.get(o).name(), ta / selected, tb / selected, ideal / selected));
            }
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
