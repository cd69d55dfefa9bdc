package footprint.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Alignments a pahole dump does not print, inferred from the offsets and sizes it does print. A
 * re-layout rests on them, so every one is marked as a guess ({@link AlignmentSource#INFERRED},
 * {@link AlignmentGuesses}).
 */
final class AlignmentInference {
    private AlignmentInference() {}

    /**
     * The struct as the dump places it ({@code members} with their resolved alignments, offsets as
     * printed), with the packing and alignments the dump leaves out inferred; {@code members} is
     * changed in place.
     */
    static StructLayout asPrinted(RawStruct raw, List<Member> members) {
        if (raw.size >= 0 && !raw.union) {
            dropUnneededZeroWidthBitfields(raw, members);
        }
        boolean packingInferred = !raw.packed && !raw.union && raw.size >= 0 && onlyPackingExplains(members);
        boolean packed = raw.packed || packingInferred;
        if (!packed) {
            capByObservedLayout(raw, members);
            if (raw.size >= 0 && !raw.union) {
                learnFromObservedOffsets(raw, members);
            }
        }
        int alignedAttribute = raw.alignedAttribute;
        int alignmentFromSize = 0;
        if (raw.size > 0) {
            alignmentFromSize = alignmentFromSize(raw, members, packed);
            alignedAttribute = Math.max(alignedAttribute, alignmentFromSize);
        }
        LayoutRules rules = new LayoutRules(raw.union, packed, alignedAttribute);
        AlignmentGuesses guesses = new AlignmentGuesses(
                alignmentFromSize > 0 || !packed && alignmentGuessed(members, raw), packingInferred, alignmentFromSize);
        return new StructLayout(raw.name, rules, raw.size, LayoutEngine.alignment(members, rules), members,
                new Origin(raw.source, raw.line, raw.summary), guesses, false);
    }

    /**
     * A guess for a type the dump does not define (a typedef in plain pahole output): the largest
     * power of two up to 8 that divides both the element size and the observed offset; 1 for an
     * empty or zero-length member.
     */
    static int memberAlignment(long elementSize, long offset) {
        long a = 8;
        if (elementSize == 0) {
            return 1; // an empty type (e.g. lockdep_map_p without lockdep) has nothing to align
        }
        if (elementSize > 0) {
            a = Math.min(a, Long.lowestOneBit(elementSize));
        }
        if (offset > 0) {
            a = Math.min(a, Long.lowestOneBit(offset));
        }
        return (int) a;
    }

    /**
     * An inferred alignment that places a member before the offset pahole printed is too small:
     * raise it to the largest power of two (up to 64) dividing the observed offset. Still a guess.
     * Zero-size members get the same treatment: BTF keeps no alignment attributes, so the
     * kernel's {@code __aligned} cacheline-group markers and flexible arrays show only as holes.
     */
    private static void learnFromObservedOffsets(RawStruct raw, List<Member> members) {
        LayoutRules probe = new LayoutRules(false, false, raw.alignedAttribute);
        for (int round = 0; round < members.size(); round++) {
            List<Member> placed = LayoutEngine.place(probe, members).members();
            int fix = -1;
            for (int i = 0; i < members.size() && fix < 0; i++) {
                Member m = members.get(i);
                if (m.bitfield() || placed.get(i).offset() == m.offset()) {
                    continue;
                }
                boolean guessable = m.alignmentSource() == AlignmentSource.INFERRED || m.size() == 0;
                if (placed.get(i).offset() < m.offset() && guessable && m.offset() > 0) {
                    fix = i;
                } else {
                    return;
                }
            }
            if (fix < 0) {
                return;
            }
            Member m = members.get(fix);
            int learned = (int) Math.min(64, Long.lowestOneBit(m.offset()));
            if (learned <= m.alignment()) {
                return;
            }
            members.set(fix, m.withAlignment(learned, AlignmentSource.INFERRED));
        }
    }

    /**
     * Debug info holds no unnamed bitfields: every {@code :0} in pahole's output is pahole's own
     * guess, printed whenever a bitfield starts a new storage unit, even where the ABI's
     * no-straddle rule already moves it there. Such a {@code :0} would pin the next member to a
     * fresh unit in any re-layout, so keep only those the own-order layout needs (as in
     * task_struct, whose source has "unsigned :0").
     */
    private static void dropUnneededZeroWidthBitfields(RawStruct raw, List<Member> members) {
        for (int i = members.size() - 1; i >= 0; i--) {
            if (!members.get(i).isZeroWidthBitfield() || !members.get(i).name().isEmpty()) {
                continue;
            }
            List<Member> without = new ArrayList<>(members);
            without.remove(i);
            LayoutRules probe = new LayoutRules(false, raw.packed, raw.alignedAttribute);
            List<Member> with = LayoutEngine.place(probe, members).members();
            List<Member> again = LayoutEngine.place(probe, without).members();
            boolean same = true;
            for (int j = i + 1; j < members.size() && same; j++) {
                Member a = with.get(j);
                Member b = again.get(j - 1);
                same = a.offset() == b.offset() && a.bitOffset() == b.bitOffset();
            }
            if (same) {
                members.remove(i);
            }
        }
    }

    /**
     * A size larger than the members and their alignments explain means a struct alignment
     * the dump does not print (DWARF keeps no {@code __aligned__} of a packed struct): the
     * smallest power of two that pads the members to the printed size. 0 when nothing is missing.
     */
    private static int alignmentFromSize(RawStruct raw, List<Member> members, boolean packed) {
        for (int a = 1; a <= 64; a *= 2) {
            LayoutRules probe = new LayoutRules(raw.union, packed, Math.max(raw.alignedAttribute, a));
            long size = LayoutEngine.place(probe, members).size();
            if (size == raw.size) {
                return a == 1 || a <= LayoutEngine.alignment(members, new LayoutRules(raw.union, packed, raw.alignedAttribute)) ? 0 : a;
            }
            if (size > raw.size) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * A member whose known alignment does not divide its offset, or a bitfield that runs past its
     * storage unit, exists only in a packed struct. DWARF does not record {@code __packed__}, so
     * pahole often does not print it; the offsets give it away.
     */
    private static boolean onlyPackingExplains(List<Member> members) {
        for (Member m : members) {
            if (m.bitfield()) {
                if (!m.name().isEmpty() && m.bitOffset() + m.bitSize() > m.size() * 8) {
                    return true;
                }
                continue;
            }
            AlignmentSource src = m.alignmentSource();
            // Only alignments the ABI or an attribute fixes count as evidence: a looked-up or
            // expanded type may itself be packed without pahole saying so.
            boolean known = src == AlignmentSource.NATURAL || src == AlignmentSource.ATTRIBUTE;
            if (known && m.alignment() > 1 && m.offset() % m.alignment() != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A member's alignment divides its offset and the size of the struct around it. Where a
     * guessed, expanded or looked-up alignment contradicts that (a typedef guessed too large, a
     * nested {@code __packed__} type whose attribute pahole -E does not print), lower it to what
     * the dump shows, as a guess.
     */
    private static void capByObservedLayout(RawStruct raw, List<Member> members) {
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            AlignmentSource src = m.alignmentSource();
            if (m.bitfield() || src == AlignmentSource.NATURAL || src == AlignmentSource.ATTRIBUTE) {
                continue;
            }
            long cap = 64;
            if (!raw.union && m.offset() > 0) {
                cap = Math.min(cap, Long.lowestOneBit(m.offset()));
            }
            if (raw.size > 0) {
                cap = Math.min(cap, Long.lowestOneBit(raw.size));
            }
            if (m.alignment() > cap) {
                members.set(i, m.withAlignment((int) cap, AlignmentSource.INFERRED));
            }
        }
    }

    /** True when an inferred member alignment could change the struct's alignment. */
    private static boolean alignmentGuessed(List<Member> members, RawStruct raw) {
        if (raw.packed) {
            return false;
        }
        int known = raw.alignedAttribute;
        long possible = 0;
        for (Member m : members) {
            if (m.bitfield() && m.name().isEmpty()) {
                continue;
            }
            if (m.alignmentSource() == AlignmentSource.INFERRED) {
                // The true alignment divides the element size, the offset and the struct size.
                long count = m.elementCount();
                long element = count > 0 ? m.size() / count : 0;
                long bound = element > 0 ? Math.min(64, Long.lowestOneBit(element)) : 1;
                if (!raw.union && m.offset() > 0) {
                    bound = Math.min(bound, Long.lowestOneBit(m.offset()));
                }
                if (raw.size > 0) {
                    bound = Math.min(bound, Long.lowestOneBit(raw.size));
                }
                possible = Math.max(possible, Math.max(bound, m.alignment()));
            } else {
                known = Math.max(known, m.alignment());
            }
        }
        return possible > known;
    }
}
