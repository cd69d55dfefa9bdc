package footprint.cli.sim;

import footprint.calibrate.CpuIdentity;
import footprint.calibrate.Calibrator;
import footprint.calibrate.ReferenceModels;
import footprint.cli.FormatOption;
import footprint.report.ReportJson;
import footprint.input.InputException;
import footprint.measure.PairedFork;
import footprint.measure.JmhReplay;
import footprint.measure.MeasuredPoint;
import footprint.measure.TimedPair;
import footprint.measure.Timing;
import footprint.measure.Measurement;
import footprint.measure.MeasurementText;
import footprint.measure.PerfCounters;
import footprint.measure.ReplayPlan;
import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.model.Provenance;
import footprint.sim.CostModel;
import footprint.sim.ExitProgram;
import footprint.sim.ExitSummary;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.HierarchyCache;
import footprint.sim.Metrics;
import footprint.sim.ReplayProgress;
import footprint.sim.SimulationRun;
import footprint.units.ByteSize;
import footprint.trace.Trace;
import footprint.trace.TraceReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.concurrent.Callable;
import org.apache.commons.math3.distribution.TDistribution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code footprint measure}: the before and after layouts replayed on the real CPU with JMH, beside simulate's prediction. */
@Command(name = "measure", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Lays out the trace's objects in real memory for each side exactly as simulate places them (sizes,"
                + " alignment, offsets within the page), replays every exit's accesses as loads and stores of the traced"
                + " width with the synthetic guest in between, and times it with JMH, two ways per round, each one"
                + " forked JVM: with the guest (guest phase and exit, before and after in alternating iterations"
                + " over the same pages), and the exit alone (both sides interleaved exit by exit, each exit timed"
                + " on its own, the guest phases untimed), so that what changes from one JVM or one second to the"
                + " next (page placement, the host's load) cancels in the paired difference. Prints ns and cycles"
                + " per exit for both sides, the difference with its noise, and what simulate predicts for the same"
                + " settings on a model (estimated cycles with the guest, the exit's own stall alone; default: a"
                + " model with id 'calibrated' in --models, as 'footprint calibrate --output DIR/calibrated.json'"
                + " writes; else the bundled model of this CPU, and it says so). Progress on stderr."},
        footer = {"%nExamples:",
            "  L=models/layouts/debian-6.1/debian-6.1",
            "  B=\"$L-kvm-intel.all.pahole $L-vcpu_vmx.expanded.pahole $L-kvm_lapic.expanded.pahole"
                + " $L-kvm.expanded.pahole $L-kvm_run.pahole\"",
            "  footprint measure --trace traces/kvm-6.1/vmx/vmx-exits.trace --before $B \\",
            "      --after $B models/layouts/example/kvm_vcpu.reordered.pahole --guest-sweep 0,64k,1m,4m",
            "  footprint measure ... --models host --model calibrated --rounds 5"})
public final class MeasureCommand implements Callable<Integer> {
    /** A run this long is refused up front. */
    static final long MAX_MILLIS = 3_600_000;

    @Mixin
    ReplayOptions replay;

    @Option(names = "--before", required = true, arity = "1..*", paramLabel = "FILE", description = "pahole files of the layout before.")
    List<Path> before;

    @Option(names = "--after", required = true, arity = "1..*", paramLabel = "FILE",
            description = "pahole files of the layout after (a later file's struct replaces an earlier one).")
    List<Path> after;

    @Option(names = "--model", paramLabel = "ID", description = "CPU model of the prediction (default: 'calibrated' if"
            + " --models has it, else the bundled model of this CPU).")
    String model;

    @Option(names = "--guest-sweep", split = ",", paramLabel = "SIZE",
            description = "Guest working sets to measure, e.g. 0,64k,1m,4m (default: --guest-ws, else 64k).")
    List<String> guestSweep;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of before and after, each two forked JVMs (with the guest, the exit alone;"
            + " default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--iteration-ms", defaultValue = "300", description = "Length of one JMH iteration (default ${DEFAULT-VALUE}).")
    long iterationMillis;

    @Option(names = "--perf", description = "Add L1D miss counts per exit from perf (Linux perf_event; says so where it does not work).")
    boolean perf;

