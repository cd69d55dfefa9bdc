package footprint.trace;

/**
 * What an access names: an object, an optional C member path inside it, and a byte offset past
 * the start of that member (or of the object when there is no path). {@code hexOffset} keeps
 * the radix the file wrote the offset in, so the canonical form does not rewrite it.
 */
public record Target(String object, String path, long offset, boolean hexOffset) {

    public Target {
        if (path != null && offset == 0) {
            hexOffset = false; // no offset is written, so there is no radix to keep
        }
    }

    public static Target field(String object, String path) {
        return new Target(object, path, 0, false);
    }

    public static Target raw(String object, long offset) {
        return new Target(object, null, offset, true);
    }

    public boolean hasOffset() {
        return path == null || offset != 0;
    }

    /** The target as the trace writes it: {@code vmx.vcpu.arch.regs[2]}, {@code apic_page+0x300}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(object);
        if (path != null) {
            b.append('.').append(path);
        }
        if (hasOffset()) {
            b.append('+').append(hexOffset ? "0x" + Long.toHexString(offset) : Long.toString(offset));
        }
        return b.toString();
    }
}
