package footprint.layout;

import java.util.List;

/** A member line as the parser read it; {@code offset} is absolute until its struct is closed. */
final class RawMember {
    String name;
    String type;
    long offset;
    long size;
    int bitOffset;
    int bitSize;
    boolean bitfield;
    List<Long> dims = List.of();
    int alignedAttribute;
    boolean anonymous;
    RawStruct nested;
    int line;
}
