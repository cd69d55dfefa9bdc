package footprint.compare;

/**
 * The bytes of one struct under one layout with the accessed bytes marked, one character per
 * byte as the layout package's {@code DensityChart} draws them: a letter per top-level member
 * (upper case where accessed), {@code .} a hole, {@code _} trailing padding, {@code !} an
 * accessed byte outside any member.
 */
public record DensityMap(String side, String object, String structType, long size, int lineSize, String bytes) {
    public static boolean isHot(char c) {
        return Character.isUpperCase(c) || c == '!';
    }

    public static boolean isGap(char c) {
        return c == '.' || c == '_';
    }

    public int lines() {
        return (int) ((size + lineSize - 1) / lineSize);
    }

    /** The map of line {@code line} (at most lineSize characters). */
    public String line(int line) {
        int from = line * lineSize;
        return bytes.substring(from, (int) Math.min(size, from + lineSize));
    }

    public int hotBytes(int line) {
        return (int) line(line).chars().filter(c -> isHot((char) c)).count();
    }
}
