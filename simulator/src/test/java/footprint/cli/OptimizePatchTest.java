package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import footprint.optimize.OptimizeReport;
import footprint.patch.SourceStruct;
import footprint.report.ReportJson;
import footprint.testsupport.ExternalTools;
import footprint.testsupport.KernelSources;
import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code optimize --source --patch}: rules mined from the source, and a diff that patch -p1 applies. */
class OptimizePatchTest {
    @TempDir
    Path tmp;

    private Path tree(String name) throws IOException {
        Path to = tmp.resolve(name);
        copy(Path.of(OptimizeCommandTest.resource("src")), to);
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

    /** The body of the function whose definition starts with {@code head}, braces included. */
    private static String body(String c, String head) {
        int at = c.indexOf("\n" + head);
        assertThat(at).as("definition '%s'", head).isNotNegative();
        int open = c.indexOf("\n{\n", at) + 1;
        return c.substring(open, c.indexOf("\n}\n", open) + 2);
    }

    /** The members {@code struct}'s source declares between {@code __cacheline_group_begin(group)} and its end. */
    private static List<String> groupMembers(Path tree, String struct, String group) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (SourceStruct.Piece piece : SourceStruct.find(tree, struct).pieces()) {
            String text = String.join("\n", piece.lines());
            if (text.contains("__cacheline_group_begin(" + group + ")")) {
                in = true;
            } else if (text.contains("__cacheline_group_end(" + group + ")")) {
                in = false;
            } else if (in) {
                out.addAll(piece.members());
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
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
    }

    /** A copy of the parts of the cached Linux 7.2 tree the patch reads and writes. */
    private Path linux72(String name) throws IOException {
        Path real = KernelSources.of("7.2");
        assumeTrue(Files.isRegularFile(real.resolve("arch/x86/kvm/vmx/vmx.c")), "no Linux 7.2 source at " + real
                + " (run scripts/kernel-source 7.2)");
        Path to = tmp.resolve(name);
        for (String dir : List.of("arch/x86/kvm", "arch/x86/include", "virt/kvm")) {
            copy(real.resolve(dir), to.resolve(dir));
        }
        Files.createDirectories(to.resolve("include/linux"));
        for (String h : List.of("cache.h", "kvm_host.h", "kvm_types.h")) {
            Files.copy(real.resolve("include/linux/" + h), to.resolve("include/linux/" + h));
        }
        return to;
    }

    @Test
    void onTheLinux72TreeTheGroupAssertsLandInTheInitFunctionsAndNameEveryMemberOfTheGroup() throws Exception {
        Path source = linux72("source");
        Path diff = tmp.resolve("vmx72.diff");
        String layouts = "models/layouts/debian-7.2/debian-7.2-";
        List<String> args = new ArrayList<>(List.of("optimize", "--trace",
                RepoFiles.resolve("traces/kvm-7.2/vmx/vmx-exits.trace").toString(), "--object", "vmx",
                "--max-moves", "10", "--source", source.toString(), "--patch", diff.toString(), "--format", "json",
                "--layout"));
        for (String l : List.of("vcpu_vmx.expanded", "kvm_lapic.expanded", "kvm.expanded", "kvm_run")) {
            args.add(RepoFiles.resolve(layouts + l + ".pahole").toString());
        }
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        OptimizeReport report = ReportJson.read(r.out(), OptimizeReport.class);

        Path patched = linux72("patched");
        apply(patched, diff);
        // struct -> the file and function that assert its group, and the function that calls them
        Map<String, List<String>> sites = Map.of(
                "vcpu_vmx", List.of("arch/x86/kvm/vmx/vmx.c", "static void __init vmx_struct_check(void)",
                        "int __init vmx_init(void)", "vmx_struct_check"),
                "kvm_vcpu", List.of("virt/kvm/kvm_main.c", "static void kvm_struct_check(void)",
                        "int kvm_init(", "kvm_struct_check"),
                "kvm_vcpu_arch", List.of("arch/x86/kvm/x86.c", "static void __init kvm_x86_struct_check(void)",
                        "static int __init kvm_x86_init(void)", "kvm_x86_struct_check"));
        for (OptimizeReport.StructChange change : report.structs()) {
            List<String> site = sites.get(change.struct());
            if (site == null || change.moved() == 0) {
                continue;
            }
            String group = change.struct() + "_hot";
            List<String> inGroup = groupMembers(patched, change.struct(), group);
            assertThat(inGroup).as(change.struct()).containsAll(change.packed());
            String c = Files.readString(patched.resolve(site.get(0)));
            String check = body(c, site.get(1));
            for (String m : change.packed().stream().filter(m -> !m.startsWith("__anon")).toList()) {
                assertThat(check).as(change.struct() + "." + m)
                        .contains("\tCACHELINE_ASSERT_GROUP_MEMBER(struct " + change.struct() + ", " + group + ", " + m
                                + ");\n");
            }
            assertThat(check).containsPattern("CACHELINE_ASSERT_GROUP_SIZE\\(struct " + change.struct() + ", " + group
                    + ", \\d+\\);");
            assertThat(body(c, site.get(2))).contains("\t" + site.get(3) + "();\n");
        }
        assertThat(report.structs()).filteredOn(s -> s.moved() > 0).extracting(OptimizeReport.StructChange::struct)
                .contains("vcpu_vmx", "kvm_vcpu");
        // vmx_init keeps its build-time checks together
        assertThat(body(Files.readString(patched.resolve("arch/x86/kvm/vmx/vmx.c")), "int __init vmx_init(void)"))
                .contains("\tKVM_SANITY_CHECK_VM_STRUCT_SIZE(kvm_vmx);\n\tvmx_struct_check();\n");
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
                .contains("cover letter:").contains("Replayed by footprint compare on skylake-sp")
                .containsPattern("the exit mix touches \\d+\\.\\d\\d cachelines per exit \\(all the trace's objects\\)"
                        + " with the current layout and \\d+\\.\\d\\d with this one")
                .containsPattern("estimated cycles per exit \\d+\\.\\d -> \\d+\\.\\d, [-+]\\d+\\.\\d \\(95% interval")
                // e (2 bytes at 0), d (8 at 8), a (8 at 16), c (1 at 24): the group ends at 25
                .contains("kvm_struct_check() from kvm_init(): hot_hot, 4 members in 25 bytes");
        String text = Files.readString(diff);
        assertThat(text).startsWith("--- a/include/linux/hot.h\n+++ b/include/linux/hot.h\n")
                .contains("+\t__cacheline_group_begin(hot_hot);").contains("+\t__cacheline_group_end(hot_hot);")
                .contains("--- a/virt/kvm/kvm_main.c\n+++ b/virt/kvm/kvm_main.c\n");
        // same inputs, same seed: the same diff and the same numbers, byte for byte
        Path again = tmp.resolve("again.diff");
        CliRun second = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"), "--layout",
                OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--source", source.toString(), "--patch",
                again.toString());
        assertThat(second.out()).isEqualTo(r.out());
        assertThat(Files.readString(again)).isEqualTo(text);

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
        String init = Files.readString(patched.resolve("virt/kvm/kvm_main.c"));
        assertThat(body(init, "static void kvm_struct_check(void)"))
                .contains("\tCACHELINE_ASSERT_GROUP_MEMBER(struct hot, hot_hot, e);\n"
                        + "#ifdef CONFIG_HOT_D\n\tCACHELINE_ASSERT_GROUP_MEMBER(struct hot, hot_hot, d);\n#endif\n"
                        + "\tCACHELINE_ASSERT_GROUP_MEMBER(struct hot, hot_hot, a);\n"
                        + "\tCACHELINE_ASSERT_GROUP_MEMBER(struct hot, hot_hot, c);\n"
                        + "#ifdef CONFIG_X86_64\n\tCACHELINE_ASSERT_GROUP_SIZE(struct hot, hot_hot, 25);\n#endif\n");
        assertThat(body(init, "int kvm_init(")).startsWith("{\n\tint r;\n\tint cpu;\n\n\tkvm_struct_check();\n\n");

        // Optimising the patched tree again would add a second group and a second check function: refused.
        Path third = tmp.resolve("third.diff");
        CliRun rerun = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"), "--layout",
                OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--source", patched.toString(), "--patch",
                third.toString());
        assertThat(rerun.exitCode()).isEqualTo(2);
        assertThat(rerun.err()).containsPattern("include/linux/hot\\.h:\\d+: struct hot already has a cacheline group"
                + " \\(__cacheline_group_begin\\(hot_hot\\)\\)").doesNotContain("Exception");
        assertThat(third).doesNotExist();
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

        CliRun noModel = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"), "--layout",
                OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--source", tree("models").toString(),
                "--patch", diff.toString(), "--model", "nosuch");
        assertThat(noModel.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(noModel.err()).contains("unknown CPU model 'nosuch'").doesNotContain("ordering");
        assertThat(diff).doesNotExist();

        CliRun modelWithoutPatch = CliRun.of("optimize", "--trace", OptimizeCommandTest.resource("hot.trace"),
                "--layout", OptimizeCommandTest.resource("hot.pahole"), "--struct", "hot", "--model", "zen4");
        assertThat(modelWithoutPatch.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(modelWithoutPatch.err()).contains("only the cover letter of --patch");
    }
}
