package footprint.patch;

import footprint.optimize.OptimizeReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cover-letter paragraph of a {@link KernelPatch}: what moves, the numbers a replay of the trace
 * gives for the current and the proposed layout ({@link Measured}, filled by the caller from a
 * comparison, so that this package does not depend on the simulator), the rules kept, and the guard.
 */
public final class CoverLetter {
    /**
     * The current and proposed layout replayed on one CPU model: touched lines per exit of the exit
     * mix (and the ideal), estimated cycles per exit, and the paired difference with its 95%
     * interval; {@code setup} says how it was replayed ("10 replicates of 1000 exits, seed 1, ...").
     */
    public record Measured(String model, String setup, double linesBefore, double linesAfter, double linesIdeal,
            double cyclesBefore, double cyclesAfter, double cyclesDiff, double ciLow, double ciHigh) {}

    private CoverLetter() {}

    public static String paragraph(OptimizeReport r, KernelPatch.Result patch, Measured m) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Re-order the members of %s so that the fields the traced VM exits"
                + " touch share cachelines; %d member(s) move. Replayed by footprint compare on %s (trace %s, %s):"
                + " the exit mix touches %.2f cachelines per exit (all the trace's objects) with the current layout"
                + " and %.2f with this one"
                + " (a perfect packing of the touched bytes: %.2f); estimated cycles per exit %.1f -> %.1f, %+.1f"
                + " (95%% interval %+.1f to %+.1f).",
                String.join(", ", r.structs().stream().filter(s -> s.moved() > 0).map(s -> "struct " + s.struct())
                        .toList()), r.moved(), m.model(), r.trace(), m.setup(), m.linesBefore(), m.linesAfter(), m.linesIdeal(), m.cyclesBefore(), m.cyclesAfter(), m.cyclesDiff(), m.ciLow(),
                m.ciHigh()));
        if (!r.constraints().isEmpty()) {
            b.append(" The layout keeps ").append(r.constraints().size()).append(" constraint(s) from the source (")
                    .append(String.join("; ", r.constraints().stream().map(c -> c.rule() + " at " + c.origin())
                            .toList())).append(").");
        }
        if (!patch.grouped()) {
            b.append(" This tree has no __cacheline_group_begin (Linux 6.8+), so the grouping is not guarded.");
        } else if (!patch.guards().isEmpty()) {
            b.append(" The touched members that the new order packs together (small ones, or mostly touched; a"
                    + " large member with a few touched bytes sits next to them) are bracketed by"
                    + " __cacheline_group_begin/end, and the build asserts each group's members and size (");
            Map<String, List<String>> byFunction = new LinkedHashMap<>();
            patch.guards().forEach(g -> byFunction.computeIfAbsent(g.function() + "() from " + g.caller() + "()",
                    f -> new ArrayList<>()).add(String.format(Locale.ROOT, "%s, %d members in %d bytes", g.group(),
                    g.members().size(), g.size())));
            b.append(String.join("; ", byFunction.entrySet().stream()
                    .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).toList()));
            b.append("), so that a later patch cannot move one out or grow the group unnoticed; the sizes are upper"
                    + " bounds, those of the x86-64 build the layout came from.");
        }
        return b.toString();
    }
}
