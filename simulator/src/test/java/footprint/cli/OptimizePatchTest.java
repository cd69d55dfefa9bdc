package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.optimize.OptimizeReport;
import footprint.patch.SourceStruct;
import footprint.report.ReportJson;
import footprint.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code optimize --source --patch}: rules mined from the source, and a diff that patch -p1 applies. */
class OptimizePatchTest {
    @TempDir
    Path tmp;

    private Path tree(String name) throws IOException {
        Path from = Path.of(OptimizeCommandTest.resource("src"));
        Path to = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static void apply(Path tree, Path diff) throws Exception {
        ExternalTools.require("patch", "applies the generated diff as a kernel maintainer would");
        Process p = new ProcessBuilder("patch", "-p1", "-i", diff.toString()).directory(tree.toFile())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
    }

    private static List<String> declared(Path tree, String struct) {
        List<String> out = new ArrayList<>();
        SourceStruct.find(tree, struct).pieces().forEach(piece -> out.addAll(piece.members()));
        return out;
    }

    @Test
    void theHandMadeStructKeepsTheMinedPinGetsAGuardedGroupAndTheDiffApplies() throws Exception {
        Path source = tree("source");
        Path diff = tmp.resolve("hot.diff");
        CliRun r = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"), "--layout",
                OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--source", source.toString(), "--patch",
                diff.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("pin hot.e 0  (arch/x86/kvm/hot.c:4)")
                .contains("CACHELINE_ASSERT_GROUP_MEMBER(struct hot, hot_hot, a);")
                .containsPattern("CACHELINE_ASSERT_GROUP_SIZE\\(struct hot, hot_hot, \\d+\\);")
                .contains("cover letter:").contains("2.00 lines of o per exit (weighted by the exit mix) with the current layout and 1.00 with this one");
        String text = Files.readString(diff);
        assertThat(text).startsWith("--- a/include/linux/hot.h\n+++ b/include/linux/hot.h\n")
                .contains("+\t__cacheline_group_begin(hot_hot);").contains("+\t__cacheline_group_end(hot_hot);");

        CliRun json = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"), "--layout",
                OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--source", source.toString(),
                "--format", "json");
        OptimizeReport report = ReportJson.read(json.out(), OptimizeReport.class);
        List<String> order = report.structs().get(0).order();
        assertThat(order.get(0)).isEqualTo("e");

        Path patched = tree("patched");
        apply(patched, diff);
        assertThat(declared(patched, "hot")).isEqualTo(order);
        assertThat(Files.readString(patched.resolve("include/linux/hot.h")))
                .contains("#ifdef CONFIG_HOT_D\n\tunsigned long d;\n#endif")
                .contains("\t/* b and c */\n\tint b;");
    }

    @Test
    void vcpuVmxOfLinux61IsPatchedInItsRealHeaderAndReadsBackInTheProposedOrder() throws Exception {
        Path source = tree("source");
        // Linux 6.1 has no cacheline group markers
        Files.delete(source.resolve("include/linux/cache.h"));
        Path rules = tmp.resolve("vmx.constraints");
        // arch/x86/kvm/vmx/vmx.c:7381 of 6.1: BUILD_BUG_ON(offsetof(struct vcpu_vmx, vcpu) != 0)
        Files.writeString(rules, "pin vcpu_vmx.vcpu 0\n");
        Path diff = tmp.resolve("vmx.diff");
        List<String> args = new ArrayList<>(List.of("optimize", "--trace",
                footprint.testsupport.RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString(),
                "--struct", "vcpu_vmx", "--constraints", rules.toString(), "--source", source.toString(), "--patch",
                diff.toString(), "--format", "json", "--layout"));
        args.addAll(OptimizeCommandTest.debianLayouts());
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        OptimizeReport report = ReportJson.read(r.out(), OptimizeReport.class);
        OptimizeReport.StructChange vmx = report.structs().get(0);
        assertThat(vmx.order().get(0)).isEqualTo("vcpu");
        assertThat(vmx.moved()).isPositive();
        assertThat(report.linesAfter()).isLessThan(report.linesBefore());
        // the #ifdef CONFIG_X86_64 block of the two kernel GS base MSRs stays one block
        assertThat(report.constraints()).extracting(OptimizeReport.Respected::rule)
                .contains("together vcpu_vmx.msr_host_kernel_gs_base vcpu_vmx.msr_guest_kernel_gs_base");
        assertThat(Files.readString(diff)).startsWith("--- a/arch/x86/kvm/vmx/vmx.h\n")
                .doesNotContain("__cacheline_group_begin");

        Path patched = tree("patched");
        apply(patched, diff);
        List<String> declared = declared(patched, "vcpu_vmx");
        assertThat(declared).isEqualTo(vmx.order());
    }

    @Test
    void aTreeOfAnotherKernelWithAMemberTheLayoutLacksIsRefusedNamingIt() throws Exception {
        Path source = tree("newer");
        Path header = source.resolve("include/linux/hot.h");
        Files.writeString(header, Files.readString(header).replace("\tshort e;\n", "\tshort e;\n\tbool wants_to_run;\n"));
        Path diff = tmp.resolve("newer.diff");
        CliRun r = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"), "--layout",
                OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--source", source.toString(), "--patch",
                diff.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("include/linux/hot.h:14:").contains("'wants_to_run'").contains("another kernel")
                .doesNotContain("Exception");
        assertThat(diff).doesNotExist();
    }

    @Test
    void aTreeWithoutTheStructOrAPatchWithoutSourceIsABadInputAndNothingIsWritten() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty/include"));
        Path diff = tmp.resolve("never.diff");
        CliRun r = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"), "--layout",
                OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--source", empty.getParent().toString(),
                "--patch", diff.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines().filter(l -> l.startsWith("footprint: error:")).toList()).singleElement()
                .asString().contains("struct hot: no definition");
        assertThat(diff).doesNotExist();

        CliRun noSource = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"), "--layout",
                OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--patch", diff.toString());
        assertThat(noSource.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(noSource.err()).contains("--patch needs --source");
        assertThat(diff).doesNotExist();
    }
}
