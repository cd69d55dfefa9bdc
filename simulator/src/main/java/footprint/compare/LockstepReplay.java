package footprint.compare;

import footprint.sim.ExitMetrics;
import footprint.sim.ExitProgram;
import footprint.sim.ExitReplay;
import footprint.sim.ExitSummary;
import footprint.sim.GuestModel;
import footprint.sim.LineCache;
import footprint.sim.LineFootprint;
import footprint.sim.Metrics;
import footprint.sim.Parallel;
import footprint.sim.ReplayChunk;
import footprint.sim.ReplayProgress;
import footprint.sim.SimulationRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;

/**
 * Two layouts replayed in lockstep over the same exit sequence against one shadow run of the
 * guest, a chunk of exits at a time, and paired exit by exit as they go: per exit kind and for
 * the mix, the running moments of every paired metric (misses per level, stall and estimated
 * cycles). Memory does not grow with the number of exits.
 */
final class LockstepReplay {
    private final ExitProgram program;
    private final LineFootprint footprintA;
    private final LineFootprint footprintB;
    private final List<String> paired;
    /** Per row (exit kind, then the mix at index exitCount) and paired metric. */
    private final PairedMoments[][] moments;
    /** Per row, the sum of the estimated cycles before, in sequence order: the denominator of the shares. */
    private final double[] costBefore;
    private final int[] perExit;
    private int exits;

