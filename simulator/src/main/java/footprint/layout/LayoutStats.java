package footprint.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * What pahole's summary reports, counted by the tool itself at the struct's own level (not inside
 * nested structs), as pahole counts it: a bitfield run ends at the end of its storage unit (the rest
 * of the unit is a bit hole), unnamed bitfields are holes, forced-alignment holes are holes.
 */
public record LayoutStats(
        long size,
        long cachelines,
        int members,
        long sumMembers,
        int holes,
        long sumHoles,
        int bitHoles,
        long sumBitHoles,
        long padding,
        long bitPadding,
        List<Hole> holeList) {

    /** A gap before {@code beforeMember}: {@code bytes} and {@code bits} are both possible at once. */
    public record Hole(String afterMember, String beforeMember, long offset, long bytes, long bits) {}

    public static LayoutStats of(StructLayout s) {
        int members = 0;
        long sumMembers = 0;
        List<Hole> holes = new ArrayList<>();
        long endBit = 0;
        long unitEndBit = 0;
        boolean inRun = false;
        String prev = null;
        for (Member m : s.members()) {
            if (m.bitfield() && m.name().isEmpty()) {
                continue;
            }
            members++;
            sumMembers += m.bitfield() ? 0 : m.size();
            if (s.union()) {
                continue;
            }
            long start = m.startBit();
            if (prev != null && start > endBit) {
                long bits;
                long bytes;
                if (start >= unitEndBit) {
                    bits = unitEndBit - endBit;
                    bytes = (start - unitEndBit) / 8;
                } else {
                    bits = start - endBit;
                    bytes = 0;
                }
                if (bits > 0 || bytes > 0) {
                    holes.add(new Hole(prev, m.name(), endBit / 8, bytes, bits));
                }
            }
            long end = m.endBit();
            if (m.bitfield()) {
                // A run of bitfields ends at the end of the widest storage unit it opened (or at the
                // next byte, where a packed bitfield runs past its unit); the rest is a bit hole.
                long unitEnd = Math.max((m.offset() + m.size()) * 8, (end + 7) / 8 * 8);
                unitEndBit = inRun ? Math.max(unitEndBit, unitEnd) : unitEnd;
                endBit = Math.max(endBit, end);
                inRun = true;
            } else {
                endBit = Math.max(endBit, end);
                unitEndBit = endBit;
                inRun = false;
            }
            prev = m.name();
        }
        int byteHoles = 0;
        long sumHoles = 0;
        int bitHoles = 0;
        long sumBitHoles = 0;
        for (Hole h : holes) {
            if (h.bytes() > 0) {
                byteHoles++;
                sumHoles += h.bytes();
            }
            if (h.bits() > 0) {
                bitHoles++;
                sumBitHoles += h.bits();
            }
        }
        long used = s.union() ? maxSize(s) * 8 : unitEndBit;
        long padding = s.size() - (used + 7) / 8;
        long bitPadding = s.union() ? 0 : unitEndBit - endBit;
        return new LayoutStats(s.size(), s.cachelines(), members, sumMembers, byteHoles, sumHoles, bitHoles,
                sumBitHoles, Math.max(0, padding), bitPadding, List.copyOf(holes));
    }

    private static long maxSize(StructLayout s) {
        long max = 0;
        for (Member m : s.members()) {
            max = Math.max(max, m.size());
        }
        return max;
    }

    /** Warnings where pahole's summary comment for {@code s} disagrees with this count. */
    List<String> disagreements(StructLayout s) {
        PaholeSummary d = s.origin().declared();
        List<String> out = new ArrayList<>();
        if (d == null) {
            return out;
        }
        check(out, "cachelines", d.cachelines(), cachelines);
        check(out, "members", d.members(), members);
        check(out, "holes", d.holes(), holes);
        check(out, "sum holes", d.sumHoles(), sumHoles);
        check(out, "bit holes", d.bitHoles(), bitHoles);
        check(out, "sum bit holes", d.sumBitHoles(), sumBitHoles);
        check(out, "padding", d.padding(), padding);
        if (out.isEmpty()) {
            return out;
        }
        return List.of(s.source() + ":" + d.line() + ": pahole's summary of " + s.typeName() + " disagrees: "
                + String.join(", ", out));
    }

    private static void check(List<String> out, String what, long pahole, long ours) {
        // pahole omits a summary item that is zero.
        long p = pahole < 0 ? 0 : pahole;
        if (p != ours) {
            out.add(what + " " + p + " (counted " + ours + ")");
        }
    }
}
