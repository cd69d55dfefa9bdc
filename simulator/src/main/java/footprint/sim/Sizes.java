package footprint.sim;

import java.util.Locale;

/** Parses and prints byte sizes as the command line writes them: 0, 512, 24k, 1M, 4m, 1g. */
public final class Sizes {
    private Sizes() {}

    /** Returns the size in bytes, or throws IllegalArgumentException naming the text. */
    public static long parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (t.endsWith("k")) {
            unit = 1L << 10;
        } else if (t.endsWith("m")) {
            unit = 1L << 20;
        } else if (t.endsWith("g")) {
            unit = 1L << 30;
        }
        if (unit != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 0, 512, 24k, 1M)");
        }
    }

    public static String format(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "G";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "M";
        }
        if (bytes != 0 && bytes % 1024 == 0) {
            return bytes / 1024 + "k";
        }
        return Long.toString(bytes);
    }
}
