package footprint.layout;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a layout the way pahole does: one line per member with {@code /* offset size *&#47;},
 * cacheline boundaries, holes, and the summary, all counted by the tool itself. Offsets are from
 * the start of the outermost struct, as pahole prints them for inline structs.
 */
public final class PaholeText {
    private final StringBuilder out = new StringBuilder();
    private long nextBoundary;

    private PaholeText() {}

    public static String render(StructLayout s) {
        PaholeText t = new PaholeText();
        t.nextBoundary = 64;
        t.out.append(s.typeName()).append(" {\n");
        t.body(s, 0, 1);
        t.summary(s, LayoutStats.of(s));
        t.out.append('}');
        if (s.packed()) {
            t.out.append(" __attribute__((__packed__))");
        }
        if (s.alignedAttribute() > 0) {
            t.out.append(" __attribute__((__aligned__(").append(s.alignedAttribute()).append(")))");
        }
        t.out.append(";\n");
        List<String> guessed = LayoutEngine.guessedAlignments(s);
        if (s.relaidOut()) {
            t.out.append("/* offsets re-computed by footprint's x86-64 layout engine, not printed by pahole */\n");
        }
        if (!guessed.isEmpty()) {
            t.out.append("/* guessed alignments (the dump does not reveal them; re-layouts rest on these): */\n");
            for (String g : guessed) {
                t.out.append("/*   ").append(g).append(" */\n");
            }
        }
        return t.out.toString();
    }

    private void body(StructLayout s, long base, int depth) {
        Map<String, LayoutStats.Hole> holesBefore = new HashMap<>();
        for (LayoutStats.Hole h : LayoutStats.of(s).holeList()) {
            holesBefore.put(h.beforeMember(), h);
        }
        String indent = "\t".repeat(depth);
        for (Member m : s.members()) {
            if (m.bitfield() && m.name().isEmpty()) {
                if (m.bitSize() == 0) {
                    out.append('\n').append(indent).append("/* Force alignment to the next boundary: */\n");
                }
                out.append(indent).append(String.format(Locale.ROOT, "%-26s :%d;%n", m.type(), m.bitSize()));
                continue;
            }
            LayoutStats.Hole hole = holesBefore.get(m.name());
            if (hole != null) {
                out.append('\n');
                if (hole.bits() > 0) {
                    out.append(indent).append("/* XXX ").append(hole.bits()).append(hole.bits() == 1 ? " bit" : " bits")
                            .append(" hole, try to pack */\n");
                }
                if (hole.bytes() > 0) {
                    out.append(indent).append("/* XXX ").append(hole.bytes())
                            .append(hole.bytes() == 1 ? " byte" : " bytes").append(" hole, try to pack */\n");
                }
                out.append('\n');
            }
            long abs = base + m.offset();
            boundary(abs, indent);
            if (m.nested() != null) {
                out.append(indent).append(m.nested().typeName()).append(" {\n");
                body(m.nested(), abs, depth + 1);
                out.append(indent).append('}').append(m.anonymous() ? "" : " " + m.name() + dims(m) + attribute(m))
                        .append(';');
                out.append(pad(m.anonymous() ? 2 : m.name().length() + dims(m).length() + attribute(m).length() + 3, 48));
                out.append(String.format(Locale.ROOT, " /* %5d %5d */%n", abs, m.size()));
                continue;
            }
            String type = m.type();
            String name = m.name() + dims(m);
            int pointer = type.indexOf("(*");
            if (pointer >= 0) {
                // A function pointer: pahole prints the name inside the "(*...)" declarator.
                int close = type.indexOf(')', pointer);
                name = type.substring(pointer, close) + name + type.substring(close);
                type = type.substring(0, pointer).strip();
            }
            String decl = name + (m.bitfield() ? ":" + m.bitSize() : "") + attribute(m) + ";";
            out.append(indent).append(String.format(Locale.ROOT, "%-26s %-21s", type, decl));
            if (m.bitfield()) {
                out.append(String.format(Locale.ROOT, " /* %5d:%2d %2d */%n", abs, m.bitOffset(), m.size()));
            } else {
                out.append(String.format(Locale.ROOT, " /* %5d %5d */%n", abs, m.size()));
            }
        }
    }

    private void boundary(long abs, String indent) {
        if (abs < nextBoundary) {
            return;
        }
        long line = abs / 64;
        long ago = abs - line * 64;
        out.append(indent).append("/* --- cacheline ").append(line).append(" boundary (").append(line * 64)
                .append(" bytes)");
        if (ago > 0) {
            out.append(" was ").append(ago).append(ago == 1 ? " byte ago" : " bytes ago");
        }
        out.append(" --- */\n");
        nextBoundary = (line + 1) * 64;
    }

    private void summary(StructLayout s, LayoutStats st) {
        out.append("\n\t/* size: ").append(st.size()).append(", cachelines: ").append(st.cachelines())
                .append(", members: ").append(st.members()).append(" */\n");
        if (st.holes() > 0) {
            out.append("\t/* sum members: ").append(st.sumMembers()).append(", holes: ").append(st.holes())
                    .append(", sum holes: ").append(st.sumHoles()).append(" */\n");
        }
        if (st.bitHoles() > 0) {
            out.append("\t/* bit holes: ").append(st.bitHoles()).append(", sum bit holes: ").append(st.sumBitHoles())
                    .append(" bits */\n");
        }
        if (st.padding() > 0) {
            out.append("\t/* padding: ").append(st.padding()).append(" */\n");
        }
        if (st.bitPadding() > 0) {
            out.append("\t/* bit_padding: ").append(st.bitPadding()).append(" bits */\n");
        }
        if (s.size() % 64 != 0) {
            out.append("\t/* last cacheline: ").append(s.size() % 64).append(" bytes */\n");
        }
    }

    private static String dims(Member m) {
        return m.declaredType().substring(m.type().length());
    }

    private static String attribute(Member m) {
        return m.alignedAttribute() > 0 ? " __attribute__((__aligned__(" + m.alignedAttribute() + ")))" : "";
    }

    private static String pad(int used, int width) {
        return used >= width ? "" : " ".repeat(width - used);
    }
}
