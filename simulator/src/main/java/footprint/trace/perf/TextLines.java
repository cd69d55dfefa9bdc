package footprint.trace.perf;

import footprint.input.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams the lines of a text file with their 1-based numbers; read errors become input errors. */
final class TextLines {
    private TextLines() {}

    interface LineHandler {
        void line(String text, int number);
    }

    static void forEach(Path file, LineHandler handler) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                handler.line(line, ++n);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, 0, "no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(file, 0, "cannot read: " + e);
        }
    }
}
