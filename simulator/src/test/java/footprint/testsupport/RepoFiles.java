package footprint.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Paths of the repository's data folders and of the read-only {@code shared/} folder beside it. */
public final class RepoFiles {
    private RepoFiles() {}

    public static Path root() {
        String p = System.getProperty("footprint.repo");
        return (p == null ? Path.of("..") : Path.of(p)).toAbsolutePath().normalize();
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /** {@code ../shared/NAME} next to the checkout; tests that need it are skipped where it is absent. */
    public static Path shared(String relative) {
        Path p = root().resolveSibling("shared").resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "shared data not present: " + p);
        return p;
    }
}
