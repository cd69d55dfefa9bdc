package footprint.trace;

import java.util.List;

/** {@code stream sequence A B*3 ...}: exits in this order, each entry repeated {@code repeat} times. */
public record SequenceStream(List<Entry> entries, Trivia trivia, int line) implements StreamDef {
    public SequenceStream {
        entries = List.copyOf(entries);
    }

    /** One {@code NAME} or {@code NAME*K} token. */
    public record Entry(String exit, long repeat) {}
}