    private LockstepReplay(ExitProgram program, LineFootprint footprintA, LineFootprint footprintB, List<String> paired) {
        this.program = program;
        this.footprintA = footprintA;
        this.footprintB = footprintB;
        this.paired = paired;
        moments = new PairedMoments[program.exitCount() + 1][paired.size()];
        for (PairedMoments[] row : moments) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new PairedMoments();
            }
        }
        costBefore = new double[program.exitCount() + 1];
        perExit = new int[program.exitCount()];
    }

    /**
     * Replays {@code exits} exits on both layouts and the shadow, each on its own cache built
     * with the setup's seed. {@code recordedShadow}, if not null, is the shadow run of all
     * {@code exits} exits already replayed (the placement sweep reuses one for every
     * placement); else the shadow is replayed alongside. A long run reports to {@code progress}.
     */
    static LockstepReplay run(ComparisonSetup setup, ModelUnderTest m, long[] basesA, long[] basesB, GuestModel guest,
            int exits, ReplayChunk recordedShadow, ReplayProgress progress) {
        long seed = setup.seed();
        LineCache cacheA = m.caches().create(seed);
        LineCache cacheB = m.caches().create(seed);
        LineFootprint fa = LineFootprint.of(setup.before(), basesA, cacheA.lineSize());
        LineFootprint fb = LineFootprint.of(setup.after(), basesB, cacheB.lineSize());
        List<String> paired = new ArrayList<>();
        m.cost().levelNames().forEach(l -> paired.add(Metrics.misses(l)));
        paired.addAll(List.of(Metrics.HOST_STALL, Metrics.GUEST_STALL, Metrics.ESTIMATED));
        LockstepReplay r = new LockstepReplay(setup.before(), fa, fb, paired);
        ExitMetrics metricsA = new ExitMetrics(setup.before(), fa, m.cost());
        ExitMetrics metricsB = new ExitMetrics(setup.after(), fb, m.cost());
        int[] index = paired.stream().mapToInt(metricsA::index).toArray();
        int estimated = paired.indexOf(Metrics.ESTIMATED);
        PrimitiveIterator.OfInt sequenceA = setup.sequence().open();
        PrimitiveIterator.OfInt sequenceB = setup.sequence().open();
        ExitReplay a = ExitReplay.of(setup.before(), basesA, cacheA, guest, seed, sequenceA);
        ExitReplay b = ExitReplay.of(setup.after(), basesB, cacheB, guest, seed, sequenceB);
        ExitReplay shadow = recordedShadow == null ? ExitReplay.shadow(m.caches().create(seed), guest, seed) : null;
        int capacity = recordedShadow == null ? Math.min(SimulationRun.CHUNK, Math.max(1, exits)) : Math.max(1, exits);
        int levels = cacheA.levels();
        ReplayChunk chunkA = new ReplayChunk(capacity, levels);
        ReplayChunk chunkB = new ReplayChunk(capacity, levels);
        ReplayChunk chunkShadow = recordedShadow != null ? recordedShadow : new ReplayChunk(capacity, levels);
        for (int done = 0; done < exits; done += capacity) {
            int count = Math.min(capacity, exits - done);
            Parallel.both(() -> a.advance(chunkA, count), () -> {
                b.advance(chunkB, count);
                return shadow == null ? chunkShadow : shadow.advance(chunkShadow, count);
            });
            r.add(chunkA, chunkB, chunkShadow, count, metricsA, metricsB, index, estimated);
            progress.done(done + count);
        }
        return r;
    }

    private void add(ReplayChunk chunkA, ReplayChunk chunkB, ReplayChunk chunkShadow, int count, ExitMetrics metricsA,
            ExitMetrics metricsB, int[] index, int estimated) {
        PairedMoments[] mix = moments[program.exitCount()];
        for (int n = 0; n < count; n++) {
            int e = chunkA.exit(n);
            perExit[e]++;
            PairedMoments[] row = moments[e];
            for (int i = 0; i < index.length; i++) {
                double va = metricsA.value(index[i], chunkA, chunkShadow, n);
                double vb = metricsB.value(index[i], chunkB, chunkShadow, n);
                row[i].add(va, vb);
                mix[i].add(va, vb);
                if (i == estimated) {
                    costBefore[e] += va;
                    costBefore[program.exitCount()] += va;
                }
            }
        }
        exits += count;
    }

    /** One row per exit reason that occurs (program order), then the mix. */
    List<ExitComparison> rows() {
        List<ExitComparison> rows = new ArrayList<>();
        for (int e = 0; e <= program.exitCount(); e++) {
            boolean mix = e == program.exitCount();
            int count = mix ? exits : perExit[e];
            if (count == 0) {
                continue;
            }
            double exitCost = costBefore[e] / count;
            Map<String, PairedDiff> diffs = new LinkedHashMap<>();
            for (int i = 0; i < paired.size(); i++) {
                // A share of the exit's cycles only means something for a difference in cycles.
                boolean cycles = paired.get(i).endsWith("_cycles");
                diffs.put(paired.get(i), PairedDiff.of(moments[e][i], cycles ? exitCost : 0));
            }
            rows.add(new ExitComparison(mix ? ExitSummary.MIX : program.exitName(e), !mix && program.fastpath(e), count,
                    objectLines(mix ? -1 : e, count), diffs));
        }
        return rows;
    }

    /** The paired difference in estimated cycles over all exits. */
    PairedDiff mixCycles() {
        int mix = program.exitCount();
        return PairedDiff.of(moments[mix][paired.indexOf(Metrics.ESTIMATED)], exits == 0 ? 0 : costBefore[mix] / exits);
    }

    /** Touched lines per exit after minus before, over all exits. */
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
     * over the exits of kind {@code exit} (-1: all). Line counts depend only on the exit kind, so
     * each kind's count times its lines is the same integer sum as adding them exit by exit.
     */
    private List<ObjectLines> objectLines(int exit, int count) {
        List<ObjectLines> out = new ArrayList<>();
        List<ExitProgram.ProgramObject> objects = program.objects();
        for (int o = 0; o < objects.size(); o++) {
            long ta = 0;
            long tb = 0;
            long ideal = 0;
            for (int e = 0; e < perExit.length; e++) {
                if (exit < 0 || e == exit) {
                    ta += (long) perExit[e] * footprintA.touched(e, o);
                    tb += (long) perExit[e] * footprintB.touched(e, o);
                    ideal += (long) perExit[e] * Math.min(footprintA.ideal(e, o), footprintB.ideal(e, o));
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
