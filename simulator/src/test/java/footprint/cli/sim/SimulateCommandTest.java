package footprint.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.cli.CliRun;
import footprint.cli.Main;
import footprint.layout.LayoutSet;
import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.report.ReportJson;
import footprint.sim.CostModel;
import footprint.sim.ExitReplay;
import footprint.sim.ExitProgram;
import footprint.sim.ExitSummary;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.HierarchyCache;
import footprint.sim.LineFootprint;
import footprint.sim.Metrics;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.sim.ReplayChunk;
import footprint.sim.ReplayDriver;
import footprint.sim.ReplayProgress;
import footprint.sim.SimulationReport;
import footprint.sim.SimulationRun;
import footprint.testsupport.RepoFiles;
import footprint.trace.BoundTrace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Both ends of the guest-pressure range on the bundled KVM trace and Debian 6.1 layouts. */
class SimulateCommandTest {
    static final String TRACE = "traces/kvm-6.1/vmx/vmx-exits.trace";

    static List<Path> layouts() {
        String d = "models/layouts/debian-6.1/debian-6.1-";
        return List.of(RepoFiles.resolve(d + "vcpu_vmx.expanded.pahole"), RepoFiles.resolve(d + "kvm_lapic.expanded.pahole"),
                RepoFiles.resolve(d + "kvm.expanded.pahole"), RepoFiles.resolve(d + "kvm_run.pahole"));
    }

    private static final BoundTrace BOUND = TraceBinder.bind(TraceReader.read(RepoFiles.resolve(TRACE)),
            LayoutSet.load(layouts()), false, new ArrayList<>());
    private static final ExitProgram PROGRAM = ExitProgram.of(BOUND);
    private static final CpuModel CPU = CpuModels.find(RepoFiles.resolve("models/cpu"), "skylake-sp");
    private static final long[] BASES = Placement.of(PlacementKind.SLAB).place(PROGRAM.objects(), 1);

    static SimulationRun run(GuestModel guest, int exits) {
        List<String> names = IntStream.range(0, PROGRAM.exitCount()).mapToObj(PROGRAM::exitName).toList();
        return SimulationRun.run(PROGRAM, BASES, HierarchyCache.factory(CPU), CostModel.of(CPU, names), guest,
                (seed, n) -> BOUND.stream().iterator(n, seed), exits, 1, ReplayProgress.silent());
    }

    @Test
    void withoutAGuestTheExitsMissAlmostNothingAfterTheFirstOnes() {
        // The first 3000 exits as one chunk of the replay, to look at them one by one.
        ReplayChunk chunk = ExitReplay.of(PROGRAM, BASES, HierarchyCache.factory(CPU).create(1), GuestModel.NONE, 1,
                BOUND.stream().iterator(3000, 1)).advance(new ReplayChunk(3000, CPU.levels().size()), 3000);
        // Every exit kind has appeared long before exit 200; from then on the host lines stay in the L1D.
        double later = IntStream.range(200, 3000).map(n -> chunk.hostMisses(0, n)).average().orElseThrow();
        assertThat(later).isLessThan(0.05);
        LineFootprint f = LineFootprint.of(PROGRAM, BASES, 64);
        assertThat(chunk.hostMisses(0, 0)).isEqualTo(f.touchedTotal(chunk.exit(0)));
        // The streamed run summarises the same misses, over the exits after its warm-up.
        List<ExitSummary> rows = run(GuestModel.NONE, 2700).summaries();
        int warm = ReplayDriver.warmupExits(2700);
        assertThat(warm).isEqualTo(270);
        double all = IntStream.range(warm, warm + 2700).map(n -> chunk.hostMisses(0, n)).average().orElseThrow();
        assertThat(rows.get(rows.size() - 1).metric(Metrics.misses("L1D")).mean()).isCloseTo(all, within(1e-12));
    }

    @Test
    void aGuestWorkingSetBeyondTheL1dTurnsTheTouchedLinesIntoMisses() {
        // 256 KiB touched by 4096 uniform accesses between exits flushes the 32 KiB L1D, not the 1 MiB L2.
        SimulationRun r = run(GuestModel.synthetic(256 << 10, 4096, GuestPattern.UNIFORM), 600);
        LineFootprint f = r.footprint();
        for (ExitSummary row : r.summaries()) {
            double touched = row.touchedTotal();
            assertThat(row.metric(Metrics.misses("L1D")).mean()).as(row.exit()).isBetween(0.9 * touched, touched + 2);
            assertThat(row.metric(Metrics.misses("L2")).mean()).as(row.exit()).isLessThan(0.05 * touched);
        }
        assertThat(f.touchedTotal(0)).isGreaterThan(f.idealTotal(0));
    }

    @Test
    void theCommandPrintsJsonThatReadsBack() {
        List<String> a = new ArrayList<>(List.of("simulate", "--trace", RepoFiles.resolve(TRACE).toString(), "--layout"));
        layouts().forEach(p -> a.add(p.toString()));
        a.addAll(List.of("--model", "zen4", "--exits", "500", "--guest-ws", "48k", "--guest-pattern", "zipf",
                "--format", "json", "--quiet"));
        CliRun r = CliRun.of(a.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        SimulationReport report = ReportJson.read(r.out(), SimulationReport.class);
        assertThat(report.exitsPerReplicate()).isEqualTo(50);
        assertThat(report.replicates()).hasSize(10);
        // Each replicate draws its own slab slots: not every replicate places vmx at the same address.
        assertThat(report.replicates().stream().map(x -> x.bases().get("vmx")).distinct().count()).isGreaterThan(1);
        ExitSummary mix = report.rows().get(report.rows().size() - 1);
        assertThat(mix.cycles().n()).isEqualTo(10);
        assertThat(mix.cycles().low()).isLessThan(mix.cycles().mean());
        assertThat(mix.cycles().high()).isGreaterThan(mix.cycles().mean());
        assertThat(report.commandLine()).startsWith("footprint simulate --trace ");
        assertThat(report.rows().get(report.rows().size() - 1).exit()).isEqualTo(ExitSummary.MIX);
        assertThat(report.rows().stream().mapToLong(ExitSummary::count).sum()).isEqualTo(1000);
    }

    @Test
    void badGuestOptionsAreUsageErrors() {
        List<String> a = new ArrayList<>(List.of("simulate", "--trace", RepoFiles.resolve(TRACE).toString(), "--layout"));
        layouts().forEach(p -> a.add(p.toString()));
        a.addAll(List.of("--model", "zen4", "--guest", "some", "--quiet"));
        CliRun r = CliRun.of(a.toArray(new String[0]));
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--guest takes only 'none'");
    }

    @Test
    void outputThatNamesAnInputIsRefusedAndTheInputKept(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path trace = dir.resolve("copy.trace");
        java.nio.file.Files.copy(RepoFiles.resolve(TRACE), trace);
        byte[] original = java.nio.file.Files.readAllBytes(trace);
        List<String> a = new ArrayList<>(List.of("simulate", "--trace", trace.toString(), "--layout"));
        layouts().forEach(p -> a.add(p.toString()));
        a.addAll(List.of("--model", "zen4", "--exits", "10", "--quiet", "--output", trace.toString()));
        CliRun r = CliRun.of(a.toArray(new String[0]));
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("is one of the inputs");
        assertThat(java.nio.file.Files.readAllBytes(trace)).isEqualTo(original);
    }
}
