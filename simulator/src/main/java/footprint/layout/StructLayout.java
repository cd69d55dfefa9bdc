package footprint.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A struct or union: its size, alignment and members in layout order. Offsets of members are
 * relative to the start of this struct. {@code name} is empty for an anonymous struct/union;
 * {@code rules} are the settings the layout engine places its members by; {@code relaidOut} is
 * true when the layout engine, not pahole, placed the members.
 */
public record StructLayout(
        String name,
        LayoutRules rules,
        long size,
        int alignment,
        List<Member> members,
        Origin origin,
        AlignmentGuesses guesses,
        boolean relaidOut) {

    public StructLayout {
        members = List.copyOf(members);
    }

    public boolean union() {
        return rules.union();
    }

    public boolean packed() {
        return rules.packed();
    }

    public int alignedAttribute() {
        return rules.alignedAttribute();
    }

    /** The dump this struct was read from. */
    public String source() {
        return origin.source();
    }

    /** The line of the dump where this struct begins. */
    public int line() {
        return origin.line();
    }

    /** Lines a struct of this size spans when it starts on a cacheline boundary. */
    public long cachelines() {
        return (size + 63) / 64;
    }

    /** {@code struct NAME}, {@code union NAME}, or just the keyword when anonymous. */
    public String typeName() {
        String keyword = union() ? "union" : "struct";
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

    /** This struct with its members placed anew by the layout engine. */
    StructLayout relaidOut(PlacedMembers placed, boolean newRelaidOut) {
        return new StructLayout(name, rules, placed.size(), placed.alignment(), placed.members(), origin, guesses,
                newRelaidOut);
    }
}
