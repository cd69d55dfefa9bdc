package footprint.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** Corners of pahole's text format, from real pahole 1.24 output of small gcc 12 objects. */
class PaholeFormatsTest {
    // pahole --hex of: struct s { char a; struct { int x; char y; }; union { long u; char v[3]; } un;
    //                  unsigned int bf:3; unsigned char bg:7; long long al __attribute__((aligned(16))); };
    private static final String HEX = """
            struct s {
            	char                       a;                    /*     0   0x1 */

            	/* XXX 3 bytes hole, try to pack */

            	struct {
            		int                x;                    /*   0x4   0x4 */
            		char               y;                    /*   0x8   0x1 */
            	};                                               /*   0x4   0x8 */

            	/* XXX last struct has 3 bytes of padding */
            	/* XXX 4 bytes hole, try to pack */

            	union {
            		long int           u;                    /*  0x10   0x8 */
            		char               v[3];                 /*  0x10   0x3 */
            	} un;                                            /*  0x10   0x8 */
            	unsigned int               bf:3;                 /*  0x18: 0 0x4 */

            	/* XXX 5 bits hole, try to pack */

            	/* Force alignment to the next boundary: */
            	unsigned char              :0;
            	/* Bitfield combined with next fields */

            	unsigned char              bg:7;                 /*  0x19: 0 0x1 */

            	/* XXX 17 bits hole, try to pack */
            	/* XXX 4 bytes hole, try to pack */

            	long long int              al __attribute__((__aligned__(16))); /*  0x20   0x8 */

            	/* size: 48, cachelines: 1, members: 6 */
            	/* sum members: 30, holes: 3, sum holes: 11 */
            	/* sum bitfield members: 10 bits, bit holes: 2, sum bit holes: 22 bits */
            	/* padding: 8 */
            	/* forced alignments: 1, forced holes: 1, sum forced holes: 4 */
            	/* last cacheline: 48 bytes */
            } __attribute__((__aligned__(16)));
            """;

    @Test
    void hexOffsetsBitfieldsAnonymousMembersAndPaholesOwnZeroWidthBitfield() {
        LayoutSet set = LayoutSet.parse(HEX, "hex.pahole");
        assertThat(set.warnings()).isEmpty();
        StructLayout s = set.find("s").orElseThrow();
        assertThat(s.size()).isEqualTo(48);
        assertThat(s.alignment()).isEqualTo(16);
        assertThat(s.memberNames()).containsExactly("a", "__anon0", "un", "bf", "bg", "al");
        assertThat(s.member("__anon0").orElseThrow().nested().member("y").orElseThrow().offset()).isEqualTo(4);
        assertThat(set.resolve("s", "y")).isEqualTo(new FieldRef("y", 8, 1, "char"));
        Member bg = s.member("bg").orElseThrow();
        assertThat(bg.offset()).isEqualTo(0x19);
        assertThat(bg.bitSize()).isEqualTo(7);
        // bg:7 cannot share bf's byte without straddling its char unit: the ABI moves it, pahole's
        // ":0" explains nothing more and is dropped.
        assertThat(s.members()).noneMatch(Member::isZeroWidthBitfield);
        assertThat(LayoutEngine.verify(s)).isNull();
        LayoutStats st = LayoutStats.of(s);
        assertThat(st.holes()).isEqualTo(3);
        assertThat(st.sumHoles()).isEqualTo(11);
        assertThat(st.bitHoles()).isEqualTo(2);
        assertThat(st.sumBitHoles()).isEqualTo(22);
        assertThat(st.padding()).isEqualTo(8);
    }

    @Test
    void paholesInventedPaddingMembersAreSkipped() {
        String text = """
                struct t {
                	long double                m0;                   /*     0    16 */
                	unsigned char              m1;                   /*    16     1 */
                	struct {
                		unsigned char      i0:8;                 /*    17: 0  1 */
                	} m2;                                            /*    17     1 */

                	/* Force padding: */
                	struct {
                		unsigned char      i0:8;                 /*     0: 0  1 */
                	} :8;
                	struct h                   [1]:32;

                	/* size: 32, cachelines: 1, members: 3 */
                	/* padding: 14 */
                	/* last cacheline: 32 bytes */
                };
                """;
        StructLayout t = LayoutSet.parse(text, "t.pahole").find("t").orElseThrow();
        assertThat(t.memberNames()).containsExactly("m0", "m1", "m2");
        assertThat(LayoutStats.of(t).padding()).isEqualTo(14);
    }

    @Test
    void densityMarksHotBytesInUpperCase() {
        StructLayout s = LayoutSet.parse(HEX, "hex.pahole").find("s").orElseThrow();
        BitSet hot = new BitSet();
        hot.set(0x10, 0x18); // un
        hot.set(2); // a hole
        String row = DensityChart.rows(s, false, hot).get(0).cells();
        assertThat(row).isEqualTo("a.!.bbbbbbbb...." + "CCCCCCCC" + "de......" + "ffffffff" + "________");
        assertThat(DensityChart.rows(s, true, null).get(0).cells()).isEqualTo(":.bbbb..cccc" + "e..." + "ffff" + "____");
        assertThat(DensityChart.render(s, false, hot, false)).contains("A-Z  hot bytes");
    }

    @Test
    void renderedLayoutsWithFunctionPointersReadBackEqual() throws Exception {
        java.nio.file.Path dump = footprint.testsupport.RepoFiles.resolve(
                "models/layouts/debian-6.1/debian-6.1-kvm_mmu.expanded.pahole");
        StructLayout original = LayoutSet.load(java.util.List.of(dump)).find("kvm_mmu").orElseThrow();
        String text = PaholeText.render(original);
        assertThat(text).contains("(*get_guest_pgd)(struct kvm_vcpu *);");

        StructLayout reread = LayoutSet.parse(text, "rendered").find("kvm_mmu").orElseThrow();
        assertThat(reread.size()).isEqualTo(original.size());
        assertThat(reread.members()).extracting(Member::name, Member::type, Member::offset, Member::size)
                .containsExactlyElementsOf(original.members().stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.name(), m.type(), m.offset(), m.size()))
                        .toList());
    }
}
