package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.testsupport.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutCommandTest {
    static final String SEED = RepoFiles.resolve("models/layouts/seed").toString();
    static final String DEBIAN = RepoFiles.resolve("models/layouts/debian-6.1").toString();

    @Test
    void theSeedNumbersBeforeTheRelayout() {
        CliRun run = CliRun.of("layout", SEED + "/kvm_vcpu.before.pahole");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("/* size: 6688, cachelines: 105, members: 33 */")
                .contains("/* sum members: 6669, holes: 5, sum holes: 19 */")
                .contains("\t/* --- cacheline 85 boundary (5440 bytes) was 48 bytes ago --- */\n"
                        + "\tstruct kvm_vcpu_stat       stat;                 /*  5488  1104 */");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theSeedNumbersAfterTheRelayout() throws Exception {
        CliRun run = CliRun.of("layout", SEED + "/kvm_vcpu.after.pahole", "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertThat(j.get("name").asText()).isEqualTo("kvm_vcpu");
        assertThat(j.get("size").asLong()).isEqualTo(6560);
        assertThat(j.get("cachelines").asLong()).isEqualTo(103);
        assertThat(j.get("holes").asInt()).isEqualTo(2);
        assertThat(j.get("sumHoles").asLong()).isEqualTo(7);
        assertThat(j.get("padding").asLong()).isZero();
        JsonNode members = j.get("members");
        assertThat(members).hasSize(33);
        assertThat(members.get(7).get("name").asText()).isEqualTo("guest_debug");
        assertThat(members.get(7).get("offset").asLong()).isEqualTo(52);
        JsonNode asyncPf = members.get(23);
        assertThat(asyncPf.get("name").asText()).isEqualTo("async_pf");
        assertThat(asyncPf.get("members").get(3).get("name").asText()).isEqualTo("queued");
        assertThat(asyncPf.get("members").get(3).get("offset").asLong()).isEqualTo(244);
    }

    @Test
    void jsonCarriesBitfieldsAndAnonymousMembers() throws Exception {
        CliRun run = CliRun.of("layout", DEBIAN + "/debian-6.1-vcpu_vmx.expanded.pahole", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(run.out());
        JsonNode exitReason = null;
        for (JsonNode m : j.get("members")) {
            if (m.get("name").asText().equals("exit_reason")) {
                exitReason = m;
            }
        }
        assertThat(exitReason).isNotNull();
        JsonNode basic = exitReason.get("members").get(0).get("members").get(0);
        assertThat(basic.get("name").asText()).isEqualTo("basic");
        assertThat(basic.get("bitOffset").asInt()).isZero();
        assertThat(basic.get("bitSize").asInt()).isEqualTo(16);
        assertThat(exitReason.get("members").get(0).get("name").asText()).isEqualTo("__anon0");
    }

    @Test
    void anOrderFileReLaysOutTheStruct(@TempDir Path dir) throws Exception {
        // The seed series' kvm_mmu_memory_cache change: capacity next to the ints closes both holes.
        Path order = dir.resolve("order.txt");
        Files.writeString(order, "# ints first\nnobjs\ngfp_zero\ngfp_custom\ncapacity\n\nkmem_cache\nobjects # last\n");
        CliRun run = CliRun.of("layout", DEBIAN + "/debian-6.1-kvm_mmu_memory_cache.pahole", "--order", order.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\tint                        capacity;             /*    12     4 */")
                .contains("\tstruct kmem_cache *        kmem_cache;           /*    16     8 */")
                .contains("/* size: 32, cachelines: 1, members: 6 */")
                .doesNotContain("XXX")
                .contains("offsets re-computed by footprint");
    }

    @Test
    void verifyPassesOnARealDumpAndFailsWhereOffsetsCannotBeReproduced(@TempDir Path dir) throws Exception {
        CliRun ok = CliRun.of("layout", "--verify", DEBIAN + "/debian-6.1-kvm-intel.all.pahole");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("605 structs re-computed in their own member order; 0 differ from pahole");
        Path odd = dir.resolve("odd.pahole");
        Files.writeString(odd, "struct odd {\n\tchar a; /* 0 1 */\n\tint b; /* 2 4 */\n\n\t/* size: 8, cachelines: 1, members: 2 */\n};\n");
        CliRun bad = CliRun.of("layout", "--verify", odd.toString());
        assertThat(bad.exitCode()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(bad.out()).contains(odd + ":3: struct odd: odd.b pahole 2, computed 1").contains("__packed__");
    }

    @Test
    void densityDrawsHolesAndPadding() {
        CliRun run = CliRun.of("density", DEBIAN + "/debian-6.1-kvm_queued_exception.pahole",
                "--struct", "kvm_queued_exception");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("     0 |abcdeeeeffffffffg_______                                        |"
                + " pending injected has_error_code vector error_code payload has_payload\n");
        CliRun compact = CliRun.of("density", DEBIAN + "/debian-6.1-kvm_mmu_memory_cache.pahole",
                "--struct", "kvm_mmu_memory_cache", "--compact");
        assertThat(compact.out()).contains("     0 |aabbcc..ddddee..ffff            |");
    }

    @Test
    void densityFoldsRunsOfIdenticalLinesUnlessAll() {
        String kvm = DEBIAN + "/debian-6.1-kvm.pahole";
        CliRun folded = CliRun.of("density", kvm, "--struct", "kvm");
        assertThat(folded.exitCode()).isZero();
        // kvm.arch (struct kvm_arch, 34608 bytes) fills 541 identical lines from offset 4800 on.
        assertThat(folded.out()).contains("  4800 |" + "x".repeat(64) + "|\n"
                + "        ... 539 more lines as above, to offset 39359 (arch)\n"
                + " 39360 |");
        assertThat(folded.out().lines().count()).isLessThan(40);
        CliRun all = CliRun.of("density", kvm, "--struct", "kvm", "--all");
        assertThat(all.out().lines().filter(l -> l.matches(" *\\d+ \\|.*"))).hasSize(633);
        assertThat(all.out()).doesNotContain("more lines as above");
    }

    @Test
    void helpShowsAnExample() {
        assertThat(CliRun.of("layout", "--help").out()).contains("Examples:").contains("__anon0");
        assertThat(CliRun.of("density", "--help").out()).contains("Example:");
    }
}
