package footprint.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.testsupport.SmallLruCache;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Max;
import org.apache.commons.math3.stat.descriptive.rank.Min;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class SimulationRunTest {
    private final ExitProgram program = Programs.twoExits();
    private final long[] bases = Placement.of(PlacementKind.PAGE).place(program.objects(), 1);

    private SimulationRun run(GuestModel guest, int exits) {
        return SimulationRun.run(program, bases, SmallLruCache.twoLevelFactory(), Programs.cost(), guest,
                Programs.alternating(), exits, 7, ReplayProgress.silent());
    }

    /** The metric for each of the first {@code exits} exits, replayed in chunks of {@code chunk} exits. */
    private double[] values(GuestModel guest, int exits, int chunk, CostModel cost, Metric metric) {
        return values(guest, 0, exits, chunk, cost, metric);
    }

    /** The metric for each of {@code exits} exits after {@code skipped} uncounted ones, in chunks of {@code chunk}. */
    private double[] values(GuestModel guest, int skipped, int exits, int chunk, CostModel cost, Metric metric) {
        ExitReplay main = ExitReplay.of(program, bases, SmallLruCache.twoLevel(), guest, 7, Programs.alternating().open(7, Integer.MAX_VALUE));
        ExitReplay shadow = ExitReplay.shadow(SmallLruCache.twoLevel(), guest, 7);
        ReplayChunk mainChunk = new ReplayChunk(Math.max(chunk, skipped), 2);
        ReplayChunk shadowChunk = new ReplayChunk(Math.max(chunk, skipped), 2);
        if (skipped > 0) {
            main.advance(mainChunk, skipped);
            shadow.advance(shadowChunk, skipped);
        }
        ExitMetrics metrics = new ExitMetrics(program, LineFootprint.of(program, bases, 64), cost);
        int m = metrics.index(metric);
        double[] v = new double[exits];
        for (int done = 0; done < exits; done += chunk) {
            int count = Math.min(chunk, exits - done);
            main.advance(mainChunk, count);
            shadow.advance(shadowChunk, count);
            for (int n = 0; n < count; n++) {
                v[done + n] = metrics.value(m, mainChunk, shadowChunk, n);
            }
        }
        return v;
    }

    private double[] values(GuestModel guest, int exits, Metric metric) {
        return values(guest, exits, exits, Programs.cost(), metric);
    }

    @Test
    void withoutAGuestOnlyTheFirstExitOfEachKindMisses() {
        double[] l1 = values(GuestModel.NONE, 100, Metrics.misses("L1D"));
        // A: 2 lines (vcpu line 0, page line 12); B: 3 lines (vcpu lines 0, 1, 2), line 0 shared with A.
        assertThat(l1[0]).isEqualTo(2);
        assertThat(l1[1]).isEqualTo(2);
        for (int n = 2; n < l1.length; n++) {
            assertThat(l1[n]).as("exit %d", n).isZero();
        }
        assertThat(values(GuestModel.NONE, 100, Metrics.HOST_STALL)[0]).isEqualTo(2 * (200 - 4));
        assertThat(values(GuestModel.NONE, 100, Metrics.ESTIMATED)[2]).isEqualTo(1000);
        assertThat(values(GuestModel.NONE, 100, Metrics.ESTIMATED)[3]).isEqualTo(3000);
        // A run counts after its warm-up (a tenth of its exits), which takes the cold misses.
        assertThat(ReplayDriver.warmupExits(100)).isEqualTo(10);
        ExitSummary mix = run(GuestModel.NONE, 100).summaries().get(2);
        assertThat(mix.count()).isEqualTo(100);
        assertThat(mix.metric(Metrics.misses("L1D")).max()).isZero();
        List<ExitSummary> one = run(GuestModel.NONE, 1).summaries();
        assertThat(one.get(one.size() - 1).metric(Metrics.misses("L1D")).max())
                .as("one exit warms up exit A, the counted one is B: its line 0 is warm").isEqualTo(2);
    }

    @Test
    void touchedAndIdealLinesCountStraddlingAccessesTwice() {
        LineFootprint f = LineFootprint.of(program, bases, 64);
        assertThat(f.touched(0, 0)).isEqualTo(1);
        assertThat(f.touched(0, 1)).isEqualTo(1);
        assertThat(f.touched(1, 0)).isEqualTo(3);
        assertThat(f.ideal(1, 0)).isEqualTo(1);
        assertThat(f.idealTotal(0)).isEqualTo(2);
        assertThat(f.lineAccesses(0)).isEqualTo(3);
        assertThat(f.lineAccesses(1)).isEqualTo(3);
    }

    @Test
    void aGuestSweepingMoreThanTheL1dMakesEveryTouchedLineAMiss() {
        // 64 KiB swept by 1024 line accesses between exits evicts the whole 32 KiB L1D, but fits the 256 KiB L2.
        GuestModel guest = GuestModel.synthetic(64 << 10, 1024, GuestPattern.SWEEP);
        SimulationRun r = run(guest, 50);
        double[] l1 = values(guest, 50, Metrics.misses("L1D"));
        double[] l2 = values(guest, 50, Metrics.misses("L2"));
        for (int n = 2; n < l1.length; n++) {
            assertThat(l1[n]).isEqualTo(n % 2 == 0 ? 2 : 3);
            assertThat(l2[n]).isZero();
        }
        List<ExitSummary> rows = r.summaries();
        assertThat(rows).extracting(ExitSummary::exit).containsExactly("A", "B", ExitSummary.MIX);
        assertThat(rows.get(0).metric(Metrics.misses("L1D")).p50()).isEqualTo(2);
        assertThat(rows.get(0).touchedTotal()).isEqualTo(2);
        assertThat(rows.get(2).touchedTotal()).isCloseTo(2.5, within(1e-9));
        // An LRU sweep larger than the L1D misses on every line with or without exits: no extra guest misses.
        assertThat(rows.get(2).metric(Metrics.guestExtraMisses("L1D")).max()).isZero();
    }

    @Test
    void aGuestThatExactlyFillsTheL1dMissesMoreBecauseOfTheExits() {
        // 32 KiB = 8 lines in each of the 64 sets: every host line evicts one guest line.
        SimulationRun r = run(GuestModel.synthetic(32 << 10, 512, GuestPattern.SWEEP), 50);
        ExitSummary mix = r.summaries().get(2);
        assertThat(mix.metric(Metrics.guestExtraMisses("L1D")).mean()).isGreaterThanOrEqualTo(2);
        assertThat(mix.metric(Metrics.GUEST_STALL).mean()).isPositive();
        assertThat(mix.metric(Metrics.guestExtraMisses("L2")).max()).isZero();
    }

    @Test
    void sameSeedGivesTheSameSummaries() {
        GuestModel guest = GuestModel.synthetic(48 << 10, 300, GuestPattern.ZIPF);
        assertThat(run(guest, 200).summaries()).isEqualTo(run(guest, 200).summaries());
    }

    @Test
    void aReplayInChunksGivesTheNumbersOfOneLongReplay() {
        GuestModel guest = GuestModel.synthetic(40 << 10, 200, GuestPattern.UNIFORM);
        for (Metric metric : Metrics.all(List.of("L1D", "L2"))) {
            assertThat(values(guest, 300, 7, Programs.cost(), metric)).as(metric.toString())
                    .containsExactly(values(guest, 300, 300, Programs.cost(), metric));
        }
    }

    @Test
    void streamedSummariesAgreeWithCommonsMathOverEveryExit() {
        // Stall cycles divided by a memory-level parallelism of 1.7 are not integers; more exits than one chunk.
        CostModel cost = new CostModel("test", List.of("L1D", "L2"), 1.7, Map.of("A", 1000L, "B", 3000L), Map.of());
        GuestModel guest = GuestModel.synthetic(40 << 10, 20, GuestPattern.UNIFORM);
        int exits = ReplayDriver.CHUNK + 999;
        SimulationRun r = SimulationRun.run(program, bases, SmallLruCache.twoLevelFactory(), cost, guest,
                Programs.alternating(), exits, 7, ReplayProgress.silent());
        ExitSummary mix = r.summaries().get(2);
        assertThat(mix.count()).isEqualTo(exits);
        for (Metric metric : List.of(Metrics.ESTIMATED, Metrics.GUEST_STALL, Metrics.misses("L1D"),
                Metrics.guestExtraMisses("L1D"), Metrics.TOUCHED_LINES)) {
            double[] v = values(guest, ReplayDriver.warmupExits(exits), exits, exits, cost, metric);
            MetricSummary s = mix.metric(metric);
            double mean = new Mean().evaluate(v);
            assertThat(s.mean()).as(metric.toString()).isCloseTo(mean, within(1e-9 * Math.max(1, Math.abs(mean))));
            double sd = new StandardDeviation().evaluate(v);
            assertThat(s.sd()).as(metric.toString()).isCloseTo(sd, within(1e-9 * Math.max(1, sd)));
            Percentile p = new Percentile();
            p.setData(v);
            assertThat(new double[] {s.min(), s.p50(), s.p90(), s.p99(), s.max()}).as(metric.toString()).containsExactly(
                    new Min().evaluate(v), p.evaluate(50), p.evaluate(90), p.evaluate(99), new Max().evaluate(v));
        }
    }
}
