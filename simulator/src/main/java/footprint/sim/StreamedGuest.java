package footprint.sim;

import footprint.address.AddressFormat;
import footprint.address.AddressReader;
import footprint.input.InputException;
import java.nio.file.Path;

/**
 * A recorded guest stream too long to hold in memory: each replay opens its own {@link Loop},
 * which reads the file a block at a time and starts again from its beginning at its end. The
 * file was read through once already (see {@link GuestTraces}), so its length is known and a
 * malformed line has been reported before any replay starts.
 */
public final class StreamedGuest implements GuestTrace {
    private final Path file;
    private final AddressFormat format;
    private final long length;

    StreamedGuest(Path file, AddressFormat format, long length) {
        this.file = file;
        this.format = format;
        this.length = length;
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public long length() {
        return length;
    }

    /** A new pass over the stream from its first access, for one replay. */
    Loop open() {
        return new Loop();
    }

    /** One replay's position in the stream; memory bounded by the reader's buffer, whatever the file's length. */
    final class Loop {
        private AddressReader reader = AddressReader.open(file, format);
        /** Accesses read since the file was last (re)opened. */
        private long inPass;

        /** Fills {@code addresses[0, n)} and {@code writes[0, n)} with the stream's next {@code n} accesses. */
        void fill(long[] addresses, boolean[] writes, int n) {
            for (int at = 0; at < n; ) {
                int k = reader.read(addresses, writes, at, n - at);
                if (k == 0) {
                    // The end of the file: without this check a file that shrank would loop forever.
                    if (inPass != length) {
                        throw new InputException(file, 0, "the guest trace changed during the replay: " + inPass
                                + " accesses in this pass, " + length + " when it was checked");
                    }
                    reader = AddressReader.open(file, format);
                    inPass = 0;
                }
                at += k;
                inPass += k;
            }
        }
    }
}
