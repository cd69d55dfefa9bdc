package footprint.bench;

import footprint.cache.CacheHierarchy;
import footprint.cache.Geometry;
import footprint.cache.Inclusion;
import footprint.cache.Replacement;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cache lookup throughput with the address stream already in memory: accesses per second of an
 * L1D-only 32 KiB 8-way LRU cache and of a Skylake-SP-shaped three-level hierarchy.
 *
 * <p>Stream: 2^20 addresses, every 8th access a write, one operation = one access; {@code stream}
 * picks the mix: {@code hot} = uniform over a 24 KiB working set (all L1D hits once warm, in
 * random ways, so the way scan is unpredictable); {@code mixed} = 90% hot, 10% uniform over
 * 64 MiB (about 14% L1D misses); {@code walk} = like mixed, but each chosen line is read 1-4
 * times at rising offsets, as a handler walking struct fields does.
 *
 * <p>{@code ...Blocks}: the same stream handed to {@code CacheHierarchy.accessAll} 512 accesses at a
 * time, the path simulate takes (runs of L1D hits stay in one loop).
 *
 * <p>Run: {@code mvn -q -pl jmh-benchmarks -am package -DskipTests &&
 * java -jar jmh-benchmarks/target/benchmarks.jar CacheReplayBenchmark -prof gc}
 * (expect ~0 B/op: nothing is allocated per access).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CacheReplayBenchmark {
    private static final int N = 1 << 20;

    @Param({"hot", "mixed", "walk"})
    public String stream;

    private long[] addresses;
    private boolean[] writes;
    private final int[] misses = new int[3];
    private CacheHierarchy l1dOnly;
    private CacheHierarchy threeLevel;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        addresses = new long[N];
        writes = new boolean[N];
        for (int i = 0; i < N; i += 8) {
            writes[i] = true;
        }
        int hotPercent = stream.equals("hot") ? 100 : 90;
        for (int i = 0; i < N; ) {
            long a = r.nextInt(100) < hotPercent
                    ? 0x7f00_0000_0000L + r.nextInt(24 * 1024)
                    : 0x5500_0000_0000L + r.nextLong(64L << 20);
            int run = stream.equals("walk") ? 1 + r.nextInt(4) : 1;
            for (int k = 0; k < run && i < N; k++) {
                addresses[i++] = (a & ~63L) + Math.min(63, (a & 63) + 8L * k);
            }
        }
        l1dOnly = CacheHierarchy.builder()
                .level("L1D", new Geometry(32 * 1024, 8, 64), Replacement.LRU, Inclusion.NON_INCLUSIVE, 4)
                .memoryLatency(230)
                .build(1);
        // Geometry of models/cpu/skylake-sp.json.
        threeLevel = CacheHierarchy.builder()
                .level("L1D", new Geometry(32 * 1024, 8, 64), Replacement.LRU, Inclusion.NON_INCLUSIVE, 4)
                .level("L2", new Geometry(1 << 20, 16, 64), Replacement.LRU, Inclusion.NON_INCLUSIVE, 13)
                .level("LLC", new Geometry(22L << 20, 11, 64), Replacement.LRU, Inclusion.NON_INCLUSIVE, 77)
                .memoryLatency(234)
                .build(1);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long l1dLru8Way() {
        return replay(l1dOnly);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long threeLevelSkylakeSp() {
        return replay(threeLevel);
    }

    /** The same stream handed over in blocks of {@value #BLOCK} with {@code accessAll}, as simulate replays exits and guest phases. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long l1dLru8WayBlocks() {
        return replayBlocks(l1dOnly);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long threeLevelSkylakeSpBlocks() {
        return replayBlocks(threeLevel);
    }

    private static final int BLOCK = 512;

    private long replayBlocks(CacheHierarchy h) {
        long stall = 0;
        for (int i = 0; i < N; i += BLOCK) {
            stall += h.accessAll(addresses, writes, i, i + BLOCK, misses);
        }
        return stall;
    }

    private long replay(CacheHierarchy h) {
        long[] a = addresses;
        long served = 0;
        for (int i = 0; i < a.length; i++) {
            served += h.accessLine(a[i], (i & 7) == 0);
        }
        return served;
    }
}
