package footprint.measure;

import footprint.calibrate.NativeMemory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The harness of {@code footprint measure}: nanoseconds per VM exit when the exit's field
 * accesses run as real loads and stores on the objects laid out as the simulator places them,
 * with the synthetic guest's accesses in between. Two timings:
 * <ul>
 * <li>{@link #exit}: the guest phase and the exit together, 16 of them per sample (what a vCPU
 * pays). With {@code -p other=FILE} (the other side's plan, same guest and exit sequence) one fork
 * times both sides: iterations alternate as {@link AlternatingSides} says, both replayers lay their
 * objects out and run their guest in the same pages, and the iteration results, split by side,
 * give a paired difference free of what changes from one fork to the next. Sample mode times every
 * operation on its own: the median of an iteration's samples is not moved by the few that were
 * descheduled.</li>
 * <li>{@link #exitAlone}: the exits of both sides interleaved, each timed on its own: one guest
 * phase, then the next exit of one side and the same exit of the other, the order flipping every
 * time, each exit between two reads of the clock. The guest's random misses, thousands of cycles
 * that vary from exit to exit, stay out of the timing, and so does whatever the host does over
 * seconds (on a shared VM the same exit takes 370 ns in one fork and 650 ns in the next): both
 * sides meet it within microseconds of each other. Each side has its own arena, since the other
 * side's exit runs in between; between two exits of one side run one guest phase and one exit of
 * the other, for either side.</li>
 * </ul>
 *
 * <p>It lives in the simulator module, built with the JMH annotation processor, so that
 * {@code footprint measure} can run it from footprint.jar through JMH's Runner; the benchmarks
 * jar merges its benchmark list and runs it like the others. Standalone, from the repository root:
 * {@code java -jar jmh-benchmarks/target/benchmarks.jar ExitReplayBenchmark} replays the README's
 * VMX trace on Debian 6.1's layouts (64k guest, 500 accesses per exit, slab placement, seed 1);
 * {@code -p plan=FILE} replays a plan {@code footprint measure --keep-plans DIR} wrote; without
 * {@code -p other=FILE} both sides replay the one plan (a null test: their difference is noise).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class ExitReplayBenchmark {
    /** The plans of both sides and the guest memory they share. */
    @State(Scope.Thread)
    public static class Plans {
        /** A plan file written by {@code footprint measure}; empty: the bundled README example. */
        @Param({""})
        public String plan;

        /** The other side's plan file; empty: both sides replay {@link #plan}. */
        @Param({""})
        public String other;

        ReplayPlan first;
        ReplayPlan second;
        NativeMemory guest;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            first = plan.isEmpty() ? BundledExample.plan() : ReplayPlan.read(Path.of(plan));
            second = other.isEmpty() ? first : ReplayPlan.read(Path.of(other));
            if (second.guestBytes() != first.guestBytes() || second.guestAccesses() != first.guestAccesses()) {
                throw new IllegalArgumentException("the two plans run different guests");
            }
            guest = ExitReplayer.guestMemory(first);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (guest != null) {
                guest.close();
            }
        }
    }

    /** Both sides for {@link #exit} in one arena, and the side this iteration replays. */
    @State(Scope.Thread)
    public static class Sides {
        private NativeMemory arena;
        private ExitReplayer[] replayers;
        ExitReplayer replayer;
        private int iteration;

        @Setup(Level.Trial)
        public void setUp(Plans plans) {
            arena = ExitReplayer.arenaMemory(Math.max(plans.first.arenaBytes(), plans.second.arenaBytes()));
            replayers = new ExitReplayer[] {new ExitReplayer(plans.first, plans.guest, arena),
                new ExitReplayer(plans.second, plans.guest, arena)};
        }

        @Setup(Level.Iteration)
        public void nextSide() {
            replayer = replayers[AlternatingSides.side(iteration++)];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            for (ExitReplayer r : replayers) {
                r.close();
            }
            arena.close();
        }
    }

    /** Both sides for {@link #exitAlone}, each with an arena of its own, over the guest memory of {@link Plans}. */
    @State(Scope.Thread)
    public static class Interleaved {
        ExitReplayer before;
        ExitReplayer after;
        /** Which side's exit comes first after the guest phase: flips every pair. */
        boolean afterFirst;

        @Setup(Level.Trial)
        public void setUp(Plans plans) {
            before = ExitReplayer.withOwnArena(plans.first, plans.guest);
            after = ExitReplayer.withOwnArena(plans.second, plans.guest);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            before.close();
            after.close();
        }
    }

    /**
     * What {@link #exitAlone} measured in one iteration, as JMH's secondary results: the summed ns
     * of each side's exits and the number of pairs. A pair in which either exit took longer than
     * {@link #OUTLIER_NANOS} (the thread was descheduled or interrupted) is left out of both sums.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class ExitTimes {
        public long beforeNanos;
        public long afterNanos;
        public long pairs;
        public long dropped;

        @Setup(Level.Iteration)
        public void clear() {
            beforeNanos = 0;
            afterNanos = 0;
            pairs = 0;
            dropped = 0;
        }
    }

    /** An exit's 50-odd lines from memory, one after another, take some 10 us; longer is no exit. */
    static final long OUTLIER_NANOS = 50_000;

    /**
     * One sample is {@value #EXITS_PER_SAMPLE} exits, 10-40 us: long against the timer's
     * granularity, short against a scheduler's time slice; JMH divides by it, so scores are per exit.
     */
    public static final int EXITS_PER_SAMPLE = 16;

    /** Guest phase and exit, {@value #EXITS_PER_SAMPLE} times. */
    @Benchmark
    @OperationsPerInvocation(EXITS_PER_SAMPLE)
    public long exit(Sides sides) {
        long s = 0;
        for (int i = 0; i < EXITS_PER_SAMPLE; i++) {
            s += sides.replayer.replayNext();
        }
        return s;
    }

    /** One guest phase, then one exit of each side, each timed alone (see the class comment). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public long exitAlone(Interleaved pair, ExitTimes times) {
        pair.before.guestPhase();
        boolean afterFirst = pair.afterFirst;
        pair.afterFirst = !afterFirst;
        ExitReplayer x = afterFirst ? pair.after : pair.before;
        ExitReplayer y = afterFirst ? pair.before : pair.after;
        long t0 = System.nanoTime();
        long s = x.exitNext();
        long t1 = System.nanoTime();
        s += y.exitNext();
        long t2 = System.nanoTime();
        long first = t1 - t0;
        long second = t2 - t1;
        if (first > OUTLIER_NANOS || second > OUTLIER_NANOS) {
            times.dropped++;
        } else {
            times.beforeNanos += afterFirst ? second : first;
            times.afterNanos += afterFirst ? first : second;
            times.pairs++;
        }
        return s;
    }
}
