package footprint.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.CliRun;
import footprint.cli.Main;
import footprint.layout.LayoutSet;
import footprint.report.ReportJson;
import footprint.testsupport.RepoFiles;
import footprint.trace.BoundTrace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceCheck;
import footprint.trace.TraceReader;
import footprint.trace.TraceStats;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceLayoutCommandsTest {
    static final String VMX = RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-vcpu_vmx.expanded.pahole").toString();
    static final String LAPIC = RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_lapic.expanded.pahole").toString();

    @TempDir
    Path tmp;

    static String fixture(String name) {
        try {
            return Path.of(TraceLayoutCommandsTest.class.getResource("/footprint/trace/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void checkPrintsASummary() {
        CliRun run = CliRun.of("trace", "check", fixture("small.trace"), "--layout", VMX, LAPIC);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("small.trace: ok: 3 objects, 1 exits (1 fastpath), 9 access lines resolved"
                + " against 2 layout file(s)").contains("TSC").contains("fastpath     9 accesses");
    }

    @Test
    void checkFailsOnAnUnknownFieldWithLineAndNearestNames() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.trace"), Files.readString(Path.of(fixture("small.trace")))
                .replace("vmx.loaded_vmcs 8", "vmx.loaded_vmcz 8"));
        CliRun run = CliRun.of("trace", "check", bad.toString(), "--layout", VMX, LAPIC);
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("footprint: error: " + bad + ":11: object 'vmx': 'loaded_vmcz' in struct vcpu_vmx:"
                + " no member 'loaded_vmcz'").contains("nearest: loaded_vmcs").doesNotContain("Exception");
    }

    @Test
    void checkWithAllowMissingWarnsAndPasses() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.trace"), Files.readString(Path.of(fixture("small.trace")))
                .replace("vmx.loaded_vmcs 8", "vmx.loaded_vmcz 8"));
        CliRun run = CliRun.of("trace", "check", bad.toString(), "--allow-missing", "--layout", VMX, LAPIC);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains(bad + ":11: warning: object 'vmx'").contains("access skipped (--allow-missing)");
        assertThat(run.out()).contains("8 access lines resolved (1 skipped)");
    }

    @Test
    void statsCountsFieldsBytesAndLinesPerObject() {
        CliRun run = CliRun.of("trace", "stats", fixture("small.trace"), "--layout", VMX, LAPIC);
        assertThat(run.exitCode()).as(run.err()).isZero();
        // vmx: regs[0] @296 and regs[2] @312 (line 4), loaded_vmcs @6952 (line 108), exit_reason @7808 (line 122)
        // apic: base_address @0 (line 0), tscdeadline @104 (line 1)
        // apic_page: 0x300 (line 12), 0x3c..0x43 straddles lines 0 and 1
        assertThat(run.out())
                .contains("exit TSC (fastpath): 9 accesses (8 read, 2 write; RW counts as both), vmcs reads=0 writes=0")
                .contains("  vmx              vcpu_vmx                    5      4     28      3      1")
                .contains("  apic             kvm_lapic                   2      2     16      2      1")
                .contains("  apic_page        (raw)                       2      2     12      3      1")
                .contains("  total                                        9      8     56      8      3");
    }

    @Test
    void statsJsonListsTouchedFieldsWithTheirLines() throws IOException {
        CliRun run = CliRun.of("trace", "stats", fixture("small.trace"), "--layout", VMX, LAPIC, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode exit = new ObjectMapper().readTree(run.out()).get("exits").get(0);
        assertThat(exit.get("exit").asText()).isEqualTo("TSC");
        JsonNode vmx = exit.get("objects").get(0);
        assertThat(vmx.get("fields")).extracting(f -> f.get("path").asText())
                .containsExactly("vcpu.arch.regs[0]", "vcpu.arch.regs[2]", "loaded_vmcs", "exit_reason.full");
        assertThat(vmx.get("fields").get(3).get("lines").toString()).isEqualTo("[122]");
        assertThat(vmx.get("fields").get(0).get("op").asText()).isEqualTo("W");
        JsonNode apic = exit.get("objects").get(1);
        assertThat(apic.get("fields").get(1).get("path").asText()).isEqualTo("lapic_timer.tscdeadline");
        assertThat(apic.get("fields").get(1).get("op").asText()).isEqualTo("RW");
        JsonNode page = exit.get("objects").get(2);
        assertThat(page.get("fields").get(0).get("path").asText()).isEqualTo("+0x3c");
        assertThat(page.get("fields").get(0).get("lines").toString()).isEqualTo("[0,1]");
    }

    @Test
    void statsJsonReadsBackIntoTheRecordsItWasWrittenFrom() throws IOException {
        CliRun run = CliRun.of("trace", "stats", fixture("small.trace"), "--layout", VMX, LAPIC, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        TraceStats.Report read = new ObjectMapper().readValue(run.out(), TraceStats.Report.class);
        BoundTrace bound = TraceBinder.bind(TraceReader.read(Path.of(fixture("small.trace"))),
                LayoutSet.load(List.of(Path.of(VMX), Path.of(LAPIC))), false, new ArrayList<>());
        assertThat(read).isEqualTo(new TraceStats.Report(fixture("small.trace"), 64, TraceStats.PLACEMENT,
                TraceStats.of(bound, 64)));
        assertThat(read.exits().get(0).objects().get(0).structType()).isEqualTo("vcpu_vmx");
        assertThat(read.exits().get(0).objects().get(2).structType()).isNull();
        assertThat(ReportJson.write(read)).isEqualTo(run.out());
        // the exit totals are derived from the objects: written, but not read back
        JsonNode exit = new ObjectMapper().readTree(run.out()).get("exits").get(0);
        assertThat(exit.get("touchedLines").asLong()).isEqualTo(8);
        assertThat(exit.get("idealLines").asLong()).isEqualTo(3);
        assertThat(exit.fieldNames()).toIterable().containsExactly("exit", "fastpath", "accesses", "reads", "writes",
                "vmcsReads", "vmcsWrites", "bytes", "touchedLines", "idealLines", "objects");
        assertThat(exit.get("objects").get(0).fieldNames()).toIterable().containsExactly("object", "type", "accesses",
                "distinctFields", "bytes", "touchedLines", "idealLines", "fields");
        assertThat(exit.get("objects").get(0).get("fields").get(0).fieldNames()).toIterable()
                .containsExactly("path", "offset", "size", "op", "lines");
    }

    @Test
    void checkJsonReadsBackIntoTheRecordItWasWrittenFrom() throws IOException {
        CliRun run = CliRun.of("trace", "check", fixture("small.trace"), "--layout", VMX, LAPIC, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        TraceCheck read = new ObjectMapper().readValue(run.out(), TraceCheck.class);
        assertThat(read).isEqualTo(new TraceCheck(fixture("small.trace"), 2, 3, List.of(),
                List.of(new TraceCheck.ExitSummary("TSC", true, 9, 0, 0))));
        assertThat(ReportJson.write(read)).isEqualTo(run.out());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("trace", "layoutFiles", "objects", "warnings", "exits");
        assertThat(root.get("exits").get(0).fieldNames()).toIterable()
                .containsExactly("exit", "fastpath", "accesses", "vmcsReads", "vmcsWrites");
    }

    @Test
    void symbolizeTurnsRawOffsetsIntoFieldPathsAndKeepsHolesRaw() {
        CliRun run = CliRun.of("trace", "symbolize", fixture("raw.trace"), "--layout", VMX, LAPIC);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("  R vmx.vcpu.arch.regs[2] 8 vmx_vcpu_run+0x1a4 mem.script:1 # 3 samples\n")
                .contains("  R vmx.exit_reason.full 4 vmx_vcpu_run+0x1a8 mem.script:2\n")
                .contains("  W vmx.vcpu.arch.regs[2]+3 1 f mem.script:3\n")
                .contains("  R apic.lapic_timer.tscdeadline 8 f mem.script:4\n")
                .contains("  R apic+0x8c 4 f mem.script:5\n");
        assertThat(run.err()).contains("raw.trace:10: offset 140 lies in a hole or padding of struct kvm_lapic; left raw")
                .contains("4 raw access(es) symbolized");
    }

    @Test
    void statsFieldsListsEachTouchedFieldWithItsLines() {
        CliRun run = CliRun.of("trace", "stats", fixture("small.trace"), "--fields", "--layout", VMX, LAPIC);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("        +0x128    8 W  lines 4          vcpu.arch.regs[0]\n")
                .contains("       +0x1e80    4 R  lines 122        exit_reason.full\n")
                .contains("         +0x68    8 RW lines 1          lapic_timer.tscdeadline\n")
                .contains("         +0x3c    8 R  lines 0-1        +0x3c\n");
    }
}
