package footprint.cli;

/** How the commands that print results print them: --format text or json. */
public enum OutputFormat {
    text, json
}
