package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachesimCommandTest {
    @TempDir
    Path tmp;

    private Path trace(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void countsAStraddlingRecordOnceAndAsAMissWhenEitherLineMisses() throws IOException {
        // 2 sets x 1 way (128 B): line 0 -> set 0, line 1 -> set 1.
        Path f = trace("s.txt", """
                R 0 8
                R 3c 8
                W 40 4
                R 80 4
                R 3c 8
                """);
        // #1 line 0 miss. #2 lines 0 (hit) + 1 (miss) -> one miss. #3 line 1 hit.
        // #4 line 2 evicts line 0 (set 0) -> miss. #5 lines 0 (miss) + 1 (hit) -> miss.
        CliRun run = CliRun.of("cachesim", f.toString(), "--l1d", "128:1:64", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertThat(j.get("accesses").asLong()).isEqualTo(5);
        assertThat(j.get("writes").asLong()).isEqualTo(1);
        assertThat(j.get("straddling").asLong()).isEqualTo(2);
        JsonNode l1 = j.get("levels").get(0);
        assertThat(l1.get("name").asText()).isEqualTo("L1D");
        assertThat(l1.get("hits").asLong()).isEqualTo(1);
        assertThat(l1.get("misses").asLong()).isEqualTo(4);
        assertThat(l1.get("lineAccesses").asLong()).isEqualTo(7);
        assertThat(l1.get("lineMisses").asLong()).isEqualTo(4);
        assertThat(j.get("memoryAccesses").asLong()).isEqualTo(4);
    }

    @Test
    void threeLevelsInTextWithAutoDetectedDin() throws IOException {
        StringBuilder sb = new StringBuilder();
        // 64 distinct lines twice: L1 (1 KiB = 16 lines) thrashes, L2 (8 KiB) keeps them all.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 64; i++) {
                sb.append(round == 0 ? "1 " : "0 ").append(Integer.toHexString(0x10000 + i * 64)).append('\n');
            }
        }
        Path f = trace("t.din", sb.toString());
        CliRun run = CliRun.of("cachesim", f.toString(), "--l1d", "1k:2:64", "--l2", "8k:4:64", "--llc", "64k:8:64");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(din)")
                .contains("accesses  128 (reads 64, writes 64; 0 straddle a line boundary)")
                .containsPattern("L1D +1k:2:64 +lru +128 +0 +128 +100.00%")
                .containsPattern("L2 +8k:4:64 +lru +128 +64 +64 +50.00%")
                .containsPattern("LLC +64k:8:64 +lru +64 +0 +64 +100.00%")
                .contains("memory 64 accesses");
    }

    @Test
    void modelRunUsesTheModelsGeometry() throws IOException {
        Path f = trace("m.lackey", " L 1000,8\n S 1000,8\n L 2000,4\n");
        CliRun run = CliRun.of("cachesim", f.toString(), "--model", "zen3", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertThat(j.get("model").asText()).isEqualTo("zen3");
        assertThat(j.get("inputFormat").asText()).isEqualTo("lackey");
        assertThat(j.get("levels")).hasSize(3);
        assertThat(j.get("levels").get(0).get("geometry").asText()).isEqualTo("32k:8:64");
        assertThat(j.get("levels").get(0).get("misses").asLong()).isEqualTo(2);
        assertThat(j.get("levels").get(2).get("geometry").asText()).isEqualTo("32M:16:64");
    }

    @Test
    void outputIsByteIdenticalAcrossRunsWithRandomReplacement() throws IOException {
        StringBuilder sb = new StringBuilder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 5000; i++) {
            sb.append("R ").append(Long.toHexString(r.nextLong(1 << 16))).append(" 4\n");
        }
        Path f = trace("r.txt", sb.toString());
        String[] args = {"cachesim", f.toString(), "--l1d", "4k:4:64", "--policy", "random", "--seed", "3", "--format", "json"};
        CliRun a = CliRun.of(args);
        assertThat(a.exitCode()).isZero();
        assertThat(CliRun.of(args).out()).isEqualTo(a.out());
        args[7] = "4";
        assertThat(CliRun.of(args).out()).isNotEqualTo(a.out());
    }

    @Test
    void prefetchOptionTurnsOnNextLine() throws IOException {
        Path f = trace("p.txt", "R 0 8\nR 40 8\nR 80 8\nR c0 8\n");
        CliRun run = CliRun.of("cachesim", f.toString(), "--l1d", "32k:8:64", "--prefetch", "next-line", "--format", "json");
        JsonNode l1 = new ObjectMapper().readTree(run.out()).get("levels").get(0);
        assertThat(l1.get("misses").asLong()).isEqualTo(2);
        assertThat(l1.get("prefetches").asLong()).isEqualTo(2);
    }

    @Test
    void badInputIsAOneLineErrorWithExitCode2() throws IOException {
        Path f = trace("bad.txt", "R 0 8\nR zz 8\n");
        CliRun run = CliRun.of("cachesim", f.toString(), "--l1d", "32k:8:64", "--input-format", "plain");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("footprint: error: " + f + ":2: ").doesNotContain("Exception");
        CliRun geo = CliRun.of("cachesim", f.toString(), "--l1d", "48k:8:64");
        assertThat(geo.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(geo.err()).contains("--l1d 48k:8:64").contains("not a power of two");
        CliRun model = CliRun.of("cachesim", f.toString(), "--model", "nehalem");
        assertThat(model.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(model.err()).contains("valid ids: icelake-sp");
        CliRun both = CliRun.of("cachesim", f.toString(), "--model", "zen3", "--l1d", "32k:8:64");
        assertThat(both.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        CliRun missing = CliRun.of("cachesim", tmp.resolve("nope").toString(), "--model", "zen3");
        assertThat(missing.err()).contains("no such trace file");
        CliRun pipe = CliRun.of("cachesim", "/dev/null", "--model", "zen3");
        assertThat(pipe.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(pipe.err()).contains("/dev/null: not a regular file: give --input-format");
    }

    @Test
    void helpExplainsStraddlesAndShowsAnExample() {
        CliRun run = CliRun.of("cachesim", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("straddles a line boundary").contains("Example:").contains("--input-format");
    }

    @Test
    void modelsListsEveryModelInTextAndJson() throws IOException {
        CliRun text = CliRun.of("models");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("skylake-sp  Intel").contains("L1D  32k:8:64").contains("TSC_DEADLINE_WRITE 2468");
        CliRun json = CliRun.of("models", "--format", "json", "--sources");
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j).hasSize(6);
        assertThat(j.get(2).get("id").asText()).isEqualTo("skylake-sp");
        assertThat(j.get(2).get("sources").get("levels[0].latency").get("basis").asText()).isEqualTo("published");
        assertThat(CliRun.of("models", "--format", "json", "--sources").out()).isEqualTo(json.out());
    }
}
