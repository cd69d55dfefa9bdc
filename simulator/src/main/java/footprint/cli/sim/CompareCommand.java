package footprint.cli.sim;

import footprint.cli.CheckFailedException;
import footprint.compare.Comparison;
import footprint.compare.ComparisonReport;
import footprint.compare.ComparisonSetup;
import footprint.compare.InputFile;
import footprint.compare.LayoutComparison;
import footprint.compare.ModelUnderTest;
import footprint.compare.Verdict;
import footprint.input.InputException;
import footprint.layout.StructLayout;
import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.report.ReportFormat;
import footprint.sim.CostModel;
import footprint.sim.ExitProgram;
import footprint.sim.HierarchyCache;
import footprint.sim.Replicates;
import footprint.trace.Trace;
import footprint.trace.TraceReader;
import footprint.units.ByteSize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code footprint compare}: the same trace against a layout before and after a patch, with the statistics to judge it. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays one trace against the layouts before and after a patch over the same exit "
            + "sequence and reports, per exit reason and for the mix: touched lines next to the "
            + "ideal, L1D/L2 misses and estimated cycles with the difference, its 95%% confidence "
            + "interval and a paired t-test over independent replicates (--replicates), the difference as a share of the exit's cost, a "
            + "guest-pressure sweep, a placement sweep (better/equal/worse over K random placements), "
            + "per-field attribution, density maps with the accessed bytes, a verdict, and the "
            + "inputs' SHA-256 hashes.",
        footer = {"%nExample (examples/compare-kvm-vcpu-reorder.sh runs the bundled pair):",
            "  L=\"models/layouts/debian-6.1/debian-6.1-kvm-intel.all.pahole",
            "     models/layouts/debian-6.1/debian-6.1-vcpu_vmx.expanded.pahole ...\"",
            "  footprint compare --trace traces/kvm-6.1/vmx/vmx-exits.trace --before $L \\",
            "      --after $L models/layouts/example/kvm_vcpu.reordered.pahole \\",
            "      --model skylake-sp --format html --output report.html"})
public final class CompareCommand implements Callable<Integer> {
    /** Exits of the main comparison in all (split over the replicates) unless --exits says otherwise. */
    static final int DEFAULT_EXITS = 10_000;
    /** The main comparison's guest unless --guest/--guest-ws/--guest-trace says otherwise: fills a 32 KiB L1D. */
    static final String DEFAULT_GUEST_WS = "32k";

    @Mixin
    ReplayOptions replay;

    @Option(names = "--before", required = true, arity = "1..*", paramLabel = "FILE", description = "pahole files of the layout before.")
    List<Path> before;

