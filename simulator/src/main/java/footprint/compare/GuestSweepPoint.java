package footprint.compare;

import java.util.List;

/** The comparison at one guest working-set size: how many guest accesses ran between exits, over how many exits. */
public record GuestSweepPoint(long guestBytes, int accessesPerExit, int exits, List<ExitComparison> rows) {
    /** The row of the whole exit mix. */
    public ExitComparison mix() {
        return rows.get(rows.size() - 1);
    }
}
