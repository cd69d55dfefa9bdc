package footprint.cli.trace;

import footprint.trace.BoundTrace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs of the trace commands that bind a trace to layouts: TRACE, {@code --layout}, {@code --allow-missing}. */
public final class TraceInput {
    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file.")
    Path file;

    @Mixin
    LayoutFiles layouts;

    @Option(names = "--allow-missing", description = "Warn about and skip accesses that do not resolve, instead of failing.")
    boolean allowMissing;

    /** The warnings of the last {@link #bind}, each {@code FILE:LINE: warning: ...}. */
    final List<String> warnings = new ArrayList<>();

    /** Reads and binds the trace; prints the binder's warnings to {@code err}. */
    BoundTrace bind(PrintWriter err) {
        warnings.clear();
        BoundTrace bound = TraceBinder.bind(TraceReader.read(file), layouts.load(), allowMissing,
                warnings);
        warnings.forEach(w -> err.println("footprint: " + w));
        return bound;
    }
}
