package footprint.trace.perf;

import footprint.input.InputException;
import footprint.input.LineReader;
import java.io.IOException;
import java.nio.file.Path;

/** Streams the lines of a text file with their 1-based numbers; read errors become input errors. */
final class TextLines {
    /** The longest line of a perf report or script accepted. */
    static final int MAX_LINE = 4096;

    private TextLines() {}

    interface LineHandler {
        void line(String text, int number);
    }

    static void forEach(Path file, LineHandler handler) {
        try (LineReader in = LineReader.open(file)) {
            for (String line; (line = in.next()) != null; ) {
                if (line.length() > MAX_LINE) {
                    // perf prints short lines; the patterns that read them need not face megabytes
                    throw new InputException(file, in.lineNumber(), "line longer than " + MAX_LINE
                            + " characters; not perf output");
                }
                handler.line(line, in.lineNumber());
            }
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }
}
