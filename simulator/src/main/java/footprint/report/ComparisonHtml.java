package footprint.report;

import footprint.compare.ComparisonReport;
import footprint.compare.DensityMap;
import footprint.compare.ExitComparison;
import footprint.compare.FieldMove;
import footprint.compare.GuestSweepPoint;
import footprint.compare.InputFile;
import footprint.compare.ModelComparison;
import footprint.compare.Numbers;
import footprint.compare.PairedDiff;
import footprint.compare.PlacementPoint;
import footprint.compare.PlacementSweep;
import footprint.compare.SoleFieldLine;
import footprint.sim.Metrics;
import footprint.units.ByteSize;
import java.util.List;

/** Renders a comparison as one self-contained HTML page: tables, density grids and inline SVG charts, no network. */
public final class ComparisonHtml {
    private ComparisonHtml() {}

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:2px 8px;"
            + "font-size:13px}td.n{text-align:right;font-family:monospace}th{background:#eee}"
            + ".better{color:#1a7f37}.worse{color:#c62828}.maps{display:flex;gap:2em;flex-wrap:wrap}"
            + "code{font-size:12px}svg.chart{display:block;margin:1em 0}";

    public static String render(ComparisonReport r) {
        StringBuilder h = new StringBuilder();
        ComparisonReport.Settings s = r.settings();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>footprint compare: ")
                .append(Html.escape(s.trace())).append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>footprint compare: before &rarr; after</h1>\n<p>Trace <code>").append(Html.escape(s.trace()))
                .append("</code>, ").append(s.replicates()).append(" replicates of ").append(s.exits())
                .append(" exits, seed ").append(s.seed()).append(", placement ")
                .append(Html.escape(s.placement())).append(", guest ").append(Html.escape(s.guest()))
                .append(". Differences are after minus before. ").append(Html.escape(TextBlocks.STATISTICS))
                .append(" Stall cycles are divided by the model's memory-level parallelism (MLP).</p>\n");
        h.append("<h2>Verdict</h2>\n<ul id=\"verdict\">\n");
        for (String v : r.verdict()) {
            h.append("<li>").append(Html.escape(v.strip())).append("</li>\n");
        }
        h.append("</ul>\n");
        for (ModelComparison m : r.models()) {
            model(h, m);
        }
        attribution(h, r);
        h.append("<h2>Density maps</h2>\n<p>One row per cacheline, one cell per byte: <span style=\"color:#d62728\">"
                + "accessed</span>, <span style=\"color:#7f9fc0\">members</span> (alternating blues), grey: hole, lighter: padding.</p>\n");
        for (DensityMap before : r.densityMaps()) {
            if (!before.side().equals("before")) {
                continue;
            }
            h.append("<h3>").append(Html.escape(before.object())).append(" (struct ").append(Html.escape(before.structType()))
                    .append(")</h3>\n<div class=\"maps\">\n");
            for (DensityMap d : r.densityMaps()) {
                if (d.object().equals(before.object())) {
                    h.append("<div><p>").append(d.side()).append(": ").append(d.size()).append(" bytes</p>\n")
                            .append(SvgCharts.density(d)).append("</div>\n");
                }
            }
            h.append("</div>\n");
        }
        if (!r.warnings().isEmpty()) {
            h.append("<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
            r.warnings().forEach(w -> h.append("<li>").append(Html.escape(w)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<h2>Reproduce</h2>\n<pre>").append(Html.escape(r.commandLine())).append("</pre>\n<table class=\"inputs\">"
                + "<tr><th>input</th><th>path</th><th>SHA-256</th></tr>\n");
        for (InputFile f : r.inputs()) {
            h.append("<tr><td>").append(Html.escape(f.role())).append("</td><td><code>").append(Html.escape(f.path()))
                    .append("</code></td><td><code>").append(f.sha256()).append("</code></td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static void model(StringBuilder h, ModelComparison m) {
        h.append("<h2>").append(Html.escape(m.model())).append(" (MLP ").append(Numbers.one(m.memoryLevelParallelism()))
                .append(")</h2>\n<p>").append(Html.escape(ComparisonText.baseCosts(m)))
                .append("</p>\n<h3>Touched lines per exit</h3>\n<table class=\"lines\"><tr><th>exit</th><th>count</th>"
                        + "<th>before</th><th>after</th><th>diff</th><th>ideal</th></tr>\n");
        for (ExitComparison row : m.rows()) {
            double d = row.linesAfter() - row.linesBefore();
            h.append("<tr><td>").append(Html.escape(row.exit())).append("</td>").append(num(Long.toString(row.count())))
                    .append(num(Numbers.two(row.linesBefore()))).append(num(Numbers.two(row.linesAfter())))
                    .append("<td class=\"n ").append(d < 0 ? "better" : d > 0 ? "worse" : "").append("\">")
                    .append(Numbers.signed(d)).append("</td>").append(num(Numbers.two(row.linesIdeal()))).append("</tr>\n");
        }
        h.append("</table>\n<h3>Misses and cycles per exit</h3>\n<table class=\"metrics\"><tr><th>exit</th><th>metric</th>"
                + "<th>before</th><th>after</th><th>diff</th><th>95% CI</th><th>p</th><th>share of exit</th></tr>\n");
        for (ExitComparison row : m.rows()) {
            row.metrics().forEach((name, d) -> h.append("<tr><td>").append(Html.escape(row.exit())).append("</td><td>")
                    .append(Html.escape(name)).append("</td>").append(num(Numbers.two(d.before())))
                    .append(num(Numbers.two(d.after()))).append(diffCell(d, fine(name))).append(num(ci(d, fine(name))))
                    .append(num(Numbers.p(d.pValue())))
                    .append(num(name.endsWith("_cycles") ? Numbers.percent(d.shareOfExit()) : "")).append("</tr>\n"));
        }
        h.append("</table>\n");
        List<String> exits = m.rows().stream().map(ExitComparison::exit).toList();
        h.append(SvgCharts.bars("Estimated cycles per exit, " + m.model(), exits,
                m.rows().stream().mapToDouble(r -> r.metric(Metrics.ESTIMATED).before()).toArray(),
                m.rows().stream().mapToDouble(r -> r.metric(Metrics.ESTIMATED).after()).toArray()));
        if (!m.guestSweep().isEmpty()) {
            h.append("<h3>Guest-pressure sweep (mix)</h3>\n<table class=\"guest-sweep\"><tr><th>guest working set</th>"
                    + "<th>accesses per exit</th><th>exits</th>");
            m.levels().forEach(l -> h.append("<th>").append(Html.escape(l)).append(" misses before / after</th>"));
            h.append("<th>cycles before</th><th>diff</th><th>95% CI</th></tr>\n");
            for (GuestSweepPoint p : m.guestSweep()) {
                PairedDiff c = p.mix().metric(Metrics.ESTIMATED);
                h.append("<tr>").append(num(ByteSize.format(p.guestBytes()))).append(num(Integer.toString(p.accessesPerExit())))
                        .append(num(Integer.toString(p.exits())));
                for (String l : m.levels()) {
                    PairedDiff d = p.mix().metric(Metrics.misses(l));
                    h.append(num(Numbers.two(d.before()) + " / " + Numbers.two(d.after())));
                }
                h.append(num(Numbers.one(c.before()))).append(diffCell(c)).append(num(ci(c))).append("</tr>\n");
            }
            h.append("</table>\n");
            List<String> sizes = m.guestSweep().stream().map(p -> ByteSize.format(p.guestBytes())).toList();
            h.append(SvgCharts.differences("Cycles per exit, after minus before, by guest working set (mix)", sizes,
                    m.guestSweep().stream().mapToDouble(p -> p.mix().metric(Metrics.ESTIMATED).diff()).toArray(),
                    m.guestSweep().stream().mapToDouble(p -> p.mix().metric(Metrics.ESTIMATED).ciLow()).toArray(),
                    m.guestSweep().stream().mapToDouble(p -> p.mix().metric(Metrics.ESTIMATED).ciHigh()).toArray()));
        }
        PlacementSweep ps = m.placementSweep();
        if (ps != null) {
            h.append("<h3>Placement sweep</h3>\n<p>").append(ps.points().size()).append(' ').append(ps.kind())
                    .append(" placements, one replicate of ").append(ps.exitsPerPlacement()).append(" exits each: cycles ")
                    .append(Numbers.signed(ps.cycles().mean())).append(" [").append(Numbers.signed(ps.cycles().low()))
                    .append(", ").append(Numbers.signed(ps.cycles().high())).append("] (95% CI over placements); after lower in ")
                    .append(ps.lower()).append(", the same in ").append(ps.same()).append(", higher in ").append(ps.higher())
                    .append(".</p>\n<table class=\"placement-sweep\"><tr><th>seed</th>"
                            + "<th>lines diff</th><th>cycles diff</th></tr>\n");
            for (PlacementPoint p : ps.points()) {
                h.append("<tr>").append(num(Long.toString(p.seed()))).append(num(Numbers.signed(p.linesDiff())))
                        .append(num(Numbers.signed(p.cyclesDiff()))).append("</tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static void attribution(StringBuilder h, ComparisonReport r) {
        h.append("<h2>Per-field attribution</h2>\n<p>Hot fields whose line-mates changed:</p>\n<table class=\"moves\">"
                + "<tr><th>field</th><th>line before</th><th>line after</th><th>exits</th><th>line-mates before</th>"
                + "<th>line-mates after</th></tr>\n");
        for (FieldMove f : r.fieldMoves()) {
            h.append("<tr><td><code>").append(Html.escape(f.field())).append("</code></td>")
                    .append(num(Long.toString(f.lineBefore()))).append(num(Long.toString(f.lineAfter()))).append("<td>")
                    .append(Html.escape(String.join(", ", f.exits()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", f.sharedLineBeforeWith()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", f.sharesLineAfterWith()))).append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Lines touched only because of one field</h3>\n<table class=\"sole-lines\"><tr><th>side</th>"
                + "<th>object</th><th>line</th><th>field</th><th>exits</th></tr>\n");
        for (SoleFieldLine s : r.soleFieldLines()) {
            h.append("<tr><td>").append(s.side()).append("</td><td>").append(Html.escape(s.object())).append("</td>")
                    .append(num(Long.toString(s.line()))).append("<td><code>").append(Html.escape(s.field()))
                    .append("</code></td><td>").append(Html.escape(String.join(", ", s.exits()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String num(String v) {
        return "<td class=\"n\">" + Html.escape(v) + "</td>";
    }

    private static String diffCell(PairedDiff d) {
        return diffCell(d, false);
    }

    private static String diffCell(PairedDiff d, boolean fine) {
        String cls = d.lower() ? " better" : d.higher() ? " worse" : "";
        return "<td class=\"n" + cls + "\">" + (fine ? Numbers.signedTwo(d.diff()) : Numbers.signed(d.diff())) + "</td>";
    }

    private static String ci(PairedDiff d) {
        return ci(d, false);
    }

    private static String ci(PairedDiff d, boolean fine) {
        java.util.function.DoubleFunction<String> f = fine ? Numbers::signedTwo : Numbers::signed;
        return "[" + f.apply(d.ciLow()) + ", " + f.apply(d.ciHigh()) + "]";
    }

    /** Miss counts get two decimals: a fraction of a line per exit matters. */
    static boolean fine(String metric) {
        return metric.contains("misses");
    }
}
