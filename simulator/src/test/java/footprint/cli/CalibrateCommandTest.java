package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.model.Provenance.Basis;
import footprint.testsupport.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footprint calibrate}: refuses to overwrite before measuring, and writes a model that loads. */
class CalibrateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void refusesAnExistingOutputWithoutForceAndLeavesItAlone() throws Exception {
        Path existing = tmp.resolve("mine.json");
        Files.writeString(existing, "keep me");
        CliRun r = CliRun.of("calibrate", "--output", existing.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(existing.toString(), "already exists", "--force").doesNotContain("Exception");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void refusesToWriteIntoTheModelsFolderWithoutForce() throws Exception {
        Path models = Files.createDirectory(tmp.resolve("models"));
        Files.copy(RepoFiles.resolve("models/cpu/zen5.json"), models.resolve("zen5.json"));
        Path target = models.resolve("new.json");
        CliRun r = CliRun.of("calibrate", "--models", models.toString(), "--output", target.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bundled models folder");
        assertThat(target).doesNotExist();
    }

    @Test
    void measuresThisCpuAndWritesAModelThatLoads() throws Exception {
        Path out = tmp.resolve("this-host.json");
        CliRun r = CliRun.of("calibrate", "--reference", "zen5", "--models", RepoFiles.resolve("models/cpu").toString(),
                "--max-working-set", "8m", "--rounds", "1", "--output", out.toString(), "--id", "this-host");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).contains("footprint: latency round 1 of 1", "wrote " + out);
        assertThat(r.out()).contains("core clock", "levels found:", "compared with zen5");
        CpuModel m = CpuModels.load(out);
        // Load-to-use from L1D is 3 to 6 cycles on every x86 core of the last fifteen years; a
        // wrong clock or a chase the JIT broke would land outside.
        assertThat(m.levels().get(0).latencyCycles()).isBetween(3, 6);
        assertThat(m.clockGhz()).isBetween(1.0, 6.5);
        assertThat(m.provenance().get("levels[0].latency").basis()).isEqualTo(Basis.MEASURED);
        assertThat(m.provenance().get("levels[0].latency").source()).contains("footprint calibrate", "family");
    }
}
