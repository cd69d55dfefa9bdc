package footprint.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.CliRun;
import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace diff through the CLI: the bundled 6.1 VMX trace against a copy with a field moved and an exit dropped. */
class TraceDiffCommandTest {
    static final Path VMX = RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace");

    @TempDir
    Path dir;

    @Test
    void textNamesTheRemovedExitAndPerExitFieldChanges() throws IOException {
        Path edited = dir.resolve("e.trace");
        Files.writeString(edited, Files.readString(VMX).replaceAll("(?s)\nexit CPUID .*?\nend\n", "\n")
                .replaceAll("\n  CPUID [0-9.]+\n", "\n").replace("W vmx.vcpu.arch.cr2 8", "W vmx.vcpu.arch.dr6 8"));
        CliRun run = CliRun.of("trace", "diff", VMX.toString(), edited.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("exit removed: CPUID").doesNotContain("exit added")
                .contains("exit TSC_DEADLINE_WRITE: 189 -> 189 accesses; fields 1 added, 0 removed, 0 moved")
                .contains("  added    vmx.vcpu.arch.dr6");
    }

    @Test
    void jsonWithLayoutsGivesStructAndOffset() throws IOException {
        String l = "models/layouts/debian-6.1/debian-6.1-";
        CliRun run = CliRun.of("trace", "diff", VMX.toString(), VMX.toString(), "--format", "json",
                "--layout-old", RepoFiles.resolve(l + "vcpu_vmx.expanded.pahole").toString(),
                RepoFiles.resolve(l + "kvm_lapic.expanded.pahole").toString(), RepoFiles.resolve(l + "kvm.expanded.pahole").toString(),
                RepoFiles.resolve(l + "kvm_run.pahole").toString(),
                "--layout-new", RepoFiles.resolve(l + "vcpu_vmx.expanded.pahole").toString(),
                RepoFiles.resolve(l + "kvm_lapic.expanded.pahole").toString(), RepoFiles.resolve(l + "kvm.expanded.pahole").toString(),
                RepoFiles.resolve(l + "kvm_run.pahole").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(run.out());
        assertThat(d.get("exitsAdded")).isEmpty();
        for (JsonNode e : d.get("exits")) {
            assertThat(e.get("added")).isEmpty();
            assertThat(e.get("removed")).isEmpty();
            assertThat(e.get("moved")).isEmpty();
        }
    }

    @Test
    void oneSidedLayoutsAreAUsageError() {
        CliRun run = CliRun.of("trace", "diff", VMX.toString(), VMX.toString(), "--layout-old",
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_run.pahole").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give both --layout-old and --layout-new");
    }
}
