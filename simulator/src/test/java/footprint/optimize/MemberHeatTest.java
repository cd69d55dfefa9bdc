package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.layout.LayoutSet;
import footprint.trace.BoundTrace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which members of a struct an access lands in: nested instances, array elements, accesses spanning members. */
class MemberHeatTest {
    private static final LayoutSet LAYOUTS = LayoutSet.parse("""
            struct pair {
            	int                        lo;                   /*     0     4 */
            	int                        hi;                   /*     4     4 */

            	/* size: 8, cachelines: 1, members: 2 */
            	/* last cacheline: 8 bytes */
            };
            struct holder {
            	long int                   tag;                  /*     0     8 */
            	struct pair                p[2];                 /*     8    16 */
            	struct pair *              ptr;                  /*    24     8 */

            	/* size: 32, cachelines: 1, members: 3 */
            	/* last cacheline: 32 bytes */
            };
            """, "pair.pahole");

    private static MemberHeat.Result heat(String exits, String stream) {
        BoundTrace bound = TraceBinder.bind(TraceReader.parse("t.trace", "footprint-trace 1\n"
                + "object h struct holder\nobject q struct pair\n" + exits + stream), LAYOUTS, false,
                new ArrayList<>());
        return MemberHeat.of(bound, LAYOUTS, LAYOUTS.find("pair").orElseThrow(), bound.stream().weights());
    }

    @Test
    void anAccessSpanningTwoMembersCountsForBothAndEveryArrayElementIsAnInstance() {
        MemberHeat.Result r = heat("""
                exit X
                  R h.p[1] 8 f x.c:1
                end
                exit Y
                  R h.p[0].hi 4 f y.c:1
                  R h.tag 8 f y.c:2
                end
                """, "stream sequence X*3 Y\n");
        assertThat(r.objects()).containsExactly("h", "q");
        assertThat(r.members()).extracting(HotMember::name).containsExactly("lo", "hi");
        assertThat(r.members().get(0).exits()).containsExactly(0);
        assertThat(r.members().get(0).heat()).isEqualTo(0.75);
        assertThat(r.members().get(1).exits()).containsExactly(0, 1);
        assertThat(r.members().get(1).heat()).isEqualTo(1.0);
    }

    @Test
    void accessesOutsideTheStructAndExitsTheStreamNeverRunTouchNothing() {
        MemberHeat.Result r = heat("""
                exit X
                  R h.tag 8 f x.c:1
                end
                exit Y
                  R q.lo 4 f y.c:1
                end
                """, "stream mix count=10 seed=1\n  X 1\n  Y 0\nend\n");
        assertThat(r.members()).allSatisfy(m -> assertThat(m.hot()).isFalse());
    }
}
