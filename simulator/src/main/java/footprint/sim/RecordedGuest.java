package footprint.sim;

import footprint.address.AccessBuffer;

/** A recorded guest address stream held as primitive arrays, replayed in a loop between exits. */
public final class RecordedGuest implements GuestTrace {
    private final String source;
    private final AccessBuffer accesses;

    /** An empty stream with room for {@code capacity} accesses before its arrays grow. */
    public RecordedGuest(String source, int capacity) {
        this.source = source;
        this.accesses = new AccessBuffer(capacity);
    }

    /** Appends one access (e.g. from an {@code AddressSink}); one line per access is replayed. */
    public void add(long address, boolean write) {
        accesses.add(address, write);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public long length() {
        return accesses.length();
    }

    /** The accesses' addresses; valid up to {@link #length()}, read by the replay without copying. */
    long[] addresses() {
        return accesses.addresses();
    }

    boolean[] writes() {
        return accesses.writes();
    }
}
