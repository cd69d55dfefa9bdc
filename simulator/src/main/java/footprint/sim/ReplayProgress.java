package footprint.sim;

import java.util.function.Consumer;

/**
 * Reports how far a long replay has come, at most once every few seconds, so short runs stay
 * silent. Replicates running in parallel add to one count.
 */
public final class ReplayProgress {
    private static final long INTERVAL_NANOS = 3_000_000_000L;

    private final Consumer<String> out;
    private final String what;
    private final long total;
    private long done;
    private long last = System.nanoTime();

    /** Progress of replaying {@code total} exits, as lines "{@code what} N of total exits". */
    public ReplayProgress(Consumer<String> out, String what, long total) {
        this.out = out;
        this.what = what;
        this.total = total;
    }

    /** Progress that says nothing. */
    public static ReplayProgress silent() {
        return new ReplayProgress(message -> { }, "", 0);
    }

    /** {@code exits} more of the total are replayed. */
    public synchronized void add(int exits) {
        done += exits;
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS && done < total) {
            out.accept(what + " " + done + " of " + total + " exits");
            last = now;
        }
    }
}
