package footprint.cli;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.optimize.Constraint;
import footprint.optimize.ConstraintFile;
import footprint.optimize.OptimizeText;
import footprint.optimize.WholeOptimization;
import footprint.report.ReportFile;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code footprint optimize}: member orders for one or more structs that group the fields a trace's exits touch. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {
            "Proposes member orders for the structs named by --struct (or every struct inside the "
                + "traced object --object), ordered together, and shows what they do to the lines the "
                + "trace's exits touch in the objects holding them, counted as 'trace stats' counts.",
            "",
            "Each struct's hot members go in groups touched by the same exits (the most frequent "
                + "exits' members contiguous); a nested struct goes next to the group with its own hot "
                + "part at the end that meets it; a large member with a few hot bytes goes on the side "
                + "where its hot bytes are. Single-member moves then improve the order while they save "
                + "weighted lines. The proposal is re-laid out by the layout engine and counted again.",
            "",
            "Constraints (--constraints FILE): one rule per line, members as STRUCT.MEMBER: "
                + "'pin S.m OFFSET', 'together S.a S.b ...' (one block, in this order), 'before S.a S.b', "
                + "'after S.a S.b'; '#' starts a comment. Unnamed bitfields stay with the member after "
                + "them, and bitfields sharing storage move as one.",
            "",
            "Churn: --max-moves N keeps the members that leave their place (per struct, those "
                + "outside a longest common subsequence of the current and new order) to N, by greedy "
                + "single moves from the current order; --pareto prints the front of lines against "
                + "members moved.",
            "",
            "False sharing: the lines where a field another CPU writes (what the trace writes in an "
                + "object named *_dest, e.g. vmx_dest) meets fields the owner's exits write are listed; "
                + "the order does not separate them.",
            "",
            "--output writes the proposal as a pahole dump to give after the layout files (compare "
                + "--after, check --write-budget, trace stats)."},
        footerHeading = "%nExample:%n",
        footer = {
            "  L=models/layouts/debian-6.1",
            "  footprint optimize --trace traces/kvm-6.1/vmx/vmx-exits.trace \\",
            "      --object vmx --pareto --output vmx.optimised.pahole --layout \\",
            "      $L/debian-6.1-vcpu_vmx.expanded.pahole \\",
            "      $L/debian-6.1-kvm_lapic.expanded.pahole \\",
            "      $L/debian-6.1-kvm.expanded.pahole $L/debian-6.1-kvm_run.pahole",
            "  footprint optimize ... --struct kvm_vcpu_arch,kvm_vcpu --max-moves 10"})
public final class OptimizeCommand implements Callable<Integer> {
    @Option(names = "--trace", required = true, paramLabel = "TRACE", description = "the trace file")
    Path trace;

    @Option(names = "--layout", required = true, arity = "1..*", paramLabel = "FILE",
            description = "pahole dumps defining the structs of the trace's objects (later files override earlier ones)")
    List<Path> layouts;

    @Option(names = "--struct", split = ",", paramLabel = "NAME", description = "the structs whose members to order")
    List<String> structs;

    @Option(names = "--object", paramLabel = "OBJECT",
            description = "order every struct held by value inside this trace object (e.g. vmx)")
    String object;

    @Option(names = "--constraints", paramLabel = "FILE", description = "rules the proposal must keep")
    Path constraintsFile;

    @Option(names = "--max-moves", paramLabel = "N", description = "move at most N members (N >= 1)")
    Integer maxMoves;

    @Option(names = "--pareto", description = "print the front of lines saved against members moved")
    boolean pareto;

    @Option(names = "--output", paramLabel = "PAHOLE",
            description = "write the proposed structs as a pahole dump here (atomically; never over an input)")
    Path output;

    @Option(names = "--allow-missing", description = "warn about and skip accesses that do not resolve, instead of failing")
    boolean allowMissing;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json; default: ${DEFAULT-VALUE}")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxMoves != null && maxMoves < 1) {
            throw new InputException("--max-moves " + maxMoves + ": give at least 1 (0 moves is the current order)");
        }
        checkTarget();
        LayoutSet set = LayoutFiles.load(layouts, err);
        List<Constraint> constraints = constraintsFile == null ? List.of() : ConstraintFile.read(constraintsFile, set);
        List<String> warnings = new ArrayList<>();
        WholeOptimization.Request request = new WholeOptimization.Request(structs, object, constraints, maxMoves,
                pareto, allowMissing);
        WholeOptimization.Result result = WholeOptimization.run(TraceReader.read(trace), layouts, set, request,
                warnings, m -> {
                    err.println("footprint: " + m);
                    err.flush();
                });
        warnings.forEach(w -> err.println("footprint: " + w));
        if (output != null) {
            ReportFile.write(output, result.paholeText());
            err.println("footprint: wrote " + output);
        }
        out.print(format == OutputFormat.json ? Json.write(result.report()) : OptimizeText.table(result.report()));
        out.flush();
        return 0;
    }

    private void checkTarget() throws IOException {
        List<Path> inputs = new ArrayList<>(layouts);
        inputs.add(trace);
        if (constraintsFile != null) {
            inputs.add(constraintsFile);
        }
        ReportFile.checkTarget("--output", output, inputs);
    }
}
