package footprint.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache description from sysfs (a hand-made tree like the kernel's) and the AMD CPUID associativity codes. */
class ReportedCacheTest {
    @TempDir
    Path tmp;

    private void index(int i, String type, int level, String size, int ways) throws Exception {
        Path d = Files.createDirectories(tmp.resolve("index" + i));
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
        Files.writeString(d.resolve("ways_of_associativity"), ways + "\n");
        Files.writeString(d.resolve("coherency_line_size"), "64\n");
    }

    @Test
    void sysfsDataAndUnifiedLevelsAreReadInstructionCachesSkipped() throws Exception {
        index(0, "Data", 1, "48K", 12);
        index(1, "Instruction", 1, "32K", 8);
        index(2, "Unified", 2, "1024K", 16);
        index(3, "Unified", 3, "32768K", 16);
        List<ReportedCache> r = ReportedCache.read(tmp, tmp.resolve("no-cpuid-device"));
        assertThat(r).extracting(ReportedCache::level).containsExactly(1, 2, 3);
        assertThat(r).extracting(ReportedCache::sizeBytes).containsExactly(48L << 10, 1L << 20, 32L << 20);
        assertThat(r).extracting(ReportedCache::ways).containsExactly(12, 16, 16);
    }

    @Test
    void nothingReportedWithoutSysfsOrCpuidDevice() {
        assertThat(ReportedCache.read(tmp.resolve("absent"), tmp.resolve("absent-cpuid"))).isEmpty();
    }

    @Test
    void amdAssociativityCodesFollowTheManualsTable() {
        assertThat(ReportedCache.amdWays(6)).isEqualTo(8);
        assertThat(ReportedCache.amdWays(8)).isEqualTo(16);
        assertThat(ReportedCache.amdWays(0xA)).isEqualTo(32);
        assertThat(ReportedCache.amdWays(9)).isEqualTo(-1);
    }
}
