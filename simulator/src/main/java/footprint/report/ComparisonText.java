package footprint.report;

import footprint.compare.BaseCost;
import footprint.compare.ComparisonReport;
import footprint.compare.DensityMap;
import footprint.compare.ExitComparison;
import footprint.compare.FieldMove;
import footprint.compare.GuestSweepPoint;
import footprint.compare.InputFile;
import footprint.compare.ModelComparison;
import footprint.compare.Numbers;
import footprint.compare.ObjectLines;
import footprint.compare.PairedDiff;
import footprint.compare.PlacementSweep;
import footprint.compare.SoleFieldLine;
import footprint.sim.Metrics;
import footprint.units.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a comparison as plain text that fits a patch cover letter: 72 columns, no colour. */
public final class ComparisonText {
    /** Fields and lines listed in the text report; the other formats list all. */
    static final int MAX_LISTED = 12;

    private ComparisonText() {}

    public static String render(ComparisonReport r) {
        List<String> out = new ArrayList<>();
        ComparisonReport.Settings s = r.settings();
        out.add("footprint compare: before -> after (after minus before)");
        out.addAll(TextBlocks.wrap("trace " + s.trace() + "; " + s.replicates() + " replicates of " + s.exits()
                + " exits, seed " + s.seed() + "; placement " + s.placement() + "; guest " + s.guest() + ".", "", "  "));
        out.addAll(TextBlocks.wrap("Stall cycles are divided by each model's memory-level parallelism (MLP)."
                + " " + TextBlocks.STATISTICS, "", ""));
        out.add("");
        out.add("Verdict");
        for (String v : r.verdict()) {
            String indent = v.startsWith("  ") ? "    " : "  ";
            out.addAll(TextBlocks.wrap(v.strip(), indent, indent + "  "));
        }
        for (ModelComparison m : r.models()) {
            model(out, m);
        }
        attribution(out, r);
        density(out, r);
        if (!r.warnings().isEmpty()) {
            out.add("");
            out.add("Warnings (" + r.warnings().size() + ")");
            for (String w : r.warnings()) {
                out.addAll(TextBlocks.wrap(w, "  ", "    "));
            }
        }
        out.add("");
        out.add("Reproduce (inputs with their SHA-256)");
        out.addAll(TextBlocks.wrap(r.commandLine(), "  ", "    "));
        for (InputFile f : r.inputs()) {
            out.addAll(TextBlocks.wrap(f.role() + " " + f.path(), "  ", "    "));
            out.add("    " + f.sha256());
        }
        return String.join("\n", out) + "\n";
    }

    private static void model(List<String> out, ModelComparison m) {
        out.add("");
        out.add("== " + m.model() + " (MLP " + Numbers.one(m.memoryLevelParallelism()) + ", levels "
                + String.join("/", m.levels()) + ") ==");
        out.add("");
        out.addAll(TextBlocks.wrap(baseCosts(m), "", "  "));
        out.add("");
        out.add("Touched lines per exit (ideal: hot bytes / 64, rounded up)");
        out.add(String.format(Locale.ROOT, "  %-20s %7s %7s %7s %7s %9s", "exit", "before", "after", "diff", "ideal", "exits"));
        for (ExitComparison row : m.rows()) {
            out.add(String.format(Locale.ROOT, "  %-20s %7s %7s %7s %7s %9d", TextBlocks.fit(row.exit(), 20),
                    Numbers.two(row.linesBefore()), Numbers.two(row.linesAfter()),
                    Numbers.signed(row.linesAfter() - row.linesBefore()), Numbers.two(row.linesIdeal()), row.count()));
        }
        out.add("  per object (mix):");
        for (ObjectLines o : m.mix().lines()) {
            out.add(String.format(Locale.ROOT, "    %-18s %7s %7s %7s %7s", TextBlocks.fit(o.object(), 18),
                    Numbers.two(o.before()), Numbers.two(o.after()), Numbers.signed(o.diff()), Numbers.two(o.ideal())));
        }
        out.add("");
        out.add("Misses and cycles per exit");
        out.add(String.format(Locale.ROOT, "  %-12s %9s %9s %8s %-19s %7s", "", "before", "after", "diff", " 95% CI", "p"));
        List<String> shown = new ArrayList<>();
        for (int l = 0; l < Math.min(2, m.levels().size()); l++) {
            shown.add(Metrics.misses(m.levels().get(l)));
        }
        shown.add(Metrics.ESTIMATED);
        for (ExitComparison row : m.rows()) {
            out.add("  " + row.exit() + (row.fastpath() ? " (fastpath)" : ""));
            for (String metric : shown) {
                out.add(metricRow(label(metric), row.metric(metric), !metric.equals(Metrics.ESTIMATED)));
            }
            out.add("    share of the exit's cycles: " + Numbers.percent(row.metric(Metrics.ESTIMATED).shareOfExit()));
        }
        guestSweep(out, m);
        placementSweep(out, m.placementSweep());
    }

