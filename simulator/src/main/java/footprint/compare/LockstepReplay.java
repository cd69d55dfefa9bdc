package footprint.compare;

import footprint.sim.ExitMetrics;
import footprint.sim.ExitProgram;
import footprint.sim.ExitReplay;
import footprint.sim.ExitSummary;
import footprint.sim.GuestModel;
import footprint.sim.LineCache;
import footprint.sim.LineFootprint;
import footprint.sim.Metric;
import footprint.sim.Metrics;
import footprint.sim.Placement;
import footprint.sim.ReplayChunk;
import footprint.sim.ReplayDriver;
import footprint.sim.ReplayProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * One replicate of a comparison: both layouts replayed in lockstep over the same exit sequence
 * against one shadow run of the guest, at placements, guest addresses, exit order and cache
 * seeds drawn from the replicate's seed, summed per exit kind and for the mix as they go.
 * Replicates then pair up: one mean difference per replicate is one value of the statistics.
 */
final class LockstepReplay {
    private final ExitProgram program;
    private final LineFootprint footprintA;
    private final LineFootprint footprintB;
    private final List<Metric> paired;
    /** Per row (exit kind, then the mix at index exitCount) and paired metric, the sums before and after. */
    private final double[][] sumBefore;
    private final double[][] sumAfter;
    /** Per row, the sum of the estimated cycles before: the denominator of the shares. */
    private final double[] costBefore;
    private final int[] perExit;
    private int exits;

    private LockstepReplay(ExitProgram program, LineFootprint footprintA, LineFootprint footprintB, List<Metric> paired) {
        this.program = program;
        this.footprintA = footprintA;
        this.footprintB = footprintB;
        this.paired = paired;
        sumBefore = new double[program.exitCount() + 1][paired.size()];
        sumAfter = new double[program.exitCount() + 1][paired.size()];
        costBefore = new double[program.exitCount() + 1];
        perExit = new int[program.exitCount()];
    }

    /**
     * Replays {@code exits} exits on both layouts and the shadow, each on its own cache, with
     * everything random drawn from {@code seed}: the exit order, the placement of both sides (the
     * same draw), the guest's addresses and random replacement.
     */
    static LockstepReplay run(ComparisonSetup setup, ModelUnderTest m, Placement placement, long seed, GuestModel guest,
            int exits, ReplayProgress progress) {
        long[] basesA = placement.place(setup.before().objects(), seed);
        long[] basesB = placement.place(setup.after().objects(), seed);
        LineCache cacheA = m.caches().create(seed);
        LineCache cacheB = m.caches().create(seed);
        LineFootprint fa = LineFootprint.of(setup.before(), basesA, cacheA.lineSize());
        LineFootprint fb = LineFootprint.of(setup.after(), basesB, cacheB.lineSize());
        List<Metric> paired = new ArrayList<>();
        m.cost().levelNames().forEach(l -> paired.add(Metrics.misses(l)));
        paired.addAll(List.of(Metrics.HOST_STALL, Metrics.GUEST_STALL, Metrics.ESTIMATED));
        LockstepReplay r = new LockstepReplay(setup.before(), fa, fb, paired);
        ExitMetrics metricsA = new ExitMetrics(setup.before(), fa, m.cost());
        ExitMetrics metricsB = new ExitMetrics(setup.after(), fb, m.cost());
        int[] index = paired.stream().mapToInt(metricsA::index).toArray();
        int estimated = paired.indexOf(Metrics.ESTIMATED);
        ExitReplay a = ExitReplay.of(setup.before(), basesA, cacheA, guest, seed, setup.sequence().open(seed, ReplayDriver.sequenceLength(exits)));
        ExitReplay b = ExitReplay.of(setup.after(), basesB, cacheB, guest, seed, setup.sequence().open(seed, ReplayDriver.sequenceLength(exits)));
        // Without a guest the shadow touches no cache: it needs none of its own (large LLCs cost megabytes each).
        LineCache shadowCache = guest.isNone() ? cacheA : m.caches().create(seed);
        ExitReplay shadow = ExitReplay.shadow(shadowCache, guest, seed);
        ReplayDriver.run(List.of(a, b), shadow, cacheA.levels(), exits,
                (sides, shadowChunk) -> r.add(sides[0], sides[1], shadowChunk, metricsA, metricsB, index, estimated),
                progress);
        // Nothing refers to the caches any more (r keeps sums only): the next replicate may reuse them.
        m.caches().release(cacheA);
        m.caches().release(cacheB);
        if (shadowCache != cacheA) {
            m.caches().release(shadowCache);
        }
        return r;
    }

