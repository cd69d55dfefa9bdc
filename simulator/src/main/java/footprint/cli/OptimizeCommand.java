package footprint.cli;

import footprint.layout.LayoutSet;
import footprint.optimize.Optimization;
import footprint.optimize.OptimizeReport;
import footprint.optimize.OptimizeText;
import footprint.report.ReportFile;
import footprint.report.ReportJson;
import footprint.trace.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code footprint optimize}: a member order for one struct that groups the fields a trace's exits touch. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {
            "Proposes a top-level member order for struct NAME from the fields the trace's exits "
                + "touch, and shows what it does. Every access that lands in an instance of NAME (an "
                + "object of that type, or a member of that type at any depth, e.g. vmx.vcpu.arch for "
                + "kvm_vcpu_arch) counts for the top-level member of NAME it falls in; a member's heat is "
                + "the summed stream weight (mix weights, or a sequence's frequencies) of the exits that "
                + "touch it.",
            "",
            "Order: hot members first, in groups of members touched by the same set of exits, the "
                + "groups along a reflected Gray code over the exits by falling weight (so the most "
                + "frequent exits' members are contiguous); inside a group larger alignment first, then "
                + "smaller size; then "
                + "every cold member in its current order. Ties go by current position.",
            "",
            "Only top-level members move: nested structs keep their order (optimise them with their "
                + "own --struct). The order ignores false sharing: read-mostly and written fields are "
                + "not kept apart in this version.",
            "",
            "The table shows, per exit, the touched lines of the objects that hold NAME before and "
                + "after NAME, and every struct holding it, is re-laid out in the new order, and the "
                + "ideal, as 'trace stats' counts them. --output writes the order file that "
                + "'layout --order' reads; without it the order is printed after the table."},
        footerHeading = "%nExample:%n",
        footer = {
            "  L=models/layouts/debian-6.1",
            "  footprint optimize --trace traces/kvm-6.1/vmx/vmx-exits.trace \\",
            "      --struct kvm_vcpu_arch --output kvm_vcpu_arch.order --layout \\",
            "      $L/debian-6.1-vcpu_vmx.expanded.pahole \\",
            "      $L/debian-6.1-kvm_lapic.expanded.pahole \\",
            "      $L/debian-6.1-kvm.expanded.pahole $L/debian-6.1-kvm_run.pahole",
            "  footprint layout $L/debian-6.1-vcpu_vmx.expanded.pahole \\",
            "      --struct kvm_vcpu_arch --order kvm_vcpu_arch.order \\",
            "      > kvm_vcpu_arch.optimised.pahole"})
public final class OptimizeCommand implements Callable<Integer> {
    @Option(names = "--trace", required = true, paramLabel = "TRACE", description = "the trace file")
    Path trace;

    @Option(names = "--layout", required = true, arity = "1..*", paramLabel = "FILE",
            description = "pahole dumps defining the structs of the trace's objects (later files override earlier ones)")
    List<Path> layouts;

    @Option(names = "--struct", required = true, paramLabel = "NAME", description = "the struct whose members to order")
    String struct;

    @Option(names = "--output", paramLabel = "ORDERFILE",
            description = "write the order file here (atomically; never over an input) instead of printing the order")
    Path output;

    @Option(names = "--allow-missing", description = "warn about and skip accesses that do not resolve, instead of failing")
    boolean allowMissing;

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        refuseInputs();
        LayoutSet set = LayoutFiles.load(layouts, err);
        List<String> warnings = new ArrayList<>();
        OptimizeReport report = Optimization.run(TraceReader.read(trace), layouts, set, struct, allowMissing,
                warnings);
        warnings.forEach(w -> err.println("footprint: " + w));
        String orderFile = OptimizeText.orderFile(report, layouts);
        if (output != null) {
            ReportFile.write(output, orderFile);
            err.println("footprint: wrote " + output);
        }
        if (format.json()) {
            out.print(ReportJson.write(report));
        } else {
            out.print(OptimizeText.table(report));
            if (output == null) {
                out.print('\n');
                out.print(orderFile);
            }
        }
        out.flush();
        return 0;
    }

    private void refuseInputs() throws IOException {
        List<Path> inputs = new ArrayList<>(layouts);
        inputs.add(trace);
        ReportFile.refuseInputs("--output", output, inputs);
    }
}
