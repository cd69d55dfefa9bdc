package footprint.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.input.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {
    private final List<ExitProgram.ProgramObject> objects = List.of(
            new ExitProgram.ProgramObject("vmx", "vcpu_vmx", 10048, 64),
            new ExitProgram.ProgramObject("apic", "kvm_lapic", 600, 8),
            new ExitProgram.ProgramObject("page", null, 4096, 4096));

    @Test
    void pagePlacementStartsEveryObjectOnItsOwnPage() {
        long[] b = Placement.of(PlacementKind.PAGE).place(objects, 1);
        assertThat(java.util.Arrays.stream(b).allMatch(a -> a % 4096 == 0)).isTrue();
        assertThat(b[1]).isGreaterThanOrEqualTo(b[0] + 10048);
    }

    @Test
    void alignmentsAbove4KiBAreKeptAndLargeObjectsNeverOverlap() {
        List<ExitProgram.ProgramObject> big = List.of(
                new ExitProgram.ProgramObject("a", null, 100, 8192),
                new ExitProgram.ProgramObject("huge", null, 1L << 28, 1L << 21),
                new ExitProgram.ProgramObject("b", null, 5000, 1L << 16));
        for (PlacementKind kind : List.of(PlacementKind.PAGE, PlacementKind.SLAB, PlacementKind.RANDOM)) {
            for (long seed = 0; seed < 20; seed++) {
                long[] b = Placement.of(kind).place(big, seed);
                for (int i = 0; i < b.length; i++) {
                    assertThat(b[i] % big.get(i).align()).as("%s seed %d %s", kind, seed, big.get(i).name()).isZero();
                    for (int j = i + 1; j < b.length; j++) {
                        assertThat(b[i] + big.get(i).size() <= b[j] || b[j] + big.get(j).size() <= b[i])
                                .as("%s seed %d: %s and %s overlap", kind, seed, big.get(i).name(), big.get(j).name()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void objectsThatCannotBePlacedApartOrWrapAroundAreRefused() {
        List<ExitProgram.ProgramObject> two = List.of(new ExitProgram.ProgramObject("x", null, 3L << 28, 64),
                new ExitProgram.ProgramObject("y", null, 3L << 28, 64));
        assertThatThrownBy(() -> Placement.of(PlacementKind.RANDOM).place(two, 1)).isInstanceOf(InputException.class)
                .hasMessageContaining("no place for a 805306368-byte object");
        Placement wrap = new Placement(PlacementKind.SLAB, Map.of("vmx", 0xffffffffffffff00L));
        assertThatThrownBy(() -> wrap.place(objects, 1)).isInstanceOf(InputException.class)
                .hasMessage("--base vmx=0xffffffffffffff00: the object's 10048 bytes run past the top of the 64-bit address space");
    }

    @Test
    void slabAndRandomRespectAlignmentAndAreSeeded() {
        for (PlacementKind kind : List.of(PlacementKind.SLAB, PlacementKind.RANDOM)) {
            for (long seed = 0; seed < 50; seed++) {
                long[] b = Placement.of(kind).place(objects, seed);
                assertThat(b[0] % 64).isZero();
                assertThat(b[1] % 8).isZero();
                assertThat(b[2] % 4096).isZero();
                assertThat(b[0] + 10048 <= b[1] || b[1] + 600 <= b[0]).isTrue();
                assertThat(Placement.of(kind).place(objects, seed)).containsExactly(b);
            }
        }
        long distinct = java.util.stream.LongStream.range(0, 50)
                .map(s -> Placement.of(PlacementKind.RANDOM).place(objects, s)[0] % 4096).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void explicitBasesOverrideAndMustNameKnownObjects() {
        Placement p = new Placement(PlacementKind.EXPLICIT, Map.of("vmx", 0x10000L, "apic", 0x20040L, "page", 0x30000L));
        assertThat(p.place(objects, 0)).containsExactly(0x10000L, 0x20040L, 0x30000L);
        assertThatThrownBy(() -> new Placement(PlacementKind.EXPLICIT, Map.of("vmx", 0L)).place(objects, 0))
                .isInstanceOf(InputException.class).hasMessageContaining("--base apic=ADDR");
        assertThatThrownBy(() -> new Placement(PlacementKind.PAGE, Map.of("vxm", 0L)).place(objects, 0))
                .isInstanceOf(InputException.class).hasMessageContaining("objects: vmx, apic, page");
    }
}
