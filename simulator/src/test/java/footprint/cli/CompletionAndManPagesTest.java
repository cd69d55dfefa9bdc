package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build generates the completion script and the man pages from the command classes (picocli). */
class CompletionAndManPagesTest {
    @TempDir
    Path tmp;

    @Test
    void completionCoversEverySubcommandAndIsValidBash() throws IOException, InterruptedException {
        CliRun run = CliRun.of("completion");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("complete -F _complete_footprint")
                .contains("compare").contains("--guest-sweep").contains("cachesim").contains("--l1d")
                .contains("trace").contains("symbolize").contains("density").contains("--all");
        Path script = tmp.resolve("footprint_completion.bash");
        Files.writeString(script, run.out());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void everyCommandHasAManPage() throws IOException {
        Path man = RepoFiles.resolve("simulator/target/man");
        for (String page : new String[] {"footprint", "footprint-compare", "footprint-simulate", "footprint-layout",
            "footprint-density", "footprint-cachesim", "footprint-trace-import-perf-mem", "footprint-completion"}) {
            assertThat(man.resolve(page + ".adoc")).as(page).exists();
        }
        assertThat(Files.readString(man.resolve("footprint-compare.adoc"))).contains(":doctype: manpage")
                .contains("--guest-sweep");
    }
}
