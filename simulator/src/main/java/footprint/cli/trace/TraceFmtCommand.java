package footprint.cli.trace;

import footprint.cli.CheckFailedException;
import footprint.input.InputException;
import footprint.report.ReportFile;
import footprint.trace.TraceReader;
import footprint.trace.TraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint trace fmt}: prints a trace in canonical form, checks it, or rewrites it atomically. */
@Command(
        mixinStandardHelpOptions = true,
        name = "fmt",
        description = "Print TRACE in canonical form (the form bundled traces are stored in).",
        footer = {"", "Example:", "  footprint trace fmt --check traces/kvm-6.1/vmx/vmx-exits.trace"})
public final class TraceFmtCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file.")
    Path file;

    @Option(names = "--check", description = "Print nothing; exit 1 if TRACE is not in canonical form.")
    boolean check;

    @Option(names = "--in-place", description = "Replace TRACE by its canonical form (atomically, via a temporary file).")
    boolean inPlace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (check && inPlace) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--check and --in-place exclude each other");
        }
        if (inPlace) {
            checkInPlace(file);
        }
        String canonical = TraceWriter.write(TraceReader.read(file));
        String original = Files.readString(file, StandardCharsets.UTF_8);
        if (check) {
            if (!canonical.equals(original)) {
                throw new CheckFailedException(file + ":" + firstDifferentLine(original, canonical)
                        + ": not in canonical form (see: footprint trace fmt " + file + ")");
            }
            return 0;
        }
        if (inPlace) {
            if (!canonical.equals(original)) {
                replaceInPlace(file, canonical);
            }
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(canonical);
        out.flush();
        return 0;
    }

    /** {@code --in-place} only on a regular file: a pipe or device read once has nothing left to replace. */
    static void checkInPlace(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, 0, "--in-place needs a regular file");
        }
    }

    static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        return i + 1;
    }

    /**
     * Replaces {@code file} by {@code text} atomically (a crash never leaves half a trace), through
     * a symbolic link and keeping the file's mode.
     */
    static void replaceInPlace(Path file, String text) {
        try {
            ReportFile.write(file, text);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot rewrite in place: " + e.getMessage());
        }
    }
}
