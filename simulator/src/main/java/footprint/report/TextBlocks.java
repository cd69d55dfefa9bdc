package footprint.report;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for plain-text reports that must fit a patch cover letter (72 columns). */
final class TextBlocks {
    static final int WIDTH = 72;
    /** What every interval and p-value of a comparison rests on, said the same way in every format. */
    static final String STATISTICS = "Intervals and p-values are 95% Student-t over independent replicates"
            + " (own seed each for the exit order, the guest's addresses and the placement), paired by replicate:"
            + " one mean difference per replicate, not one per exit. " + TextBlocks.WARMUP;
    /** What {@code ReplayDriver.warmupExits} does, said where the numbers are printed. */
    static final String WARMUP = "Each replicate first replays a tenth of its exits uncounted, to warm the caches.";

    private TextBlocks() {}

    /** Wraps {@code text} at spaces to {@link #WIDTH}; continuation lines get {@code indent}. */
    static List<String> wrap(String text, String firstIndent, String indent) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstIndent);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            // A single word longer than the width (a path, a hash) is cut, never left overlong.
            while (line.length() + word.length() > WIDTH) {
                int room = WIDTH - line.length();
                line.append(word, 0, room);
                out.add(line.toString());
                word = word.substring(room);
                line = new StringBuilder(indent);
            }
            line.append(word);
            empty = false;
        }
        if (!empty || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    /** Cuts a cell to {@code width} characters, marking the cut with "~". */
    static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
