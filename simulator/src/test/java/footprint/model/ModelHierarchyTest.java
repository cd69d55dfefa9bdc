package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.cache.CacheHierarchy;
import footprint.cache.LevelStats;
import footprint.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;

/** Hierarchies built from the bundled CPU models behave as their files declare. */
class ModelHierarchyTest {
    private static CpuModel model(String id) {
        return CpuModels.find(RepoFiles.resolve("models/cpu"), id);
    }

    @Test
    void zen3VictimL3CatchesWhatL2Evicts() {
        CacheHierarchy h = model("zen3").cacheHierarchy(1);
        assertThat(h.levels()).isEqualTo(3);
        // Lines 64 KiB apart share one L1D set (64 sets) and one L2 set (1024 sets), 8 ways each.
        for (int i = 0; i <= 8; i++) {
            assertThat(h.accessLine(i * 65536L, false)).isEqualTo(3); // memory; the L3 is not filled
        }
        assertThat(h.level(2).contains(0)).isTrue(); // line 0 left L2 for the victim L3
        assertThat(h.level(2).contains(65536L >>> 6)).isFalse();
        assertThat(h.accessLine(0, false)).isEqualTo(2); // served by L3 ...
        assertThat(h.level(2).contains(0)).isFalse(); // ... and moved back up
        assertThat(h.latency(2)).isEqualTo(46);
        assertThat(h.latency(3)).isEqualTo(245);
    }

    @Test
    void skylakeSpNonInclusiveLlcIsFilledOnMissAndKeepsL1Copies() {
        CacheHierarchy h = model("skylake-sp").cacheHierarchy(1);
        assertThat(h.accessLine(0x1000, true)).isEqualTo(3);
        assertThat(h.level(2).contains(0x1000 >>> 6)).isTrue();
        assertThat(h.accessLine(0x1008, false)).isZero();
        assertThat(h.stats(0)).isEqualTo(new LevelStats("L1D", 2, 1, 1, 1, 1, 0, 0));
    }

    @Test
    void modelPrefetchersCanBeSwitchedOn() {
        CpuModel m = model("icelake-sp");
        assertThat(m.prefetchers()).isEqualTo(Prefetchers.NONE);
        CacheHierarchy h = m.withPrefetchers(new Prefetchers(true, true)).cacheHierarchy(1);
        h.accessLine(0x10_0040, false);
        assertThat(h.level(0).contains((0x10_0040 >>> 6) + 1)).isTrue(); // next line in L1D
        assertThat(h.level(1).contains((0x10_0040 >>> 6) ^ 1)).isTrue(); // pair line in L2
    }
}
