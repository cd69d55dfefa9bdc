package footprint.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Whether {@code perf stat} can count L1D misses here: it runs {@code perf stat -e
 * L1-dcache-load-misses true} once and looks for a count (in VMs without a virtual PMU perf
 * prints {@code <not supported>}).
 */
public final class PerfCounters {
    private static String answer;

    private PerfCounters() {}

    public static synchronized boolean available() {
        return describe().startsWith("L1D miss counts: perf");
    }

    /** One line for the report saying whether the counts are there and, if not, why. */
    public static synchronized String describe() {
        if (answer == null) {
            answer = probe();
        }
        return answer;
    }

    private static String probe() {
        try {
            Process p = new ProcessBuilder("perf", "stat", "-x,", "-e", JmhReplay.L1D_MISSES, "true")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "L1D miss counts: not available (perf stat did not finish)";
            }
            if (out.contains("<not supported>") || out.contains("<not counted>") || p.exitValue() != 0) {
                return "L1D miss counts: not available (perf stat -e " + JmhReplay.L1D_MISSES + " says "
                        + (out.contains("<not supported>") ? "<not supported>" : "'" + out.strip().lines().findFirst().orElse("") + "'")
                        + ": no hardware counters in this VM)";
            }
            return "L1D miss counts: perf stat -e " + JmhReplay.L1D_MISSES + " (JMH perfnorm profiler)";
        } catch (IOException e) {
            return "L1D miss counts: not available (no perf: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "L1D miss counts: not available (interrupted)";
        }
    }
}
