package footprint.bench;

import footprint.layout.LayoutSet;
import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.sim.CostModel;
import footprint.sim.ExitProgram;
import footprint.sim.ExitSummary;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.HierarchyCache;
import footprint.sim.Metrics;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.sim.ReplayProgress;
import footprint.sim.SimulationRun;
import footprint.trace.BoundTrace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full {@code simulate} run, timed end to end once the inputs are bound: the bundled VMX
 * trace (traces/kvm-6.1/vmx) on the Debian 6.1 layouts and the Skylake-SP model, slab
 * placement, {@code exits} exits of the trace's mix with a synthetic guest of {@code guestWs}
 * bytes making {@code guestAccesses} uniform accesses between exits, plus the shadow run of the
 * guest alone (it runs alongside the replay), and the per-exit summaries. One operation = one run.
 *
 * <p>Run from the repository root: {@code mvn -q -pl jmh-benchmarks -am package -DskipTests &&
 * java -jar jmh-benchmarks/target/benchmarks.jar SimulateBenchmark}; the goal is one million
 * exits with a 500-access guest in under 5 seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SimulateBenchmark {
    @Param({"1000000"})
    public int exits;

    @Param({"500"})
    public int guestAccesses;

    @Param({"24576"})
    public long guestWs;

    private ExitProgram program;
    private BoundTrace bound;
    private CpuModel cpu;
    private long[] bases;
    private CostModel cost;

    @Setup(Level.Trial)
    public void setup() {
        Path repo = Path.of(System.getProperty("footprint.repo", ".")).toAbsolutePath();
        String d = "models/layouts/debian-6.1/debian-6.1-";
        List<Path> layouts = List.of(repo.resolve(d + "vcpu_vmx.expanded.pahole"), repo.resolve(d + "kvm_lapic.expanded.pahole"),
                repo.resolve(d + "kvm.expanded.pahole"), repo.resolve(d + "kvm_run.pahole"));
        bound = TraceBinder.bind(TraceReader.read(repo.resolve("traces/kvm-6.1/vmx/vmx-exits.trace")), LayoutSet.load(layouts),
                false, new ArrayList<>());
        program = ExitProgram.of(bound);
        cpu = CpuModels.find(repo.resolve("models/cpu"), "skylake-sp");
        bases = Placement.of(PlacementKind.SLAB).place(program.objects(), 1);
        cost = CostModel.of(cpu, IntStream.range(0, program.exitCount()).mapToObj(program::exitName).toList());
    }

    @Benchmark
    public double simulate() {
        GuestModel guest = GuestModel.synthetic(guestWs, guestAccesses, GuestPattern.UNIFORM);
        SimulationRun run = SimulationRun.run(program, bases, HierarchyCache.factory(cpu), cost, guest,
                (seed, n) -> bound.stream().iterator(n, seed), exits, 1, ReplayProgress.silent());
        List<ExitSummary> rows = run.summaries(); // once, as the simulate command does
        return rows.get(rows.size() - 1).metric(Metrics.ESTIMATED).mean();
    }
}
