package footprint.testsupport;

import java.nio.file.Path;

/** Paths of the repository's data folders (models/, traces/, examples/) for tests. */
public final class RepoFiles {
    private RepoFiles() {}

    public static Path root() {
        String p = System.getProperty("footprint.repo");
        return (p == null ? Path.of("..") : Path.of(p)).toAbsolutePath().normalize();
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