    @Mixin
    FormatOption format;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** Even, so that measured iterations pair up (AlternatingSides); both sides warm twice. */
    private static final int WARMUP = 4;
    /** Five pairs of iterations per fork. */
    private static final int MEASURE = 10;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);
        if (rounds < 1 || rounds > 50 || iterationMillis < 50) {
            throw new InputException("--rounds must be 1 to 50 and --iteration-ms at least 50");
        }
        if (replay.guestTrace != null || replay.guest != null || replay.pattern() != GuestPattern.UNIFORM) {
            throw new InputException("measure replays the synthetic uniform guest only (--guest-ws/--guest-sweep,"
                    + " --guest-accesses); --guest-trace, --guest none and --guest-pattern sweep|zipf are not supported");
        }
        List<String> warnings = new ArrayList<>();
        Trace trace = TraceReader.read(replay.trace);
        ReplayInputs b = ReplayInputs.bind(trace, before, "--before", warnings);
        ReplayInputs a = ReplayInputs.bind(trace, after, "--after", warnings);
        warnings.forEach(w -> spec.commandLine().getErr().println("footprint: " + w));
        Path dir = replay.modelsDir != null ? replay.modelsDir : CpuModels.defaultDirectory();
        String note = "";
        String modelId = model;
        if (modelId == null) {
            boolean calibrated = CpuModels.loadAll(dir).stream().anyMatch(m -> m.id().equals("calibrated"));
            if (calibrated) {
                modelId = "calibrated";
            } else {
                CpuIdentity cpu = CpuIdentity.read(Calibrator.CPUINFO);
                modelId = ReferenceModels.forCpu(cpu).orElseThrow(() -> new InputException(
                        "no calibrated model in " + dir + " and no bundled model matches " + cpu.describe()
                                + "; run footprint calibrate --output DIR/calibrated.json, then --models DIR"));
                note = "no model 'calibrated' in " + dir + ": predicting on the bundled " + modelId
                        + " (footprint calibrate --output DIR/calibrated.json, then --models DIR, measures this machine)";
            }
        }
        CpuModel cpu = CpuModels.find(dir, modelId);
        Provenance clockSource = cpu.provenance().get("clockGhz");
        int exits = replay.exitsOr(10_000);
        long seed = replay.seed;
        List<Long> sweep = sweep();
        long[] basesBefore = replay.placement().place(b.program().objects(), seed);
        long[] basesAfter = replay.placement().place(a.program().objects(), seed);
        JmhReplay jmh = new JmhReplay(WARMUP, MEASURE, iterationMillis);
        boolean countMisses = perf && PerfCounters.available();
        // The estimate reads a sample of the sequence: the whole one is built only once it is affordable.
        checkCost(b, a, sequence(b, Math.min(exits, 100_000), seed), exits, sweep, jmh);
        int[] sequence = sequence(b, exits, seed);
        String perfNote = perf ? PerfCounters.describe() : "L1D miss counts: not asked for (--perf)";
        List<MeasuredPoint> points = new ArrayList<>();
        Path tmp = Files.createTempDirectory("footprint-measure");
        try {
            for (long ws : sweep) {
                GuestModel guest = GuestModel.synthetic(ws, replay.guestAccesses, GuestPattern.UNIFORM);
                Prediction predicted = predict(a, basesAfter, cpu, guest, exits, seed, false)
                        .minus(predict(b, basesBefore, cpu, guest, exits, seed, false));
                Prediction predicted1 = predict(a, basesAfter, cpu, guest, exits, seed, true)
                        .minus(predict(b, basesBefore, cpu, guest, exits, seed, true));
                Path planB = tmp.resolve("before-" + ws + ".plan");
                Path planA = tmp.resolve("after-" + ws + ".plan");
                ReplayPlan.of(b.program(), basesBefore, sequence, guest, seed).write(planB);
                ReplayPlan.of(a.program(), basesAfter, sequence, guest, seed).write(planA);
                points.add(measure(jmh, planB, planA, ws, cpu.clockGhz(), predicted, predicted1, countMisses, progress));
            }
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(tmp);
        }
        Measurement m = new Measurement("footprint " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                replay.trace.toString(), replay.placement, seed, exits, rounds, WARMUP, MEASURE, iterationMillis, cpu.id(),
                cpu.file(), note, cpu.clockGhz(), clockSource == null ? "?" : clockSource.basis().word(),
                cpu.memoryLevelParallelism(), perfNote, points);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            out.print(ReportJson.write(m));
        } else {
            MeasurementText.print(out, m);
        }
        out.flush();
        return 0;
    }

    private List<Long> sweep() {
        List<String> sizes = guestSweep != null ? guestSweep
                : List.of(replay.guestWorkingSet != null ? replay.guestWorkingSet : "64k");
        List<Long> out = new ArrayList<>();
        for (String s : sizes) {
            out.add(ReplayOptions.size("--guest-sweep", s));
        }
        return out;
    }

    private static int[] sequence(ReplayInputs in, int exits, long seed) {
        int[] out = new int[exits];
        PrimitiveIterator.OfInt it = in.stream().iterator(exits, seed);
        for (int i = 0; i < exits; i++) {
            out[i] = it.nextInt();
        }
        return out;
    }

    /**
     * Refuses, before any work, a layout or guest that would not fit in half the available
     * memory and a run estimated (about 2 ns per access, JMH's iterations, a fork's start) to
     * take more than an hour.
     */
    private void checkCost(ReplayInputs b, ReplayInputs a, int[] sample, int exits, List<Long> sweep, JmhReplay jmh) {
        long available = MemoryInfo.availableBytes();
        long arena = Math.max(arenaBytes(b.program()), arenaBytes(a.program()));
        long totalMillis = 0;
        for (long ws : sweep) {
            if (available > 0 && arena + ws > available / 2) {
                throw new InputException(String.format(Locale.ROOT, "objects (%s) and guest working set (%s) need more than"
                        + " half the available memory (%s)", ByteSize.format(arena), ByteSize.format(ws), ByteSize.format(available)));
            }
            double accesses = accessesPerExit(b.program(), sample) + (ws > 0 ? replay.guestAccesses : 0);
            totalMillis += (long) rounds * Timing.values().length * jmh.estimatedMillis(accesses * 2.0, exits);
        }
        if (totalMillis > MAX_MILLIS) {
            throw new InputException(String.format(Locale.ROOT, "this would run for about %.1f hours (%d exits x %d rounds"
                    + " x %d working sets, each JMH iteration replaying the whole sequence); lower --exits or --rounds",
                    totalMillis / 3.6e6, exits, rounds, sweep.size()));
        }
    }

    private static long arenaBytes(ExitProgram p) {
        long sum = 0;
        for (ExitProgram.ProgramObject o : p.objects()) {
            sum += o.size() + 4096;
        }
        return sum;
    }

    private static double accessesPerExit(ExitProgram p, int[] sequence) {
        long sum = 0;
        for (int e : sequence) {
            sum += p.endAccess(e) - p.firstAccess(e);
        }
        return (double) sum / Math.max(1, sequence.length);
    }

    /**
     * What the simulator predicts per exit of the mix, in cycles: the whole estimate (base, the
     * exit's own stall and the extra stall of the guest after it), which {@link Timing#WITH_GUEST}
     * measures, and the exit's own stall, which {@link Timing#EXIT_ALONE} measures.
     */
    private record Prediction(double estimated, double hostStall) {
        Prediction minus(Prediction other) {
            return new Prediction(estimated - other.estimated, hostStall - other.hostStall);
        }

        double of(Timing timing) {
            return timing == Timing.WITH_GUEST ? estimated : hostStall;
        }
    }

    /** The mix's prediction; with {@code undivided} the stalls are not divided by the model's MLP. */
    private static Prediction predict(ReplayInputs in, long[] bases, CpuModel cpu, GuestModel guest, int exits, long seed,
                                  boolean undivided) {
        List<String> names = new ArrayList<>();
        for (int e = 0; e < in.program().exitCount(); e++) {
            names.add(in.program().exitName(e));
        }
        CostModel c = CostModel.of(cpu, names);
        CostModel cost = undivided ? new CostModel(c.modelId(), c.levelNames(), 1.0, c.baseCycles(), c.baseBasis()) : c;
        SimulationRun run = SimulationRun.run(in.program(), bases, HierarchyCache.factory(cpu), cost, guest,
                (s, n) -> in.stream().iterator(n, s), exits, seed, ReplayProgress.silent());
        ExitSummary mix = run.summaries().get(run.summaries().size() - 1);
        return new Prediction(mix.metric(Metrics.ESTIMATED).mean(), mix.metric(Metrics.HOST_STALL).mean());
    }

    private MeasuredPoint measure(JmhReplay jmh, Path planB, Path planA, long ws, double clock, Prediction predicted,
                                  Prediction predicted1, boolean countMisses, Progress progress) throws Exception {
        Map<Timing, List<PairedFork>> forks = new EnumMap<>(Timing.class);
        for (int r = 0; r < rounds; r++) {
            progress.accept(String.format(Locale.ROOT, "guest %s, round %d of %d: before and after, with the guest"
                    + " phase and the exit alone", ByteSize.format(ws), r + 1, rounds));
            for (Timing t : Timing.values()) {
                forks.computeIfAbsent(t, k -> new ArrayList<>()).add(jmh.paired(planB, planA, t));
            }
        }
        double missB = Double.NaN;
        double missA = Double.NaN;
        if (countMisses) {
            progress.accept("guest " + ByteSize.format(ws) + ": L1D misses (perf), before and after");
            missB = jmh.l1dMissesPerExit(planB);
            missA = jmh.l1dMissesPerExit(planA);
        }
        return new MeasuredPoint(ws, pair(Timing.WITH_GUEST, forks, clock, predicted, predicted1),
                pair(Timing.EXIT_ALONE, forks, clock, predicted, predicted1), missB, missA);
    }

    private TimedPair pair(Timing t, Map<Timing, List<PairedFork>> forks, double clock, Prediction predicted,
                           Prediction predicted1) {
        List<PairedFork> rounds = forks.get(t);
        List<Double> bN = rounds.stream().map(PairedFork::beforeNanos).toList();
        List<Double> aN = rounds.stream().map(PairedFork::afterNanos).toList();
        double[] diffs = rounds.stream().mapToDouble(PairedFork::diffNanos).toArray();
        // Rounds are independent forks; with one round its iteration pairs are the only spread there is.
        double[] spread = diffs.length >= 2 ? diffs
                : rounds.get(0).pairDiffs().stream().mapToDouble(Double::doubleValue).toArray();
        return new TimedPair(t, bN, aN, avg(bN), avg(aN), Arrays.stream(diffs).average().orElse(Double.NaN),
                halfWidth(spread), clock, predicted.of(t), predicted1.of(t));
    }

    /** 95% half-width of the mean of {@code v} (Student's t). */
    private static double halfWidth(double[] v) {
        int n = v.length;
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        return new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
    }

    private static double avg(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
