package footprint.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replay of a program on one CPU model, placement and guest, with its shadow run: gives
 * every metric per exit of the sequence (for paired comparisons) and the per-reason summaries.
 */
public final class SimulationRun {
    private final ExitProgram program;
    private final CostModel cost;
    private final LineFootprint footprint;
    private final ReplaySamples samples;
    private final ReplaySamples shadow;

    private SimulationRun(ExitProgram program, CostModel cost, LineFootprint footprint,
            ReplaySamples samples, ReplaySamples shadow) {
        this.program = program;
        this.cost = cost;
        this.footprint = footprint;
        this.samples = samples;
        this.shadow = shadow;
    }

    /**
     * Replays {@code exits} exits of {@code sequence}; the cache and the shadow cache are built
     * with the same seed, and so is the guest, so the shadow sees the same guest accesses. The
     * shadow runs alongside the replay.
     */
    public static SimulationRun run(ExitProgram program, long[] bases, CacheFactory caches, CostModel cost,
            GuestModel guest, ExitSequence sequence, int exits, long seed) {
        LineCache cache = caches.create(seed);
        if (cache.levels() != cost.levelNames().size()) {
            throw new IllegalArgumentException("cost model names " + cost.levelNames().size() + " levels, cache has " + cache.levels());
        }
        Parallel.Pair<ReplaySamples, ReplaySamples> r = Parallel.both(
                () -> ExitReplay.shadow(caches.create(seed), guest, seed, exits),
                () -> ExitReplay.run(program, bases, cache, guest, seed, sequence.open(), exits));
        return of(program, bases, cache.lineSize(), cost, r.second(), r.first());
    }

    /** Assembles a run from a replay and the shadow run of the same guest, count and seed. */
    public static SimulationRun of(ExitProgram program, long[] bases, int lineSize, CostModel cost, ReplaySamples samples,
            ReplaySamples shadow) {
        return new SimulationRun(program, cost, LineFootprint.of(program, bases, lineSize), samples, shadow);
    }

    public ExitProgram program() {
        return program;
    }

    public LineFootprint footprint() {
        return footprint;
    }

    public int exits() {
        return samples.count();
    }

    /** Exit index of the n-th exit of the sequence. */
    public int exitAt(int n) {
        return samples.exit(n);
    }

    /** The metric for every exit of the sequence, in sequence order. */
    public double[] values(String metric) {
        int count = samples.count();
        double[] v = new double[count];
        double mlp = cost.memoryLevelParallelism();
        double[] base = new double[program.exitCount()];
        for (int e = 0; e < base.length; e++) {
            base[e] = cost.baseCycles(program.exitName(e));
        }
        int level = levelOf(metric);
        for (int n = 0; n < count; n++) {
            int e = samples.exit(n);
            v[n] = switch (metric) {
                case Metrics.TOUCHED_LINES -> footprint.touchedTotal(e);
                case Metrics.IDEAL_LINES -> footprint.idealTotal(e);
                case Metrics.LINE_ACCESSES -> footprint.lineAccesses(e);
                case Metrics.HOST_STALL -> samples.hostStall(n) / mlp;
                case Metrics.GUEST_STALL -> (samples.guestStall(n) - shadow.guestStall(n)) / mlp;
                case Metrics.BASE -> base[e];
                case Metrics.ESTIMATED -> base[e] + (samples.hostStall(n) + samples.guestStall(n) - shadow.guestStall(n)) / mlp;
                default -> metric.startsWith("misses.") ? samples.hostMisses(level, n)
                        : samples.guestMisses(level, n) - shadow.guestMisses(level, n);
            };
        }
        return v;
    }

    /** The cache level a per-level metric names; -1 for the others; unknown names are refused. */
    private int levelOf(String metric) {
        List<String> levels = cost.levelNames();
        for (int l = 0; l < levels.size(); l++) {
            if (metric.equals(Metrics.misses(levels.get(l))) || metric.equals(Metrics.guestExtraMisses(levels.get(l)))) {
                return l;
            }
        }
        if (!Metrics.all(levels).contains(metric)) {
            throw new IllegalArgumentException("unknown metric " + metric + " (have " + Metrics.all(levels) + ")");
        }
        return -1;
    }

