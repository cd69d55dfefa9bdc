package footprint.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading budget files: comments, blank lines, whitespace, and the line numbers of what is read. */
class LineBudgetTest {
    @TempDir
    Path tmp;

    @Test
    void commentsAndBlankLinesAreSkippedAndEntriesKeepTheirFileLine() throws Exception {
        Path file = tmp.resolve("b.budget");
        Files.writeString(file, "# header\n\nHLT  vmx\t46   # after the guard\n   \nCPUID kvm 4\n");
        LineBudget budget = LineBudget.read(file);
        assertThat(budget.entries()).containsExactly(new LineBudget.Entry("HLT", "vmx", 46, 3),
                new LineBudget.Entry("CPUID", "kvm", 4, 5));
    }

    @Test
    void aMissingFileIsBadInputNamingIt() {
        Path file = tmp.resolve("missing.budget");
        assertThatThrownBy(() -> LineBudget.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void aNegativeBudgetIsBadInput() throws Exception {
        Path file = tmp.resolve("neg.budget");
        Files.writeString(file, "HLT vmx -3\n");
        assertThatThrownBy(() -> LineBudget.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ":1: LINES must be at least 1, got -3");
    }
}
