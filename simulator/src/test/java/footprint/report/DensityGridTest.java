package footprint.report;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.compare.DensityMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML density grid folds cold lines and names, on hover, the field and exits behind a cell. */
class DensityGridTest {
    /** 6 lines of 64 bytes: member a (0-63, a.x at 8-15 accessed by X), member b (64-383, cold but its last 8 bytes). */
    private static DensityMap map() {
        String bytes = "a".repeat(8) + "A".repeat(8) + "a".repeat(48) + "b".repeat(64 * 4) + "b".repeat(56) + "B".repeat(8);
        return new DensityMap("before", "obj", "s", 384, 64, bytes, List.of(
                new DensityMap.MemberBytes("a", 0, 64, List.of("X")),
                new DensityMap.MemberBytes("a.x", 8, 8, List.of("X")),
                new DensityMap.MemberBytes("b", 64, 320, List.of("Y", "Z"))));
    }

    @Test
    void linesWithoutAccessedBytesFoldAndTheWholeGridStaysBehindDetails() {
        String svg = SvgCharts.density(map());
        String folded = svg.substring(0, svg.indexOf("<details>"));
        assertThat(folded).contains("lines 1-4: 4 lines without accessed bytes");
        assertThat(folded).containsPattern(">0</text>").containsPattern(">5</text>").doesNotContain(">2</text>");
        assertThat(svg).contains("<details><summary>every line (6)</summary>");
        assertThat(svg.substring(svg.indexOf("<details>"))).contains(">2</text>").doesNotContain("without accessed bytes");
    }

    @Test
    void hoveringACellNamesTheInnermostFieldAndItsExits() {
        String svg = SvgCharts.density(map());
        assertThat(svg).contains("<title>bytes 8-15: a.x, accessed by X</title>")
                .contains("<title>bytes 0-7: a, not accessed</title>")
                .contains("<title>bytes 376-383: b, accessed by Y, Z</title>");
    }

    @Test
    void aGridWithNothingToFoldIsDrawnOnce() {
        DensityMap hot = new DensityMap("after", "obj", "s", 64, 64, "A".repeat(64),
                List.of(new DensityMap.MemberBytes("a", 0, 64, List.of("X"))));
        assertThat(SvgCharts.density(hot)).doesNotContain("<details>").contains("bytes 0-63: a, accessed by X");
    }
}
