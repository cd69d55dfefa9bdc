package footprint.compare;

import footprint.sim.ExitSummary;
import footprint.sim.Metrics;
import footprint.units.ByteSize;
import java.util.ArrayList;
import java.util.List;

/** Writes the verdict sentences from the numbers of a comparison, and answers "is after worse?". */
public final class Verdict {
    private Verdict() {}

    public static List<String> write(List<ModelComparison> models) {
        List<String> out = new ArrayList<>();
        for (ModelComparison m : models) {
            out.addAll(forModel(m));
        }
        return out;
    }

    /** After is worse beyond the interval: the mix's estimated cycles rise with the whole 95% interval above zero, on any model. */
    public static boolean afterIsWorse(List<ModelComparison> models) {
        return models.stream().anyMatch(m -> m.mix().metric(Metrics.ESTIMATED).higher());
    }

    private static List<String> forModel(ModelComparison m) {
        List<String> out = new ArrayList<>();
        ExitComparison mix = m.mix();
        PairedDiff cycles = mix.metric(Metrics.ESTIMATED);
        double lines = mix.linesAfter() - mix.linesBefore();
        boolean sweepQuiet = m.guestSweep().stream().noneMatch(p -> significant(p.mix().metric(Metrics.ESTIMATED)));
        if (Math.abs(lines) < 1e-9 && !significant(cycles) && sweepQuiet) {
            out.add(m.model() + ": no measurable difference: touched lines, misses and cycles per exit are the"
                    + " same within the 95% interval for every exit and guest working set.");
        } else {
            StringBuilder sb = new StringBuilder(m.model() + ": after touches " + Numbers.two(mix.linesAfter())
                    + " lines per exit against " + Numbers.two(mix.linesBefore()) + " (ideal "
                    + Numbers.two(mix.linesIdeal()) + ")");
            if (significant(cycles)) {
                sb.append(" and ").append(cycles.diff() < 0 ? "saves " : "costs ")
                        .append(Numbers.one(Math.abs(cycles.diff()))).append(" +/- ").append(Numbers.one(cycles.halfWidth()))
                        .append(" cycles per exit, ").append(Numbers.percent(cycles.shareOfExit()).replace("+", "").replace("-", ""))
                        .append(" of the exit.");
            } else {
                sb.append("; no measurable difference in cycles per exit (").append(Numbers.signed(cycles.diff()))
                        .append(", 95% CI ").append(Numbers.signed(cycles.ciLow())).append(" to ")
                        .append(Numbers.signed(cycles.ciHigh())).append(").");
            }
            out.add(sb.toString());
            for (ExitComparison row : m.rows()) {
                if (row.exit().equals(ExitSummary.MIX)) {
                    continue;
                }
                double d = row.linesAfter() - row.linesBefore();
                PairedDiff c = row.metric(Metrics.ESTIMATED);
                if (Math.abs(d) >= 0.5 || significant(c)) {
                    out.add("  " + row.exit() + ": " + lineWords(d) + (significant(c)
                            ? ", " + Numbers.signed(c.diff()) + " +/- " + Numbers.one(c.halfWidth()) + " cycles ("
                                    + Numbers.percent(c.shareOfExit()) + " of the exit)"
                            : ", cycles unchanged within the interval") + ".");
                }
            }
        }
        m.guestSweep().stream().filter(p -> significant(p.mix().metric(Metrics.ESTIMATED)))
                .max(java.util.Comparator.comparingDouble(p -> Math.abs(p.mix().metric(Metrics.ESTIMATED).diff())))
                .ifPresent(p -> {
                    PairedDiff c = p.mix().metric(Metrics.ESTIMATED);
                    out.add("  Guest sweep: the largest difference, at a " + ByteSize.format(p.guestBytes())
                            + " guest working set, is " + Numbers.signed(c.diff()) + " +/- " + Numbers.one(c.halfWidth())
                            + " cycles per exit (" + Numbers.percent(c.shareOfExit()) + " of the exit).");
                });
        PlacementSweep ps = m.placementSweep();
        if (ps != null && !ps.points().isEmpty()) {
            out.add("  Over " + ps.points().size() + " random placements (one replicate each) after costs "
                    + Numbers.signed(ps.cycles().mean()) + " +/- " + Numbers.one(ps.cycles().halfWidth())
                    + " cycles per exit (" + Numbers.signed(ps.linesDiff().median()) + " lines, median); lower in "
                    + ps.lower() + ", the same in " + ps.same() + ", higher in " + ps.higher() + ".");
        }
        return out;
    }

    private static boolean significant(PairedDiff d) {
        return d.lower() || d.higher();
    }

    private static String lineWords(double d) {
        if (Math.abs(d) < 1e-9) {
            return "same lines";
        }
        String n = Numbers.one(Math.abs(d)).replace(".0", "");
        return (d < 0 ? "saves " : "adds ") + n + (n.equals("1") ? " line" : " lines");
    }
}
