package footprint.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.testsupport.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceSymbolizerTest {

    @Test
    void anAccessRunningPastTheStructsEndIsAnErrorNotAPath() {
        LayoutSet layouts = LayoutSet.load(List.of(
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_lapic.expanded.pahole")));
        Trace raw = TraceReader.parse("raw.trace", "footprint-trace 1\nobject apic struct kvm_lapic\nexit X\n"
                + "  R apic+236 8 f x.c:1\nend\n");
        assertThatThrownBy(() -> TraceSymbolizer.symbolize(raw, layouts)).isInstanceOf(InputException.class)
                .hasMessage("raw.trace:4: 8-byte access at offset 236 runs past the end of struct kvm_lapic (240 bytes)");
    }

    @Test
    void symbolizedTracesBindToTheSameBytesAsTheirRawOffsets() {
        LayoutSet layouts = LayoutSet.load(List.of(
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-vcpu_vmx.expanded.pahole"),
                RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_lapic.expanded.pahole")));
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder text = new StringBuilder("footprint-trace 1\nobject vmx struct vcpu_vmx\nobject apic struct kvm_lapic\n"
                + "exit X\n");
        for (int i = 0; i < 400; i++) {
            boolean vmx = rnd.nextBoolean();
            long size = vmx ? 9088 : 240;
            long off = rnd.nextLong(size);
            text.append("  R ").append(vmx ? "vmx" : "apic").append('+').append(off).append(' ')
                    .append(rnd.nextLong(1, Math.min(8, size - off) + 1)).append(" f x.c:").append(i + 1).append('\n');
        }
        text.append("end\n");
        Trace raw = TraceReader.parse("raw.trace", text.toString());
        TraceSymbolizer.Result r = TraceSymbolizer.symbolize(raw, layouts);
        assertThat(r.symbolized() + r.notes().size()).isEqualTo(400);
        assertThat(r.symbolized()).isGreaterThan(300); // most bytes of both structs belong to a member
        Trace back = TraceReader.parse("sym.trace", TraceWriter.write(r.trace()));
        BoundExit a = TraceBinder.bind(raw, layouts, false, new ArrayList<>()).exits().get(0);
        BoundExit b = TraceBinder.bind(back, layouts, false, new ArrayList<>()).exits().get(0);
        for (int i = 0; i < a.accessCount(); i++) {
            assertThat(b.offset(i)).as("%s vs %s", a.path(i), b.path(i)).isEqualTo(a.offset(i));
            assertThat(b.object(i)).isEqualTo(a.object(i));
        }
    }
}
