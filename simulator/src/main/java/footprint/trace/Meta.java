package footprint.trace;

/** A free-text {@code meta KEY VALUE...} header line (kernel version, vendor, provenance). */
public record Meta(String key, String value, Trivia trivia, int line) implements TraceItem {}
