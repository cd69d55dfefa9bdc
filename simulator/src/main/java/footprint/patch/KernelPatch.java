package footprint.patch;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.layout.Member;
import footprint.layout.StructLayout;
import footprint.optimize.OptimizeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A unified diff ({@code patch -p1} in the source tree) that puts the members of each re-ordered
 * struct in the proposed order by moving whole source pieces ({@link SourceStruct}): a declaration
 * with its comment, an {@code #ifdef} block, an inline struct. Pieces that declare no member the
 * layout knows (a block the config leaves out) stay after the piece they followed. Where
 * {@code include/linux/cache.h} defines {@code __cacheline_group_begin}, the touched members are
 * bracketed by a group of that name, and the matching {@code CACHELINE_ASSERT_GROUP_*} lines are
 * returned for the struct's init function. Refuses what it cannot move safely.
 */
public final class KernelPatch {
    /** The diff, the assert lines to add to the init functions, and the cover-letter paragraph. */
    public record Result(String diff, List<String> asserts, String cover) {
        public Result {
            asserts = List.copyOf(asserts);
        }
    }

    private KernelPatch() {}

    public static Result of(Path root, OptimizeReport report, Map<String, Long> hotBytes) {
        boolean groups = hasCachelineGroups(root);
        Map<String, List<String>> perFile = new LinkedHashMap<>();
        Map<String, List<String>> original = new LinkedHashMap<>();
        List<String> asserts = new ArrayList<>();
        for (OptimizeReport.StructChange change : report.structs()) {
            if (change.moved() == 0) {
                continue;
            }
            SourceStruct src = SourceStruct.find(root, change.struct());
            String file = src.relativePath();
            List<String> text = perFile.computeIfAbsent(file, f -> new ArrayList<>(src.text()));
            original.putIfAbsent(file, src.text());
            // the file may already hold an earlier struct's new order: read the struct from the edited text
            SourceStruct now = SourceStruct.in(root, root.resolve(file), text, change.struct());
            List<String> body = reorder(now, change, groups);
            List<String> next = new ArrayList<>(text.subList(0, now.open() + 1));
            next.addAll(body);
            next.addAll(text.subList(now.close(), text.size()));
            perFile.put(file, next);
            if (groups && !change.hot().isEmpty()) {
                String group = change.struct() + "_hot";
                for (String m : change.order()) {
                    if (change.hot().contains(m) && !m.startsWith("__anon")) {
                        asserts.add("CACHELINE_ASSERT_GROUP_MEMBER(struct " + change.struct() + ", " + group + ", " + m
                                + ");");
                    }
                }
                Long size = hotBytes.get(change.struct());
                if (size != null) {
                    asserts.add("CACHELINE_ASSERT_GROUP_SIZE(struct " + change.struct() + ", " + group + ", " + size
                            + ");");
                }
            }
        }
        StringBuilder diff = new StringBuilder();
        for (Map.Entry<String, List<String>> e : perFile.entrySet()) {
            List<String> before = original.get(e.getKey());
            List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a/" + e.getKey(), "b/" + e.getKey(), before,
                    DiffUtils.diff(before, e.getValue()), 3);
            lines.forEach(l -> diff.append(l).append('\n'));
        }
        return new Result(diff.toString(), asserts, cover(report, groups));
    }

    /** The struct body (between the braces) in the proposed order. */
    static List<String> reorder(SourceStruct src, OptimizeReport.StructChange change, boolean groups) {
        List<SourceStruct.Piece> pieces = src.pieces();
        Map<String, Integer> pieceOf = new LinkedHashMap<>();
        for (int p = 0; p < pieces.size(); p++) {
            for (String m : pieces.get(p).members()) {
                pieceOf.put(m, p);
            }
        }
        for (String m : change.order()) {
            if (!pieceOf.containsKey(m)) {
                throw new InputException(src.relativePath(), src.open() + 1, "struct " + change.struct()
                        + ": member '" + m + "' is not declared by name in the source; cannot write the patch");
            }
            SourceStruct.Piece piece = pieces.get(pieceOf.get(m));
            if (piece.macro() && change.movedMembers().contains(m)) {
                throw new InputException(src.relativePath(), piece.line(), "struct " + change.struct() + ": member '"
                        + m + "' is declared by a macro (" + piece.lines().get(piece.lines().size() - 1).strip()
                        + "), which cannot be moved safely; keep it with a constraint or fewer --max-moves");
            }
        }
        List<Integer> order = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (String m : change.order()) {
            int p = pieceOf.get(m);
            if (placed.add(p)) {
                order.add(p);
            } else if (order.get(order.size() - 1) != p) {
                throw new InputException(src.relativePath(), pieces.get(p).line(), "struct " + change.struct()
                        + ": the proposed order splits the block declaring " + String.join(", ",
                        pieces.get(p).members()) + " (an #ifdef or inline struct moves as one); cannot write the patch");
            }
        }
        // A plain declaration the layout does not know is not a config choice: the source is another kernel.
        for (int p = 0; p < pieces.size(); p++) {
            SourceStruct.Piece piece = pieces.get(p);
            if (!placed.contains(p) && !piece.conditional() && !piece.macro() && !piece.members().isEmpty()) {
                throw new InputException(src.relativePath(), piece.line(), "struct " + change.struct() + ": member '"
                        + String.join("', '", piece.members()) + "' is declared here but not in the layout files, so"
                        + " they describe another kernel than this tree; give the layout of this tree's build (pahole"
                        + " of its object) or the tree the layout came from");
            }
        }
        // pieces naming no known member (blocks the config compiles out) stay after the piece they followed (or first)
        List<Integer> withOrphans = new ArrayList<>();
        for (int p = 0; p < pieces.size() && !placed.contains(p); p++) {
            withOrphans.add(p);
        }
        for (int p : order) {
            withOrphans.add(p);
            for (int q = p + 1; q < pieces.size() && !placed.contains(q); q++) {
                withOrphans.add(q);
            }
        }
        int firstHot = -1;
        int lastHot = -1;
        for (int k = 0; k < withOrphans.size(); k++) {
            boolean hot = pieces.get(withOrphans.get(k)).members().stream().anyMatch(change.hot()::contains);
            if (hot) {
                firstHot = firstHot < 0 ? k : firstHot;
                lastHot = k;
            }
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < withOrphans.size(); k++) {
            if (groups && k == firstHot) {
                out.add("\t__cacheline_group_begin(" + change.struct() + "_hot);");
            }
            out.addAll(pieces.get(withOrphans.get(k)).lines());
            if (groups && k == lastHot) {
                out.add("\t__cacheline_group_end(" + change.struct() + "_hot);");
            }
        }
        return out;
    }

    /** Per re-ordered struct: bytes from its first touched member's start to its last one's end, as laid out in {@code set}. */
    public static Map<String, Long> hotSpans(LayoutSet set, OptimizeReport report) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (OptimizeReport.StructChange c : report.structs()) {
            StructLayout s = set.find(c.struct()).orElseThrow();
            long from = Long.MAX_VALUE;
            long to = 0;
            for (Member m : s.members()) {
                if (c.hot().contains(m.name())) {
                    from = Math.min(from, m.offset());
                    to = Math.max(to, m.offset() + m.size());
                }
            }
            if (to > 0) {
                out.put(c.struct(), to - from);
            }
        }
        return out;
    }

    /** Whether the tree's include/linux/cache.h defines the cacheline group markers (Linux 6.8+). */
    static boolean hasCachelineGroups(Path root) {
        Path cache = root.resolve("include/linux/cache.h");
        try {
            return Files.isRegularFile(cache) && Files.readString(cache).contains("#define __cacheline_group_begin(");
        } catch (IOException e) {
            return false;
        }
    }

    private static String cover(OptimizeReport r, boolean groups) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Re-order the members of %s so that the fields the traced VM exits"
                + " touch share cachelines. Measured with footprint on %s: the exits touch %.2f lines of %s per"
                + " exit (weighted by the exit mix) with the current layout and %.2f with this one; a perfect"
                + " packing of the touched bytes would need %.2f. %d member(s) move.",
                String.join(", ", r.structs().stream().filter(s -> s.moved() > 0)
                        .map(s -> "struct " + s.struct()).toList()),
                r.trace(), r.linesBefore(), String.join(", ", r.objects().stream()
                        .map(OptimizeReport.ObjectSize::object).toList()), r.linesAfter(), r.idealLines(), r.moved()));
        if (!r.constraints().isEmpty()) {
            b.append(" The layout keeps ").append(r.constraints().size()).append(" constraint(s) from the source (")
                    .append(String.join("; ", r.constraints().stream().map(c -> c.rule() + " at " + c.origin())
                            .toList())).append(").");
        }
        b.append(groups ? " The touched members are bracketed by __cacheline_group_begin/end so that the asserts"
                + " below catch a later patch that moves one out." : " This tree has no __cacheline_group_begin"
                + " (Linux 6.8+), so the grouping is not guarded.");
        return b.toString();
    }
}
