package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as moved: the entries outside one longest common subsequence of the old and new order. */
class ChurnTest {
    private static int moved(int[] from, int[] to) {
        int n = 0;
        for (boolean kept : Churn.common(from, to)) {
            n += kept ? 0 : 1;
        }
        return n;
    }

    @Test
    void oneMemberTakenToTheFrontIsOneMoveHoweverFarTheOthersShift() {
        assertThat(moved(new int[] {0, 1, 2, 3, 4}, new int[] {4, 0, 1, 2, 3})).isEqualTo(1);
        assertThat(Churn.common(new int[] {0, 1, 2, 3, 4}, new int[] {4, 0, 1, 2, 3}))
                .containsExactly(false, true, true, true, true);
    }

    @Test
    void aSwapOfNeighboursIsOneMoveAndAReversalMovesAllButOne() {
        assertThat(moved(new int[] {0, 1, 2, 3}, new int[] {1, 0, 2, 3})).isEqualTo(1);
        assertThat(moved(new int[] {0, 1, 2, 3}, new int[] {3, 2, 1, 0})).isEqualTo(3);
        assertThat(moved(new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3})).isZero();
    }
}
