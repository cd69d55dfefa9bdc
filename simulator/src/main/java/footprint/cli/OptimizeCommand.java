package footprint.cli;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.model.CpuModel;
import footprint.optimize.Constraint;
import footprint.optimize.ConstraintFile;
import footprint.optimize.OptimizeText;
import footprint.optimize.WholeOptimization;
import footprint.cli.sim.PatchComparison;
import footprint.patch.CoverLetter;
import footprint.patch.KernelPatch;
import footprint.patch.SourceConstraints;
import footprint.patch.SourceStruct;
import footprint.trace.Trace;
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
                + "where its hot bytes are. From the two best such orders, simulated annealing (seeded: the "
                + "same inputs give the same proposal) moves members, turns nested structs round and "
                + "gathers members of the same exits, accepting a few steps that cost lines to reach "
                + "orders no single move reaches; single-member moves finish, and a moved member that "
                + "saves nothing is put back. The proposal is re-laid out by the layout engine and "
                + "counted again.",
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

    @Option(names = "--search-steps", paramLabel = "N",
            description = "annealing steps in each of the two search chains (default: ${DEFAULT-VALUE}; 0: single "
                    + "moves only, faster and worse; more: slower, rarely better)")
    int searchSteps = WholeOptimization.DEFAULT_SEARCH_STEPS;

    @Option(names = "--pareto", description = "print the front of lines saved against members moved")
    boolean pareto;

    @Option(names = "--output", paramLabel = "PAHOLE",
            description = "write the proposed structs as a pahole dump here (atomically; never over an input)")
    Path output;

    @Option(names = "--source", paramLabel = "DIR",
            description = "a kernel source tree: keep the layout rules it states (BUILD_BUG_ON/static_assert on "
                    + "offsetof, the kvm_vcpu usercopy window, #ifdef blocks) and write --patch against it")
    Path source;

    @Option(names = "--patch", paramLabel = "DIFF",
            description = "with --source: write a unified diff (patch -p1 in the tree) that moves the declarations, "
                    + "brackets the touched members with __cacheline_group_begin/end and asserts the group from an "
                    + "init function (Linux 6.8+), and print a cover-letter paragraph with compare's numbers")
    Path patch;

    @Option(names = "--model", paramLabel = "ID",
            description = "with --patch: the CPU model the cover letter's comparison replays on (default "
                    + PatchComparison.DEFAULT_MODEL + ")")
    String model;

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
        if (maxMoves != null && maxMoves < 1) {
            throw new InputException("--max-moves " + maxMoves + ": give at least 1 (0 moves is the current order)");
        }
        if (searchSteps < 0) {
            throw new InputException("--search-steps " + searchSteps + ": give 0 or more");
        }
        checkTarget();
        LayoutSet set = LayoutFiles.load(layouts, err);
        if (patch != null && source == null) {
            throw new InputException("--patch needs --source DIR (the kernel tree the diff applies to)");
        }
        if (model != null && patch == null) {
            throw new InputException("--model " + model + ": only the cover letter of --patch replays on a model");
        }
        CpuModel cpu = patch == null ? null : PatchComparison.model(model);
        List<Constraint> constraints = new ArrayList<>();
        if (constraintsFile != null) {
            constraints.addAll(ConstraintFile.read(constraintsFile, set));
        }
        Trace read = TraceReader.read(trace);
        WholeOptimization.Request request = new WholeOptimization.Request(structs, object, constraints, maxMoves,
                pareto, allowMissing, searchSteps);
        if (source != null) {
            constraints.addAll(SourceConstraints.mine(source, set));
            for (String name : WholeOptimization.targets(read, set, request)) {
                try {
                    constraints.addAll(SourceConstraints.blocks(SourceStruct.find(source, name),
                            set.find(name).orElseThrow()));
                } catch (InputException e) {
                    // a struct the patch cannot read: --patch refuses it if it moves
                    err.println("footprint: note: #ifdef blocks of struct " + name + " not read: " + e.getMessage());
                }
            }
            request = new WholeOptimization.Request(structs, object, constraints, maxMoves, pareto, allowMissing,
                    searchSteps);
        }
        List<String> warnings = new ArrayList<>();
        WholeOptimization.Result result = WholeOptimization.run(read, layouts, set, request,
                warnings, m -> {
                    err.println("footprint: " + m);
                    err.flush();
                });
        warnings.forEach(w -> err.println("footprint: " + w));
        KernelPatch.Result diff = null;
        String cover = null;
        if (patch != null) {
            LayoutSet proposed = LayoutSet.composeWith(layouts, result.paholeText(), "the proposed layout");
            diff = KernelPatch.of(source, result.report(), proposed);
            err.println("footprint: replaying the current and the proposed layout on " + cpu.id()
                    + " for the cover letter");
            err.flush();
            cover = CoverLetter.paragraph(result.report(), diff, PatchComparison.measure(read, set,
                    String.join(" ", layouts.stream().map(Path::toString).toList()), proposed, cpu, allowMissing,
                    new ArrayList<>()));
        }
        if (output != null) {
            ReportFile.write(output, result.paholeText());
            err.println("footprint: wrote " + output);
        }
        if (diff != null) {
            ReportFile.write(patch, diff.diff());
            err.println("footprint: wrote " + patch);
        }
        out.print(format.json() ? ReportJson.write(result.report()) : OptimizeText.table(result.report()));
        if (diff != null && !format.json()) {
            out.print("\ncover letter:\n" + cover + "\n");
        }
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
        ReportFile.checkTarget("--patch", patch, inputs);
    }
}
