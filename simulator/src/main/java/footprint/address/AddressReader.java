package footprint.address;

import footprint.input.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Pulls the data accesses of a raw address trace, a block at a time, in file order: the
 * address and the write flag of each access record (its size is not kept). Memory stays
 * bounded: the parser's buffer and the accesses decoded from one read of it. The file is
 * opened for each read of the parser's buffer and closed at once, so a reader holds no file
 * handle and needs no closing; that costs one open per 64 KiB of text, small beside parsing it.
 */
public final class AddressReader {
    private final Path file;
    private final AddressStreams.Parser parser;
    private final PositionalInput input;
    /** Accesses decoded but not yet read: from {@code next} to the buffer's length. */
    private final AccessBuffer pending = new AccessBuffer(1024);
    private int next;
    private boolean more = true;

    private AddressReader(Path file, AddressFormat format) {
        this.file = file;
        this.input = new PositionalInput(file);
        this.parser = new AddressStreams.Parser(file, format, this::pend);
    }

    /** A reader at the first access of {@code file}. */
    public static AddressReader open(Path file, AddressFormat format) {
        return new AddressReader(file, format);
    }

    /**
     * Copies the next accesses, at most {@code n}, to {@code addresses} and {@code writes} from
     * index {@code offset}; returns how many, 0 only at the end of the file. A malformed line is
     * an {@link InputException} naming the file and line.
     */
    public int read(long[] addresses, boolean[] writes, int offset, int n) {
        while (next == pending.length() && more) {
            next = 0;
            pending.clear();
            try {
                more = parser.step(input);
            } catch (IOException e) {
                throw new InputException(file, 0, "cannot read: " + e.getMessage());
            }
        }
        int k = Math.min(n, pending.length() - next);
        System.arraycopy(pending.addresses(), next, addresses, offset, k);
        System.arraycopy(pending.writes(), next, writes, offset, k);
        next += k;
        return k;
    }

    /** The parser's sink: one step decodes at most a buffer's worth of lines, so the buffer stays bounded. */
    private void pend(long address, int size, boolean write) {
        pending.add(address, write);
    }

    /** The file's bytes from a position that advances with each read; opens and closes the file per read. */
    private static final class PositionalInput implements AddressStreams.Parser.Input {
        private final Path file;
        private long position;

        PositionalInput(Path file) {
            this.file = file;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                int r = channel.read(ByteBuffer.wrap(b, off, len), position);
                if (r > 0) {
                    position += r;
                }
                return r;
            }
        }
    }
}
