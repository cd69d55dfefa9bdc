package footprint.layout;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A struct defined at top level in a later file overrides earlier ones, also copies expanded inline. */
class CompositionTest {
    private static final Path DEBIAN = RepoFiles.resolve("models/layouts/debian-6.1");
    private static final Path AFTER = RepoFiles.resolve("models/layouts/seed/kvm_vcpu.after.pahole");

    @Test
    void aPatchedKvmVcpuReplacesTheExpandedCopyInsideVcpuVmxAndShiftsWhatFollows() {
        LayoutSet set = LayoutSet.load(List.of(DEBIAN.resolve("debian-6.1-vcpu_vmx.expanded.pahole"), AFTER));
        StructLayout vmx = set.find("vcpu_vmx").orElseThrow();
        assertThat(vmx.relaidOut()).isTrue();
        Member vcpu = vmx.member("vcpu").orElseThrow();
        assertThat(vcpu.size()).isEqualTo(6560);
        assertThat(vcpu.nested().member("arch").orElseThrow().offset()).isEqualTo(256);
        // fail (u8) followed vcpu at 6552; now at 6560 (+8). msr_autoload is __aligned__(16): 6960+8
        // rounds up to 6976, so from there on everything moves by 16 (exit_reason 7808 -> 7824).
        // pi_desc stays on its 64-byte boundary 7872: the forced hole before it absorbs the shift.
        assertThat(vmx.member("fail").orElseThrow().offset()).isEqualTo(6560);
        assertThat(vmx.member("msr_autoload").orElseThrow().offset()).isEqualTo(6976);
        assertThat(vmx.member("exit_reason").orElseThrow().offset()).isEqualTo(7824);
        assertThat(vmx.member("pi_desc").orElseThrow().offset()).isEqualTo(7872);
        assertThat(vmx.size()).isEqualTo(9088);
        assertThat(set.resolve("vcpu_vmx", "vcpu.requests").offset()).isEqualTo(56);
        assertThat(set.resolve("vcpu_vmx", "vcpu.sigset").offset()).isEqualTo(120);
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("vcpu_vmx re-laid out")
                .contains("struct kvm_vcpu"));
    }

    @Test
    void aPlainMemberOfAnOverriddenTypeGetsTheNewSize() {
        LayoutSet set = LayoutSet.load(List.of(DEBIAN.resolve("debian-6.1-vcpu_vmx.pahole"), AFTER));
        StructLayout vmx = set.find("vcpu_vmx").orElseThrow();
        assertThat(vmx.member("vcpu").orElseThrow().size()).isEqualTo(6560);
        assertThat(vmx.member("fail").orElseThrow().offset()).isEqualTo(6560);
        assertThat(set.resolve("vcpu_vmx", "vcpu.arch").offset()).isEqualTo(256);
    }

    @Test
    void aTypeRedefinedTwoLevelsDownResizesEveryStructAroundIt() {
        Path expanded = DEBIAN.resolve("debian-6.1-vcpu_vmx.expanded.pahole");
        StructLayout arch = LayoutSet.load(List.of(expanded)).find("kvm_vcpu_arch").orElseThrow();
        // One-byte members first, then the rest: the holes between small and large members close.
        List<String> order = new ArrayList<>();
        arch.members().stream().filter(m -> !m.name().isEmpty() && m.size() == 1).forEach(m -> order.add(m.name()));
        arch.members().stream().filter(m -> !m.name().isEmpty() && m.size() != 1).forEach(m -> order.add(m.name()));
        StructLayout packed = MemberOrder.apply(arch, order, "order");
        long change = packed.size() - arch.size();
        assertThat(change).isEqualTo(-48);

        LayoutSet set = LayoutSet.composeWith(List.of(expanded), PaholeText.render(packed), "packed");
        StructLayout vcpu = set.find("vcpu_vmx").orElseThrow().member("vcpu").orElseThrow().nested();
        assertThat(vcpu.size()).isEqualTo(6552 + change);
        StructLayout vmx = set.find("vcpu_vmx").orElseThrow();
        assertThat(vmx.relaidOut()).isTrue();
        assertThat(vmx.member("vcpu").orElseThrow().size()).isEqualTo(6552 + change);
        assertThat(vmx.member("fail").orElseThrow().offset()).isEqualTo(6552 + change);
    }

    @Test
    void aSmallerInnerTypeShrinksItsHolderWithoutAnAlignmentTheSourceNeverHad(@TempDir Path tmp) throws Exception {
        Path first = tmp.resolve("outer.pahole");
        Files.writeString(first, """
                struct outer {
                	struct inner {
                		long int                   a;                    /*     0     8 */
                		int                        b;                    /*     8     4 */
                	} in;                                            /*     0    16 */
                	long int                   c;                    /*    16     8 */
                	long int                   d;                    /*    24     8 */

                	/* size: 32, cachelines: 1, members: 3 */
                };
                """);
        String smaller = """
                struct inner {
                	long int                   a;                    /*     0     8 */

                	/* size: 8, cachelines: 1, members: 1 */
                };
                """;
        StructLayout outer = LayoutSet.composeWith(List.of(first), smaller, "smaller").find("outer").orElseThrow();
        // 8 + 8 + 8 is already a multiple of outer's 8-byte alignment. Inferring an alignment from
        // the printed size 32 with the new size of 'in' would call outer aligned(16) and keep 32.
        assertThat(outer.alignment()).isEqualTo(8);
        assertThat(outer.alignedAttribute()).isZero();
        assertThat(outer.size()).isEqualTo(24);
        assertThat(outer.member("d").orElseThrow().offset()).isEqualTo(16);
    }

    @Test
    void aStructHeldByNameInTheSameDumpTakesTheSizeItsDefinitionGetsAroundARedefinedType(@TempDir Path tmp)
            throws Exception {
        // as in a whole-module dump (kvm-amd.ko): vcpu_svm holds 'struct kvm_vcpu vcpu', defined
        // further up in the same file, and a later file redefines kvm_vcpu_arch inside kvm_vcpu
        Path dump = tmp.resolve("module.all.pahole");
        Files.writeString(dump, """
                struct leaf {
                \tlong int                   a;                    /*     0     8 */
                \tlong int                   b;                    /*     8     8 */

                \t/* size: 16, cachelines: 1, members: 2 */
                };
                struct mid {
                \tstruct leaf                l;                    /*     0    16 */
                \tlong int                   c;                    /*    16     8 */

                \t/* size: 24, cachelines: 1, members: 2 */
                };
                struct top {
                \tstruct mid                 m;                    /*     0    24 */
                \tlong int                   d;                    /*    24     8 */

                \t/* size: 32, cachelines: 1, members: 2 */
                };
                """);
        String smaller = """
                struct leaf {
                \tlong int                   a;                    /*     0     8 */

                \t/* size: 8, cachelines: 1, members: 1 */
                };
                """;
        LayoutSet set = LayoutSet.composeWith(List.of(dump), smaller, "smaller");
        assertThat(set.find("mid").orElseThrow().size()).isEqualTo(16);
        StructLayout top = set.find("top").orElseThrow();
        assertThat(top.member("m").orElseThrow().size()).isEqualTo(16);
        assertThat(top.member("d").orElseThrow().offset()).isEqualTo(16);
        assertThat(top.size()).isEqualTo(24);
    }

    @Test
    void anEarlierFileDoesNotOverrideALaterOne() {
        LayoutSet set = LayoutSet.load(List.of(AFTER, DEBIAN.resolve("debian-6.1-vcpu_vmx.pahole")));
        assertThat(set.find("kvm_vcpu").orElseThrow().size()).isEqualTo(6560);
        StructLayout vmx = set.find("vcpu_vmx").orElseThrow();
        assertThat(vmx.relaidOut()).isFalse();
        assertThat(vmx.member("fail").orElseThrow().offset()).isEqualTo(6552);
    }

    @Test
    void theLaterDefinitionIsTheOneFound() {
        LayoutSet set = LayoutSet.load(List.of(DEBIAN.resolve("debian-6.1-kvm_vcpu.pahole"), AFTER));
        assertThat(set.find("kvm_vcpu").orElseThrow().size()).isEqualTo(6560);
        assertThat(set.find("kvm_vcpu").orElseThrow().source()).endsWith("kvm_vcpu.after.pahole");
    }
}
