package footprint.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.CliRun;
import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled KVM VMX and SVM traces check against the bundled Debian 6.1 layouts, and stats shows their lines. */
class BundledTracesTest {
    static final String TRACE = RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString();
    static final String SVM_TRACE = RepoFiles.resolve("traces/kvm-6.1/svm/svm-exits.trace").toString();

    static String[] args(String... head) {
        return layoutArgs("vcpu_vmx", head);
    }

    static String[] svmArgs(String... head) {
        return layoutArgs("vcpu_svm", head);
    }

    private static String[] layoutArgs(String vcpuStruct, String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.add("--layout");
        for (String f : List.of(vcpuStruct + ".expanded", "kvm_lapic.expanded", "kvm.expanded", "kvm_run")) {
            a.add(RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-" + f + ".pahole").toString());
        }
        return a.toArray(String[]::new);
    }

    @Test
    void vmxTraceChecks() {
        CliRun run = CliRun.of(args("trace", "check", TRACE));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": ok: ").contains("TSC_DEADLINE_WRITE").contains("PREEMPTION_TIMER");
    }

    @Test
    void statsListsTheTscDeadlineExitsFieldsOfVcpuVmxAndKvmLapicWithLines() throws IOException {
        CliRun run = CliRun.of(args("trace", "stats", TRACE, "--format", "json", "--exit", "TSC_DEADLINE_WRITE"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode exit = new ObjectMapper().readTree(run.out()).get("exits").get(0);
        assertThat(exit.get("exit").asText()).isEqualTo("TSC_DEADLINE_WRITE");
        List<String> types = new ArrayList<>();
        for (JsonNode o : exit.get("objects")) {
            types.add(o.get("type").asText());
            if (o.get("type").asText().equals("vcpu_vmx") || o.get("type").asText().equals("kvm_lapic")) {
                assertThat(o.get("fields").size()).isPositive();
                for (JsonNode f : o.get("fields")) {
                    long first = f.get("offset").asLong() / 64;
                    assertThat(f.get("lines").get(0).asLong()).as(f.toString()).isEqualTo(first);
                }
                assertThat(o.get("touchedLines").asLong()).isGreaterThanOrEqualTo(o.get("idealLines").asLong());
            }
        }
        assertThat(types).contains("vcpu_vmx", "kvm_lapic");
    }

    @Test
    void svmTraceChecks() {
        CliRun run = CliRun.of(svmArgs("trace", "check", SVM_TRACE));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": ok: ").contains("TSC_DEADLINE_WRITE").contains("X2APIC_ICR_IPI").contains("CPUID").contains("IO_PORT").contains("HLT");
    }

    @Test
    void svmStatsPlaceTheIpiExitsFieldsOnTheirLinesAndTouchTheVmcbPage() throws IOException {
        CliRun run = CliRun.of(svmArgs("trace", "stats", SVM_TRACE, "--format", "json", "--exit", "X2APIC_ICR_IPI"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode exit = new ObjectMapper().readTree(run.out()).get("exits").get(0);
        assertThat(exit.get("exit").asText()).isEqualTo("X2APIC_ICR_IPI");
        List<String> names = new ArrayList<>();
        for (JsonNode o : exit.get("objects")) {
            names.add(o.get("object").asText());
            if (o.get("type").asText().equals("vcpu_svm")) {
                assertThat(o.get("fields").size()).isPositive();
                for (JsonNode f : o.get("fields")) {
                    long first = f.get("offset").asLong() / 64;
                    assertThat(f.get("lines").get(0).asLong()).as(f.toString()).isEqualTo(first);
                }
            }
            assertThat(o.get("touchedLines").asLong()).isGreaterThanOrEqualTo(o.get("idealLines").asLong());
        }
        // the sender's vCPU and VMCB, and the destination's vCPU, LAPIC and register page
        assertThat(names).contains("svm", "vmcb", "svm_dest", "apic_dest", "apic_page_dest");
    }
}
