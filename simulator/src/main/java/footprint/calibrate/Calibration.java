package footprint.calibrate;

import java.util.List;

/**
 * What {@code calibrate} measured on one CPU: the core clock (from a dependent multiply chain),
 * the latency curve, the cache levels found in it, the memory latency, the memory-level
 * parallelism at a working set past the last level, and what the system reports about its
 * caches. Latencies are nanoseconds; {@link #cycles} converts with the measured clock.
 */
public record Calibration(CpuIdentity cpu, String command, String date, double multiplyNanos, double clockGhz,
                          List<LatencyPoint> curve, List<FoundLevel> levels, double memoryNanos, long memoryFromBytes,
                          long mlpBytes, List<MlpPoint> mlp, List<ReportedCache> reported) {
    public Calibration {
        curve = List.copyOf(curve);
        levels = List.copyOf(levels);
        mlp = List.copyOf(mlp);
        reported = List.copyOf(reported);
    }

    public double cycles(double nanos) {
        return nanos * clockGhz;
    }

    /** The highest throughput of k independent chases against one (at least 1). */
    public MlpPoint bestParallelism() {
        MlpPoint best = new MlpPoint(1, mlp.isEmpty() ? memoryNanos : mlp.get(0).nanosPerLoad(), 1.0);
        for (MlpPoint p : mlp) {
            if (p.parallelism() > best.parallelism()) {
                best = p;
            }
        }
        return best;
    }
}
