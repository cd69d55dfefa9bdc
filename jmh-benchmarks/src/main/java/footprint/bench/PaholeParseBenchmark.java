package footprint.bench;

import footprint.layout.LayoutSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to load a whole pahole dump into a {@link LayoutSet}: parse every struct, resolve every
 * member's alignment and count holes against pahole's summaries. The dump is read (and gunzipped)
 * once in setup, so the time excludes disk I/O. Goal: the 6 MB BTF dump of a 6.18 kernel (9,750
 * structs) in under one second.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl jmh-benchmarks -am package -DskipTests
 * java -jar jmh-benchmarks/target/benchmarks.jar Parse -f1 -wi 2 -i 3
 * </pre>
 * {@code -p dump=PATH} measures another dump ({@code .gz} is gunzipped).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class PaholeParseBenchmark {
    @Param({"models/layouts/btf-6.18/btf-vmlinux-6.18.all.pahole.gz", "models/layouts/debian-6.1/debian-6.1-kvm-intel.all.pahole"})
    public String dump;

    private String text;

    @Setup
    public void read() throws IOException {
        Path p = Path.of(dump);
        try (InputStream raw = Files.newInputStream(p);
                InputStream in = dump.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            text = out.toString(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public LayoutSet parse() {
        return LayoutSet.parse(text, dump);
    }
}
