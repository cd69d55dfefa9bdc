package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.testsupport.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory of {@code simulate} and {@code compare} does not grow with the number of exits: a
 * separate JVM with a 48 MiB heap replays millions of exits of the bundled trace on the Debian
 * 6.1 layouts ({@code --guest none}, so it takes seconds) and every exit is counted. The code
 * before the replay streamed, which kept per-exit columns (about 72 bytes per exit and side,
 * plus a column of doubles per metric), fails both runs with an OutOfMemoryError within a second.
 */
class ReplayHeapTest {
    private static final String TRACE = "traces/kvm-6.1/vmx/vmx-exits.trace";
    private static final String D = "models/layouts/debian-6.1/debian-6.1-";
    private static final List<String> LAYOUTS = List.of(D + "kvm-intel.all.pahole", D + "vcpu_vmx.expanded.pahole",
            D + "kvm_lapic.expanded.pahole", D + "kvm.expanded.pahole", D + "kvm_run.pahole");

    @TempDir
    Path tmp;

    @Test
    void simulateFourMillionExitsUnderA48MibHeap() throws Exception {
        int exits = 4_000_000;
        List<String> args = new ArrayList<>(List.of("simulate", "--trace", RepoFiles.resolve(TRACE).toString(), "--layout"));
        LAYOUTS.forEach(l -> args.add(RepoFiles.resolve(l).toString()));
        args.addAll(List.of("--model", "skylake-sp", "--exits", String.valueOf(exits), "--guest", "none"));
        JsonNode rows = run(args).get("rows");
        JsonNode mix = rows.get(rows.size() - 1);
        assertThat(mix.get("exit").asText()).isEqualTo("mix");
        assertThat(mix.get("count").asLong()).isEqualTo(exits);
        long kinds = 0;
        for (int k = 0; k < rows.size() - 1; k++) {
            kinds += rows.get(k).get("count").asLong();
            assertThat(metric(rows.get(k), "BASE_CYCLES", null).get("n").asLong()).isEqualTo(rows.get(k).get("count").asLong());
        }
        assertThat(kinds).isEqualTo(exits);
        // Without a guest the host lines stay cached: only the first exits of each kind miss the L1D,
        // and the warm-up takes most of those.
        JsonNode l1 = metric(mix, "MISSES", "L1D");
        assertThat(l1.get("n").asLong()).isEqualTo(exits);
        assertThat(l1.get("mean").asDouble()).isLessThan(1e-3);
        assertThat(l1.get("p99").asDouble()).isZero();
    }

    @Test
    void compareTwoMillionExitsUnderA48MibHeap() throws Exception {
        int exits = 2_000_000;
        List<String> args = new ArrayList<>(List.of("compare", "--trace", RepoFiles.resolve(TRACE).toString()));
        for (String side : List.of("--before", "--after")) {
            args.add(side);
            LAYOUTS.forEach(l -> args.add(RepoFiles.resolve(l).toString()));
        }
        args.add(RepoFiles.resolve("models/layouts/example/kvm_vcpu.reordered.pahole").toString());
        args.addAll(List.of("--model", "skylake-sp", "--exits", String.valueOf(exits), "--guest", "none",
                "--guest-sweep", "none", "--placements", "0"));
        JsonNode rows = run(args).get("models").get(0).get("rows");
        JsonNode mix = rows.get(rows.size() - 1);
        assertThat(mix.get("exit").asText()).isEqualTo("mix");
        assertThat(mix.get("count").asLong()).isEqualTo(exits);
        // n counts replicates: the unit of the comparison's statistics.
        assertThat(metric(mix, "ESTIMATED_CYCLES", null).get("n").asLong()).isEqualTo(10);
        long kinds = 0;
        for (int k = 0; k < rows.size() - 1; k++) {
            kinds += rows.get(k).get("count").asLong();
        }
        assertThat(kinds).isEqualTo(exits);
    }

    /** Runs footprint with {@code args} and JSON output in a JVM with a 48 MiB heap; its report. */
    private JsonNode run(List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "footprint.cli.Main"));
        command.addAll(args);
        command.addAll(List.of("--format", "json", "--quiet"));
        Path stdout = tmp.resolve("out.json");
        Path stderr = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
        return new ObjectMapper().readTree(stdout.toFile());
    }

    /** The entry of {@code kind} (and {@code level}, or null) in a row's list of metrics. */
    static JsonNode metric(JsonNode row, String kind, String level) {
        for (JsonNode m : row.get("metrics")) {
            JsonNode id = m.get("metric");
            if (id.get("kind").asText().equals(kind) && (level == null ? id.get("level").isNull() : id.get("level").asText().equals(level))) {
                return m.has("summary") ? m.get("summary") : m.get("diff");
            }
        }
        throw new AssertionError("no metric " + kind + " " + level + " in " + row);
    }
}
