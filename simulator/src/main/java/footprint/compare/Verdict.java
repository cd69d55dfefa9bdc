package footprint.compare;

import footprint.sim.ExitSummary;
import footprint.sim.Metrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Draws the verdict's findings from the numbers of a comparison, and answers "is after worse?". */
public final class Verdict {
    private Verdict() {}

    public static List<Finding> findings(List<ModelComparison> models) {
        List<Finding> out = new ArrayList<>();
        for (ModelComparison m : models) {
            out.addAll(forModel(m));
        }
        return out;
    }

    /** After is worse beyond the interval: the mix's estimated cycles rise with the whole 95% interval above zero, on any model. */
    public static boolean afterIsWorse(List<ModelComparison> models) {
        return models.stream().anyMatch(m -> m.mix().metric(Metrics.ESTIMATED).higher());
    }

    private static List<Finding> forModel(ModelComparison m) {
        List<Finding> out = new ArrayList<>();
        ExitComparison mix = m.mix();
        PairedDiff cycles = mix.metric(Metrics.ESTIMATED);
        double lines = mix.linesAfter() - mix.linesBefore();
        boolean sweepQuiet = m.guestSweep().stream().noneMatch(p -> significant(p.mix().metric(Metrics.ESTIMATED)));
        if (Math.abs(lines) < 1e-9 && !significant(cycles) && sweepQuiet) {
            out.add(new Finding.NoDifference(m.model()));
        } else {
            out.add(new Finding.Mix(m.model(), mix.linesBefore(), mix.linesAfter(), mix.linesIdeal(), cycles));
            for (ExitComparison row : m.rows()) {
                if (row.exit().equals(ExitSummary.MIX)) {
                    continue;
                }
                double d = row.linesAfter() - row.linesBefore();
                PairedDiff c = row.metric(Metrics.ESTIMATED);
                if (Math.abs(d) >= 0.5 || significant(c)) {
                    out.add(new Finding.ExitChange(m.model(), row.exit(), d, c));
                }
            }
        }
        m.guestSweep().stream().filter(p -> significant(p.mix().metric(Metrics.ESTIMATED)))
                .max(Comparator.comparingDouble(p -> Math.abs(p.mix().metric(Metrics.ESTIMATED).diff())))
                .ifPresent(p -> out.add(new Finding.GuestSweepPeak(m.model(), p.guestBytes(), p.mix().metric(Metrics.ESTIMATED))));
        PlacementSweep ps = m.placementSweep();
        if (ps != null && !ps.points().isEmpty()) {
            out.add(new Finding.PlacementSpread(m.model(), ps.points().size(), ps.cycles(), ps.linesDiff().median(),
                    ps.lower(), ps.same(), ps.higher()));
        }
        return out;
    }

    /** The 95% interval of the difference excludes zero. */
    static boolean significant(PairedDiff d) {
        return d.lower() || d.higher();
    }
}
