package footprint.report;

import footprint.compare.ComparisonReport;
import footprint.compare.DensityMap;
import footprint.compare.Distribution;
import footprint.compare.ExitComparison;
import footprint.compare.FieldMove;
import footprint.compare.GuestSweepPoint;
import footprint.compare.InputFile;
import footprint.compare.ModelComparison;
import footprint.compare.Numbers;
import footprint.compare.ObjectLines;
import footprint.compare.PairedDiff;
import footprint.compare.PlacementPoint;
import footprint.compare.PlacementSweep;
import footprint.compare.SoleFieldLine;
import footprint.sim.Metrics;
import footprint.units.ByteSize;

/** Renders a comparison as Markdown (GitHub tables) for issues, wikis and review threads. */
public final class ComparisonMarkdown {
    private ComparisonMarkdown() {}

    public static String render(ComparisonReport r) {
        StringBuilder md = new StringBuilder();
        ComparisonReport.Settings s = r.settings();
        md.append("# footprint compare: before -> after\n\n");
        md.append("Trace `").append(s.trace()).append("`, ").append(s.replicates()).append(" replicates of ")
                .append(s.exits()).append(" exits, seed ").append(s.seed())
                .append(", placement ").append(s.placement()).append(", guest ").append(s.guest())
                .append(". Differences are after minus before. ").append(TextBlocks.STATISTICS)
                .append(" Stall cycles are divided by the model's memory-level parallelism (MLP).\n\n");
        md.append("## Verdict\n\n");
        for (String v : r.verdict()) {
            md.append(v.startsWith("  ") ? "  - " : "- ").append(v.strip()).append('\n');
        }
        for (ModelComparison m : r.models()) {
            model(md, m);
        }
        md.append("\n## Per-field attribution\n\nHot fields whose line-mates changed:\n\n"
                + "| field | line before | line after | exits | line-mates before | line-mates after |\n|---|---:|---:|---|---|---|\n");
        for (FieldMove f : r.fieldMoves()) {
            md.append("| `").append(f.field()).append("` | ").append(f.lineBefore()).append(" | ").append(f.lineAfter())
                    .append(" | ").append(String.join(", ", f.exits())).append(" | ")
                    .append(String.join(", ", f.sharedLineBeforeWith())).append(" | ")
                    .append(String.join(", ", f.sharesLineAfterWith())).append(" |\n");
        }
        md.append("\nLines touched only because of one field:\n\n| side | object | line | field | exits |\n|---|---|---:|---|---|\n");
        for (SoleFieldLine f : r.soleFieldLines()) {
            md.append("| ").append(f.side()).append(" | ").append(f.object()).append(" | ").append(f.line()).append(" | `")
                    .append(f.field()).append("` | ").append(String.join(", ", f.exits())).append(" |\n");
        }
        md.append("\n## Density maps\n\nOne character per byte: a letter per top-level member (upper case: accessed), `.` hole, `_` padding; lines with accessed bytes only.\n");
        for (DensityMap d : r.densityMaps()) {
            md.append("\n").append(d.side()).append(" `").append(d.object()).append("` (struct ").append(d.structType())
                    .append(", ").append(d.size()).append(" bytes)\n\n```\n");
            for (int l = 0; l < d.lines(); l++) {
                if (d.hotBytes(l) > 0) {
                    md.append(String.format(java.util.Locale.ROOT, "%4d %s%n", l, d.line(l)));
                }
            }
            md.append("```\n");
        }
        if (!r.warnings().isEmpty()) {
            md.append("\n## Warnings\n\n");
            r.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
        }
        md.append("\n## Reproduce\n\n```\n").append(r.commandLine()).append("\n```\n\n| input | path | SHA-256 |\n|---|---|---|\n");
        for (InputFile f : r.inputs()) {
            md.append("| ").append(f.role()).append(" | `").append(f.path()).append("` | `").append(f.sha256()).append("` |\n");
        }
        return md.toString();
    }

