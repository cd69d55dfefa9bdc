package footprint.sim;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Small hand-made programs for the replay tests. */
final class Programs {
    private Programs() {}

    /**
     * Object {@code vcpu} (256 B, 64-aligned), raw {@code page} (4 KiB). Exit A touches vcpu
     * bytes 0..7 and 8..15 (one line) and page+0x300; exit B touches vcpu 60..67 (straddles
     * two lines) and 128..135.
     */
    static ExitProgram twoExits() {
        return ExitProgram.builder()
                .object("vcpu", "vcpu", 256, 64)
                .object("page", null, 4096, 4096)
                .exit("A", true)
                .access(0, 0, 8, false, "vcpu.a")
                .access(0, 8, 8, true, "vcpu.b")
                .access(1, 0x300, 4, true, "page+0x300")
                .exit("B", false)
                .access(0, 60, 8, false, "vcpu.c")
                .access(0, 128, 8, true, "vcpu.d")
                .build();
    }

    static ExitSequence alternating() {
        return (seed, length) -> IntStream.iterate(0, i -> 1 - i).iterator();
    }

    static CostModel cost() {
        return new CostModel("test", List.of("L1D", "L2"), 1.0, Map.of("A", 1000L, "B", 3000L), Map.of());
    }
}
