package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grouping of {@link HotOrder}: Gray-code order of exit sets, alignment inside a group, cold members last. */
class HotOrderTest {
    private static final List<String> EXITS = List.of("X0", "X1", "X2");
    // Falling weight: X1, X2, X0.
    private static final double[] WEIGHTS = {0.1, 0.6, 0.3};

    private static HotMember member(String name, int position, int alignment, Integer... exits) {
        return sized(name, position, alignment, alignment, exits);
    }

    private static HotMember sized(String name, int position, int alignment, long size, Integer... exits) {
        double heat = 0;
        for (int x : exits) {
            heat += WEIGHTS[x];
        }
        return new HotMember(name, position, alignment, size, List.of(exits), heat);
    }

    @Test
    void theSetsFollowTheReflectedGrayCodeSoTheTwoMostFrequentExitsAreEachOneRun() {
        List<HotMember> members = List.of(
                member("only0", 0, 8, 0), member("only2", 1, 8, 2), member("all", 2, 8, 0, 1, 2),
                member("cold", 3, 8), member("one_two", 4, 8, 1, 2), member("zero_two", 5, 8, 0, 2),
                member("one", 6, 8, 1), member("zero_one", 7, 8, 0, 1));
        HotOrder.Proposal p = HotOrder.derive(members, EXITS, WEIGHTS);
        // By rank (X1, X2, X0): {X1} {X1,X0} {X1,X2,X0} {X1,X2} {X2} {X2,X0} {X0}.
        assertThat(p.order()).containsExactly("one", "zero_one", "all", "one_two", "only2", "zero_two", "only0",
                "cold");
        assertThat(p.groups().get(2).exits()).containsExactly("X1", "X2", "X0");
        assertThat(p.groups().get(2).weight()).isEqualTo(1.0);
        assertThat(runs(p.order(), List.of("one", "zero_one", "all", "one_two"))).isEqualTo(1);
        assertThat(runs(p.order(), List.of("all", "one_two", "only2", "zero_two"))).isEqualTo(1);
    }

    @Test
    void insideAGroupLargerAlignmentComesFirstThenSmallerSizeThenTheCurrentPositionAndColdMembersKeepTheirOrder() {
        List<HotMember> members = List.of(sized("big", 0, 8, 136, 1), member("c1", 1, 4), member("b", 2, 1, 1),
                member("c0", 3, 8), member("q", 4, 8, 1), member("s", 5, 2, 1), member("r", 6, 8, 1));
        assertThat(HotOrder.derive(members, EXITS, WEIGHTS).order())
                .containsExactly("q", "r", "big", "s", "b", "c1", "c0");
    }

    @Test
    void everyMemberComesOutExactlyOnceForRandomSets() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<HotMember> members = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                List<Integer> exits = new ArrayList<>();
                for (int x = 0; x < EXITS.size(); x++) {
                    if (random.nextBoolean()) {
                        exits.add(x);
                    }
                }
                members.add(member("m" + i, i, 1 << random.nextInt(4), exits.toArray(new Integer[0])));
            }
            List<String> order = HotOrder.derive(members, EXITS, WEIGHTS).order();
            assertThat(order).hasSize(n).doesNotHaveDuplicates();
            // The most frequent exit's members form one run at the front.
            List<String> first = members.stream().filter(m -> m.exits().contains(1)).map(HotMember::name).toList();
            assertThat(order.subList(0, first.size())).containsExactlyInAnyOrderElementsOf(first);
        }
    }

    private static int runs(List<String> order, List<String> names) {
        int runs = 0;
        boolean inside = false;
        for (String m : order) {
            boolean now = names.contains(m);
            if (now && !inside) {
                runs++;
            }
            inside = now;
        }
        return runs;
    }
}
