package footprint.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.ExternalTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of calibrate's latencies that does not rest on footprint: a pointer chase written in
 * C (test resource {@code chase.c}, built here with gcc) over the same working sets must load at
 * the Java chase's speed within 20% at each level. The working sets sit inside the plateaus
 * calibrate finds on this project's Zen 5 machines: 16k (L1D), 256k (L2), 1536k (L3) and 128m
 * (memory). Both sides run nine times, alternating at each working set, and each keeps its lowest
 * median: on a shared machine the L3 and memory latency of one run swings by 30% (L3 at times 3x)
 * with the neighbours' load, in bursts of seconds, and a burst must not decide the comparison. With
 * five rounds (about 7 s) one side now and then met no quiet moment; nine spread over about 13 s.
 */
class CPointerChaseTest {
    private static final long[] WORKING_SETS = {16 * 1024, 256 * 1024, 1536 * 1024, 128L * 1024 * 1024};
    private static final int ROUNDS = 9;
    private static final String[] LEVELS = {"L1D", "L2", "L3", "memory"};

    @TempDir
    Path tmp;

    @Test
    void javaAndCChasesAgreeWithin20PercentPerLevel() throws Exception {
        ExternalTools.require("gcc", "the pointer-chase check compiles a C chase");
        Path binary = compile();
        ChaseTimer timer = new ChaseTimer(CalibrationSettings.DEFAULT.runNanos(), CalibrationSettings.DEFAULT.runs());
        timer.warmUp();
        double[] c = new double[WORKING_SETS.length];
        double[] java = new double[WORKING_SETS.length];
        Arrays.fill(c, Double.POSITIVE_INFINITY);
        Arrays.fill(java, Double.POSITIVE_INFINITY);
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < WORKING_SETS.length; i++) {
                c[i] = Math.min(c[i], runC(binary, WORKING_SETS[i]));
                try (ChaseRing ring = new ChaseRing(WORKING_SETS[i], 7 + round)) {
                    java[i] = Math.min(java[i], timer.latencyNanos(ring));
                }
            }
        }
        List<String> report = new ArrayList<>();
        for (int i = 0; i < WORKING_SETS.length; i++) {
            report.add(String.format("%s %d: java %.2f ns, C %.2f ns", LEVELS[i], WORKING_SETS[i], java[i], c[i]));
        }
        for (int i = 0; i < WORKING_SETS.length; i++) {
            assertThat(java[i] / c[i]).as(String.join("; ", report)).isBetween(0.8, 1.2);
        }
    }

    private Path compile() throws IOException, InterruptedException {
        Path source = tmp.resolve("chase.c");
        try (InputStream in = getClass().getResourceAsStream("chase.c")) {
            Files.copy(in, source);
        }
        Path binary = tmp.resolve("chase");
        Process p = new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("gcc: " + log).isTrue();
        return binary;
    }

    private double runC(Path binary, long workingSet) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), Long.toString(workingSet)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as("chase: " + out).isTrue();
        String[] f = out.strip().split(" ");
        assertThat(Long.parseLong(f[0])).isEqualTo(workingSet);
        return Double.parseDouble(f[1]);
    }
}
