package footprint.trace.diff;

import java.util.List;

/**
 * How two traces of the same exits differ (typically one kernel version against the next):
 * exits added and removed, and per exit present in both the fields its accesses name that were
 * added, removed, or moved (the same member reached by another path, e.g. into a new nested
 * struct). Structs and offsets are filled in where layouts were given, else null.
 */
public record TraceDiff(String oldTrace, String newTrace, List<String> exitsAdded, List<String> exitsRemoved,
        List<ExitDiff> exits) {

    public TraceDiff {
        exitsAdded = List.copyOf(exitsAdded);
        exitsRemoved = List.copyOf(exitsRemoved);
        exits = List.copyOf(exits);
    }

    /** One exit in both traces: access counts and the fields that changed. */
    public record ExitDiff(String exit, int oldAccesses, int newAccesses, List<Field> added, List<Field> removed,
            List<Move> moved) {
        public ExitDiff {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            moved = List.copyOf(moved);
        }
    }

    /** A field as a trace names it ({@code vmx.vt.exit_reason}), the struct that holds it and its offset in the object. */
    public record Field(String target, String struct, Long offset) {}

    /** A field reached by another path in the new trace: from where, to where. */
    public record Move(Field from, Field to) {}
}
