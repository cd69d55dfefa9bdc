package footprint.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Places members under the x86-64 System V psABI rules (section 3.1.2 "Aggregates and Unions"):
 * each member at the next multiple of its alignment, a bitfield in the next bits unless it would
 * straddle a storage unit of its type, {@code __packed__} dropping alignment to one byte/bit,
 * a zero-width bitfield advancing to its type's alignment, and the size rounded up to the struct's
 * alignment.
 */
public final class LayoutEngine {
    private LayoutEngine() {}

    /** The alignment of a struct with these members: the largest member alignment, or its attribute. */
    public static int alignment(List<Member> members, LayoutRules rules) {
        int max = 1;
        for (Member m : members) {
            // psABI: unnamed bit-fields' types do not affect the alignment of a structure or union.
            if (m.bitfield() && m.name().isEmpty()) {
                continue;
            }
            max = Math.max(max, effectiveAlignment(m, rules.packed()));
        }
        return Math.max(max, rules.alignedAttribute());
    }

    static int effectiveAlignment(Member m, boolean packed) {
        return packed ? Math.max(1, m.alignedAttribute()) : Math.max(1, m.alignment());
    }

    /** Re-computes the offsets of {@code s}'s members in the given order; the result is marked relaid out. */
    public static StructLayout layOut(StructLayout s, List<Member> order) {
        return s.relaidOut(place(s.rules(), order), true);
    }

    /** Places members in the given order under a struct's rules. */
    public static PlacedMembers place(LayoutRules rules, List<Member> order) {
        List<Member> placed = new ArrayList<>(order.size());
        long bit = 0;
        long maxEnd = 0;
        for (Member m : order) {
            int align = effectiveAlignment(m, rules.packed());
            if (rules.union()) {
                placed.add(m.withPlacement(0, 0));
                maxEnd = Math.max(maxEnd, m.bitfield() ? (m.bitSize() + 7) / 8 : m.size());
                continue;
            }
            if (m.bitfield()) {
                long unitBits = m.size() * 8;
                if (m.bitSize() == 0) {
                    bit = alignUp(bit, Math.max(1, m.alignment()) * 8L);
                    placed.add(m.withPlacement(bit / 8, 0));
                    continue;
                }
                if (!rules.packed() && unitBits > 0 && bit / unitBits != (bit + m.bitSize() - 1) / unitBits) {
                    bit = alignUp(bit, unitBits);
                }
                if (m.alignedAttribute() > 0) {
                    bit = alignUp(bit, m.alignedAttribute() * 8L);
                }
                // pahole prints a bitfield as BYTE:BIT with BYTE the start of the type-sized unit
                // holding its first bit; in a packed struct the bits may run past that unit.
                long unitStart = unitBits > 0 ? (bit / unitBits) * unitBits : bit;
                placed.add(m.withPlacement(unitStart / 8, (int) (bit - unitStart)));
                bit += m.bitSize();
            } else {
                long offset = alignUp((bit + 7) / 8, align);
                placed.add(m.withPlacement(offset, 0));
                bit = (offset + m.size()) * 8;
            }
            maxEnd = Math.max(maxEnd, (bit + 7) / 8);
        }
        int alignment = alignment(order, rules);
        return new PlacedMembers(placed, alignUp(maxEnd, alignment), alignment);
    }

    /**
     * Re-computes {@code s} (and every expanded nested struct) in its own member order and returns
     * the first place where the result differs from the offsets and sizes pahole printed, or null.
     */
    public static Mismatch verify(StructLayout s) {
        return verify(s, s.name());
    }

    private static Mismatch verify(StructLayout s, String path) {
        StructLayout again = layOut(s, s.members());
        for (int i = 0; i < s.members().size(); i++) {
            Member want = s.members().get(i);
            Member got = again.members().get(i);
            if (want.bitfield() && want.name().isEmpty()) {
                continue; // pahole prints no offset for unnamed bitfields
            }
            String where = path + "." + want.name();
            if (want.offset() != got.offset() || want.bitOffset() != got.bitOffset()) {
                return new Mismatch(where, want.line(), position(want), position(got));
            }
            if (want.nested() != null) {
                Mismatch inner = verify(want.nested(), where);
                if (inner != null) {
                    return inner;
                }
            }
        }
        if (again.size() != s.size()) {
            return new Mismatch(path + " (size)", s.line(), Long.toString(s.size()), Long.toString(again.size()));
        }
        return null;
    }

    /** Paths of the members (at any depth) whose alignment the dump did not reveal. */
    public static List<String> guessedAlignments(StructLayout s) {
        List<String> out = new ArrayList<>();
        collectGuessed(s, s.name(), out);
        return out;
    }

    private static void collectGuessed(StructLayout s, String path, List<String> out) {
        if (s.guesses().packingInferred()) {
            out.add(path + " (__packed__: members sit at offsets only packing explains)");
        }
        if (s.guesses().alignmentFromSize() > 0) {
            out.add(path + " (struct alignment " + s.guesses().alignmentFromSize() + ": its size needs padding the members"
                    + " do not explain)");
        }
        for (Member m : s.members()) {
            String where = path + "." + m.name();
            if (m.alignmentSource() == AlignmentSource.INFERRED && !(m.bitfield() && m.name().isEmpty())) {
                out.add(where + " (" + m.declaredType() + ": " + m.alignment() + ")");
            }
            if (m.nested() != null) {
                collectGuessed(m.nested(), where, out);
            }
        }
    }

    /**
     * Why a re-computation can differ from pahole although the engine follows the ABI: guessed
     * alignments, or something pahole does not print (BTF records neither alignment attributes nor
     * unnamed bitfields, which then show only as holes).
     */
    public static String reason(StructLayout s, Mismatch mismatch) {
        List<String> guessed = guessedAlignments(s);
        if (!guessed.isEmpty()) {
            return "alignment not in the dump, inferred for " + String.join(", ", guessed.subList(0,
                    Math.min(3, guessed.size()))) + (guessed.size() > 3 ? " and " + (guessed.size() - 3) + " more" : "");
        }
        return "pahole printed no member or attribute that explains the position (an unnamed bitfield or an"
                + " alignment attribute the debug info does not record)";
    }

    private static String position(Member m) {
        return m.bitfield() ? m.offset() + ":" + m.bitOffset() : Long.toString(m.offset());
    }

    static long alignUp(long value, long alignment) {
        return alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;
    }

    /** Where a re-computed layout first departs from pahole's: the member path, its line, both positions. */
    public record Mismatch(String path, int line, String pahole, String computed) {
        @Override
        public String toString() {
            return path + ": pahole " + pahole + ", computed " + computed;
        }
    }
}
