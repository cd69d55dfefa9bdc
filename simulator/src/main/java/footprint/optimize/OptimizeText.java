package footprint.optimize;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text form of an {@link OptimizeReport}. */
public final class OptimizeText {
    private OptimizeText() {}

    public static String table(OptimizeReport r) {
        StringBuilder out = new StringBuilder();
        for (OptimizeReport.StructChange s : r.structs()) {
            out.append(String.format(Locale.ROOT, "struct %s: %d -> %d bytes, %d of %d members moved%n", s.struct(),
                    s.sizeBefore(), s.sizeAfter(), s.moved(), s.order().size()));
        }
        out.append("held by ").append(r.objects().stream().map(o -> String.format(Locale.ROOT, "%s (%s %d -> %d)",
                o.object(), o.type(), o.sizeBefore(), o.sizeAfter())).collect(Collectors.joining(", "))).append('\n');
        out.append(String.format(Locale.ROOT, "touched lines of %s per exit (each object on a line boundary):%n",
                objectNames(r)));
        out.append(String.format(Locale.ROOT, "  %-24s %7s %7s %7s %7s%n", "exit", "share", "before", "after", "ideal"));
        for (OptimizeReport.ExitLines e : r.exits()) {
            out.append(String.format(Locale.ROOT, "  %-24s %6.1f%% %7d %7d %7d%n", e.exit(), 100 * e.weight(),
                    e.linesBefore(), e.linesAfter(), e.idealLines()));
        }
        out.append(String.format(Locale.ROOT, "  %-24s %7s %7.2f %7.2f %7.2f%n", "stream (weighted)", "",
                r.linesBefore(), r.linesAfter(), r.idealLines()));
        out.append(String.format(Locale.ROOT, "members moved: %d%s; stream without a move limit: %.2f lines per"
                + " exit%n", r.moved(), r.maxMoves() == null ? "" : " (--max-moves " + r.maxMoves() + ")",
                r.unconstrainedLines()));
        if (r.linesAfter() >= r.linesBefore()) {
            out.append("note: the proposed order touches no fewer lines in the stream than the current one;"
                    + " keep the current order\n");
        }
        if (!r.front().isEmpty()) {
            out.append("churn front (members moved, lines per exit in the stream, share of the full saving):\n");
            for (OptimizeReport.FrontPoint p : r.front()) {
                out.append(String.format(Locale.ROOT, "  %4d moved %8.2f lines %5.1f%%%n", p.moved(), p.lines(),
                        100 * p.savedShare()));
            }
        }
        if (r.constraints().isEmpty()) {
            out.append("constraints kept: none given\n");
        } else {
            out.append("constraints kept:\n");
            r.constraints().forEach(c -> out.append("  ").append(c.rule()).append("  (").append(c.origin())
                    .append(")\n"));
        }
        sharing(r, out);
        for (OptimizeReport.StructChange s : r.structs()) {
            List<String> hot = s.order().stream().filter(s.hot()::contains).toList();
            out.append(String.format(Locale.ROOT, "struct %s, touched members in their new order: %s%n", s.struct(),
                    String.join(" ", hot)));
        }
        return out.toString();
    }

    private static void sharing(OptimizeReport r, StringBuilder out) {
        long was = r.sharing().stream().filter(OptimizeReport.SharedLine::before).count();
        List<OptimizeReport.SharedLine> now = r.sharing().stream().filter(s -> !s.before()).toList();
        if (was == 0 && now.isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "false sharing: %d line(s) before, %d after hold a field another CPU"
                + " writes (the trace's *_dest objects) and fields the owner's exits write%n", was, now.size()));
        for (OptimizeReport.SharedLine s : now) {
            out.append(String.format(Locale.ROOT, "  %s line %d: remote %s; local %s%n", s.object(), s.line(),
                    String.join(" ", s.remote()), String.join(" ", s.local())));
        }
    }

    private static String objectNames(OptimizeReport r) {
        return r.objects().stream().map(OptimizeReport.ObjectSize::object).collect(Collectors.joining(", "));
    }
}
