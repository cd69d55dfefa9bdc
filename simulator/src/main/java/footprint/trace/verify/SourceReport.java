package footprint.trace.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code trace verify --source} found: per exit, how many of its accesses (segments
 * spliced in) pass every check; each failing access line once, with the reason; and each
 * access line for which a check could not be applied, with why (an exception, never a pass
 * in disguise).
 */
public record SourceReport(String trace, String sourceDir, List<ExitCount> exits, List<Finding> failures,
        List<Finding> exceptions) {

    public SourceReport {
        exits = List.copyOf(exits);
        failures = List.copyOf(failures);
        exceptions = List.copyOf(exceptions);
    }

    /** Every access of every exit passed (exceptions do not fail a trace; they are listed). */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public boolean passed() {
        return failures.isEmpty();
    }

    /** One exit: its accesses, how many pass, fail, or pass with a check that could not be applied. */
    public record ExitCount(String exit, boolean fastpath, int accesses, int passed, int failed, int exceptions) {}

    /** One access line of the trace and what is wrong with it (or which check could not apply, and why). */
    public record Finding(int line, String access, String site, String reason) {}
}