    private static void model(StringBuilder md, ModelComparison m) {
        md.append("\n## ").append(m.model()).append(" (MLP ").append(Numbers.one(m.memoryLevelParallelism()))
                .append(")\n\n").append(ComparisonText.baseCosts(m)).append("\n\n### Touched lines per exit\n\n| exit | count | before | after | diff | ideal |\n|---|---:|---:|---:|---:|---:|\n");
        for (ExitComparison row : m.rows()) {
            md.append("| ").append(row.exit()).append(" | ").append(row.count()).append(" | ").append(Numbers.two(row.linesBefore()))
                    .append(" | ").append(Numbers.two(row.linesAfter())).append(" | ")
                    .append(Numbers.signed(row.linesAfter() - row.linesBefore())).append(" | ")
                    .append(Numbers.two(row.linesIdeal())).append(" |\n");
        }
        md.append("\nPer object (mix):\n\n| object | before | after | ideal |\n|---|---:|---:|---:|\n");
        for (ObjectLines o : m.mix().lines()) {
            md.append("| ").append(o.object()).append(" | ").append(Numbers.two(o.before())).append(" | ")
                    .append(Numbers.two(o.after())).append(" | ").append(Numbers.two(o.ideal())).append(" |\n");
        }
        md.append("\n### Misses and cycles per exit\n\n| exit | metric | before | after | diff | 95% CI | p | share of exit |\n"
                + "|---|---|---:|---:|---:|---|---:|---:|\n");
        for (ExitComparison row : m.rows()) {
            row.metrics().forEach((name, d) -> md.append("| ").append(row.exit()).append(" | ").append(name).append(" | ")
                    .append(Numbers.two(d.before())).append(" | ").append(Numbers.two(d.after())).append(" | ")
                    .append(ComparisonHtml.fine(name) ? Numbers.signedTwo(d.diff()) : Numbers.signed(d.diff())).append(" | ")
                    .append(ComparisonHtml.fine(name) ? "[" + Numbers.signedTwo(d.ciLow()) + ", " + Numbers.signedTwo(d.ciHigh()) + "]" : ci(d))
                    .append(" | ").append(Numbers.p(d.pValue()))
                    .append(" | ").append(name.endsWith("_cycles") ? Numbers.percent(d.shareOfExit()) : "").append(" |\n"));
        }
        md.append("\n### Guest-pressure sweep (mix)\n\n| guest working set | accesses per exit | exits |");
        m.levels().forEach(l -> md.append(' ').append(l).append(" misses before / after |"));
        md.append(" cycles before | diff | 95% CI |\n|---:|---:|---:|");
        m.levels().forEach(l -> md.append("---:|"));
        md.append("---:|---:|---|\n");
        for (GuestSweepPoint p : m.guestSweep()) {
            PairedDiff c = p.mix().metric(Metrics.ESTIMATED);
            md.append("| ").append(ByteSize.format(p.guestBytes())).append(" | ").append(p.accessesPerExit()).append(" | ")
                    .append(p.exits()).append(" |");
            for (String l : m.levels()) {
                PairedDiff d = p.mix().metric(Metrics.misses(l));
                md.append(' ').append(Numbers.two(d.before())).append(" / ").append(Numbers.two(d.after())).append(" |");
            }
            md.append(' ').append(Numbers.one(c.before())).append(" | ").append(Numbers.signed(c.diff())).append(" | ")
                    .append(ci(c)).append(" |\n");
        }
        PlacementSweep ps = m.placementSweep();
        if (ps != null) {
            md.append("\n### Placement sweep\n\n").append(ps.points().size()).append(' ').append(ps.kind())
                    .append(" placements, one replicate of ").append(ps.exitsPerPlacement()).append(" exits each: cycles ")
                    .append(Numbers.signed(ps.cycles().mean())).append(" [").append(Numbers.signed(ps.cycles().low()))
                    .append(", ").append(Numbers.signed(ps.cycles().high())).append("] (95% CI over placements); after lower in ")
                    .append(ps.lower()).append(", the same in ").append(ps.same()).append(", higher in ").append(ps.higher())
                    .append(".\n\n| difference per exit | min | p25 | median | p75 | max | mean |\n|---|---:|---:|---:|---:|---:|---:|\n");
            md.append(dist("cycles", ps.cyclesDiff())).append(dist("lines", ps.linesDiff()));
            md.append("\n| placement seed | lines diff | cycles diff |\n|---:|---:|---:|\n");
            for (PlacementPoint p : ps.points()) {
                md.append("| ").append(p.seed()).append(" | ").append(Numbers.signed(p.linesDiff())).append(" | ")
                        .append(Numbers.signed(p.cyclesDiff())).append(" |\n");
            }
        }
    }

    private static String ci(PairedDiff d) {
        return "[" + Numbers.signed(d.ciLow()) + ", " + Numbers.signed(d.ciHigh()) + "]";
    }

    private static String dist(String label, Distribution d) {
        return "| " + label + " | " + Numbers.signed(d.min()) + " | " + Numbers.signed(d.p25()) + " | "
                + Numbers.signed(d.median()) + " | " + Numbers.signed(d.p75()) + " | " + Numbers.signed(d.max()) + " | "
                + Numbers.signed(d.mean()) + " |\n";
    }
}
