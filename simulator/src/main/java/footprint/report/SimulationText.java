package footprint.report;

import footprint.sim.ExitSummary;
import footprint.sim.MetricSummary;
import footprint.sim.Metrics;
import footprint.sim.SimulationReport;
import java.util.ArrayList;
import java.util.List;

/** Renders a simulation as plain text: one block per exit reason, then the mix. */
public final class SimulationText {
    private SimulationText() {}

    public static String render(SimulationReport r) {
        List<String> out = new ArrayList<>();
        out.addAll(TextBlocks.wrap("footprint simulate: " + r.trace() + " on " + r.model() + ", "
                + r.replicates().size() + " replicates of " + r.exitsPerReplicate() + " exits, seed " + r.seed(), "", "  "));
        out.addAll(TextBlocks.wrap("Each replicate draws its own exit order, guest addresses and placement from its"
                + " seed; the interval of the mean cycles is 95% Student-t over the replicates' means. " + TextBlocks.WARMUP,
                "", "  "));
        List<String> bases = new ArrayList<>();
        r.replicates().get(0).bases().forEach((k, v) -> bases.add(k + "=" + v));
        out.addAll(TextBlocks.wrap("placement " + r.placement() + " (replicate 1 of " + r.replicates().size() + "): "
                + String.join(" ", bases), "", "  "));
        out.addAll(TextBlocks.wrap("guest: " + r.guest(), "", "  "));
        out.add("stall cycles divided by the memory-level parallelism " + Numbers.one(r.memoryLevelParallelism()));
        for (ExitSummary row : r.rows()) {
            out.add("");
            out.add(row.exit() + (row.fastpath() ? " (fastpath)" : "") + ": " + row.count() + " exits");
            List<String> objects = new ArrayList<>();
            row.touchedLines().forEach((o, t) -> {
                if (t > 0) {
                    objects.add(o + " " + Numbers.two(t));
                }
            });
            out.addAll(TextBlocks.wrap("touched lines " + Numbers.two(row.touchedTotal()) + " (ideal "
                    + Numbers.two(row.idealTotal()) + "): " + String.join(", ", objects), "  ", "    "));
            StringBuilder hits = new StringBuilder("  hits per exit (of " + Numbers.two(row.metric(Metrics.LINE_ACCESSES).mean())
                    + " line accesses):");
            double reaching = row.metric(Metrics.LINE_ACCESSES).mean();
            for (String l : r.levels()) {
                double missed = row.metric(Metrics.misses(l)).mean();
                hits.append(' ').append(l).append(' ').append(Numbers.two(reaching - missed));
                reaching = missed;
            }
            out.add(hits.toString());
            StringBuilder misses = new StringBuilder("  misses per exit:");
            StringBuilder guest = new StringBuilder("  guest extra misses per exit:");
            for (String l : r.levels()) {
                misses.append(' ').append(l).append(' ').append(Numbers.two(row.metric(Metrics.misses(l)).mean()));
                guest.append(' ').append(l).append(' ').append(Numbers.two(row.metric(Metrics.guestExtraMisses(l)).mean()));
            }
            out.add(misses.toString());
            out.add(guest.toString());
            MetricSummary c = row.metric(Metrics.ESTIMATED);
            out.add("  cycles per exit: base " + Numbers.one(row.metric(Metrics.BASE).mean()) + " + host stall "
                    + Numbers.one(row.metric(Metrics.HOST_STALL).mean()) + " + guest stall "
                    + Numbers.one(row.metric(Metrics.GUEST_STALL).mean()) + " = " + Numbers.one(c.mean()));
            out.add("    mean over replicates " + Numbers.one(row.cycles().mean()) + " +/- " + Numbers.one(row.cycles().halfWidth())
                    + " (95% CI, " + row.cycles().n() + " replicates)");
            out.add("    per exit: sd " + Numbers.one(c.sd()) + ", min " + Numbers.one(c.min()) + ", p50 " + Numbers.one(c.p50())
                    + ", p90 " + Numbers.one(c.p90()) + ", p99 " + Numbers.one(c.p99()) + ", max " + Numbers.one(c.max()));
        }
        return String.join("\n", out) + "\n";
    }
}
