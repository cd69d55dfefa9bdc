package footprint.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.testsupport.SmallLruCache;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationRunTest {
    private final ExitProgram program = Programs.twoExits();
    private final long[] bases = Placement.of(PlacementKind.PAGE).place(program.objects(), 1);

    private SimulationRun run(GuestModel guest, int exits) {
        return SimulationRun.run(program, bases, seed -> SmallLruCache.twoLevel(), Programs.cost(), guest,
                Programs.alternating(), exits, 7);
    }

    @Test
    void withoutAGuestOnlyTheFirstExitOfEachKindMisses() {
        SimulationRun r = run(GuestModel.NONE, 100);
        double[] l1 = r.values(Metrics.misses("L1D"));
        // A: 2 lines (vcpu line 0, page line 12); B: 3 lines (vcpu lines 0, 1, 2), line 0 shared with A.
        assertThat(l1[0]).isEqualTo(2);
        assertThat(l1[1]).isEqualTo(2);
        for (int n = 2; n < l1.length; n++) {
            assertThat(l1[n]).as("exit %d", n).isZero();
        }
        assertThat(r.values(Metrics.HOST_STALL)[0]).isEqualTo(2 * (200 - 4));
        assertThat(r.values(Metrics.ESTIMATED)[2]).isEqualTo(1000);
        assertThat(r.values(Metrics.ESTIMATED)[3]).isEqualTo(3000);
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
        SimulationRun r = run(GuestModel.synthetic(64 << 10, 1024, GuestPattern.SWEEP), 50);
        double[] l1 = r.values(Metrics.misses("L1D"));
        double[] l2 = r.values(Metrics.misses("L2"));
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
    void sameSeedGivesTheSameSamples() {
        GuestModel guest = GuestModel.synthetic(48 << 10, 300, GuestPattern.ZIPF);
        assertThat(run(guest, 200).values(Metrics.ESTIMATED)).containsExactly(run(guest, 200).values(Metrics.ESTIMATED));
    }
}
