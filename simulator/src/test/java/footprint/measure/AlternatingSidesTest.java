package footprint.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Iterations alternate ABBA; a fork's measured iterations split into sides and pairs of one of each. */
class AlternatingSidesTest {

    @Test
    void iterationsGoBeforeAfterAfterBefore() {
        assertThat(IntStream.range(0, 8).map(AlternatingSides::side).toArray()).containsExactly(0, 1, 1, 0, 0, 1, 1, 0);
    }

    @Test
    void aLinearDriftCancelsInThePairedDifference() {
        // 4 warm-up iterations, then 8 measured: before costs 100 + k, after 103 + k at iteration k.
        int warmups = 4;
        List<Double> measured = IntStream.range(0, 8)
                .mapToObj(j -> (AlternatingSides.side(warmups + j) == 1 ? 103.0 : 100.0) + (warmups + j))
                .toList();
        PairedFork f = AlternatingSides.split(measured, warmups);
        assertThat(f.diffNanos()).isCloseTo(3.0, within(1e-12));
        assertThat(f.pairDiffs()).hasSize(4);
        // Each pair is off by the drift of one iteration, in alternating directions.
        assertThat(f.pairDiffs()).containsExactly(4.0, 2.0, 4.0, 2.0);
    }

    @Test
    void anOddWarmUpWouldPairOneSideWithItselfAndIsRefused() {
        assertThatThrownBy(() -> AlternatingSides.split(List.of(1.0, 2.0, 3.0, 4.0), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
    }

    @Test
    void oneMeasuredIterationCannotPair() {
        assertThatThrownBy(() -> AlternatingSides.split(List.of(1.0), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
