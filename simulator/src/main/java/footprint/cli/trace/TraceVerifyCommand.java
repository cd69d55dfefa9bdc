package footprint.cli.trace;

import footprint.cli.CheckFailedException;
import footprint.cli.Json;
import footprint.cli.OutputFormat;
import footprint.layout.LayoutSet;
import footprint.trace.ExitDef;
import footprint.trace.Trace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceReader;
import footprint.trace.verify.BinaryReport;
import footprint.trace.verify.BinaryVerifier;
import footprint.trace.verify.Disassembly;
import footprint.trace.verify.Objdump;
import footprint.trace.verify.SourceReport;
import footprint.trace.verify.SourceVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
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
                + " applied are listed as exceptions. Exit 1 when any access fails.",
            "With --binary MODULE.ko... --layout FILE...: look for each access in the modules' code: an"
                + " instruction that the debug info (objdump -dl --inlines) attributes to the cited line, with a"
                + " memory operand at the field's offset (from the object or from a member on the field's path)."
                + " Reports per exit how many accesses are confirmed, explained (merged into a wider access or"
                + " moved to a nearby line) or unconfirmed, with the instructions seen. A miss is not an error:"
                + " exit 1 only when --min-confirmed is given and not reached."},
        footer = {"", "Examples:",
            "  footprint trace verify traces/kvm-6.1/vmx/vmx-exits.trace --source /usr/src/linux-source-6.1",
            "  footprint trace verify traces/kvm-6.1/svm/svm-exits.trace --source ~/linux --format json",
            "  L=models/layouts/debian-7.2",
            "  footprint trace verify traces/kvm-7.2/vmx/vmx-exits.trace --binary kvm-intel.ko kvm.ko \\",
            "      --layout $L/debian-7.2-vcpu_vmx.expanded.pahole $L/debian-7.2-kvm_lapic.expanded.pahole \\",
            "      $L/debian-7.2-kvm.expanded.pahole $L/debian-7.2-kvm_run.pahole --min-confirmed 90"})
public final class TraceVerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file.")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Against against;

    /** What the trace is checked against: the source tree, or compiled modules. */
    static final class Against {
        @Option(names = "--source", paramLabel = "DIR",
                description = "Root of the kernel source tree the trace cites (arch/x86/kvm, include, virt/kvm at least).")
        Path source;

        @Option(names = "--binary", arity = "1..*", paramLabel = "MODULE",
                description = "Kernel modules with debug info (e.g. kvm-intel.ko and kvm.ko of linux-image-*-dbg).")
        List<Path> modules;
    }

    @Option(names = "--layout", arity = "1..*", paramLabel = "FILE",
            description = "With --binary: pahole dumps of the trace's structs, matching the modules (later files override).")
    List<Path> layouts = new ArrayList<>();

    @Option(names = "--min-confirmed", paramLabel = "PERCENT",
            description = "With --binary: exit 1 when fewer than PERCENT of the accesses (of the --exit exits) are confirmed.")
    Double minConfirmed;

    @Option(names = "--allow-missing", description = "With --binary: leave accesses whose field the layouts lack"
            + " unchecked (listed) instead of failing, e.g. to try a trace on another kernel's modules.")
    boolean allowMissing;

    @Option(names = "--exit", paramLabel = "NAME", description = "With --binary: only these exits (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (against.modules != null) {
            return binary();
        }
        if (!layouts.isEmpty() || minConfirmed != null || !only.isEmpty() || allowMissing) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--layout, --min-confirmed, --exit and --allow-missing go with --binary, not --source");
        }
        Path source = against.source;
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

    private int binary() {
        if (layouts.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--binary needs --layout FILE... (the pahole"
                    + " dumps of the trace's structs as compiled into the modules)");
        }
        if (minConfirmed != null && (minConfirmed < 0 || minConfirmed > 100)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-confirmed must be a percentage (0-100)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Trace trace = TraceReader.read(file);
        LayoutSet layoutSet = LayoutSet.load(layouts);
        List<String> warnings = new ArrayList<>();
        TraceBinder.bind(trace, layoutSet, allowMissing, warnings); // every access resolves, or a FILE:LINE error
        warnings.forEach(w -> err.println("footprint: " + w));
        for (String name : only) {
            if (trace.exits().stream().noneMatch(e -> e.name().equals(name))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--exit " + name + ": no such exit in " + file
                        + " (exits: " + String.join(", ", trace.exits().stream().map(ExitDef::name).toList()) + ")");
            }
        }
        err.println("footprint: disassembling " + against.modules.size() + " module(s) with objdump ...");
        err.flush();
        Disassembly code = Objdump.disassemble(against.modules);
        BinaryReport full = BinaryVerifier.verify(trace, layoutSet, code,
                against.modules.stream().map(Path::toString).toList());
        BinaryReport report = only.isEmpty() ? full : new BinaryReport(full.trace(), full.modules(),
                full.exits().stream().filter(e -> only.contains(e.exit())).toList(), full.explained(), full.unconfirmed(),
                full.unchecked());
        if (format == OutputFormat.json) {
            out.print(Json.write(report));
        } else {
            BinaryReportText.print(out, report);
        }
        out.flush();
        if (minConfirmed != null && report.confirmedPercent() < minConfirmed) {
            throw new CheckFailedException(String.format(Locale.ROOT, "%.1f%% of the accesses confirmed, below"
                    + " --min-confirmed %s", report.confirmedPercent(), minConfirmed));
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
