package footprint.trace;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TraceRoundTripTest {

    /** Every trace file under {@code traces/} (any file whose first statement is the version line). */
    static Stream<Path> bundledTraces() throws IOException {
        Path dir = RepoFiles.resolve("traces");
        List<Path> traces = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                if (isTrace(p)) {
                    traces.add(p);
                }
            }
        }
        return traces.stream();
    }

    private static boolean isTrace(Path p) throws IOException {
        if (p.toString().endsWith(".md") || Files.size(p) > 50_000_000) {
            return false;
        }
        for (String line : Files.readAllLines(p, StandardCharsets.ISO_8859_1)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                return s.startsWith("footprint-trace");
            }
        }
        return false;
    }

    @Test
    void theBundledTracesAreFound() throws IOException {
        assertThat(bundledTraces().map(p -> RepoFiles.resolve("traces").relativize(p).toString()))
                .contains("kvm-6.1/vmx/vmx-exits.trace", "kvm-6.1/svm/svm-exits.trace");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledTraces")
    void bundledTracesAreCanonical(Path file) throws IOException {
        String text = Files.readString(file);
        assertThat(TraceWriter.write(TraceReader.read(file)))
                .as("%s is not in canonical form; run: footprint trace fmt --in-place %s", file, file)
                .isEqualTo(text);
    }

    @Test
    void randomTracesReadBackEqual() {
        SplittableRandom rnd = new SplittableRandom(20261125);
        for (int i = 0; i < 300; i++) {
            Trace t = RandomTraces.generate(rnd);
            String text = TraceWriter.write(t);
            Trace back = TraceReader.parse(t.source(), text);
            assertThat(back).as("case %d:%n%s", i, text)
                    .usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*line").isEqualTo(t);
            assertThat(TraceWriter.write(back)).isEqualTo(text);
        }
    }
}
