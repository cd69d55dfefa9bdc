package footprint.report;

import footprint.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a report atomically (a temporary file beside the target, then a move, so no partial file
 * is ever left), and refuses a target that is one of the command's inputs.
 */
public final class ReportFile {
    private ReportFile() {}

    /**
     * Refuses an output file ({@code option} names the flag that gave it) that is one of the
     * {@code inputs}: what a command writes never replaces what the user gave it.
     */
    public static void refuseInputs(String option, Path output, List<Path> inputs) throws IOException {
        if (output == null || !Files.exists(output)) {
            return;
        }
        for (Path p : inputs) {
            if (p != null && Files.exists(p) && Files.isSameFile(output, p)) {
                throw new InputException(option + " " + output + " is one of the inputs; refusing to overwrite it");
            }
        }
    }

    public static void write(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: that makes the file owner-only; the report gets the usual umask.
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
