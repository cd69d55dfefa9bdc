package footprint.address;

import java.util.Arrays;

/**
 * Accesses (address and write flag) appended to two growing primitive arrays, which readers
 * use directly up to {@link #length()}: a recorded stream held in memory, or the accesses a
 * parser decoded and a reader has not handed on yet.
 */
public final class AccessBuffer {
    private long[] addresses;
    private boolean[] writes;
    private int length;

    /** Room for {@code capacity} accesses before the arrays grow. */
    public AccessBuffer(int capacity) {
        addresses = new long[Math.max(1, capacity)];
        writes = new boolean[addresses.length];
    }

    public void add(long address, boolean write) {
        if (length == addresses.length) {
            addresses = Arrays.copyOf(addresses, length * 2);
            writes = Arrays.copyOf(writes, length * 2);
        }
        addresses[length] = address;
        writes[length] = write;
        length++;
    }

    public int length() {
        return length;
    }

    /** Empties the buffer; its arrays are kept for reuse. */
    public void clear() {
        length = 0;
    }

    /** The addresses, valid up to {@link #length()}; the array is replaced when the buffer grows. */
    public long[] addresses() {
        return addresses;
    }

    /** The write flags, at the same indices as {@link #addresses()}. */
    public boolean[] writes() {
        return writes;
    }
}
