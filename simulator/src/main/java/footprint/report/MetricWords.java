package footprint.report;

import footprint.sim.Metric;

/** The names the reports give the per-exit metrics. */
final class MetricWords {
    private MetricWords() {}

    /** A label for tables: "L1D misses", "estimated cycles", "host stall cycles". */
    static String label(Metric m) {
        return switch (m.kind()) {
            case TOUCHED_LINES -> "touched lines";
            case IDEAL_LINES -> "ideal lines";
            case HOST_LINE_ACCESSES -> "host line accesses";
            case MISSES -> m.level() + " misses";
            case HOST_STALL_CYCLES -> "host stall cycles";
            case GUEST_EXTRA_MISSES -> "guest extra " + m.level() + " misses";
            case GUEST_STALL_CYCLES -> "guest stall cycles";
            case BASE_CYCLES -> "base cycles";
            case ESTIMATED_CYCLES -> "estimated cycles";
        };
    }
}
