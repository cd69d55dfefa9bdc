package footprint.bench;

import footprint.cli.Main;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end {@code footprint cachesim} on a 20-million-reference Dinero din file (read, parse,
 * simulate a 32 KiB 8-way LRU L1D, print): seconds per run, to set against DineroIV on the
 * same file. The file (about 230 MB: 75% reads, 25% writes, 90% of them in a 24 KiB hot set)
 * is generated once per trial into a temporary file and deleted afterwards.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar CachesimDinBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class CachesimDinBenchmark {
    static final int REFERENCES = 20_000_000;

    private Path din;

    @Setup(Level.Trial)
    public void writeTrace() throws IOException {
        din = Files.createTempFile("footprint-bench", ".din");
        write(din, REFERENCES, 42);
    }

    @TearDown(Level.Trial)
    public void deleteTrace() throws IOException {
        Files.deleteIfExists(din);
    }

    @Benchmark
    public String cachesim20MillionDin() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "cachesim", din.toString(),
                "--input-format", "din", "--l1d", "32k:8:64", "--policy", "lru");
        if (code != 0) {
            throw new IllegalStateException(err.toString());
        }
        return out.toString();
    }

    /** Writes {@code n} din records ("LABEL HEXADDRESS"); also used to make the file for DineroIV. */
    public static void write(Path file, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] hex = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[32];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < n; i++) {
                long address = r.nextInt(10) < 9
                        ? 0x7ffd_0000_0000L + r.nextInt(24 * 1024)
                        : 0x5555_0000_0000L + r.nextLong(64L << 20);
                int len = 0;
                line[len++] = (byte) (r.nextInt(4) == 0 ? '1' : '0');
                line[len++] = ' ';
                int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(address)) / 4);
                for (int d = digits - 1; d >= 0; d--) {
                    line[len++] = hex[(int) (address >>> (4 * d)) & 15];
                }
                line[len++] = '\n';
                out.write(line, 0, len);
            }
        }
    }

    /** Writes the benchmark's trace to a file, for timing other simulators on the same input. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : REFERENCES, 42);
    }
}