    private static String label(String metric) {
        if (metric.equals(Metrics.ESTIMATED)) {
            return "cycles";
        }
        return metric.substring(metric.indexOf('.') + 1) + " misses";
    }

    /** Misses get two decimals (a fraction of a line per exit matters), cycles one. */
    private static String metricRow(String label, PairedDiff d, boolean fine) {
        java.util.function.DoubleFunction<String> f = fine ? Numbers::signedTwo : Numbers::signed;
        return String.format(Locale.ROOT, "    %-10s %9s %9s %8s %-19s %7s", TextBlocks.fit(label, 10),
                Numbers.two(d.before()), Numbers.two(d.after()), f.apply(d.diff()),
                TextBlocks.fit("[" + f.apply(d.ciLow()) + ", " + f.apply(d.ciHigh()) + "]", 19),
                Numbers.p(d.pValue()));
    }

    private static void guestSweep(List<String> out, ModelComparison m) {
        if (m.guestSweep().isEmpty()) {
            return;
        }
        out.add("");
        out.add("Guest-pressure sweep (mix; guest working set between exits)");
        String l1 = m.levels().get(0);
        String l2 = m.levels().size() > 1 ? m.levels().get(1) : l1;
        out.add(String.format(Locale.ROOT, "  %-5s %6s %11s %11s %7s %s", "guest", "acc", l1 + " b/a", l2 + " b/a",
                "cycles", "diff [95% CI]"));
        for (GuestSweepPoint p : m.guestSweep()) {
            ExitComparison mix = p.mix();
            PairedDiff a = mix.metric(Metrics.misses(l1));
            PairedDiff b = mix.metric(Metrics.misses(l2));
            PairedDiff c = mix.metric(Metrics.ESTIMATED);
            out.add(String.format(Locale.ROOT, "  %-5s %6d %11s %11s %7s %s", ByteSize.format(p.guestBytes()),
                    p.accessesPerExit(), Numbers.one(a.before()) + "/" + Numbers.one(a.after()),
                    Numbers.one(b.before()) + "/" + Numbers.one(b.after()), Numbers.one(c.before()),
                    TextBlocks.fit(Numbers.signed(c.diff()) + " [" + Numbers.signed(c.ciLow()) + ", "
                            + Numbers.signed(c.ciHigh()) + "]", 25)));
        }
        out.add("  (acc: guest accesses per exit; exits per point: "
                + String.join(",", m.guestSweep().stream().map(p -> Integer.toString(p.exits())).toList()) + ")");
    }

    private static void placementSweep(List<String> out, PlacementSweep ps) {
        if (ps == null) {
            return;
        }
        out.add("");
        out.add("Placement sweep: " + ps.points().size() + " " + ps.kind() + " placements, one replicate of "
                + ps.exitsPerPlacement() + " exits each");
        out.addAll(TextBlocks.wrap("cycles " + Numbers.signed(ps.cycles().mean()) + " [" + Numbers.signed(ps.cycles().low())
                + ", " + Numbers.signed(ps.cycles().high()) + "] (95% CI over placements); after lower in " + ps.lower()
                + ", the same in " + ps.same() + ", higher in " + ps.higher(), "  ", "    "));
        out.add(String.format(Locale.ROOT, "  %-14s %7s %7s %7s %7s %7s %7s", "diff per exit", "min", "p25", "median",
                "p75", "max", "mean"));
        out.add(distribution("cycles", ps.cyclesDiff()));
        out.add(distribution("lines", ps.linesDiff()));
    }

    private static String distribution(String label, footprint.compare.Distribution d) {
        return String.format(Locale.ROOT, "  %-14s %7s %7s %7s %7s %7s %7s", label, Numbers.signed(d.min()),
                Numbers.signed(d.p25()), Numbers.signed(d.median()), Numbers.signed(d.p75()), Numbers.signed(d.max()),
                Numbers.signed(d.mean()));
    }

