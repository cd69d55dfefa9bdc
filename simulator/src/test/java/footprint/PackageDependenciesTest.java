package footprint;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data flows one way: the lower packages never import the ones built on them. */
class PackageDependenciesTest {
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([a-z]+(?:\\.[a-z]+)?)");

    @ParameterizedTest(name = "{0} imports none of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cache   | footprint.model footprint.sim footprint.compare footprint.report footprint.cli picocli
            layout  | footprint.trace footprint.cache footprint.model footprint.sim footprint.cli picocli
            model   | footprint.sim footprint.compare footprint.report footprint.cli picocli
            units   | footprint picocli com
            address | footprint.sim footprint.compare footprint.report footprint.cli picocli
            optimize | footprint.compare footprint.patch footprint.sim footprint.cli picocli
            patch   | footprint.compare footprint.sim footprint.cli picocli
            """)
    void lowerPackagesDoNotImportHigherOnes(String pkg, String forbidden) throws IOException {
        Path dir = RepoFiles.resolve("simulator/src/main/java/footprint/" + pkg);
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            Matcher m = IMPORT.matcher(Files.readString(f));
            while (m.find()) {
                for (String bad : forbidden.split(" ")) {
                    if (m.group(1).equals(bad) || m.group(1).startsWith(bad + ".")) {
                        found.add(dir.relativize(f) + " imports " + m.group(1));
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
