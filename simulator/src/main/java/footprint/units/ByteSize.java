package footprint.units;

import java.util.Locale;

/**
 * A number of bytes as the command line, the model files and the reports write it: {@code 0},
 * {@code 512}, {@code 24k}, {@code 1M}, {@code 4G}. Suffixes are powers of 1024; parsing also takes
 * upper or lower case, a trailing {@code b} and the IEC spelling ({@code 32KiB}, {@code 1mb}).
 */
public record ByteSize(long bytes) {
    private static final String EXAMPLES = "examples: 0, 512, 24k, 32KiB, 1M, 4G";

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    /** Parses a size; throws IllegalArgumentException naming the text and showing valid forms. */
    public static ByteSize parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ib") && t.length() > 2 && "kmg".indexOf(t.charAt(t.length() - 3)) >= 0) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = t.isEmpty() ? 0 : switch (t.charAt(t.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (shift > 0) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a size: '" + text + "' (" + EXAMPLES + ")");
        }
        try {
            return new ByteSize(Math.multiplyExact(Long.parseLong(t), 1L << shift));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("size too large: '" + text + "' (at most 2^63 - 1 bytes)");
        }
    }

    /** {@code bytes} with the largest suffix that divides it exactly: 32768 -> 32k, 0 -> 0. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "G";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "M";
        }
        if (bytes != 0 && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "k";
        }
        return Long.toString(bytes);
    }

    @Override
    public String toString() {
        return format(bytes);
    }
}
