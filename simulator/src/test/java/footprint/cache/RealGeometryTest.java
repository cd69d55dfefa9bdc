package footprint.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Ice Lake / Golden Cove L1D (48 KiB, 12-way, 64-byte lines: 64 sets, 4 KiB per way) with exact counts. */
class RealGeometryTest {
    private static final Geometry L1D = new Geometry(48 * 1024, 12, 64);

    private static CacheHierarchy l1(Replacement r) {
        return CacheHierarchy.builder().level("L1D", L1D, r, Inclusion.NON_INCLUSIVE, 5).memoryLatency(200).build(9);
    }

    private static void scan(CacheHierarchy h, long bytes, int rounds) {
        for (int r = 0; r < rounds; r++) {
            for (long a = 0; a < bytes; a += 8) {
                h.accessLine(0x10_0000 + a, false);
            }
        }
    }

    @Test
    void geometryDerivesSetsAndShifts() {
        assertThat(L1D.sets()).isEqualTo(64);
        assertThat(L1D.lineShift()).isEqualTo(6);
        assertThat(L1D.setMask()).isEqualTo(63);
        assertThat(Geometry.parse("48k:12:64")).isEqualTo(L1D);
        assertThat(L1D.toString()).isEqualTo("48k:12:64");
    }

    @Test
    void aScanThatFitsMissesOncePerLine() {
        CacheHierarchy h = l1(Replacement.LRU);
        scan(h, 48 * 1024, 3);
        // 768 lines, 8 accesses per line, 3 rounds: only the first touch of each line misses.
        assertThat(h.stats(0).accesses()).isEqualTo(3 * 6144);
        assertThat(h.stats(0).misses()).isEqualTo(768);
    }

    @Test
    void aScanOneWayTooLargeMissesEveryLineUnderLru() {
        CacheHierarchy h = l1(Replacement.LRU);
        scan(h, 52 * 1024, 3);
        // 832 lines = 13 per set: cyclic reuse of 13 lines in a 12-way LRU set always misses.
        assertThat(h.stats(0).misses()).isEqualTo(3 * 832);
    }

    @Test
    void treePlruKeepsSomeLinesOfTheSameOversizedScan() {
        CacheHierarchy h = l1(Replacement.TREE_PLRU);
        scan(h, 52 * 1024, 3);
        // Not LRU: PLRU does not always evict the oldest line, so some reuse survives.
        assertThat(h.stats(0).misses()).isGreaterThan(832).isLessThan(3 * 832);
    }

    @Test
    void linesFourKibApartShareOneSet() {
        CacheHierarchy h = l1(Replacement.LRU);
        // 12 lines 4 KiB apart fill set 0 exactly; a 13th evicts the first.
        for (int i = 0; i < 12; i++) {
            assertThat(h.accessLine(i * 4096L, false)).isEqualTo(1);
        }
        for (int i = 0; i < 12; i++) {
            assertThat(h.accessLine(i * 4096L + 32, true)).isZero();
        }
        assertThat(h.accessLine(12 * 4096L, false)).isEqualTo(1);
        assertThat(h.accessLine(0, false)).isEqualTo(1);
        assertThat(h.stats(0)).isEqualTo(new LevelStats("L1D", 26, 12, 14, 14, 12, 0, 0));
    }
}
