package footprint.trace.perf;

import footprint.input.InputException;
import footprint.input.LineReader;
import java.io.IOException;
import java.nio.file.Path;

/** Streams the lines of a text file with their 1-based numbers; read errors become input errors. */
final class TextLines {
    private TextLines() {}

    interface LineHandler {
        void line(String text, int number);
    }

    static void forEach(Path file, LineHandler handler) {
        try (LineReader in = LineReader.open(file)) {
            for (String line; (line = in.next()) != null; ) {
                handler.line(line, in.lineNumber());
            }
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }
}
