package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.cache.Inclusion;
import footprint.cache.Replacement;
import footprint.input.InputException;
import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuModelFileTest {
    private static final Path MODELS = RepoFiles.resolve("models/cpu");

    @TempDir
    Path tmp;

    @Test
    void everyBundledModelIsWrittenBackByteForByte() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(MODELS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(6);
        for (Path f : files) {
            assertThat(CpuModelFile.read(f).text()).as(f.toString()).isEqualTo(Files.readString(f));
        }
    }

    @Test
    void aWrittenModelLoadsAsTheModelItDescribes() throws IOException {
        Quantity<Number> measured = new Quantity<>(5, "footprint calibrate, 2026-12-04", Provenance.Basis.DERIVED);
        CpuModelFile.Level l1 = new CpuModelFile.Level("L1D",
                new Quantity<>(com.fasterxml.jackson.databind.node.TextNode.valueOf("48k"), "lscpu", Provenance.Basis.PUBLISHED),
                new Quantity<>(12, "lscpu", Provenance.Basis.PUBLISHED),
                new Quantity<>(64, "lscpu", Provenance.Basis.PUBLISHED), measured,
                new Quantity<>(Replacement.TREE_PLRU, "assumed", Provenance.Basis.GUESSED),
                new Quantity<>(Inclusion.NON_INCLUSIVE, "first level", Provenance.Basis.DERIVED));
        CpuModelFile file = new CpuModelFile("this-host", "this host", "amd",
                new Quantity<>(2.5, "/proc/cpuinfo", Provenance.Basis.PUBLISHED), List.of(l1),
                new Quantity<>(300, "footprint calibrate", Provenance.Basis.DERIVED),
                new Quantity<>(1.0, "no overlap assumed", Provenance.Basis.GUESSED), null,
                Map.of("default", new Quantity<>(1500, "footprint calibrate", Provenance.Basis.DERIVED)), null);
        Path out = tmp.resolve("this-host.json");
        file.write(out);

        CpuModel m = CpuModels.load(out);
        assertThat(m.id()).isEqualTo("this-host");
        assertThat(m.levels().get(0).geometry().toString()).isEqualTo("48k:12:64");
        assertThat(m.levels().get(0).latencyCycles()).isEqualTo(5);
        assertThat(m.levels().get(0).replacement()).isEqualTo(Replacement.TREE_PLRU);
        assertThat(m.memoryLatencyCycles()).isEqualTo(300);
        assertThat(m.prefetchers()).isEqualTo(Prefetchers.NONE);
        assertThat(m.exitBaseCycles("CPUID")).isEqualTo(1500);
        assertThat(m.provenance().get("levels[0].latency"))
                .isEqualTo(new Provenance("footprint calibrate, 2026-12-04", Provenance.Basis.DERIVED));
        assertThat(Files.readString(out)).contains("\"value\": \"tree-plru\"", "\"basis\": \"guessed\"")
                .doesNotContain("prefetchers", "notes");
        assertThat(CpuModelFile.read(out)).isEqualTo(file);
    }

    @Test
    void readingChecksAsLoadingDoes() throws IOException {
        String text = Files.readString(MODELS.resolve("zen4.json")).replaceFirst("\"value\": 8,", "\"value\": 0,");
        Path f = tmp.resolve("zero-ways.json");
        Files.writeString(f, text);
        assertThatThrownBy(() -> CpuModelFile.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("field levels[0].ways.value: must be a positive number, got 0");
    }
}
