package footprint.measure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link ExitReplayBenchmark} through JMH's Runner in a forked JVM: on two plans at once
 * ({@link #paired}), for the paired difference of one {@link Timing}; or on one plan with the perf
 * profiler ({@link #l1dMissesPerExit}), for L1D misses per exit, which perf counts over a whole fork.
 */
public final class JmhReplay {
    /** JMH's name for the L1D miss event of {@code perf stat}. */
    public static final String L1D_MISSES = "L1-dcache-load-misses";

    private final int warmupIterations;
    private final int measurementIterations;
    private final long iterationMillis;

    public JmhReplay(int warmupIterations, int measurementIterations, long iterationMillis) {
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
        this.iterationMillis = iterationMillis;
    }

    /**
     * One fork timing both plans. With the guest, iterations alternate (the warm-up ones too, so
     * both sides are compiled and warm) and each iteration's score is the median ns per exit of its
     * samples, which a sample that was descheduled or met a safepoint does not move (the mean does,
     * by hundreds of ns on a loaded host). The exit alone times both sides in every iteration,
     * interleaved; an iteration gives each side's mean ns per exit.
     */
    public PairedFork paired(Path before, Path after, Timing timing) throws RunnerException {
        ChainedOptionsBuilder b = options(before, timing).param("other", after.toAbsolutePath().toString());
        RunResult r = only(new Runner(b.build()).run(), before);
        if (timing == Timing.EXIT_ALONE) {
            return interleaved(r);
        }
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            for (IterationResult it : fork.getIterationResults()) {
                scores.add(it.getPrimaryResult().getStatistics().getPercentile(50));
            }
        }
        return AlternatingSides.split(scores, warmupIterations);
    }

    private static PairedFork interleaved(RunResult r) {
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> diffs = new ArrayList<>();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            for (IterationResult it : fork.getIterationResults()) {
                Map<String, Result> counters = it.getSecondaryResults();
                double pairs = counters.get("pairs").getScore();
                if (pairs == 0) {
                    throw new IllegalStateException("an iteration of " + ExitReplayBenchmark.class.getSimpleName()
                            + ".exitAlone timed no exit");
                }
                double b = counters.get("beforeNanos").getScore() / pairs;
                double a = counters.get("afterNanos").getScore() / pairs;
                before.add(b);
                after.add(a);
                diffs.add(a - b);
            }
        }
        return new PairedFork(mean(before), mean(after), diffs);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** L1D misses per exit on one plan, by JMH's perfnorm profiler (NaN when it gives none). */
    public double l1dMissesPerExit(Path plan) throws RunnerException {
        ChainedOptionsBuilder b = options(plan, Timing.WITH_GUEST).addProfiler("perfnorm", "events=" + L1D_MISSES);
        Result<?> m = only(new Runner(b.build()).run(), plan).getSecondaryResults().get(L1D_MISSES);
        return m == null ? Double.NaN : m.getScore();
    }

    private ChainedOptionsBuilder options(Path plan, Timing timing) {
        return new OptionsBuilder()
                .include(Pattern.quote(ExitReplayBenchmark.class.getName() + "." + timing.benchmark()) + "$")
                .param("plan", plan.toAbsolutePath().toString())
                .forks(1)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    private static RunResult only(Collection<RunResult> results, Path plan) {
        if (results.size() != 1) {
            throw new IllegalStateException("JMH returned " + results.size() + " results for " + plan);
        }
        return results.iterator().next();
    }

    /** Wall time of one run: JMH's iterations plus the forked JVM's start (about two seconds here). */
    public long estimatedMillis(double nanosPerExit, int exits) {
        long perIteration = Math.max(iterationMillis, (long) (nanosPerExit * exits / 1e6));
        return (warmupIterations + measurementIterations) * perIteration + 2000;
    }

    public long iterationMillis() {
        return iterationMillis;
    }
}
