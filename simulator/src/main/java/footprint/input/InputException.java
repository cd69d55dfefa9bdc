package footprint.input;

import java.nio.file.Path;

/**
 * Bad user input: a file, the line in it (0 when the problem is not tied to a line) and what
 * is wrong. The CLI prints it as {@code footprint: error: FILE:LINE: message} and exits 2.
 */
public final class InputException extends RuntimeException {
    /** Characters of a detail printed; the rest is cut (a quoted line can be megabytes long). */
    private static final int MAX_DETAIL = 400;

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
        String d = printable(detail);
        if (source == null) {
            return d;
        }
        return line > 0 ? source + ":" + line + ": " + d : source + ": " + d;
    }

    /**
     * The message is one line of reasonable length whatever the input held: a detail that quotes
     * a huge line is cut, and control characters (a terminal's escape sequences) are shown as
     * {@code \xNN}.
     */
    private static String printable(String detail) {
        String d = detail.length() > MAX_DETAIL
                ? detail.substring(0, MAX_DETAIL) + "... (" + detail.length() + " characters)" : detail;
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