    /**
     * One summary per exit reason that occurs in the sequence (program order), then the mix.
     * The metrics are split in two halves summarised at once; each half takes its metrics one
     * at a time, so at most two per-exit columns of doubles are alive.
     */
    public List<ExitSummary> summaries() {
        int count = samples.count();
        int[] perExit = new int[program.exitCount()];
        for (int n = 0; n < count; n++) {
            perExit[samples.exit(n)]++;
        }
        // Row k summarises exit rowExit[k]; the last row (exit -1) is the mix.
        List<Integer> rowExit = new ArrayList<>();
        for (int e = 0; e < program.exitCount(); e++) {
            if (perExit[e] > 0) {
                rowExit.add(e);
            }
        }
        rowExit.add(-1);
        int[] byExit = groupByExit(perExit);
        List<String> names = Metrics.all(cost.levelNames());
        int half = names.size() / 2;
        Parallel.Pair<MetricSummary[][], MetricSummary[][]> halves = Parallel.both(
                () -> summarise(names.subList(0, half), rowExit, perExit, byExit),
                () -> summarise(names.subList(half, names.size()), rowExit, perExit, byExit));
        List<Map<String, MetricSummary>> metrics = new ArrayList<>();
        for (int k = 0; k < rowExit.size(); k++) {
            Map<String, MetricSummary> row = new LinkedHashMap<>();
            for (int m = 0; m < names.size(); m++) {
                row.put(names.get(m), m < half ? halves.first()[m][k] : halves.second()[m - half][k]);
            }
            metrics.add(row);
        }
        List<ExitSummary> rows = new ArrayList<>();
        for (int k = 0; k < rowExit.size(); k++) {
            int e = rowExit.get(k);
            rows.add(e < 0 ? summary(ExitSummary.MIX, false, count, e, perExit, metrics.get(k))
                    : summary(program.exitName(e), program.fastpath(e), perExit[e], e, perExit, metrics.get(k)));
        }
        return rows;
    }

    /** Summaries of {@code metrics} (first index) for every row (second index), one metric at a time. */
    private MetricSummary[][] summarise(List<String> metrics, List<Integer> rowExit, int[] perExit, int[] byExit) {
        MetricSummary[][] out = new MetricSummary[metrics.size()][rowExit.size()];
        for (int m = 0; m < metrics.size(); m++) {
            double[] values = values(metrics.get(m));
            for (int k = 0; k < rowExit.size(); k++) {
                int e = rowExit.get(k);
                out[m][k] = MetricSummary.of(e < 0 ? values : pick(values, e, perExit, byExit));
            }
        }
        return out;
    }

    /**
     * Touched and ideal lines per object, averaged over the exits of {@code exit} (-1: all).
     * Line counts depend only on the exit kind, so each kind's count times its lines is the
     * same integer sum as adding them exit by exit.
     */
    private ExitSummary summary(String name, boolean fastpath, int count, int exit, int[] perExit, Map<String, MetricSummary> metrics) {
        Map<String, Double> touched = new LinkedHashMap<>();
        Map<String, Double> ideal = new LinkedHashMap<>();
        for (int o = 0; o < program.objects().size(); o++) {
            long t = 0;
            long i = 0;
            for (int e = 0; e < perExit.length; e++) {
                if (exit < 0 || e == exit) {
                    t += (long) perExit[e] * footprint.touched(e, o);
                    i += (long) perExit[e] * footprint.ideal(e, o);
                }
            }
            touched.put(program.objects().get(o).name(), count == 0 ? 0 : (double) t / count);
            ideal.put(program.objects().get(o).name(), count == 0 ? 0 : (double) i / count);
        }
        return new ExitSummary(name, fastpath, count, touched, ideal, metrics);
    }

    /**
     * The positions in the sequence grouped by exit kind, in sequence order within a kind (a
     * counting sort), so picking one kind's values reads only its own positions.
     */
    private int[] groupByExit(int[] perExit) {
        int[] next = new int[perExit.length];
        for (int e = 1; e < perExit.length; e++) {
            next[e] = next[e - 1] + perExit[e - 1];
        }
        int[] byExit = new int[samples.count()];
        for (int n = 0; n < byExit.length; n++) {
            byExit[next[samples.exit(n)]++] = n;
        }
        return byExit;
    }

    /** The values of the exits of kind {@code exit}, in sequence order. */
    private static double[] pick(double[] values, int exit, int[] perExit, int[] byExit) {
        int first = 0;
        for (int e = 0; e < exit; e++) {
            first += perExit[e];
        }
        double[] out = new double[perExit[exit]];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[byExit[first + k]];
        }
        return out;
    }
}
