package footprint.sim;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Mean, standard deviation and percentiles of one per-exit metric over a set of exits. */
public record MetricSummary(long n, double mean, double sd, double min, double p50, double p90, double p99, double max) {
    public static MetricSummary of(double[] values) {
        if (values.length == 0) {
            return new MetricSummary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        return new MetricSummary(values.length, d.getMean(), values.length > 1 ? d.getStandardDeviation() : 0,
                d.getMin(), d.getPercentile(50), d.getPercentile(90), d.getPercentile(99), d.getMax());
    }
}
