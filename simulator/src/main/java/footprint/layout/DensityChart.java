package footprint.layout;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One text row per cacheline, one character per byte (or per two bytes when compact): which bytes
 * belong to members, which are holes and which are trailing padding. An optional overlay marks
 * hot (accessed) bytes in upper case.
 */
public final class DensityChart {
    public static final char HOLE = '.';
    public static final char PADDING = '_';
    public static final char MIXED = ':';
    public static final char HOT_GAP = '!';

    /** Legend lines printed under the chart. */
    public static final List<String> LEGEND = List.of(
            "a-z  bytes of a top-level member (the letter cycles per member, so neighbours differ)",
            "A-Z  hot bytes of a member (accessed, when an access overlay is given)",
            ".    hole between members (alignment, forced alignment or bit holes rounded to bytes)",
            "_    trailing padding",
            ":    compact mode only: two bytes, one in a member and one in a hole or padding",
            "!    a hot byte outside any member");

    private final StructLayout layout;
    private final char[] cls;
    private final List<List<String>> startsInRow = new ArrayList<>();
    /** The largest struct drawn: 1 Mi rows, far above any kernel struct (struct kvm is 40 KiB). */
    static final long MAX_BYTES = 64L << 20;

    private DensityChart(StructLayout s) {
        if (s.size() > MAX_BYTES) {
            // one character per byte and a row per line: a 100 GB struct would fill any heap
            throw new footprint.input.InputException(s.source(), s.line(), s.typeName() + " is " + s.size()
                    + " bytes; density maps draw structs up to " + (MAX_BYTES >> 20) + " MiB");
        }
        this.layout = s;
        int size = (int) s.size();
        this.cls = new char[size];
        java.util.Arrays.fill(cls, HOLE);
        long lastEnd = 0;
        int index = 0;
        for (int r = 0; r < s.cachelines(); r++) {
            startsInRow.add(new ArrayList<>());
        }
        for (Member m : s.members()) {
            if (m.bitfield() && m.name().isEmpty()) {
                continue;
            }
            char letter = (char) ('a' + index % 26);
            index++;
            long from = m.startBit() / 8;
            long to = Math.min(size, (m.endBit() + 7) / 8);
            for (long b = from; b < to; b++) {
                if (cls[(int) b] == HOLE) {
                    cls[(int) b] = letter;
                }
            }
            if (from < size) {
                startsInRow.get((int) (from / 64)).add(m.name());
            }
            lastEnd = Math.max(lastEnd, to);
        }
        for (long b = lastEnd; b < size; b++) {
            cls[(int) b] = PADDING;
        }
    }

    /** Fewest identical lines in a row that {@link #render} folds into the first of them and a note. */
    public static final int FOLD_AT = 4;

    /**
     * Renders the chart; {@code hot} (may be null) holds byte offsets in the struct that were
     * accessed. Unless {@code all}, a run of {@link #FOLD_AT} or more identical lines inside one
     * member (a large array, a nested struct without holes) shows as its first line and a note.
     */
    public static String render(StructLayout s, boolean compact, BitSet hot, boolean all) {
        return new DensityChart(s).text(compact, hot, all);
    }

    /** The rows without labels (one string per cacheline), for JSON and tests. */
    public static List<Row> rows(StructLayout s, boolean compact, BitSet hot) {
        DensityChart c = new DensityChart(s);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < s.cachelines(); r++) {
            rows.add(new Row(r * 64L, c.cells(r, compact, hot), List.copyOf(c.startsInRow.get(r))));
        }
        return rows;
    }

    /** The whole chart as data (what {@code density --format json} prints): every row, none folded. */
    public static Chart chart(StructLayout s, boolean compact, BitSet hot) {
        return new Chart(s.name(), s.size(), s.cachelines(), compact ? 2 : 1, rows(s, compact, hot), LEGEND);
    }

    /** A struct's rows with what a reader needs to decode them. */
    public record Chart(String name, long size, long cachelines, int bytesPerChar, List<Row> rows, List<String> legend) {}

    /** One cacheline: its offset, its characters, the members that start in it. */
    public record Row(long offset, String cells, List<String> membersStarting) {}

    private String text(boolean compact, BitSet hot, boolean all) {
        StringBuilder sb = new StringBuilder();
        int width = compact ? 32 : 64;
        sb.append(layout.typeName()).append(": ").append(layout.size()).append(" bytes, ").append(layout.cachelines())
                .append(" cachelines, one character per ").append(compact ? "two bytes" : "byte").append('\n');
        List<Row> rows = rows(layout, compact, hot);
        String member = "";
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            sb.append(String.format(Locale.ROOT, "%6d |%-" + width + "s| ", row.offset(), row.cells()));
            sb.append(String.join(" ", row.membersStarting()));
            while (sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 1);
            }
            sb.append('\n');
            if (!row.membersStarting().isEmpty()) {
                member = row.membersStarting().get(row.membersStarting().size() - 1);
            }
            int same = 1;
            while (r + same < rows.size() && sameLine(row, rows.get(r + same))) {
                same++;
            }
            if (!all && same >= FOLD_AT) {
                Row last = rows.get(r + same - 1);
                sb.append(String.format(Locale.ROOT, "%6s  ... %d more lines as above, to offset %d (%s)%n", "",
                        same - 1, last.offset() + 63, member));
                r += same - 1;
            }
        }
        sb.append('\n');
        for (String l : LEGEND) {
            if (!compact && l.startsWith(":")) {
                continue;
            }
            if (hot == null && (l.startsWith("A-Z") || l.startsWith("!"))) {
                continue;
            }
            sb.append("  ").append(l).append('\n');
        }
        return sb.toString();
    }

    private static boolean sameLine(Row a, Row b) {
        return b.membersStarting().isEmpty() && a.cells().equals(b.cells());
    }

    private String cells(int row, boolean compact, BitSet hot) {
        int from = row * 64;
        int to = (int) Math.min(layout.size(), from + 64L);
        StringBuilder sb = new StringBuilder(64);
        int step = compact ? 2 : 1;
        for (int b = from; b < to; b += step) {
            char c = cell(b, hot);
            if (compact && b + 1 < to) {
                char d = cell(b + 1, hot);
                if (c != d) {
                    boolean cGap = isGap(c);
                    boolean dGap = isGap(d);
                    if (cGap != dGap) {
                        c = MIXED;
                    } else if (!cGap) {
                        c = d; // two members: show the one that starts in this pair
                    }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isGap(char c) {
        return c == HOLE || c == PADDING || c == HOT_GAP;
    }

    private char cell(int b, BitSet hot) {
        char c = cls[b];
        if (hot != null && hot.get(b)) {
            return isGap(c) ? HOT_GAP : Character.toUpperCase(c);
        }
        return c;
    }
}
