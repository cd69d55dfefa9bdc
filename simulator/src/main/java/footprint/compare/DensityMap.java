package footprint.compare;

import java.util.List;

/**
 * The bytes of one struct under one layout with the accessed bytes marked, one character per
 * byte as the layout package's {@code DensityChart} draws them: a letter per top-level member
 * (upper case where accessed), {@code .} a hole, {@code _} trailing padding, {@code !} an
 * accessed byte outside any member. {@code members} are the top-level members and, inside them,
 * the accessed fields, each with the exits whose accesses land in it (empty for a type without a
 * layout).
 */
public record DensityMap(String side, String object, String structType, long size, int lineSize, String bytes,
        List<MemberBytes> members) {

    /** A top-level member's bytes {@code [offset, offset + size)} and the exits that access them. */
    public record MemberBytes(String name, long offset, long size, List<String> exits) {
        public MemberBytes {
            exits = List.copyOf(exits);
        }
    }

    public DensityMap {
        members = List.copyOf(members);
    }

    /** The innermost member or field holding byte {@code offset}, if any (null in a hole or the padding). */
    public MemberBytes memberAt(long offset) {
        MemberBytes found = null;
        for (MemberBytes m : members) {
            if (m.offset() <= offset && offset < m.offset() + m.size() && (found == null || m.size() < found.size())) {
                found = m;
            }
        }
        return found;
    }

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
