package footprint.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.CliRun;
import footprint.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceFmtCommandTest {
    private static final String MESSY = "footprint-trace 1\nobject  a raw 8\nexit X\nR a+0 4 f x.c:1\nend\n";
    private static final String CANONICAL = "footprint-trace 1\nobject a raw 8\nexit X\n  R a+0 4 f x.c:1\nend\n";

    @TempDir
    Path tmp;

    @Test
    void printsTheCanonicalFormAndLeavesTheFileAlone() throws IOException {
        Path f = Files.writeString(tmp.resolve("t.trace"), MESSY);
        CliRun run = CliRun.of("trace", "fmt", f.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(CANONICAL);
        assertThat(Files.readString(f)).isEqualTo(MESSY);
    }

    @Test
    void checkFailsWithExitOneOnANonCanonicalFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("t.trace"), MESSY);
        CliRun run = CliRun.of("trace", "fmt", "--check", f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(run.err()).contains(f + ":2: not in canonical form");
        assertThat(run.out()).isEmpty();
        Path ok = Files.writeString(tmp.resolve("ok.trace"), CANONICAL);
        assertThat(CliRun.of("trace", "fmt", "--check", ok.toString()).exitCode()).isZero();
    }

    @Test
    void inPlaceRewritesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("t.trace"), MESSY);
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CliRun run = CliRun.of("trace", "fmt", "--in-place", f.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(f)).isEqualTo(CANONICAL);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aBadTraceIsNotRewritten() throws IOException {
        String bad = "footprint-trace 1\nobject a raw 8\nexit X\nR b+0 4 f x.c:1\nend\n";
        Path f = Files.writeString(tmp.resolve("t.trace"), bad);
        CliRun run = CliRun.of("trace", "fmt", "--in-place", f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).isEqualTo("footprint: error: " + f + ":4: unknown object 'b' (declared: a)\n");
        assertThat(Files.readString(f)).isEqualTo(bad);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "check", "stats", "fmt", "symbolize", "import", "import perf-kvm-stat", "import perf-mem",
        "import perf-typeoff"})
    void everyTraceCommandHasHelpWithAnExample(String sub) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("trace"));
        if (!sub.isEmpty()) {
            args.addAll(java.util.List.of(sub.split(" ")));
        }
        args.add("--help");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Example:").contains("footprint trace");
    }

    @Test
    void aMissingFileIsBadInput() {
        CliRun run = CliRun.of("trace", "fmt", tmp.resolve("nope.trace").toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).isEqualTo("footprint: error: " + tmp.resolve("nope.trace") + ": no such file\n");
        CliRun imp = CliRun.of("trace", "import", "perf-typeoff", tmp.resolve("nope.txt").toString());
        assertThat(imp.err()).isEqualTo("footprint: error: " + tmp.resolve("nope.txt") + ": no such file\n");
    }
}
