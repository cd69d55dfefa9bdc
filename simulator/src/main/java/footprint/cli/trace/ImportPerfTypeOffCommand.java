package footprint.cli.trace;

import footprint.cli.FormatOption;
import footprint.report.ReportJson;
import footprint.trace.perf.TypeOffReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint trace import perf-typeoff}: perf data-type profile to per-field access weights. */
@Command(
        mixinStandardHelpOptions = true,
        name = "perf-typeoff",
        description = {
            "Turn 'perf report --sort type,typeoff' output (data-type profiling, Linux 6.8+) into "
                + "per-field access weights: per data type, the share of samples at each member offset."},
        footer = {"", "Example:",
            "  perf mem record -K -a -- sleep 5 && perf report --stdio --sort type,typeoff > typeoff.txt",
            "  footprint trace import perf-typeoff typeoff.txt --type 'struct vcpu_vmx'"})
public final class ImportPerfTypeOffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REPORT", description = "Saved 'perf report --stdio --sort type,typeoff' output.")
    Path report;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this data type ('struct kvm_vcpu' or 'kvm_vcpu').")
    List<String> types = new ArrayList<>();

    @Mixin
    FormatOption format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TypeOffReport r = TypeOffReport.read(report);
        List<TypeOffReport.TypeWeights> selected = r.types().stream().filter(this::wanted).toList();
        if (!types.isEmpty() && selected.isEmpty()) {
            throw new footprint.input.InputException(report, 0, "no samples of " + String.join(", ", types)
                    + " (types in the report: " + String.join(", ", r.types().stream().map(TypeOffReport.TypeWeights::type).toList()) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            out.print(ReportJson.write(new TypeOffReport(r.source(), selected, r.unattributed())));
        } else {
            text(out, r, selected);
        }
        out.flush();
        return 0;
    }

    private boolean wanted(TypeOffReport.TypeWeights t) {
        if (types.isEmpty()) {
            return true;
        }
        for (String want : types) {
            if (t.type().equals(want) || t.type().equals("struct " + want) || t.type().equals("union " + want)) {
                return true;
            }
        }
        return false;
    }

    private static void text(PrintWriter out, TypeOffReport r, List<TypeOffReport.TypeWeights> selected) {
        out.printf(Locale.ROOT, "Per-field access weights from %s (percent of all samples; share within the type)%n", r.source());
        for (TypeOffReport.TypeWeights t : selected) {
            out.printf(Locale.ROOT, "%n%s: %.2f%% of samples, %d offsets%n", t.type(), t.percent(), t.fields().size());
            out.printf(Locale.ROOT, "  %10s  %8s  %7s  %s%n", "offset", "samples%", "of type", "field");
            for (TypeOffReport.FieldWeight f : t.fields()) {
                out.printf(Locale.ROOT, "  %10s  %7.2f%%  %6.1f%%  %s%n", "+0x" + Long.toHexString(f.offset()), f.percent(),
                        100 * f.shareOfType(), f.field());
            }
        }
        if (!r.unattributed().isEmpty()) {
            out.printf(Locale.ROOT, "%nNot attributed to a member:%n");
            for (TypeOffReport.Unattributed u : r.unattributed()) {
                out.printf(Locale.ROOT, "  %7.2f%%  %s%n", u.percent(), u.type());
            }
        }
    }
}
