package footprint.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Differential tests call out to gcc, pahole, valgrind and chromium. On a developer machine a
 * missing tool skips the test with a reason; in CI ({@code FOOTPRINT_REQUIRE_TOOLS=1}, set by
 * {@code .ci/run}) it fails, because CI installs every tool and must never skip.
 */
public final class ExternalTools {
    private ExternalTools() {}

    public static void require(String tool, String why) {
        if (onPath(tool)) {
            return;
        }
        String reason = tool + " is not installed (" + why + "); install it, e.g. apt-get install -y "
                + debianPackage(tool);
        if ("1".equals(System.getenv("FOOTPRINT_REQUIRE_TOOLS"))) {
            fail(reason);
        }
        assumeTrue(false, reason);
    }

    /** Like {@link #require} for data CI provides (a kernel tree, a debug module): skip, or fail in CI. */
    public static void requireData(boolean present, String reason) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv("FOOTPRINT_REQUIRE_TOOLS"))) {
            fail(reason);
        }
        assumeTrue(false, reason);
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String debianPackage(String tool) {
        return switch (tool) {
            case "pahole" -> "dwarves";
            case "objdump" -> "binutils";
            default -> tool;
        };
    }
}
