package footprint.sim;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;

/**
 * The mean of a value over independent replicates with its Student-t confidence interval and
 * the two-sided p-value of "the true mean is zero", over {@code n} replicates (n - 1 degrees
 * of freedom). One replicate gives the mean with no interval around it and p = 1; replicates
 * that all agree give an exact value.
 */
public record MeanInterval(long n, double mean, double low, double high, double pValue) {
    public static final double CONFIDENCE = 0.95;

    /** The interval of the mean of the values summed up in {@code s} (commons-math3). */
    public static MeanInterval of(StatisticalSummary s) {
        long n = s.getN();
        if (n == 0) {
            return new MeanInterval(0, 0, 0, 0, 1);
        }
        double mean = s.getMean();
        double sd = n > 1 ? s.getStandardDeviation() : 0;
        if (n < 2 || !(sd > 0)) {
            // No spread to judge by: with one replicate nothing is known; with several equal ones the value is exact.
            double p = n < 2 || mean == 0 ? 1 : 0;
            return new MeanInterval(n, mean, mean, mean, p);
        }
        TDistribution t = new TDistribution(n - 1);
        double se = sd / Math.sqrt(n);
        double half = t.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2) * se;
        return new MeanInterval(n, mean, mean - half, mean + half, 2 * t.cumulativeProbability(-Math.abs(mean / se)));
    }

    public double halfWidth() {
        return (high - low) / 2;
    }
}
