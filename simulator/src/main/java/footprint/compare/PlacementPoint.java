package footprint.compare;

/**
 * One seeded placement of the objects: the change in touched lines per exit of the mix, the
 * paired difference in estimated cycles, and whether after is better, equal or worse.
 */
public record PlacementPoint(long seed, double linesDiff, PairedDiff cycles, Outcome outcome) {
    /** After against before at one placement, judged by the 95% interval of the cycle difference. */
    public enum Outcome { BETTER, EQUAL, WORSE }

    static Outcome judge(PairedDiff d) {
        if (d.lower()) {
            return Outcome.BETTER;
        }
        return d.higher() ? Outcome.WORSE : Outcome.EQUAL;
    }
}
