package footprint.trace;

import footprint.layout.FieldRef;
import footprint.layout.LayoutPathException;
import footprint.layout.LayoutSet;
import footprint.layout.Member;
import footprint.layout.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites raw {@code OBJECT+OFFSET} accesses to struct objects as field paths under a layout:
 * the innermost member holding the offset (array elements by index, members of anonymous
 * structs and unions by their inner name, a union by its first named member holding the offset), plus
 * a {@code +N} remainder when the offset is inside that member. This is how an offset trace
 * recorded on one kernel becomes layout-independent. Offsets in holes or padding stay raw.
 */
public final class TraceSymbolizer {
    private TraceSymbolizer() {}

    /** The rewritten trace, how many accesses were rewritten, and a note per access left raw. */
    public record Result(Trace trace, int symbolized, List<String> notes) {}

    public static Result symbolize(Trace trace, LayoutSet layouts) {
        List<String> notes = new ArrayList<>();
        int[] count = {0};
        List<TraceItem> items = new ArrayList<>();
        for (TraceItem item : trace.items()) {
            if (item instanceof Segment s) {
                items.add(new Segment(s.name(), steps(trace, s.steps(), layouts, notes, count), s.trivia(), s.endTrivia(),
                        s.line()));
            } else if (item instanceof ExitDef e) {
                items.add(new ExitDef(e.name(), e.fastpath(), e.reason(), steps(trace, e.steps(), layouts, notes, count),
                        e.trivia(), e.endTrivia(), e.line()));
            } else {
                items.add(item);
            }
        }
        return new Result(new Trace(trace.source(), trace.header(), items, trace.trailer()), count[0], notes);
    }

    private static List<Step> steps(Trace trace, List<Step> steps, LayoutSet layouts, List<String> notes, int[] count) {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step step : steps) {
            if (step instanceof Access a && a.target().path() == null) {
                ObjectDecl o = trace.object(a.target().object()).orElseThrow();
                if (!o.isRaw()) {
                    Target t = symbolize(trace, a, o, layouts, notes);
                    if (t != null) {
                        count[0]++;
                        out.add(new Access(a.op(), t, a.size(), a.function(), a.location(), a.aliases(), a.condition(),
                                a.trivia(),
                                a.line()));
                        continue;
                    }
                }
            }
            out.add(step);
        }
        return out;
    }

    private static Target symbolize(Trace trace, Access a, ObjectDecl o, LayoutSet layouts, List<String> notes) {
        StructLayout s = layouts.find(o.structType()).orElseThrow(() -> new footprint.input.InputException(
                trace.source(), o.line(), "unknown struct '" + o.structType() + "': no layout file defines it"));
        long offset = a.target().offset();
        if (offset >= s.size()) {
            notes.add(trace.source() + ":" + a.line() + ": offset " + offset + " is past the end of struct "
                    + o.structType() + " (" + s.size() + " bytes); left raw");
            return null;
        }
        StringBuilder path = new StringBuilder();
        long rest = walk(layouts, s, offset, path);
        if (path.length() == 0) {
            notes.add(trace.source() + ":" + a.line() + ": offset " + offset + " lies in a hole or padding of struct "
                    + o.structType() + "; left raw");
            return null;
        }
        // Cross-check with the path resolver, so a symbolized trace binds back to the same bytes.
        try {
            FieldRef ref = layouts.resolve(o.structType(), path.toString());
            if (ref.offset() + rest != offset) {
                throw new IllegalStateException("symbolized " + path + "+" + rest + " resolves to " + ref.offset());
            }
        } catch (LayoutPathException e) {
            notes.add(trace.source() + ":" + a.line() + ": offset " + offset + " maps to " + path
                    + ", which does not resolve (" + e.getMessage() + "); left raw");
            return null;
        }
        return new Target(o.name(), path.toString(), rest, a.target().hexOffset());
    }

    /** Appends the path of the innermost member holding {@code offset}; returns the bytes past its start. */
    private static long walk(LayoutSet layouts, StructLayout s, long offset, StringBuilder path) {
        for (Member m : searchOrder(s)) {
            if (m.isZeroWidthBitfield() || m.size() == 0 || offset < m.offset() || offset >= m.offset() + m.size()) {
                continue;
            }
            long rel = offset - m.offset();
            if (m.anonymous() && m.nested() != null) {
                return walk(layouts, m.nested(), rel, path);
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(m.name());
            if (m.isArray() && m.elementCount() > 0) {
                long element = m.size() / m.elementCount();
                long index = rel / element;
                rel -= index * element;
                long[] idx = new long[m.dims().size()];
                for (int d = idx.length - 1; d >= 0; d--) {
                    idx[d] = index % m.dims().get(d);
                    index /= m.dims().get(d);
                }
                for (long i : idx) {
                    path.append('[').append(i).append(']');
                }
            }
            StructLayout inner = m.nested() != null ? m.nested() : namedStruct(layouts, m);
            if (inner == null) {
                return rel;
            }
            int before = path.length();
            long innerRest = walk(layouts, inner, rel, path);
            return path.length() == before ? rel : innerRest;
        }
        return offset;
    }

    /** Members in layout order; in a union, named members first (exit_reason.full, not its bitfields). */
    private static List<Member> searchOrder(StructLayout s) {
        if (!s.union()) {
            return s.members();
        }
        List<Member> order = new ArrayList<>();
        s.members().stream().filter(m -> !m.anonymous()).forEach(order::add);
        s.members().stream().filter(Member::anonymous).forEach(order::add);
        return order;
    }

    private static StructLayout namedStruct(LayoutSet layouts, Member m) {
        String t = m.type().replace("const ", "").replace("volatile ", "").strip();
        if (t.contains("*") || m.bitfield()) {
            return null;
        }
        String name = t.startsWith("struct ") ? t.substring(7) : t.startsWith("union ") ? t.substring(6) : null;
        return name == null ? null : layouts.find(name.strip()).orElse(null);
    }
}
