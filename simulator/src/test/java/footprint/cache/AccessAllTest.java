package footprint.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CacheHierarchy#accessAll} (runs of hits handed to the L1D in one call) against one
 * {@link CacheHierarchy#accessLine} per address on a twin hierarchy: the same misses per level,
 * the same stall, the same counters and the same state afterwards, for every replacement
 * policy, inclusion and prefetcher, on seeded random blocks that mix hits, misses and repeats.
 */
class AccessAllTest {
    private static final int LINE = SmallHierarchy.LINE;

    @Test
    void equalsOneAccessPerAddressForEveryConfiguration() {
        int configurations = 0;
        for (Replacement l1 : Replacement.values()) {
            for (Replacement outer : Replacement.values()) {
                for (Inclusion l2 : Inclusion.values()) {
                    for (int prefetch = 0; prefetch < 4; prefetch++) {
                        compare(l1, outer, l2, (prefetch & 1) != 0, (prefetch & 2) != 0, configurations++);
                    }
                }
            }
        }
        assertThat(configurations).isEqualTo(3 * 3 * 3 * 4);
    }

    private static void compare(Replacement l1, Replacement outer, Inclusion l2, boolean nextLine, boolean pair, int seed) {
        CacheHierarchy one = SmallHierarchy.build(l1, outer, l2, nextLine, pair, 7);
        CacheHierarchy all = SmallHierarchy.build(l1, outer, l2, nextLine, pair, 7);
        String what = l1 + "/" + outer + "/" + l2 + " next-line " + nextLine + " pair " + pair;
        SplittableRandom r = new SplittableRandom(seed);
        int levels = one.levels();
        for (int block = 0; block < 300; block++) {
            int n = r.nextInt(40);
            long[] addresses = new long[n + 2];
            boolean[] writes = new boolean[n + 2];
            for (int i = 0; i < addresses.length; i++) {
                // A small hot set (mostly hits), repeats of the previous line, and a wide cold range.
                int kind = r.nextInt(10);
                long line = kind < 6 ? r.nextInt(24) : kind < 8 && i > 0 ? addresses[i - 1] / LINE : r.nextInt(4096);
                addresses[i] = line * LINE + r.nextInt(LINE);
                writes[i] = r.nextInt(4) == 0;
            }
            int[] expectedMisses = new int[levels];
            int expectedStall = 0;
            for (int i = 1; i <= n; i++) { // the block is addresses[1..n]; the ends must be left alone
                int served = one.accessLine(addresses[i], writes[i]);
                expectedStall += one.latency(served) - one.latency(0);
                for (int k = 0; k < served; k++) {
                    expectedMisses[k]++;
                }
            }
            int[] misses = new int[levels];
            int stall = all.accessAll(addresses, writes, 1, n + 1, misses);
            assertThat(misses).as("%s block %d misses", what, block).isEqualTo(expectedMisses);
            assertThat(stall).as("%s block %d stall", what, block).isEqualTo(expectedStall);
        }
        assertThat(stats(all)).as(what).isEqualTo(stats(one));
        for (long line = 0; line < 4096; line++) {
            for (int k = 0; k < levels; k++) {
                assertThat(all.level(k).contains(line)).as("%s line %d level %d", what, line, k).isEqualTo(one.level(k).contains(line));
            }
        }
    }

    private static List<LevelStats> stats(CacheHierarchy h) {
        List<LevelStats> out = new ArrayList<>();
        for (int k = 0; k < h.levels(); k++) {
            out.add(h.stats(k));
        }
        return out;
    }
}
