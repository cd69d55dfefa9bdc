package footprint.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.CliRun;
import footprint.cli.Main;
import footprint.report.ReportJson;
import footprint.trace.Access;
import footprint.trace.AccessOp;
import footprint.trace.ExitDef;
import footprint.trace.MixStream;
import footprint.trace.Trace;
import footprint.trace.TraceReader;
import footprint.trace.perf.ExitReasonMap;
import footprint.trace.perf.KvmStatMapping;
import footprint.trace.perf.KvmStatMix;
import footprint.trace.perf.KvmStatReport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceImportCommandTest {
    @TempDir
    Path tmp;

    static Path sample(String name) {
        try {
            return Path.of(TraceImportCommandTest.class.getResource("/footprint/trace/perf/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void kvmStatReportBecomesAMixThroughTheMap() {
        CliRun run = CliRun.of("trace", "import", "perf-kvm-stat", sample("kvm-stat-report.txt").toString(),
                "--map", sample("vmx.map").toString(), "--count", "100000", "--seed", "9");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("""
                stream mix count=100000 seed=9
                  TSC_DEADLINE_WRITE 107090.2
                  X2APIC_ICR_IPI 45895.8
                  HLT 88245
                  PREEMPTION_TIMER 24870
                  EPT_MISCONFIG_MMIO 12051
                  CPUID 4011
                  IO_PORT 2992
                end
                """);
        assertThat(run.out()).contains("285155 of 316270 samples mapped");
        assertThat(run.err()).contains("kvm-stat-report.txt:9: unmapped exit reason EXTERNAL_INTERRUPT (31022 samples, 9.81%)")
                .contains("unmapped exit reason PAUSE_INSTRUCTION (93 samples");
        // the printed block pastes into a trace that defines those exits
        String trace = "footprint-trace 1\n" + "exit TSC_DEADLINE_WRITE\nend\nexit X2APIC_ICR_IPI\nend\nexit HLT\nend\n"
                + "exit PREEMPTION_TIMER\nend\nexit EPT_MISCONFIG_MMIO\nend\nexit CPUID\nend\nexit IO_PORT\nend\n"
                + run.out();
        MixStream mix = (MixStream) TraceReader.parse("pasted", trace).stream().orElseThrow();
        assertThat(mix.entries()).hasSize(7);
    }

    @Test
    void kvmStatWithoutMapKeepsReasonNamesAndDefaultsCountToSamples() throws IOException {
        CliRun run = CliRun.of("trace", "import", "perf-kvm-stat", sample("kvm-stat-report.txt").toString(),
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("totalSamples").asLong()).isEqualTo(316270);
        assertThat(root.get("stream").get("count").asLong()).isEqualTo(316270);
        assertThat(root.get("stream").get("weights").get("EXTERNAL_INTERRUPT").asDouble()).isEqualTo(31022);
        assertThat(root.get("reasons").get(1).get("avgMicros").asDouble()).isEqualTo(117.16);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void kvmStatJsonReadsBackIntoTheRecordItWasWrittenFrom() throws IOException {
        CliRun run = CliRun.of("trace", "import", "perf-kvm-stat", sample("kvm-stat-report.txt").toString(),
                "--map", sample("vmx.map").toString(), "--count", "100000", "--seed", "9", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        KvmStatMapping read = new ObjectMapper().readValue(run.out(), KvmStatMapping.class);
        KvmStatReport report = KvmStatReport.read(sample("kvm-stat-report.txt"));
        ExitReasonMap map = ExitReasonMap.read(sample("vmx.map"));
        assertThat(read).isEqualTo(KvmStatMapping.of(report, map, KvmStatMix.of(report, map, 100000, 9, null)));
        assertThat(read.reasons().get(0).exits()).containsExactly(new ExitReasonMap.Target("TSC_DEADLINE_WRITE", 0.7),
                new ExitReasonMap.Target("X2APIC_ICR_IPI", 0.3));
        assertThat(read.stream().weights()).containsExactly(entry("TSC_DEADLINE_WRITE", 107090.2),
                entry("X2APIC_ICR_IPI", 45895.8), entry("HLT", 88245.0), entry("PREEMPTION_TIMER", 24870.0),
                entry("EPT_MISCONFIG_MMIO", 12051.0), entry("CPUID", 4011.0), entry("IO_PORT", 2992.0));
        assertThat(ReportJson.write(read)).isEqualTo(run.out());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("source", "totalSamples", "mappedSamples", "reasons", "stream");
        assertThat(root.get("reasons").get(0).fieldNames()).toIterable()
                .containsExactly("reason", "samples", "samplesPercent", "timePercent", "avgMicros", "exits");
        assertThat(root.get("stream").fieldNames()).toIterable().containsExactly("count", "seed", "weights");
        // key order is fixed by the record, so every run prints the same bytes
        assertThat(run.out()).contains("\"exit\" : \"TSC_DEADLINE_WRITE\",\n          \"share\" : 0.7\n");
    }

    @Test
    void kvmStatMalformedLineIsAnErrorWithFileAndLine() throws IOException {
        Path bad = write("bad.txt", """
                Analyze events for all VMs, all VCPUs:

                             VM-EXIT    Samples  Samples%     Time%    Min Time    Max Time         Avg time
                           MSR_WRITE     152986    48.37%     1.35%      0.39us     84.62us      0.93us ( +-   0.31% )
                                 HLT      lots    27.90%    97.71%      0.74us 100163.03us    117.16us ( +-   1.02% )
                """);
        CliRun run = CliRun.of("trace", "import", "perf-kvm-stat", bad.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("footprint: error: " + bad + ":5: not a line of 'perf kvm stat report' output")
                .doesNotContain("Exception");
    }

    @Test
    void mapWithSharesOverOneIsRejected() throws IOException {
        Path map = write("m.map", "MSR_WRITE A 0.7\nMSR_WRITE B 0.4\n");
        CliRun run = CliRun.of("trace", "import", "perf-kvm-stat", sample("kvm-stat-report.txt").toString(),
                "--map", map.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(map + ":2: the shares of MSR_WRITE add up to");
    }

    @Test
    void perfMemSamplesInsideTheObjectBecomeARawOffsetTrace() throws IOException {
        CliRun run = CliRun.of("trace", "import", "perf-mem", sample("mem.script").toString(), "--object", "vmx",
                "--type", "vcpu_vmx", "--base", "0xffff9e2c4a8e4000", "--size", "9088", "--exit", "SAMPLED");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("8 of 10 samples fell inside vmx");
        Trace t = TraceReader.parse("imported", run.out());
        assertThat(t.object("vmx").orElseThrow().structType()).isEqualTo("vcpu_vmx");
        ExitDef exit = t.exits().get(0);
        assertThat(exit.name()).isEqualTo("SAMPLED");
        assertThat(exit.steps()).hasSize(6);
        Access first = (Access) exit.steps().get(0);
        assertThat(first.target().toString()).isEqualTo("vmx+0x1e80"); // exit_reason at 7808
        assertThat(first.op()).isEqualTo(AccessOp.R);
        assertThat(first.function()).isEqualTo("vmx_vcpu_run+0x1a4");
        assertThat(first.location()).isEqualTo("mem.script:1");
        assertThat(first.trivia().trailing()).isEqualTo(" 3 samples");
        Access store = (Access) exit.steps().get(2);
        assertThat(store.target().offset()).isEqualTo(432); // regs_avail
        assertThat(store.op()).isEqualTo(AccessOp.W);
        Access halt = (Access) exit.steps().get(5);
        assertThat(halt.target().offset()).isEqualTo(604);
        assertThat(halt.size()).isEqualTo(8);
    }

    @Test
    void perfMemClampsTheAssumedSizeAtTheEndOfTheObject() {
        CliRun run = CliRun.of("trace", "import", "perf-mem", sample("mem.script").toString(), "--object", "blk",
                "--base", "0xffff9e2c4a8e5e7c", "--size", "6");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("R blk+0x4 2 vmx_vcpu_run+0x1a4 mem.script:1 # 3 samples")
                .contains("object blk raw 6");
    }

    @Test
    void perfMemMalformedLineIsAnErrorWithFileAndLine() throws IOException {
        Path bad = write("bad.script", "  CPU 0/KVM 4121 [002] 1.0: cpu/mem-loads,ldlat=30/P: ffff9e2c4a8e5e80 ffffffffc0c3b8a4 vmx_vcpu_run\n"
                + "  CPU 0/KVM 4121 [002] 1.1: cpu/mem-loads,ldlat=30/P: not-an-address\n");
        CliRun run = CliRun.of("trace", "import", "perf-mem", bad.toString(), "--object", "o", "--base", "0x0",
                "--size", "64");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("footprint: error: " + bad + ":2: not a perf script sample line");
    }

    @Test
    void perfMemNeedsToKnowLoadsFromStores() throws IOException {
        Path ibs = write("ibs.script", "  qemu 4121 [002] 1.0: ibs_op//: ffff9e2c4a8e5e80 ffffffffc0c3b8a4 vmx_vcpu_run+0x1\n");
        CliRun run = CliRun.of("trace", "import", "perf-mem", ibs.toString(), "--object", "o", "--base",
                "0xffff9e2c4a8e5e80", "--size", "64");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(":1: cannot tell a load from a store by the event 'ibs_op//'");
        assertThat(CliRun.of("trace", "import", "perf-mem", ibs.toString(), "--object", "o", "--base",
                "0xffff9e2c4a8e5e80", "--size", "64", "--op", "R").out()).contains("R o+0x0 8 vmx_vcpu_run+0x1 ibs.script:1");
    }

    @Test
    void typeOffReportGivesPerFieldWeights() throws IOException {
        CliRun run = CliRun.of("trace", "import", "perf-typeoff", sample("typeoff-report.txt").toString(),
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode vmx = root.get("types").get(0);
        assertThat(vmx.get("type").asText()).isEqualTo("struct vcpu_vmx");
        assertThat(vmx.get("percent").asDouble()).isCloseTo(27.34, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vmx.get("fields")).extracting(f -> f.get("offset").asLong()).containsExactly(312L, 544L, 6952L, 7808L);
        assertThat(vmx.get("fields").get(3).get("field").asText()).isEqualTo("exit_reason.full");
        assertThat(vmx.get("fields").get(3).get("shareOfType").asDouble()).isCloseTo(11.87 / 27.34,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(root.get("types").get(1).get("type").asText()).isEqualTo("struct kvm_lapic");
        assertThat(root.get("unattributed")).extracting(u -> u.get("type").asText())
                .containsExactly("(stack operation)", "(unknown)");
    }

    @Test
    void typeOffTextFiltersOneTypeAndReadsHexOffsets() throws IOException {
        Path hex = write("hex.txt", "# Overhead  Data Type  Data Type Offset\n"
                + "     3.11%  struct kvm_lapic  struct kvm_lapic +0x98 (regs)\n"
                + "     1.00%  struct kvm_lapic  struct kvm_lapic +0 (base_address)\n"
                + "     2.00%  struct kvm  struct kvm +0x10 (mm)\n"
                + "     0.50%  (stack operation)  (stack operation)\n");
        CliRun run = CliRun.of("trace", "import", "perf-typeoff", hex.toString(), "--type", "kvm_lapic");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("struct kvm_lapic: 4.11% of samples, 2 offsets")
                .contains("       +0x0     1.00%    24.3%  base_address")
                .contains("      +0x98     3.11%    75.7%  regs")
                .doesNotContain("struct kvm:");
    }

    @Test
    void typeOffMalformedLineIsAnErrorWithFileAndLine() throws IOException {
        Path bad = write("bad.txt", "# header\n    3.11%  struct kvm_lapic  struct kvm_lapic +0x98 (regs)\n"
                + "    2.00%  struct kvm  something else\n");
        CliRun run = CliRun.of("trace", "import", "perf-typeoff", bad.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("footprint: error: " + bad + ":3: cannot split");
    }

    @Test
    void bundledVmxMapNamesTheBundledExits() {
        CliRun run = CliRun.of("trace", "import", "perf-kvm-stat", sample("kvm-stat-report.txt").toString(),
                "--map", footprint.testsupport.RepoFiles.resolve("traces/perf-kvm-stat-vmx.map").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  TSC_DEADLINE_WRITE 76493\n  X2APIC_ICR_IPI 76493\n  HLT 88245\n  PREEMPTION_TIMER 24870\n")
                .contains("  EPT_MISCONFIG_MMIO 12051\n").contains("  IO_PORT 2992\n");
    }

    @Test
    void kvmStatWithTraceLeavesOutExitsTheTraceDoesNotDefine() throws IOException {
        Path trace = write("t.trace", "footprint-trace 1\nexit TSC_DEADLINE_WRITE\nend\nexit CPUID\nend\n");
        CliRun run = CliRun.of("trace", "import", "perf-kvm-stat", sample("kvm-stat-report.txt").toString(),
                "--map", sample("vmx.map").toString(), "--trace", trace.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("stream mix count=111101 seed=1\n  TSC_DEADLINE_WRITE 107090.2\n  CPUID 4011\nend\n");
        assertThat(run.err()).contains(trace + " does not define exit HLT (weight 88245) left out")
                .contains("does not define exit X2APIC_ICR_IPI (weight 45895.8) left out");
    }

    @Test
    void perfMemImportThenSymbolizeGivesFieldPaths() throws IOException {
        CliRun imported = CliRun.of("trace", "import", "perf-mem", sample("mem.script").toString(), "--object", "vmx",
                "--type", "vcpu_vmx", "--base", "0xffff9e2c4a8e4000", "--size", "9088");
        Path raw = write("sampled.trace", imported.out());
        CliRun run = CliRun.of("trace", "symbolize", raw.toString(), "--layout",
                footprint.testsupport.RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-vcpu_vmx.expanded.pahole").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("  R vmx.exit_reason.full 8 vmx_vcpu_run+0x1a4 mem.script:1 # 3 samples\n")
                .contains("  R vmx.vcpu.arch.regs[2] 8 __vmx_vcpu_run+0x5b mem.script:2 # 1 sample\n")
                .contains("  W vmx.vcpu.arch.regs_avail 8 vmx_vcpu_run+0x2f0 mem.script:4 # 1 sample\n")
                .contains("  R vmx.vcpu.arch.apic 8 handle_fastpath_set_tscdeadline+0x23 mem.script:5 # 1 sample\n")
                .contains("  R vmx.loaded_vmcs 8 vmx_vcpu_run+0xd1 mem.script:7 # 1 sample\n")
                .contains("  W vmx.vcpu.arch.mp_state 8 kvm_vcpu_halt+0x46 mem.script:10 # 1 sample\n");
        assertThat(run.err()).contains("6 raw access(es) symbolized");
    }
}
