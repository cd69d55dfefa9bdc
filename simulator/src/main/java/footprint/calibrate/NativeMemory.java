package footprint.calibrate;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * A block of memory outside the Java heap, aligned to a page, read and written with plain
 * loads and stores. Off-heap so that a pointer chase is one {@code mov rax,[rax]} per step (an
 * array index would add a sign extension and an index to every load's latency) and so that
 * objects sit at chosen offsets modulo the page, as the simulator places them.
 */
public final class NativeMemory implements AutoCloseable {
    static final Unsafe UNSAFE = unsafe();
    public static final long PAGE = 4096;

    private final long raw;
    private final long base;
    private final long size;
    private boolean closed;

    /** {@code size} bytes, zeroed, starting on a {@code alignment}-byte boundary (a power of two). */
    public NativeMemory(long size, long alignment) {
        if (size <= 0 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("size " + size + ", alignment " + alignment);
        }
        this.size = size;
        this.raw = UNSAFE.allocateMemory(size + alignment);
        this.base = (raw + alignment - 1) & -alignment;
        UNSAFE.setMemory(base, size, (byte) 0);
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    public static long getLong(long address) {
        return UNSAFE.getLong(address);
    }

    public static void putLong(long address, long value) {
        UNSAFE.putLong(address, value);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            UNSAFE.freeMemory(raw);
        }
    }

    private static Unsafe unsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
