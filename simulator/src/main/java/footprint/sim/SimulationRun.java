package footprint.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One replicate of a simulation: a program replayed on one CPU model, placement and guest,
 * with its shadow run, streamed chunk by chunk into exact histograms of every per-exit metric
 * per exit kind. Replicates combine into the per-reason summaries; memory does not grow with
 * the number of exits.
 */
public final class SimulationRun {
    private final ExitProgram program;
    private final LineFootprint footprint;
    private final ExitMetrics metrics;
    private final int[] perExit;
    /** Per exit kind and metric, the values of the metrics that depend on the cache (null for the others). */
    private final ValueHistogram[][] histograms;
    private int exits;

    private SimulationRun(ExitProgram program, LineFootprint footprint, CostModel cost) {
        this.program = program;
        this.footprint = footprint;
        this.metrics = new ExitMetrics(program, footprint, cost);
        perExit = new int[program.exitCount()];
        histograms = new ValueHistogram[program.exitCount()][metrics.all().size()];
        for (ValueHistogram[] row : histograms) {
            for (int m = 0; m < row.length; m++) {
                row[m] = metrics.byKindOnly(m) ? null : new ValueHistogram();
            }
        }
    }

    /**
     * Replays {@code exits} exits of {@code sequence} opened with {@code seed}; the cache, the
     * shadow cache and the guest are built with the same seed, so the shadow sees the same guest
     * accesses.
     */
    public static SimulationRun run(ExitProgram program, long[] bases, CacheFactory caches, CostModel cost,
            GuestModel guest, ExitSequence sequence, int exits, long seed, ReplayProgress progress) {
        LineCache cache = caches.create(seed);
        if (cache.levels() != cost.levelNames().size()) {
            throw new IllegalArgumentException("cost model names " + cost.levelNames().size() + " levels, cache has " + cache.levels());
        }
        SimulationRun run = new SimulationRun(program, LineFootprint.of(program, bases, cache.lineSize()), cost);
        ExitReplay main = ExitReplay.of(program, bases, cache, guest, seed, sequence.open(seed, ReplayDriver.sequenceLength(exits)));
        // Without a guest the shadow touches no cache: it needs none of its own (large LLCs cost megabytes each).
        ExitReplay shadow = ExitReplay.shadow(guest.isNone() ? cache : caches.create(seed), guest, seed);
        ReplayDriver.run(List.of(main), shadow, cache.levels(), exits, (sides, shadowChunk) -> run.add(sides[0], shadowChunk),
                progress);
        return run;
    }

    /** Counts the chunk's exits and adds their values to the histograms of their kind. */
    private void add(ReplayChunk main, ReplayChunk shadow) {
        for (int n = 0; n < main.size(); n++) {
            int e = main.exit(n);
            perExit[e]++;
            ValueHistogram[] row = histograms[e];
            for (int m = 0; m < row.length; m++) {
                if (row[m] != null) {
                    row[m].add(metrics.value(m, main, shadow, n));
                }
            }
        }
        exits += main.size();
    }

    public LineFootprint footprint() {
        return footprint;
    }

    /** The histogram of metric {@code m}'s values over the exits of kind {@code exit} (-1: all exits), added to {@code h}. */
    private void addTo(ValueHistogram h, int m, int exit) {
        for (int e = 0; e < perExit.length; e++) {
            if (exit < 0 || e == exit) {
                if (metrics.byKindOnly(m)) {
                    h.add(metrics.ofKind(m, e), perExit[e]);
                } else {
                    h.addAll(histograms[e][m]);
                }
            }
        }
    }

    private int count(int exit) {
        return exit < 0 ? exits : perExit[exit];
    }

    /** The mean estimated cycles of this replicate over the exits of kind {@code exit} (-1: all). */
    private double meanCycles(int exit) {
        ValueHistogram h = new ValueHistogram();
        addTo(h, metrics.index(Metrics.ESTIMATED), exit);
        return MetricSummary.of(h).mean();
    }

    /** One summary per exit reason that occurs in the sequence (program order), then the mix: the replicate alone. */
    public List<ExitSummary> summaries() {
        return summaries(List.of(this));
    }

    /**
     * One summary per exit reason that occurs in any replicate (program order), then the mix:
     * the per-exit distributions pooled over the replicates' exits, and the mean estimated cycles
     * with its interval over the replicates (each replicate's mean one value).
     */
    public static List<ExitSummary> summaries(List<SimulationRun> replicates) {
        SimulationRun first = replicates.get(0);
        List<ExitSummary> rows = new ArrayList<>();
        for (int e = 0; e < first.program.exitCount(); e++) {
            int exit = e;
            if (replicates.stream().anyMatch(r -> r.perExit[exit] > 0)) {
                rows.add(summary(replicates, first.program.exitName(e), first.program.fastpath(e), e));
            }
        }
        rows.add(summary(replicates, ExitSummary.MIX, false, -1));
        return rows;
    }

    /**
     * The row of the exits of kind {@code exit} (-1: all) with touched and ideal lines per object,
     * averaged over those exits. Line counts depend only on the exit kind and the replicate's
     * placement, so each kind's count times its lines is the same integer sum as adding them exit by exit.
     */
    private static ExitSummary summary(List<SimulationRun> replicates, String name, boolean fastpath, int exit) {
        SimulationRun first = replicates.get(0);
        List<ExitSummary.OfMetric> summaries = new ArrayList<>();
        for (int m = 0; m < first.metrics.all().size(); m++) {
            ValueHistogram h = new ValueHistogram();
            for (SimulationRun r : replicates) {
                r.addTo(h, m, exit);
            }
            summaries.add(new ExitSummary.OfMetric(first.metrics.all().get(m), MetricSummary.of(h)));
        }
        long count = 0;
        SummaryStatistics cycles = new SummaryStatistics();
        for (SimulationRun r : replicates) {
            count += r.count(exit);
            if (r.count(exit) > 0) {
                cycles.addValue(r.meanCycles(exit));
            }
        }
        Map<String, Double> touched = new LinkedHashMap<>();
        Map<String, Double> ideal = new LinkedHashMap<>();
        List<ExitProgram.ProgramObject> objects = first.program.objects();
        for (int o = 0; o < objects.size(); o++) {
            long t = 0;
            long i = 0;
            for (SimulationRun r : replicates) {
                for (int e = 0; e < r.perExit.length; e++) {
                    if (exit < 0 || e == exit) {
                        t += (long) r.perExit[e] * r.footprint.touched(e, o);
                        i += (long) r.perExit[e] * r.footprint.ideal(e, o);
                    }
                }
            }
            touched.put(objects.get(o).name(), count == 0 ? 0 : (double) t / count);
            ideal.put(objects.get(o).name(), count == 0 ? 0 : (double) i / count);
        }
        return new ExitSummary(name, fastpath, count, touched, ideal, summaries, MeanInterval.of(cycles));
    }
}
