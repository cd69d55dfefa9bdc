package footprint.cli.trace;

import footprint.cli.CheckFailedException;
import footprint.input.InputException;
import footprint.trace.TraceReader;
import footprint.trace.TraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
                replaceAtomically(file, canonical);
            }
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(canonical);
        out.flush();
        return 0;
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

    /** The temporary file is created owner-only; give the result the permissions the original had. */
    private static void keepPermissions(Path original, Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(original));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    /** Writes a sibling temporary file and renames it over {@code file}, so a crash never leaves half a trace. */
    static void replaceAtomically(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            keepPermissions(file, tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot rewrite in place: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the rename succeeded or the error above is the one to report
                }
            }
        }
    }
}
