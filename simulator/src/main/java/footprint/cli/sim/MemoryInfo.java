package footprint.cli.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** MemAvailable of /proc/meminfo, the memory a new allocation can have without swapping. */
final class MemoryInfo {
    private MemoryInfo() {}

    /** Bytes available, or -1 where /proc/meminfo cannot be read. */
    static long availableBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // Not Linux: no up-front memory check.
        }
        return -1;
    }
}
