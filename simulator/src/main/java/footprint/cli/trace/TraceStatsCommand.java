package footprint.cli.trace;

import footprint.cli.FormatOption;
import footprint.report.ReportJson;
import footprint.trace.BoundTrace;
import footprint.trace.TraceStats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code footprint trace stats}: per exit, what each object's accesses touch under a layout. */
@Command(
        mixinStandardHelpOptions = true,
        name = "stats",
        description = {
            "Per exit: accesses, distinct fields, distinct bytes, touched and ideal cachelines "
                + "per object under the layouts. Each object is assumed to start on a cacheline "
                + "boundary (offset 0 of a line-aligned base); an unaligned placement can only add "
                + "lines (see 'footprint simulate' for placements). JSON lists, per exit and object, "
                + "every field touched with its offset, size, R/W and lines."},
        footer = {"", "Example:",
            "  L=models/layouts/debian-6.1",
            "  footprint trace stats traces/kvm-6.1/vmx/vmx-exits.trace --format json --exit TSC_DEADLINE_WRITE --layout \\",
            "      $L/debian-6.1-vcpu_vmx.expanded.pahole $L/debian-6.1-kvm_lapic.expanded.pahole \\",
            "      $L/debian-6.1-kvm.expanded.pahole $L/debian-6.1-kvm_run.pahole"})
public final class TraceStatsCommand implements Callable<Integer> {
    @Mixin
    TraceInput input;

    @Option(names = "--line-size", defaultValue = "64", paramLabel = "BYTES", description = "Cacheline size (default: ${DEFAULT-VALUE}).")
    int lineSize;

    @Option(names = "--exit", paramLabel = "NAME", description = "Only these exits (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--fields", description = "In text output, list under each object the fields it touches, with their lines.")
    boolean listFields;

    @Mixin
    FormatOption format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (lineSize <= 0 || Integer.bitCount(lineSize) != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--line-size must be a power of two");
        }
        PrintWriter out = spec.commandLine().getOut();
        BoundTrace bound = input.bind(spec.commandLine().getErr());
        for (String name : only) {
            if (bound.exitIndex(name) < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--exit " + name + ": no such exit in "
                        + input.file + " (exits: " + String.join(", ", bound.exits().stream().map(e -> e.name()).toList()) + ")");
            }
        }
        List<TraceStats.ExitStats> stats = TraceStats.of(bound, lineSize).stream()
                .filter(s -> only.isEmpty() || only.contains(s.exit())).toList();
        if (format.json()) {
            out.print(ReportJson.write(new TraceStats.Report(input.file.toString(), lineSize, TraceStats.PLACEMENT, stats)));
        } else {
            text(out, stats);
        }
        out.flush();
        return 0;
    }

    private void text(PrintWriter out, List<TraceStats.ExitStats> stats) {
        out.printf(Locale.ROOT, "%s under %d layout file(s); %d-byte lines, each object assumed to start on a line"
                + " boundary%n", input.file, input.layouts.count(), lineSize);
        for (TraceStats.ExitStats e : stats) {
            out.printf(Locale.ROOT, "%nexit %s%s: %d accesses (%d read, %d write; RW counts as both), vmcs reads=%d writes=%d%n", e.exit(),
                    e.fastpath() ? " (fastpath)" : "", e.accesses(), e.reads(), e.writes(), e.vmcsReads(), e.vmcsWrites());
            out.printf(Locale.ROOT, "  %-16s %-20s %8s %6s %6s %6s %6s%n", "object", "type", "accesses", "fields", "bytes",
                    "lines", "ideal");
            for (TraceStats.ObjectStats o : e.objects()) {
                out.printf(Locale.ROOT, "  %-16s %-20s %8d %6d %6d %6d %6d%n", o.object(),
                        o.structType() == null ? "(raw)" : o.structType(), o.accesses(), o.distinctFields(), o.bytes(),
                        o.touchedLines(), o.idealLines());
                if (listFields) {
                    for (TraceStats.FieldTouch f : o.fields()) {
                        out.printf(Locale.ROOT, "      %8s %4d %-2s lines %-10s %s%n", "+0x" + Long.toHexString(f.offset()),
                                f.size(), f.ops(), joinLines(f.lines()), f.path());
                    }
                }
            }
            out.printf(Locale.ROOT, "  %-16s %-20s %8d %6d %6d %6d %6d%n", "total", "", e.accesses(), e.distinctFields(),
                    e.bytes(), e.touchedLines(), e.idealLines());
        }
    }

    private static String joinLines(List<Long> lines) {
        return lines.size() == 1 ? lines.get(0).toString() : lines.get(0) + "-" + lines.get(lines.size() - 1);
    }
}
