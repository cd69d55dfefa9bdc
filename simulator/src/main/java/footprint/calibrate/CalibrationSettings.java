package footprint.calibrate;

import java.util.ArrayList;
import java.util.List;

/**
 * How hard {@code calibrate} measures: the working sets (four per doubling up to 4 MiB, two per
 * doubling beyond, where rings take longest to build), how many rounds over them (a level's
 * latency is the lowest of the rounds' medians, so a burst of load from a neighbour spoils one
 * round, not the result), the timed runs per round and their length (short: on a machine shared by
more runnable threads than cores a run of a few milliseconds is often cut by preemption, one of
a quarter millisecond mostly is not, and the median of many short runs is the undisturbed time), and the chase counts for
 * memory-level parallelism.
 */
public record CalibrationSettings(long minBytes, long maxBytes, int rounds, int runs, long runNanos, List<Integer> chains,
                                  long seed) {
    public static final CalibrationSettings DEFAULT =
            new CalibrationSettings(4 * 1024, 256L * 1024 * 1024, 3, 21, 250_000, List.of(1, 2, 4, 8, 16), 1);

    public CalibrationSettings {
        if (minBytes < 2 * ChaseRing.LINE || maxBytes < 4 * minBytes || rounds < 1 || runs < 1 || runNanos <= 0
                || chains.isEmpty() || chains.get(0) != 1) {
            throw new IllegalArgumentException("bad calibration settings");
        }
        chains = List.copyOf(chains);
    }

    public List<Long> workingSets() {
        List<Long> sizes = new ArrayList<>();
        for (long p = Long.highestOneBit(minBytes); p <= maxBytes; p *= 2) {
            double[] steps = p < 4L * 1024 * 1024 ? new double[] {1, 1.25, 1.5, 1.75} : new double[] {1, 1.5};
            for (double s : steps) {
                long b = Math.round(p * s) / ChaseRing.LINE * ChaseRing.LINE;
                if (b >= minBytes && b <= maxBytes) {
                    sizes.add(b);
                }
            }
        }
        return List.copyOf(sizes);
    }
}
