package footprint.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CacheHierarchyTest {
    private static final int LINE = 64;

    /** L1: 2 sets x 2 ways; L2: 2 sets x 4 ways; memory 100 cycles. */
    private static CacheHierarchy twoLevel(Inclusion l2) {
        return CacheHierarchy.builder()
                .level("L1D", new Geometry(4 * LINE, 2, LINE), Replacement.LRU, Inclusion.NON_INCLUSIVE, 4)
                .level("L2", new Geometry(8 * LINE, 4, LINE), Replacement.LRU, l2, 12)
                .memoryLatency(100)
                .build(1);
    }

    private static long addr(long line) {
        return line * LINE;
    }

    @Test
    void firstTouchGoesToMemoryThenHitsL1() {
        CacheHierarchy h = twoLevel(Inclusion.NON_INCLUSIVE);
        assertThat(h.accessLine(addr(5) + 8, false)).isEqualTo(2);
        assertThat(h.accessLine(addr(5) + 63, true)).isZero();
        assertThat(h.latency(0)).isEqualTo(4);
        assertThat(h.latency(2)).isEqualTo(100);
        assertThat(h.stats(0)).isEqualTo(new LevelStats("L1D", 2, 1, 1, 1, 1, 0, 0));
        assertThat(h.stats(1)).isEqualTo(new LevelStats("L2", 1, 0, 1, 1, 0, 0, 0));
    }

    @Test
    void lineEvictedFromL1IsServedByL2() {
        CacheHierarchy h = twoLevel(Inclusion.NON_INCLUSIVE);
        // Lines 0, 2, 4 map to L1 set 0 (2 ways): 4 evicts 0 from L1; L2 (set 0, 4 ways) keeps all three.
        h.accessLine(addr(0), false);
        h.accessLine(addr(2), false);
        h.accessLine(addr(4), false);
        assertThat(h.accessLine(addr(0), false)).isEqualTo(1);
    }

    /** L1: one set of 2 ways; L2: one set of 4 ways; so every line competes in both. */
    private static CacheHierarchy oneSetEach(Inclusion l2) {
        return CacheHierarchy.builder()
                .level("L1D", new Geometry(2 * LINE, 2, LINE), Replacement.LRU, Inclusion.NON_INCLUSIVE, 4)
                .level("L2", new Geometry(4 * LINE, 4, LINE), Replacement.LRU, l2, 12)
                .memoryLatency(100)
                .build(1);
    }

    /**
     * Line A stays hot in L1 (A, B, A, C, A, D, A): L1 hits do not refresh A in L2, so when E
     * misses, L2's LRU victim is A. An inclusive L2 must then remove A from L1 as well.
     */
    private static final long[] KEEP_A_HOT_IN_L1 = {0, 1, 0, 2, 0, 3, 0, 4};

    @Test
    void inclusiveLevelBackInvalidatesTheLevelAbove() {
        CacheHierarchy h = oneSetEach(Inclusion.INCLUSIVE);
        for (long l : KEEP_A_HOT_IN_L1) {
            h.accessLine(addr(l), false);
        }
        assertThat(h.stats(1).backInvalidations()).isEqualTo(1);
        assertThat(h.level(0).contains(0)).isFalse();
        assertThat(h.level(0).contains(3)).isTrue(); // E took the way A left, D stayed
        assertThat(h.accessLine(addr(0), false)).isEqualTo(2);
    }

    @Test
    void nonInclusiveLevelLeavesTheCopyAbove() {
        CacheHierarchy h = oneSetEach(Inclusion.NON_INCLUSIVE);
        for (long l : KEEP_A_HOT_IN_L1) {
            h.accessLine(addr(l), false);
        }
        assertThat(h.level(1).contains(0)).isFalse();
        assertThat(h.stats(1).backInvalidations()).isZero();
        assertThat(h.accessLine(addr(0), false)).isZero();
    }

    @Test
    void exclusiveLevelHoldsOnlyVictimsAndGivesLinesUpOnAHit() {
        CacheHierarchy h = CacheHierarchy.builder()
                .level("L1D", new Geometry(2 * LINE, 2, LINE), Replacement.LRU, Inclusion.NON_INCLUSIVE, 4)
                .level("L3", new Geometry(4 * LINE, 4, LINE), Replacement.LRU, Inclusion.EXCLUSIVE, 40)
                .memoryLatency(200)
                .build(0);
        h.accessLine(addr(1), false);
        h.accessLine(addr(2), false);
        assertThat(h.level(1).contains(1)).isFalse(); // a miss does not fill a victim cache
        h.accessLine(addr(3), false); // L1 evicts 1 -> L3
        assertThat(h.level(1).contains(1)).isTrue();
        assertThat(h.accessLine(addr(1), false)).isEqualTo(1); // served by L3 ...
        assertThat(h.level(1).contains(1)).isFalse(); // ... and moved up
        assertThat(h.level(1).contains(2)).isTrue(); // the L1 victim of that fill went to L3
        assertThat(h.level(0).contains(1) && h.level(0).contains(3)).isTrue();
    }

    @Test
    void nextLinePrefetchFiresOnMissesOnly() {
        CacheHierarchy h = CacheHierarchy.builder()
                .level("L1D", new Geometry(32 * 1024, 8, LINE), Replacement.LRU, Inclusion.NON_INCLUSIVE, 4)
                .memoryLatency(100).nextLinePrefetch(true).build(0);
        assertThat(h.accessLine(addr(10), false)).isEqualTo(1); // miss: prefetch 11
        assertThat(h.accessLine(addr(11), false)).isZero(); // hit: no prefetch
        assertThat(h.accessLine(addr(12), false)).isEqualTo(1); // miss: prefetch 13
        assertThat(h.accessLine(addr(13), false)).isZero();
        assertThat(h.stats(0)).isEqualTo(new LevelStats("L1D", 4, 2, 2, 4, 0, 2, 0));
    }

    @Test
    void adjacentPairPrefetchCompletesThe128ByteChunkInL2() {
        CacheHierarchy h = CacheHierarchy.builder()
                .level("L1D", new Geometry(4 * LINE, 2, LINE), Replacement.LRU, Inclusion.NON_INCLUSIVE, 4)
                .level("L2", new Geometry(64 * LINE, 4, LINE), Replacement.LRU, Inclusion.NON_INCLUSIVE, 12)
                .memoryLatency(100).adjacentLinePrefetch(true).build(0);
        assertThat(h.accessLine(addr(7), false)).isEqualTo(2); // memory; pair line 6 goes to L2
        assertThat(h.level(1).contains(6)).isTrue();
        assertThat(h.level(0).contains(6)).isFalse();
        assertThat(h.accessLine(addr(6), false)).isEqualTo(1); // L2 hit thanks to the prefetch
        assertThat(h.stats(1).prefetches()).isEqualTo(1);
        assertThat(h.accessLine(addr(9), false)).isEqualTo(2); // its pair is 8
        assertThat(h.level(1).contains(8)).isTrue();
    }

    @Test
    void prefetchersAreOffByDefault() {
        CacheHierarchy h = twoLevel(Inclusion.NON_INCLUSIVE);
        h.accessLine(addr(7), false);
        assertThat(h.level(0).contains(8)).isFalse();
        assertThat(h.level(1).contains(6)).isFalse();
    }

    @Test
    void accessOfAStraddlingRangeTouchesBothLines() {
        CacheHierarchy h = twoLevel(Inclusion.NON_INCLUSIVE);
        assertThat(h.access(addr(3) + 60, 8, false)).isEqualTo(2);
        assertThat(h.stats(0).accesses()).isEqualTo(2);
        assertThat(h.accessLine(addr(4), false)).isZero();
    }

    @Test
    void resetAndClear() {
        CacheHierarchy h = twoLevel(Inclusion.NON_INCLUSIVE);
        h.accessLine(0, false);
        h.resetStats();
        assertThat(h.stats(0).accesses()).isZero();
        assertThat(h.accessLine(0, false)).isZero();
        h.clear();
        assertThat(h.accessLine(0, false)).isEqualTo(2);
    }

    @Test
    void mixedLineSizesAndAnExclusiveFirstLevelAreRejected() {
        assertThatThrownBy(() -> CacheHierarchy.builder()
                .level("L1D", new Geometry(32 * 1024, 8, 64), Replacement.LRU, Inclusion.NON_INCLUSIVE, 4)
                .level("L2", new Geometry(256 * 1024, 8, 128), Replacement.LRU, Inclusion.NON_INCLUSIVE, 12)
                .build(0)).hasMessageContaining("line size");
        assertThatThrownBy(() -> CacheHierarchy.builder()
                .level("L1D", new Geometry(32 * 1024, 8, 64), Replacement.LRU, Inclusion.EXCLUSIVE, 4)
                .build(0)).hasMessageContaining("exclusive");
    }
}
