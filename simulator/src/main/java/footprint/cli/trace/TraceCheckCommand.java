package footprint.cli.trace;

import footprint.cli.FormatOption;
import footprint.report.ReportJson;
import footprint.trace.BoundTrace;
import footprint.trace.Trace;
import footprint.trace.TraceCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
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

    @Mixin
    FormatOption format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BoundTrace bound = input.bind(err);
        TraceCheck check = TraceCheck.of(input.file.toString(), input.layouts.count(), bound, input.warnings);
        if (format.json()) {
            out.print(ReportJson.write(check));
        } else {
            text(out, check, declaredAccesses(bound.source()));
        }
        out.flush();
        err.flush();
        return 0;
    }

    private static void text(PrintWriter out, TraceCheck check, int declared) {
        long fast = check.exits().stream().filter(TraceCheck.ExitSummary::fastpath).count();
        int skipped = skipped(check.warnings());
        out.printf(Locale.ROOT, "%s: ok: %d objects, %d exits (%d fastpath), %d access lines resolved%s"
                        + " against %d layout file(s)%n", check.trace(), check.objects(), check.exits().size(), fast,
                declared - skipped, skipped > 0 ? " (" + skipped + " skipped)" : "", check.layoutFiles());
        for (TraceCheck.ExitSummary e : check.exits()) {
            out.printf(Locale.ROOT, "  %-24s %-8s %5d accesses  vmcs reads=%d writes=%d%n", e.exit(),
                    e.fastpath() ? "fastpath" : "", e.accesses(), e.vmcsReads(), e.vmcsWrites());
        }
        int resolved = check.exits().stream().mapToInt(TraceCheck.ExitSummary::accesses).sum();
        out.printf(Locale.ROOT, "  %d accesses over all exits (segments counted in every exit that uses them)%n", resolved);
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
