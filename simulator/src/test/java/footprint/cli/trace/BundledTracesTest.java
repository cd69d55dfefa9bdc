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
    static final String SVM_TRACE_7_2 = RepoFiles.resolve("traces/kvm-7.2/svm/svm-exits.trace").toString();
    static final String SVM_TRACE_6_12 = RepoFiles.resolve("traces/kvm-6.12/svm/svm-exits.trace").toString();

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
                .containsPattern("HLT +fastpath").contains("CPUID").contains("EPT_MISCONFIG_MMIO").contains("IO_PORT");
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

    /** The SVM traces of newer kernels bind to that kernel's dumps: struct vmcb comes from the whole kvm-amd.ko dump. */
    static String[] svmArgsOf(String kernel, String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.add("--layout");
        String dir = "models/layouts/debian-" + kernel + "/debian-" + kernel + "-";
        for (String f : List.of("kvm-amd.all", "vcpu_svm.expanded", "kvm_lapic.expanded", "kvm.expanded", "kvm_run")) {
            a.add(RepoFiles.resolve(dir + f + ".pahole").toString());
        }
        return a.toArray(String[]::new);
    }

    static long svmLines(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (JsonNode o : new ObjectMapper().readTree(run.out()).get("exits").get(0).get("objects")) {
            if (o.get("object").asText().equals("svm")) {
                return o.get("touchedLines").asLong();
            }
        }
        throw new AssertionError("no svm object in " + run.out());
    }

    @Test
    void svmTraceOf72ChecksWithTheTscDeadlineWriteAsAFastpathExit() {
        CliRun run = CliRun.of(svmArgsOf("7.2", "trace", "check", SVM_TRACE_7_2));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": ok: ").contains("CPUID").contains("IO_PORT")
                .containsPattern("TSC_DEADLINE_WRITE +fastpath").containsPattern("X2APIC_ICR_IPI +fastpath")
                .containsPattern("HLT +fastpath");
    }

    @Test
    void svmTraceOf612ChecksWithTheTscDeadlineWriteOnTheSlowPath() {
        CliRun run = CliRun.of(svmArgsOf("6.12", "trace", "check", SVM_TRACE_6_12));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": ok: ").contains("CPUID").contains("IO_PORT")
                .containsPattern("X2APIC_ICR_IPI +fastpath").containsPattern("HLT +fastpath")
                .doesNotContainPattern("TSC_DEADLINE_WRITE +fastpath");
    }

    @Test
    void svmTscDeadlineFastpathOf72TouchesFewerVcpuSvmLinesThanTheSlowPathOf61And612() throws IOException {
        String[] exit = {"--format", "json", "--exit", "TSC_DEADLINE_WRITE"};
        long v61 = svmLines(CliRun.of(svmArgs(concat(new String[] {"trace", "stats", SVM_TRACE}, exit))));
        long v612 = svmLines(CliRun.of(svmArgsOf("6.12", concat(new String[] {"trace", "stats", SVM_TRACE_6_12}, exit))));
        long v72 = svmLines(CliRun.of(svmArgsOf("7.2", concat(new String[] {"trace", "stats", SVM_TRACE_7_2}, exit))));
        assertThat(v72).isPositive().isLessThan(v61).isLessThan(v612);
    }

    @Test
    void svmStatsOf72PlaceVmcbFieldsAtTheirStructVmcbOffsets() throws IOException {
        CliRun run = CliRun.of(svmArgsOf("7.2", "trace", "stats", SVM_TRACE_7_2, "--format", "json", "--exit", "X2APIC_ICR_IPI"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> vmcbFields = new ArrayList<>();
        for (JsonNode o : new ObjectMapper().readTree(run.out()).get("exits").get(0).get("objects")) {
            if (o.get("type").asText().equals("vmcb")) {
                for (JsonNode f : o.get("fields")) {
                    vmcbFields.add(f.get("path").asText() + "@" + f.get("offset").asLong());
                }
            }
        }
        // APM vol. 2 appendix B: EXITCODE 070h, NextRIP 0C8h; the save area starts at 400h, RIP at +178h
        assertThat(vmcbFields).contains("control.exit_code@112", "control.next_rip@200", "save.rip@1400");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