    private void add(ReplayChunk chunkA, ReplayChunk chunkB, ReplayChunk chunkShadow, ExitMetrics metricsA,
            ExitMetrics metricsB, int[] index, int estimated) {
        int mix = program.exitCount();
        for (int n = 0; n < chunkA.size(); n++) {
            int e = chunkA.exit(n);
            perExit[e]++;
            for (int i = 0; i < index.length; i++) {
                double va = metricsA.value(index[i], chunkA, chunkShadow, n);
                double vb = metricsB.value(index[i], chunkB, chunkShadow, n);
                sumBefore[e][i] += va;
                sumAfter[e][i] += vb;
                sumBefore[mix][i] += va;
                sumAfter[mix][i] += vb;
                if (i == estimated) {
                    costBefore[e] += va;
                    costBefore[mix] += va;
                }
            }
        }
        exits += chunkA.size();
    }

    private int count(int row) {
        return row == program.exitCount() ? exits : perExit[row];
    }

    /**
     * One row per exit reason that occurs in any replicate (program order), then the mix: each
     * metric's difference paired by replicate, over the replicates in which the exit occurs.
     */
    static List<ExitComparison> rows(List<LockstepReplay> replicates) {
        LockstepReplay first = replicates.get(0);
        ExitProgram program = first.program;
        List<ExitComparison> rows = new ArrayList<>();
        for (int e = 0; e <= program.exitCount(); e++) {
            boolean mix = e == program.exitCount();
            int row = e;
            List<LockstepReplay> with = replicates.stream().filter(r -> r.count(row) > 0).toList();
            if (with.isEmpty()) {
                continue;
            }
            long count = with.stream().mapToLong(r -> r.count(row)).sum();
            double exitCost = with.stream().mapToDouble(r -> r.costBefore[row] / r.count(row)).average().orElse(0);
            List<ExitComparison.OfMetric> diffs = new ArrayList<>();
            for (int i = 0; i < first.paired.size(); i++) {
                int metric = i;
                double[] before = with.stream().mapToDouble(r -> r.sumBefore[row][metric] / r.count(row)).toArray();
                double[] after = with.stream().mapToDouble(r -> r.sumAfter[row][metric] / r.count(row)).toArray();
                // A share of the exit's cycles only means something for a difference in cycles.
                Metric m = first.paired.get(i);
                diffs.add(new ExitComparison.OfMetric(m, PairedDiff.overReplicates(before, after, m.inCycles() ? exitCost : 0)));
            }
            rows.add(new ExitComparison(mix ? ExitSummary.MIX : program.exitName(e), !mix && program.fastpath(e), count,
                    objectLines(with, mix ? -1 : e, count), diffs));
        }
        return rows;
    }

    /** The mean difference in estimated cycles per exit over all exits of this replicate (after minus before). */
    double mixCyclesDiff() {
        int mix = program.exitCount();
        int i = paired.indexOf(Metrics.ESTIMATED);
        return exits == 0 ? 0 : (sumAfter[mix][i] - sumBefore[mix][i]) / exits;
    }

    /** Touched lines per exit after minus before, over all exits of this replicate. */
    double linesDiff() {
        long a = 0;
        long b = 0;
        for (int e = 0; e < perExit.length; e++) {
            a += (long) perExit[e] * footprintA.touchedTotal(e);
            b += (long) perExit[e] * footprintB.touchedTotal(e);
        }
        return exits == 0 ? 0 : (double) b / exits - (double) a / exits;
    }

    /**
     * Touched lines per object before and after, and the ideal (the lesser of the two layouts'),
     * over the replicates' exits of kind {@code exit} (-1: all). Line counts depend only on the
     * exit kind and the replicate's placement, so each kind's count times its lines is the same
     * integer sum as adding them exit by exit.
     */
    private static List<ObjectLines> objectLines(List<LockstepReplay> replicates, int exit, long count) {
        List<ObjectLines> out = new ArrayList<>();
        List<ExitProgram.ProgramObject> objects = replicates.get(0).program.objects();
        for (int o = 0; o < objects.size(); o++) {
            long ta = 0;
            long tb = 0;
            long ideal = 0;
            for (LockstepReplay r : replicates) {
                for (int e = 0; e < r.perExit.length; e++) {
                    if (exit < 0 || e == exit) {
                        ta += (long) r.perExit[e] * r.footprintA.touched(e, o);
                        tb += (long) r.perExit[e] * r.footprintB.touched(e, o);
                        ideal += (long) r.perExit[e] * Math.min(r.footprintA.ideal(e, o), r.footprintB.ideal(e, o));
                    }
                }
            }
            if (ta + tb > 0) {
                out.add(new ObjectLines(objects.get(o).name(), (double) ta / count, (double) tb / count,
                        (double) ideal / count));
            }
        }
        return out;
    }
}
