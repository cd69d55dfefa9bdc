package footprint.cli.trace;

/** How the trace commands print their results. */
public enum OutputFormat {
    text, json
}
