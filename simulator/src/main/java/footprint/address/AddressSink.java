package footprint.address;

/** Receives the data accesses of a raw address stream, one call per access, in stream order. */
public interface AddressSink {
    void access(long address, int size, boolean write);

    /** The stream asks for an empty cache (Dinero label 4); ignored unless the sink cares. */
    default void flush() {}
}
