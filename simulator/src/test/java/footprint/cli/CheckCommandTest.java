package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.check.BudgetCheck;
import footprint.report.ReportJson;
import footprint.testsupport.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footprint check} on the bundled VMX trace with the Debian 6.1 layouts and the optimised kvm_vcpu_arch order. */
class CheckCommandTest {
    private static final String VMX_TRACE = RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString();

    @TempDir
    Path tmp;

    private static CliRun check(List<String> layouts, String... more) {
        List<String> a = new ArrayList<>(List.of("check", "--trace", VMX_TRACE, "--layout"));
        a.addAll(layouts);
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(new String[0]));
    }

    private Path budget(List<String> layouts, String name) {
        Path file = tmp.resolve(name);
        CliRun r = check(layouts, "--write-budget", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("wrote " + file);
        return file;
    }

    /** Shared by the tests that read the optimised order: one optimize run (an annealing search) for all of them. */
    @TempDir
    static Path shared;

    private static List<String> optimised;

    /** The Debian layouts with kvm_vcpu_arch re-laid out in the order {@code optimize} proposes, as the README does it. */
    private static synchronized List<String> optimisedLayouts() {
        if (optimised == null) {
            Path pahole = shared.resolve("kvm_vcpu_arch.optimised.pahole");
            List<String> a = new ArrayList<>(List.of("optimize", "--trace", VMX_TRACE, "--struct", "kvm_vcpu_arch",
                    "--output", pahole.toString(), "--layout"));
            a.addAll(OptimizeCommandTest.debianLayouts());
            CliRun opt = CliRun.of(a.toArray(new String[0]));
            assertThat(opt.exitCode()).as(opt.err()).isZero();
            List<String> out = new ArrayList<>(OptimizeCommandTest.debianLayouts());
            out.add(pahole.toString());
            optimised = List.copyOf(out);
        }
        return optimised;
    }

    @Test
    void aBudgetWrittenForTheLayoutsHoldsForThem() throws Exception {
        Path file = budget(OptimizeCommandTest.debianLayouts(), "debian.budget");
        String text = Files.readString(file);
        assertThat(text).startsWith("# footprint line budget").contains("# trace: " + VMX_TRACE)
                .contains("\nTSC_DEADLINE_WRITE vmx 32\n").contains("\nHLT vmx 46\n");
        CliRun r = check(OptimizeCommandTest.debianLayouts(), "--budget", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("ok: all 59 exit/object budgets of " + file + " hold for " + VMX_TRACE + "\n");
    }

    @Test
    void theDebianLayoutsExceedTheOptimisedBudgetAndNameTheSpreadFields() throws Exception {
        Path file = budget(optimisedLayouts(), "optimised.budget");
        assertThat(Files.readString(file)).contains("\nTSC_DEADLINE_WRITE vmx 21\n");
        CliRun r = check(OptimizeCommandTest.debianLayouts(), "--budget", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL TSC_DEADLINE_WRITE vmx: 32 lines, budget 21 (+11)")
                .contains("  line  31: vcpu.arch.xcr0\n")
                .contains("check failed: 8 of 59 exit/object budgets");
        assertThat(r.err()).contains("footprint: check failed: 8 of 59");

        CliRun json = check(OptimizeCommandTest.debianLayouts(), "--budget", file.toString(), "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        BudgetCheck.Report report = ReportJson.read(json.out(), BudgetCheck.Report.class);
        assertThat(report.passed()).isFalse();
        BudgetCheck.Overrun tsc = report.overruns().get(0);
        assertThat(tsc.exit()).isEqualTo("TSC_DEADLINE_WRITE");
        assertThat(tsc.object()).isEqualTo("vmx");
        assertThat(tsc.touched()).hasSize(32);
        assertThat(tsc.touched()).contains(new BudgetCheck.LineFields(31, List.of("vcpu.arch.xcr0")));
    }

    @Test
    void theOptimisedLayoutsAgainstTheDebianBudgetSayTightenWhereTheyTouchFewer() throws Exception {
        List<String> optimised = optimisedLayouts();
        Path file = budget(OptimizeCommandTest.debianLayouts(), "debian.budget");
        CliRun r = check(optimised, "--budget", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("note: TSC_DEADLINE_WRITE vmx: 21 lines, budget 32 (-11): tighten the budget")
                .endsWith("ok: all 59 exit/object budgets of " + file + " hold for " + VMX_TRACE + "\n")
                .doesNotContain("FAIL");

        Path tightened = tmp.resolve("tightened.budget");
        Files.writeString(tightened, Files.readString(file).replace("\nTSC_DEADLINE_WRITE vmx 32\n",
                "\nTSC_DEADLINE_WRITE vmx 20\n"));
        CliRun failed = check(optimised, "--budget", tightened.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("FAIL TSC_DEADLINE_WRITE vmx: 21 lines, budget 20 (+1)")
                .contains("check failed: 1 of 59");
    }

    @Test
    void malformedAndUnknownBudgetLinesAreBadInputNamingFileAndLine() throws Exception {
        Path file = budget(OptimizeCommandTest.debianLayouts(), "debian.budget");
        String good = Files.readString(file);
        int tscLine = lineOf(good, "TSC_DEADLINE_WRITE vmx 32");
        assertBadInput(good.replace("TSC_DEADLINE_WRITE vmx 32", "TSC_DEADLINE_WRITE vmx"), "bad1.budget", tscLine,
                "expected 'EXIT OBJECT LINES', got 2 word(s)");
        assertBadInput(good.replace("TSC_DEADLINE_WRITE vmx 32", "TSC_DEADLINE_WRITE vmx many"), "bad2.budget", tscLine,
                "LINES must be a whole number of cachelines, got 'many'");
        assertBadInput(good.replace("TSC_DEADLINE_WRITE vmx 32", "TSC_DEADLINE_WRITE vmx 0"), "bad3.budget", tscLine,
                "LINES must be at least 1");
        assertBadInput(good.replace("TSC_DEADLINE_WRITE vmx 32", "TSC_DEADLINE_READ vmx 32"), "bad4.budget", tscLine,
                "exit TSC_DEADLINE_READ is not in the trace");
        assertBadInput(good.replace("TSC_DEADLINE_WRITE kvm 1", "TSC_DEADLINE_WRITE run 1"), "bad5.budget",
                lineOf(good, "TSC_DEADLINE_WRITE kvm 1"), "exit TSC_DEADLINE_WRITE does not touch object run");
        assertBadInput(good.replace("\nTSC_DEADLINE_WRITE kvm 1\n", "\n"), "bad6.budget", tscLine,
                "exit TSC_DEADLINE_WRITE touches object kvm in the trace, but it has no budget here");
        assertBadInput(good + "HLT vmx 50\n", "bad7.budget", lineOf(good, "") + 1,
                "exit HLT object vmx already has a budget on line " + lineOf(good, "HLT vmx 46"));
    }

    private static int lineOf(String text, String line) {
        List<String> lines = text.lines().toList();
        return line.isEmpty() ? lines.size() : lines.indexOf(line) + 1;
    }

    private void assertBadInput(String text, String name, int line, String message) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        CliRun r = check(OptimizeCommandTest.debianLayouts(), "--budget", file.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("footprint: error: " + file + ":" + line + ": " + message)
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void writeBudgetRefusesToOverwriteAnInput() throws Exception {
        Path layout = tmp.resolve("kvm_run.pahole");
        Files.copy(Path.of(OptimizeCommandTest.debianLayouts().get(3)), layout);
        byte[] before = Files.readAllBytes(layout);
        List<String> layouts = new ArrayList<>(OptimizeCommandTest.debianLayouts().subList(0, 3));
        layouts.add(layout.toString());
        CliRun r = check(layouts, "--write-budget", layout.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--write-budget " + layout + " is one of the inputs; refusing to overwrite it");
        assertThat(Files.readAllBytes(layout)).isEqualTo(before);
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws Exception {
        Path first = budget(OptimizeCommandTest.debianLayouts(), "first.budget");
        Path second = budget(OptimizeCommandTest.debianLayouts(), "second.budget");
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        Path tight = tmp.resolve("tight.budget");
        Files.writeString(tight, Files.readString(first).replace("\nHLT vmx 46\n", "\nHLT vmx 40\n"));
        for (String format : List.of("text", "json")) {
            CliRun a = check(OptimizeCommandTest.debianLayouts(), "--budget", tight.toString(), "--format", format);
            CliRun b = check(OptimizeCommandTest.debianLayouts(), "--budget", tight.toString(), "--format", format);
            assertThat(a.exitCode()).isEqualTo(1);
            assertThat(b.out()).isEqualTo(a.out());
        }
    }
}
