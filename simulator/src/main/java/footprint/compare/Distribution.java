package footprint.compare;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Five-number summary plus mean of a set of values (e.g. the difference over placements). */
public record Distribution(double min, double p25, double median, double p75, double max, double mean) {
    static Distribution of(double[] values) {
        if (values.length == 0) {
            return new Distribution(0, 0, 0, 0, 0, 0);
        }
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        return new Distribution(d.getMin(), d.getPercentile(25), d.getPercentile(50), d.getPercentile(75),
                d.getMax(), d.getMean());
    }
}
