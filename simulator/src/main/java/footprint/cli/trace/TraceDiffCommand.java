package footprint.cli.trace;

import footprint.cli.Json;
import footprint.cli.OutputFormat;
import footprint.layout.LayoutSet;
import footprint.trace.Trace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceReader;
import footprint.trace.diff.TraceDiff;
import footprint.trace.diff.TraceDiffer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint trace diff}: what changed between two traces of the same exits, e.g. two kernel versions. */
@Command(
        mixinStandardHelpOptions = true,
        name = "diff",
        description = {
            "Compare two traces exit by exit: exits added and removed, and for each exit in both the fields"
                + " added, removed, and moved to another path (the same member under a new nested struct, e.g."
                + " vmx.exit_reason -> vmx.vt.exit_reason). With --layout-old and --layout-new each field is"
                + " shown with the struct that holds it and its offset."},
        footer = {"", "Example:",
            "  footprint trace diff traces/kvm-6.1/vmx/vmx-exits.trace traces/kvm-7.2/vmx/vmx-exits.trace \\",
            "      --layout-old models/layouts/debian-6.1/debian-6.1-vcpu_vmx.expanded.pahole \\",
            "      --layout-new models/layouts/debian-7.2/debian-7.2-vcpu_vmx.expanded.pahole --allow-missing"})
public final class TraceDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The older trace.")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer trace.")
    Path newFile;

    @Option(names = "--layout-old", arity = "1..*", paramLabel = "FILE", description = "pahole dumps for OLD.")
    List<Path> oldLayouts = new ArrayList<>();

    @Option(names = "--layout-new", arity = "1..*", paramLabel = "FILE", description = "pahole dumps for NEW.")
    List<Path> newLayouts = new ArrayList<>();

    @Option(names = "--allow-missing", description = "With layouts: fields a layout lacks are shown without struct and offset"
            + " instead of failing.")
    boolean allowMissing;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (oldLayouts.isEmpty() != newLayouts.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give both --layout-old and --layout-new, or neither");
        }
        PrintWriter err = spec.commandLine().getErr();
        Trace oldTrace = TraceReader.read(oldFile);
        Trace newTrace = TraceReader.read(newFile);
        LayoutSet oldSet = load(oldTrace, oldLayouts, err);
        LayoutSet newSet = load(newTrace, newLayouts, err);
        TraceDiff diff = TraceDiffer.diff(oldTrace, newTrace, oldSet, newSet);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.print(Json.write(diff));
        } else {
            text(out, diff);
        }
        out.flush();
        return 0;
    }

    private LayoutSet load(Trace trace, List<Path> files, PrintWriter err) {
        if (files.isEmpty()) {
            return null;
        }
        LayoutSet set = LayoutSet.load(files);
        List<String> warnings = new ArrayList<>();
        TraceBinder.bind(trace, set, allowMissing, warnings); // the trace's fields exist in its layouts
        warnings.stream().filter(w -> w.endsWith("(--allow-missing)")).forEach(w -> err.println("footprint: " + w));
        return set;
    }

    private static void text(PrintWriter out, TraceDiff d) {
        out.printf(Locale.ROOT, "--- %s%n+++ %s%n", d.oldTrace(), d.newTrace());
        d.exitsRemoved().forEach(e -> out.printf(Locale.ROOT, "exit removed: %s%n", e));
        d.exitsAdded().forEach(e -> out.printf(Locale.ROOT, "exit added: %s%n", e));
        for (TraceDiff.ExitDiff e : d.exits()) {
            out.printf(Locale.ROOT, "%nexit %s: %d -> %d accesses; fields %d added, %d removed, %d moved%n", e.exit(),
                    e.oldAccesses(), e.newAccesses(), e.added().size(), e.removed().size(), e.moved().size());
            e.moved().forEach(m -> out.printf(Locale.ROOT, "  moved    %s -> %s%n", field(m.from()), field(m.to())));
            e.removed().forEach(f -> out.printf(Locale.ROOT, "  removed  %s%n", field(f)));
            e.added().forEach(f -> out.printf(Locale.ROOT, "  added    %s%n", field(f)));
        }
    }

    private static String field(TraceDiff.Field f) {
        if (f.struct() == null && f.offset() == null) {
            return f.target();
        }
        return f.target() + " (" + (f.struct() != null ? f.struct() + ", " : "") + "+" + f.offset() + ")";
    }
}
