package footprint.compare;

import footprint.sim.MeanInterval;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A metric before and after, paired by replicate: the means over the replicates, the mean
 * paired difference (after minus before) with its 95% Student-t interval and two-sided p-value
 * over the {@code n} replicates' differences, and the difference as a share of the exit's
 * estimated cost before (0 for metrics not in cycles). The unit of evidence is the replicate:
 * exits of one replicate share cache state, guest addresses and placement, so they are not
 * independent (DESIGN.md "Numbers that hold").
 */
public record PairedDiff(long n, double before, double after, double diff, double ciLow, double ciHigh,
        double pValue, double shareOfExit) {
    static final double CONFIDENCE = MeanInterval.CONFIDENCE;

    /**
     * The paired difference from one value per replicate: {@code before[r]} and {@code after[r]}
     * are replicate r's means over its exits; {@code exitCost} is the mean estimated cycles
     * before (the denominator of the share; 0 for no share).
     */
    static PairedDiff overReplicates(double[] before, double[] after, double exitCost) {
        SummaryStatistics b = new SummaryStatistics();
        SummaryStatistics a = new SummaryStatistics();
        SummaryStatistics diff = new SummaryStatistics();
        for (int r = 0; r < before.length; r++) {
            b.addValue(before[r]);
            a.addValue(after[r]);
            diff.addValue(after[r] - before[r]);
        }
        MeanInterval d = MeanInterval.of(diff);
        double share = exitCost == 0 ? 0 : d.mean() / exitCost;
        return new PairedDiff(d.n(), b.getMean(), a.getMean(), d.mean(), d.low(), d.high(), d.pValue(), share);
    }

    /** The interval lies entirely below zero: after is lower (fewer misses, fewer cycles). */
    public boolean lower() {
        return ciHigh < 0;
    }

    /** The interval lies entirely above zero. */
    public boolean higher() {
        return ciLow > 0;
    }

    /** Half-width of the interval, for "9 +/- 2". */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }
}
