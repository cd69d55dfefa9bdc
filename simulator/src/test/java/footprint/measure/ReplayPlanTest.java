package footprint.measure;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.sim.ExitProgram;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan keeps each object's offset within its page, flattens accesses in order, and survives its file. */
class ReplayPlanTest {
    @TempDir
    Path tmp;

    private static ExitProgram program() {
        return ExitProgram.builder()
                .object("vcpu", "vcpu", 5000, 64)
                .object("page", null, 4096, 4096)
                .exit("A", true)
                .access(0, 0, 8, false, "vcpu.a")
                .access(0, 4100, 2, true, "vcpu.b")
                .access(1, 0x300, 4, true, "page+0x300")
                .exit("B", false)
                .access(0, 60, 16, false, "vcpu.c")
                .build();
    }

    @Test
    void objectsKeepTheirOffsetWithinThePageAndFollowEachOtherPageByPage() {
        long[] bases = {0x1_0000_0140L, 0x2_0000_0000L};
        ReplayPlan p = ReplayPlan.of(program(), bases, new int[] {0, 1, 0}, GuestModel.NONE, 3);
        // vcpu at page offset 0x140, 5000 bytes: ends at 0x140 + 5000 = 5320, so page starts at 8192.
        assertThat(p.offset()).containsExactly(0x140, 0x140 + 4100, 8192 + 0x300, 0x140 + 60);
        assertThat(p.size()).containsExactly(8, 2, 4, 16);
        assertThat(p.write()).containsExactly(false, true, true, false);
        assertThat(p.exitStart()).containsExactly(0, 3, 4);
        assertThat(p.arenaBytes()).isEqualTo(8192 + 4096);
        assertThat(p.accessesPerExit()).isEqualTo((3 + 1 + 3) / 3.0);
        assertThat(p.guestAccesses()).isZero();
    }

    @Test
    void aPlanReadsBackFromItsFileAndReplaysWithoutFault() throws Exception {
        ReplayPlan p = ReplayPlan.of(program(), new long[] {0x40, 0x1000}, new int[] {1, 0},
                GuestModel.synthetic(64 * 1024, 100, GuestPattern.UNIFORM), 9);
        Path f = tmp.resolve("p.plan");
        p.write(f);
        ReplayPlan q = ReplayPlan.read(f);
        assertThat(q.offset()).containsExactly(p.offset());
        assertThat(q.size()).containsExactly(p.size());
        assertThat(q.write()).containsExactly(p.write());
        assertThat(q.sequence()).containsExactly(1, 0);
        assertThat(q.guestBytes()).isEqualTo(64 * 1024);
        assertThat(q.guestAccesses()).isEqualTo(100);
        assertThat(q.seed()).isEqualTo(9);
        try (ExitReplayer r = new ExitReplayer(q); ExitReplayer again = new ExitReplayer(q)) {
            long s = 0;
            long t = 0;
            for (int i = 0; i < 1000; i++) {
                s = r.replayNext();
                t = again.replayNext();
            }
            // Two replayers of one plan load and store the same values in the same order.
            assertThat(s).isEqualTo(t);
        }
    }
}
