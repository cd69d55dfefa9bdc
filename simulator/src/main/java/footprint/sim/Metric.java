package footprint.sim;

/**
 * One per-exit metric as DESIGN.md "Metric definitions" defines it: its kind, and the cache
 * level for the kinds counted per level (null for the others). Reports put it into words.
 */
public record Metric(Kind kind, String level) {
    /** The kinds of per-exit metric, in report order. */
    public enum Kind {
        TOUCHED_LINES, IDEAL_LINES, HOST_LINE_ACCESSES, MISSES, HOST_STALL_CYCLES, GUEST_EXTRA_MISSES,
        GUEST_STALL_CYCLES, BASE_CYCLES, ESTIMATED_CYCLES;

        /** Counted per cache level. */
        public boolean perLevel() {
            return this == MISSES || this == GUEST_EXTRA_MISSES;
        }

        /** Measured in cycles: a difference is then also a share of the exit's cost. */
        public boolean inCycles() {
            return this == HOST_STALL_CYCLES || this == GUEST_STALL_CYCLES || this == BASE_CYCLES || this == ESTIMATED_CYCLES;
        }
    }

    public Metric {
        if (kind.perLevel() != (level != null)) {
            throw new IllegalArgumentException(kind + (kind.perLevel() ? " needs a level" : " has no level"));
        }
    }

    public boolean inCycles() {
        return kind.inCycles();
    }

    /** Misses counted at one level (host or guest extra): reports give these two decimals. */
    public boolean perLevel() {
        return kind.perLevel();
    }
}
