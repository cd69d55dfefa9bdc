package footprint.measure;

import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link ExitReplayBenchmark} on one plan file through JMH's Runner in a forked JVM and
 * returns the median nanoseconds per exit of the sampled operations, JMH's mean with its error
 * (99.9% interval half-width), and the L1D misses per exit when the perf profiler is on.
 */
public final class JmhReplay {
    /** JMH's name for the L1D miss event of {@code perf stat}. */
    public static final String L1D_MISSES = "L1-dcache-load-misses";

    private final int warmupIterations;
    private final int measurementIterations;
    private final long iterationMillis;
    private final boolean perf;

    public JmhReplay(int warmupIterations, int measurementIterations, long iterationMillis, boolean perf) {
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
        this.iterationMillis = iterationMillis;
        this.perf = perf;
    }

    /** One timed run: score and error in ns per exit, L1D misses per exit (NaN without perf). */
    public record Score(double nanos, double mean, double error, double l1dMisses) {}

    public Score run(Path plan) throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(Pattern.quote(ExitReplayBenchmark.class.getName()) + "\\.exit$")
                .param("plan", plan.toAbsolutePath().toString())
                .forks(1)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (perf) {
            b.addProfiler("perfnorm", "events=" + L1D_MISSES);
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException("JMH returned " + results.size() + " results for " + plan);
        }
        RunResult r = results.iterator().next();
        double misses = Double.NaN;
        if (perf) {
            Result<?> m = r.getSecondaryResults().get(L1D_MISSES);
            if (m != null) {
                misses = m.getScore();
            }
        }
        Result<?> primary = r.getPrimaryResult();
        return new Score(primary.getStatistics().getPercentile(50), primary.getScore(), primary.getScoreError(), misses);
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
