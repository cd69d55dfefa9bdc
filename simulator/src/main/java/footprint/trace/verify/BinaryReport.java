package footprint.trace.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code trace verify --binary} found: per exit, how many accesses the compiled modules
 * confirm (an instruction the debug info attributes to the cited line has a memory operand at
 * the field's offset), explain (the access was merged into a wider one or moved to a nearby
 * line), leave unconfirmed, or cannot check (the cited file is not compiled into the modules, or
 * the field is not in the layouts and the caller allowed that);
 * and, once per trace line, the accesses of the last three kinds with the instructions seen.
 */
public record BinaryReport(String trace, List<String> modules, List<ExitCount> exits, List<Finding> explained,
        List<Finding> unconfirmed, List<Finding> unchecked) {

    public BinaryReport {
        modules = List.copyOf(modules);
        exits = List.copyOf(exits);
        explained = List.copyOf(explained);
        unconfirmed = List.copyOf(unconfirmed);
        unchecked = List.copyOf(unchecked);
    }

    /** Confirmed accesses over all accesses of all exits, in percent. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double confirmedPercent() {
        return percent(exits);
    }

    /** The same over the fastpath exits only. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double fastpathConfirmedPercent() {
        return percent(exits.stream().filter(ExitCount::fastpath).toList());
    }

    /** Confirmed or explained accesses of the fastpath exits, in percent: what is left are the unconfirmed and unchecked. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double fastpathConfirmedOrExplainedPercent() {
        List<ExitCount> fast = exits.stream().filter(ExitCount::fastpath).toList();
        int all = fast.stream().mapToInt(ExitCount::accesses).sum();
        int seen = fast.stream().mapToInt(e -> e.confirmed() + e.explained()).sum();
        return all == 0 ? 0 : 100.0 * seen / all;
    }

    private static double percent(List<ExitCount> exits) {
        int all = exits.stream().mapToInt(ExitCount::accesses).sum();
        int confirmed = exits.stream().mapToInt(ExitCount::confirmed).sum();
        return all == 0 ? 0 : 100.0 * confirmed / all;
    }

    /** One exit's accesses (segments spliced in) by outcome. */
    public record ExitCount(String exit, boolean fastpath, int accesses, int confirmed, int explained, int unconfirmed,
            int unchecked) {}

    /**
     * One access line: the exits it occurs in, the displacements that would confirm it (the
     * field's offset from the object and from each enclosing member), why it is not confirmed,
     * and the instructions at its line.
     */
    public record Finding(int line, String access, String site, List<String> exits, List<Long> offsets, String reason,
            List<String> instructions) {
        public Finding {
            exits = List.copyOf(exits);
            offsets = List.copyOf(offsets);
            instructions = List.copyOf(instructions);
        }

        Finding in(List<String> exitNames) {
            return new Finding(line, access, site, exitNames, offsets, reason, instructions);
        }
    }
}
