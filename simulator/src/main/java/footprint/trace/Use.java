package footprint.trace;

/** {@code use NAME}: splices the accesses of a segment defined earlier. */
public record Use(String segment, Trivia trivia, int line) implements Step {}
