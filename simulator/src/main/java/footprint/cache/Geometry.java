package footprint.cache;

import footprint.units.ByteSize;

/**
 * The shape of one set-associative cache: capacity, ways and line size, with the set count,
 * masks and shifts derived once so the lookup path only shifts and masks.
 */
public record Geometry(long sizeBytes, int ways, int lineSize) {
    public Geometry {
        if (lineSize <= 0 || Integer.bitCount(lineSize) != 1) {
            throw new IllegalArgumentException("line size must be a power of two, got " + lineSize);
        }
        if (ways <= 0) {
            throw new IllegalArgumentException("ways must be positive, got " + ways);
        }
        if (sizeBytes <= 0 || sizeBytes % ((long) ways * lineSize) != 0) {
            throw new IllegalArgumentException("size " + sizeBytes + " is not a multiple of ways x line size ("
                    + ways + " x " + lineSize + ")");
        }
        long sets = sizeBytes / ((long) ways * lineSize);
        if (Long.bitCount(sets) != 1) {
            // Set index = low bits of the line number, as in every x86 cache the models cover.
            throw new IllegalArgumentException("set count " + sets + " (= " + sizeBytes + " / (" + ways + " x "
                    + lineSize + ")) is not a power of two");
        }
        if (sets * ways > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cache too large: " + sets * ways + " lines");
        }
    }

    /** Number of sets: size / (ways x line size), a power of two. */
    public int sets() {
        return (int) (sizeBytes / ((long) ways * lineSize));
    }

    /** log2 of the line size: address >>> lineShift() is the line number. */
    public int lineShift() {
        return Integer.numberOfTrailingZeros(lineSize);
    }

    /** sets() - 1: line number & setMask() is the set index. */
    public int setMask() {
        return sets() - 1;
    }

    /**
     * Parses {@code SIZE:WAYS:LINE}, e.g. {@code 32k:8:64} or {@code 1M:16:64}, SIZE as {@link ByteSize}
     * reads it.
     */
    public static Geometry parse(String spec) {
        String[] parts = spec.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected SIZE:WAYS:LINE such as 32k:8:64, got '" + spec + "'");
        }
        long size;
        int ways;
        int line;
        try {
            size = ByteSize.parse(parts[0]).bytes();
            ways = Integer.parseInt(parts[1].trim());
            line = Integer.parseInt(parts[2].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected SIZE:WAYS:LINE such as 32k:8:64 or 32KiB:8:64, got '" + spec + "'");
        }
        return new Geometry(size, ways, line);
    }

    /** The geometry written back as {@code SIZE:WAYS:LINE}, with the largest exact k/m suffix. */
    @Override
    public String toString() {
        return ByteSize.format(sizeBytes) + ":" + ways + ":" + lineSize;
    }
}
