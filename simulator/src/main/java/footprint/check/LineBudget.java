package footprint.check;

import footprint.input.InputException;
import footprint.input.LineReader;
import footprint.trace.TraceStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line budget: per exit and object, the most cachelines the exit may touch in the object, read
 * from or written to a text file of {@code EXIT OBJECT LINES} lines with {@code #} comments.
 */
public record LineBudget(Path file, List<Entry> entries) {
    /** The cacheline size of every budget; the default of 'trace stats'. */
    public static final int LINE_SIZE = 64;

    /** One budget line: the exit, the object, its line budget, and the file line it was read from (0 when built). */
    public record Entry(String exit, String object, long lines, int fileLine) {}

    public LineBudget {
        entries = List.copyOf(entries);
    }

    /** The budget file text that allows each exit exactly the lines it touches in {@code stats}. */
    public static String write(String trace, List<String> layouts, List<TraceStats.ExitStats> stats) {
        StringBuilder out = new StringBuilder();
        out.append("# footprint line budget: the most ").append(LINE_SIZE)
                .append("-byte cachelines each exit may touch per object, each object on a line boundary\n");
        out.append("# (as 'footprint trace stats' counts them); checked by 'footprint check --budget'\n");
        out.append("# trace: ").append(trace).append('\n');
        for (String layout : layouts) {
            out.append("# layout: ").append(layout).append('\n');
        }
        out.append("# EXIT OBJECT LINES\n");
        for (TraceStats.ExitStats e : stats) {
            for (TraceStats.ObjectStats o : e.objects()) {
                out.append(e.exit()).append(' ').append(o.object()).append(' ').append(o.touchedLines()).append('\n');
            }
        }
        return out.toString();
    }

    /** Reads a budget file; a malformed or repeated line is an {@link InputException} naming it. */
    public static LineBudget read(Path file) {
        List<String> text = LineReader.readAll(file);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < text.size(); i++) {
            int lineNo = i + 1;
            String line = text.get(i);
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] words = body.split("\\s+");
            if (words.length != 3) {
                throw new InputException(file, lineNo, "expected 'EXIT OBJECT LINES', got " + words.length + " word(s): '"
                        + body + "'");
            }
            long lines = parseLines(file, lineNo, words[2]);
            Integer previous = seen.putIfAbsent(words[0] + " " + words[1], lineNo);
            if (previous != null) {
                throw new InputException(file, lineNo, "exit " + words[0] + " object " + words[1]
                        + " already has a budget on line " + previous);
            }
            entries.add(new Entry(words[0], words[1], lines, lineNo));
        }
        return new LineBudget(file, entries);
    }

    private static long parseLines(Path file, int lineNo, String word) {
        long lines;
        try {
            lines = Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new InputException(file, lineNo, "LINES must be a whole number of cachelines, got '" + word + "'");
        }
        if (lines < 1) {
            // An exit that touches an object touches at least one of its lines.
            throw new InputException(file, lineNo, "LINES must be at least 1, got " + lines);
        }
        return lines;
    }
}
