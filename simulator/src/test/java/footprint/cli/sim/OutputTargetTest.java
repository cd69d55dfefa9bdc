package footprint.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.CliRun;
import footprint.cli.Main;
import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --output}, {@code --write-budget} and {@code trace fmt --in-place} do to the file
 * they are given: never replace an input (a model file included), follow a symbolic link, write
 * a FIFO directly, keep a file's mode, and refuse a destination that cannot be written before
 * the run starts. Everything happens inside a temporary folder (tests run as root).
 */
class OutputTargetTest {
    @TempDir
    Path tmp;

    private static List<String> simulate(String... more) {
        return simulateTrace(CompareCommandTest.resource("moved-field.trace"), more);
    }

    private static List<String> simulateTrace(String trace, String... more) {
        List<String> a = new ArrayList<>(List.of("simulate", "--trace", trace,
                "--layout", CompareCommandTest.resource("before.pahole"), "--model", "skylake-sp", "--exits", "200",
                "--quiet"));
        a.addAll(List.of(more));
        return a;
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(new String[0]));
    }

    @Test
    void aModelFileOfModelsDirIsNeverOverwritten() throws IOException {
        Path models = Files.createDirectory(tmp.resolve("models"));
        Path model = models.resolve("skylake-sp.json");
        Files.copy(RepoFiles.resolve("models/cpu/skylake-sp.json"), model);
        byte[] original = Files.readAllBytes(model);
        CliRun r = run(simulate("--models", models.toString(), "--output", model.toString()));
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--output " + model).contains("input folder").doesNotContain("Exception");
        assertThat(Files.readAllBytes(model)).isEqualTo(original);
    }

    @Test
    void aSymbolicLinkIsFollowedAndKeptAndTheFileKeepsItsMode() throws IOException {
        Path real = tmp.resolve("report.txt");
        Files.writeString(real, "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), real.getFileName());
        CliRun r = run(simulate("--output", link.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("cycles per exit");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.txt", "link.txt");
        }
    }

    @Test
    void aLinkToAFileNotYetMadeCreatesTheFileItNames() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), Path.of("new.txt"));
        CliRun r = run(simulate("--output", link.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(tmp.resolve("new.txt"))).contains("cycles per exit");
    }

    @Test
    void aFifoIsWrittenDirectlyAndStaysAFifo() throws Exception {
        Path fifo = tmp.resolve("report.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a FIFO");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun r = run(simulate("--output", fifo.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(reader.get(60, TimeUnit.SECONDS)).contains("cycles per exit");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    /**
     * The destination is checked before the trace is read: the trace does not exist, yet the
     * error names the destination. (A read-only folder is checked the same way, but root writes
     * into one anyway, so these tests use destinations that stop root too.)
     */
    @Test
    void anUnwritableDestinationIsRefusedBeforeTheRun() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        String absent = tmp.resolve("absent.trace").toString();
        CliRun underFile = run(simulateTrace(absent, "--output", file.resolve("r.txt").toString()));
        assertThat(underFile.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(underFile.err()).isEqualTo("footprint: error: --output " + file.resolve("r.txt") + ": " + file
                + " is not a folder\n");
        CliRun missing = run(simulateTrace(absent, "--output", tmp.resolve("no/such/r.txt").toString()));
        assertThat(missing.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("folder " + tmp.resolve("no/such") + " does not exist");
        CliRun folder = run(simulateTrace(absent, "--output", tmp.toString()));
        assertThat(folder.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(folder.err()).contains("is a folder");
        CliRun budget = CliRun.of("check", "--trace", absent, "--layout", absent, "--write-budget",
                file.resolve("b").toString());
        assertThat(budget.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(budget.err()).contains("--write-budget").contains("is not a folder");
    }

    @Test
    void traceFmtInPlaceRewritesThroughALinkAndKeepsTheMode() throws IOException {
        Path real = tmp.resolve("t.trace");
        String canonical = Files.readString(Path.of(CompareCommandTest.resource("moved-field.trace")));
        Files.writeString(real, canonical.replace("  R f.a 8", "  R   f.a   8"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw-r--"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.trace"), real.getFileName());
        CliRun r = CliRun.of("trace", "fmt", "--in-place", link.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(CliRun.of("trace", "fmt", link.toString()).out());
        assertThat(Files.readString(real)).contains("  R f.a 8");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-rw-r--");
    }
}
