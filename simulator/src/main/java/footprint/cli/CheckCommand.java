package footprint.cli;

import footprint.check.BudgetCheck;
import footprint.check.LineBudget;
import footprint.report.ReportFile;
import footprint.trace.BoundTrace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceReader;
import footprint.trace.TraceStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code footprint check}: fails when an exit touches more cachelines of an object than its budget allows. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Guards a good layout in CI. --write-budget records, per exit and object, the cachelines "
                + "the exit touches now (as 'trace stats' counts them: " + LineBudget.LINE_SIZE
                + "-byte lines, each object on a line boundary) in a text file of 'EXIT OBJECT LINES' "
                + "lines with '#' comments. --budget checks the layouts against such a file: exit 0 when "
                + "every exit is within its budget for every object (fewer lines are noted: tighten the "
                + "budget), exit 1 when one exceeds it, listing for each overrun the exit's fields on "
                + "every line it touches. An exit or object in the budget but not in the trace, or the "
                + "reverse, is an error (exit 2)."},
        footerHeading = "%nExample:%n",
        footer = {
            "  L=models/layouts/debian-6.1/debian-6.1-",
            "  LAY=\"${L}vcpu_vmx.expanded.pahole ${L}kvm_lapic.expanded.pahole\"",
            "  LAY=\"$LAY ${L}kvm.expanded.pahole ${L}kvm_run.pahole\"",
            "  footprint check --trace traces/kvm-6.1/vmx/vmx-exits.trace --layout $LAY \\",
            "      --write-budget vmx.budget",
            "  footprint check --trace traces/kvm-6.1/vmx/vmx-exits.trace --layout $LAY \\",
            "      --budget vmx.budget"})
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--trace", required = true, paramLabel = "TRACE", description = "the trace file")
    Path trace;

    @Option(names = "--layout", required = true, arity = "1..*", paramLabel = "FILE",
            description = "pahole dumps defining the structs of the trace's objects (later files override earlier ones)")
    List<Path> layouts;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json for the --budget result; default: ${DEFAULT-VALUE}")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    /** Either write a budget or check against one. */
    static final class Mode {
        @Option(names = "--write-budget", required = true, paramLabel = "BUDGET",
                description = "write the lines touched now as the budget file (atomically; never over an input)")
        Path writeBudget;

        @Option(names = "--budget", required = true, paramLabel = "BUDGET", description = "check against this budget file")
        Path budget;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (mode.writeBudget != null) {
            checkTarget(mode.writeBudget);
        }
        LineBudget budget = mode.budget == null ? null : LineBudget.read(mode.budget);
        List<String> warnings = new ArrayList<>();
        BoundTrace bound = TraceBinder.bind(TraceReader.read(trace), LayoutFiles.load(layouts, err), false, warnings);
        warnings.forEach(w -> err.println("footprint: " + w));
        List<TraceStats.ExitStats> stats = TraceStats.of(bound, LineBudget.LINE_SIZE);
        List<String> layoutNames = layouts.stream().map(Path::toString).toList();
        if (budget == null) {
            ReportFile.write(mode.writeBudget, LineBudget.write(trace.toString(), layoutNames, stats));
            err.println("footprint: wrote " + mode.writeBudget);
            return 0;
        }
        BudgetCheck.Report report = BudgetCheck.run(trace.toString(), layoutNames, LineBudget.LINE_SIZE, stats, budget);
        if (format == OutputFormat.json) {
            out.print(Json.write(report));
        } else {
            text(out, report);
        }
        out.flush();
        if (!report.passed()) {
            throw new CheckFailedException(summary(report));
        }
        return 0;
    }

    private static void text(PrintWriter out, BudgetCheck.Report report) {
        for (BudgetCheck.Overrun o : report.overruns()) {
            out.printf(Locale.ROOT, "FAIL %s %s: %d lines, budget %d (+%d); its fields per line:%n", o.exit(),
                    o.object(), o.lines(), o.budget(), o.lines() - o.budget());
            for (BudgetCheck.LineFields l : o.touched()) {
                out.printf(Locale.ROOT, "  line %3d: %s%n", l.line(), String.join(" ", l.fields()));
            }
        }
        for (BudgetCheck.Slack s : report.slack()) {
            out.printf(Locale.ROOT, "note: %s %s: %d lines, budget %d (-%d): tighten the budget%n", s.exit(),
                    s.object(), s.lines(), s.budget(), s.budget() - s.lines());
        }
        out.println(report.passed()
                ? String.format(Locale.ROOT, "ok: all %d exit/object budgets of %s hold for %s", report.budgets(),
                        report.budget(), report.trace())
                : summary(report));
    }

    private static String summary(BudgetCheck.Report report) {
        return String.format(Locale.ROOT, "check failed: %d of %d exit/object budgets of %s exceeded for %s",
                report.overruns().size(), report.budgets(), report.budget(), report.trace());
    }

    private void checkTarget(Path output) throws IOException {
        List<Path> inputs = new ArrayList<>(layouts);
        inputs.add(trace);
        ReportFile.checkTarget("--write-budget", output, inputs);
    }
}