    private static void attribution(List<String> out, ComparisonReport r) {
        out.add("");
        out.add("Hot fields whose line-mates changed (lines from the object start)");
        if (r.fieldMoves().isEmpty()) {
            out.add("  none");
        }
        for (FieldMove f : r.fieldMoves().subList(0, Math.min(MAX_LISTED, r.fieldMoves().size()))) {
            out.addAll(TextBlocks.wrap(f.field() + ": line " + f.lineBefore() + " -> " + f.lineAfter() + " (offset "
                    + f.offsetBefore() + " -> " + f.offsetAfter() + "; " + String.join(", ", f.exits()) + ")", "  ", "    "));
            out.addAll(TextBlocks.wrap("line-mates before: " + names(f.sharedLineBeforeWith()), "    ", "      "));
            out.addAll(TextBlocks.wrap("line-mates after: " + names(f.sharesLineAfterWith()), "    ", "      "));
        }
        more(out, r.fieldMoves().size());
        out.add("");
        out.add("Lines touched only because of one field");
        if (r.soleFieldLines().isEmpty()) {
            out.add("  none");
        }
        for (SoleFieldLine s : r.soleFieldLines().subList(0, Math.min(MAX_LISTED, r.soleFieldLines().size()))) {
            out.addAll(TextBlocks.wrap(s.side() + " " + s.object() + " line " + s.line() + ": " + s.field() + " ("
                    + String.join(", ", s.exits()) + ")", "  ", "    "));
        }
        more(out, r.soleFieldLines().size());
    }

    private static String names(List<String> fields) {
        return fields.isEmpty() ? "none" : String.join(", ", fields);
    }

    private static void more(List<String> out, int listed) {
        if (listed > MAX_LISTED) {
            out.add("  ... " + (listed - MAX_LISTED) + " more in the md, json and html reports");
        }
    }

    private static void density(List<String> out, ComparisonReport r) {
        out.add("");
        out.add("Density of the lines with accessed bytes, 2 bytes per character:");
        out.add("a-z member (one letter per top-level member), A-Z accessed, . hole,");
        out.add("_ padding, : half member and half hole");
        for (DensityMap d : r.densityMaps()) {
            int hotLines = 0;
            int hot = 0;
            for (int l = 0; l < d.lines(); l++) {
                int h = d.hotBytes(l);
                hot += h;
                hotLines += h > 0 ? 1 : 0;
            }
            out.addAll(TextBlocks.wrap(d.side() + " " + d.object() + " (struct " + d.structType() + "): " + d.size()
                    + " bytes, " + d.lines() + " lines, " + hotLines + " with accessed bytes", "  ", "    "));
            out.add("    " + hot + " accessed bytes fit in " + (hot + d.lineSize() - 1) / d.lineSize() + " lines");
            for (int l = 0; l < d.lines(); l++) {
                int h = d.hotBytes(l);
                if (h > 0) {
                    out.add(String.format(Locale.ROOT, "    %4d %-32s %2d/%d", l, halve(d.line(l)), h, d.lineSize()));
                }
            }
        }
    }

    /** Two bytes per character, as DensityChart's compact mode draws them. */
    private static String halve(String bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length(); i += 2) {
            char a = bytes.charAt(i);
            char b = i + 1 < bytes.length() ? bytes.charAt(i + 1) : a;
            if (DensityMap.isHot(a) || DensityMap.isHot(b)) {
                sb.append(DensityMap.isHot(a) ? a : b);
            } else if (DensityMap.isGap(a) != DensityMap.isGap(b)) {
                sb.append(':');
            } else {
                sb.append(a);
            }
        }
        return sb.toString();
    }

    /** The base costs the shares of the exit rest on, with how firm each is (shared by every format). */
    static String baseCosts(ModelComparison m) {
        StringBuilder b = new StringBuilder("Base cost per exit, cycles (basis in the model file):");
        String sep = " ";
        for (BaseCost c : m.baseCosts()) {
            b.append(sep).append(c.exit()).append(' ').append(c.cycles());
            if (!c.basis().isEmpty()) {
                b.append(" (").append(c.basis()).append(')');
            }
            sep = ", ";
        }
        return b.append('.').toString();
    }
}
