package footprint.layout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Resolves field paths ({@code vcpu.arch.regs[2]}, {@code exit_reason.full}) to bytes. Members of
 * anonymous structs/unions are reached by their inner name as in C; named types that are not
 * expanded are looked up by name in the {@link LayoutSet}.
 */
final class FieldPaths {
    private FieldPaths() {}

    static FieldRef resolve(LayoutSet set, StructLayout root, String rootName, String path) {
        if (path == null || path.isBlank()) {
            throw new LayoutPathException(rootName, String.valueOf(path), "empty field path", List.of());
        }
        StructLayout current = root;
        long offset = 0;
        Member member = null;
        List<Long> remainingDims = List.of();
        String[] segments = path.split("\\.", -1);
        for (int si = 0; si < segments.length; si++) {
            String seg = segments[si];
            if (member != null) {
                current = descend(set, rootName, path, member, remainingDims);
            }
            int bracket = seg.indexOf('[');
            String name = bracket < 0 ? seg : seg.substring(0, bracket);
            List<Member> chain = find(current, name);
            if (chain == null) {
                throw new LayoutPathException(rootName, path, "no member '" + name + "' in " + current.typeName(),
                        nearest(name, reachableNames(current)));
            }
            for (Member m : chain) {
                offset += m.offset();
            }
            member = chain.get(chain.size() - 1);
            remainingDims = member.dims();
            if (bracket >= 0) {
                List<Long> indices = indices(rootName, path, seg.substring(bracket));
                if (indices.size() > remainingDims.size()) {
                    throw new LayoutPathException(rootName, path, "'" + name + "' has " + remainingDims.size()
                            + " array dimension(s), the path gives " + indices.size(), List.of());
                }
                long stride = elementSize(member);
                for (int d = remainingDims.size() - 1; d >= indices.size(); d--) {
                    stride *= remainingDims.get(d);
                }
                long elementOffset = 0;
                long inner = 1;
                for (int d = indices.size() - 1; d >= 0; d--) {
                    long idx = indices.get(d);
                    if (idx >= remainingDims.get(d)) {
                        throw new LayoutPathException(rootName, path, "index " + idx + " out of bounds for '" + name
                                + "' " + member.declaredType().substring(member.type().length()), List.of());
                    }
                    elementOffset += idx * inner;
                    inner *= remainingDims.get(d);
                }
                offset += elementOffset * stride;
                remainingDims = remainingDims.subList(indices.size(), remainingDims.size());
            }
        }
        long size = remainingDims.isEmpty() ? elementSize(member) : elementSize(member) * product(remainingDims);
        StringBuilder type = new StringBuilder(member.type());
        for (long d : remainingDims) {
            type.append('[').append(d).append(']');
        }
        return new FieldRef(path, offset, size, type.toString());
    }

    private static StructLayout descend(LayoutSet set, String rootName, String path, Member m, List<Long> dims) {
        if (!dims.isEmpty()) {
            throw new LayoutPathException(rootName, path, "'" + m.name() + "' is an array " + m.declaredType()
                    + ": give an index before '.'", List.of());
        }
        if (m.nested() != null) {
            return m.nested();
        }
        String t = NaturalTypes.unqualified(m.type());
        if (NaturalTypes.isPointer(t)) {
            throw new LayoutPathException(rootName, path, "'" + m.name() + "' is a pointer (" + m.type()
                    + "); a path cannot follow it, trace the pointed-to object separately", List.of());
        }
        String named = t.startsWith("struct ") ? t.substring(7) : t.startsWith("union ") ? t.substring(6) : null;
        if (named == null) {
            throw new LayoutPathException(rootName, path, "'" + m.name() + "' is a " + m.type() + ", not a struct",
                    List.of());
        }
        return set.find(named).orElseThrow(() -> new LayoutPathException(rootName, path, "type " + t + " of '"
                + m.name() + "' is not in the loaded layouts; add a pahole dump that defines it", List.of()));
    }

    private static long elementSize(Member m) {
        long count = m.elementCount();
        if (count > 0) {
            return m.size() / count;
        }
        return m.nested() != null ? m.nested().size() : NaturalTypes.size(m.type());
    }

    private static long product(List<Long> dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** The member chain to {@code name}: direct members first, then through anonymous members as in C. */
    private static List<Member> find(StructLayout s, String name) {
        for (Member m : s.members()) {
            if (m.name().equals(name)) {
                return List.of(m);
            }
        }
        for (Member m : s.members()) {
            if (m.anonymous() && m.nested() != null) {
                List<Member> inner = find(m.nested(), name);
                if (inner != null) {
                    List<Member> chain = new ArrayList<>();
                    chain.add(m);
                    chain.addAll(inner);
                    return chain;
                }
            }
        }
        return null;
    }

    private static List<String> reachableNames(StructLayout s) {
        List<String> names = new ArrayList<>();
        for (Member m : s.members()) {
            if (!m.name().isEmpty()) {
                names.add(m.name());
            }
            if (m.anonymous() && m.nested() != null) {
                names.addAll(reachableNames(m.nested()));
            }
        }
        return names;
    }

    private static List<Long> indices(String rootName, String path, String text) {
        List<Long> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int close = text.indexOf(']', i);
            if (text.charAt(i) != '[' || close < 0) {
                throw new LayoutPathException(rootName, path, "cannot read index '" + text + "'", List.of());
            }
            String n = text.substring(i + 1, close).strip();
            try {
                long v = Long.parseLong(n);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new LayoutPathException(rootName, path, "index '" + n + "' is not a non-negative number",
                        List.of());
            }
            i = close + 1;
        }
        return out;
    }

    /** Up to three names closest to {@code wanted} by edit distance (ties by name). */
    static List<String> nearest(String wanted, Collection<String> names) {
        String w = wanted.toLowerCase(Locale.ROOT);
        return names.stream().distinct()
                .sorted(Comparator.comparingInt((String n) -> distance(w, n.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
