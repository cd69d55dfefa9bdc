package footprint.compare;

import footprint.layout.LayoutSet;
import footprint.layout.Member;
import footprint.layout.StructLayout;
import java.util.BitSet;

/** The bytes of a struct that some member covers (the rest are holes and padding), descending into nested structs. */
public final class MemberBytes {
    private MemberBytes() {}

    public static BitSet of(StructLayout struct, LayoutSet layouts) {
        BitSet bytes = new BitSet((int) struct.size());
        mark(struct, 0, layouts, bytes, 0);
        return bytes;
    }

    private static void mark(StructLayout struct, long base, LayoutSet layouts, BitSet bytes, int depth) {
        for (Member m : struct.members()) {
            StructLayout inner = m.nested();
            if (inner == null && !m.isArray() && depth < 16) {
                inner = named(m.type(), layouts);
            }
            if (inner != null && !m.isArray() && inner.size() == m.size()) {
                mark(inner, base + m.offset(), layouts, bytes, depth + 1);
            } else {
                bytes.set((int) (base + m.offset()), (int) (base + m.offset() + Math.max(m.size(), 0)));
            }
        }
    }

    /** A member of type {@code struct NAME} or {@code union NAME} not expanded inline: its layout, if the set has it. */
    private static StructLayout named(String type, LayoutSet layouts) {
        for (String keyword : new String[] {"struct ", "union "}) {
            if (type.startsWith(keyword)) {
                return layouts.find(type.substring(keyword.length()).trim()).orElse(null);
            }
        }
        return null;
    }
}
