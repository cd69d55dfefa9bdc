package footprint.layout;

import java.util.List;

/**
 * One member of a struct or union as pahole prints it, with the alignment the layout engine uses.
 *
 * <p>{@code offset} is in bytes relative to the enclosing {@link StructLayout}; for a bitfield it is
 * the offset of its storage unit and {@code size} the unit's size (pahole prints
 * {@code byte:bit size}), {@code bitOffset}/{@code bitSize} locate the bits inside the unit.
 * {@code type} is the C type without array dimensions ({@code dims}, outermost first; empty for a
 * scalar). {@code nested} is the expanded body of an anonymous or {@code pahole -E} member, else null.
 * {@code name} of an anonymous struct/union member is {@code __anonN} (N counts the anonymous
 * members of the enclosing level in order, from 0); a zero-width bitfield {@code :0} is {@code ""}.
 */
public record Member(
        String name,
        String type,
        long offset,
        long size,
        int bitOffset,
        int bitSize,
        StructLayout nested,
        boolean bitfield,
        List<Long> dims,
        int alignedAttribute,
        int alignment,
        AlignmentSource alignmentSource,
        boolean anonymous,
        int line) {

    public Member {
        dims = List.copyOf(dims);
    }

    /** Prefix of the stable names given to anonymous struct/union members. */
    public static final String ANON_PREFIX = "__anon";

    public boolean isArray() {
        return !dims.isEmpty();
    }

    /** Number of array elements (product of all dimensions; 1 for a non-array, 0 for {@code [0]}). */
    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** A zero-width bitfield ({@code unsigned int :0;}): forces the next member to a new unit. */
    public boolean isZeroWidthBitfield() {
        return bitfield && bitSize == 0;
    }

    /** The type with its array dimensions, e.g. {@code u64[4]}. */
    public String declaredType() {
        StringBuilder sb = new StringBuilder(type);
        for (long d : dims) {
            sb.append('[').append(d).append(']');
        }
        return sb.toString();
    }

    /** Bit offset of the first bit this member occupies, from the start of the enclosing struct. */
    public long startBit() {
        return offset * 8 + (bitfield ? bitOffset : 0);
    }

    /** Bit offset just past the last bit this member occupies. */
    public long endBit() {
        return bitfield ? startBit() + bitSize : (offset + size) * 8;
    }

    Member withAlignment(int newAlignment, AlignmentSource newSource) {
        return new Member(name, type, offset, size, bitOffset, bitSize, nested, bitfield, dims,
                alignedAttribute, newAlignment, newSource, anonymous, line);
    }

    Member withSize(long newSize) {
        return new Member(name, type, offset, newSize, bitOffset, bitSize, nested, bitfield, dims,
                alignedAttribute, alignment, alignmentSource, anonymous, line);
    }

    Member withPlacement(long newOffset, int newBitOffset) {
        return new Member(name, type, newOffset, size, newBitOffset, bitSize, nested, bitfield, dims,
                alignedAttribute, alignment, alignmentSource, anonymous, line);
    }
}
