package footprint.cache;

/**
 * The shape of one set-associative cache: capacity, ways and line size, with the set count,
 * masks and shifts derived once so the lookup path only shifts and masks.
 */
public record Geometry(long sizeBytes, int ways, int lineSize) {
    /** Lines per level at most: each costs a tag and a stamp (16 bytes) of heap, 1 GiB at this limit. */
    public static final long MAX_LINES = 1L << 26;

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
        if (sets * ways > MAX_LINES) {
            throw new IllegalArgumentException("cache too large: " + sets * ways + " lines (at most " + MAX_LINES
                    + ", 4 GiB of 64-byte lines; the largest real cache, AMD Genoa-X's L3, is 1.1 GiB)");
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
     * Parses {@code SIZE:WAYS:LINE}, e.g. {@code 32k:8:64} or {@code 1m:16:64} (suffixes k, m, g
     * are powers of 1024).
     */
    public static Geometry parse(String spec) {
        String[] parts = spec.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected SIZE:WAYS:LINE such as 32k:8:64, got '" + spec + "'");
        }
        try {
            return new Geometry(parseSize(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("expected SIZE:WAYS:LINE such as 32k:8:64, got '" + spec + "'");
        }
    }

    /** Parses a byte count with an optional k/m/g suffix (powers of 1024). */
    public static long parseSize(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ib")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> unit = 1;
            }
        }
        if (unit != 1) {
            t = t.substring(0, t.length() - 1);
        }
        return Math.multiplyExact(Long.parseLong(t), unit);
    }

    /** The geometry written back as {@code SIZE:WAYS:LINE}, with the largest exact k/m suffix. */
    @Override
    public String toString() {
        return formatSize(sizeBytes) + ":" + ways + ":" + lineSize;
    }

    /** A byte count with the largest exact binary suffix: 32768 -> "32k". */
    public static String formatSize(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "g";
        }
        if (bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "m";
        }
        if (bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "k";
        }
        return Long.toString(bytes);
    }
}
