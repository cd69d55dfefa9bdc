package footprint.trace;

import java.util.List;

/** A named, ordered list of steps shared by several exits (the common exit and re-entry path). */
public record Segment(String name, List<Step> steps, Trivia trivia, Trivia endTrivia, int line) implements TraceItem {
    public Segment {
        steps = List.copyOf(steps);
    }
}
