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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuModelsTest {
    private static final Path MODELS = RepoFiles.resolve("models/cpu");

    @TempDir
    Path tmp;

    @Test
    void bundledModelsLoadWithEveryNumberSourced() {
        List<CpuModel> all = CpuModels.loadAll(MODELS);
        assertThat(all).extracting(CpuModel::id)
                .containsExactly("icelake-sp", "sapphire-rapids", "skylake-sp", "zen3", "zen4", "zen5");
        for (CpuModel m : all) {
            assertThat(m.levels()).hasSize(3);
            assertThat(m.provenance().values()).allSatisfy(p -> assertThat(p.source()).isNotBlank());
            // 6 sourced quantities per level, then clock, memory latency, MLP, and every exit cost.
            assertThat(m.provenance()).hasSize(3 * 6 + 3 + m.exitBaseCycles().size());
            assertThat(m.exitBaseCycles()).containsKey("default");
        }
    }

    @Test
    void skylakeSpHasTheSourcedGeometry() {
        CpuModel m = CpuModels.find(MODELS, "skylake-sp");
        assertThat(m.levels().get(0).geometry().toString()).isEqualTo("32k:8:64");
        assertThat(m.levels().get(0).latencyCycles()).isEqualTo(4);
        assertThat(m.levels().get(1).geometry().toString()).isEqualTo("1M:16:64");
        assertThat(m.levels().get(2).inclusion()).isEqualTo(Inclusion.NON_INCLUSIVE);
        assertThat(m.levels().get(0).replacement()).isEqualTo(Replacement.TREE_PLRU);
        assertThat(m.exitBaseCycles("TSC_DEADLINE_WRITE")).isEqualTo(2468);
        assertThat(m.exitBaseCycles("NO_SUCH_EXIT")).isEqualTo(m.exitBaseCycles("default"));
        assertThat(m.provenance().get("levels[0].latency").basis()).isEqualTo(Provenance.Basis.PUBLISHED);
    }

    @Test
    void zenL3IsAVictimCache() {
        CpuModel m = CpuModels.find(MODELS, "zen3");
        assertThat(m.levels().get(2).inclusion()).isEqualTo(Inclusion.EXCLUSIVE);
    }

    @Test
    void unknownIdListsTheValidOnes() {
        assertThatThrownBy(() -> CpuModels.find(MODELS, "pentium4"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown CPU model 'pentium4'")
                .hasMessageContaining("skylake-sp, zen3, zen4, zen5");
    }

    private Path variant(String from, String to) throws IOException {
        String text = Files.readString(MODELS.resolve("skylake-sp.json"));
        assertThat(text).contains(from);
        Path f = tmp.resolve("broken.json");
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return f;
    }

    private static int lineOf(Path f, String needle) throws IOException {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }

    @Test
    void missingFieldIsNamedWithFileAndLine() throws IOException {
        Path f = variant("\"ways\": {", "\"wayz\": {");
        assertThatThrownBy(() -> CpuModels.load(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":" + lineOf(f, "\"wayz\""))
                .hasMessageContaining("unknown field levels[0].wayz");
        Path g = variant("\"memoryLatency\": {", "\"memoryLatencyNs\": {");
        assertThatThrownBy(() -> CpuModels.load(g)).hasMessageContaining("memoryLatencyNs");
    }

    @Test
    void missingRequiredFieldIsNamed() throws IOException {
        String text = Files.readString(MODELS.resolve("zen3.json"));
        Path f = tmp.resolve("nolatency.json");
        // Drop the whole memoryLatency quantity object.
        String cut = text.replaceFirst("(?s)  \"memoryLatency\": \\{.*?\\},\n", "");
        assertThat(cut).doesNotContain("\"memoryLatency\"");
        Files.writeString(f, cut);
        assertThatThrownBy(() -> CpuModels.load(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":")
                .hasMessageContaining("missing field memoryLatency");
    }

    @Test
    void nonPowerOfTwoSetCountIsNamed() throws IOException {
        Path f = variant("\"value\": \"32k\"", "\"value\": \"33k\"");
        assertThatThrownBy(() -> CpuModels.load(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":" + lineOf(f, "\"size\""))
                .hasMessageContaining("levels[0].size")
                .hasMessageContaining("not a power of two");
    }

    @Test
    void latencyThatIsNotANumberIsNamed() throws IOException {
        Path f = variant("\"value\": 77,", "\"value\": \"slow\",");
        assertThatThrownBy(() -> CpuModels.load(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":" + lineOf(f, "\"slow\""))
                .hasMessageContaining("field levels[2].latency.value: not a number: \"slow\"");
    }

    @Test
    void numberWithoutSourceOrWithUnknownBasisIsRejected() throws IOException {
        Path f = variant("\"basis\": \"published\"", "\"basis\": \"folklore\"");
        assertThatThrownBy(() -> CpuModels.load(f))
                .hasMessageContaining("clockGhz.basis")
                .hasMessageContaining("published, derived, unverified, guessed");
        Path g = variant("\"source\": \"Intel ARK, Xeon Gold 6142: 2.60 GHz base\"", "\"source\": \" \"");
        assertThatThrownBy(() -> CpuModels.load(g)).hasMessageContaining("clockGhz.source: must name where");
    }

    @Test
    void brokenJsonReportsTheLine() throws IOException {
        Path f = variant("\"vendor\": \"intel\",", "\"vendor\": \"intel\",,");
        assertThatThrownBy(() -> CpuModels.load(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":" + lineOf(f, ",,"))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void valuesOfTheWrongTypeAreNotCoerced() throws IOException {
        assertThatThrownBy(() -> CpuModels.load(variant("\"vendor\": \"intel\"", "\"vendor\": 5")))
                .hasMessageContaining(":4: field vendor: must be a string, got 5");
        assertThatThrownBy(() -> CpuModels.load(variant("\"nextLine\": false", "\"nextLine\": 1")))
                .hasMessageContaining("field prefetchers.nextLine: must be true or false, got 1");
        assertThatThrownBy(() -> CpuModels.load(variant("\"value\": 4,", "\"value\": 4.5,")))
                .hasMessageContaining("field levels[0].latency.value: must be a whole number, got 4.5");
        assertThatThrownBy(() -> CpuModels.load(variant("\"value\": \"tree-plru\"", "\"value\": \"tree-lru\"")))
                .hasMessageContaining("field levels[0].replacement.value: \"tree-lru\" is not one of lru, tree-plru, random");
        assertThatThrownBy(() -> CpuModels.load(variant("\"clockGhz\": {", "\"clockGhz\": 2.6, \"x\": {")))
                .hasMessageContaining("field clockGhz: must be {\"value\"");
    }

    @Test
    void aDuplicateFieldOrASecondObjectIsRejected() throws IOException {
        Path f = variant("\"id\": \"skylake-sp\",", "\"id\": \"skylake-sp\", \"id\": \"other\",");
        assertThatThrownBy(() -> CpuModels.load(f)).hasMessageContaining("Duplicate field 'id'");
        Path g = tmp.resolve("two.json");
        Files.writeString(g, Files.readString(MODELS.resolve("zen3.json")) + "{}\n");
        assertThatThrownBy(() -> CpuModels.load(g)).isInstanceOf(InputException.class)
                .hasMessageContaining("a CPU model file holds one JSON object");
    }
}
