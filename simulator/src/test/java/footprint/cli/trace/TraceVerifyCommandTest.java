package footprint.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace verify --source through the CLI: exit codes, TRACE:LINE in failures, JSON. */
class TraceVerifyCommandTest {
    @TempDir
    Path dir;
    Path tree;
    Path trace;

    @BeforeEach
    void write() throws IOException {
        tree = Files.createDirectories(dir.resolve("linux/virt/kvm"));
        Files.writeString(tree.resolve("k.c"), "int get(struct s *p)\n{\n\treturn p->mode;\n}\n");
        trace = dir.resolve("t.trace");
        Files.writeString(trace, "footprint-trace 1\nobject p struct s\nexit GOOD\n  R p.mode 4 get virt/kvm/k.c:3\nend\n"
                + "exit BAD fastpath\n  R p.mode 4 get virt/kvm/k.c:3\n  R p.other 4 get virt/kvm/k.c:3\nend\n");
    }

    @Test
    void aFailingAccessIsReportedWithTraceAndLineAndExits1() {
        CliRun run = CliRun.of("trace", "verify", trace.toString(), "--source", dir.resolve("linux").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("GOOD\\s+1\\s+1\\s+0\\s+0")
                .containsPattern("BAD\\s+fastpath\\s+2\\s+1\\s+1\\s+0")
                .contains(trace + ":8: R p.other (get virt/kvm/k.c:3): line 3 does not name other: return p->mode;")
                .contains(trace + ": FAILED");
        assertThat(run.err()).contains("1 access line(s) of " + trace + " do not match the source");
    }

    @Test
    void jsonCarriesTheSameCountsAndFindings() throws IOException {
        CliRun run = CliRun.of("trace", "verify", trace.toString(), "--source", dir.resolve("linux").toString(),
                "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertThat(r.get("exits").get(1).get("failed").asInt()).isEqualTo(1);
        assertThat(r.get("failures").get(0).get("line").asInt()).isEqualTo(8);
        assertThat(r.get("passed").asBoolean()).isFalse();
    }

    @Test
    void aMissingSourceTreeIsExit2WithThePath() {
        CliRun run = CliRun.of("trace", "verify", trace.toString(), "--source", dir.resolve("none").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("footprint: error: " + dir.resolve("none") + ": no such source directory")
                .doesNotContain("Exception");
    }
}
