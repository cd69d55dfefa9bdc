package footprint.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A reused hierarchy, {@link CacheHierarchy#reset} after a run of other accesses, against a new
 * one built with the same seed: over a seeded random access stream the same serving level per
 * access, the same counters and the same lines afterwards, for every replacement policy; and a
 * reset level against a new level: the same hits and the same victim per fill.
 */
class ResetTest {
    private static final int LINE = SmallHierarchy.LINE;
    private static final long SEED = 11;

    @Test
    void resetHierarchyEqualsNewOneForEveryPolicy() {
        for (Replacement l1 : Replacement.values()) {
            for (Replacement outer : Replacement.values()) {
                for (Inclusion l2 : Inclusion.values()) {
                    String what = l1 + "/" + outer + "/" + l2;
                    CacheHierarchy reused = SmallHierarchy.build(l1, outer, l2, true, true, 3);
                    run(reused, new SplittableRandom(99), 20_000); // fills sets and moves the clocks and random streams
                    reused.reset(SEED);
                    CacheHierarchy fresh = SmallHierarchy.build(l1, outer, l2, true, true, SEED);
                    List<Integer> expected = run(fresh, new SplittableRandom(5), 20_000);
                    assertThat(run(reused, new SplittableRandom(5), 20_000)).as(what).isEqualTo(expected);
                    assertThat(stats(reused)).as(what).isEqualTo(stats(fresh));
                    assertThat(stats(reused).get(1).misses()).as(what + " the stream must reach L2").isPositive();
                    for (long line = 0; line < 8192; line++) {
                        for (int k = 0; k < fresh.levels(); k++) {
                            assertThat(reused.level(k).contains(line)).as("%s line %d level %d", what, line, k)
                                    .isEqualTo(fresh.level(k).contains(line));
                        }
                    }
                }
            }
        }
    }

    @Test
    void resetLevelGivesTheSameHitsAndVictimsAsANewOne() {
        Geometry g = new Geometry(64 * LINE, 8, LINE);
        for (Replacement policy : Replacement.values()) {
            CacheLevel reused = CacheLevel.of(g, policy, 1);
            drive(reused, new SplittableRandom(3), 5_000);
            reused.reset(SEED);
            CacheLevel fresh = CacheLevel.of(g, policy, SEED);
            List<Long> expected = drive(fresh, new SplittableRandom(8), 5_000);
            assertThat(expected).as(policy + " victims").anyMatch(v -> v != CacheLevel.NO_LINE);
            assertThat(drive(reused, new SplittableRandom(8), 5_000)).as(policy.toString()).isEqualTo(expected);
        }
    }

    /** Accesses each line, filling it on a miss: per access the victim, or -2 for a hit. */
    private static List<Long> drive(CacheLevel level, SplittableRandom r, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long line = r.nextInt(4) == 0 ? r.nextInt(2048) : r.nextInt(96);
            if (level.access(line)) {
                out.add(-2L);
            } else {
                out.add(level.fill(line));
            }
            if (r.nextInt(50) == 0) {
                level.invalidate(r.nextInt(96)); // empties ways mid-set, as back-invalidation does
            }
        }
        return out;
    }

    /** A hot set, a wider warm set and a cold range; returns the level that served each access. */
    private static List<Integer> run(CacheHierarchy h, SplittableRandom r, int n) {
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            long line = kind < 5 ? r.nextInt(24) : kind < 8 ? r.nextInt(300) : r.nextInt(8192);
            served.add(h.accessLine(line * LINE + r.nextInt(LINE), r.nextInt(4) == 0));
        }
        return served;
    }

    private static List<LevelStats> stats(CacheHierarchy h) {
        List<LevelStats> out = new ArrayList<>();
        for (int k = 0; k < h.levels(); k++) {
            out.add(h.stats(k));
        }
        return out;
    }
}
