package footprint.sim;

import footprint.units.ByteSize;

/**
 * Forwards to {@link ByteSize#format} for the comparison's report and sweep code, which another
 * branch is rewriting at the same time; those call sites move to ByteSize when it lands.
 */
public final class Sizes {
    private Sizes() {}

    public static String format(long bytes) {
        return ByteSize.format(bytes);
    }
}
