package footprint.compare;

import java.util.List;

/** Comparisons of the hand-made programs of {@link LayoutComparisonTest}, for the report tests. */
public final class LayoutComparisonFixtures {
    private LayoutComparisonFixtures() {}

    /** The field {@code c} moved from line 2 onto line 0, with a trace input hash of "abab...". */
    public static ComparisonReport movedField() {
        return Comparison.run(LayoutComparisonTest.setup(LayoutComparisonTest.program(128), LayoutComparisonTest.program(16), 5),
                "t.trace", "footprint compare --trace t.trace --before a --after b",
                List.of(new InputFile("trace", "t.trace", "ab".repeat(32))), List.of(), s -> { });
    }
}
