package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        CliRun run = CliRun.of("--no-such-option");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("footprint: error: ");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void aJavaErrorIsExit3WithOneLineAndTheTraceOnlyWithDebug() {
        StringWriter quiet = new StringWriter();
        int code = Main.guarded(new PrintWriter(quiet), false, () -> {
            throw new StackOverflowError();
        });
        assertThat(code).isEqualTo(Main.EXIT_INTERNAL);
        assertThat(quiet.toString()).isEqualTo("footprint: internal error: stack overflow (an input nested too deeply?)\n"
                + "Run again with --debug for the stack trace.\n");
        StringWriter debug = new StringWriter();
        assertThat(Main.guarded(new PrintWriter(debug), true, () -> {
            throw new OutOfMemoryError("Java heap space");
        })).isEqualTo(Main.EXIT_INTERNAL);
        assertThat(debug.toString()).startsWith("footprint: internal error: out of memory").contains("\tat footprint.cli.");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").contains("internal error");
    }
}
