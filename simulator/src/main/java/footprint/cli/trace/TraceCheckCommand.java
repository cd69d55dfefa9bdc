package footprint.cli.trace;

import footprint.trace.BoundExit;
import footprint.trace.BoundTrace;
import footprint.trace.Trace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code footprint trace check}: every access of a trace resolves under the given layouts. */
@Command(
        mixinStandardHelpOptions = true,
        name = "check",
        description = "Check that every access of TRACE resolves to bytes of its object under the layouts; print a summary.",
        footer = {"", "Example:",
            "  L=models/layouts/debian-6.1",
            "  footprint trace check traces/kvm-6.1/vmx/vmx-exits.trace --layout \\",
            "      $L/debian-6.1-vcpu_vmx.expanded.pahole $L/debian-6.1-kvm_lapic.expanded.pahole \\",
            "      $L/debian-6.1-kvm.expanded.pahole $L/debian-6.1-kvm_run.pahole"})
public final class TraceCheckCommand implements Callable<Integer> {
    @Mixin
    TraceInput input;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BoundTrace bound = input.bind(err);
        List<String> warnings = input.warnings;
        int declared = declaredAccesses(bound.source());
        int resolved = bound.exits().stream().mapToInt(BoundExit::accessCount).sum();
        if (format == OutputFormat.json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("trace", input.file.toString());
            root.put("layoutFiles", input.layouts.count());
            root.put("objects", bound.objects().size());
            root.put("warnings", warnings);
            List<Map<String, Object>> exits = new ArrayList<>();
            for (BoundExit e : bound.exits()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("exit", e.name());
                o.put("fastpath", e.fastpath());
                o.put("accesses", e.accessCount());
                o.put("vmcsReads", e.vmcsReads());
                o.put("vmcsWrites", e.vmcsWrites());
                exits.add(o);
            }
            root.put("exits", exits);
            out.print(Json.write(root));
        } else {
            long fast = bound.exits().stream().filter(BoundExit::fastpath).count();
            out.printf(Locale.ROOT, "%s: ok: %d objects, %d exits (%d fastpath), %d access lines resolved%s"
                            + " against %d layout file(s)%n", input.file, bound.objects().size(), bound.exits().size(), fast,
                    declared - skipped(warnings), skipped(warnings) > 0 ? " (" + skipped(warnings) + " skipped)" : "",
                    input.layouts.count());
            for (BoundExit e : bound.exits()) {
                out.printf(Locale.ROOT, "  %-24s %-8s %5d accesses  vmcs reads=%d writes=%d%n", e.name(),
                        e.fastpath() ? "fastpath" : "", e.accessCount(), e.vmcsReads(), e.vmcsWrites());
            }
            out.printf(Locale.ROOT, "  %d accesses over all exits (segments counted in every exit that uses them)%n", resolved);
        }
        out.flush();
        err.flush();
        return 0;
    }

    private static int skipped(List<String> warnings) {
        return (int) warnings.stream().filter(w -> w.endsWith("(--allow-missing)")).count();
    }

    private static int declaredAccesses(Trace trace) {
        int n = 0;
        for (var s : trace.segments()) {
            n += (int) s.steps().stream().filter(footprint.trace.Access.class::isInstance).count();
        }
        for (var e : trace.exits()) {
            n += (int) e.steps().stream().filter(footprint.trace.Access.class::isInstance).count();
        }
        return n;
    }
}
