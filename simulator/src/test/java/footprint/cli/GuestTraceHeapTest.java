package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.sim.GuestTraces;
import footprint.testsupport.RepoFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory of {@code simulate --guest-trace} does not grow with the guest trace: a separate JVM
 * with a 48 MiB heap replays a din trace of 4.5 Mi accesses, more than {@link
 * GuestTraces#IN_MEMORY_LIMIT}, so it is streamed from the file, and goes round it more than
 * once. The code that held every recorded access in memory (9 bytes each, in arrays that
 * doubled) fails the run with an OutOfMemoryError while loading the trace. A malformed line at
 * the very end of such a trace is still reported with its line number, before any replay.
 */
class GuestTraceHeapTest {
    private static final String D = "models/layouts/debian-6.1/debian-6.1-";
    private static final List<String> LAYOUTS = List.of(D + "kvm-intel.all.pahole", D + "vcpu_vmx.expanded.pahole",
            D + "kvm_lapic.expanded.pahole", D + "kvm.expanded.pahole", D + "kvm_run.pahole");
    /** Lines of the generated trace, each one access. */
    private static final long ACCESSES = GuestTraces.IN_MEMORY_LIMIT + GuestTraces.IN_MEMORY_LIMIT / 8;

    @TempDir
    static Path tmp;

    private static Path guest;

    /**
     * A sweep over 1024 lines (64 KiB, twice a 32 KiB L1D) from 0x100000, below the host
     * objects, every fourth access a store: 9 bytes of din per access, about 40 MB.
     */
    @BeforeAll
    static void writeGuestTrace() throws IOException {
        guest = tmp.resolve("guest.din");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(guest), 1 << 16)) {
            for (long i = 0; i < ACCESSES; i++) {
                String line = (i % 4 == 3 ? "1 " : "0 ") + Long.toHexString(0x100000 + (i % 1024) * 64) + "\n";
                out.write(line.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static List<String> simulate(Path guestTrace) {
        List<String> args = new ArrayList<>(List.of("simulate", "--trace",
                RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString(), "--layout"));
        LAYOUTS.forEach(l -> args.add(RepoFiles.resolve(l).toString()));
        // 2 replicates of 300 exits with 20000 guest accesses each: 12 million, more than one pass over
        // the trace; each replicate starts cold, and 300 exits keep its first misses below one per exit.
        args.addAll(List.of("--model", "skylake-sp", "--exits", "600", "--replicates", "2", "--guest-trace", guestTrace.toString(),
                "--guest-accesses", "20000", "--format", "json", "--quiet"));
        return args;
    }

    @Test
    void simulateStreamsALongGuestTraceUnderA48MibHeap() throws Exception {
        Fork f = fork(simulate(guest));
        assertThat(f.exit()).as(f.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(f.out());
        assertThat(report.get("guest").asText()).isEqualTo("recorded " + guest + ", 20000 accesses per exit");
        JsonNode rows = report.get("rows");
        JsonNode mix = rows.get(rows.size() - 1);
        assertThat(mix.get("exit").asText()).isEqualTo("mix");
        assertThat(mix.get("count").asLong()).isEqualTo(600);
        // The guest sweeps twice the L1D between exits: the exits' lines are gone from the L1D
        // each time, but stay in the 1 MiB L2.
        assertThat(ReplayHeapTest.metric(mix, "MISSES", "L1D").get("mean").asDouble()).isGreaterThan(10);
        assertThat(ReplayHeapTest.metric(mix, "MISSES", "L2").get("mean").asDouble()).isLessThan(1);
    }

    @Test
    void aMalformedLastLineOfALongGuestTraceIsReportedWithItsLineNumber() throws Exception {
        Path bad = tmp.resolve("bad.din");
        Files.copy(guest, bad);
        Files.writeString(bad, "0 10zz40\n", StandardOpenOption.APPEND);
        Fork f = fork(simulate(bad));
        assertThat(f.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(f.err()).contains("\nfootprint: error: " + bad + ":" + (ACCESSES + 1) + ": bad character")
                .doesNotContain("Exception");
        assertThat(f.out()).isEmpty();
    }

    private record Fork(int exit, String out, String err) {}

    /** Runs footprint with {@code args} in a JVM with a 48 MiB heap. */
    private static Fork fork(List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "footprint.cli.Main"));
        command.addAll(args);
        Path stdout = Files.createTempFile(tmp, "out", ".json");
        Path stderr = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Fork(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
