package footprint.compare;

/**
 * The bytes of one struct under one layout, one character per byte: {@code #} accessed by the
 * trace, {@code m} an unaccessed member, {@code .} a hole or padding.
 */
public record DensityMap(String side, String object, String structType, long size, int lineSize, String bytes) {
    public static final char HOT = '#';
    public static final char MEMBER = 'm';
    public static final char HOLE = '.';

    public int lines() {
        return (int) ((size + lineSize - 1) / lineSize);
    }

    /** The map of line {@code line} (at most lineSize characters). */
    public String line(int line) {
        int from = line * lineSize;
        return bytes.substring(from, (int) Math.min(size, from + lineSize));
    }

    public int hotBytes(int line) {
        return (int) line(line).chars().filter(c -> c == HOT).count();
    }
}
