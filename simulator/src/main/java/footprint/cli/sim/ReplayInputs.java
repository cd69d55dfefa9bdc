package footprint.cli.sim;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.sim.ExitProgram;
import footprint.trace.BoundTrace;
import footprint.trace.ExitStream;
import footprint.trace.Trace;
import footprint.trace.TraceBinder;
import java.nio.file.Path;
import java.util.List;

/** A trace read and bound to one set of layout files, flattened for replay, with its exit stream. */
record ReplayInputs(ExitProgram program, ExitStream stream, LayoutSet layouts) {
    /** Binds {@code trace} to {@code layoutFiles}; {@code side} ("--before", ...) prefixes errors so the user knows which side failed. */
    static ReplayInputs bind(Trace trace, List<Path> layoutFiles, String side, List<String> warnings) {
        return bind(trace, LayoutSet.load(layoutFiles), side, String.join(" ", layoutFiles.stream()
                .map(Path::toString).toList()), false, warnings);
    }

    /** Binds {@code trace} to {@code layouts} (described in errors as {@code files}); {@code allowMissing} as in TraceBinder. */
    static ReplayInputs bind(Trace trace, LayoutSet layouts, String side, String files, boolean allowMissing,
            List<String> warnings) {
        layouts.warnings().forEach(w -> warnings.add("warning: " + side + " layouts: " + w));
        BoundTrace bound;
        try {
            bound = TraceBinder.bind(trace, layouts, allowMissing, warnings);
        } catch (InputException e) {
            throw new InputException(e.source(), e.line(), e.detail() + " (with the " + side + " layouts " + files
                    + ")");
        }
        if (bound.exits().isEmpty()) {
            // else the exit count comes out 0 and the error would blame an --exits nobody gave
            throw new InputException(trace.source(), 0, "the trace defines no exit to replay");
        }
        return new ReplayInputs(ExitProgram.of(bound), bound.stream(), layouts);
    }
}
