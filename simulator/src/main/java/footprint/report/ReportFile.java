package footprint.report;

import footprint.input.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a report atomically (a temporary file beside the target, then a move, so no partial file
 * is ever left), and refuses a target that is one of the command's inputs. A symbolic link is
 * followed (the file it names is replaced, the link stays); a device, FIFO or terminal is written
 * directly, since renaming over it would replace the device node with a regular file.
 */
public final class ReportFile {
    /** Links followed before a chain is taken for a loop; Linux's own limit (MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;

    private ReportFile() {}

    /**
     * Checks, before a run starts, that {@code output} ({@code option} names the flag that gave
     * it) can be written and is not one of the {@code inputs}: what a command writes never
     * replaces what the user gave it. An input that is a folder (a {@code --models DIR}) protects
     * every file in it.
     */
    public static void checkTarget(String option, Path output, List<Path> inputs) throws IOException {
        if (output == null) {
            return;
        }
        Path target = resolve(output);
        String name = option + " " + output;
        if (Files.isDirectory(target)) {
            throw new InputException(name + " is a folder; give a file name");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return; // a device, FIFO or terminal: written directly, nothing is replaced
        }
        Path parent = target.getParent();
        if (!Files.exists(parent)) {
            throw new InputException(name + ": folder " + parent + " does not exist");
        }
        if (!Files.isDirectory(parent)) {
            throw new InputException(name + ": " + parent + " is not a folder");
        }
        if (!Files.isWritable(parent)) {
            throw new InputException(name + ": folder " + parent + " is not writable");
        }
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isWritable(target)) {
            throw new InputException(name + " is read-only; refusing to replace it");
        }
        for (Path p : inputs) {
            if (p == null || !Files.exists(p)) {
                continue;
            }
            boolean same = Files.isDirectory(p) ? Files.isSameFile(parent, p) : Files.isSameFile(target, p);
            if (same) {
                throw new InputException(name + (Files.isDirectory(p) ? " is in " + p + ", an input folder" : " is one of the inputs")
                        + "; refusing to overwrite it");
            }
        }
    }

    /** Writes {@code content} to {@code target}: atomically for a regular file (keeping its mode), directly otherwise. */
    public static void write(Path target, String content) throws IOException {
        Path real = resolve(target);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            return;
        }
        Path dir = real.getParent();
        // Not Files.createTempFile: that makes the file owner-only; the report gets the usual umask.
        Path tmp = dir.resolve("." + real.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (Files.exists(real)) {
                keepMode(real, tmp);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void keepMode(Path original, Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(original));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    /**
     * The file {@code path} names once symbolic links are followed, also a link to a file not
     * yet made. A path that exists but is no regular file (/dev/stdout, a link into /proc to a
     * pipe) is kept as given: it is opened, never renamed over, and may have no real path.
     */
    static Path resolve(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        if (Files.exists(p)) {
            return Files.isRegularFile(p) ? p.toRealPath() : p;
        }
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new InputException(path + ": too many levels of symbolic links");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p));
        }
        Path parent = p.getParent();
        return Files.exists(parent) ? parent.toRealPath().resolve(p.getFileName()) : p;
    }
}
