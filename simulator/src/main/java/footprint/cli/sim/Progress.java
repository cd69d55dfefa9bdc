package footprint.cli.sim;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress lines on stderr ("footprint: ..."), so stdout stays the report. */
final class Progress implements Consumer<String> {
    private final PrintWriter err;
    private final boolean quiet;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void accept(String message) {
        if (!quiet) {
            err.println("footprint: " + message);
            err.flush();
        }
    }
}
