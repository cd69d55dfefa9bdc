package footprint.measure;

import footprint.calibrate.NativeMemory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * with the synthetic guest's accesses in between. Two timings: {@link #exit} times the guest
 * phase and the exit together (one operation = one guest phase + one exit, what a vCPU pays);
 * {@link #exitAlone} runs the guest phase outside the timed region and times the exit's own
 * accesses, so that the guest's random misses, thousands of cycles that vary from one exit to
 * the next, do not bury a difference of a few lines. Sample mode times every operation on its
 * own: on a machine with more runnable threads than cores an average over an iteration counts
 * the time the thread was descheduled, the median of the sampled operations mostly does not.
 *
 * <p>It lives in the simulator module, built with the JMH annotation processor, so that
 * {@code footprint measure} can run it from footprint.jar through JMH's Runner; the benchmarks
 * jar merges its benchmark list and runs it like the others. Standalone, from the repository root:
 * {@code java -jar jmh-benchmarks/target/benchmarks.jar ExitReplayBenchmark} replays the README's
 * VMX trace on Debian 6.1's layouts (64k guest, 500 accesses per exit, slab placement, seed 1);
 * {@code -p plan=FILE} replays a plan {@code footprint measure --keep-plans DIR} wrote.
 *
 * <p>With {@code -p other=FILE} (the other side's plan, same guest and exit sequence) one fork
 * times both sides: iterations alternate as {@link AlternatingSides} says, both replayers lay
 * their objects out and run their guest in the same pages, and the iteration results, split by side, give a paired
 * difference free of what changes from one fork to the next.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class ExitReplayBenchmark {
    /** The plans, their replayers over one guest memory, and the side this iteration replays. */
    @State(Scope.Thread)
    public static class Sides {
        /** A plan file written by {@code footprint measure}; empty: the bundled README example. */
        @Param({""})
        public String plan;

        /** The other side's plan file; empty: every iteration replays {@link #plan}. */
        @Param({""})
        public String other;

        private NativeMemory guest;
        private NativeMemory arena;
        private ExitReplayer[] replayers;
        ExitReplayer replayer;
        private int iteration;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            ReplayPlan first = plan.isEmpty() ? BundledExample.plan() : ReplayPlan.read(Path.of(plan));
            ReplayPlan second = other.isEmpty() ? null : ReplayPlan.read(Path.of(other));
            if (second != null
                    && (second.guestBytes() != first.guestBytes() || second.guestAccesses() != first.guestAccesses())) {
                throw new IllegalArgumentException("the two plans run different guests");
            }
            guest = ExitReplayer.guestMemory(first);
            arena = ExitReplayer.arenaMemory(Math.max(first.arenaBytes(), second == null ? 0 : second.arenaBytes()));
            replayers = second == null ? new ExitReplayer[] {new ExitReplayer(first, guest, arena)}
                    : new ExitReplayer[] {new ExitReplayer(first, guest, arena), new ExitReplayer(second, guest, arena)};
        }

        @Setup(Level.Iteration)
        public void nextSide() {
            replayer = replayers[AlternatingSides.side(iteration++) % replayers.length];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            for (ExitReplayer r : replayers) {
                r.close();
            }
            if (guest != null) {
                guest.close();
            }
            if (arena != null) {
                arena.close();
            }
        }
    }

    /**
     * The guest phase before each timed exit of {@link #exitAlone}. JMH runs an invocation-level
     * setup outside the timed region; its warning about timestamp overhead applies (tens of ns per
     * exit), but the overhead is the same on both sides of a pair and cancels in the difference.
     */
    @State(Scope.Thread)
    public static class GuestBetweenExits {
        @Setup(Level.Invocation)
        public void run(Sides sides) {
            sides.replayer.guestPhase();
        }
    }

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

    /** One exit's accesses, after a guest phase that is not timed. */
    @Benchmark
    public long exitAlone(Sides sides, GuestBetweenExits guest) {
        return sides.replayer.exitNext();
    }
}
