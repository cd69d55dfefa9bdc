package footprint.trace;

import java.util.List;

/** {@code stream mix count=N seed=S}: {@code count} exits drawn from the weights with the seed. */
public record MixStream(long count, long seed, List<Entry> entries, Trivia trivia, Trivia endTrivia, int line)
        implements StreamDef {
    public MixStream {
        entries = List.copyOf(entries);
    }

    /** One {@code NAME WEIGHT} line of the mix. */
    public record Entry(String exit, double weight, Trivia trivia, int line) {}
}
