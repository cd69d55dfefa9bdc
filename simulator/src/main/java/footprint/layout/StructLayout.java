package footprint.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A struct or union: its size, alignment and members in layout order. Offsets of members are
 * relative to the start of this struct. {@code name} is empty for an anonymous struct/union;
 * {@code declared} holds pahole's own summary numbers (null where pahole printed none);
 * {@code relaidOut} is true when the layout engine, not pahole, placed the members;
 * {@code alignmentGuessed} is true when {@code alignment} rests on an inferred member alignment;
 * {@code packingInferred} is true when pahole printed no {@code __packed__} but members sit at
 * offsets that only packing explains (DWARF does not record the attribute); {@code alignmentFromSize}
 * is the struct alignment guessed from a size larger than its members explain (0 if none).
 */
public record StructLayout(
        String name,
        boolean union,
        long size,
        int alignment,
        List<Member> members,
        int alignedAttribute,
        boolean packed,
        PaholeSummary declared,
        String source,
        int line,
        boolean relaidOut,
        boolean alignmentGuessed,
        boolean packingInferred,
        int alignmentFromSize) {

    public StructLayout {
        members = List.copyOf(members);
    }

    /** Lines a struct of this size spans when it starts on a cacheline boundary. */
    public long cachelines() {
        return (size + 63) / 64;
    }

    /** {@code struct NAME}, {@code union NAME}, or just the keyword when anonymous. */
    public String typeName() {
        String keyword = union ? "union" : "struct";
        return name.isEmpty() ? keyword : keyword + " " + name;
    }

    /** The member with this name at this level (anonymous members by their {@code __anonN} name). */
    public Optional<Member> member(String memberName) {
        for (Member m : members) {
            if (m.name().equals(memberName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Names of the members at this level, in layout order (zero-width bitfields left out). */
    public List<String> memberNames() {
        List<String> names = new ArrayList<>();
        for (Member m : members) {
            if (!m.isZeroWidthBitfield()) {
                names.add(m.name());
            }
        }
        return names;
    }

    StructLayout withMembers(List<Member> newMembers, long newSize, int newAlignment, boolean newRelaidOut) {
        return new StructLayout(name, union, newSize, newAlignment, newMembers, alignedAttribute, packed,
                declared, source, line, newRelaidOut, alignmentGuessed, packingInferred, alignmentFromSize);
    }
}
