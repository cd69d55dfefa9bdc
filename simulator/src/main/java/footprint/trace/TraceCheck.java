package footprint.trace;

import java.util.List;

/** What {@code trace check} reports of a bound trace: its object count, the binder's warnings and each exit's counts. */
public record TraceCheck(String trace, int layoutFiles, int objects, List<String> warnings, List<ExitSummary> exits) {
    public TraceCheck {
        warnings = List.copyOf(warnings);
        exits = List.copyOf(exits);
    }

    /** One exit: its resolved accesses (segments spliced in) and VMCS field reads and writes. */
    public record ExitSummary(String exit, boolean fastpath, int accesses, int vmcsReads, int vmcsWrites) {}

    /** {@code warnings} are those the binder gave for {@code bound}, each {@code FILE:LINE: warning: ...}. */
    public static TraceCheck of(String trace, int layoutFiles, BoundTrace bound, List<String> warnings) {
        List<ExitSummary> exits = bound.exits().stream()
                .map(e -> new ExitSummary(e.name(), e.fastpath(), e.accessCount(), e.vmcsReads(), e.vmcsWrites()))
                .toList();
        return new TraceCheck(trace, layoutFiles, bound.objects().size(), warnings, exits);
    }
}
