package footprint.sim;

/**
 * Mean, standard deviation (sample) and percentiles of one per-exit metric over a set of exits,
 * computed from an exact histogram of its values with commons-math3's definitions.
 */
public record MetricSummary(long n, double mean, double sd, double min, double p50, double p90, double p99, double max) {
    /**
     * The summary of the values of {@code h}. The mean is {@code Mean}'s (the sum divided by n,
     * corrected by the mean deviation), the standard deviation {@code StandardDeviation}'s (bias
     * corrected, with the same correction term), the percentiles {@code Percentile}'s default
     * LEGACY estimate (position p(n+1)/100, interpolated between the order statistics around it);
     * sums run over the distinct values in ascending order, each times its count.
     */
    public static MetricSummary of(ValueHistogram h) {
        long n = h.total();
        if (n == 0) {
            return new MetricSummary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        double[] values = h.sortedValues();
        long[] counts = new long[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            counts[i] = h.count(values[i]);
            sum += counts[i] * values[i];
        }
        double xbar = sum / n;
        double correction = 0;
        for (int i = 0; i < values.length; i++) {
            correction += counts[i] * (values[i] - xbar);
        }
        double mean = xbar + correction / n;
        double sd = 0;
        if (n > 1) {
            double squares = 0;
            double deviations = 0;
            for (int i = 0; i < values.length; i++) {
                double dev = values[i] - mean;
                squares += counts[i] * (dev * dev);
                deviations += counts[i] * dev;
            }
            sd = Math.sqrt((squares - deviations * deviations / n) / (n - 1.0));
        }
        return new MetricSummary(n, mean, sd, values[0], percentile(values, counts, n, 50),
                percentile(values, counts, n, 90), percentile(values, counts, n, 99), values[values.length - 1]);
    }

    /** commons-math3 {@code Percentile.EstimationType.LEGACY}, with order statistics read off the cumulative counts. */
    private static double percentile(double[] values, long[] counts, long n, double quantile) {
        if (n == 1) {
            return values[0];
        }
        double pos = quantile / 100d * (n + 1);
        double fpos = Math.floor(pos);
        long intPos = (long) fpos;
        double dif = pos - fpos;
        if (pos < 1) {
            return values[0];
        }
        if (pos >= n) {
            return values[values.length - 1];
        }
        double lower = orderStatistic(values, counts, intPos - 1);
        double upper = orderStatistic(values, counts, intPos);
        return lower + dif * (upper - lower);
    }

    /** The k-th smallest value (from 0), counting each value as often as it occurred. */
    private static double orderStatistic(double[] values, long[] counts, long k) {
        long below = 0;
        for (int i = 0; i < values.length; i++) {
            below += counts[i];
            if (k < below) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("order statistic " + k + " of " + below + " values");
    }
}
