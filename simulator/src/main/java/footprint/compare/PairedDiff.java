package footprint.compare;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A metric before and after over the same exits: the means, the mean paired difference
 * (after minus before) with its 95% confidence interval, the two-sided paired t-test p-value,
 * and the difference as a share of the exit's estimated cost before (0 for metrics not in cycles).
 */
public record PairedDiff(long n, double before, double after, double diff, double ciLow, double ciHigh,
        double pValue, double shareOfExit) {
    static final double CONFIDENCE = 0.95;

    /**
     * The paired difference of the pairs in {@code m}; {@code exitCost} is the mean estimated
     * cycles before over the same exits (the denominator of the share).
     */
    static PairedDiff of(PairedMoments m, double exitCost) {
        long n = m.n();
        if (n == 0) {
            return new PairedDiff(0, 0, 0, 0, 0, 0, 1, 0);
        }
        double mean = m.diff();
        double sd = m.diffSd();
        double low = mean;
        double high = mean;
        double p;
        if (sd > 0) {
            TDistribution t = new TDistribution(n - 1);
            double se = sd / Math.sqrt(n);
            double half = t.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2) * se;
            low = mean - half;
            high = mean + half;
            p = 2 * t.cumulativeProbability(-Math.abs(mean / se));
        } else {
            // Every pair differs by the same amount: no noise, the difference is exact.
            p = mean == 0 ? 1 : 0;
        }
        double share = exitCost == 0 ? 0 : mean / exitCost;
        return new PairedDiff(n, m.before(), m.after(), mean, low, high, p, share);
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
