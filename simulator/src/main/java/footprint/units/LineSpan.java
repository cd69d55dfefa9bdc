package footprint.units;

/**
 * The cachelines an access touches: line numbers {@code first} to {@code last}, inclusive, where
 * the line of an address is {@code address >>> shift} (addresses unsigned, {@code shift} = log2 of
 * the line size). An access touches at least its first line, and it does not wrap past the top of
 * the address space. The static methods answer the same for the replay loops without allocating.
 */
public record LineSpan(long first, long last) {

    /** The lines of {@code size} bytes at {@code address} under {@code lineSize}-byte lines. */
    public static LineSpan of(long address, long size, int lineSize) {
        int shift = shift(lineSize);
        return new LineSpan(first(address, shift), last(address, size, shift));
    }

    /** log2 of a power-of-two line size. */
    public static int shift(int lineSize) {
        if (lineSize <= 0 || Integer.bitCount(lineSize) != 1) {
            throw new IllegalArgumentException("line size must be a power of two, got " + lineSize);
        }
        return Integer.numberOfTrailingZeros(lineSize);
    }

    public static long first(long address, int shift) {
        return address >>> shift;
    }

    public static long last(long address, long size, int shift) {
        long end = address + Math.max(size, 1) - 1;
        return Long.compareUnsigned(end, address) < 0 ? -1L >>> shift : end >>> shift;
    }

    /** How many lines {@code size} bytes at {@code address} touch (2 for an access that straddles a boundary). */
    public static long count(long address, long size, int shift) {
        return last(address, size, shift) - first(address, shift) + 1;
    }

    public long count() {
        return last - first + 1;
    }

    public boolean contains(long line) {
        return first <= line && line <= last;
    }
}
