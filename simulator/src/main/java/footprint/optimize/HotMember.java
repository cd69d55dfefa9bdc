package footprint.optimize;

import java.util.List;

/**
 * A top-level member of the struct being optimised: its place in the current order, its alignment
 * and size, the exits (indices into the trace's exits, ascending) whose accesses land in it, and its
 * heat, the summed stream weight of those exits.
 */
public record HotMember(String name, int position, int alignment, long size, List<Integer> exits, double heat) {
    public HotMember {
        exits = List.copyOf(exits);
    }

    /** Touched by at least one exit that the stream runs. */
    public boolean hot() {
        return !exits.isEmpty();
    }
}
