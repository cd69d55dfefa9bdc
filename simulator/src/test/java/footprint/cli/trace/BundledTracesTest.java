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

/** The bundled KVM VMX and SVM traces check against the bundled Debian layouts of their kernel, and stats shows their lines. */
class BundledTracesTest {
    static final String TRACE = RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString();
    static final String SVM_TRACE = RepoFiles.resolve("traces/kvm-6.1/svm/svm-exits.trace").toString();
    static final String VMX_TRACE_7_2 = RepoFiles.resolve("traces/kvm-7.2/vmx/vmx-exits.trace").toString();
    static final String VMX_TRACE_6_12 = RepoFiles.resolve("traces/kvm-6.12/vmx/vmx-exits.trace").toString();

    static String[] args(String... head) {
        return layoutArgs("vcpu_vmx", head);
    }

    static String[] svmArgs(String... head) {
        return layoutArgs("vcpu_svm", head);
    }

    static String[] vmxArgs(String kernel, String... head) {
        return layoutArgs(kernel, "vcpu_vmx", head);
    }

    private static String[] layoutArgs(String vcpuStruct, String... head) {
        return layoutArgs("6.1", vcpuStruct, head);
    }

    private static String[] layoutArgs(String kernel, String vcpuStruct, String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.add("--layout");
        for (String f : List.of(vcpuStruct + ".expanded", "kvm_lapic.expanded", "kvm.expanded", "kvm_run")) {
            a.add(RepoFiles.resolve("models/layouts/debian-" + kernel + "/debian-" + kernel + "-" + f + ".pahole").toString());
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

    @Test
    void vmxTrace72ChecksAgainstTheDebian72LayoutsWithEveryExit() {
        CliRun run = CliRun.of(vmxArgs("7.2", "trace", "check", VMX_TRACE_7_2));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": ok: ").contains("TSC_DEADLINE_WRITE").contains("X2APIC_ICR_IPI")
                .contains("X2APIC_ICR_SELF_IPI").contains("PREEMPTION_TIMER").contains("HLT_IRQ_PENDING")
                .contains("CPUID").contains("EPT_MISCONFIG_MMIO").contains("IO_PORT");
    }

    @Test
    void vmxTrace72DoesNotBindToThe61Layouts() {
        // vcpu_vt and its fields (vmx.vt.pi_desc, vmx.vt.exit_reason) do not exist in 6.1
        CliRun run = CliRun.of(args("trace", "check", VMX_TRACE_7_2));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("vmx-exits.trace:").contains("vt");
    }

    @Test
    void vmxTrace72StatsPlaceTheTscDeadlineExitsVcpuVtFieldsInsideVcpuVmx() throws IOException {
        CliRun run = CliRun.of(vmxArgs("7.2", "trace", "stats", VMX_TRACE_7_2, "--format", "json", "--exit", "TSC_DEADLINE_WRITE"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode exit = new ObjectMapper().readTree(run.out()).get("exits").get(0);
        JsonNode vmx = null;
        for (JsonNode o : exit.get("objects")) {
            if (o.get("object").asText().equals("vmx")) {
                vmx = o;
            }
        }
        assertThat(vmx).isNotNull();
        List<Long> offsets = new ArrayList<>();
        for (JsonNode f : vmx.get("fields")) {
            offsets.add(f.get("offset").asLong());
            assertThat(f.get("lines").get(0).asLong()).as(f.toString()).isEqualTo(f.get("offset").asLong() / 64);
        }
        // vt.pi_desc.control at 6752 and vt.exit_reason at 6800 (struct vcpu_vt at +6720 in Debian's 7.2.13)
        assertThat(offsets).contains(6752L, 6800L);
        assertThat(vmx.get("touchedLines").asLong()).isGreaterThanOrEqualTo(vmx.get("idealLines").asLong());
    }

    @Test
    void vmxTrace612ChecksAgainstTheDebian612LayoutsWithEveryExit() {
        CliRun run = CliRun.of(vmxArgs("6.12", "trace", "check", VMX_TRACE_6_12));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": ok: ").contains("TSC_DEADLINE_WRITE").contains("X2APIC_ICR_IPI")
                .contains("X2APIC_ICR_SELF_IPI").contains("PREEMPTION_TIMER").contains("HLT_IRQ_PENDING")
                .contains("CPUID").contains("EPT_MISCONFIG_MMIO").contains("IO_PORT");
    }

    @Test
    void vmxTrace612DoesNotBindToThe72Layouts() {
        // 6.12 has pi_desc and exit_reason in vcpu_vmx itself; 7.2 moved them into vcpu_vt
        CliRun run = CliRun.of(vmxArgs("7.2", "trace", "check", VMX_TRACE_6_12));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("vmx-exits.trace:").contains("no member");
    }

    @Test
    void vmxTrace72HaltBlocksAndTouchesStealTimeAndTheMemslot() throws IOException {
        CliRun run = CliRun.of(vmxArgs("7.2", "trace", "stats", VMX_TRACE_7_2, "--format", "json", "--exit", "HLT"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode exit = new ObjectMapper().readTree(run.out()).get("exits").get(0);
        assertThat(exit.get("exit").asText()).isEqualTo("HLT");
        List<String> names = new ArrayList<>();
        for (JsonNode o : exit.get("objects")) {
            names.add(o.get("object").asText());
            assertThat(o.get("touchedLines").asLong()).isGreaterThanOrEqualTo(o.get("idealLines").asLong());
        }
        // the sleep goes through record_steal_time (guest steal_time, its memslot) after sched-in
        assertThat(names).contains("vmx", "apic", "apic_page", "kvm", "steal_time", "memslot");
    }
}