    @Option(names = "--after", required = true, arity = "1..*", paramLabel = "FILE",
            description = "pahole files of the layout after (a struct in a later file overrides earlier ones).")
    List<Path> after;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "CPU model id, repeatable, or 'all'.")
    List<String> models;

    @Option(names = "--guest-sweep", split = ",", paramLabel = "SIZE",
            description = "Guest working sets of the guest-pressure sweep (default 0,16k,32k,64k,256k,1M,4M; 'none' to skip).")
    List<String> guestSweep = List.of("0", "16k", "32k", "64k", "256k", "1M", "4M");

    @Option(names = "--placements", defaultValue = "20", paramLabel = "K",
            description = "Random placements of the placement sweep (default ${DEFAULT-VALUE}; 0 to skip).")
    int placements;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FMT", description = "text, md, json or html (default ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ReportOutput output;

    @Option(names = "--fail-if-worse", description = "Exit 1 when after is worse beyond the 95%% interval (mix cycles, any model).")
    boolean failIfWorse;


    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReportFormat reportFormat = ReplayOptions.parseEnum(ReportFormat.class, "--format", format);
        if (placements < 0) {
            throw new InputException("--placements must be >= 0, got " + placements);
        }
        checkOutput();
        Progress progress = new Progress(spec.commandLine().getErr(), output.quiet);
        Trace trace = TraceReader.read(replay.trace);
        List<String> warnings = new ArrayList<>();
        ReplayInputs a = ReplayInputs.bind(trace, before, "--before", warnings);
        ReplayInputs b = ReplayInputs.bind(trace, after, "--after", warnings);
        checkSameStructs(a, b);
        List<String> uniqueWarnings = List.copyOf(new LinkedHashSet<>(warnings));
        uniqueWarnings.forEach(w -> spec.commandLine().getErr().println("footprint: " + w));
        List<CpuModel> cpus = cpuModels();
        List<String> exitNames = new ArrayList<>();
        for (int e = 0; e < a.program().exitCount(); e++) {
            exitNames.add(a.program().exitName(e));
        }
        List<ModelUnderTest> mut = cpus.stream()
                .map(c -> new ModelUnderTest(CostModel.of(c, exitNames), HierarchyCache.factory(c))).toList();
        List<Long> sweep = guestSweep.size() == 1 && guestSweep.get(0).equals("none") ? List.of()
                : guestSweep.stream().map(s -> ReplayOptions.size("--guest-sweep", s)).toList();
        for (long ws : sweep) {
            if (ws > LayoutComparison.MAX_SWEEP_WORKING_SET) {
                throw new InputException(String.format(java.util.Locale.ROOT, "--guest-sweep %s: the sweep touches every"
                        + " line of the working set between two exits (%d accesses per exit, at least %d exits per"
                        + " replicate, four replays per model): hours of run time; the largest point is 1G",
                        ByteSize.format(ws), ws / 64, LayoutComparison.MIN_SWEEP_EXITS));
            }
        }
        int replicates = replay.replicates();
        int exits = Replicates.exitsEach(replay.exitsOr(DEFAULT_EXITS), replicates);
        long seed = replay.seed;
        ComparisonSetup setup = new ComparisonSetup(a.program(), b.program(), (s, n) -> a.stream().iterator(n, s), mut,
                replicates, exits, seed, replay.placement(), replay.guest(DEFAULT_GUEST_WS), sweep, replay.guestAccesses,
                replay.pattern(), placements, structs(a), structs(b));
        ComparisonReport report = Comparison.run(setup, replay.trace.toString(), commandLine(), inputs(cpus),
                uniqueWarnings, progress);
        String text = reportFormat.render(report);
        output.emit(text, spec.commandLine().getOut(), progress);
        if (failIfWorse && Verdict.afterIsWorse(report.models())) {
            throw new CheckFailedException("after is worse than before beyond the 95% interval (--fail-if-worse)");
        }
        return 0;
    }

    /** Refuses to write the report over one of the inputs. */
    private void checkOutput() throws IOException {
        List<Path> inputs = new ArrayList<>(before);
        inputs.addAll(after);
        inputs.add(replay.trace);
        inputs.add(replay.guestTrace);
        inputs.add(replay.modelsDirectory());
        output.checkTarget(inputs);
    }

    private List<CpuModel> cpuModels() {
        Path dir = replay.modelsDirectory();
        if (models.contains("all")) {
            return CpuModels.loadAll(dir);
        }
        List<CpuModel> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(models)) {
            out.add(CpuModels.find(dir, id));
        }
        return out;
    }

    /** Both sides must describe the same structs for every object of the trace: the same members, in any order. */
    private static void checkSameStructs(ReplayInputs a, ReplayInputs b) {
        for (ExitProgram.ProgramObject o : a.program().objects()) {
            if (o.structType() == null) {
                continue;
            }
            StructLayout sa = a.layouts().find(o.structType()).orElseThrow();
            StructLayout sb = b.layouts().find(o.structType()).orElseThrow();
            TreeSet<String> onlyA = new TreeSet<>(sa.memberNames());
            onlyA.removeAll(sb.memberNames());
            TreeSet<String> onlyB = new TreeSet<>(sb.memberNames());
            onlyB.removeAll(sa.memberNames());
            if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
                throw new InputException(sb.source(), sb.line(), "--before and --after describe different structs '"
                        + o.structType() + "': members only before: " + names(onlyA) + "; only after: " + names(onlyB));
            }
        }
    }

    private static String names(TreeSet<String> s) {
        if (s.isEmpty()) {
            return "none";
        }
        List<String> l = new ArrayList<>(s);
        return String.join(", ", l.subList(0, Math.min(6, l.size()))) + (l.size() > 6 ? ", ..." : "");
    }

    private static Map<String, StructLayout> structs(ReplayInputs in) {
        Map<String, StructLayout> out = new TreeMap<>();
        for (ExitProgram.ProgramObject o : in.program().objects()) {
            if (o.structType() != null) {
                in.layouts().find(o.structType()).ifPresent(s -> out.put(o.structType(), s));
            }
        }
        return out;
    }

    private String commandLine() {
        // The parse result's original arguments start with the subcommand name.
        List<String> words = new ArrayList<>(List.of("footprint"));
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            words.add(arg.isEmpty() || arg.matches(".*[\\s'\"$`\\\\].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg);
        }
        return String.join(" ", words);
    }

    private List<InputFile> inputs(List<CpuModel> cpus) throws IOException {
        List<InputFile> out = new ArrayList<>();
        out.add(hash("trace", replay.trace));
        for (Path p : before) {
            out.add(hash("before", p));
        }
        for (Path p : after) {
            out.add(hash("after", p));
        }
        for (CpuModel c : cpus) {
            if (c.file() != null) {
                out.add(hash("model " + c.id(), Path.of(c.file())));
            }
        }
        if (replay.guestTrace != null) {
            out.add(hash("guest trace", replay.guestTrace));
        }
        return out;
    }

    private static InputFile hash(String role, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return new InputFile(role, file.toString(), HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
