package footprint.sim;

import java.util.ArrayList;
import java.util.List;

/** The per-exit metrics, as DESIGN.md "Metric definitions" defines them. */
public final class Metrics {
    private Metrics() {}

    public static final Metric TOUCHED_LINES = new Metric(Metric.Kind.TOUCHED_LINES, null);
    public static final Metric IDEAL_LINES = new Metric(Metric.Kind.IDEAL_LINES, null);
    /** Host cache accesses per exit (one per line an access spans); hits at a level = what reached it minus its misses. */
    public static final Metric LINE_ACCESSES = new Metric(Metric.Kind.HOST_LINE_ACCESSES, null);
    public static final Metric HOST_STALL = new Metric(Metric.Kind.HOST_STALL_CYCLES, null);
    public static final Metric GUEST_STALL = new Metric(Metric.Kind.GUEST_STALL_CYCLES, null);
    public static final Metric BASE = new Metric(Metric.Kind.BASE_CYCLES, null);
    public static final Metric ESTIMATED = new Metric(Metric.Kind.ESTIMATED_CYCLES, null);

    /** Host accesses of one exit not served by the level. */
    public static Metric misses(String level) {
        return new Metric(Metric.Kind.MISSES, level);
    }

    /** Guest misses at the level with exits minus those of the shadow run without them. */
    public static Metric guestExtraMisses(String level) {
        return new Metric(Metric.Kind.GUEST_EXTRA_MISSES, level);
    }

    /** All metrics in report order for the given cache levels. */
    public static List<Metric> all(List<String> levels) {
        List<Metric> out = new ArrayList<>(List.of(TOUCHED_LINES, IDEAL_LINES, LINE_ACCESSES));
        levels.forEach(l -> out.add(misses(l)));
        out.add(HOST_STALL);
        levels.forEach(l -> out.add(guestExtraMisses(l)));
        out.addAll(List.of(GUEST_STALL, BASE, ESTIMATED));
        return out;
    }
}
