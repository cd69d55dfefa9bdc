package footprint.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the kernel source of a bundled trace's version is: {@code FOOTPRINT_KERNEL_SRC_6_1}
 * (dots as underscores), else the cache {@code scripts/kernel-source VERSION} fills
 * ({@code FOOTPRINT_KERNEL_CACHE} or {@code ~/.cache/footprint/kernels}, then {@code VERSION}).
 */
public final class KernelSources {
    private KernelSources() {}

    public static Path of(String version) {
        String env = System.getenv("FOOTPRINT_KERNEL_SRC_" + version.replace('.', '_'));
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        String cache = System.getenv("FOOTPRINT_KERNEL_CACHE");
        Path base = cache != null && !cache.isEmpty() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "footprint", "kernels");
        return base.resolve(version);
    }

    /** Skips (or, in CI, fails) unless the source tree of {@code version} is there. */
    public static Path require(String version) {
        Path dir = of(version);
        ExternalTools.requireData(Files.isDirectory(dir), "no Linux " + version + " source at " + dir
                + " (run scripts/kernel-source " + version + ", or set FOOTPRINT_KERNEL_SRC_" + version.replace('.', '_') + ")");
        return dir;
    }
}
