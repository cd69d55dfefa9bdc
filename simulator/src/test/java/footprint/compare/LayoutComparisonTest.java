package footprint.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.sim.CostModel;
import footprint.sim.ExitMetrics;
import footprint.sim.ExitProgram;
import footprint.sim.ExitReplay;
import footprint.sim.ExitSequence;
import footprint.sim.ExitSummary;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.LineFootprint;
import footprint.sim.Metric;
import footprint.sim.Metrics;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.sim.ReplayChunk;
import footprint.sim.ReplayDriver;
import footprint.sim.ReplayProgress;
import footprint.testsupport.SmallLruCache;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class LayoutComparisonTest {
    // Fixtures live in LayoutComparisonFixtures so the report tests can share them.
    /** vcpu (256 B): X reads a and c, Y reads b; {@code cOffset} is where c sits. */
    static ExitProgram program(long cOffset) {
        return ExitProgram.builder()
                .object("vcpu", "kvm_vcpu", 256, 64)
                .exit("X", true)
                .access(0, 0, 8, false, "vcpu.a")
                .access(0, cOffset, 8, true, "vcpu.c")
                .exit("Y", false)
                .access(0, 8, 8, false, "vcpu.b")
                .build();
    }

    static ComparisonSetup setup(ExitProgram before, ExitProgram after, int placements) {
        ExitSequence mix = (seed, length) -> {
            SplittableRandom r = new SplittableRandom(seed);
            return IntStream.generate(() -> r.nextInt(4) == 0 ? 1 : 0).iterator();
        };
        ModelUnderTest model = new ModelUnderTest(
                new CostModel("small", List.of("L1D", "L2"), 2.0, Map.of("X", 1200L, "Y", 2500L), Map.of()),
                SmallLruCache.twoLevelFactory());
        return new ComparisonSetup(before, after, mix, List.of(model), 8, 250, 1, Placement.of(PlacementKind.PAGE),
                GuestModel.synthetic(32 << 10, 500, GuestPattern.UNIFORM), List.of(0L, 16L << 10, 64L << 10),
                500, GuestPattern.UNIFORM, placements, Map.of(), Map.of());
    }

    @Test
    void aLayoutComparedWithItselfShowsNoDifferenceAnywhere() {
        ComparisonReport r = Comparison.run(setup(program(128), program(128), 6), "t", "footprint compare", List.of(),
                List.of(), s -> { });
        ModelComparison m = r.models().get(0);
        List<ExitComparison> all = new java.util.ArrayList<>(m.rows());
        m.guestSweep().forEach(p -> all.addAll(p.rows()));
        for (ExitComparison row : all) {
            assertThat(row.linesAfter()).isEqualTo(row.linesBefore());
            row.metrics().forEach(d -> {
                assertThat(d.diff().diff()).as(d.metric().toString()).isZero();
                assertThat(d.diff().ciLow()).isZero();
                assertThat(d.diff().ciHigh()).isZero();
            });
        }
        assertThat(m.placementSweep().same()).isEqualTo(6);
        assertThat(m.placementSweep().cyclesDiff().max()).isZero();
        assertThat(r.fieldMoves()).isEmpty();
        assertThat(r.verdict().get(0)).isEqualTo(new Finding.NoDifference("small"));
        assertThat(r.verdict().get(1)).isInstanceOfSatisfying(Finding.PlacementSpread.class, p -> {
            assertThat(p.same()).isEqualTo(6);
            assertThat(p.cycles().halfWidth()).isZero();
        });
        assertThat(Verdict.afterIsWorse(r.models())).isFalse();
    }

    @Test
    void movingAHotFieldOntoAnAlreadyTouchedLineSavesExactlyOneLineForItsExits() {
        ComparisonReport r = Comparison.run(setup(program(128), program(16), 4), "t", "footprint compare", List.of(),
                List.of(), s -> { });
        ModelComparison m = r.models().get(0);
        ExitComparison x = m.rows().get(0);
        ExitComparison y = m.rows().get(1);
        assertThat(x.exit()).isEqualTo("X");
        assertThat(x.linesBefore()).isEqualTo(2);
        assertThat(x.linesAfter()).isEqualTo(1);
        assertThat(x.linesIdeal()).isEqualTo(1);
        assertThat(y.linesAfter()).isEqualTo(y.linesBefore());
        // With a 32 KiB guest in a 32 KiB L1D the saved line is an L1D miss saved most of the time.
        assertThat(x.metric(Metrics.misses("L1D")).diff()).isNegative();
        assertThat(x.metric(Metrics.ESTIMATED).lower()).isTrue();
        // a and b got c as a line-mate; c moved.
        assertThat(r.fieldMoves()).extracting(FieldMove::field).containsExactly("vcpu.a", "vcpu.b", "vcpu.c");
        assertThat(r.fieldMoves().get(2)).satisfies(f -> {
            assertThat(f.field()).isEqualTo("vcpu.c");
            assertThat(f.lineBefore()).isEqualTo(2);
            assertThat(f.lineAfter()).isZero();
            assertThat(f.sharedLineBeforeWith()).isEmpty();
            assertThat(f.sharesLineAfterWith()).containsExactly("vcpu.a", "vcpu.b");
        });
        assertThat(r.soleFieldLines()).anySatisfy(s -> {
            assertThat(s.side()).isEqualTo("before");
            assertThat(s.field()).isEqualTo("vcpu.c");
            assertThat(s.line()).isEqualTo(2);
        });
        assertThat(r.verdict().get(0)).isInstanceOfSatisfying(Finding.Mix.class, f -> {
            assertThat(f.linesAfter()).isLessThan(f.linesBefore());
            assertThat(f.cycles().lower()).isTrue();
        });
        assertThat(r.verdict()).anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(Finding.ExitChange.class, e -> {
            assertThat(e.exit()).isEqualTo("X");
            assertThat(e.linesDiff()).isEqualTo(-1);
        }));
        assertThat(m.mix().exit()).isEqualTo(ExitSummary.MIX);
    }

    @Test
    void replicatesOverSeveralChunksArePairedAsOnePassOverStoredExitsWould() {
        ComparisonSetup setup = setup(program(128), program(16), 0);
        ModelUnderTest m = setup.models().get(0);
        GuestModel guest = GuestModel.synthetic(40 << 10, 30, GuestPattern.UNIFORM);
        int exits = 2 * ReplayDriver.CHUNK + 77;
        long[] seeds = {5, 6};
        List<LockstepReplay> replicates = java.util.Arrays.stream(seeds)
                .mapToObj(seed -> LockstepReplay.run(setup, m, setup.placement(), seed, guest, exits, ReplayProgress.silent()))
                .toList();
        List<ExitComparison> rows = LockstepReplay.rows(replicates);
        assertThat(rows).extracting(ExitComparison::exit).containsExactly("X", "Y", ExitSummary.MIX);
        long[] bases = setup.placement().place(setup.before().objects(), 1);
        ExitMetrics ma = new ExitMetrics(setup.before(), LineFootprint.of(setup.before(), bases, 64), m.cost());
        ExitMetrics mb = new ExitMetrics(setup.after(), LineFootprint.of(setup.after(), bases, 64), m.cost());
        for (Metric metric : List.of(Metrics.misses("L1D"), Metrics.misses("L2"), Metrics.HOST_STALL,
                Metrics.GUEST_STALL, Metrics.ESTIMATED)) {
            for (int row = 0; row < 3; row++) {
                int kind = row < 2 ? row : -1;
                // The reference: every exit of both layouts and the shadow stored, one mean per replicate.
                double[] before = new double[seeds.length];
                double[] after = new double[seeds.length];
                long n = 0;
                for (int r = 0; r < seeds.length; r++) {
                    long seed = seeds[r];
                    ReplayChunk a = replayAll(setup.before(), bases, m, guest, setup, exits, seed);
                    ReplayChunk b = replayAll(setup.after(), bases, m, guest, setup, exits, seed);
                    ExitReplay shadowReplay = ExitReplay.shadow(m.caches().create(seed), guest, seed);
                    shadowReplay.advance(new ReplayChunk(exits, 2), ReplayDriver.warmupExits(exits));
                    ReplayChunk shadow = shadowReplay.advance(new ReplayChunk(exits, 2), exits);
                    SummaryStatistics sa = new SummaryStatistics();
                    SummaryStatistics sb = new SummaryStatistics();
                    for (int k = 0; k < exits; k++) {
                        if (kind < 0 || a.exit(k) == kind) {
                            sa.addValue(ma.value(ma.index(metric), a, shadow, k));
                            sb.addValue(mb.value(mb.index(metric), b, shadow, k));
                        }
                    }
                    before[r] = sa.getMean();
                    after[r] = sb.getMean();
                    n += sa.getN();
                }
                PairedDiff d = rows.get(row).metric(metric);
                assertThat(rows.get(row).count()).isEqualTo(n);
                assertThat(d.n()).isEqualTo(seeds.length);
                assertThat(d.before()).as(metric.toString()).isCloseTo(new Mean().evaluate(before), within(1e-9));
                assertThat(d.after()).as(metric.toString()).isCloseTo(new Mean().evaluate(after), within(1e-9));
                double[] diffs = IntStream.range(0, seeds.length).mapToDouble(r -> after[r] - before[r]).toArray();
                assertThat(d.diff()).as(metric.toString()).isCloseTo(new Mean().evaluate(diffs), within(1e-9));
                if (metric.equals(Metrics.ESTIMATED)) {
                    assertThat(d.shareOfExit()).isCloseTo(d.diff() / d.before(), within(1e-12));
                } else if (!metric.inCycles()) {
                    assertThat(d.shareOfExit()).isZero();
                }
                if (new StandardDeviation().evaluate(diffs) > 0) {
                    assertThat(d.pValue()).as(metric.toString()).isCloseTo(new TTest().pairedTTest(after, before), within(1e-9));
                }
            }
        }
    }

    private static ReplayChunk replayAll(ExitProgram program, long[] bases, ModelUnderTest m, GuestModel guest,
            ComparisonSetup setup, int exits, long seed) {
        ExitReplay replay = ExitReplay.of(program, bases, m.caches().create(seed), guest, seed,
                setup.sequence().open(seed, ReplayDriver.sequenceLength(exits)));
        replay.advance(new ReplayChunk(exits, 2), ReplayDriver.warmupExits(exits));
        return replay.advance(new ReplayChunk(exits, 2), exits);
    }

    @Test
    void theIntervalAndPValueAgreeWithCommonsMathsPairedTTestOverReplicates() {
        SplittableRandom r = new SplittableRandom(9);
        double[] a = IntStream.range(0, 12).mapToDouble(i -> 100 + r.nextGaussian() * 10).toArray();
        double[] b = java.util.Arrays.stream(a).map(v -> v - 2 + r.nextGaussian()).toArray();
        PairedDiff d = PairedDiff.overReplicates(a, b, 100);
        assertThat(d.n()).isEqualTo(12);
        assertThat(d.pValue()).isCloseTo(new TTest().pairedTTest(b, a), within(1e-9));
        double half = new org.apache.commons.math3.distribution.TDistribution(11).inverseCumulativeProbability(0.975)
                * new StandardDeviation().evaluate(IntStream.range(0, 12).mapToDouble(i -> b[i] - a[i]).toArray())
                / Math.sqrt(12);
        assertThat(d.halfWidth()).isCloseTo(half, within(1e-9));
        assertThat(d.shareOfExit()).isCloseTo(d.diff() / 100, within(1e-12));
    }
}
