package footprint.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stamp-based tree-PLRU level against the textbook direction bits ({@link TreePlruBits}),
 * on seeded random hits, fills, invalidations and clears: the same hits, the same victims.
 * Lines are chosen so that many share a set and many share an entry of the level's
 * remembered-slot table.
 */
class TreePlruReferenceTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 11, 12, 16, 24})
    void agreesWithDirectionBitsPerSet(int ways) {
        int sets = 4;
        CacheLevel level = CacheLevel.of(new Geometry((long) sets * ways * 64, ways, 64), Replacement.TREE_PLRU, 1);
        TreePlruBits reference = new TreePlruBits(sets, ways);
        SplittableRandom r = new SplittableRandom(ways);
        long[] one = new long[1];
        for (int step = 0; step < 200_000; step++) {
            // Lines 4096 apart share a remembered-slot entry; the low bits pick the set.
            long line = r.nextInt(2 * ways) + 4096L * r.nextInt(3);
            int op = r.nextInt(100);
            if (op == 0) {
                level.clear();
                reference.clear();
            } else if (op < 10) {
                assertThat(level.invalidate(line)).as("invalidate %d at step %d", line, step).isEqualTo(reference.invalidate(line));
            } else {
                boolean hit = reference.access(line);
                // Half the accesses go through the run-of-hits path, which must agree with access().
                boolean levelHit;
                if (op < 55) {
                    levelHit = level.access(line);
                } else {
                    one[0] = line << 6;
                    levelHit = level.accessWhileHit(one, 6, 0, 1) == 1;
                }
                assertThat(levelHit).as("access %d at step %d", line, step).isEqualTo(hit);
                if (!hit) {
                    assertThat(level.fill(line)).as("victim of %d at step %d", line, step).isEqualTo(reference.fill(line));
                }
            }
        }
    }
}
