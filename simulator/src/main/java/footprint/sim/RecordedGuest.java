package footprint.sim;

import java.util.Arrays;

/** A recorded guest address stream held as primitive arrays, replayed in a loop between exits. */
public final class RecordedGuest implements GuestTrace {
    private final String source;
    private long[] addresses;
    private boolean[] writes;
    private int length;

    /** An empty stream with room for {@code capacity} accesses before its arrays grow. */
    public RecordedGuest(String source, int capacity) {
        this.source = source;
        addresses = new long[Math.max(1, capacity)];
        writes = new boolean[addresses.length];
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

    @Override
    public String source() {
        return source;
    }

    @Override
    public long length() {
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
