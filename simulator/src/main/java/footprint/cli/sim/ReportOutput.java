package footprint.cli.sim;

import footprint.report.ReportFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Where {@code simulate} and {@code compare} put their report ({@code --output}) and whether they show progress. */
public final class ReportOutput {
    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--quiet", description = "No progress on stderr (warnings are still printed).")
    boolean quiet;

    /**
     * Before the run: refuses an {@code --output} that names one of the inputs (a report never
     * replaces what the user gave) or that cannot be written (a folder, a missing folder).
     */
    void checkTarget(List<Path> inputs) throws IOException {
        ReportFile.checkTarget("--output", output, inputs);
    }

    /** Writes the report to {@code --output} (atomically, then says so through {@code progress}) or to {@code out}. */
    void emit(String text, PrintWriter out, Consumer<String> progress) throws IOException {
        if (output != null) {
            ReportFile.write(output, text);
            progress.accept("wrote " + output);
        } else {
            out.print(text);
            out.flush();
        }
    }
}
