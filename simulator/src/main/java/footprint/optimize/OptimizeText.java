package footprint.optimize;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text forms of an {@link OptimizeReport}: the before/after table, and the order file. */
public final class OptimizeText {
    private OptimizeText() {}

    /** Sizes, then per exit its share of the stream and the touched lines before, after and ideal. */
    public static String table(OptimizeReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "struct %s: %d -> %d bytes; held by %s%n", r.struct(), r.sizeBefore(),
                r.sizeAfter(), r.objects().stream().map(o -> String.format(Locale.ROOT, "%s (%s %d -> %d)", o.object(),
                        o.type(), o.sizeBefore(), o.sizeAfter())).collect(Collectors.joining(", "))));
        out.append(String.format(Locale.ROOT, "touched lines of %s per exit (each object on a line boundary):%n",
                objectNames(r)));
        out.append(String.format(Locale.ROOT, "  %-24s %7s %7s %7s %7s%n", "exit", "share", "before", "after", "ideal"));
        for (OptimizeReport.ExitLines e : r.exits()) {
            out.append(String.format(Locale.ROOT, "  %-24s %6.1f%% %7d %7d %7d%n", e.exit(), 100 * e.weight(),
                    e.linesBefore(), e.linesAfter(), e.idealLines()));
        }
        out.append(String.format(Locale.ROOT, "  %-24s %7s %7.2f %7.2f %7.2f%n", "stream (weighted)", "",
                r.linesBefore(), r.linesAfter(), r.idealLines()));
        if (r.linesAfter() >= r.linesBefore()) {
            out.append("note: the proposed order touches no fewer lines in the stream than the current one;"
                    + " keep the current order\n");
        }
        long hot = r.groups().stream().mapToLong(g -> g.members().size()).sum();
        out.append(String.format(Locale.ROOT, "order: %d hot members in %d groups, then %d cold members in their"
                + " current order%n", hot, r.groups().size(), r.cold().size()));
        return out.toString();
    }

    /** The order file {@code layout --order} reads, with a header saying where it comes from. */
    public static String orderFile(OptimizeReport r, List<Path> layoutFiles) {
        StringBuilder out = new StringBuilder();
        out.append("# Top-level member order of struct ").append(r.struct()).append(", proposed by footprint optimize\n");
        out.append("# trace: ").append(r.trace()).append('\n');
        out.append("# stream weights: ").append(r.exits().stream().filter(e -> e.weight() > 0)
                .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.exit(), 100 * e.weight()))
                .collect(Collectors.joining(", "))).append('\n');
        out.append("# layouts: ").append(layoutFiles.stream().map(Path::toString).collect(Collectors.joining(" ")))
                .append('\n');
        out.append("# Hot members first, grouped by the set of exits whose accesses land in them (the groups\n");
        out.append("# along a reflected Gray code over the exits by falling weight, so the most frequent exits'\n");
        out.append("# members are contiguous), inside a group larger alignment first, then smaller size; then\n");
        out.append("# the members no exit touches, in their current order. Nested structs keep their order;\n");
        out.append("# read-mostly and written fields are not kept apart (false sharing is not considered).\n");
        out.append(String.format(Locale.ROOT, "# struct %s: %d -> %d bytes; touched lines of %s per exit in the"
                + " stream: %.2f -> %.2f (ideal %.2f)%n", r.struct(), r.sizeBefore(), r.sizeAfter(), objectNames(r),
                r.linesBefore(), r.linesAfter(), r.idealLines()));
        for (HotOrder.Group g : r.groups()) {
            out.append(String.format(Locale.ROOT, "%n# touched by %s (%.1f%% of exits)%n", String.join(" ", g.exits()),
                    100 * g.weight()));
            g.members().forEach(m -> out.append(m).append('\n'));
        }
        if (!r.cold().isEmpty()) {
            out.append("\n# not touched by the trace\n");
            r.cold().forEach(m -> out.append(m).append('\n'));
        }
        return out.toString();
    }

    private static String objectNames(OptimizeReport r) {
        return r.objects().stream().map(OptimizeReport.ObjectSize::object).collect(Collectors.joining(", "));
    }
}
