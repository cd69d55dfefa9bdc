package footprint.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.testsupport.RepoFiles;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutSetTest {
    static LayoutSet vmx;

    @BeforeAll
    static void load() {
        vmx = LayoutSet.load(List.of(RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-vcpu_vmx.expanded.pahole")));
    }

    @Test
    void findsTheTopLevelStructAndTheTypesExpandedInsideIt() {
        StructLayout s = vmx.find("vcpu_vmx").orElseThrow();
        assertThat(s.size()).isEqualTo(9088);
        assertThat(s.alignment()).isEqualTo(64);
        assertThat(s.cachelines()).isEqualTo(142);
        assertThat(vmx.find("kvm_vcpu")).hasValueSatisfying(v -> assertThat(v.size()).isEqualTo(6552));
        assertThat(vmx.find("no_such_struct")).isEmpty();
        assertThat(vmx.typeNames()).contains("vcpu_vmx", "kvm_vcpu", "kvm_vcpu_arch");
    }

    @Test
    void resolvesPathsThroughExpandedStructsArraysAndUnions() {
        // kvm_vcpu.arch at 296 (debian-6.1-kvm_vcpu.pahole), regs[17] at 0 in kvm_vcpu_arch.
        assertThat(vmx.resolve("vcpu_vmx", "vcpu.arch.regs[2]"))
                .isEqualTo(new FieldRef("vcpu.arch.regs[2]", 296 + 16, 8, "long unsigned int"));
        assertThat(vmx.resolve("vcpu_vmx", "vcpu.arch.regs"))
                .isEqualTo(new FieldRef("vcpu.arch.regs", 296, 136, "long unsigned int[17]"));
        assertThat(vmx.resolve("vcpu_vmx", "exit_reason.full").offset()).isEqualTo(7808);
        assertThat(vmx.resolve("vcpu_vmx", "exit_reason.full").size()).isEqualTo(4);
        assertThat(vmx.resolve("kvm_vcpu", "mmio_fragments[1].len"))
                .isEqualTo(new FieldRef("mmio_fragments[1].len", 176 + 32 + 24, 4, "unsigned int"));
    }

    @Test
    void aBitfieldResolvesToItsStorageUnit() {
        FieldRef basic = vmx.resolve("vcpu_vmx", "exit_reason.basic");
        assertThat(basic.offset()).isEqualTo(7808);
        assertThat(basic.size()).isEqualTo(4);
    }

    @Test
    void membersOfAnonymousStructsAreReachedByTheirInnerName() {
        // pahole -E: struct mutex { ... wait_lock { raw_lock { union { struct { locked; pending; }; ... } } } }
        FieldRef pending = vmx.resolve("vcpu_vmx", "vcpu.mutex.wait_lock.raw_lock.pending");
        assertThat(pending.offset()).isEqualTo(81);
        assertThat(pending.size()).isEqualTo(1);
        assertThat(vmx.resolve("vcpu_vmx", "vcpu.mutex.wait_lock.raw_lock.__anon0.__anon0.pending"))
                .extracting(FieldRef::offset).isEqualTo(81L);
    }

    @Test
    void badPathsNameTheNearestMembers() {
        assertThatThrownBy(() -> vmx.resolve("vcpu_vmx", "vcpu.arch.regz[2]"))
                .isInstanceOf(LayoutPathException.class)
                .hasMessageContaining("no member 'regz'").hasMessageContaining("regs");
        assertThatThrownBy(() -> vmx.resolve("vcpu_vmx", "vcpu.arch.regs[17]"))
                .isInstanceOf(LayoutPathException.class).hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> vmx.resolve("vcpu_vmx", "vcpu.kvm.x"))
                .isInstanceOf(LayoutPathException.class).hasMessageContaining("pointer");
        assertThatThrownBy(() -> vmx.resolve("vcpu_vnx", "vcpu"))
                .isInstanceOf(LayoutPathException.class).hasMessageContaining("vcpu_vmx");
    }

    @Test
    void namedTypesThatAreNotExpandedAreLookedUpInTheSet() {
        LayoutSet plain = LayoutSet.load(List.of(
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_vcpu_arch.pahole"),
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_vcpu.pahole"),
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-vcpu_vmx.pahole")));
        assertThat(plain.resolve("vcpu_vmx", "vcpu.arch.regs[2]").offset()).isEqualTo(296 + 16);
        assertThatThrownBy(() -> plain.resolve("vcpu_vmx", "vcpu.arch.mmu_pte_list_desc_cache.nobjs"))
                .isInstanceOf(LayoutPathException.class).hasMessageContaining("not in the loaded layouts");
    }

    @Test
    void aGzippedDumpReadsLikeThePlainOne(@TempDir Path dir) throws Exception {
        Path plain = RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm-intel.all.pahole");
        Path gz = dir.resolve("kvm-intel.all.pahole.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        LayoutSet a = LayoutSet.load(List.of(plain));
        LayoutSet b = LayoutSet.load(List.of(gz));
        assertThat(b.typeNames()).isEqualTo(a.typeNames());
        assertThat(b.find("vcpu_vmx").orElseThrow().members())
                .extracting(Member::name, Member::offset, Member::size, Member::alignment)
                .isEqualTo(a.find("vcpu_vmx").orElseThrow().members().stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.name(), m.offset(), m.size(), m.alignment()))
                        .toList());
    }
}
