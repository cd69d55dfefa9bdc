package footprint.compare;

import java.util.List;

/** The comparison at one guest working-set size: how many guest accesses ran between exits, and the exits of each replicate. */
public record GuestSweepPoint(long guestBytes, int accessesPerExit, int exits, List<ExitComparison> rows) {
    /** The row of the whole exit mix. */
    public ExitComparison mix() {
        return rows.get(rows.size() - 1);
    }
}
