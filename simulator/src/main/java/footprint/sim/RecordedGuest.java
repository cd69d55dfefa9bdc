package footprint.sim;

import java.util.Arrays;

/** A recorded guest address stream held as primitive arrays, replayed in a loop between exits. */
public final class RecordedGuest {
    private final String source;
    private long[] addresses = new long[1024];
    private boolean[] writes = new boolean[1024];
    private int length;

    public RecordedGuest(String source) {
        this.source = source;
    }

    /** Appends one access (e.g. from an {@code AddressSink}); one line per access is replayed. */
    public void add(long address, boolean write) {
        if (length == addresses.length) {
            addresses = Arrays.copyOf(addresses, length * 2);
            writes = Arrays.copyOf(writes, length * 2);
        }
        addresses[length] = address;
        writes[length] = write;
        length++;
    }

    public String source() {
        return source;
    }

    public int length() {
        return length;
    }

    /** The accesses' addresses; valid up to {@link #length()}, read by the replay without copying. */
    long[] addresses() {
        return addresses;
    }

    boolean[] writes() {
        return writes;
    }
}
