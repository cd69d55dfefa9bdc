package footprint.sim;

import footprint.address.AddressFormat;
import footprint.address.AddressStreams;
import footprint.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a recorded guest trace: in memory up to {@link #IN_MEMORY_LIMIT} accesses, streamed from its file beyond. */
public final class GuestTraces {
    /**
     * Accesses held in memory (9 bytes each: 36 MiB at this limit). Parsing text costs about
     * 20 ns per record, several cache accesses, so a trace that fits is parsed once and replayed
     * from arrays; a longer one is parsed again on every pass, with memory that does not grow.
     */
    public static final long IN_MEMORY_LIMIT = 1L << 22;

    private GuestTraces() {}

    /**
     * Loads {@code file} in the format it holds. A pipe or device (/dev/stdin) is read exactly once,
     * into memory (up to {@link #IN_MEMORY_LIMIT} accesses): opening it again would find its first
     * lines gone.
     */
    public static GuestTrace load(Path file) {
        if (Files.isRegularFile(file)) {
            return load(file, AddressStreams.detect(file));
        }
        RecordedGuest recorded = new RecordedGuest(file.toString(), 1 << 16);
        AddressStreams.readOnce(file, (address, size, write) -> {
            if (recorded.length() == IN_MEMORY_LIMIT) {
                throw new InputException(file, 0, "a guest trace read from a pipe is held in memory, at most "
                        + IN_MEMORY_LIMIT + " accesses; save a longer one to a file");
            }
            recorded.add(address, write);
        });
        if (recorded.length() == 0) {
            throw new InputException(file, 0, "the guest trace has no accesses");
        }
        return recorded;
    }

    /**
     * Reads {@code file} through once, which reports a malformed line (file and line) before any
     * replay and counts the accesses, then holds it in memory or streams it.
     */
    public static GuestTrace load(Path file, AddressFormat format) {
        return load(file, format, IN_MEMORY_LIMIT);
    }

    static GuestTrace load(Path file, AddressFormat format, long inMemoryLimit) {
        long length = AddressStreams.replay(file, format, (address, size, write) -> { });
        if (length == 0) {
            throw new InputException(file, 0, "the guest trace has no accesses");
        }
        if (length > inMemoryLimit) {
            return new StreamedGuest(file, format, length);
        }
        RecordedGuest recorded = new RecordedGuest(file.toString(), (int) length);
        AddressStreams.replay(file, format, (address, size, write) -> recorded.add(address, write));
        return recorded;
    }
}
