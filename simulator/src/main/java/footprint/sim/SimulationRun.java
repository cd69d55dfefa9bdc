package footprint.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One replay of a program on one CPU model, placement and guest, with its shadow run, streamed
 * chunk by chunk into exact histograms of every per-exit metric per exit kind: gives the
 * per-reason summaries, and its memory does not grow with the number of exits.
 */
public final class SimulationRun {
    /** Exits per chunk: the replay's columns hold this many exits, whatever the run's length. */
    public static final int CHUNK = 1 << 15;

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
        histograms = new ValueHistogram[program.exitCount()][metrics.names().size()];
        for (ValueHistogram[] row : histograms) {
            for (int m = 0; m < row.length; m++) {
                row[m] = metrics.byKindOnly(m) ? null : new ValueHistogram();
            }
        }
    }

    /**
     * Replays {@code exits} exits of {@code sequence}; the cache and the shadow cache are built
     * with the same seed, and so is the guest, so the shadow sees the same guest accesses. The
     * shadow runs alongside the replay, one chunk at a time.
     */
    public static SimulationRun run(ExitProgram program, long[] bases, CacheFactory caches, CostModel cost,
            GuestModel guest, ExitSequence sequence, int exits, long seed) {
        return run(program, bases, caches, cost, guest, sequence, exits, seed, message -> {});
    }

    /** As the {@code run} above, and tells {@code progress} every few seconds how far the replay has come. */
    public static SimulationRun run(ExitProgram program, long[] bases, CacheFactory caches, CostModel cost,
            GuestModel guest, ExitSequence sequence, int exits, long seed, Consumer<String> progress) {
        LineCache cache = caches.create(seed);
        if (cache.levels() != cost.levelNames().size()) {
            throw new IllegalArgumentException("cost model names " + cost.levelNames().size() + " levels, cache has " + cache.levels());
        }
        SimulationRun run = new SimulationRun(program, LineFootprint.of(program, bases, cache.lineSize()), cost);
        ExitReplay main = ExitReplay.of(program, bases, cache, guest, seed, sequence.open());
        ExitReplay shadow = ExitReplay.shadow(caches.create(seed), guest, seed);
        int capacity = Math.min(CHUNK, Math.max(1, exits));
        ReplayChunk mainChunk = new ReplayChunk(capacity, cache.levels());
        ReplayChunk shadowChunk = new ReplayChunk(capacity, cache.levels());
        ReplayProgress replayed = new ReplayProgress(progress, "simulated", exits);
        for (int done = 0; done < exits; done += capacity) {
            int count = Math.min(capacity, exits - done);
            Parallel.both(() -> shadow.advance(shadowChunk, count), () -> main.advance(mainChunk, count));
            run.add(mainChunk, shadowChunk);
            replayed.done(done + count);
        }
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

    /** The histogram of metric {@code m}'s values over the exits of kind {@code exit} (-1: all exits). */
    private ValueHistogram histogram(int m, int exit) {
        ValueHistogram h = new ValueHistogram();
        for (int e = 0; e < perExit.length; e++) {
            if (exit < 0 || e == exit) {
                if (metrics.byKindOnly(m)) {
                    h.add(metrics.ofKind(m, e), perExit[e]);
                } else {
                    h.addAll(histograms[e][m]);
                }
            }
        }
        return h;
    }

    /** One summary per exit reason that occurs in the sequence (program order), then the mix. */
    public List<ExitSummary> summaries() {
        List<ExitSummary> rows = new ArrayList<>();
        for (int e = 0; e < program.exitCount(); e++) {
            if (perExit[e] > 0) {
                rows.add(summary(program.exitName(e), program.fastpath(e), perExit[e], e));
            }
        }
        rows.add(summary(ExitSummary.MIX, false, exits, -1));
        return rows;
    }

    /**
     * The row of the exits of kind {@code exit} (-1: all) with touched and ideal lines per object,
     * averaged over those exits. Line counts depend only on the exit kind, so each kind's count
     * times its lines is the same integer sum as adding them exit by exit.
     */
    private ExitSummary summary(String name, boolean fastpath, int count, int exit) {
        Map<String, MetricSummary> summaries = new LinkedHashMap<>();
        for (int m = 0; m < metrics.names().size(); m++) {
            summaries.put(metrics.names().get(m), MetricSummary.of(histogram(m, exit)));
        }
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
        return new ExitSummary(name, fastpath, count, touched, ideal, summaries);
    }
}
