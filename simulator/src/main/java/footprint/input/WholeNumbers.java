package footprint.input;

import java.nio.file.Path;

/** Whole numbers read from an input: one out of range is an error naming the file and line, not a NumberFormatException. */
public final class WholeNumbers {
    private WholeNumbers() {}

    /** {@code digits} in {@code radix} (a regular expression has already checked they are digits) as a long. */
    public static long parse(String digits, int radix, Path file, int line, String what) {
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new InputException(file, line, what + " " + digits + " is out of range (at most "
                    + Long.toString(Long.MAX_VALUE, radix) + ")");
        }
    }

    /** {@code digits} in {@code radix} as an unsigned 64-bit value (an address). */
    public static long parseUnsigned(String digits, int radix, Path file, int line, String what) {
        try {
            return Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new InputException(file, line, what + " " + digits + " is out of range (more than 64 bits)");
        }
    }
}
