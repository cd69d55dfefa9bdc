package footprint.layout;

import footprint.input.InputException;
import footprint.input.LineReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A new order for a struct's top-level members, read from a file with one member name per line
 * ({@code #} starts a comment); every member must be listed exactly once. Anonymous members go by
 * their {@code __anonN} name. Unnamed bitfields stay in front of the member that followed them.
 */
public final class MemberOrder {
    private MemberOrder() {}

    /** Re-lays out {@code s} in the order an order file gives; errors name the file and line. */
    public static StructLayout apply(StructLayout s, Path orderFile) {
        return apply(s, LineReader.readAll(orderFile), orderFile.toString());
    }

    /** Re-lays out {@code s} with its top-level members in the order of {@code lines} (one name each). */
    public static StructLayout apply(StructLayout s, List<String> lines, String source) {
        Map<String, List<Member>> groups = new HashMap<>();
        List<Member> pending = new ArrayList<>();
        for (Member m : s.members()) {
            if (m.bitfield() && m.name().isEmpty()) {
                pending.add(m);
                continue;
            }
            pending.add(m);
            groups.put(m.name(), pending);
            pending = new ArrayList<>();
        }
        List<Member> trailing = pending;
        Map<String, Integer> seenAt = new HashMap<>();
        List<Member> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (name.isEmpty()) {
                continue;
            }
            List<Member> group = groups.get(name);
            if (group == null) {
                throw new InputException(source, i + 1, "no member '" + name + "' in " + s.typeName()
                        + " (nearest: " + String.join(", ", FieldPaths.nearest(name, s.memberNames())) + ")");
            }
            Integer earlier = seenAt.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new InputException(source, i + 1, "member '" + name + "' is listed twice (first at line "
                        + earlier + ")");
            }
            order.addAll(group);
        }
        List<String> missing = new ArrayList<>();
        for (String name : s.memberNames()) {
            if (!seenAt.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(source, Math.max(1, lines.size()), "the order leaves out "
                    + missing.size() + " member(s) of " + s.typeName() + ": " + String.join(", ", missing)
                    + " (list every top-level member once)");
        }
        order.addAll(trailing);
        return LayoutEngine.layOut(s, order);
    }
}
