package footprint.cli.sim;

import footprint.cli.FormatOption;
import footprint.input.InputException;
import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.report.ReportJson;
import footprint.report.SimulationText;
import footprint.sim.CostModel;
import footprint.sim.ExitProgram;
import footprint.sim.ExitSequence;
import footprint.sim.GuestModel;
import footprint.sim.HierarchyCache;
import footprint.sim.SimulationReport;
import footprint.sim.ReplayProgress;
import footprint.sim.Replicates;
import footprint.sim.SimulationRun;
import footprint.trace.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code footprint simulate}: replays a trace bound to one layout on one CPU model, with the guest between exits. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays the exits of a trace against struct layouts on a CPU model's cache hierarchy, "
            + "with the guest touching its own memory between exits, and prints per exit reason: "
            + "count, touched and ideal lines, misses per level, host stall cycles, the guest's extra "
            + "misses and stall cycles (against a shadow run of the guest alone), the base exit cost "
            + "and the estimated cycles per exit (mean, sd, percentiles). Stall cycles are divided by "
            + "the model's memory-level parallelism. A single exit's guest stall is its guest phase "
            + "minus the shadow's same phase, so one exit can come out below its base cost; the means "
            + "are exact.",
        footer = {"%nExample:",
            "  footprint simulate --trace traces/kvm-6.1/vmx/vmx-exits.trace \\",
            "      --layout models/layouts/debian-6.1/*.expanded.pahole models/layouts/debian-6.1/debian-6.1-kvm_run.pahole \\",
            "      --model skylake-sp --exits 100000 --guest-ws 64k --guest-accesses 500"})
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    ReplayOptions replay;

    @Option(names = "--layout", required = true, arity = "1..*", paramLabel = "FILE",
            description = "pahole files; a struct in a later file overrides earlier definitions.")
    List<Path> layouts;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "CPU model id (see 'footprint models').")
    String model;

    @Mixin
    FormatOption format;

    @Mixin
    ReportOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean json = format.json();
        Progress progress = new Progress(spec.commandLine().getErr(), output.quiet);
        List<Path> inputs = new ArrayList<>(layouts);
        inputs.add(replay.trace);
        inputs.add(replay.guestTrace);
        inputs.add(replay.modelsDirectory());
        output.checkTarget(inputs);
        List<String> warnings = new ArrayList<>();
        ReplayInputs in = ReplayInputs.bind(TraceReader.read(replay.trace), layouts, "--layout", warnings);
        warnings.forEach(w -> spec.commandLine().getErr().println("footprint: " + w));
        CpuModel cpu = CpuModels.find(replay.modelsDirectory(), model);
        int replicates = replay.replicates();
        int exitsEach = Replicates.exitsEach(replay.exitsOr(in.stream().count()), replicates);
        long seed = replay.seed;
        GuestModel guest = replay.guest("0");
        ExitProgram program = in.program();
        long[] seeds = Replicates.seeds(seed, replicates);
        List<long[]> bases = new ArrayList<>();
        for (long s : seeds) {
            bases.add(replay.placement().place(program.objects(), s));
        }
        List<String> exitNames = new ArrayList<>();
        for (int e = 0; e < program.exitCount(); e++) {
            exitNames.add(program.exitName(e));
        }
        CostModel cost = CostModel.of(cpu, exitNames);
        ExitSequence sequence = (s, n) -> in.stream().iterator(n, s);
        progress.accept("simulating " + replicates + " replicates of " + exitsEach + " exits on " + cpu.id() + ", guest "
                + guest.describe());
        ReplayProgress replayed = new ReplayProgress(progress, "simulated", (long) replicates * exitsEach);
        List<SimulationRun> runs = Replicates.map(replicates, r -> SimulationRun.run(program, bases.get(r),
                HierarchyCache.factory(cpu), cost, guest, sequence, exitsEach, seeds[r], replayed));
        List<SimulationReport.Replicate> placed = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            Map<String, String> b = new LinkedHashMap<>();
            for (int i = 0; i < bases.get(r).length; i++) {
                b.put(program.objects().get(i).name(), "0x" + Long.toHexString(bases.get(r)[i]));
            }
            placed.add(new SimulationReport.Replicate(seeds[r], b));
        }
        SimulationReport report = new SimulationReport("footprint " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                replay.trace.toString(), cpu.id(), cost.levelNames(), cost.memoryLevelParallelism(),
                replay.placement, guest.describe(), seed, exitsEach, placed, SimulationRun.summaries(runs));
        String text = json ? ReportJson.write(report) : SimulationText.render(report);
        output.emit(text, spec.commandLine().getOut(), progress);
        return 0;
    }
}
