package footprint.cli.trace;

import footprint.cli.CheckFailedException;
import footprint.cli.Json;
import footprint.cli.OutputFormat;
import footprint.trace.TraceReader;
import footprint.trace.verify.SourceReport;
import footprint.trace.verify.SourceVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint trace verify}: a trace's citations against the kernel source, or its fields against a compiled module. */
@Command(
        mixinStandardHelpOptions = true,
        name = "verify",
        description = {
            "With --source DIR: check every access against the kernel tree it cites: the file exists"
                + " under DIR and has the line, the line lies inside the cited function, and it names the"
                + " accessed field (the last component of its path, or an as= alias). Checks that cannot be"
                + " applied are listed as exceptions. Exit 1 when any access fails."},
        footer = {"", "Examples:",
            "  footprint trace verify traces/kvm-6.1/vmx/vmx-exits.trace --source /usr/src/linux-source-6.1",
            "  footprint trace verify traces/kvm-6.1/svm/svm-exits.trace --source ~/linux --format json"})
public final class TraceVerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file.")
    Path file;

    @Option(names = "--source", paramLabel = "DIR", required = true,
            description = "Root of the kernel source tree the trace cites (arch/x86/kvm, include, virt/kvm at least).")
    Path source;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SourceReport report = SourceVerifier.verify(TraceReader.read(file), source);
        if (format == OutputFormat.json) {
            out.print(Json.write(report));
        } else {
            text(out, report);
        }
        out.flush();
        if (!report.passed()) {
            throw new CheckFailedException(report.failures().size() + " access line(s) of " + file
                    + " do not match the source in " + source);
        }
        return 0;
    }

    private static void text(PrintWriter out, SourceReport r) {
        out.printf(Locale.ROOT, "%s against %s%n", r.trace(), r.sourceDir());
        out.printf(Locale.ROOT, "  %-24s %-8s %8s %6s %6s %10s%n", "exit", "", "accesses", "pass", "fail", "exceptions");
        for (SourceReport.ExitCount e : r.exits()) {
            out.printf(Locale.ROOT, "  %-24s %-8s %8d %6d %6d %10d%n", e.exit(), e.fastpath() ? "fastpath" : "",
                    e.accesses(), e.passed(), e.failed(), e.exceptions());
        }
        if (!r.failures().isEmpty()) {
            out.printf(Locale.ROOT, "%nfailures (%d access lines):%n", r.failures().size());
            r.failures().forEach(f -> out.printf(Locale.ROOT, "  %s:%d: %s (%s): %s%n", r.trace(), f.line(), f.access(),
                    f.site(), f.reason()));
        }
        if (!r.exceptions().isEmpty()) {
            out.printf(Locale.ROOT, "%nchecks not applied (%d access lines):%n", r.exceptions().size());
            r.exceptions().forEach(f -> out.printf(Locale.ROOT, "  %s:%d: %s (%s): %s%n", r.trace(), f.line(),
                    f.access(), f.site(), f.reason()));
        }
        out.printf(Locale.ROOT, "%n%s: %s%n", r.trace(), r.passed() ? "ok" : "FAILED");
    }
}
