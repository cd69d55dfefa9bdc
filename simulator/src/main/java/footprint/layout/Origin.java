package footprint.layout;

/**
 * Where a struct was read: the dump ({@code source}) and the line of its opening brace, with
 * pahole's own summary numbers ({@code declared}, null where pahole printed none).
 */
public record Origin(String source, int line, PaholeSummary declared) {}
