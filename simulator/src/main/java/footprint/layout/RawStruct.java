package footprint.layout;

import java.util.ArrayList;
import java.util.List;

/** A struct or union as the parser read it, before alignments are resolved (offsets absolute). */
final class RawStruct {
    final String name;
    final boolean union;
    final String source;
    final int line;
    final List<RawMember> members = new ArrayList<>();
    int alignedAttribute;
    boolean packed;
    /** Size from pahole's summary (top level) or the closing comment (nested); -1 if unknown. */
    long size = -1;
    PaholeSummary summary;
    /** Absolute offset of this struct in the outermost struct (0 at top level). */
    long absOffset;
    int anonymousCount;

    /** The C spelling used as the pointee type of "} * name;" members. */
    String typeNameForPointer() {
        return (union ? "union" : "struct") + (name.isEmpty() ? " {...}" : " " + name);
    }

    RawStruct(String name, boolean union, String source, int line) {
        this.name = name;
        this.union = union;
        this.source = source;
        this.line = line;
    }
}
