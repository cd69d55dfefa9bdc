package footprint.sim;

import footprint.units.ByteSize;

/**
 * What the guest does between two exits: nothing, a synthetic working set (size, accesses per
 * exit, pattern) or a recorded address stream replayed in a loop.
 */
public record GuestModel(long workingSetBytes, int accessesPerExit, GuestPattern pattern, GuestTrace recorded) {
    /**
     * Guest memory lives from 256 GiB up, apart from the host objects; guest and host still
     * share every cache level because the caches are physically indexed.
     */
    static final long GUEST_REGION = 1L << 38;

    public static final GuestModel NONE = new GuestModel(0, 0, GuestPattern.UNIFORM, null);

    public static GuestModel synthetic(long workingSetBytes, int accessesPerExit, GuestPattern pattern) {
        if (workingSetBytes <= 0 || accessesPerExit <= 0) {
            return NONE;
        }
        return new GuestModel(workingSetBytes, accessesPerExit, pattern, null);
    }

    public static GuestModel recorded(GuestTrace stream, int accessesPerExit) {
        if (stream.length() == 0) {
            throw new IllegalArgumentException("empty guest stream " + stream.source());
        }
        return new GuestModel(0, accessesPerExit, GuestPattern.SWEEP, stream);
    }

    public boolean isNone() {
        return accessesPerExit == 0;
    }

    /** A short description for reports, e.g. "none", "24k uniform x500", "trace g.din x500". */
    public String describe() {
        if (isNone()) {
            return "none";
        }
        if (recorded != null) {
            return "recorded " + recorded.source() + ", " + accessesPerExit + " accesses per exit";
        }
        return ByteSize.format(workingSetBytes) + " working set, " + pattern.name().toLowerCase(java.util.Locale.ROOT)
                + ", " + accessesPerExit + " accesses per exit";
    }
}
