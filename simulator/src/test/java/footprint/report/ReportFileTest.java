package footprint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {
    @TempDir
    Path tmp;

    @Test
    void replacesTheTargetWholeAndLeavesNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("r.txt");
        Files.writeString(target, "old");
        ReportFile.write(target, "new report\n");
        assertThat(Files.readString(target)).isEqualTo("new report\n");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        Path target = tmp.resolve("no-such-dir").resolve("r.txt");
        assertThatThrownBy(() -> ReportFile.write(target, "x")).isInstanceOf(IOException.class);
        assertThat(Files.exists(target)).isFalse();
    }
}
