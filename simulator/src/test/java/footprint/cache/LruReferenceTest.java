package footprint.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stamp-based LRU level against a plain recency list per set, on seeded random hits,
 * fills, invalidations and clears. The lines are chosen so that many share a set and many
 * share an entry of the level's remembered-slot table, so stale guesses are exercised too.
 */
class LruReferenceTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8, 11, 12, 16})
    void agreesWithARecencyListPerSet(int ways) {
        int sets = 4;
        CacheLevel level = CacheLevel.of(new Geometry((long) sets * ways * 64, ways, 64), Replacement.LRU, 1);
        List<List<Long>> reference = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            reference.add(new ArrayList<>());
        }
        SplittableRandom r = new SplittableRandom(ways);
        for (int step = 0; step < 200_000; step++) {
            // Lines 4096 apart share a remembered-slot entry; the low bits pick the set.
            long line = r.nextInt(2 * ways) + 4096L * r.nextInt(3);
            List<Long> set = reference.get((int) line & (sets - 1));
            int op = r.nextInt(100);
            if (op == 0) {
                level.clear();
                reference.forEach(List::clear);
            } else if (op < 10) {
                assertThat(level.invalidate(line)).as("invalidate %d at step %d", line, step).isEqualTo(set.remove(line));
            } else {
                boolean hit = set.remove(line);
                assertThat(level.access(line)).as("access %d at step %d", line, step).isEqualTo(hit);
                if (!hit) {
                    long expectedVictim = set.size() == ways ? set.remove(ways - 1) : CacheLevel.NO_LINE;
                    assertThat(level.fill(line)).as("victim of %d at step %d", line, step).isEqualTo(expectedVictim);
                }
                set.add(0, line);
            }
        }
    }
}
