package footprint.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.testsupport.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceBinderTest {
    static LayoutSet layouts;

    @BeforeAll
    static void load() {
        layouts = LayoutSet.load(List.of(
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-vcpu_vmx.expanded.pahole"),
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_lapic.expanded.pahole")));
    }

    private static final String HEAD = """
            footprint-trace 1
            object vmx struct vcpu_vmx
            object apic struct kvm_lapic align=8
            object apic_page raw 4096 align=4096
            """;

    @Test
    void resolvesPathsOffsetsSegmentsAndVmcsCounts() {
        Trace t = TraceReader.parse("t.trace", HEAD + """
                segment landing
                  W vmx.vcpu.arch.regs[2] 8 __vmx_vcpu_run arch/x86/kvm/vmx/vmenter.S:219
                  vmcs reads=1 writes=0
                end
                exit TSC fastpath reason=EXIT_REASON_MSR_WRITE
                  use landing
                  R vmx.exit_reason.basic 4 vmx_vcpu_run arch/x86/kvm/vmx/vmx.c:7200
                  RW apic.lapic_timer.tscdeadline 8 kvm_set_lapic_tscdeadline_msr arch/x86/kvm/lapic.c:2300
                  R apic_page+0x300 4 kvm_lapic_reg_write arch/x86/kvm/lapic.c:2200
                  R vmx.vcpu.arch.regs+24 8 kvm_rdx_read arch/x86/kvm/kvm_cache_regs.h:90
                  vmcs reads=2 writes=3
                end
                exit HLT
                  use landing
                end
                stream sequence TSC*3 HLT
                """);
        List<String> warnings = new ArrayList<>();
        BoundTrace b = TraceBinder.bind(t, layouts, false, warnings);
        assertThat(warnings).isEmpty();
        assertThat(b.objects()).containsExactly(new BoundObject("vmx", "vcpu_vmx", 9088, 64),
                new BoundObject("apic", "kvm_lapic", 240, 8), new BoundObject("apic_page", null, 4096, 4096));
        BoundExit tsc = b.exits().get(b.exitIndex("TSC"));
        assertThat(tsc.accessCount()).isEqualTo(5);
        assertThat(tsc.fastpath()).isTrue();
        assertThat(tsc.reason()).isEqualTo("EXIT_REASON_MSR_WRITE");
        // regs at 296 in vcpu_vmx (kvm_vcpu.arch at 296, regs first in kvm_vcpu_arch)
        assertThat(tsc.offset(0)).isEqualTo(296 + 16);
        assertThat(tsc.isWrite(0)).isTrue();
        assertThat(tsc.isRead(0)).isFalse();
        assertThat(tsc.offset(1)).isEqualTo(7808); // bitfield: its storage unit
        assertThat(tsc.object(2)).isEqualTo(1);
        assertThat(tsc.offset(2)).isEqualTo(104); // pahole -E prints offsets from the start of kvm_lapic
        assertThat(tsc.isRead(2)).isTrue();
        assertThat(tsc.isWrite(2)).isTrue();
        assertThat(tsc.offset(3)).isEqualTo(0x300);
        assertThat(tsc.path(3)).isEqualTo("apic_page+0x300");
        assertThat(tsc.offset(4)).isEqualTo(296 + 24);
        assertThat(tsc.path(4)).isEqualTo("vmx.vcpu.arch.regs+24");
        assertThat(tsc.site(2)).isEqualTo("kvm_set_lapic_tscdeadline_msr arch/x86/kvm/lapic.c:2300");
        assertThat(tsc.vmcsReads()).isEqualTo(3);
        assertThat(tsc.vmcsWrites()).isEqualTo(3);
        assertThat(b.exits().get(1).accessCount()).isEqualTo(1);
        assertThat(b.exitIndex("NOPE")).isEqualTo(-1);
        assertThat(b.objectIndex("apic_page")).isEqualTo(2);
        assertThat(b.objectIndex("nope")).isEqualTo(-1);
        assertThat(b.stream().count()).isEqualTo(4);
        assertThat(b.source()).isSameAs(t);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field        | R vmx.vcpu.arch.regz[2] 8 f x.c:1   | no member 'regz' in struct kvm_vcpu_arch (nearest: regs
            index out of bounds  | R vmx.vcpu.arch.regs[17] 8 f x.c:1  | index 17 out of bounds for 'regs' [17]
            past end of struct   | R apic+236 8 f x.c:1                | access past the end of object 'apic' (struct kvm_lapic, 240 bytes): bytes [236, 244)
            past end via path    | R vmx.exit_reason.full+0x1000 8 f x.c:1 | access past the end of object 'vmx'
            offset near 2^63     | R apic+0x7ffffffffffffffc 8 f x.c:1  | access past the end of object 'apic' (struct kvm_lapic, 240 bytes): bytes [9223372036854775804, 9223372036854775812)
            path + offset > 2^63 | R vmx.vcpu.arch+0x7ffffffffffffffc 8 f x.c:1 | access past the end of object 'vmx'
            """)
    void unresolvableAccessesAreErrorsAtTheirLine(String title, String access, String message) {
        Trace t = TraceReader.parse("t.trace", HEAD + "exit X\n  R vmx.vcpu.arch.regs[0] 8 f x.c:1\n  " + access + "\nend\n");
        assertThatThrownBy(() -> TraceBinder.bind(t, layouts, false, new ArrayList<>()))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    assertThat(((InputException) e).line()).isEqualTo(7);
                    assertThat(e.getMessage()).startsWith("t.trace:7: ").contains(message);
                });
    }

    @Test
    void allowMissingWarnsOncePerLineAndSkips() {
        Trace t = TraceReader.parse("t.trace", HEAD + """
                segment s
                  R vmx.vcpu.arch.no_such 8 f x.c:1
                end
                exit A
                  use s
                  R vmx.vcpu.arch.regs[1] 8 f x.c:2
                end
                exit B
                  use s
                end
                """);
        List<String> warnings = new ArrayList<>();
        BoundTrace b = TraceBinder.bind(t, layouts, true, warnings);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("t.trace:6: warning: object 'vmx': ").contains("no member 'no_such'")
                .endsWith("access skipped (--allow-missing)");
        assertThat(b.exits().get(0).accessCount()).isEqualTo(1);
        assertThat(b.exits().get(1).accessCount()).isZero();
    }

    @Test
    void unknownStructTypeNamesTheNearestTypes() {
        Trace t = TraceReader.parse("t.trace", "footprint-trace 1\nobject v struct vcpu_vnx\n");
        assertThatThrownBy(() -> TraceBinder.bind(t, layouts, true, new ArrayList<>()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("t.trace:2: unknown struct 'vcpu_vnx' of object 'v'")
                .hasMessageContaining("vcpu_vmx");
    }

    @Test
    void accessWiderThanItsFieldIsAWarning() {
        Trace t = TraceReader.parse("t.trace", HEAD + "exit X\n  R vmx.exit_reason.full 8 f x.c:1\nend\n");
        List<String> warnings = new ArrayList<>();
        TraceBinder.bind(t, layouts, false, warnings);
        assertThat(warnings).containsExactly(
                "t.trace:6: warning: 8-byte access to vmx.exit_reason.full is wider than the field (4 bytes)");
    }

    @Test
    void aWideAccessInASharedSegmentWarnsOnceWithAllItsLines() {
        Trace t = TraceReader.parse("t.trace", HEAD + "segment s\n  R vmx.exit_reason.full 8 f x.c:1\nend\n"
                + "exit X\n  use s\n  R vmx.exit_reason.full 8 f x.c:2\nend\n"
                + "exit Y\n  use s\nend\n");
        List<String> warnings = new ArrayList<>();
        TraceBinder.bind(t, layouts, false, warnings);
        assertThat(warnings).containsExactly("t.trace:6: warning: 8-byte access to vmx.exit_reason.full is wider"
                + " than the field (4 bytes); also at line 10");
    }
}
