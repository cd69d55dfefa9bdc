package footprint.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.model.Provenance.Basis;
import footprint.testsupport.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A calibration written as a model file loads back with the measured numbers, their basis and the copied rest. */
class CalibratedModelTest {
    @TempDir
    Path tmp;

    @Test
    void writtenModelLoadsBackWithMeasuredNumbersAndCopiedExitCosts() throws Exception {
        CpuModel zen5 = CpuModels.find(RepoFiles.resolve("models/cpu"), "zen5");
        List<LatencyPoint> curve = List.of(p(16, 1.08), p(32, 1.08), p(48, 1.1), p(64, 3.8), p(256, 3.8), p(512, 3.8),
                p(1024, 8), p(1536, 12), p(2048, 12), p(4096, 12), p(6144, 100), p(8192, 100), p(16384, 100), p(32768, 100));
        LevelSteps steps = new LevelSteps(curve);
        Calibration c = new Calibration(new CpuIdentity("AMD EPYC", "AuthenticAMD", 26, 2, 1), "footprint calibrate",
                "2026-01-01T00:00:00Z", 0.8, 3.75, curve, steps.levels(), steps.memoryNanos(), steps.memoryFromBytes(),
                32L << 20, List.of(new MlpPoint(1, 100, 1), new MlpPoint(4, 40, 2.5)), List.of());
        CalibratedModel m = CalibratedModel.of("this-host", c, zen5);
        Path file = tmp.resolve("this-host.json");
        Files.writeString(file, ModelFileWriter.json(m));

        CpuModel back = CpuModels.load(file);
        assertThat(back.id()).isEqualTo("this-host");
        assertThat(back.clockGhz()).isEqualTo(3.75);
        assertThat(back.levels()).extracting(l -> l.geometry().sizeBytes()).containsExactly(48L << 10, 1L << 20, 4L << 20);
        assertThat(back.levels()).extracting(l -> l.latencyCycles()).containsExactly(4, 14, 45);
        assertThat(back.memoryLatencyCycles()).isEqualTo(375);
        assertThat(back.memoryLevelParallelism()).isEqualTo(2.5);
        for (String f : List.of("clockGhz", "levels[0].size", "levels[0].latency", "levels[2].latency", "memoryLatency",
                "memoryLevelParallelism")) {
            assertThat(back.provenance().get(f).basis()).as(f).isEqualTo(Basis.MEASURED);
            assertThat(back.provenance().get(f).source()).as(f).contains("footprint calibrate", "AMD EPYC", "2026-01-01");
        }
        assertThat(back.provenance().get("levels[1].ways").source()).startsWith("not measured by calibrate; copied from model zen5");
        assertThat(back.exitBaseCycles().keySet()).isEqualTo(zen5.exitBaseCycles().keySet());
        assertThat(back.exitBaseCycles("CPUID")).isEqualTo(zen5.exitBaseCycles("CPUID"));
        assertThat(back.exitCost("HLT").provenance().basis()).isEqualTo(zen5.exitCost("HLT").provenance().basis());
        assertThat(ModelDifference.of(m, zen5)).filteredOn(d -> d.field().equals("memoryLevelParallelism"))
                .singleElement().satisfies(d -> {
                    assertThat(d.reference()).isEqualTo(zen5.memoryLevelParallelism());
                    assertThat(d.differs()).isTrue();
                });
        assertThat(ModelDifference.of(m, zen5)).filteredOn(d -> d.field().equals("levels[1].latency"))
                .singleElement().satisfies(d -> assertThat(d.differs()).as("14 cycles on both sides").isFalse());
    }

    private static LatencyPoint p(long kib, double ns) {
        return new LatencyPoint(kib * 1024, ns);
    }
}
