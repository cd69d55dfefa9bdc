package footprint.trace;

/**
 * One exit of a bound trace: its accesses flattened (segments spliced in) and resolved to
 * (object index, byte offset, size), held in primitive arrays for the replay loop.
 */
public final class BoundExit {
    private static final byte READ = 1;
    private static final byte WRITE = 2;

    private final String name;
    private final boolean fastpath;
    private final String reason;
    private final int[] object;
    private final long[] offset;
    private final int[] size;
    private final byte[] op;
    private final String[] path;
    private final String[] site;
    private final int vmcsReads;
    private final int vmcsWrites;

    BoundExit(String name, boolean fastpath, String reason, int[] object, long[] offset, int[] size, AccessOp[] ops,
            String[] path, String[] site, int vmcsReads, int vmcsWrites) {
        this.name = name;
        this.fastpath = fastpath;
        this.reason = reason;
        this.object = object;
        this.offset = offset;
        this.size = size;
        this.op = new byte[ops.length];
        for (int i = 0; i < ops.length; i++) {
            op[i] = (byte) ((ops[i].reads() ? READ : 0) | (ops[i].writes() ? WRITE : 0));
        }
        this.path = path;
        this.site = site;
        this.vmcsReads = vmcsReads;
        this.vmcsWrites = vmcsWrites;
    }

    public String name() {
        return name;
    }

    public boolean fastpath() {
        return fastpath;
    }

    /** The hardware exit reason the trace gives ({@code reason=}), or null. */
    public String reason() {
        return reason;
    }

    public int accessCount() {
        return object.length;
    }

    /** Index into {@link BoundTrace#objects()}. */
    public int object(int i) {
        return object[i];
    }

    /** Byte offset of the access from the start of its object. */
    public long offset(int i) {
        return offset[i];
    }

    public int size(int i) {
        return size[i];
    }

    /** W or RW. */
    public boolean isWrite(int i) {
        return (op[i] & WRITE) != 0;
    }

    /** R or RW. */
    public boolean isRead(int i) {
        return (op[i] & READ) != 0;
    }

    /** The target as the trace names it: {@code vmx.vcpu.arch.regs[2]} or {@code apic_page+0x300}. */
    public String path(int i) {
        return path[i];
    }

    /** {@code function file:line} of the access. */
    public String site(int i) {
        return site[i];
    }

    public int vmcsReads() {
        return vmcsReads;
    }

    public int vmcsWrites() {
        return vmcsWrites;
    }
}
