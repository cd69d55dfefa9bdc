package footprint.input;

import java.nio.file.Path;

/**
 * Bad user input: a file, the line in it (0 when the problem is not tied to a line) and what
 * is wrong. The CLI prints it as {@code footprint: error: FILE:LINE: message} and exits 2.
 */
public final class InputException extends RuntimeException {
    private final String source;
    private final int line;
    private final String detail;

    public InputException(String source, int line, String detail) {
        super(format(source, line, detail));
        this.source = source;
        this.line = line;
        this.detail = detail;
    }

    public InputException(Path file, int line, String detail) {
        this(file == null ? null : file.toString(), line, detail);
    }

    /** An error about the command line or the inputs as a whole, not about one file. */
    public InputException(String detail) {
        this((String) null, 0, detail);
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }

    private static String format(String source, int line, String detail) {
        if (source == null) {
            return detail;
        }
        return line > 0 ? source + ":" + line + ": " + detail : source + ": " + detail;
    }
}
