package footprint.sim;

import java.util.ArrayList;
import java.util.List;

/** Names of the per-exit metrics, as DESIGN.md "Metric definitions" defines them. */
public final class Metrics {
    private Metrics() {}

    public static final String TOUCHED_LINES = "touched_lines";
    public static final String IDEAL_LINES = "ideal_lines";
    /** Host cache accesses per exit (one per line an access spans); hits at a level = what reached it minus its misses. */
    public static final String LINE_ACCESSES = "host_line_accesses";
    public static final String HOST_STALL = "host_stall_cycles";
    public static final String GUEST_STALL = "guest_stall_cycles";
    public static final String BASE = "base_cycles";
    public static final String ESTIMATED = "estimated_cycles";

    /** Host accesses of one exit not served by the level. */
    public static String misses(String level) {
        return "misses." + level;
    }

    /** Guest misses at the level with exits minus those of the shadow run without them. */
    public static String guestExtraMisses(String level) {
        return "guest_extra_misses." + level;
    }

    /** All metric names in report order for the given cache levels. */
    public static List<String> all(List<String> levels) {
        List<String> names = new ArrayList<>(List.of(TOUCHED_LINES, IDEAL_LINES, LINE_ACCESSES));
        levels.forEach(l -> names.add(misses(l)));
        names.add(HOST_STALL);
        levels.forEach(l -> names.add(guestExtraMisses(l)));
        names.addAll(List.of(GUEST_STALL, BASE, ESTIMATED));
        return names;
    }
}
