package footprint.cli;

import picocli.CommandLine.Option;

/** The {@code --format} option of every command that prints results as text or JSON (a picocli mixin). */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}); JSON is the command's result record as Jackson writes it")
    OutputFormat format;

    public boolean json() {
        return format == OutputFormat.json;
    }
}
