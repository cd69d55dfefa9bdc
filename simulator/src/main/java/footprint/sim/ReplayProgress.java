package footprint.sim;

import java.util.function.Consumer;

/** Reports how far a long replay has come, at most once every few seconds, so short runs stay silent. */
public final class ReplayProgress {
    private static final long INTERVAL_NANOS = 3_000_000_000L;

    private final Consumer<String> out;
    private final String what;
    private final int total;
    private long last = System.nanoTime();

    /** Progress of replaying {@code total} exits, as lines "{@code what} N of total exits". */
    public ReplayProgress(Consumer<String> out, String what, int total) {
        this.out = out;
        this.what = what;
        this.total = total;
    }

    /** {@code exits} of the total are replayed. */
    public void done(int exits) {
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS && exits < total) {
            out.accept(what + " " + exits + " of " + total + " exits");
            last = now;
        }
    }
}
