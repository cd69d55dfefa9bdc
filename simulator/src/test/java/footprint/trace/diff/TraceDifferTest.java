package footprint.trace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.layout.LayoutSet;
import footprint.trace.Trace;
import footprint.trace.TraceReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** trace diff on two hand-written versions of one trace: a field moved into a nested struct, others added and removed. */
class TraceDifferTest {
    private static final String OLD = """
            footprint-trace 1
            object v struct vcpu
            object page raw 64
            segment common
              R v.exit_reason 4 run x.c:1
              R v.regs[2] 8 run x.c:2
            end
            exit A
              use common
              R v.mode 4 a x.c:3
              R page+8 4 a x.c:4
            end
            exit GONE
              use common
            end
            """;
    private static final String NEW = """
            footprint-trace 1
            object v struct vcpu
            object page raw 64
            exit A
              R v.vt.exit_reason 4 run x.c:10
              R v.regs[2] 8 run x.c:11
              R v.regs[3] 8 run x.c:12
              R page+16 4 a x.c:13
            end
            exit NEW_EXIT
              R v.mode 4 b x.c:14
            end
            """;
    private static final String OLD_LAYOUT = """
            struct vcpu {
            	int                        exit_reason;          /*     0     4 */
            	int                        mode;                 /*     4     4 */
            	long int                   regs[4];              /*     8    32 */

            	/* size: 40, cachelines: 1, members: 3 */
            };
            """;
    private static final String NEW_LAYOUT = """
            struct vt {
            	int                        exit_reason;          /*     0     4 */

            	/* size: 4, cachelines: 1, members: 1 */
            };
            struct vcpu {
            	int                        mode;                 /*     0     4 */
            	struct vt                  vt;                   /*     4     4 */
            	long int                   regs[4];              /*     8    32 */

            	/* size: 40, cachelines: 1, members: 3 */
            };
            """;

    private static Trace parse(String name, String text) {
        return TraceReader.parse(name, text);
    }

    @Test
    void exitsAndFieldsAddedRemovedAndMoved() {
        TraceDiff d = TraceDiffer.diff(parse("old.trace", OLD), parse("new.trace", NEW), null, null);
        assertThat(d.exitsAdded()).containsExactly("NEW_EXIT");
        assertThat(d.exitsRemoved()).containsExactly("GONE");
        TraceDiff.ExitDiff a = d.exits().get(0);
        assertThat(a.exit()).isEqualTo("A");
        assertThat(a.oldAccesses()).isEqualTo(4);
        assertThat(a.newAccesses()).isEqualTo(4);
        assertThat(a.moved()).containsExactly(new TraceDiff.Move(new TraceDiff.Field("v.exit_reason", null, null),
                new TraceDiff.Field("v.vt.exit_reason", null, null)));
        assertThat(a.removed()).extracting(TraceDiff.Field::target).containsExactly("v.mode", "page+8");
        assertThat(a.added()).extracting(TraceDiff.Field::target).containsExactly("v.regs[3]", "page+16");
    }

    @Test
    void withLayoutsAMoveNamesTheStructsAndOffsets() {
        TraceDiff d = TraceDiffer.diff(parse("old.trace", OLD), parse("new.trace", NEW),
                LayoutSet.parse(OLD_LAYOUT, "old.pahole"), LayoutSet.parse(NEW_LAYOUT, "new.pahole"));
        TraceDiff.ExitDiff a = d.exits().get(0);
        assertThat(a.moved()).containsExactly(new TraceDiff.Move(new TraceDiff.Field("v.exit_reason", "vcpu", 0L),
                new TraceDiff.Field("v.vt.exit_reason", "vt", 4L)));
        assertThat(a.removed()).contains(new TraceDiff.Field("v.mode", "vcpu", 4L));
        assertThat(a.added()).contains(new TraceDiff.Field("v.regs[3]", "vcpu", 32L));
        assertThat(List.copyOf(a.added())).contains(new TraceDiff.Field("page+16", null, 16L));
    }
}
